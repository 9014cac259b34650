import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SectionText } from '../../server/src/service/parse/sourceText';
import { textDocument, type TextChange } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { lines } from './helpers';
import { assertSameModel } from './incrementalFixtures';
import { propertyRuns } from './propertyRuns';
import { FRESH, passage, sentence } from './overlapPassages';
import { speech } from './inventedSpeech';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { speakerFile, subtitleFile } from './layoutArbitraries';
import { pointInLine, typeAndCompare } from './typedVersions';

/*
 * Typing inside a line of a turn's text in a file with no chunk markers, as real transcripts are:
 * the service reads that turn again alone (`turnReread.ts`), a cue of subtitles or a speaker's
 * turn, instead of parsing the whole file. Whatever it reads again, each version must come out as
 * a fresh analysis does.
 */

/** What is typed into a line of text: words, and what would change the line's or the cue's reading. */
const TYPED = [
  'x',
  'word ',
  ' ',
  '"',
  '.',
  ':',
  '-->',
  '00:00:07.000 --> 00:00:09.000',
  '<i>',
  '</v>',
  '<v Ana Lima>',
  '[Ana Lima]: ',
  'Ben: ',
  'WEBVTT ',
  'NOTE ',
  '```',
  '---',
  '...',
  'This is the last chunk.',
  '(Positive sentiment)',
  '王小明',
  '😀',
  '\ufeff',
];

/** An edit inside one line: `remove` characters from a point of it (no further than its end), then `insert` there. */
// Fractions from integers: a generated double is 0 or 1 far more often, which put most edits at the file's first character.
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const inLineEdit = fc.record({
  line: fraction,
  at: fraction,
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 40 })),
  insert: fc.oneof(fc.constantFrom(...TYPED), fc.string({ maxLength: 4 })),
});

type InLineEdit = {
  readonly line: number;
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  /** Typed instead of `insert`: a stretch of the text as it is (as from one place to `from`, `length` long), its line breaks made spaces. */
  readonly paste?: { readonly from: number; readonly length: number };
};

/** Some text of the file pasted into a line: a repeat of what was said, as a join's is. */
const pastedPassage = fc.record({
  line: fraction,
  at: fraction,
  remove: fc.constant(0),
  insert: fc.constant(''),
  paste: fc.record({ from: fraction, length: fc.integer({ min: 20, max: 600 }) }),
});

function changeInLine(text: string, edit: InLineEdit): TextChange {
  const { end, at } = pointInLine(text, edit.line, edit.at);
  const from = edit.paste && Math.floor(edit.paste.from * text.length);
  const insert = edit.paste ? text.slice(from, from! + edit.paste.length).replace(/[\r\n]+/g, ' ') : edit.insert;
  return { start: at, end: Math.min(end, at + edit.remove), text: insert };
}

/** Edits typed into lines, and now and then a passage of the file pasted. */
const edits = fc.array(fc.oneof({ arbitrary: inLineEdit, weight: 3 }, { arbitrary: pastedPassage, weight: 1 }), { minLength: 1, maxLength: 8 });

/** Types edits into files of `files` (see `typeInto`); says how many edits there were, and how many were read a turn at a time. */
function typeIntoFiles(files: fc.Arbitrary<string>): { edits: number; reread: number } {
  const counts = { edits: 0, reread: 0 };
  fc.assert(
    fc.property(files, edits, (initial, changes) =>
      typeAndCompare(initial, changes, changeInLine, (stats) => {
        counts.edits++;
        if (stats.reread) counts.reread++;
      }),
    ),
    { numRuns: propertyRuns(300) },
  );
  return counts;
}

test('typing inside a cue of a file with no markers, or pasting a passage of it there: each version equals a fresh analysis, and many are read a cue at a time', () => {
  const counts = typeIntoFiles(subtitleFile);
  // Not a property that holds by falling back each time: about a fifth of the edits take the short way.
  assert.ok(counts.reread > counts.edits / 10, `${counts.reread} of ${counts.edits} edits read one cue again`);
});

