import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  align,
  anySeedFollows,
  MAX_HEAD_SKIP,
  MAX_TAIL_SKIP,
  repeatFromSeeds,
  SEED_FOLLOW_WORDS,
  seedsOf,
  type Alignment,
} from '../../server/src/service/checks/overlap/alignment';
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
  // At the head's first word too: 77 shares its stem with the tail's 2, but the repeat is `3 4 5`.
  const short = { words: [1, 2, 3, 4, 5], stems: [-1, 50, -1, -1, -1] };
  const nearFirst = { words: [77, 3, 4, 5], stems: [50, -1, -1, -1] };
  assert.deepEqual(align(codes(short), codes(nearFirst)), { tailStart: 2, tailEnd: 5, headStart: 1, headEnd: 4, matches: 3 });
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

/*
 * Past its first MAX_HEAD_SKIP + 1 columns `align` runs a second, faster loop. The two properties
 * above, at the few cases a mutation run allows, seldom reach it with anything to align: their
 * heads are as often short as long, their words drawn from thirteen. Here every head opens with
 * eight to eleven words before it repeats the tail, from six words with stems shared often, so
 * that the repeat, its near matches and its gaps fall in the fast loop.
 */
const fewWords = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 5 }), { minLength, maxLength }).chain((words) =>
    fc
      .array(fc.integer({ min: 0, max: 3 }), { minLength: words.length, maxLength: words.length })
      // No stem, the stem 0 (a valid code, which a `> 0` test would miss), or one shared by pairs of words.
      .map((kinds) => ({ words, stems: words.map((word, k) => (kinds[k] === 0 ? -1 : kinds[k] === 1 ? 0 : word >> 1)) })),
  );

test('the alignment agrees with the plain recurrence where the repeat lies past the first columns', () => {
  const repeatAfterALead = fc
    .record({
      tail: fewWords(4, 16),
      lead: fewWords(MAX_HEAD_SKIP - 2, MAX_HEAD_SKIP + 1),
      cut: fc.nat(16),
      trail: fewWords(0, 4),
      changes: fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 0, max: 9 })), { maxLength: 6 }),
    })
    .map(({ tail, lead, cut, trail, changes }) => {
      const from = cut % tail.words.length;
      const head = {
        words: [...lead.words, ...tail.words.slice(from), ...trail.words],
        stems: [...lead.stems, ...tail.stems.slice(from), ...trail.stems],
      };
      for (const [at, word] of changes) {
        head.words[at % head.words.length] = word;
        head.stems[at % head.words.length] = word >> 1;
      }
      return { tail, head };
    });
  fc.assert(
    fc.property(repeatAfterALead, ({ tail, head }) => {
      assert.deepEqual(align(codes(tail), codes(head)), plainAlign(tail, head));
    }),
    { numRuns: propertyRuns(3000) },
  );
});

/** Ten words no tail below has, to put what follows past the columns where an alignment may begin. */
const tenOtherWords = Array.from({ length: MAX_HEAD_SKIP }, (_, k) => 100 + k);
const noStems = (length: number) => Array<number>(length).fill(-1);

test('a repeat past the first columns keeps a word the head adds, and one the tail has that the head lacks', () => {
  // 1 2 3 4 5 6, repeated with 99 added after 3: six matches, the added word a gap in the tail.
  const tail = { words: [1, 2, 3, 4, 5, 6], stems: noStems(6) };
  const added = { words: [...tenOtherWords, 1, 2, 3, 99, 4, 5, 6], stems: noStems(17) };
  assert.deepEqual(align(codes(tail), codes(added)), { tailStart: 0, tailEnd: 6, headStart: 10, headEnd: 17, matches: 6 });
  // 1 2 3 98 4 5 6, repeated without 98.
  const longer = { words: [1, 2, 3, 98, 4, 5, 6], stems: noStems(7) };
  const dropped = { words: [...tenOtherWords, 1, 2, 3, 4, 5, 6], stems: noStems(16) };
  assert.deepEqual(align(codes(longer), codes(dropped)), { tailStart: 0, tailEnd: 7, headStart: 10, headEnd: 16, matches: 6 });
});

