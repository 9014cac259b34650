import type { WordCodes } from '../words';

/*
 * The word alignment the overlap check (`overlap.ts`) runs at a chunk boundary: the words at the
 * end of the text before it (the tail) against the words at the start of the chunk (the head).
 */

/** Words at the start of a chunk that may come before the repeat (`To the model, people were like wow this …`). */
export const MAX_HEAD_SKIP = 10;
/**
 * Words at the end of the earlier text that may follow the original: one (the seed's `…that has
 * been uh...`), since a pipeline cuts a chunk about where the next one starts repeating. More
 * cost 6 to 10 points of precision on generated transcripts and found nothing more.
 */
export const MAX_TAIL_SKIP = 1;
/**
 * The words by which a repeat's two sides may always differ in length; longer sides may differ by
 * half the shorter (a re-transcription adds fillers, `you know,`, `um,`, or drops them).
 */
export const MAX_LENGTH_DIFFERENCE = 4;

/**
 * The most head words a repeat of an original `originalWords` long may reach: the words before it
 * (MAX_HEAD_SKIP) and the repeat at its longest. Read shorter, a long re-transcription's head
 * stops inside it, and an alignment must reach the tail's end on what is left.
 */
export function headWordsToRead(originalWords: number): number {
  return MAX_HEAD_SKIP + originalWords + Math.max(MAX_LENGTH_DIFFERENCE, Math.ceil(originalWords / 2));
}

const EXACT = 2;
const NEAR = 1;
const MISMATCH = -1;
const GAP = -1;

export interface Alignment {
  readonly tailStart: number;
  readonly tailEnd: number;
  readonly headStart: number;
  readonly headEnd: number;
  readonly matches: number;
}

/**
 * Semi-global word alignment in O(|tail|·|head|) time and O(|head|) memory: the alignment may
 * start anywhere in the tail but within MAX_HEAD_SKIP words of the head's start, and must end
 * within MAX_TAIL_SKIP words of the tail's end. Each cell carries where its alignment began and
 * how many exact matches it holds, so no traceback matrix is needed.
 *
 * A cell is two integers: its score, and the rest packed into one (see `pack`), so that the
 * inner loop, run some 20 million times on a 20 MB transcript, moves two numbers a cell.
 */