test("typing inside a speaker's turn of a file with no markers, or pasting a passage of it there: each version equals a fresh analysis, and many are read a turn at a time", () => {
  const counts = typeIntoFiles(speakerFile);
  // About a tenth take the short way (pastes, headers typed into, files under open front matter do not).
  assert.ok(counts.reread > counts.edits / 20, `${counts.reread} of ${counts.edits} edits read one turn again`);
});

const CUES = lines(
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Ana Lima>Good evening, and welcome to the garden meeting.',
  '',
  '00:00:04.000 --> 00:00:08.000',
  '<v Ben Okafor>Thank you. The first thing is the water butts.',
  '',
  '00:00:08.000 --> 00:00:11.000',
  '<v Ana Lima>Yes, the water butts are full.',
);

test('typing in a cue reads that cue again, and the turns around it stay the same objects', () => {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///cues.transcript';
  const before = analyses.analysis(textDocument(uri, CUES, 1)).model;
  const at = CUES.indexOf('water butts.') + 'water'.length;
  const text = `${CUES.slice(0, at)} and the hoses${CUES.slice(at)}`;
  analyses.edited(uri, 2, [{ start: at, end: at, text: ' and the hoses' }]);
  const analysis = analyses.analysis(textDocument(uri, text, 2));
  assert.deepEqual(analysis.parseStats, { parsed: 0, kept: 1, moved: 0, reread: 1 });
  const after = analysis.model;
  assert.equal(after.turns[1]!.segments[0]!.text, 'Thank you. The first thing is the water and the hoses butts.');
  assert.equal(after.turns[0], before.turns[0]);
  assert.equal(after.turns[2], before.turns[2]);
  // The speaker and the chunk are new objects with the same fields: caches kept by them see a change.
  assert.notEqual(after.speakers[1], before.speakers[1]);
  assert.deepEqual(after.speakers[1], before.speakers[1]);
  assert.notEqual(after.chunks[0], before.chunks[0]);
  // The version before still reads its own text.
  assert.equal(before.turns[1]!.segments[0]!.text, 'Thank you. The first thing is the water butts.');
  assert.equal(after.turns[2]!.segments[0]!.text, 'Yes, the water butts are full.');
  assert.deepEqual(after.turns[2]!.range, { start: { line: 8, character: 0 }, end: { line: 9, character: 42 } });
});

/** Analyses `text`, then `change` made to it as the editor sends it; says whether one turn was read again alone, and checks the model after it. */
function readAgainAfter(text: string, change: TextChange): boolean {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///cues.transcript';
  assertSameModel(analyses.analysis(textDocument(uri, text, 1)).model, text);
  const edited = text.slice(0, change.start) + change.text + text.slice(change.end);
  analyses.edited(uri, 2, [change]);
  const analysis = analyses.analysis(textDocument(uri, edited, 2));
  assertSameModel(analysis.model, edited);
  return analysis.parseStats.reread === 1;
}

/** The first line of each chunk of `text`. */
const chunkStarts = (text: string) => parseTranscript(text).chunks.map((chunk) => chunk.range.start.line);

/** `text` typed at `at` in `document`. */
const typed = (at: number, text: string): TextChange => ({ start: at, end: at, text });