test('an alignment ends on one of the last two words of the tail, not on a better match earlier', () => {
  // 1 to 8 repeated word for word past the first columns, then the tail ends `20 21` and the head
  // `30 31 32 21`: the repeat scores best at 8, but ends at 21, the tail's last word.
  const tail = { words: [1, 2, 3, 4, 5, 6, 7, 8, 20, 21], stems: noStems(10) };
  const head = { words: [...tenOtherWords, 1, 2, 3, 4, 5, 6, 7, 8, 30, 31, 32, 21], stems: noStems(22) };
  assert.deepEqual(align(codes(tail), codes(head)), { tailStart: 0, tailEnd: 10, headStart: 10, headEnd: 22, matches: 9 });
});

test('past the first columns a word that shares its stem bridges a repeat, and one without a stem does not', () => {
  // The tail's 1 2 3, seven words, 4 5; the head opens with its last two words, 4 5, then six
  // others, then 1 2 3, seven other words, 4 5, the seven from the eighth word on (past the
  // columns where an alignment may begin).
  const seven = [11, 12, 13, 14, 15, 16, 17];
  const sevenOthers = [21, 22, 23, 24, 25, 26, 27];
  const tailWords = [1, 2, 3, ...seven, 4, 5];
  const headWords = [4, 5, 100, 101, 102, 103, 104, 105, 1, 2, 3, ...sevenOthers, 4, 5];
  const withStems = (sevenStems: number[], otherStems: number[]) => ({
    tail: { words: tailWords, stems: [-1, -1, -1, ...sevenStems, -1, -1] },
    head: { words: headWords, stems: [...noStems(11), ...otherStems, -1, -1] },
  });
  const wholeRepeat = { tailStart: 0, tailEnd: 12, headStart: 8, headEnd: 20, matches: 5 };
  const lastTwoWords = { tailStart: 10, tailEnd: 12, headStart: 0, headEnd: 2, matches: 2 };
  // Each of the seven shares its stem with its counterpart: 3 matches, 7 near, 2 matches outscore
  // the two words at the head's start.
  const shared = withStems([40, 41, 42, 43, 44, 45, 46], [40, 41, 42, 43, 44, 45, 46]);
  assert.deepEqual(align(codes(shared.tail), codes(shared.head)), wholeRepeat);
  // The stem 0 is a stem like any other.
  const zero = withStems(Array<number>(7).fill(0), Array<number>(7).fill(0));
  assert.deepEqual(align(codes(zero.tail), codes(zero.head)), wholeRepeat);
  // No stems: seven mismatches, and the two words at the head's start score more (4 against 3).
  const none = withStems(noStems(7), noStems(7));
  assert.deepEqual(align(codes(none.tail), codes(none.head)), lastTwoWords);
  // Stems, but different ones: no better than none.
  const different = withStems([40, 41, 42, 43, 44, 45, 46], [50, 51, 52, 53, 54, 55, 56]);
  assert.deepEqual(align(codes(different.tail), codes(different.head)), lastTwoWords);
});

test('seeds: three words in a row at one of the head’s first positions, found in the tail nearest its end first', () => {
  const tail = [1, 2, 3, 9, 1, 2, 3, 4];
  const head = [1, 2, 3, 4, 5];
  // `2 3 4` at the tail's 6th word (the head's 2nd), then `1 2 3` at the 5th and the 1st (the head's 1st).
  assert.deepEqual(seedsOf(tail, head, 3), [
    { tailStart: 5, headStart: 1 },
    { tailStart: 4, headStart: 0 },
    { tailStart: 0, headStart: 0 },
  ]);
  assert.deepEqual(seedsOf(tail, head, 3, 2), [
    { tailStart: 5, headStart: 1 },
    { tailStart: 4, headStart: 0 },
  ]);
  // Only the head's first position: `2 3 4` starts at its second.
  assert.deepEqual(seedsOf(tail, head, 1), [
    { tailStart: 4, headStart: 0 },
    { tailStart: 0, headStart: 0 },
  ]);
});

/** A side's words and stems as numbers, and where a seed stands on each side. */
type PlainSide = { words: number[]; stems: number[] };
type Seed = { tailStart: number; headStart: number };

/** `count` words from `first` on, one code each: words that occur nowhere else in a test. */
const run = (first: number, count: number) => Array.from({ length: count }, (_, k) => first + k);
const sideOf = (words: number[]) => codes({ words, stems: noStems(words.length) });
const acceptAny = () => true;