export function align(tail: WordCodes, head: WordCodes): Alignment | undefined {
  const n = tail.words.length;
  const m = head.words.length;
  if (n === 0 || m === 0) return undefined;
  // Two rows of the score matrix: the previous one and the one being filled.
  let [row, nextRow] = scratchRows(m + 1);
  for (let j = 0; j <= m; j++) {
    const canStart = j <= MAX_HEAD_SKIP;
    row.score[j] = canStart ? 0 : NONE;
    row.cell[j] = pack(0, j, 0, canStart);
  }
  const headWords = head.words;
  const headStems = head.stems;
  // Columns up to here may hold fresh cells or border them; the rest of a row is filled faster.
  const startColumns = Math.min(m, MAX_HEAD_SKIP + 1);

  let best: Alignment | undefined;
  let bestScore = 0;
  for (let i = 1; i <= n; i++) {
    const tailWord = tail.words[i - 1]!;
    const tailStem = tail.stems[i - 1]!;
    const mayEnd = i >= n - MAX_TAIL_SKIP;
    const { score, cell } = row;
    const { score: nextScore, cell: nextCell } = nextRow;
    nextScore[0] = 0;
    nextCell[0] = pack(i, 0, 0, true);
    for (let j = 1; j <= startColumns; j++) {
      // A fresh cell first (one where an alignment may begin; leaving it takes an exact match,
      // so no alignment opens with words that do not match), then the best move into it.
      // A cell that scores NONE is never moved from, so its rest is left 0 unless it may start.
      // The moves check less than the plain recurrence does. The cells before and to the left lie
      // in columns up to MAX_HEAD_SKIP, where every cell may start and so scores 0 or more: none is
      // NONE, and an exact match (+2) beats this cell's start score outright, no tie to break. A
      // fresh cell above scores 0, so its move (-1) loses to this cell's start score; in the one
      // column here where no alignment may start, the cell above is never fresh; and a NONE above
      // gives NONE - 1, which beats nothing.
      const canStart = j <= MAX_HEAD_SKIP;
      let cellScore = canStart ? 0 : NONE;
      let cellRest = canStart ? pack(i, j, 0, true) : 0;

      const exact = headWords[j - 1] === tailWord;
      const sim = exact ? EXACT : tailStem >= 0 && tailStem === headStems[j - 1] ? NEAR : MISMATCH;
      const before = score[j - 1]!;
      const beforeRest = cell[j - 1]!;
      const diagonal = before + sim;
      const diagonalAllowed = exact || (beforeRest & FRESH) === 0;
      if (diagonalAllowed && diagonal > cellScore) {
        cellScore = diagonal;
        cellRest = (beforeRest & ~FRESH) + (exact ? ONE_MATCH : 0);
      }
      const above = score[j]!;
      const aboveRest = cell[j]!;
      if (above + GAP > cellScore) {
        cellScore = above + GAP;
        cellRest = aboveRest;
      }
      const left = nextScore[j - 1]!;
      const leftRest = nextCell[j - 1]!;
      if ((leftRest & FRESH) === 0 && left + GAP > cellScore) {
        cellScore = left + GAP;
        cellRest = leftRest;
      }
      nextScore[j] = cellScore;
      nextCell[j] = cellRest;
      if (mayEnd && exact && diagonalAllowed && cellScore === diagonal && cellScore > bestScore) {
        bestScore = cellScore;
        best = alignmentEndingAt(i, j, cellRest);
      }
    }
    /*
     * Past the start columns no cell is fresh and none borders a fresh one, and no alignment may
     * begin: a cell is the best of its three moves, the diagonal winning ties, then the move from
     * above. A cell no alignment reaches is not marked NONE here but left far below any real
     * score (a real one is at least -(n + m); NONE plus or minus a few thousand is not), and
     * loses to every real move, as NONE does. The previous row's cell is carried as the next
     * cell's diagonal, and the cell just filled as its left.
     */
    let before = score[startColumns]!;
    let beforeRest = cell[startColumns]!;
    let left = nextScore[startColumns]!;
    let leftRest = nextCell[startColumns]!;
    for (let j = startColumns + 1; j <= m; j++) {
      const exact = headWords[j - 1] === tailWord;
      let cellScore: number;
      let cellRest: number;
      if (exact) {
        cellScore = before + EXACT;
        cellRest = beforeRest + ONE_MATCH;
      } else {
        cellScore = before + (tailStem >= 0 && tailStem === headStems[j - 1] ? NEAR : MISMATCH);
        cellRest = beforeRest;
      }
      const diagonal = cellScore;
      before = score[j]!;
      beforeRest = cell[j]!;
      if (before + GAP > cellScore) {
        cellScore = before + GAP;
        cellRest = beforeRest;
      }
      if (left + GAP > cellScore) {
        cellScore = left + GAP;
        cellRest = leftRest;
      }
      nextScore[j] = cellScore;
      nextCell[j] = cellRest;
      left = cellScore;
      leftRest = cellRest;
      // A diagonal from a cell no alignment reaches scores far below bestScore (0 or more), so
      // it never counts here.
      if (mayEnd && exact && cellScore === diagonal && cellScore > bestScore) {
        bestScore = cellScore;
        best = alignmentEndingAt(i, j, cellRest);
      }
    }
    [row, nextRow] = [nextRow, row];
  }
  return best;
}

/** The alignment that ends at cell (i, j), from the cell's rest. */
function alignmentEndingAt(i: number, j: number, rest: number): Alignment {
  return {
    tailStart: rest >>> START_I_SHIFT,
    tailEnd: i,
    headStart: (rest >>> START_J_SHIFT) & FIELD,
    headEnd: j,
    matches: (rest >>> MATCHES_SHIFT) & FIELD,
  };
}

/** The score of a cell no alignment reaches. */
const NONE = -1e9;
/** Scores at or below this are NONE, give or take the few thousand points moves add to it. */
const UNREACHED = NONE / 2;

/*
 * A cell's alignment start (tail and head positions), exact matches and whether it is fresh, in
 * one non-negative 31-bit integer: 10 bits each, which the window's limit of 1,000 words fits.
 */
export const FIELD = 0x3ff;
const START_I_SHIFT = 21;
const START_J_SHIFT = 11;
const MATCHES_SHIFT = 1;
const ONE_MATCH = 1 << MATCHES_SHIFT;
const FRESH = 1;

function pack(startI: number, startJ: number, matches: number, fresh: boolean): number {
  return (startI << START_I_SHIFT) | (startJ << START_J_SHIFT) | (matches << MATCHES_SHIFT) | (fresh ? FRESH : 0);
}

interface Row {
  readonly score: Int32Array;
  readonly cell: Int32Array;
}

/** The alignment's two rows, kept between calls: thousands of boundaries would otherwise each allocate them. */
let rowsInStock: [Row, Row] | undefined;