test('an edit that changes more than its cue is not read a cue at a time, and the model is still a fresh one', () => {
  const ben = CUES.indexOf('<v Ben Okafor>');
  const thanks = CUES.indexOf('Thank you.');
  const lineEnd = CUES.indexOf('\n', thanks);
  // The short way is taken where nothing else changes, a timing line's text too far into the line to be one.
  assert.equal(readAgainAfter(CUES, typed(thanks, 'Well. ')), true);
  assert.equal(readAgainAfter(CUES, typed(lineEnd, ' 00:00:07.000 --> 00:00:09.000')), true);
  for (const [change, why] of [
    [typed(ben + 3, 'Dr '), 'another label: the speakers change'],
    [typed(CUES.indexOf('Good evening'), '"'), "the chunk's first turn quoted: the chunk's format changes"],
    [{ start: ben, end: lineEnd, text: '00:00:07.000 --> 00:00:09.000' }, 'a timing line'],
    [{ start: ben, end: lineEnd, text: '' }, 'a blank line, which ends the cue'],
    [{ start: ben, end: lineEnd, text: 'This is the last chunk.' }, 'a chunk marker'],
  ] as const) {
    assert.equal(readAgainAfter(CUES, change), false, why);
  }
  // A middle line of a cue emptied: the lines after it are no longer the cue's.
  const threeLines = lines(
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v Ana Lima>One,',
    'two,',
    'three.',
    '',
    '00:00:05.000 --> 00:00:06.000',
    'Four.',
  );
  const two = threeLines.indexOf('two,');
  assert.equal(readAgainAfter(threeLines, { start: two, end: two + 4, text: '' }), false, 'a blank line inside the cue');
  // Nine cues, eight of one word; the other's one line of text made a timing line: ten cues, word
  // level, so they join, and the emptied cue is no turn. The first turn read alone is then the new
  // cue, over the old one's last line: not the old one.
  const oneWord = (k: number) => [`00:00:0${k}.000 --> 00:00:0${k}.500`, 'Right.', ''];
  const nearlyWordLevel = lines(
    'WEBVTT',
    '',
    ...[0, 1, 2, 3, 4].flatMap(oneWord),
    '00:00:05.000 --> 00:00:05.500',
    'so then',
    '',
    ...[6, 7, 8].flatMap(oneWord),
  );
  const soThen = nearlyWordLevel.indexOf('so then');
  assert.equal(readAgainAfter(nearlyWordLevel, { start: soThen, end: soThen + 7, text: '00:00:05.600 --> 00:00:05.900' }), false, 'a cue emptied');
});

test("a line of no cue inside a cue's range (after the blank that ends its text, before the note the cue takes): an edit in it keeps the model a fresh one", () => {
  // The line is reported as belonging to no cue; a letter taken from it must move the end of that problem too.
  const strayLine = lines(
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:02.000',
    '<v Ana Lima>Good evening.',
    '',
    'a line the editor pasted here by mistake',
    '(Positive sentiment)',
    '',
    '00:00:03.000 --> 00:00:04.000',
    '<v Ana Lima>Thank you.',
  );
  assert.deepEqual(
    parseTranscript(strayLine).problems.map((problem) => `${problem.code} ${problem.range.start.line}`),
    ['unrecognized-line 5'],
  );
  const pasted = strayLine.indexOf('pasted');
  readAgainAfter(strayLine, { start: pasted, end: pasted + 7, text: '' });
  readAgainAfter(strayLine, typed(pasted, 'copied and '));
  // Typing in the cue's own text is still read a cue at a time.
  assert.equal(readAgainAfter(strayLine, typed(strayLine.indexOf('Good'), 'A ')), true);
});