test('a seed goes on matching at its fifth match, found three fillers after each: the head cut just before that match does not', () => {
  // The tail's 1 2 3 4 5 6 7 8 9 10, the head's 1 2 3, then each of 4 to 8 after three fillers.
  const tail = run(1, 10);
  const head = [1, 2, 3, ...[4, 5, 6, 7, 8].flatMap((word, k) => [...run(100 + 10 * k, 3), word])];
  const seeds = seedsOf(tail, head, MAX_HEAD_SKIP + 3);
  assert.deepEqual(seeds, [{ tailStart: 0, headStart: 0 }]);
  assert.equal(head.length, SEED_FOLLOW_WORDS);
  assert.equal(anySeedFollows(tail, head, seeds), true);
  assert.equal(anySeedFollows(tail, head.slice(0, -1), seeds), false);
});

test('whether a seed goes on matching is answered by the head cut SEED_FOLLOW_WORDS past the farthest seed, as by the whole head', () => {
  // The head repeats the tail from some word on, with up to three fillers (codes 100 and up) after
  // each word, which the seed's run is followed through: the more fillers, the farther it reads.
  const sides = fc.record({
    tail: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 40 }),
    from: fc.nat(39),
    lead: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: MAX_HEAD_SKIP }),
    fillers: fc.array(fc.constantFrom(0, 1, 2, 3, 3, 3), { maxLength: 40 }),
    after: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }),
  });
  let compared = 0;
  fc.assert(
    fc.property(sides, ({ tail, from, lead, fillers, after }) => {
      const head = [...lead];
      tail.slice(from % tail.length).forEach((word, k) => head.push(word, ...run(100 + 10 * k, fillers[k] ?? 0)));
      head.push(...after);
      const seeds = seedsOf(tail, head, MAX_HEAD_SKIP + 3);
      if (seeds.length === 0) return;
      compared++;
      const farthest = Math.max(...seeds.map((seed) => seed.headStart));
      assert.equal(anySeedFollows(tail, head.slice(0, farthest + SEED_FOLLOW_WORDS), seeds), anySeedFollows(tail, head, seeds));
    }),
    { numRuns: propertyRuns(500) },
  );
  assert.ok(compared > 0);
});

test('a long repeat is grown from its seed to the tail’s end over an added word, and back to its start over a changed one', () => {
  // Ten words, then 1 to 30; the chunk repeats 1 to 30 with 5 said as 55 and 77 added after 20,
  // then goes on with 900 901.
  const tail = sideOf([...run(500, 10), ...run(1, 30)]);
  const head = sideOf([1, 2, 3, 4, 55, ...run(6, 15), 77, ...run(21, 10), 900, 901]);
  const seeds = seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3);
  // The seed nearest the tail's end: `13 14 15`, the head's 13th word.
  assert.deepEqual(seeds[0], { tailStart: 22, headStart: 12 });
  // From there to 30 and back to 1: 29 of the 30 words match (55 is not 5).
  assert.deepEqual(repeatFromSeeds(tail, head, seeds, acceptAny), { tailStart: 10, tailEnd: 40, headStart: 0, headEnd: 31, matches: 29 });
});

test('an extension bridges 24 words the head lacks, and abandons the repeat at 25', () => {
  // 1 to 20, then words the head lacks, then 21 to 25; the chunk says 1 to 25, then 900. From the
  // seed nearest the tail's end (`13 14 15`) the extension scores 16 at 20, then loses a point a
  // word: at 25 words it is more than 24 below its best, and gives up.
  const head = sideOf([...run(1, 25), 900]);
  const withLacking = (count: number) => sideOf([...run(1, 20), ...run(101, count), ...run(21, 5)]);
  const grown = (tail: ReturnType<typeof sideOf>) => repeatFromSeeds(tail, head, seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3), acceptAny);
  assert.deepEqual(grown(withLacking(24)), { tailStart: 0, tailEnd: 49, headStart: 0, headEnd: 25, matches: 25 });
  assert.equal(grown(withLacking(25)), undefined);
});

test('an extension follows words that share their stems, where as many words without a stem leave the repeat', () => {
  // 1 to 20 said twice, then thirty words on each side, then 7777 on both. Each of the thirty
  // shares its stem with its counterpart (a near match, a point each), or has none.
  const thirty = (first: number, stems: number[]) => ({ words: [...run(1, 20), ...run(first, 30), 7777], stems: [...noStems(20), ...stems, -1] });
  const grown = (tail: { words: number[]; stems: number[] }, head: { words: number[]; stems: number[] }) =>
    repeatFromSeeds(codes(tail), codes(head), seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3), acceptAny);
  const whole = { tailStart: 0, tailEnd: 51, headStart: 0, headEnd: 51, matches: 21 };
  assert.deepEqual(grown(thirty(101, run(40, 30)), thirty(201, run(40, 30))), whole);
  assert.deepEqual(grown(thirty(101, Array<number>(30).fill(0)), thirty(201, Array<number>(30).fill(0))), whole);
  assert.equal(grown(thirty(101, noStems(30)), thirty(201, noStems(30))), undefined);
  assert.equal(grown(thirty(101, run(40, 30)), thirty(201, run(80, 30))), undefined);
});

