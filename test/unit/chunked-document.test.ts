import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedDocument } from '../../server/src/lsp/chunkedDocument';

/*
 * The server keeps open documents in chunks (`ChunkedDocument`) instead of the library's one
 * string. Every position the editor sends is turned into an offset by it, and every edit goes
 * through it, so it must agree with a document made afresh from the same text in everything the
 * library's `TextDocument` answers: the text, the line count, and the position of every offset
 * and the offset of every position (clamped as the library clamps them).
 */

const uri = 'file:///chunked.transcript';

/** Text that exercises what positions depend on: every kind of line break, surrogate pairs, CJK, a BOM. */
const pieces = fc.constantFrom('a', 'Speaker 1: ', '\n', '\r\n', '\r', '😀', '王', '\uFEFF', ' ', '[00:01:02] ', '---\n', 'é');
const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

/** A change as an editor sends it: a range in the text before it (positions may lie past a line's end) and what replaces it. */
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 30 }) });
const change = fc.record({ range: fc.record({ start: position, end: position }), text });

function assertAgrees(chunked: ChunkedDocument, expected: string): void {
  const fresh = TextDocument.create(uri, 'transcript', 0, expected);
  assert.equal(chunked.getText(), expected);
  assert.equal(chunked.length, expected.length);
  assert.equal(chunked.lineCount, fresh.lineCount);
  for (let offset = -1; offset <= expected.length + 1; offset++)
    assert.deepEqual(chunked.positionAt(offset), fresh.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= fresh.lineCount; line++) {
    for (let character = -1; character <= 25; character++) {
      const position = { line, character };
      assert.equal(chunked.offsetAt(position), fresh.offsetAt(position), `offsetAt(${line}:${character})`);
    }
  }
  const range = { start: fresh.positionAt(1), end: fresh.positionAt(expected.length - 1) };
  assert.equal(chunked.getText(range), fresh.getText(range));
  assert.equal(chunked.getText({ start: range.end, end: range.start }), fresh.getText({ start: range.end, end: range.start }));
}

test('after any series of edits, the chunked document agrees with a document made afresh from the same text', () => {
  fc.assert(
    fc.property(
      text,
      fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
      fc.integer({ min: 1, max: 8 }),
      (initial, batches, chunkSize) => {
        const chunked = new ChunkedDocument(uri, 'transcript', 1, initial, chunkSize);
        let expected = initial;
        assertAgrees(chunked, expected);
        batches.forEach((batch, index) => {
          const offsets = chunked.update(batch, index + 2);
          assert.equal(chunked.version, index + 2);
          assert.equal(offsets.length, batch.length);
          // Each change applies to the text the one before left, at the offsets it is reported at.
          batch.forEach((edit, k) => {
            const reference = TextDocument.create(uri, 'transcript', 0, expected);
            const from = reference.offsetAt(edit.range.start);
            const to = reference.offsetAt(edit.range.end);
            assert.deepEqual(offsets[k], { start: Math.min(from, to), end: Math.max(from, to), text: edit.text });
            expected = expected.slice(0, Math.min(from, to)) + edit.text + expected.slice(Math.max(from, to));
          });
          assertAgrees(chunked, expected);
        });
      },
    ),
    { numRuns: 400 },
  );
});

test('a CR typed before an LF, and an LF typed after a CR, make one line break', () => {
  const chunked = new ChunkedDocument(uri, 'transcript', 1, 'A: one\nB: two\r', 3);
  chunked.update([{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: '\r' }], 2);
  assert.equal(chunked.getText(), 'A: one\r\nB: two\r');
  assert.equal(chunked.lineCount, 3);
  assert.deepEqual(chunked.positionAt(chunked.getText().indexOf('B')), { line: 1, character: 0 });
  chunked.update([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\nC: three' }], 3);
  assert.equal(chunked.getText(), 'A: one\r\nB: two\r\nC: three');
  assert.equal(chunked.lineCount, 3);
  assert.deepEqual(chunked.positionAt(chunked.getText().indexOf('C')), { line: 2, character: 0 });
});

test('a change without a range replaces the whole text', () => {
  const chunked = new ChunkedDocument(uri, 'transcript', 1, 'A: one\nB: two', 4);
  const offsets = chunked.update([{ text: 'C: three\n' }], 2);
  assert.deepEqual(offsets, [{ start: 0, end: 13, text: 'C: three\n' }]);
  assertAgrees(chunked, 'C: three\n');
});

test('a snapshot is the text of its version: later edits do not change it, and each version has its own', () => {
  const chunked = new ChunkedDocument(uri, 'transcript', 1, 'A: one\nB: two\nC: three', 4);
  const first = chunked.snapshot();
  assert.equal(first.text, 'A: one\nB: two\nC: three');
  assert.equal(chunked.snapshot(), first);
  chunked.update([{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } }, text: 'deux' }], 2);
  const second = chunked.snapshot();
  assert.notEqual(second, first);
  assert.equal(second.text, undefined, 'an edited text is not made one string until asked');
  assert.equal(second.slice(7, 14), 'B: deux');
  assert.equal(second.whole(), 'A: one\nB: deux\nC: three');
  assert.equal(first.whole(), 'A: one\nB: two\nC: three');
  assert.equal(first.slice(7, 13), 'B: two');
});

test('a paste of tens of thousands of lines, and the deletion of them, keep the line table right', () => {
  const opened = 'A: one\r\nB: two\n';
  const pasted = Array.from({ length: 30_000 }, (_, k) => `Speaker ${k % 7}: line ${k} 😀`).join('\r\n');
  const chunked = new ChunkedDocument(uri, 'transcript', 1, opened);
  chunked.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: pasted }], 2);
  const afterPaste = `A: one\r\n${pasted}B: two\n`;
  const fresh = TextDocument.create(uri, 'transcript', 0, afterPaste);
  assert.equal(chunked.getText(), afterPaste);
  assert.equal(chunked.lineCount, fresh.lineCount);
  for (const line of [0, 1, 2, 15_000, 29_999, 30_000, 30_001]) {
    assert.equal(chunked.offsetAt({ line, character: 3 }), fresh.offsetAt({ line, character: 3 }), `line ${line}`);
  }
  assert.deepEqual(chunked.positionAt(afterPaste.length - 3), fresh.positionAt(afterPaste.length - 3));
  chunked.update([{ range: { start: { line: 1, character: 0 }, end: fresh.positionAt(8 + pasted.length) }, text: '' }], 3);
  assertAgrees(chunked, opened);
});