test("an edit that moves what a subtitle file's layout is read from is not read a cue at a time", () => {
  // Ten cues, five of them one word: not word-level subtitles, until one more cue is one word.
  const cue = (k: number, text: string) => [
    `00:00:${String(k * 2).padStart(2, '0')}.000 --> 00:00:${String(k * 2 + 1).padStart(2, '0')}.000`,
    text,
    '',
  ];
  const tenCues = lines('WEBVTT', '', ...Array.from({ length: 10 }, (_, k) => cue(k, k < 5 ? 'word' : 'two words')).flat());
  const two = tenCues.lastIndexOf('two words');
  assert.equal(readAgainAfter(tenCues, { start: two, end: two + 4, text: '' }), false, 'a sixth cue of one word makes the cues join');
  assert.equal(readAgainAfter(tenCues, typed(two, 'three ')), true, 'a cue of two words made three: nothing else changes');
  // A subtitle file with notes after it: the first line that starts with WEBVTT opens a report, and what follows its next heading is the report's.
  const srtAndNotes = lines(
    '1',
    '00:00:01,000 --> 00:00:02,000',
    'Hello there.',
    '',
    '## Notes',
    '',
    '2',
    '00:00:03,000 --> 00:00:04,000',
    'Bye now.',
  );
  const hello = srtAndNotes.indexOf('Hello');
  assert.equal(readAgainAfter(srtAndNotes, { start: hello, end: hello + 5, text: 'WEBVTT' }), false, 'a line that starts with WEBVTT');
  // A file that opens with a front matter fence and never closes it: a cue's line made `---` closes it, over the cues above.
  const openFence = lines('---', 'title: Garden', '', '00:00:01.000 --> 00:00:02.000', 'Hello there.', '', '00:00:03.000 --> 00:00:04.000', 'Bye.');
  const bye = openFence.indexOf('Bye.');
  assert.equal(readAgainAfter(openFence, { start: bye, end: bye + 4, text: '---' }), false, 'front matter closed');
});

test("a section's line offsets after an edit, where an offset is half of a surrogate pair as a character", () => {
  // Offsets are kept as the code units of a string; 0xd800 to 0xdfff are surrogates, which a
  // string's iterator pairs into one character and the offsets then came out one short.
  const starts = [0, 0xd7ff, 0xd800, 0xdc00, 0xdfff, 0xe000];
  const section = new SectionText('', 0, 10, starts);
  section.lineEdited('', 5, 12, 3);
  assert.deepEqual(
    starts.map((_, k) => section.lineOffset(10 + k)),
    [5, 5 + 0xd7ff, 5 + 0xd800, 5 + 0xdc00 + 3, 5 + 0xdfff + 3, 5 + 0xe000 + 3],
  );
});

/*
 * A speaker's turn read again alone: the joins by repeat that its words may make or unmake are
 * looked for again (`noJoinAround`). The passage (`passage`) occurs nowhere else in these
 * documents, and the rest is invented speech, so that only the repeat can match.
 */

const P = sentence(passage(25));
const label = (k: number) => `Speaker ${(k % 2) + 1}`;

test("a passage typed into a speaker's turn that a turn eight turns and 320 words later repeats, with all said between, makes that turn a join: the turn is not read alone", () => {
  const between = Array.from({ length: 8 }, (_, k) => speech(40, 10 + k));
  const text = lines(
    `Speaker 1: ${speech(40, 1)}`,
    `Speaker 2: ${speech(30, 2)}`,
    ...between.map((said, k) => `${label(k)}: ${said}`),
    `${label(8)}: ${P} ${between.join(' ')} ${sentence(FRESH.slice(12, 20))}`,
    `${label(9)}: ${speech(20, 99)}`,
  );
  const lineEnd = text.indexOf('\n', text.indexOf('Speaker 2: '));
  assert.equal(chunkStarts(text).length, 1, 'before, the turn opens with words of its own');
  assert.equal(readAgainAfter(text, typed(lineEnd, ` ${P}`)), false);
  assert.deepEqual(chunkStarts(text.slice(0, lineEnd) + ` ${P}` + text.slice(lineEnd)), [0, 10]);
  // Other words typed there make no join: the turn is read alone.
  assert.equal(readAgainAfter(text, typed(lineEnd, ' Zulu yankee xray.')), true);
});

test("words typed into a speaker's turn that go on a repeat an earlier turn opened make that earlier turn a join: the turn is not read alone", () => {
  // The third turn says again the first five words of the second; the fourth, once the rest is typed into it, goes on with the other twenty.
  const words = passage(25);
  const after = sentence(FRESH.slice(12, 20));
  const text = lines(
    `Speaker 1: ${speech(40, 1)}`,
    `Speaker 2: ${sentence(words)}`,
    `Speaker 1: ${words.slice(0, 5).join(' ')}`,
    `Speaker 2: ${after}`,
    `Speaker 1: ${speech(20, 99)}`,
  );
  const at = text.indexOf(after);
  const rest = `${words.slice(5).join(' ')} `;
  assert.equal(chunkStarts(text).length, 1);
  assert.equal(readAgainAfter(text, typed(at, rest)), false);
  assert.deepEqual(chunkStarts(text.slice(0, at) + rest + text.slice(at)), [0, 2]);
  assert.equal(readAgainAfter(text, typed(at, 'Zulu yankee xray. ')), true);
});

