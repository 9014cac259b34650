import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lines } from './helpers';
import { parseTranscript } from '../../server/src/service/parse/parser';

/*
 * Chunks that end where the format changes (docs/format.md, "Chunks"): a turn's format is its
 * header form, whether its text is quoted, and its sentiment note's form. A change is a join when
 * the chunk's format held for the two turns before it and the new one holds for two; a turn that
 * differs from its chunk only in what it lacks (a note, a stamp, a name, quotes) counts as the
 * chunk's format.
 */

/** Where each chunk starts: its boundary kind and first line. */
const boundaries = (...text: string[]) => parseTranscript(lines(...text)).chunks.map((c) => [c.boundary, c.range.start.line]);
const ONE_CHUNK = [['document-start', 0]];

/** A `[time] Label: text` turn, `Label: [time] text`, and `Label: text`, at second `s`. */
const stampFirst = (s: number, text: string) => `[00:00:${String(s).padStart(2, '0')}] Speaker ${(s % 2) + 1}: ${text}`;
const stampAfter = (s: number, text: string) => `Speaker ${(s % 2) + 1}: [00:00:${String(s).padStart(2, '0')}] ${text}`;
const bare = (s: number, text: string) => `Speaker ${(s % 2) + 1}: ${text}`;

/** Four stamped turns, each followed by the note given for it. */
const notedTurns = (notes: readonly string[]) =>
  ['We met at noon.', 'It rained.', 'We stayed in.', 'Then we left.'].flatMap((text, k) => [stampFirst(k + 1, text), notes[k]!]);

test('a note form that changes, two turns after two, starts a chunk; one turn of another form does not', () => {
  const paren = (label: string) => `(Sentiment: ${label})`;
  const bracket = (label: string) => `[${label} sentiment]`;
  assert.deepEqual(boundaries(...notedTurns([paren('Positive'), paren('Neutral'), bracket('Neutral'), bracket('Positive')])), [
    ['document-start', 0],
    ['implicit', 4],
  ]);
  assert.deepEqual(boundaries(...notedTurns([paren('Positive'), paren('Neutral'), bracket('Neutral'), paren('Positive')])), ONE_CHUNK);
});

test('a header form that changes, two turns after two, starts a chunk: stamp moved, stamp dropped, stamp added, quotes dropped', () => {
  const join = [
    ['document-start', 0],
    ['implicit', 2],
  ];
  assert.deepEqual(boundaries(stampFirst(1, 'We met.'), stampFirst(2, 'It rained.'), stampAfter(3, 'We stayed.'), stampAfter(4, 'We left.')), join);
  assert.deepEqual(boundaries(stampFirst(1, 'We met.'), stampFirst(2, 'It rained.'), bare(3, 'We stayed.'), bare(4, 'We left.')), join);
  assert.deepEqual(boundaries(bare(1, 'We met.'), bare(2, 'It rained.'), stampFirst(3, 'We stayed.'), stampFirst(4, 'We left.')), join);
  assert.deepEqual(
    boundaries(stampFirst(1, '"We met."'), stampFirst(2, '"It rained."'), stampFirst(3, 'We stayed.'), stampFirst(4, 'We left.')),
    join,
  );
});

test("a turn that lacks the chunk's note, stamp, quotes or name still counts as the chunk's format", () => {
  const joinAt = (line: number) => [
    ['document-start', 0],
    ['implicit', line],
  ];
  // A turn cut off before its note, after one with a note; and before one.
  assert.deepEqual(
    boundaries(
      stampFirst(1, 'We met.'),
      '(Sentiment: Positive)',
      stampFirst(2, 'It rained.'),
      stampFirst(3, 'We stayed.'),
      '[Neutral sentiment]',
      stampFirst(4, 'We left.'),
      '[Positive sentiment]',
    ),
    joinAt(3),
  );
  assert.deepEqual(
    boundaries(
      stampFirst(1, 'We met.'),
      stampFirst(2, 'It rained.'),
      '(Sentiment: Positive)',
      stampFirst(3, 'We stayed.'),
      '[Neutral sentiment]',
      stampFirst(4, 'We left.'),
      '[Positive sentiment]',
    ),
    joinAt(3),
  );
  // A stamp missed; quotes put around one turn by hand; a name given once (`Speaker 1 (Ann Lee):`).
  assert.deepEqual(boundaries(stampFirst(1, 'We met.'), bare(2, 'It rained.'), stampAfter(3, 'We stayed.'), stampAfter(4, 'We left.')), joinAt(2));
  assert.deepEqual(
    boundaries(stampFirst(1, 'We met.'), stampFirst(2, '"It rained."'), stampAfter(3, 'We stayed.'), stampAfter(4, 'We left.')),
    joinAt(2),
  );
  assert.deepEqual(
    boundaries('Speaker 1 (Ann Lee): We met.', bare(2, 'It rained.'), stampFirst(3, 'We stayed.'), stampFirst(4, 'We left.')),
    joinAt(2),
  );
});

test("a stamp after the label is not a stamp before it gone missing: that turn does not count as the chunk's format", () => {
  // `[time] Label:`, then `Label: [time]`: the chunk's format held for one turn only, so the two
  // bare turns after it are no join.
  assert.deepEqual(boundaries(stampFirst(1, 'We met.'), stampAfter(2, 'It rained.'), bare(3, 'We stayed.'), bare(4, 'We left.')), ONE_CHUNK);
});

test("a chunk's format is its latest turn's that has notes, not a first turn cut off before its note", () => {
  const [chunk] = parseTranscript(
    lines(
      stampFirst(1, 'We met.'),
      stampFirst(2, 'It rained.'),
      '(Sentiment: Neutral)',
      stampFirst(3, 'We stayed.'),
      stampFirst(4, 'We left.'),
      '(Sentiment: Positive)',
    ),
  ).chunks;
  assert.equal(chunk!.format, '[time] Label: text; (Sentiment: X)');
});

test("two note forms are two formats: a turn with another note does not count as the chunk's format", () => {
  // `(Sentiment: X)`, then `[X sentiment]`: the chunk's format held for one turn only, so the two
  // turns after it in another header form are no join.
  assert.deepEqual(
    boundaries(
      stampFirst(1, 'We met.'),
      '(Sentiment: Positive)',
      stampFirst(2, 'It rained.'),
      '[Neutral sentiment]',
      stampAfter(3, 'We stayed.'),
      '(Sentiment: Neutral)',
      stampAfter(4, 'We left.'),
      '(Sentiment: Positive)',
    ),
    ONE_CHUNK,
  );
});
