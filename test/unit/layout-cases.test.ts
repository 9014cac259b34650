import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { notATranscriptReason } from '../../server/src/service';
import { lines } from './helpers';

/*
 * Shapes met in real transcripts beyond the per-family fixtures (a held-out corpus of real files
 * showed each): one case each, invented text, with what a reader sees written out by hand.
 */

const turnsOf = (text: string) =>
  parseTranscript(text).turns.map((t) => [
    t.headerRange.start.line,
    t.form,
    t.label,
    t.timestamp?.text ?? null,
    t.segments.map((s) => s.text).join(' '),
  ]);

test('a bold or voice-tagged name after a stamp is the speaker, not text', () => {
  assert.deepEqual(turnsOf(lines('[00:17] **Ines:** Shall we start?', '[00:21] **Walter**: Yes.', '00:00:25 <v Ruby Achterberg>Go ahead.')), [
    [0, 'stamp-first', 'Ines', '[00:17]', 'Shall we start?'],
    [1, 'stamp-first', 'Walter', '[00:21]', 'Yes.'],
    [2, 'stamp-first', 'Ruby Achterberg', '00:00:25', 'Go ahead.'],
  ]);
});

test('[Speaker 1 00:00] alone on its line: label and stamp in one pair of brackets, the text below', () => {
  assert.deepEqual(turnsOf(lines('[Speaker 1 00:00] ', 'Welcome back.', '', '[Speaker 2 00:04]', 'Thanks.')), [
    [0, 'bracketed', 'Speaker 1', '00:00', 'Welcome back.'],
    [3, 'bracketed', 'Speaker 2', '00:04', 'Thanks.'],
  ]);
});

test('in a cue, [Name]: names the voice, and [Applause] alone is a sound', () => {
  const vtt = lines(
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:03.000',
    '[Ines Carvalho]: Good evening.',
    '',
    '00:00:03.500 --> 00:00:04.000',
    '[Applause]',
  );
  assert.deepEqual(turnsOf(vtt), [
    [2, 'cue', 'Ines Carvalho', '00:00:01.000', 'Good evening.'],
    [5, 'cue', '', '00:00:03.500', '[Applause]'],
  ]);
});

test('Markdown headings that name speakers again and again are turns; a report whose headings do not repeat is not', () => {
  const speakers = lines(
    '# Episode 12',
    '',
    '#### Jamie',
    'Hello and welcome.',
    '',
    '#### Zac',
    'Thanks, Jamie.',
    '',
    '#### Jamie',
    'So, the garden.',
    '',
    '#### Zac',
    'Right.',
  );
  assert.deepEqual(turnsOf(speakers), [
    [2, 'label', 'Jamie', null, 'Hello and welcome.'],
    [5, 'label', 'Zac', null, 'Thanks, Jamie.'],
    [8, 'label', 'Jamie', null, 'So, the garden.'],
    [11, 'label', 'Zac', null, 'Right.'],
  ]);
  assert.deepEqual(turnsOf(lines('## Summary', 'We met.', '## Actions', 'Paint the stairs.')), []);
});

test('notes whose few Label: lines (metadata above a heading) name a different label each, with no time, are refused', () => {
  const notes = lines(
    '# Call notes',
    '**Date:** June 14',
    '**Host:** Ines',
    '',
    '## Discussion',
    'We talked about the stairwell.',
    'Paint is cheap.',
    'Walter disagreed.',
    'Next call in April.',
    'Bring the quote.',
  );
  const model = parseTranscript(notes);
  assert.equal(model.turns.length, 2);
  assert.match(notATranscriptReason(model, notes) ?? '', /^not a transcript: its 2 `Label: text` lines name 2 different labels and no time/);
  // A short conversation where someone speaks twice is a transcript.
  const talk = lines('**Ines:** Paint?', '**Walter:** Too dear.', '**Ines:** The landlord pays.');
  assert.equal(notATranscriptReason(parseTranscript(talk), talk), undefined);
});

