import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { align, MAX_HEAD_SKIP, MAX_TAIL_SKIP, repeatFromSeeds, seedsOf, type Alignment } from '../../server/src/service/checks/overlap/alignment';
import { propertyRuns } from './propertyRuns';

/*
 * `align` fills its rows in two ways (the columns where an alignment may begin, and a faster loop
 * past them) on packed numbers. Here the same recurrence is written out plainly, a whole matrix
 * of cells as objects, as the specification the fast one must agree with exactly: the same
 * alignment, or none, for any two sides.
 */

interface Cell {
  score: number;
  /** Unreached: no alignment gets here. */
  none: boolean;
  /** An alignment may begin here and nothing better has come in: left only by an exact match. */
  fresh: boolean;
  startI: number;
  startJ: number;
  matches: number;
}

function plainAlign(tail: { words: number[]; stems: number[] }, head: { words: number[]; stems: number[] }): Alignment | undefined {
  const n = tail.words.length;
  const m = head.words.length;
  if (n === 0 || m === 0) return undefined;
  const start = (i: number, j: number): Cell => ({ score: 0, none: false, fresh: true, startI: i, startJ: j, matches: 0 });
  const unreached = (): Cell => ({ score: 0, none: true, fresh: false, startI: 0, startJ: 0, matches: 0 });
  const cells: Cell[][] = [];
  cells.push(Array.from({ length: m + 1 }, (_, j) => (j <= MAX_HEAD_SKIP ? start(0, j) : unreached())));
  let best: Alignment | undefined;
  let bestScore = 0;
  for (let i = 1; i <= n; i++) {
    const row: Cell[] = [start(i, 0)];
    for (let j = 1; j <= m; j++) {
      let cell = j <= MAX_HEAD_SKIP ? start(i, j) : unreached();
      const exact = tail.words[i - 1] === head.words[j - 1];
      const near = tail.stems[i - 1]! >= 0 && tail.stems[i - 1] === head.stems[j - 1];
      const before = cells[i - 1]![j - 1]!;
      let diagonalWon = false;
      if (!before.none && (exact || !before.fresh)) {
        const score = before.score + (exact ? 2 : near ? 1 : -1);
        if (cell.none || score > cell.score || (score === cell.score && exact)) {
          cell = { ...before, score, fresh: false, matches: before.matches + (exact ? 1 : 0) };
          diagonalWon = true;
        }
      }
      for (const from of [cells[i - 1]![j]!, row[j - 1]!]) {
        if (!from.none && !from.fresh && (cell.none || from.score - 1 > cell.score)) {
          cell = { ...from, score: from.score - 1 };
          diagonalWon = false;
        }
      }
      row.push(cell);
      if (i >= n - MAX_TAIL_SKIP && exact && diagonalWon && cell.score > bestScore) {
        bestScore = cell.score;
        best = { tailStart: cell.startI, tailEnd: i, headStart: cell.startJ, headEnd: j, matches: cell.matches };
      }
    }
    cells.push(row);
  }
  return best;
}

/** Words from a small vocabulary, so that sides share words; stems shared by neighbouring words, or none (-1). */
const side = (maxLength: number) =>
  fc
    .array(fc.integer({ min: 0, max: 12 }), { maxLength })
    .chain((words) =>
      fc
        .array(fc.boolean(), { minLength: words.length, maxLength: words.length })
        .map((hasStem) => ({ words, stems: words.map((word, k) => (hasStem[k] ? word >> 2 : -1)) })),
    );

const codes = (s: { words: number[]; stems: number[] }) => ({ words: Float64Array.from(s.words), stems: Float64Array.from(s.stems) });

test('the alignment agrees with the plain recurrence on any two sides', () => {
  fc.assert(
    fc.property(side(40), side(40), (tail, head) => {
      assert.deepEqual(align(codes(tail), codes(head)), plainAlign(tail, head));
    }),
    { numRuns: propertyRuns(3000) },
  );
});

