import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTranscriptService,
  DEFAULT_SETTINGS,
  docsLink,
  DOCS_URL,
  textDocument,
  type DiagnosticCode,
  type TranscriptDiagnostic,
} from '../../server/src/service';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { analyze, lines, textAt } from './helpers';
import { TWO_TURN_REPEAT } from './overlapPassages';

/*
 * What the editor is shown of a document's problems: each kind's code, severity, message, range
 * and related places; the at most 1,000 the server sends (`shownDiagnostics`: which ones, in what
 * order, and the counts of all); and the problems of a big document's first part
 * (`firstPartDiagnostics`), shown before the whole is checked.
 */

const MARKER = 'This chunk continues in the next part.';

/** A diagnostic as a row: code, severity, start line:character, end line:character, message. */
function row(d: TranscriptDiagnostic): string {
  return `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

/** One problem of nearly every kind, and of each severity: two errors, three warnings, two notes. */
const MIXED = lines(
  '[00:00:10] Ann: We met at the hall.',
  '[00:00:05] Bob: "Then we went on and on',
  '[00:75:00] Ann: A broken time.',
  '[00:00:20] Bob: go go go go go go now.',
  '[00:00:20] Ann: Same stamp.',
  'Sentiment: Neutral',
  'A stray line.',
  '[00:99:00] Bob: Another broken time.',
);

const MIXED_ROWS = {
  backwards: 'timestamp-order warning 1:0-1:10 00:00:05 is 5 s earlier than 00:00:10 (line 1)',
  quote: 'unterminated-quote warning 1:16-1:17 This quotation mark is never closed in its turn.',
  malformed: 'timestamp-malformed error 2:0-2:10 [00:75:00] is not a valid time: minutes must be below 60.',
  loop: 'repetition-loop warning 3:19-3:33 “go” 6 times in a row: speech-to-text repeating itself',
  repeated: 'timestamp-repeated information 4:0-4:10 00:00:20 repeats the stamp of the turn before (line 4)',
  stray: 'unrecognized-line information 6:0-6:13 This text follows a sentiment note, so it belongs to no turn. Start it with a speaker label.',
  malformed2: 'timestamp-malformed error 7:0-7:10 [00:99:00] is not a valid time: minutes must be below 60.',
};

const MIXED_COUNTS = {
  'timestamp-order': 1,
  'unterminated-quote': 1,
  'timestamp-malformed': 2,
  'repetition-loop': 1,
  'timestamp-repeated': 1,
  'unrecognized-line': 1,
};

function shown(text: string, limit: number, settings = {}) {
  const service = createTranscriptService();
  return service.shownDiagnostics(textDocument('file:///shown.transcript', text), limit, { ...DEFAULT_SETTINGS, ...settings });
}

test('every diagnostic lists in document order: a line by where each starts on it, a stamp before a quote later on its line', () => {
  const { backwards, quote, malformed, loop, repeated, stray, malformed2 } = MIXED_ROWS;
  assert.deepEqual(computeDiagnostics(analyze(MIXED)).map(row), [backwards, quote, malformed, loop, repeated, stray, malformed2]);
});

test('with room for all, the editor is shown every diagnostic, in document order, with the count of each code', () => {
  const all = computeDiagnostics(analyze(MIXED));
  for (const limit of [7, 1000]) {
    const result = shown(MIXED, limit);
    assert.deepEqual(result.shown, all);
    assert.equal(result.total, 7);
    assert.deepEqual(result.byCode, MIXED_COUNTS);
  }
});

test('over the limit, errors are shown first, then warnings, then notes, each in document order; the shown ones are listed in document order', () => {
  const { backwards, quote, malformed, loop, repeated, malformed2 } = MIXED_ROWS;
  const shownRows = (limit: number) => shown(MIXED, limit).shown.map(row);
  assert.deepEqual(shownRows(1), [malformed]);
  assert.deepEqual(shownRows(2), [malformed, malformed2]);
  // The first warning is the backwards stamp at the start of line 2, before the quote on it.
  assert.deepEqual(shownRows(3), [backwards, malformed, malformed2]);
  assert.deepEqual(shownRows(4), [backwards, quote, malformed, malformed2]);
  assert.deepEqual(shownRows(5), [backwards, quote, malformed, loop, malformed2]);
  // The first note is the repeated stamp (line 5), not the stray line after it.
  assert.deepEqual(shownRows(6), [backwards, quote, malformed, loop, repeated, malformed2]);
  // However few are shown, the total and the counts are of all of them.
  for (const limit of [0, 1, 3, 6]) {
    const result = shown(MIXED, limit);
    assert.equal(result.total, 7);
    assert.deepEqual(result.byCode, MIXED_COUNTS);
  }
  assert.deepEqual(shown(MIXED, 0).shown, []);
});

test('repeated stamps turned off are neither shown nor counted', () => {
  const { backwards, quote, malformed, loop, stray, malformed2 } = MIXED_ROWS;
  const result = shown(MIXED, 1000, { reportRepeatedTimestamps: false });
  assert.deepEqual(result.shown.map(row), [backwards, quote, malformed, loop, stray, malformed2]);
  assert.equal(result.total, 6);
  const { 'timestamp-repeated': _repeated, ...others } = MIXED_COUNTS;
  assert.deepEqual(result.byCode, others);
});

test('a repeat over two turns counts as two duplicate-overlap diagnostics, shown turn by turn', () => {
  const repeated = 'timestamp-repeated information 3:0-3:10 00:01:31 repeats the stamp of the turn before (line 2)';
  // Each turn's diagnostic says what the whole repeat comes to (6 words and 10, all matching), and which of its turns this is.
  const said = 'This text repeats the end of the previous chunk (line 1): 16 of 16 words match';
  const first = `duplicate-overlap warning 3:22-3:54 ${said} (turn 1 of the 2 it spans).`;
  const second = `duplicate-overlap warning 4:22-4:74 ${said} (turn 2 of the 2 it spans).`;
  const all = shown(TWO_TURN_REPEAT, 1000);
  assert.deepEqual(all.shown.map(row), [repeated, first, second]);
  assert.equal(all.total, 3);
  assert.deepEqual(all.byCode, { 'timestamp-repeated': 1, 'duplicate-overlap': 2 });
  // The two warnings before the note; one warning, the first turn's.
  assert.deepEqual(shown(TWO_TURN_REPEAT, 2).shown.map(row), [first, second]);
  assert.deepEqual(shown(TWO_TURN_REPEAT, 1).shown.map(row), [first]);
  // Both point at the original as one range, from its first repeated word to its last.
  const original = all.shown[1]!.related!;
  assert.deepEqual(
    original.map((r) => r.message),
    ['The original text'],
  );
  assert.equal(
    textAt(TWO_TURN_REPEAT, original[0]!.range),
    'whatever the task you are doing.\n[00:01:31] Speaker 2: How long have you guys been working on this project?',
  );
  assert.equal(all.shown[2]!.related, original);
  assert.equal(all.shown[1]!.unnecessary, true);
});

test('a page of prose is one note, shown even at a limit of one and counted when none are shown', () => {
  const prose = lines('   ', '', 'Release notes', 'We fixed the exporter.');
  const note = shown(prose, 1);
  assert.equal(note.shown.length, 1);
  const [diagnostic] = note.shown;
  // At the first line with something on it: a line of spaces is blank.
  assert.deepEqual(
    [diagnostic!.code, diagnostic!.severity, diagnostic!.range],
    ['not-a-transcript', 'information', { start: { line: 2, character: 0 }, end: { line: 2, character: 13 } }],
  );
  assert.match(diagnostic!.message, /^This does not look like a transcript: no speaker turns found \(turns are read as `Name: text`, /);
  assert.match(diagnostic!.message, /; see docs\/format\.md\)\.$/);
  assert.deepEqual(note.byCode, { 'not-a-transcript': 1 });
  assert.equal(note.total, 1);
  assert.deepEqual(shown(prose, 0), { shown: [], total: 1, byCode: { 'not-a-transcript': 1 } });
  assert.deepEqual(note.shown, computeDiagnostics(analyze(prose)));
});

test('a document with no problem shows none and counts none', () => {
  assert.deepEqual(shown(lines('[00:00:01] Ann: Hello.', '[00:00:04] Bob: Hi there.'), 1000), { shown: [], total: 0, byCode: {} });
});

const A = lines('[00:00:10] Ann: We met at the hall.', '[00:00:50] Bob: And then we left.');
const B = lines('[00:00:40] Ann: Back to the start.', '[00:00:40] Bob: Same stamp here.', '[00:99:00] Ann: "A broken time and a quote.');
const C = lines('[00:02:00] Bob: go go go go go go now.');

test("an edit in one chunk leaves the other chunks' shown diagnostics the same objects, and remakes those that point into it", () => {
  const service = createTranscriptService();
  const uri = 'file:///edited.transcript';
  const version = (text: string, n: number) => service.shownDiagnostics(textDocument(uri, text, n), 1000).shown;
  const first = version(lines(A, MARKER, B, MARKER, C), 1);
  assert.deepEqual(first.map(row), [
    'timestamp-order warning 3:0-3:10 00:00:40 is 10 s earlier than 00:00:50 (line 2)',
    'timestamp-repeated information 4:0-4:10 00:00:40 repeats the stamp of the turn before (line 4)',
    'timestamp-malformed error 5:0-5:10 [00:99:00] is not a valid time: minutes must be below 60.',
    'unterminated-quote warning 5:16-5:17 This quotation mark is never closed in its turn.',
    'repetition-loop warning 7:19-7:33 “go” 6 times in a row: speech-to-text repeating itself',
  ]);
  // The last chunk's words change: the loop is made again, everything else kept.
  const second = version(lines(A, MARKER, B, MARKER, C.replace('now', 'then')), 2);
  assert.deepEqual(second.map(row), first.map(row));
  assert.deepEqual(
    second.map((d, i) => d === first[i]),
    [true, true, true, true, false],
  );
  // The first chunk's later stamp moves on: the backwards stamp in the next chunk says so.
  const third = version(lines(A.replace('[00:00:50]', '[00:00:55]'), MARKER, B, MARKER, C.replace('now', 'then')), 3);
  assert.equal(row(third[0]!), 'timestamp-order warning 3:0-3:10 00:00:40 is 15 s earlier than 00:00:55 (line 2)');
  assert.deepEqual(third[0]!.related, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, message: 'Earlier in the file, and 15 s later: 00:00:55' },
  ]);
  assert.deepEqual(
    third.map((d, i) => d === second[i]),
    [false, true, true, true, true],
  );
});

test('a repeated stamp kept across an edit points at the earlier stamp where it is now', () => {
  const service = createTranscriptService();
  const uri = 'file:///repeated.transcript';
  const repeatedOf = (text: string, n: number) =>
    service.shownDiagnostics(textDocument(uri, text, n), 1000).shown.filter((d) => d.code === 'timestamp-repeated');
  const after = lines('[00:00:50] Ann: Back again.', '[00:01:10] Bob: Later.');
  const before = repeatedOf(lines('[00:00:10] Ann: Hello.', '[00:00:50] Bob: Bye.', MARKER, after), 1);
  assert.deepEqual(before.map(row), ['timestamp-repeated information 3:0-3:10 00:00:50 repeats the stamp of the turn before (line 2)']);
  assert.deepEqual(before[0]!.related, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, message: 'The same stamp, one turn earlier' },
  ]);
  // The same time written shorter, in the chunk before: the note now points at `[0:00:50]`.
  const now = repeatedOf(lines('[00:00:10] Ann: Hello.', '[0:00:50] Bob: Bye.', MARKER, after), 2);
  assert.deepEqual(now.map(row), ['timestamp-repeated information 3:0-3:10 00:00:50 repeats the stamp of the turn before (line 2)']);
  assert.deepEqual(now[0]!.related, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, message: 'The same stamp, one turn earlier' },
  ]);
});

test('an overlap says how many words of the longer side match, and fades the repeat', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country, and quickly.',
    MARKER,
    '[00:00:09] Speaker 1: our bridges across the whole big country, and quickly. Then we fix the schools.',
  );
  const [overlap, ...others] = computeDiagnostics(analyze(text));
  assert.deepEqual(others, []);
  // Nine words repeat eight: the eight match, of nine.
  assert.equal(row(overlap!), 'duplicate-overlap warning 2:22-2:76 This text repeats the end of the previous chunk (line 1): 8 of 9 words match.');
  assert.equal(textAt(text, overlap!.range), 'our bridges across the whole big country, and quickly.');
  assert.equal(overlap!.unnecessary, true);
  assert.deepEqual(
    overlap!.related!.map((r) => [textAt(text, r.range), r.message]),
    [['our bridges across the whole country, and quickly.', 'The original text']],
  );
});

test('a loop quotes a phrase of up to eight words whole, and the first eight of a longer one; it fades the copies after the first', () => {
  const eight = 'alpha beta gamma delta epsilon zeta eta theta';
  const nine = 'one two three four five six seven eight nine';
  const text = lines(`[00:00:20] Ann: ${nine} ${nine} ${nine} end.`, `[00:00:30] Bob: ${eight} ${eight} ${eight} done.`);
  const loops = computeDiagnostics(analyze(text));
  assert.deepEqual(loops.map(row), [
    'repetition-loop warning 0:61-0:150 “one two three four five six seven eight …” 3 times in a row: speech-to-text repeating itself',
    'repetition-loop warning 1:62-1:153 “alpha beta gamma delta epsilon zeta eta theta” 3 times in a row: speech-to-text repeating itself',
  ]);
  assert.equal(textAt(text, loops[0]!.range), `${nine} ${nine}`);
  assert.ok(loops.every((d) => d.unnecessary));
  assert.deepEqual(
    loops.map((d) => d.related!.map((r) => [textAt(text, r.range), r.message])),
    [[[nine, 'The first copy, which Keep one copy keeps']], [[eight, 'The first copy, which Keep one copy keeps']]],
  );
});

test('a repeated stamp names the line of the stamp it repeats and points at it', () => {
  const text = lines('[00:00:01] Ann: Hello.', '', '[00:10:44] Bob: One.', '[00:10:44] Ann: Two.');
  const [note] = computeDiagnostics(analyze(text));
  assert.equal(row(note!), 'timestamp-repeated information 3:0-3:10 00:10:44 repeats the stamp of the turn before (line 3)');
  assert.deepEqual(note!.related, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, message: 'The same stamp, one turn earlier' },
  ]);
});

test("each code's link is the diagnostics page's heading of that name", () => {
  const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'diagnostics.md'), 'utf8');
  const codes: DiagnosticCode[] = [
    'timestamp-order',
    'timestamp-repeated',
    'timestamp-malformed',
    'duplicate-overlap',
    'repetition-loop',
    'unterminated-quote',
    'orphan-sentiment',
    'unrecognized-line',
    'suspect-header',
    'not-a-transcript',
  ];
  assert.equal(DOCS_URL, 'https://github.com/transcript-editor/transcript-editor/blob/main/docs/diagnostics.md');
  for (const code of codes) {
    assert.equal(docsLink(code), `https://github.com/transcript-editor/transcript-editor/blob/main/docs/diagnostics.md#${code}`);
    assert.match(page, new RegExp(`^## ${code}$`, 'm'), code);
  }
});