test('taken back to its start, a repeat goes over words that share their stems (not counted as matches) and stops at the side’s second word', () => {
  // 500 501, then 1 to 30; the chunk repeats 1 to 30 with 2 and 3 said as 22 and 33, which share
  // their stems (0, and 7) with them.
  const tail = { words: [500, 501, ...run(1, 30)], stems: [-1, -1, -1, 0, 7, ...noStems(27)] };
  const head = { words: [1, 22, 33, ...run(4, 27), 900], stems: [-1, 0, 7, ...noStems(28)] };
  const grown = repeatFromSeeds(codes(tail), codes(head), seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3), acceptAny);
  assert.deepEqual(grown, { tailStart: 2, tailEnd: 32, headStart: 0, headEnd: 30, matches: 28 });
  // A repeat that starts at the second word of both sides, the first words differing, starts there.
  const second = { tail: sideOf([500, ...run(1, 30)]), head: sideOf([600, ...run(1, 30), 900]) };
  assert.deepEqual(repeatFromSeeds(second.tail, second.head, seedsOf(second.tail.words, second.head.words, MAX_HEAD_SKIP + 3), acceptAny), {
    tailStart: 1,
    tailEnd: 31,
    headStart: 1,
    headEnd: 31,
    matches: 30,
  });
});

test('a seed whose next words the head does not have, in order, is not grown, though its extension would reach the tail’s end', () => {
  // 1 2 3, sixteen words the chunk lacks, 21 to 25; the chunk says 1 2 3 21 22 23 24 25 900.
  const tail = sideOf([1, 2, 3, ...run(101, 16), ...run(21, 5)]);
  const head = sideOf([1, 2, 3, ...run(21, 5), 900]);
  const fromTheHeadsStart = (alignment: { headStart: number }) => alignment.headStart === 0;
  // Seeds: `21 22 23` (grown, but not from the head's start) and `1 2 3`, whose next sixteen words
  // the head lacks: turned away, although the extension (16 points down, 10 up) would end at 25.
  assert.equal(repeatFromSeeds(tail, head, seedsOf(tail.words, head.words, MAX_HEAD_SKIP + 3), fromTheHeadsStart), undefined);
  // A seed five words from the tail's end is checked on those five: 1 2 3, four lacking, 9.
  const short = { tail: sideOf([1, 2, 3, 101, 102, 103, 104, 9]), head: sideOf([1, 2, 3, 9]) };
  assert.equal(repeatFromSeeds(short.tail, short.head, seedsOf(short.tail.words, short.head.words, MAX_HEAD_SKIP + 3), acceptAny), undefined);
});

/*
 * The long path's extension (`repeatFromSeeds`) keeps a band of columns around the best cell of
 * each row and gives up when the score falls far below its best. Written plainly here, without
 * the band: every column of every row, from the seed to the tail's end (or one word short of
 * it), ending on an exact match; then taken back towards the head's start word by word. On a
 * re-transcription whose changes stay within the band, the two must agree exactly.
 */
function plainExtension(tail: PlainSide, head: PlainSide, seed: Seed): Alignment | undefined {
  const n = tail.words.length - seed.tailStart;
  const m = head.words.length - seed.headStart;
  const gap = -1;
  type Cell = { score: number; matches: number; onMatch: boolean };
  let previous: Cell[] = Array.from({ length: m + 1 }, (_, j) => ({ score: j * gap, matches: 0, onMatch: false }));
  let best: Alignment | undefined;
  let bestScore = -Infinity;
  for (let i = 1; i <= n; i++) {
    const t = seed.tailStart + i - 1;
    const row: Cell[] = [{ score: i * gap, matches: 0, onMatch: false }];
    for (let j = 1; j <= m; j++) {
      const h = seed.headStart + j - 1;
      const exact = tail.words[t] === head.words[h];
      const near = tail.stems[t]! >= 0 && tail.stems[t] === head.stems[h];
      // The diagonal first; a gap replaces it only when it scores more.
      let cell: Cell = {
        score: previous[j - 1]!.score + (exact ? 2 : near ? 1 : -1),
        matches: previous[j - 1]!.matches + (exact ? 1 : 0),
        onMatch: exact,
      };
      if (previous[j]!.score + gap > cell.score) cell = { score: previous[j]!.score + gap, matches: previous[j]!.matches, onMatch: false };
      if (row[j - 1]!.score + gap > cell.score) cell = { score: row[j - 1]!.score + gap, matches: row[j - 1]!.matches, onMatch: false };
      row.push(cell);
      if (i >= n - MAX_TAIL_SKIP && cell.onMatch && cell.score > bestScore) {
        bestScore = cell.score;
        best = grownTo(seed, i, j, cell.matches);
      }
    }
    previous = row;
  }
  return best && plainBack(tail, head, best);
}