function scratchRows(width: number): [Row, Row] {
  const row = (): Row => ({ score: new Int32Array(width), cell: new Int32Array(width) });
  if (!rowsInStock || rowsInStock[0].score.length < width) rowsInStock = [row(), row()];
  return rowsInStock;
}

/*
 * Repeats longer than the window: found from a seed (the same three words at the head's start
 * and somewhere back in the tail) and extended along its diagonal to the tail's end, as far as
 * the repeat goes, in time and memory that grow with its length, not with its square.
 */

/** Columns either side of the band's centre: the words one copy adds or drops within a stretch. */
const BAND = 12;
/** An extension whose score falls this far below its best so far has left the repeat. */
const X_DROP = 24;

/**
 * The alignment that starts at the seed (`tail[tailStart]` and `head[headStart]`, which match) and
 * runs to the tail's end (or MAX_TAIL_SKIP words short of it), the head free to end anywhere: a
 * banded dynamic programme of the same scores as `align`, abandoned once its best row falls
 * X_DROP below its best so far. The band follows the best cell from row to row, so a long
 * re-transcription that keeps adding fillers (or dropping words) drifts off the seed's diagonal
 * and stays inside it. Undefined when it never reaches the tail's end.
 */
function extendToTailEnd(tail: WordCodes, head: WordCodes, tailStart: number, headStart: number): Alignment | undefined {
  const n = tail.words.length - tailStart;
  const m = head.words.length - headStart;
  if (n <= 0 || m <= 0) return undefined;
  const { words: tailWords, stems: tailStems } = tail;
  const { words: headWords, stems: headStems } = head;
  // Rows i-1 and i over columns 0..m. A row is valid only within its window; the cells of the row
  // before that the next row reads outside that window are set to NONE first, so that the inner
  // loop tells a cell no alignment reaches by its score alone, with no test of where it lies.
  let [previous, current] = extensionRows(m + 1);
  let previousLow = 0;
  let previousHigh = Math.min(m, BAND);
  for (let j = previousLow; j <= previousHigh; j++) {
    previous.score[j] = j * GAP;
    previous.matches[j] = 0;
  }
  let centre = 0;
  let best: Alignment | undefined;
  let bestScore = NONE;
  let bestEverRow = 0;
  for (let i = 1; i <= n; i++) {
    const tailWord = tailWords[tailStart + i - 1]!;
    const tailStem = tailStems[tailStart + i - 1]!;
    const low = Math.max(0, centre + 1 - BAND);
    const high = Math.min(m, centre + 1 + BAND);
    const previousScore = previous.score;
    const previousMatches = previous.matches;
    const score = current.score;
    const matches = current.matches;
    for (let j = Math.max(0, low - 1); j < previousLow; j++) previousScore[j] = NONE;
    for (let j = previousHigh + 1; j <= high; j++) previousScore[j] = NONE;
    // The cell left of the window: the first cell has no move from the left.
    if (low > 0) score[low - 1] = NONE;
    const mayEnd = i >= n - MAX_TAIL_SKIP;
    let rowBest = NONE;
    let rowBestColumn = centre + 1;
    for (let j = low; j <= high; j++) {
      let cellScore: number;
      let cellMatches = 0;
      let endsOnMatch = false;
      if (j === 0) {
        cellScore = i * GAP;
      } else {
        cellScore = NONE;
        // A cell no alignment reaches scores far below any real score, whatever moves follow it
        // (NONE give or take a few thousand), so it is never moved from.
        const diagonal = previousScore[j - 1]!;
        if (diagonal > UNREACHED) {
          const exact = headWords[headStart + j - 1] === tailWord;
          cellScore = diagonal + (exact ? EXACT : tailStem >= 0 && tailStem === headStems[headStart + j - 1] ? NEAR : MISMATCH);
          cellMatches = previousMatches[j - 1]! + (exact ? 1 : 0);
          endsOnMatch = exact;
        }
        // A tail word the head lacks.
        const above = previousScore[j]! + GAP;
        if (above > cellScore && above > UNREACHED) {
          cellScore = above;
          cellMatches = previousMatches[j]!;
          endsOnMatch = false;
        }
        // A head word the tail lacks.
        const left = score[j - 1]! + GAP;
        if (left > cellScore && left > UNREACHED) {
          cellScore = left;
          cellMatches = matches[j - 1]!;
          endsOnMatch = false;
        }
      }
      score[j] = cellScore;
      matches[j] = cellMatches;
      if (cellScore > rowBest) {
        rowBest = cellScore;
        rowBestColumn = j;
      }
      // As in `align`, an alignment ends on a word both sides have.
      if (mayEnd && endsOnMatch && cellScore > bestScore) {
        bestScore = cellScore;
        best = { tailStart, tailEnd: tailStart + i, headStart, headEnd: headStart + j, matches: cellMatches };
      }
    }
    if (rowBest > bestEverRow) bestEverRow = rowBest;
    if (rowBest < bestEverRow - X_DROP) return undefined;
    centre = rowBestColumn;
    previousLow = low;
    previousHigh = high;
    // Swapped through a variable: a swap by destructuring made an array a row.
    const done = previous;
    previous = current;
    current = done;
  }
  return best;
}