/* ------------------------------------------------------------------ the first part */

/** Two short chunks with a problem each, then the start of a third. */
const HEAD = lines(
  '[00:00:10] Ann: We met at the hall.',
  '[00:00:05] Bob: And then we left.',
  MARKER,
  '[00:00:20] Ann: Later on we came back.',
  '[00:75:00] Bob: A broken time.',
  MARKER,
  '',
);

/** `HEAD`, then a last chunk of `tail` characters with a problem of its own. */
function chunked(tail: number): string {
  const last = '[00:00:01] Ann: Far back. ';
  return HEAD + last + 'x'.repeat(tail - last.length);
}

function firstPart(text: string, characters: number, settings = {}) {
  const service = createTranscriptService();
  return service.firstPartDiagnostics(textDocument('file:///big.transcript', text), characters, { ...DEFAULT_SETTINGS, ...settings });
}

const BACKWARDS_1 = 'timestamp-order warning 1:0-1:10 00:00:05 is 5 s earlier than 00:00:10 (line 1)';
const MALFORMED_4 = 'timestamp-malformed error 4:0-4:10 [00:75:00] is not a valid time: minutes must be below 60.';

test("a big document's first part runs to the first chunk marker after the characters asked for, and has the whole's problems there", () => {
  const text = chunked(600);
  assert.deepEqual(computeDiagnostics(analyze(text)).map(row), [
    BACKWARDS_1,
    MALFORMED_4,
    'timestamp-order warning 6:0-6:10 00:00:01 is 19 s earlier than 00:00:20 (line 4)',
  ]);
  assert.deepEqual(firstPart(text, 0)!.map(row), [BACKWARDS_1]);
  // Anywhere in the first chunk, its marker ends the part; from the second chunk on, the next one.
  assert.deepEqual(firstPart(text, 40)!.map(row), [BACKWARDS_1]);
  const secondChunk = text.indexOf('[00:00:20]');
  assert.deepEqual(firstPart(text, secondChunk)!.map(row), [BACKWARDS_1, MALFORMED_4]);
  assert.deepEqual(firstPart(text, secondChunk - 1)!.map(row), [BACKWARDS_1]);
});