test('the alignment agrees with the plain recurrence where the head repeats the tail with changes', () => {
  const repeat = fc.record({
    tail: side(60),
    cut: fc.nat(60),
    lead: side(MAX_HEAD_SKIP + 3),
    changes: fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 0, max: 12 })), { maxLength: 8 }),
  });
  fc.assert(
    fc.property(repeat, ({ tail, cut, lead, changes }) => {
      const copied = { words: tail.words.slice(cut % (tail.words.length + 1)), stems: tail.stems.slice(cut % (tail.words.length + 1)) };
      const head = { words: [...lead.words, ...copied.words], stems: [...lead.stems, ...copied.stems] };
      for (const [at, word] of changes) if (head.words.length > 0) head.words[at % head.words.length] = word;
      assert.deepEqual(align(codes(tail), codes(head)), plainAlign(tail, head));
    }),
    { numRuns: propertyRuns(3000) },
  );
});

test('a head that repeats the end of the tail, one word changed, aligns over the repeat', () => {
  const tail = { words: [1, 2, 3, 4, 5, 6, 7, 8, 9], stems: Array(9).fill(-1) };
  const head = { words: [20, 5, 6, 99, 8, 9, 30, 31], stems: Array(8).fill(-1) };
  assert.deepEqual(align(codes(tail), codes(head)), { tailStart: 4, tailEnd: 9, headStart: 1, headEnd: 6, matches: 4 });
});

test('no alignment begins past the first words of the head', () => {
  const tail = { words: [1, 2, 3, 4, 5, 6], stems: Array(6).fill(-1) };
  const lead = Array.from({ length: MAX_HEAD_SKIP + 1 }, (_, k) => 100 + k);
  const head = { words: [...lead, 1, 2, 3, 4, 5, 6], stems: Array(lead.length + 6).fill(-1) };
  assert.equal(align(codes(tail), codes(head)), undefined);
  const nearer = { words: head.words.slice(1), stems: head.stems.slice(1) };
  assert.deepEqual(align(codes(tail), codes(nearer)), { tailStart: 0, tailEnd: 6, headStart: MAX_HEAD_SKIP, headEnd: MAX_HEAD_SKIP + 6, matches: 6 });
});

test('an alignment opens on an exact match, not on a word that only shares its stem', () => {
  const lead = Array.from({ length: MAX_HEAD_SKIP }, (_, k) => 100 + k);
  const tail = { words: [1, 2, 3, 4, 5, 6], stems: [50, -1, -1, -1, -1, -1] };
  const head = { words: [...lead, 77, 2, 3, 4, 5, 6], stems: [...lead.map(() => -1), 50, -1, -1, -1, -1, -1] };
  assert.equal(align(codes(tail), codes(head)), undefined);
  head.words[MAX_HEAD_SKIP] = 1;
  assert.deepEqual(align(codes(tail), codes(head)), { tailStart: 0, tailEnd: 6, headStart: MAX_HEAD_SKIP, headEnd: MAX_HEAD_SKIP + 6, matches: 6 });
});

test('a seed is followed through a re-transcription that adds two fillers after every third word, and the repeat found whole', () => {
  // Words 1..150 said, then said again with `you know` (1001, 1002) after every third: the
  // copy drifts two words from the seed's diagonal every three words.
  const said = Array.from({ length: 150 }, (_, k) => k + 1);
  const again = said.flatMap((word, k) => (k % 3 === 2 ? [word, 1001, 1002] : [word]));
  const tail = codes({ words: [...Array.from({ length: 60 }, (_, k) => 500 + k), ...said], stems: Array.from({ length: 210 }, () => -1) });
  const head = codes({ words: [...again, 2001, 2002], stems: Array.from({ length: again.length + 2 }, () => -1) });
  const seeds = seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3);
  // The seed at the head's first word, followed: before the seed was followed in order, its
  // next words, off its diagonal by more than two, turned it away.
  const found = repeatFromSeeds(tail, head, seeds, (alignment) => alignment.headStart === 0);
  assert.ok(found, 'the repeat is found');
  assert.deepEqual(
    { tailStart: found.tailStart, tailEnd: found.tailEnd, headStart: found.headStart, headEnd: found.headEnd, matches: found.matches },
    // The copy ends at its last word, before the fillers after it.
    { tailStart: 60, tailEnd: 210, headStart: 0, headEnd: again.length - 2, matches: 150 },
  );
});