interface ExtensionRow {
  readonly score: Int32Array;
  readonly matches: Int32Array;
}

let extensionRowsInStock: [ExtensionRow, ExtensionRow] | undefined;

function extensionRows(width: number): [ExtensionRow, ExtensionRow] {
  const row = (): ExtensionRow => ({ score: new Int32Array(width), matches: new Int32Array(width) });
  if (!extensionRowsInStock || extensionRowsInStock[0].score.length < width) extensionRowsInStock = [row(), row()];
  return extensionRowsInStock;
}

/**
 * The seed's alignment taken back towards the head's start, word by word while the two sides
 * match (exactly or by stem), over one word that differs when the word before it matches again.
 */
function extendBack(tail: WordCodes, head: WordCodes, alignment: Alignment): Alignment {
  let { tailStart, headStart, matches } = alignment;
  // Called only while both starts are above 0, so t and h are never negative.
  const same = (t: number, h: number) => tail.words[t] === head.words[h] || (tail.stems[t]! >= 0 && tail.stems[t] === head.stems[h]);
  while (tailStart > 0 && headStart > 0) {
    if (same(tailStart - 1, headStart - 1)) {
      if (tail.words[tailStart - 1] === head.words[headStart - 1]) matches++;
      tailStart--;
      headStart--;
    } else if (tailStart > 1 && headStart > 1 && tail.words[tailStart - 2] === head.words[headStart - 2]) {
      matches++;
      tailStart -= 2;
      headStart -= 2;
    } else {
      break;
    }
  }
  return { ...alignment, tailStart, headStart, matches };
}

/**
 * Where three words in a row at one of the head's first `positions` stand in the tail, nearest
 * the tail's end first, at most `max` of them: the seeds `extendToTailEnd` grows from.
 */
export function seedsOf(
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  positions: number,
  max = Infinity,
): Array<{ tailStart: number; headStart: number }> {
  const seeds: Array<{ tailStart: number; headStart: number }> = [];
  const last = Math.min(positions, head.length - 2);
  // The tail is up to 1,500 words and most of them start no seed: a word whose low bits no first
  // word of a seed has is passed over without trying the head's positions.
  for (let q = 0; q < last; q++) seedFirstWords[head[q]! & SEED_FILTER_MASK] = 1;
  for (let p = tail.length - 3; p >= 0 && seeds.length < max; p--) {
    if (seedFirstWords[tail[p]! & SEED_FILTER_MASK] === 0) continue;
    for (let q = 0; q < last; q++) {
      if (head[q] === tail[p] && head[q + 1] === tail[p + 1] && head[q + 2] === tail[p + 2]) {
        seeds.push({ tailStart: p, headStart: q });
        break;
      }
    }
  }
  for (let q = 0; q < last; q++) seedFirstWords[head[q]! & SEED_FILTER_MASK] = 0;
  return seeds;
}

/** Marks, by the low bits of a word's code, the words a seed may start with (`seedsOf`); all 0 between calls. */
const SEED_FILTER_MASK = 0xff;
const seedFirstWords = new Uint8Array(SEED_FILTER_MASK + 1);

/** Words after a seed that `followsTheSeed` looks along, how far ahead in the head it looks for each, and how many must be found. */
const SEED_RUN = 16;
const SEED_LOOKAHEAD = 4;
const SEED_RUN_MATCHES = 5;
/**
 * Head words, from a seed's start, that `followsTheSeed` needs to answer: its three words, then
 * SEED_LOOKAHEAD further for each match until it has SEED_RUN_MATCHES (the place it looks from
 * moves only on a match). A head cut this far past every seed answers as the whole head does.
 */
export const SEED_FOLLOW_WORDS = 3 + SEED_RUN_MATCHES * SEED_LOOKAHEAD;

/**
 * Whether the words after a seed go on matching, in order, as a repeat's do: each is looked for
 * a few words past where the last one was found, so a re-transcription that adds a filler every
 * few words (`nine million you know, lost their you know, jobs`) drifts off the seed's diagonal
 * and is still followed. A common three words (`I don't know`) seed far more places than repeats
 * start, and this turns them away before the alignment is extended from them.
 */
