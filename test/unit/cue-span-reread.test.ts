import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { textDocument, type TextChange } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import { analyze, lines } from './helpers';
import { assertSameModel } from './incrementalFixtures';
import { propertyRuns } from './propertyRuns';
import { forwardSubtitleFile, subtitleFile } from './layoutArbitraries';
import { afterEdit, typeAndCompare } from './typedVersions';

/*
 * An edit that makes or unmakes lines in subtitles with no chunk markers (a line break typed or
 * deleted, a cue cut, pasted, split or retimed): the service reads the cues the edit touched
 * (`cueSpanReread.ts`) instead of the whole file. Whatever it reads, each version must come out
 * as a fresh analysis does.
 */

/** What is typed: line breaks, cues, what ends or starts a cue or a block, what changes a time. */
const TYPED = [
  '\n',
  '\n\n',
  '\r\n',
  '\n\n00:00:07.000 --> 00:00:09.000\nA new cue of words.',
  '00:00:07.000 --> 00:00:09.000\n',
  '\n\n12\n00:00:07,000 --> 00:00:09,000\nA cue with a number.\n',
  '\n<v Cara Diaz>Someone new.',
  '\nRight.',
  '\nNOTE checked\n',
  '\nWEBVTT\n',
  '\nThis is the last chunk.\n',
  '\n(Positive sentiment)',
  '\n"',
  '9',
  '0',
  ' ',
  '',
  '王小明\n',
  '😀\n',
];

const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** An edit anywhere: `remove` characters from a point (often across a line break), then `insert` there, or a stretch of the file pasted. */
const anyEdit = fc.record({
  at: fraction,
  remove: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat({ max: 3 }), fc.nat({ max: 120 })),
  insert: fc.oneof(fc.constantFrom(...TYPED), fc.string({ maxLength: 3 })),
  paste: fc.option(fc.record({ from: fraction, length: fc.integer({ min: 1, max: 300 }) }), { freq: 4 }),
});

type AnyEdit = typeof anyEdit extends fc.Arbitrary<infer T> ? T : never;

/** The change `edit` makes to `text`, its ends never between a CR and its LF, where no editor's position can be. */
function changeFrom(text: string, edit: AnyEdit): TextChange {
  const outsideLineBreak = (offset: number) => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);
  const start = outsideLineBreak(Math.floor(edit.at * (text.length + 1)));
  const from = edit.paste && Math.floor(edit.paste.from * text.length);
  const insert = edit.paste ? text.slice(from!, from! + edit.paste.length) : edit.insert;
  return { start, end: outsideLineBreak(Math.min(text.length, start + edit.remove)), text: insert };
}

/** Types `changes` into `initial` (see `typeAndCompare`), counting the edits read a span of cues at a time. */
function typeInto(initial: string, changes: readonly AnyEdit[], counts: { edits: number; spans: number }): void {
  typeAndCompare(initial, changes, changeFrom, (stats) => {
    counts.edits++;
    if (stats.rereadLines !== undefined) counts.spans++;
  });
}

test('line breaks, cues and times typed, cut and pasted anywhere in subtitles: each version equals a fresh analysis, and many are read a few cues at a time', () => {
  const counts = { edits: 0, spans: 0 };
  fc.assert(
    fc.property(
      fc.oneof({ arbitrary: forwardSubtitleFile, weight: 3 }, subtitleFile),
      fc.array(anyEdit, { minLength: 1, maxLength: 8 }),
      (initial, changes) => typeInto(initial, changes, counts),
    ),
    { numRuns: propertyRuns(300) },
  );
  // Random edits soon leave a file where no span can be read (a marker typed, a time that goes
  // back, a line of no cue), and every edit after that parses it whole: about one in fifty takes
  // the short way here. The property below makes the edits subtitle editors make.
  assert.ok(counts.spans > counts.edits / 200, `${counts.spans} of ${counts.edits} edits read a few cues`);
});

/** An edit a subtitle editor makes at the first cue after a point of the file. */
const editorsEdit = fc.record({
  at: fraction,
  kind: fc.constantFrom('line break typed', 'line break deleted', 'cue cut', 'cue doubled', 'end time retimed', 'cue split'),
});

type EditorsEdit = typeof editorsEdit extends fc.Arbitrary<infer T> ? T : never;