test("an announced speaker's name typed to match the label of the line after its turn: that line becomes the announced turn's, so the turn is not read alone", () => {
  // `Researchers:` answers no announcement of `Researcher`: it is a turn of its own, until the announced name is typed to match it.
  const text = lines(
    '[00:16:01] Speaker: Host',
    'Host: Good evening and welcome.',
    '[00:16:08] Speaker: Researcher',
    'Researchers: Thank you for having me.',
    '[00:16:20] Speaker: Host',
    'Host: Let us begin.',
  );
  const nameEnd = text.indexOf('Researcher\n') + 'Researcher'.length;
  const announcedTurnEnd = (transcript: string) => parseTranscript(transcript).turns[1]!.range.end.line;
  assert.equal(announcedTurnEnd(text), 2);
  assert.equal(readAgainAfter(text, typed(nameEnd, 's')), false);
  assert.equal(announcedTurnEnd(text.slice(0, nameEnd) + 's' + text.slice(nameEnd)), 3);
  // Typing in the text of a turn it announced is read a turn at a time.
  assert.equal(readAgainAfter(text, typed(text.indexOf('Good evening'), 'Well. ')), true);
});

test('typing in a turn below front matter a fence closes is read a turn at a time; below front matter left open, where a fence typed closes it, it is not', () => {
  const turns = ['Ana Lima: Good evening,', 'and welcome to the garden meeting.', 'Ben Okafor: Thank you. The first thing is the water butts.'];
  const closed = lines('---', 'title: Elm Street garden', 'guest: Ben Okafor', '---', '', ...turns);
  const open = lines('---', 'title: Elm Street garden', 'guest: Ben Okafor', '', ...turns);
  const typedInto = (text: string, change: (text: string) => TextChange) => readAgainAfter(text, change(text));
  const inText = (text: string) => typed(text.indexOf('water'), 'rain ');
  assert.equal(typedInto(closed, inText), true);
  assert.equal(typedInto(open, inText), false);
  // `...` alone on a line closes front matter: typed over the first turn's second line, under front matter left open, it takes in the lines above.
  const overLine = (text: string): TextChange => ({ start: text.indexOf('and welcome'), end: text.indexOf('meeting.') + 8, text: '...' });
  assert.equal(typedInto(open, overLine), false);
  assert.equal(typedInto(closed, overLine), true);
});

test('typing in a turn whose header has only a stamp, which takes the label of the turn above, reads that turn alone, with that label', () => {
  const text = lines(
    'Ana Lima (00:00:58):',
    'Good evening, and welcome to the garden meeting.',
    '',
    '(00:01:24):',
    'First, the water butts.',
    '',
    'Ben Okafor (00:04:50):',
    'Thank you.',
  );
  assert.equal(readAgainAfter(text, typed(text.indexOf('water'), 'rain ')), true);
  assert.equal(parseTranscript(text).turns[1]!.label, 'Ana Lima');
});

test('in subtitles where a cue whose time goes back was asked whether it repeats the cues before, typing those words into an earlier cue makes it a join: the cue is not read alone', () => {
  const repeated = 'alpha bravo charlie delta echo foxtrot golf hotel';
  const text = lines(
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    'Good evening, and welcome to the garden meeting.',
    '',
    '00:00:04.000 --> 00:00:08.000',
    'Thank you. The first thing is the water butts.',
    '',
    '00:00:02.000 --> 00:00:05.000',
    `${repeated} and then the hoses.`,
  );
  const lineEnd = text.indexOf('water butts.') + 'water butts.'.length;
  assert.deepEqual(chunkStarts(text), [2]);
  assert.equal(readAgainAfter(text, typed(lineEnd, ` ${repeated}`)), false);
  assert.deepEqual(chunkStarts(text.slice(0, lineEnd) + ` ${repeated}` + text.slice(lineEnd)), [2, 8]);
  // Other words typed there make no join: the cue is read alone, the question asked again.
  assert.equal(readAgainAfter(text, typed(lineEnd, ' Zulu yankee xray.')), true);
});