test('a header that would swallow hundreds of lines is one suspect-header warning, and its lines are not turns or problems each', () => {
  const prose = Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 1} of the report, about the stairwell.`);
  const text = lines('Ines: Shall we start?', 'Walter: Yes.', 'Sentiment: Neutral', 'Summary: the full minutes follow.', ...prose);
  const model = parseTranscript(text);
  assert.deepEqual(
    model.turns.map((t) => t.label),
    ['Ines', 'Walter'],
  );
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line]),
    [['suspect-header', 3]],
  );
  assert.match(model.problems[0]!.message, /the 250 lines after it hold no other header/);
  // 199 lines after it: a long turn, as written.
  const long = parseTranscript(lines('Ines: Shall we start?', 'Walter: Yes.', ...prose.slice(0, 199)));
  assert.deepEqual(long.problems, []);
  assert.equal(long.turns[1]!.range.end.line, 200);
});

test('in the other layouts a change of shape is no chunk boundary: only the pipeline forms show a join that way', () => {
  const segments = lines(
    '**SPEAKER_00:**',
    '[00:01] Hello.',
    '[00:04] And welcome.',
    '',
    '**SPEAKER_01:**',
    '[00:07] "Thanks," she said.',
    '[00:09] Glad to be here.',
  );
  assert.equal(parseTranscript(segments).chunks.length, 1);
  const rev = lines(
    'Dana Reyes (00:00):',
    'Where do we start?',
    '',
    'Tomasz Wolny (00:04):',
    '"At the beginning."',
    '',
    '(00:09):',
    'Then the middle.',
  );
  assert.equal(parseTranscript(rev).chunks.length, 1);
  // The pipeline layout still shows a join by a change of format.
  const pipeline = lines(
    '[00:00:01] Speaker 1: "Hello."',
    'Sentiment: Positive',
    '[00:00:03] Speaker 2: "Hi."',
    'Sentiment: Positive',
    'Speaker 1: [00:00:05] Next part. (Neutral sentiment)',
    'Speaker 2: [00:00:07] And on. (Neutral sentiment)',
  );
  assert.deepEqual(
    parseTranscript(pipeline).chunks.map((c) => c.boundary),
    ['document-start', 'implicit'],
  );
});

test('WebVTT cues of Chinese sentences are a turn each, not word-level subtitles joined into one', () => {
  // Found on a real caption file: Chinese puts no space between words, so each cue read as one
  // word, and ten or more such cues read as word-level subtitles whose cues join into sentences.
  const sentences = [
    '我们今天来谈谈',
    '不管这种机会是来自于',
    '还是一个利用学校的机会',
    '而我们也从中收获到很多',
    '比如那些参与者的天赋',
    '还有他们与在大学',
    '所以这种易参与性成为了',
    '我们是一所全球领先的大学',
    '我们想要的是具有全世界',
    '学生，职工，教员都要具有',
  ];
  const cues = sentences.map((text, k) => `00:00:${String(2 * k).padStart(2, '0')}.000 --> 00:00:${String(2 * k + 1).padStart(2, '0')}.500\n${text}`);
  const model = parseTranscript(`WEBVTT\n\n${cues.join('\n\n')}\n`);
  assert.equal(model.turns.length, 10);
  assert.deepEqual(
    model.turns.map((turn) => turn.segments.map((segment) => segment.text).join(' ')),
    sentences,
  );
  assert.deepEqual(model.problems, []);
  // Word-level subtitles in a spaced language still join: ten one-word cues make one sentence.
  const words = 'so this is how we start the talk today friends'.split(' ');
  const wordCues = words.map((word, k) => `${k + 1}\n00:00:${String(k).padStart(2, '0')},000 --> 00:00:${String(k).padStart(2, '0')},900\n${word}`);
  assert.equal(parseTranscript(`${wordCues.join('\n\n')}\n`).turns.length, 1);
});

test('an inquiry record in reStructuredText: directives between paragraphs stay out of the turn, and a title over dashes ends the turn before it', () => {
  const record = lines(
    '**Chair**: Good morning.',
    '',
    '*(Pause)*',
    '',
    'Ada Lovelace',
    '------------',
    '',
    '*ADA LOVELACE (affirmed).*',
    '',
    'Questioned by Counsel',
    '^^^^^^^^^^^^^^^^^^^^^',
    '',
    '**Counsel**: Can you give your full name?',
    '',
    '.. rst-class:: indented',
    '',
    '**Ada Lovelace**: Augusta Ada King.',
    '',
    '.. rst-class:: indented',
    '',
    'Most people call me Ada.',
    '',
    '.. _footnote12:',
    '',
    '**Counsel**: Thank you.',
  );
  const parsed = parseTranscript(record);
  assert.deepEqual(turnsOf(record), [
    [0, 'bold', 'Chair', null, 'Good morning. *(Pause)*'],
    [12, 'bold', 'Counsel', null, 'Can you give your full name?'],
    [16, 'bold', 'Ada Lovelace', null, 'Augusta Ada King. Most people call me Ada.'],
    [24, 'bold', 'Counsel', null, 'Thank you.'],
  ]);
  // The witness's heading, the line under it and the directives are no line the parser could not
  // read; the swearing-in, outside every turn, still is one (information, in the editor).
  assert.deepEqual(
    parsed.problems.map((p) => `${p.range.start.line}:${p.code}`),
    ['7:unrecognized-line'],
  );
  // A line over a rule shorter than itself is speech, and so is a paragraph's last line over a rule.
  assert.deepEqual(turnsOf(lines('**Chair**: We begin.', '', 'And we end here today.', '---')), [
    [0, 'bold', 'Chair', null, 'We begin. And we end here today.'],
  ]);
  assert.deepEqual(turnsOf(lines('**Chair**: We begin.', 'And we end.', '---------------')), [[0, 'bold', 'Chair', null, 'We begin. And we end.']]);
});

/** `speech` as numbered lines of pages of `perPage` lines, each page followed by its number and the reporter's name. */
function numberedPages(speech: readonly string[], perPage = 12): string {
  const out: string[] = [];
  speech.forEach((line, i) => {
    const number = (i % perPage) + 1;
    out.push(`${String(number).padStart(2)}   ${line}`, '');
    if (number === perPage || i === speech.length - 1)
      out.push(`${' '.repeat(34)}${Math.floor(i / perPage) + 1}`, '', '          Lakeside Reporting Services', '');
  });
  return out.join('\n');
}

test("a court record's numbered pages: each line's number is margin, a turn runs on over a page break, and the page's number and reporter are no text", () => {
  const speech = [
    '           IN THE CEDAR COUNTY DISTRICT COURT',
    'ALMA RUIZ,                     :',
    '               Plaintiff       :   No. 24-117',
    'APPEARANCES:',
    '  DANA DUNN, ESQ., for the Plaintiff.',
    '             THE COURT:   We are on the record.',
    '             MR. OKAFOR:   Thank you, Your Honor. Ms. Ruiz,',
    'where were you on the night of the ninth?',
    '             THE WITNESS:   At the depot, until the last',
    'bus came in. I counted the tickets, as I do every night,',
    'and then I locked the office and walked home along the',
    'canal path, which takes about twenty minutes when it is',
    'dry and longer when it is not. It had rained, so it',
    'took me closer to half an hour that night, I think.',
    'I was home by eleven.',
    '             MR. OKAFOR:   No further questions.',
    '             BY MS. DUNN:',
    '        Q.   Did anyone see you on the canal path?',
    '        A.   Not that I saw.',
    '        Q.   Thank you.',
  ];
  const record = numberedPages(speech);
  assert.deepEqual(turnsOf(record), [
    [10, 'label', 'THE COURT', null, 'We are on the record.'],
    [12, 'label', 'MR. OKAFOR', null, 'Thank you, Your Honor. Ms. Ruiz, where were you on the night of the ninth?'],
    [
      16,
      'label',
      'THE WITNESS',
      null,
      'At the depot, until the last bus came in. I counted the tickets, as I do every night, and then I locked the office and walked home along the canal path, which takes about twenty minutes when it is dry and longer when it is not. It had rained, so it took me closer to half an hour that night, I think. I was home by eleven.',
    ],
    [34, 'label', 'MR. OKAFOR', null, 'No further questions.'],
    [38, 'label', 'Q', null, 'Did anyone see you on the canal path?'],
    [40, 'label', 'A', null, 'Not that I saw.'],
    [42, 'label', 'Q', null, 'Thank you.'],
  ]);
  // The caption's `Plaintiff       :` (blanks before the colon) is no speaker, nor a label alone on
  // its line (`APPEARANCES:`, `BY MS. DUNN:`, headings); the title, caption and appearances are the preamble.
  assert.deepEqual(parseTranscript(record).problems, []);
  // A number out of the page's order after the last page (an index's entry) is no line of speech.
  const indexed = `${record}\n\n 3 canal 1:10\n  depot 1:7\n`;
  assert.deepEqual(turnsOf(indexed), turnsOf(record));
});

test('numbers at the start of lines are a margin only where most lines have one, counting up page by page', () => {
  const numberedLine = (n: number, i: number) =>
    `${String(n).padStart(2)}   ${i % 3 === 0 ? 'DANA REYES:   So where do we start?' : 'With the sheet going round.'}`;
  const withMargin = (numbers: readonly number[]) => lines(...numbers.flatMap((n, i) => [numberedLine(n, i), '']));
  const twoPages = [...Array.from({ length: 12 }, (_, i) => i + 1), ...Array.from({ length: 12 }, (_, i) => i + 1)];
  const turnCount = (text: string) => parseTranscript(text).turns.length;
  assert.equal(turnCount(withMargin(twoPages)), 8, 'two pages: eight turns');
  // A section may start in the middle of a page (a chunk of a record): its first number is any.
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  assert.equal(turnCount(withMargin([...range(19, 25), ...range(1, 25)])), 11);
  // A last page of one line is read as one.
  assert.equal(turnCount(withMargin([...twoPages, 1])), 9);
  // A chunk of a record that repeats the end of the one before goes on from its own numbers (`10`
  // after `3`), not from the page it was pasted after: its header is a turn's.
  const withCopy = lines(
    ...range(1, 12).flatMap((n) => [numberedLine(n, n - 1), '']),
    ...range(1, 3).flatMap((n) => [numberedLine(n, n - 1), '']),
    '10   MS. DUNN:   The copy starts here.',
    '11   And goes on here.',
    ...range(4, 12).flatMap((n) => [numberedLine(n, n - 1), '']),
  );
  assert.deepEqual(
    parseTranscript(withCopy)
      .turns.map((t) => `${t.label}: ${t.segments[0]!.text}`)
      .filter((t) => t.startsWith('MS. DUNN')),
    ['MS. DUNN: The copy starts here.'],
  );
  // Nineteen numbered lines are too few to tell pages from a list read out.
  assert.equal(turnCount(withMargin(twoPages.slice(0, 19))), 0);
  assert.equal(turnCount(withMargin(twoPages.slice(0, 20))), 7);
  // Numbers that do not count up are no page's lines.
  assert.equal(turnCount(withMargin([3, 9, 1, 7, 4, 12, 2, 8, 5, 11, 6, 10, 3, 9, 1, 7, 4, 12, 2, 8, 5, 11, 6, 10])), 0);
  // An index after the last page, longer than the pages, does not count against them.
  const index = Array.from({ length: 40 }, (_, i) => `  word${i} ${(i % 2) + 1}:${(i % 12) + 1}`);
  assert.equal(turnCount(lines(withMargin(twoPages), ...index)), 8);
  // Its entries for numbers (`4 1:12`, then `5 2:3` eight lines on, `14 2:1`) count up but far apart: no page's lines.
  const entries = new Map([
    [25, ' 4 1:12'],
    [33, ' 5 2:3'],
    [38, '14 2:1'],
    [39, ' 7 1:1'],
  ]);
  const numberIndex = index.map((line, i) => entries.get(i) ?? line);
  assert.equal(turnCount(lines(withMargin(twoPages), ...numberIndex)), 8);
  assert.deepEqual(parseTranscript(lines(withMargin(twoPages), ...numberIndex)).problems, []);
  // Where under three lines in five have a number, up to the last numbered one, they are speech:
  // a list read out in a turn (the header lines around it have no number).
  const talk = (names: readonly string[]) => names.flatMap((name) => [`${name}: Here is the plan.`, 'We do it in steps.', 'One at a time.']);
  const list = lines(
    ...talk(['Dana', 'Tomasz', 'Dana', 'Tomasz', 'Dana']),
    ...Array.from({ length: 20 }, (_, i) => `${i + 1}  a step of the plan`),
    ...talk(['Tomasz', 'Dana']),
  );
  assert.deepEqual(
    parseTranscript(list).turns.map((t) => t.label),
    ['Dana', 'Tomasz', 'Dana', 'Tomasz', 'Dana', 'Tomasz', 'Dana'],
  );
  assert.match(
    parseTranscript(list)
      .turns[4]!.segments.map((s) => s.text)
      .join(' '),
    /One at a time\. 1 {2}a step of the plan 2 {2}a step/,
  );
  // A chunk marker after a line's number did not end the section: it is text of the turn.
  const marked = withMargin(twoPages).replace('With the sheet going round.', 'This chunk continues in the next part.');
  assert.equal(parseTranscript(marked).markers.length, 0);
  assert.match(
    parseTranscript(marked)
      .turns[0]!.segments.map((s) => s.text)
      .join(' '),
    /This chunk continues in the next part\./,
  );
});