/** The change `edit` makes to `text`, if the cue it finds allows it. */
function editorsChange(text: string, edit: EditorsEdit): TextChange | undefined {
  const arrow = text.indexOf(' --> ', Math.floor(edit.at * text.length));
  if (arrow < 0) return undefined;
  const timingEnd = text.indexOf('\n', arrow);
  if (timingEnd < 0) return undefined;
  const textStart = timingEnd + 1;
  const blank = text.slice(textStart).search(/\r?\n\r?\n|$/) + textStart;
  const cueText = text.slice(textStart, blank);
  const timingStart = text.lastIndexOf('\n', arrow) + 1;
  switch (edit.kind) {
    case 'line break typed': {
      const space = cueText.indexOf(' ');
      return space < 0 ? undefined : { start: textStart + space, end: textStart + space + 1, text: '\n' };
    }
    case 'line break deleted': {
      const lineBreak = cueText.search(/\r?\n/);
      return lineBreak < 0 ? undefined : { start: textStart + lineBreak, end: textStart + cueText.indexOf('\n') + 1, text: ' ' };
    }
    case 'cue cut':
      return { start: timingStart, end: Math.min(text.length, blank + 2), text: '' };
    case 'cue doubled':
      // Pasted again right after itself: its time then stands still, which reads as a join.
      return { start: timingStart, end: timingStart, text: text.slice(timingStart, Math.min(text.length, blank + 2)) };
    case 'end time retimed': {
      const last = text[timingEnd - 1] === '\r' ? timingEnd - 2 : timingEnd - 1;
      return { start: last, end: last + 1, text: text[last] === '5' ? '6' : '5' };
    }
    case 'cue split': {
      const space = cueText.indexOf(' ');
      const time = text.slice(arrow + 5, arrow + 17);
      return space < 0 ? undefined : { start: textStart + space, end: textStart + space + 1, text: `\n\n${time} --> ${time}\n` };
    }
  }
}

test('the edits subtitle editors make (line breaks typed and deleted, cues cut, doubled and split, times changed): each version equals a fresh analysis, and many are read a few cues at a time', () => {
  const counts = { edits: 0, spans: 0 };
  fc.assert(
    fc.property(forwardSubtitleFile, fc.array(editorsEdit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
      // Made into the `AnyEdit`s `typeInto` types, at the places the editor's edits are.
      let text = initial;
      const typed: AnyEdit[] = [];
      for (const edit of edits) {
        const change = editorsChange(text, edit);
        if (!change) continue;
        typed.push({ at: change.start / (text.length + 1) + 1e-12, remove: change.end - change.start, insert: change.text, paste: null });
        text = text.slice(0, change.start) + change.text + text.slice(change.end);
      }
      typeInto(initial, typed, counts);
    }),
    { numRuns: propertyRuns(300) },
  );
  // About a fifth: these files are short (the first cue is often the one edited), their voices
  // are often first heard in the cue edited, and a doubled cue, whose time stands still, makes
  // the file parse whole from then on.
  assert.ok(counts.spans > counts.edits / 8, `${counts.spans} of ${counts.edits} edits read a few cues`);
});