const FAR_REPEATED = 'quasar nebula pulsar comet meteor galaxy orbit zenith nadir aurora eclipse solstice';

/**
 * Two turns, then `between` (20 turns, 2,000 words), then a turn that says `FAR_REPEATED` inside
 * it, three more turns, and a last turn that repeats the last 300 words from `FAR_REPEATED` on.
 */
function farRepeat(between: readonly string[]): string {
  const said = [0, 1, 2].map((k) => speech(100, 60 + k));
  return lines(
    `Speaker 1: ${speech(40, 1)}`,
    `Speaker 2: ${speech(30, 3)}`,
    ...between.map((words, k) => `${label(k)}: ${words}`),
    `Speaker 1: Lantern pebble ${FAR_REPEATED} harbour meadow.`,
    ...said.map((words, k) => `${label(k + 1)}: ${words}`),
    `Speaker 1: ${FAR_REPEATED} harbour meadow. ${said.join(' ')} ${sentence(FRESH.slice(12, 20))}`,
  );
}

test("words typed at the start of a speaker's turn that a turn 25 turns and 2,000 words later opens with let that turn look further back, where it finds the join: the turn is not read alone", () => {
  // A turn that opens as one of the chunk's last 32 turns did is looked for as far back as 1,500
  // words (a copy of whole turns): here the last turn repeats from inside a turn on, which becomes
  // a join once the edited turn, 2,000 words before, opens with the repeat's first words.
  const text = farRepeat(Array.from({ length: 20 }, (_, k) => speech(100, 20 + k)));
  const at = text.indexOf('Speaker 2: ') + 'Speaker 2: '.length;
  const opening = 'quasar nebula pulsar ';
  assert.deepEqual(chunkStarts(text), [0]);
  assert.equal(readAgainAfter(text, typed(at, opening)), false);
  assert.deepEqual(chunkStarts(text.slice(0, at) + opening + text.slice(at)), [0, 26]);
  // Typed after the sixth word of the turn's first sentence, the same words open neither the turn
  // nor a sentence: the turns more than 1,500 words on are not asked again, and the turn is read alone.
  let sixthWordEnd = at;
  for (let k = 0; k < 6; k++) sixthWordEnd = text.indexOf(' ', sixthWordEnd + 1);
  assert.equal(readAgainAfter(text, typed(sixthWordEnd, ` ${opening.trim()}`)), true);
});

test("a sentence typed into a speaker's turn that a turn 2,000 words later opens with lets that turn look further back, where it finds the join: the turn is not read alone", () => {
  // The same, through a sentence's opening: the last 200 sentences' are kept, which in sentences
  // of 100 words reach further back than 1,500 words.
  const text = farRepeat(Array.from({ length: 20 }, (_, k) => `${speech(100, 20 + k).replace(/\./g, '')}.`));
  const firstSentenceEnd = text.indexOf('. ', text.indexOf('Speaker 2: ')) + 2;
  const typedSentence = 'Quasar nebula pulsar comet meteor galaxy. ';
  assert.deepEqual(chunkStarts(text), [0]);
  assert.equal(readAgainAfter(text, typed(firstSentenceEnd, typedSentence)), false);
  assert.deepEqual(chunkStarts(text.slice(0, firstSentenceEnd) + typedSentence + text.slice(firstSentenceEnd)), [0, 26]);
});

