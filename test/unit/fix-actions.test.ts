import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, createTranscriptService, textDocument, type TextEdit } from '../../server/src/service';
import { replaceChangedSpan } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { lines } from './helpers';
import { seedAboveMarkdown, TWO_TURN_REPEAT } from './overlapPassages';

/*
 * The fixes offered where the cursor is (which, titled how, which preferred, and the text after
 * them), and Fix All's edits, on small transcripts with the text after each fix written out.
 */

const MARKER = 'This chunk continues in the next part.';

const service = createTranscriptService();
let versions = 0;
/** Each text its own document, so that no test reads what another left. */
const documentOf = (text: string) => textDocument(`file:///fix-actions-${++versions}.transcript`, text);

const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });
const span = (line: number, from: number, toLine: number, to: number): Range => ({
  start: { line, character: from },
  end: { line: toLine, character: to },
});

function actionsAt(text: string, range: Range) {
  return service.codeActions(documentOf(text), range).map((action) => ({
    title: action.title,
    kind: action.kind,
    preferred: action.isPreferred ?? false,
    after: applyEdits(text, action.edits),
  }));
}

function fixAll(text: string): { edits: TextEdit[]; after: string } {
  const edits = service.fixAll(documentOf(text));
  return { edits, after: applyEdits(text, edits) };
}

const BACKWARDS = lines('[01:10] A: one', '[01:20] B: two', '[01:05] A: three', '[01:30] B: four');

test("a backwards stamp's fixes are offered with the cursor anywhere on the stamp, either edge included, and not a character past it", () => {
  const fixes = [
    { title: 'Set to the previous time (00:01:20)', kind: 'quickfix', preferred: false, after: BACKWARDS.replace('[01:05]', '[01:20]') },
    { title: 'Interpolate between neighbours (01:25)', kind: 'quickfix', preferred: true, after: BACKWARDS.replace('[01:05]', '[01:25]') },
    {
      title: 'Shift this and all following stamps by +15 s',
      kind: 'quickfix',
      preferred: false,
      after: lines('[01:10] A: one', '[01:20] B: two', '[01:20] A: three', '[01:45] B: four'),
    },
  ];
  // `[01:05]` is characters 0 to 7 of line 3.
  assert.deepEqual(actionsAt(BACKWARDS, at(2, 0)), fixes);
  assert.deepEqual(actionsAt(BACKWARDS, at(2, 4)), fixes);
  assert.deepEqual(actionsAt(BACKWARDS, at(2, 7)), fixes);
  assert.deepEqual(actionsAt(BACKWARDS, at(2, 8)), []);
  // A selection that ends where the stamp starts touches it; one that ends on the line before does not.
  assert.deepEqual(actionsAt(BACKWARDS, span(1, 3, 2, 0)), fixes);
  assert.deepEqual(actionsAt(BACKWARDS, span(1, 0, 1, 14)), []);
});

const LOOP = '[00:00:01] Speaker 1: We should go go go go go go now.';

test('Keep one copy is offered on the first copy of a loop and on the copies after it, not beside them', () => {
  const keep = [{ title: 'Keep one copy', kind: 'quickfix', preferred: true, after: '[00:00:01] Speaker 1: We should go now.' }];
  // The first `go` is characters 32 to 34; the five after it, 35 to 49.
  for (const character of [32, 33, 34, 40, 49]) assert.deepEqual(actionsAt(LOOP, at(0, character)), keep, `at ${character}`);
  for (const character of [25, 31, 50]) assert.deepEqual(actionsAt(LOOP, at(0, character)), [], `at ${character}`);
});

test("a repeat over two turns offers its fixes from either turn's diagnostic, and none from the original", () => {
  const fixes = [
    {
      title: 'Keep one copy: keep the earlier copy up to a sentence, the later from there, deleting 2 turns',
      kind: 'quickfix',
      preferred: true,
      after: lines(
        '[00:01:00] Speaker: The more you think about it, the better the outcome, whatever the task you are doing.',
        MARKER,
        '[00:01:33] Speaker 2: How long have you guys been working on this project? Since the start.',
      ),
    },
    {
      title: 'Remove repeated text, with its turn',
      kind: 'quickfix',
      preferred: false,
      after: lines(
        '[00:01:00] Speaker: The more you think about it, the better the outcome, whatever the task you are doing.',
        '[00:01:31] Speaker 2: How long have you guys been working on this project?',
        MARKER,
        '[00:01:33] Speaker 2: Since the start.',
      ),
    },
  ];
  assert.deepEqual(actionsAt(TWO_TURN_REPEAT, at(3, 30)), fixes);
  assert.deepEqual(actionsAt(TWO_TURN_REPEAT, at(4, 30)), fixes);
  // The new words after the repeat, and the original, have no fix of the repeat.
  assert.deepEqual(actionsAt(TWO_TURN_REPEAT, at(4, 80)), []);
  assert.deepEqual(actionsAt(TWO_TURN_REPEAT, at(1, 30)), []);
});