/** The alignment of an extension from `seed` that ends at row `i` and column `j` with `matches` exact matches. */
function grownTo(seed: Seed, i: number, j: number, matches: number): Alignment {
  return { tailStart: seed.tailStart, tailEnd: seed.tailStart + i, headStart: seed.headStart, headEnd: seed.headStart + j, matches };
}

/** An extension's alignment taken back towards the head's start: over words that match or share a stem, and over one word that differs where the word before it matches again. */
function plainBack(tail: PlainSide, head: PlainSide, grown: Alignment): Alignment {
  let { tailStart, headStart, matches } = grown;
  const same = (t: number, h: number) => tail.words[t] === head.words[h] || (tail.stems[t]! >= 0 && tail.stems[t] === head.stems[h]);
  for (;;) {
    if (tailStart >= 1 && headStart >= 1 && same(tailStart - 1, headStart - 1)) {
      if (tail.words[tailStart - 1] === head.words[headStart - 1]) matches++;
      tailStart--;
      headStart--;
    } else if (tailStart >= 2 && headStart >= 2 && tail.words[tailStart - 2] === head.words[headStart - 2]) {
      matches++;
      tailStart -= 2;
      headStart -= 2;
    } else {
      return { ...grown, tailStart, headStart, matches };
    }
  }
}

test('the long path agrees with the extension written plainly, on re-transcriptions that add, drop and change a few words', () => {
  // Words from a large vocabulary (few chance matches), stems shared by words of one hundred.
  const word = fc.integer({ min: 0, max: 5000 });
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('add', 'drop', 'change', 'stem'),
    words: fc.array(word, { minLength: 1, maxLength: 3 }),
  });
  const repeat = fc.record({
    before: fc.array(word, { maxLength: 30 }),
    original: fc.array(word, { minLength: 20, maxLength: 120 }),
    lead: fc.array(word, { maxLength: MAX_HEAD_SKIP - 3 }),
    edits: fc.array(edit, { maxLength: 6 }),
    after: fc.array(word, { maxLength: 20 }),
    stemmed: fc.boolean(),
  });
  const runs = propertyRuns(400);
  let compared = 0;
  fc.assert(
    fc.property(repeat, ({ before, original, lead, edits, after, stemmed }) => {
      const copy = [...original];
      // Edits after the copy's first three words, where the seed is.
      for (const { at, kind, words } of edits) {
        const place = 3 + (at % Math.max(1, copy.length - 3));
        if (kind === 'add') copy.splice(place, 0, ...words);
        else if (kind === 'drop') copy.splice(place, words.length);
        else if (kind === 'change') copy[place] = 10_000 + words[0]!;
        // A word heard another way that shares its stem.
        else copy[place] = copy[place]! + 1;
      }
      const stemOf = (w: number) => (stemmed ? Math.floor(w / 100) : -1);
      const tailWords = [...before, ...original];
      const headWords = [...lead, ...copy, ...after];
      const tail = { words: tailWords, stems: tailWords.map(stemOf) };
      const head = { words: headWords, stems: headWords.map(stemOf) };
      const seed = { tailStart: before.length, headStart: lead.length };
      const found = repeatFromSeeds(codes(tail), codes(head), [seed], acceptAny);
      // A seed whose next words do not follow is turned away before any extension: nothing to compare.
      if (found === undefined && original.length - 3 >= 5) return;
      compared++;
      assert.deepEqual(found, plainExtension(tail, head, seed));
    }),
    { numRuns: runs },
  );
  // Nearly every seed here is followed; were most turned away, the property would prove little.
  assert.ok(compared >= 0.8 * runs, `${compared} of ${runs} compared`);
});