test('the first part is checked with the settings given', () => {
  const text = lines('[00:00:10] Ann: One.', '[00:00:10] Bob: Two.', MARKER, `[00:00:20] Ann: ${'x'.repeat(100)}`);
  assert.deepEqual(firstPart(text, 0)!.map(row), ['timestamp-repeated information 1:0-1:10 00:00:10 repeats the stamp of the turn before (line 1)']);
  assert.deepEqual(firstPart(text, 0, { reportRepeatedTimestamps: false }), []);
});

test("there is no first part when the marker that would end it starts after the document's middle", () => {
  const secondMarker = HEAD.lastIndexOf(MARKER);
  const from = HEAD.indexOf('[00:00:20]');
  // The second marker starts exactly at the middle: the part ends with it.
  const atMiddle = chunked(2 * secondMarker - HEAD.length);
  assert.equal(atMiddle.length, 2 * secondMarker);
  assert.deepEqual(firstPart(atMiddle, from)!.map(row), [BACKWARDS_1, MALFORMED_4]);
  // Two characters shorter, it starts one past the middle: no part.
  const pastMiddle = chunked(2 * secondMarker - HEAD.length - 2);
  assert.equal(firstPart(pastMiddle, from), undefined);
  // From the start, the first marker is well before the middle.
  assert.deepEqual(firstPart(pastMiddle, 0)!.map(row), [BACKWARDS_1]);
});