test('Fix All with nothing to fix gives no edit', () => {
  assert.deepEqual(fixAll(BACKWARDS).edits, []);
});

const ROADS = '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country, and quickly.';
const NATION = '[00:00:09] Speaker 1: our bridges across the whole nation, and quickly. Then we fix the schools.';

test('Fix All mends a seam whose copies differ in a word when the word it drops is said elsewhere too', () => {
  const said = lines(`[00:00:00] Speaker 2: The nation is waiting.`, ROADS, MARKER, NATION);
  const { edits, after } = fixAll(said);
  assert.deepEqual(edits, [{ range: span(3, 22, 3, 72), newText: '' }]);
  assert.equal(after, lines(`[00:00:00] Speaker 2: The nation is waiting.`, ROADS, MARKER, '[00:00:09] Speaker 1: Then we fix the schools.'));
  // Said nowhere else, the word would be lost: the seam stays for the user, whose fix says so.
  const alone = lines(ROADS, MARKER, NATION);
  assert.deepEqual(fixAll(alone).edits, []);
  assert.deepEqual(
    service.codeActions(documentOf(alone), at(2, 30)).map((action) => action.title),
    ['Remove repeated text (also deletes “nation”, found nowhere else)'],
  );
});

test('two seams that each drop a copy of a word said only in them: Fix All mends the first, and leaves the last copy', () => {
  const text = lines(
    ROADS,
    MARKER,
    '[00:00:09] Speaker 1: our bridges across the whole nation, and quickly. Then we fix the schools in every town and city.',
    '[00:00:20] Speaker 2: And the hospitals, with new wards for the whole country.',
    MARKER,
    '[00:00:30] Speaker 2: with new wards for the whole nation. And the trains after that.',
  );
  const { after } = fixAll(text);
  assert.equal(
    after,
    lines(
      ROADS,
      MARKER,
      '[00:00:09] Speaker 1: Then we fix the schools in every town and city.',
      '[00:00:20] Speaker 2: And the hospitals, with new wards for the whole country.',
      MARKER,
      '[00:00:30] Speaker 2: with new wards for the whole nation. And the trains after that.',
    ),
  );
});

/** Three chunks, each repeating the end of the one before: the middle turn is in both seams. */
const CHAIN = lines(
  '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
  MARKER,
  '[00:00:05] Ann: sat by the water until dark. Then we walked home along the quiet road.',
  MARKER,
  '[00:00:09] Ann: walked home along the quiet road. The house was cold.',
);

const CHAIN_FIXED = lines(
  '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
  MARKER,
  '[00:00:05] Ann: Then we walked home along the quiet road.',
  MARKER,
  '[00:00:09] Ann: The house was cold.',
);

test('seams that share a turn are mended one after the other, and Fix All gives one edit over just the text that changed', () => {
  const { edits, after } = fixAll(CHAIN);
  assert.equal(after, CHAIN_FIXED);
  // From the first word deleted to the last: what lies between is written again as it now reads.
  assert.deepEqual(edits, [{ range: span(2, 16, 4, 49), newText: `Then we walked home along the quiet road.\n${MARKER}\n[00:00:09] Ann:` }]);
  assert.deepEqual(fixAll(after).edits, []);
});

test("Fix All's one edit keeps CRLF line ends", () => {
  const crlf = CHAIN.replace(/\n/g, '\r\n');
  const { edits, after } = fixAll(crlf);
  assert.equal(after, CHAIN_FIXED.replace(/\n/g, '\r\n'));
  assert.deepEqual(edits, [{ range: span(2, 16, 4, 49), newText: `Then we walked home along the quiet road.\r\n${MARKER}\r\n[00:00:09] Ann:` }]);
});

test('two seams mended by deleting two turns in a row give two edits, the second starting where the first ends', () => {
  // The middle chunk keeps a line of its own, so it is not emptied (which would take its marker along).
  const text = lines(
    '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
    MARKER,
    'Part two, recorded the next day.',
    '[00:00:05] Ann: sat by the water until dark.',
    '[00:00:08] Bob: I think that there was a certain moment in our...',
    MARKER,
    '[00:00:10] Bob: I think that there was a certain moment in our training process where it clicked.',
  );
  const { edits, after } = fixAll(text);
  // The first seam keeps the earlier copy, the second the later, which says more: both in one go.
  assert.deepEqual(edits, [
    { range: span(3, 0, 4, 0), newText: '' },
    { range: span(4, 0, 5, 0), newText: '' },
  ]);
  assert.equal(
    after,
    lines(
      '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
      MARKER,
      'Part two, recorded the next day.',
      MARKER,
      '[00:00:10] Bob: I think that there was a certain moment in our training process where it clicked.',
    ),
  );
});