test("a sentence typed into a speaker's turn that a turn 45 turns and 1,700 words later opens with, where only the sentence openings reach so far, lets that turn look further back: the turn is not read alone", () => {
  // Forty turns of forty words with no full stop between: past the last 1,500 words and the last
  // 32 turns' starts the far turn could read, yet fewer than 200 sentence openings, so the typed
  // opening is still among those it looks for its own opening in.
  const text = farRepeat(Array.from({ length: 40 }, (_, k) => speech(40, 20 + k).replace(/\./g, '')));
  const firstSentenceEnd = text.indexOf('. ', text.indexOf('Speaker 2: ')) + 2;
  const typedSentence = 'Quasar nebula pulsar comet meteor galaxy. ';
  assert.deepEqual(chunkStarts(text), [0]);
  assert.equal(readAgainAfter(text, typed(firstSentenceEnd, typedSentence)), false);
  assert.deepEqual(chunkStarts(text.slice(0, firstSentenceEnd) + typedSentence + text.slice(firstSentenceEnd)), [0, 46]);
  // So does a sentence that opens as the far turn's third word on does: a turn's opening may come
  // after a few words of its own.
  const inside = 'Pulsar comet meteor galaxy orbit zenith. ';
  assert.equal(readAgainAfter(text, typed(firstSentenceEnd, inside)), false);
  assert.deepEqual(chunkStarts(text.slice(0, firstSentenceEnd) + inside + text.slice(firstSentenceEnd)), [0, 46]);
  // Another sentence there opens as no later turn does: the far turn is not asked again, and the
  // turn is read alone.
  assert.equal(readAgainAfter(text, typed(firstSentenceEnd, 'Walrus otter lynx heron badger finch. ')), true);
});

test('where many asked turns stand between the typed sentence and a turn that opens with it, that turn still looks further back: the turn is not read alone', () => {
  // Four long turns then a hundred short ones, none with a full stop: the far turn stands past the
  // words and turn starts it could read, behind more asked turns than are looked at one by one.
  const between = [
    ...Array.from({ length: 4 }, (_, k) => speech(400, 200 + k).replace(/\./g, '')),
    ...Array.from({ length: 100 }, (_, k) => speech(6, 300 + k).replace(/\./g, '')),
  ];
  const text = farRepeat(between);
  const firstSentenceEnd = text.indexOf('. ', text.indexOf('Speaker 2: ')) + 2;
  const typedSentence = 'Quasar nebula pulsar comet meteor galaxy. ';
  assert.deepEqual(chunkStarts(text), [0]);
  assert.equal(readAgainAfter(text, typed(firstSentenceEnd, typedSentence)), false);
  assert.deepEqual(chunkStarts(text.slice(0, firstSentenceEnd) + typedSentence + text.slice(firstSentenceEnd)), [0, 110]);
});

test('a turn whose last line stands over a rule is read again with its section: a line break or a letter typed may make that line a title', () => {
  // `Jonathan Reynolds` over dashes after a blank line is a title (reStructuredText's, Markdown's
  // setext heading), which ends the turn before it: the section decides it from the lines around.
  const initial = lines('**Chair**: Good morning.', 'Jonathan Reynolds', '-----------------', '', '**Counsel**: Thank you.');
  const at = initial.indexOf('Jonathan');
  const reread: number[] = [];
  typeAndCompare(
    initial,
    [
      { start: at - 1, end: at - 1, text: '\n' },
      { start: at, end: at, text: 'x' },
      { start: at + 1, end: at + 2, text: '' },
    ],
    (_text, change) => change,
    (stats) => reread.push(stats.reread ?? 0),
  );
  // Before the line break, `Jonathan Reynolds` is the Chair's; after it, a title, and no turn's.
  assert.deepEqual(
    parseTranscript(initial.slice(0, at) + '\n' + initial.slice(at)).turns.map((t) => t.segments.map((s) => s.text).join(' ')),
    ['Good morning.', 'Thank you.'],
  );
  assert.deepEqual(reread, [0, 0, 0]);
});