test('there is no first part without a marker, nor when the part before the marker has no turn', () => {
  const unmarked = lines('[00:00:10] Ann: We met at the hall.', '[00:00:05] Bob: And then we left.', `[00:00:20] Ann: ${'x'.repeat(200)}`);
  assert.equal(firstPart(unmarked, 0), undefined);
  const preamble = lines('Notes from the day.', MARKER, '[00:00:10] Ann: We met at the hall.', `[00:00:05] Bob: ${'x'.repeat(200)}`);
  assert.equal(firstPart(preamble, 0), undefined);
  // A marker with nothing after it, not even a line break, ends no part.
  assert.equal(firstPart(lines('[00:00:10] Ann: One.', MARKER), 0), undefined);
});

test('positions count UTF-16 code units, and CRLF line ends move nothing', () => {
  // An emoji is two code units, a CJK character one: the quote after them is at 16 + 2 + 1 + 2 + 1.
  const text = lines('[00:00:10] Ann: We met at the hall.', '[00:00:05] Bob: 😀 会议 "Then we went on and on', '[00:75:00] Ann: A broken time.');
  const expected = [
    'timestamp-order warning 1:0-1:10 00:00:05 is 5 s earlier than 00:00:10 (line 1)',
    'unterminated-quote warning 1:22-1:23 This quotation mark is never closed in its turn.',
    MIXED_ROWS.malformed,
  ];
  assert.deepEqual(shown(text, 1000).shown.map(row), expected);
  assert.deepEqual(shown(text.replace(/\n/g, '\r\n'), 1000).shown.map(row), expected);
  assert.deepEqual(shown(MIXED.replace(/\n/g, '\r\n'), 4).shown.map(row), [
    MIXED_ROWS.backwards,
    MIXED_ROWS.quote,
    MIXED_ROWS.malformed,
    MIXED_ROWS.malformed2,
  ]);
});