test('two seams that empty the chunk between them take its marker along, in one edit', () => {
  const text = lines(
    '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
    MARKER,
    '[00:00:05] Ann: sat by the water until dark.',
    '[00:00:08] Bob: I think that there was a certain moment in our...',
    MARKER,
    '[00:00:10] Bob: I think that there was a certain moment in our training process where it clicked.',
  );
  const { edits, after } = fixAll(text);
  assert.equal(edits.length, 1);
  assert.equal(
    after,
    lines(
      '[00:00:01] Ann: We walked down to the river and sat by the water until dark.',
      MARKER,
      '[00:00:10] Bob: I think that there was a certain moment in our training process where it clicked.',
    ),
  );
});

/** A seam whose mend would leave a lone seed turn above six Markdown turns, read then as a title (see fixes.test.ts). */
const SPOILING_SEAM = seedAboveMarkdown(6) + MARKER;

test('a seam whose mend would turn a kept line into text is left, and Fix All still mends the other seams', () => {
  const good = lines(
    '[00:01:00] Speaker 1: "We need to rebuild our roads and our bridges across the whole country, and quickly."',
    'Sentiment: Positive',
    MARKER,
    '',
    'Speaker 1: "our bridges across the whole country, and quickly. Then we fix the schools."',
    'Sentiment: Positive',
  );
  const text = lines(SPOILING_SEAM, good);
  const { edits, after } = fixAll(text);
  assert.deepEqual(edits, [{ range: span(19, 12, 19, 63), newText: '' }]);
  assert.equal(after, lines(SPOILING_SEAM, good.replace('"our bridges across the whole country, and quickly. Then', '"Then')));
});

/* ------------------------------------------------------------------ the one edit of several rounds */

/** Applies `replaceChangedSpan` and checks that it gives `after`. */
function changed(before: string, after: string): TextEdit {
  const edit = replaceChangedSpan(before, after);
  assert.equal(applyEdits(before, [edit]), after);
  return edit;
}

test('the edit of several rounds covers only where the texts differ, at the lines and characters where that is', () => {
  assert.deepEqual(changed('line one\nline two\nline three', 'line one\nline 2\nline three'), { range: span(1, 5, 1, 8), newText: '2' });
  assert.deepEqual(changed('abc', 'xabc'), { range: span(0, 0, 0, 0), newText: 'x' });
  assert.deepEqual(changed('abc', 'ab'), { range: span(0, 2, 0, 3), newText: '' });
  assert.deepEqual(changed('same', 'same'), { range: span(0, 4, 0, 4), newText: '' });
  // Where the deleted text repeats what is around it, the span starts after all the texts share at the start.
  assert.deepEqual(changed('go go go now', 'go now'), { range: span(0, 3, 0, 9), newText: '' });
  assert.deepEqual(changed('ab\ncd', 'aX\ncd'), { range: span(0, 1, 0, 2), newText: 'X' });
});

test('the edit of several rounds never splits a surrogate pair, at either end of the surrogate ranges', () => {
  // 😀 and 😁 share their first code unit: the edit replaces the whole pair.
  assert.deepEqual(changed('a 😀😁 b', 'a 😁 b'), { range: span(0, 2, 0, 6), newText: '😁' });
  for (const [first, second] of [
    [0x10000, 0x10001], // D800 DC00, D800 DC01
    [0x103ff, 0x103fe], // D800 DFFF, D800 DFFE
    [0x10fc00, 0x10fc01], // DBFF DC00, DBFF DC01
  ] as const) {
    const [a, b] = [String.fromCodePoint(first), String.fromCodePoint(second)];
    assert.deepEqual(changed(`x${a}y`, `x${b}y`), { range: span(0, 1, 0, 3), newText: b }, first.toString(16));
  }
  // CJK characters are one code unit each: only the one that changed.
  assert.deepEqual(changed('会议开始', '会谈开始'), { range: span(0, 1, 0, 2), newText: '谈' });
});

test('the edit of several rounds never splits a CRLF, and a lone CR is a line end of its own', () => {
  // CRLF to LF: both characters are replaced, not the CR alone.
  assert.deepEqual(changed('one\r\ntwo', 'one\ntwo'), { range: span(0, 3, 1, 0), newText: '\n' });
  assert.deepEqual(changed('a\r\nb', 'a\rb'), { range: span(0, 1, 1, 0), newText: '\r' });
  // After a lone CR the next line starts: the edit may start there.
  assert.deepEqual(changed('a\rbc', 'a\rXc'), { range: span(1, 0, 1, 1), newText: 'X' });
});