/** Cues `first` to `last` (numbered from 1), each two seconds, with a voice now and then. */
function cues(first: number, last: number, eol = '\n'): string {
  const time = (seconds: number) => `00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
  const out: string[] = [];
  for (let k = first; k <= last; k++) {
    const voice = k % 5 === 1 ? (k % 2 ? '<v Ana Lima>' : '<v Ben Okafor>') : '';
    out.push(`${time(2 * k)} --> ${time(2 * k + 1)}`, `${voice}Words of cue ${k} and then some more`, '');
  }
  return out.join(eol);
}

const SUBTITLES = `WEBVTT\n\n${cues(1, 300)}`;

/** Cue `k` of `cues`, as lines. */
const cue = (k: number) => cues(k, k).split('\n');

const at = (text: string, what: string) => {
  const found = text.indexOf(what);
  assert.ok(found >= 0, what);
  return found;
};

test('a line break typed in a cue of long subtitles reads only the lines around that cue; the cues after it move and the version before still reads its own text', () => {
  const space = at(SUBTITLES, 'cue 150 and') + 'cue 150'.length;
  const { before, after, stats } = afterEdit(SUBTITLES, { start: space, end: space + 1, text: '\n' });
  assert.deepEqual(stats, { parsed: 0, kept: 0, moved: 0, reread: 1, rereadLines: 4 });
  assert.equal(after.turns.length, 300);
  assert.deepEqual(
    after.turns[149]!.segments.map((segment) => segment.text),
    ['Words of cue 150', 'and then some more'],
  );
  // The cues before are the same objects; those after are new ones, a line further down.
  assert.equal(after.turns[148], before.turns[148]);
  assert.notEqual(after.turns[150], before.turns[150]);
  assert.equal(after.turns[150]!.range.start.line, before.turns[150]!.range.start.line + 1);
  assert.equal(after.turns[299]!.segments[0]!.text, 'Words of cue 300 and then some more');
  assert.equal(before.turns[149]!.segments[0]!.text, 'Words of cue 150 and then some more');
  assert.equal(before.turns[299]!.segments[0]!.text, 'Words of cue 300 and then some more');
  assert.deepEqual(after.chunks[0]!.range.end, { line: before.chunks[0]!.range.end.line + 1, character: before.chunks[0]!.range.end.character });
});

test('a cue cut from long subtitles, and pasted back, is read a few lines at a time, and the speakers follow the turns', () => {
  const cueStart = at(SUBTITLES, '00:04:20.000 -->');
  const cueEnd = at(SUBTITLES, '00:04:22.000 -->');
  const cut = afterEdit(SUBTITLES, { start: cueStart, end: cueEnd, text: '' });
  // The lines read: the cut cue's and the next one's; the next one is left.
  assert.equal(cut.stats.reread, 1);
  assert.equal(cut.after.turns.length, 299);
  // The cut cue is the 130th (index 129), Ana's next is the 131st: her turns after it are one lower now.
  const ana = (model: typeof cut.after) => model.speakers.find((speaker) => speaker.label === 'Ana Lima')!.turnIndices;
  assert.ok(ana(cut.before).includes(130));
  assert.deepEqual(
    ana(cut.after),
    ana(cut.before).map((index) => (index > 129 ? index - 1 : index)),
  );
  const cutText = SUBTITLES.slice(0, cueStart) + SUBTITLES.slice(cueEnd);
  const pasted = afterEdit(cutText, { start: cueStart, end: cueStart, text: SUBTITLES.slice(cueStart, cueEnd) });
  assert.equal(pasted.stats.reread, 2);
  assert.deepEqual(ana(pasted.after), ana(cut.before));
});

test('an edit among cues that changes what the file decides as a whole is not read a few cues at a time, and the model is still a fresh one', () => {
  const spanRead = (text: string, change: TextChange) => afterEdit(text, change).stats.rereadLines !== undefined;
  const cue151 = at(SUBTITLES, '00:05:02.000 -->');
  assert.equal(
    spanRead(SUBTITLES, { start: cue151 + 9, end: cue151 + 10, text: '3' }),
    true,
    'a time moved on, still after the cue before and before the next',
  );
  for (const [change, why] of [
    [{ start: cue151 + 3, end: cue151 + 5, text: '01' }, 'a time that goes back: a join is looked for'],
    [{ start: cue151 + 6, end: cue151 + 7, text: '3' }, "a time past the next cue's, whose time then goes back"],
    [{ start: at(SUBTITLES, 'Words of cue 150'), end: at(SUBTITLES, 'Words of cue 150'), text: '<v Cara Diaz>' }, 'a voice first heard here'],
    [{ start: at(SUBTITLES, 'cue 1 and'), end: at(SUBTITLES, 'cue 1 and'), text: '\n' }, 'the first cue, whose shape is the chunk format'],
    [{ start: cue151 - 1, end: cue151 - 1, text: '\nNOTE checked by hand\n' }, 'a note block among the cues'],
    [{ start: cue151 - 1, end: cue151 - 1, text: '\nThis is the last chunk.\n' }, 'a chunk marker'],
    [{ start: cue151 - 1, end: cue151 - 1, text: '\nBen Okafor: a line of no cue\n' }, 'a line of no cue'],
  ] as const) {
    assert.equal(spanRead(SUBTITLES, change), false, why);
  }
  // Fifty-one cues and ten lines of another header family between them, too rare to be read as
  // headers (a fifth of the cues' count is needed): one cue fewer, and they are.
  const remarks = lines(
    'WEBVTT',
    '',
    ...Array.from({ length: 51 }, (_, k) => [...cue(k + 1), ...((k + 1) % 5 === 0 && k < 50 ? ['Ana Lima: a remark', ''] : [])]).flat(),
  );
  const cue32 = at(remarks, '00:01:04.000 -->');
  const cue33 = at(remarks, '00:01:06.000 -->');
  assert.equal(spanRead(remarks, { start: cue32 + 9, end: cue32 + 10, text: '5' }), true, 'a time changed');
  assert.equal(spanRead(remarks, { start: cue32, end: cue33, text: '' }), false, 'a cue cut: the remarks are headers now');
  // Subtitles with notes below them: the first line that starts with WEBVTT opens a report, and
  // what follows its next heading is the report's, far below the cue typed in.
  const srtAndNotes = lines(
    ...Array.from({ length: 30 }, (_, k) => [
      String(k + 1),
      `00:00:${String(k * 2).padStart(2, '0')},000 --> 00:00:${String(k * 2 + 1).padStart(2, '0')},000`,
      `Cue ${k + 1} said.`,
      '',
    ]).flat(),
    '## Notes',
    '',
    '31',
    '00:01:10,000 --> 00:01:11,000',
    'After the notes.',
  );
  const cue15 = at(srtAndNotes, 'Cue 15 said.');
  assert.equal(spanRead(srtAndNotes, { start: cue15 + 3, end: cue15 + 3, text: '\nthen' }), true, 'a line break typed');
  assert.equal(spanRead(srtAndNotes, { start: cue15 + 3, end: cue15 + 3, text: '\nWEBVTT' }), false, 'a line that starts with WEBVTT');
  // Twenty cues, eleven of one word: word-level subtitles (whose cues join) as soon as one more is.
  const oneWord = (k: number, word: string) => [
    `00:00:${String(k * 2).padStart(2, '0')}.000 --> 00:00:${String(k * 2 + 1).padStart(2, '0')}.000`,
    word,
    '',
  ];
  const nearlyWordLevel = lines('WEBVTT', '', ...Array.from({ length: 20 }, (_, k) => oneWord(k, k % 2 && k < 19 ? 'two words' : 'Right.')).flat());
  const two = nearlyWordLevel.lastIndexOf('two words');
  assert.equal(spanRead(nearlyWordLevel, { start: two + 3, end: two + 4, text: '\n' }), true, 'a line break, no cue of one word more');
  assert.equal(spanRead(nearlyWordLevel, { start: two, end: two + 4, text: '' }), false, 'a twelfth cue of one word: the cues join');
  // Cues of two words cut one by one: the file keeps its counts up to date as it goes.
  const analyses = new DocumentAnalyses();
  const uri = 'file:///word-level.transcript';
  let text = nearlyWordLevel;
  assertSameModel(analyses.analysis(textDocument(uri, text, 1)).model, text);
  const spans: boolean[] = [];
  for (let version = 2; version <= 3; version++) {
    const cueOfTwo = text.lastIndexOf('\n', text.lastIndexOf('two words') - 2) + 1;
    const change = { start: cueOfTwo, end: text.indexOf('\n\n', cueOfTwo) + 2, text: '' };
    text = text.slice(0, change.start) + text.slice(change.end);
    analyses.edited(uri, version, [change]);
    const analysis = analyses.analysis(textDocument(uri, text, version));
    assertSameModel(analysis.model, text);
    spans.push(analysis.parseStats.rereadLines !== undefined);
  }
  // Eleven of nineteen cues one word, then eleven of eighteen: the cues join.
  assert.deepEqual(spans, [true, false]);
});

test('a line break typed in CRLF subtitles with a byte-order mark keeps every offset in UTF-16 code units', () => {
  const text = `\ufeffWEBVTT\r\n\r\n${cues(1, 40, '\r\n').replace('Words of cue 20', '王小明 😀 of cue 20')}`;
  const emoji = at(text, '😀') + 2;
  const { after, stats } = afterEdit(text, { start: emoji, end: emoji, text: '\r\n' });
  assert.equal(stats.reread, 1);
  assert.deepEqual(
    after.turns[19]!.segments.map((segment) => [segment.text, segment.range]),
    [
      ['王小明 😀', { start: { line: 60, character: 0 }, end: { line: 60, character: 6 } }],
      ['of cue 20 and then some more', { start: { line: 61, character: 1 }, end: { line: 61, character: 29 } }],
    ],
  );
});

test('in subtitles of hundreds of cues, the repetition loops of the cues an edit moved move with them, and a loop typed in a cue is found', () => {
  // A cue stuck in a loop, far below where the edits are.
  const looped = SUBTITLES.replace('Words of cue 250 and then some more', 'thank you thank you thank you thank you thank you');
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///loops.transcript';
  let text = looped;
  let version = 1;
  const loops = () => service.diagnostics(textDocument(uri, text, version)).filter((d) => d.code === 'repetition-loop');
  const edit = (change: TextChange) => {
    text = text.slice(0, change.start) + change.text + text.slice(change.end);
    service.edited(uri, ++version, [change]);
    assert.deepEqual(service.diagnostics(textDocument(uri, text, version)), computeDiagnostics(analyze(text)));
  };
  assert.equal(loops()[0]!.range.start.line, 2 + 3 * 249 + 1);
  // A line break typed above: the cues below move a line down, and their loop with them.
  const space = at(text, 'cue 100 and') + 'cue 100'.length;
  edit({ start: space, end: space + 1, text: '\n' });
  assert.equal(analyses.analysis(textDocument(uri, text, version)).parseStats.rereadLines, 4);
  assert.equal(loops()[0]!.range.start.line, 2 + 3 * 249 + 2);
  // A cue cut above: they move up.
  edit({ start: at(text, '00:00:20.000 -->'), end: at(text, '00:00:22.000 -->'), text: '' });
  assert.equal(loops()[0]!.range.start.line, 2 + 3 * 248 + 2);
  // A loop typed into a cue (read alone) is found, the other one kept.
  const words = at(text, 'Words of cue 200');
  edit({ start: words, end: words, text: 'so so so so so so ' });
  assert.deepEqual(
    loops().map((d) => d.range.start.line),
    [2 + 3 * 198 + 2, 2 + 3 * 248 + 2],
  );
});

/**
 * `SUBTITLES` with cue 280 timed back to cue 279's start, so that the parser asks it whether it
 * repeats the cues before, and words of its own, so that it does not.
 */
const ONE_ASKED = SUBTITLES.replace(
  '00:09:20.000 --> 00:09:21.000\nWords of cue 280 and then some more',
  '00:09:18.000 --> 00:09:21.000\nZebra quilt maple anchor violet ember canyon lotus ripple falcon granite meadow harbor lantern cedar',
);

test("in subtitles where one cue's time goes back, an edit among cues far from it is read a few cues at a time, and one near it is not", () => {
  const spanRead = (text: string, change: TextChange) => afterEdit(text, change).stats.rereadLines !== undefined;
  assert.notEqual(ONE_ASKED, SUBTITLES);
  const lineBreakIn = (k: number) => {
    const space = at(ONE_ASKED, `cue ${k} and`) + `cue ${k}`.length;
    return { start: space, end: space + 1, text: '\n' };
  };
  // Cues of eight words: 230 cues before it, past the 1,500 words (and 200 sentence openings) the
  // asked cue may look back over.
  assert.equal(spanRead(ONE_ASKED, lineBreakIn(50)), true, 'a line break 230 cues before the cue asked');
  const cue30 = at(ONE_ASKED, '00:01:00.000 -->');
  const cue31 = at(ONE_ASKED, '00:01:02.000 -->');
  assert.equal(spanRead(ONE_ASKED, { start: cue30, end: cue31, text: '' }), true, 'a cue cut far before it');
  for (const [change, why] of [
    [lineBreakIn(150), 'a line break 130 cues, 1,040 words, before it: in its long tail'],
    [lineBreakIn(290), 'a line break ten cues after it: in its head'],
    [{ start: cue30 + 3, end: cue30 + 5, text: '00' }, 'a time that goes back far from it: a second cue asked'],
  ] as const) {
    assert.equal(spanRead(ONE_ASKED, change), false, why);
  }
});

test('a cue whose time went back, retimed to move on, is read a few cues at a time; the file then asks nothing, and is read so after', () => {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///asked.transcript';
  assertSameModel(analyses.analysis(textDocument(uri, ONE_ASKED, 1)).model, ONE_ASKED);
  const timing = at(ONE_ASKED, '00:09:18.000 --> 00:09:21.000');
  const retimed = ONE_ASKED.slice(0, timing) + '00:09:20.000' + ONE_ASKED.slice(timing + 12);
  analyses.edited(uri, 2, [{ start: timing, end: timing + 12, text: '00:09:20.000' }]);
  const second = analyses.analysis(textDocument(uri, retimed, 2));
  assertSameModel(second.model, retimed);
  assert.ok(second.parseStats.rereadLines !== undefined, 'the retimed cue read alone');
  // A line break next to it, which its question kept from being read so before, now is.
  const space = at(retimed, 'cue 279 and') + 'cue 279'.length;
  const third = retimed.slice(0, space) + '\n' + retimed.slice(space + 1);
  analyses.edited(uri, 3, [{ start: space, end: space + 1, text: '\n' }]);
  const analysis = analyses.analysis(textDocument(uri, third, 3));
  assertSameModel(analysis.model, third);
  assert.ok(analysis.parseStats.rereadLines !== undefined, 'the line break read a few cues at a time');
});