function followsTheSeed(tail: ArrayLike<number>, head: ArrayLike<number>, seed: { tailStart: number; headStart: number }): boolean {
  const run = Math.min(SEED_RUN, tail.length - seed.tailStart - 3);
  // A seed this close to the boundary is checked by the extension itself.
  if (run < SEED_RUN_MATCHES) return true;
  let matches = 0;
  // Where the last word found stands in the head; a word the head lacks leaves it there.
  let at = seed.headStart + 2;
  for (let k = 3; k < 3 + run; k++) {
    const word = tail[seed.tailStart + k];
    for (let d = 1; d <= SEED_LOOKAHEAD; d++) {
      if (head[at + d] === word) {
        matches++;
        at += d;
        break;
      }
    }
  }
  return matches >= SEED_RUN_MATCHES;
}

/**
 * Whether the words after one of `seeds` go on matching (`followsTheSeed`): the test
 * `repeatFromSeeds` puts each seed to first, which needs the head only SEED_FOLLOW_WORDS past
 * the seed's start, so that a caller may read a long head only when it passes.
 */
export function anySeedFollows(
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  seeds: ReadonlyArray<{ tailStart: number; headStart: number }>,
): boolean {
  return seeds.some((seed) => followsTheSeed(tail, head, seed));
}

/** The original's last words, some of which a repeat must say again near its own end. */
const CLOSING_WORDS = 4;
/** How many of them must stand there in order; or, if two do, how many different words those must be. */
const CLOSING_MATCHES = 3;
const CLOSING_DISTINCT = 2;

/**
 * Whether the repeat ends as its original does: of the original's last CLOSING_WORDS words,
 * CLOSING_MATCHES stand in order (word or stem) among the repeat's last words, or two different
 * ones do. An alignment must reach the tail's end; where the repeat stops short of it, it can get
 * there on a common word alone: `…table harbour.` said again, then the tail's `followed harbour
 * garden harbour.` read into the next turns' `Bridge harbour. Harbour bitter…` on `harbour`
 * twice, and a mend deleted `Bridge harbour.` as a copy (found by the Fix All property). A
 * re-transcription's end may differ as much (`sign this? Nobody even knew...` against `sign it?
 * Nobody knew.`), but in two different words.
 */
export function endsLikeARepeat(tail: WordCodes, head: WordCodes, alignment: Alignment): boolean {
  const tailFrom = Math.max(alignment.tailStart, alignment.tailEnd - CLOSING_WORDS);
  // Two words more of the repeat, for words it says that the original does not.
  const headFrom = Math.max(alignment.headStart, alignment.headEnd - CLOSING_WORDS - 2);
  const width = alignment.headEnd - headFrom;
  const same = (i: number, j: number) => tail.words[i] === head.words[j] || (tail.stems[i]! >= 0 && tail.stems[i] === head.stems[j]);
  // The longest common subsequence of the two runs, row by row (at most 4 by 6 cells).
  let row = new Array<number>(width + 1).fill(0);
  const found = new Set<number>();
  for (let i = tailFrom; i < alignment.tailEnd; i++) {
    const next = new Array<number>(width + 1).fill(0);
    for (let k = 1; k <= width; k++) {
      const matched = same(i, headFrom + k - 1);
      if (matched) found.add(tail.words[i]!);
      next[k] = matched ? row[k - 1]! + 1 : Math.max(row[k]!, next[k - 1]!);
    }
    row = next;
  }
  const inOrder = row[width]!;
  return inOrder >= Math.min(CLOSING_MATCHES, alignment.tailEnd - tailFrom) || (inOrder >= CLOSING_DISTINCT && found.size >= CLOSING_DISTINCT);
}

/**
 * The repeat grown from the first of `seeds` (nearest the tail's end first) whose next words go
 * on matching (`followsTheSeed`), whose alignment reaches the tail's end (`extendToTailEnd`), and
 * which, taken back to the repeat's start (`extendBack`), `accept` takes.
 */
export function repeatFromSeeds(
  tail: WordCodes,
  head: WordCodes,
  seeds: ReadonlyArray<{ tailStart: number; headStart: number }>,
  accept: (alignment: Alignment) => boolean,
): Alignment | undefined {
  for (const seed of seeds) {
    if (!followsTheSeed(tail.words, head.words, seed)) continue;
    const extended = extendToTailEnd(tail, head, seed.tailStart, seed.headStart);
    if (!extended) continue;
    const alignment = extendBack(tail, head, extended);
    if (accept(alignment)) return alignment;
  }
  return undefined;
}