/** Columns either side of the band's centre, and how far a row's best may fall below the best row before the extension gives up (as in `alignment.ts`). */
const BAND = 12;
const X_DROP = 24;

/**
 * The extension as it runs, band and all, written plainly: each row holds only the cells of its
 * window that an alignment reaches (a map from column to cell), the window is centred one column
 * right of the row before's best cell (its first best, left to right), and the extension gives up
 * when a row's best falls more than X_DROP below the best row so far (which starts at 0).
 */
function plainBandedExtension(tail: PlainSide, head: PlainSide, seed: Seed): Alignment | undefined {
  const n = tail.words.length - seed.tailStart;
  const m = head.words.length - seed.headStart;
  type Cell = { score: number; matches: number; onMatch: boolean };
  let previous = new Map<number, Cell>();
  for (let j = 0; j <= Math.min(m, BAND); j++) previous.set(j, { score: -j, matches: 0, onMatch: false });
  let centre = 0;
  let bestEverRow = 0;
  let best: Alignment | undefined;
  let bestScore = -Infinity;
  for (let i = 1; i <= n; i++) {
    const t = seed.tailStart + i - 1;
    const row = new Map<number, Cell>();
    let rowBest: { score: number; column: number } | undefined;
    for (let j = Math.max(0, centre + 1 - BAND); j <= Math.min(m, centre + 1 + BAND); j++) {
      let cell: Cell | undefined;
      if (j === 0) {
        cell = { score: -i, matches: 0, onMatch: false };
      } else {
        const h = seed.headStart + j - 1;
        const exact = tail.words[t] === head.words[h];
        const near = tail.stems[t]! >= 0 && tail.stems[t] === head.stems[h];
        const diagonal = previous.get(j - 1);
        if (diagonal) cell = { score: diagonal.score + (exact ? 2 : near ? 1 : -1), matches: diagonal.matches + (exact ? 1 : 0), onMatch: exact };
        const above = previous.get(j);
        if (above && (!cell || above.score - 1 > cell.score)) cell = { score: above.score - 1, matches: above.matches, onMatch: false };
        const left = row.get(j - 1);
        if (left && (!cell || left.score - 1 > cell.score)) cell = { score: left.score - 1, matches: left.matches, onMatch: false };
      }
      if (!cell) continue;
      row.set(j, cell);
      if (!rowBest || cell.score > rowBest.score) rowBest = { score: cell.score, column: j };
      if (i >= n - MAX_TAIL_SKIP && cell.onMatch && cell.score > bestScore) {
        bestScore = cell.score;
        best = grownTo(seed, i, j, cell.matches);
      }
    }
    if (!rowBest) return undefined;
    bestEverRow = Math.max(bestEverRow, rowBest.score);
    if (rowBest.score < bestEverRow - X_DROP) return undefined;
    centre = rowBest.column;
    previous = row;
  }
  return best && plainBack(tail, head, best);
}

test('the extension agrees with its band written plainly, on sides of few kinds of word, where the band drifts and gives up', () => {
  // Few kinds of word: chance matches everywhere, so the best cell wanders across the band, the
  // window moves by more than a column, and cells at its edges decide. Stems shared by pairs.
  const side = (maxLength: number) => fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength });
  const runs = propertyRuns(600);
  let grown = 0;
  fc.assert(
    fc.property(side(160), side(200), fc.nat(), fc.nat(), fc.boolean(), (tailWords, headWords, tailAt, headAt, stemmed) => {
      const stemOf = (w: number) => (stemmed ? w >> 1 : -1);
      const tail = { words: tailWords, stems: tailWords.map(stemOf) };
      const head = { words: headWords, stems: headWords.map(stemOf) };
      const seed = { tailStart: tailAt % (tailWords.length - 2), headStart: headAt % (headWords.length - 2) };
      // Seeds whose next words do not follow are turned away before any extension (tested above).
      if (!anySeedFollows(tail.words, head.words, [seed])) return;
      const expected = plainBandedExtension(tail, head, seed);
      if (expected) grown++;
      assert.deepEqual(repeatFromSeeds(codes(tail), codes(head), [seed], acceptAny), expected);
    }),
    { numRuns: runs },
  );
  // Most extensions here give up, but enough must reach the tail's end for the end to be tested.
  assert.ok(grown >= 0.1 * runs, `${grown} of ${runs} grown to the tail's end`);
});