test('two warnings at one place keep the order the check lists them in: the repeat before the loop inside it', () => {
  // The repeat starts at the second `yes`, where the loop's extra copies start too.
  const text = lines(
    '[00:75:00] Bob: A broken time.',
    '[00:00:01] Ann: We talked for hours about it. yes yes yes yes yes we will walk home along the quiet road tonight.',
    MARKER,
    '[00:00:05] Ann: yes yes yes yes yes yes we will walk home along the quiet road tonight. The house was cold.',
    '[00:00:09] Bob: "An open quote.',
  );
  const error = 'timestamp-malformed error 0:0-0:10 [00:75:00] is not a valid time: minutes must be below 60.';
  const overlap = 'duplicate-overlap warning 3:20-3:87 This text repeats the end of the previous chunk (line 2): 14 of 14 words match.';
  const loop = 'repetition-loop warning 3:20-3:39 “yes” 6 times in a row: speech-to-text repeating itself';
  const quote = 'unterminated-quote warning 4:16-4:17 This quotation mark is never closed in its turn.';
  assert.deepEqual(computeDiagnostics(analyze(text)).map(row), [error, overlap, loop, quote]);
  const shownRows = (limit: number) => shown(text, limit).shown.map(row);
  assert.deepEqual(shownRows(1), [error]);
  assert.deepEqual(shownRows(2), [error, overlap]);
  assert.deepEqual(shownRows(3), [error, overlap, loop]);
  assert.deepEqual(shownRows(4), [error, overlap, loop, quote]);
});
