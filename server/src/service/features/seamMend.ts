import type { Analysis } from '../analysis/analysis';
import type { Overlap } from '../checks/overlap/overlapResult';
import { closingLength, endsSentence, turnWords, type Word } from '../checks/words';
import type { Range, Turn } from '../model';
import type { TextEdit } from '../util/edits';
import { wholeTurnRange } from './turnRanges';
import { comparePositions } from '../util/text';

/*
 * Mending a seam: where a chunk repeats the end of the one before, keep one copy of the passage
 * and make it read whole. The two copies are aligned word by word; the mend cuts the earlier copy
 * at a sentence start and the later copy at a sentence start, keeping the earlier text before its
 * cut and the later text from its cut. Of all such pairs of cuts it takes the one that drops the
 * fewest words (words one copy has and the other lacks), keeps the speaker changes, leaves no
 * sentence cut off where the other copy has it whole, and touches the fewest turns.
 *
 * Where the earlier copy is cut off mid-sentence and the later copy goes on with that sentence,
 * one more mend is weighed: keep the earlier copy whole and carry the rest of the sentence from
 * the later copy onto its end, so that neither turn is left mid-sentence and the earlier reading
 * of the passage is kept.
 */

/** What mending one seam does. */
export interface Mend {
  readonly edits: TextEdit[];
  /** Which copy the passage is kept from: one of them whole, or the earlier up to a sentence and the later from there. */
  readonly keeps: 'earlier' | 'later' | 'parts of both';
  /** Words deleted that the kept text does not have (one copy dropped or changed them), as written. */
  readonly dropped: readonly string[];
  /** Those of `dropped` found nowhere else in the document: a mend that has any is never applied by Fix All. */
  readonly lostForGood: readonly string[];
  /** Words the kept text has that the deleted text did not, as written. */
  readonly keptAdds: readonly string[];
  /** Words moved from the later copy onto the end of the earlier one, which is cut off without them. */
  readonly carried: readonly string[];
  /** The earlier copy's broken-off last word (`harb…`) the carried words replace, as written. */
  readonly replaced: string | undefined;
  /** The compared form of every word in `dropped` but hesitations: what the document has fewer of after the mend. */
  readonly droppedNorms: readonly string[];
  /** The turns either copy is in: two mends that share one are not applied together. */
  readonly turns: ReadonlySet<number>;
  /** Turns deleted whole. */
  readonly wholeTurns: number;
  /** Both copies word by word, as the mend leaves them: for the hover's picture of the seam. */
  readonly earlierCopy: readonly SeamWord[];
  readonly laterCopy: readonly SeamWord[];
}

/** A word of one copy: as written, whether the mend deletes it, and whether the other copy lacks it. */
export interface SeamWord {
  readonly raw: string;
  readonly line: number;
  readonly deleted: boolean;
  readonly unpaired: boolean;
}

/** The words of one copy and of the text around it that a cut may take, in document order. */
interface CopyWords {
  readonly words: Word[];
  /** Per word: a sentence (or a turn) starts at it. */
  readonly startsSentence: boolean[];
  /** Per word: it is its turn's first word, or its last. */
  readonly firstInTurn: boolean[];
  readonly lastInTurn: boolean[];
}

/** Sounds of hesitation: dropping one loses nothing a reader needs. */
const HESITATIONS: ReadonlySet<string> = new Set(['uh', 'um', 'uhm', 'umm', 'er', 'erm', 'ah', 'eh', 'hmm', 'mm', 'mhm']);

/** Words that, set off by a comma (`like,`, `you know,`), fill a pause rather than say something. */
const DISCOURSE_MARKERS: ReadonlySet<string> = new Set([
  'like',
  'so',
  'well',
  'know',
  'mean',
  'right',
  'okay',
  'ok',
  'yeah',
  'basically',
  'actually',
]);

/** Whether dropping the word loses nothing a reader needs: a hesitation, or a discourse marker set off by a comma. */
function isPauseFiller(word: Word): boolean {
  return HESITATIONS.has(word.norm) || (DISCOURSE_MARKERS.has(word.norm) && word.raw.endsWith(','));
}

/** A note of a sound rather than speech: `[laughter]`, `(applause)`, Markdown's escaped `\\[laughter\\]`. */
function isSoundNote(raw: string): boolean {
  const bare = raw.replace(/\\/g, '');
  return (bare.startsWith('[') && bare.endsWith(']')) || (bare.startsWith('(') && bare.endsWith(')'));
}

/** A hesitation, or a lone letter a transcriber left of a word (`'W the blessing'` for `with the blessing`). */
function isFiller(norm: string): boolean {
  return HESITATIONS.has(norm) || (norm.length === 1 && !/[aio\d]/.test(norm));
}

function copyWords(turns: readonly Turn[], firstWordOfFirst: number, lastWordOfLast: number | undefined): CopyWords {
  const words: Word[] = [];
  const startsSentence: boolean[] = [];
  const firstInTurn: boolean[] = [];
  const lastInTurn: boolean[] = [];
  turns.forEach((turn, k) => {
    const all = turnWords(turn);
    const from = k === 0 ? firstWordOfFirst : 0;
    const to = k === turns.length - 1 && lastWordOfLast !== undefined ? lastWordOfLast : all.length - 1;
    for (let w = from; w <= to; w++) {
      words.push(all[w]!);
      // A `...` before a capital is a pause between sentences, not a cut.
      const before = all[w - 1];
      startsSentence.push(
        w === 0 || (before !== undefined && (endsSentence(before.raw) || (/(\.\.\.|…)$/.test(before.raw) && /^\W*\p{Lu}/u.test(all[w]!.raw)))),
      );
      firstInTurn.push(w === 0);
      lastInTurn.push(w === all.length - 1);
    }
  });
  return { words, startsSentence, firstInTurn, lastInTurn };
}

/** The index of the word at which the sentence holding word `index` of `words` starts. */
function sentenceStartOf(words: readonly Word[], index: number): number {
  let k = index;
  while (k > 0 && !endsSentence(words[k - 1]!.raw)) k--;
  return k;
}

/** The index of the first word after the sentence holding word `index`, or `words.length`. */
function sentenceEndAfter(words: readonly Word[], index: number): number {
  let k = index;
  while (k < words.length - 1 && !endsSentence(words[k]!.raw)) k++;
  return k + 1;
}

/**
 * Word-by-word alignment of two copies: the longest common subsequence of their compared forms,
 * as each word's partner in the other copy (-1 for none). Copies are at most a few thousand
 * words; past the cell budget, words pair up only where they stand at the same distance from the
 * ends, which suffices for the verbatim repeats that long copies mostly are.
 */
function pairWords(a: readonly Word[], b: readonly Word[]): { partnerOfA: Int32Array; partnerOfB: Int32Array } {
  const n = a.length;
  const m = b.length;
  const partnerOfA = new Int32Array(n).fill(-1);
  const partnerOfB = new Int32Array(m).fill(-1);
  if ((n + 1) * (m + 1) > 6_000_000) {
    for (let i = 0; i < Math.min(n, m); i++) {
      if (a[n - 1 - i]!.norm === b[m - 1 - i]!.norm) {
        partnerOfA[n - 1 - i] = m - 1 - i;
        partnerOfB[m - 1 - i] = n - 1 - i;
      }
    }
    return { partnerOfA, partnerOfB };
  }
  // lengths[i][j]: the common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i]!.norm === b[j]!.norm ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  // Of equally long alignments, the one that pairs the later copy with the latest words of the
  // earlier: the later copy repeats the earlier's end, so an earlier word equal to one the later
  // copy opens with (`The` of the sentence before) is context, not its partner.
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i]!.norm === b[j]!.norm && lengths[(i + 1) * width + j]! < lengths[i * width + j]!) {
      partnerOfA[i] = j;
      partnerOfB[j] = i;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  pairVariants(a, b, partnerOfA, partnerOfB);
  return { partnerOfA, partnerOfB };
}

/**
 * Pairs the words left between two paired neighbours when the gaps hold one word each side and
 * those are variants of one word (`produced` and `produce`, `mod` and `model`, `till` and
 * `until`): a re-transcription changed it, and keeping either copy keeps the word. (A lone
 * letter, `W` for `with`, is no variant: it is a filler, which a mend may drop.) Runs of such
 * words pair one by one, each next to the last one paired.
 */
function pairVariants(a: readonly Word[], b: readonly Word[], partnerOfA: Int32Array, partnerOfB: Int32Array): void {
  for (let i = 0; i < a.length; i++) {
    if (partnerOfA[i]! >= 0) continue;
    // The partners of i's neighbours, -1 for none (past either end too).
    const before = partnerOfA[i - 1] ?? -1;
    const after = partnerOfA[i + 1] ?? -1;
    // The word of b after the partner of i's neighbour before, or else the one before the partner
    // of its neighbour after (negative when neither has one).
    const j = before >= 0 ? before + 1 : after - 1;
    if (j < 0 || j >= b.length || partnerOfB[j]! >= 0) continue;
    // Between two partners, b must have just that one word: more is not one word heard two ways.
    if ((before >= 0 && after > before + 2) || !(areVariants(a[i]!.norm, b[j]!.norm) || isFragmentOf(a[i]!, b[j]!))) continue;
    partnerOfA[i] = j;
    partnerOfB[j] = i;
  }
}

/** Spoken forms a transcriber writes either way: one copy's `gonna` is the other's `going`. */
const SPOKEN_FORMS: ReadonlyMap<string, string> = new Map([
  ['gonna', 'going'],
  ['wanna', 'want'],
  ['gotta', 'got'],
  ['kinda', 'kind'],
  ['sorta', 'sort'],
  ['cause', 'because'],
  ['cos', 'because'],
  ['ok', 'okay'],
  ['yeah', 'yes'],
  ['til', 'until'],
  ['till', 'until'],
]);

function areVariants(x: string, y: string): boolean {
  if (SPOKEN_FORMS.get(x) === y || SPOKEN_FORMS.get(y) === x) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length >= 3 && longer.startsWith(shorter)) return true;
  // Two endings of one long word (`consolidating`, `consolidated`); short words differ by meaning.
  // (A shorter word with five letters in common is at least six long: a prefix returned above.)
  // A figure in either ending (`project2025`, `projections`) makes them different words.
  let common = 0;
  while (common < shorter.length && shorter[common] === longer[common]) common++;
  return common >= 5 && !/\d/.test(shorter.slice(common) + longer.slice(common));
}

/**
 * Whether `fragment` is `whole` broken off with a cut-off mark (`harb…`, `wa-` for `harbour`,
 * `wall`): however short, the mark says the word went on, and the other copy has it whole.
 */
function isFragmentOf(fragment: Word, whole: Word): boolean {
  return isBrokenOff(fragment) && fragment.norm.length > 0 && whole.norm.length > fragment.norm.length && whole.norm.startsWith(fragment.norm);
}

/** Whether a word ends in a cut-off mark of its own (`harb…`, `wa-`, `and—"`). */
function isBrokenOff(word: Word): boolean {
  return cutOffMarkLength(word.raw.slice(0, word.raw.length - closingLength(word.raw))) > 0;
}

interface Cut {
  /** The earlier copy is kept before word `earlier`, the later copy from word `later`. */
  readonly earlier: number;
  readonly later: number;
  /** Words [from, to) of the later copy, moved onto the end of the earlier copy kept whole. */
  readonly carry?: Carry;
  readonly cost: number;
}

interface Carry {
  readonly from: number;
  readonly to: number;
  /** The carried words replace the earlier copy's last word, which is broken off (`harb…`). */
  readonly replacesLast: boolean;
}

/** Costs of a cut's faults: losing a word for good outweighs everything; a cut-off sentence left in, any number of words. */
const COST = {
  lostForGood: 10_000,
  cutOffKept: 400,
  droppedWord: 10,
  droppedFiller: 1,
  droppedReading: 3,
  repeatedWord: 10,
  speakerChangeLost: 30,
  partialTurn: 3,
  laterOnlyWordKept: 2,
  earlierCut: 0.5,
  /** Moving words across the seam: a bigger edit than a cut, so taken only where it saves something. */
  carry: 1,
};

/**
 * The mend of one seam, or undefined when its copies cannot be read (a turn since changed).
 * `frequencies` counts each word's occurrences in the document.
 */
export function mendSeam(analysis: Analysis, overlap: Overlap): Mend | undefined {
  const { turns } = analysis.model;
  const firstOriginal = overlap.original[0]!;
  const lastOriginal = overlap.original[overlap.original.length - 1]!;
  const firstRepeat = overlap.repeat[0]!;
  const lastRepeat = overlap.repeat[overlap.repeat.length - 1]!;
  const earlierTurns = turns.slice(firstOriginal.turnIndex, lastOriginal.turnIndex + 1);
  const laterTurns = turns.slice(firstRepeat.turnIndex, lastRepeat.turnIndex + 1);
  if (earlierTurns.length === 0 || laterTurns.length === 0) return undefined;

  // The earlier copy from the start of the sentence the original begins in, to its turn's end;
  // the later from its turn's start (words before the repeat included) to the end of the
  // sentence the repeat ends in.
  const firstEarlierWords = turnWords(earlierTurns[0]!);
  // One sentence further back: the later copy may open with words the alignment left out
  // (`Like, yeah, just produce the code.` for `It just produced the code.`).
  const originalSentence = sentenceStartOf(firstEarlierWords, firstOriginal.firstWord);
  const earlierFrom = originalSentence > 0 ? sentenceStartOf(firstEarlierWords, originalSentence - 1) : 0;
  const lastLaterWords = turnWords(laterTurns[laterTurns.length - 1]!);
  const laterTo = sentenceEndAfter(lastLaterWords, lastRepeat.firstWord + lastRepeat.count - 1) - 1;
  const earlier = copyWords(earlierTurns, earlierFrom, undefined);
  const later = copyWords(laterTurns, 0, laterTo);
  const n = earlier.words.length;
  const m = later.words.length;
  if (n === 0 || m === 0) return undefined;
  const { partnerOfA: partnerOfEarlier, partnerOfB: partnerOfLater } = pairWords(earlier.words, later.words);
  const frequencies = analysis.wordFrequencies;
  const earlierGaps = substituteBlocks(partnerOfEarlier, partnerOfLater);
  let lastPairedLater = m - 1;
  while (lastPairedLater >= 0 && partnerOfLater[lastPairedLater]! < 0) lastPairedLater--;
  const laterGaps = substituteBlocks(partnerOfLater, partnerOfEarlier);

  // Where the earlier copy stops: its last word's partner in the later copy. When the later copy
  // goes on in the same turn from there, it has the rest of a sentence the earlier copy is cut
  // off in; when it stops there too (both copies end `your personal...`), the speech itself broke
  // off, and keeping the earlier copy leaves nothing cut off that the other has whole.
  const lastEarlierPartner = partnerOfEarlier[n - 1]!;
  // A last word broken off (`harb…`, `wa-`) is replaced by the later copy's reading: from its whole
  // form where the two pair, else from after the partner of the word before it.
  const lastEarlier = earlier.words[n - 1]!;
  const endsInFragment = lastEarlierPartner >= 0 && isFragmentOf(lastEarlier, later.words[lastEarlierPartner]!);
  const beforeLastPartner = n >= 2 ? partnerOfEarlier[n - 2]! : -1;
  const replacesLast = endsInFragment || (lastEarlierPartner < 0 && beforeLastPartner >= 0 && isBrokenOff(lastEarlier));
  const carryFrom = endsInFragment ? lastEarlierPartner : replacesLast ? beforeLastPartner + 1 : lastEarlierPartner + 1;
  const continuesAfterEarlier = endsInFragment || ((lastEarlierPartner >= 0 || replacesLast) && carryFrom < m && !later.firstInTurn[carryFrom]);
  const laterCompletes = lastEarlierPartner < 0 || continuesAfterEarlier;

  /** What a cut does wrong: what it drops, loses for good, leaves twice, merges and leaves cut off. */
  const faultsOf = (e: number, r: number, carry?: Carry): CutFaults => {
    const deleted: Word[] = [];
    const dropped: Word[] = [];
    // Of those, words the other copy heard another way at the same place, and keeps: a
    // difference of reading more than a word missing, so cheaper to drop, but still a word lost
    // if the document has it nowhere else.
    const substituted = new Set<Word>();
    for (let i = e; i < n; i++) {
      deleted.push(earlier.words[i]!);
      if (partnerOfEarlier[i]! >= r) continue;
      dropped.push(earlier.words[i]!);
      if (partnerOfEarlier[i]! < 0 && earlierGaps.high[i]! >= r) substituted.add(earlier.words[i]!);
    }
    // The broken-off last word the carried reading replaces, where the two do not pair: dropped
    // unless the carried words have its whole form further on (`wa-` and `the harbour wall`).
    if (carry?.replacesLast && partnerOfEarlier[n - 1]! < 0) {
      deleted.push(lastEarlier);
      if (!later.words.slice(carry.from, carry.to).some((whole) => isFragmentOf(lastEarlier, whole))) dropped.push(lastEarlier);
    }
    for (let j = 0; j < r; j++) {
      // Carried words move; they are neither deleted nor dropped.
      if (carry && j >= carry.from && j < carry.to) continue;
      deleted.push(later.words[j]!);
      if (partnerOfLater[j]! >= 0 && partnerOfLater[j]! < e) continue;
      dropped.push(later.words[j]!);
      if (partnerOfLater[j]! < 0 && laterGaps.low[j]! >= 0 && laterGaps.low[j]! < e) substituted.add(later.words[j]!);
    }
    const deletedCounts = new Map<string, number>();
    for (const word of deleted) increment(deletedCounts, word.norm);
    // A kept word that is the partner of a deleted one is that word's copy, and cannot stand for a
    // dropped word too: a later copy with `window` twice, paired with one earlier `window`, loses
    // one `window` when both go.
    const keptPartnerCounts = new Map<string, number>();
    for (let i = 0; i < e; i++) if (partnerOfEarlier[i]! >= 0 && partnerOfEarlier[i]! < r) increment(keptPartnerCounts, earlier.words[i]!.norm);
    for (let j = r; j < m; j++) if (partnerOfLater[j]! >= e) increment(keptPartnerCounts, later.words[j]!.norm);
    const keptLater = (j: number) => j >= r || (carry !== undefined && j >= carry.from && j < carry.to);
    const finishedLater = (fragment: Word) => later.words.some((whole, j) => keptLater(j) && isFragmentOf(fragment, whole));
    // Dropped and found nowhere but in the text deleted and the deleted words' kept copies;
    // hesitations are not words a reader misses, nor is a broken-off word (`wa-`) whose whole
    // form the kept later text has.
    const lostForGood = dropped.filter(
      (word) =>
        !isFiller(word.norm) &&
        (frequencies.get(word.norm) ?? 0) - deletedCounts.get(word.norm)! - (keptPartnerCounts.get(word.norm) ?? 0) <= 0 &&
        !finishedLater(word),
    );
    let repeated = 0;
    for (let i = 0; i < e; i++) if (partnerOfEarlier[i]! >= r) repeated++;
    // Words only the later copy has, inside the passage, that the cut keeps: a re-transcription's
    // added `you know`s and changed words. Other things equal, the earlier reading is kept.
    let laterOnlyKept = 0;
    for (let j = r; j <= lastPairedLater; j++) if (partnerOfLater[j]! < 0) laterOnlyKept++;
    // A speaker change one copy has inside the part deleted, that the kept copy lacks there.
    let changesLost = 0;
    for (let j = 1; j < r; j++) {
      if (!later.firstInTurn[j]) continue;
      const a = partnerOfLater[j - 1]!;
      const b = partnerOfLater[j]!;
      if (a >= 0 && b >= 0 && b < e && earlier.words[a]!.turnIndex === earlier.words[b]!.turnIndex) changesLost++;
    }
    // In the earlier copy, from where its kept part ends: a turn that starts at the cut, whose
    // words the later copy has in the turn before (`Who planted it? My grandmother…` said by one
    // speaker), leaves the kept later text going on in the wrong speaker's turn.
    for (let i = Math.max(e, 1); i < n; i++) {
      if (!earlier.firstInTurn[i]) continue;
      const a = partnerOfEarlier[i - 1]!;
      const b = partnerOfEarlier[i]!;
      if (a >= (i === e ? 0 : r) && b >= r && later.words[a]!.turnIndex === later.words[b]!.turnIndex) changesLost++;
    }
    return {
      deleted,
      dropped,
      substituted,
      lostForGood,
      repeated,
      changesLost,
      laterOnlyKept,
      cutOffKept: e === n && !carry && !endsSentence(earlier.words[n - 1]!.raw) && laterCompletes,
      partialTurns: (e < n && !earlier.firstInTurn[e] ? 1 : 0) + (r > 0 && !later.lastInTurn[r - 1] ? 1 : 0),
    };
  };
  const paired = partnerOfEarlier.reduce((count, partner) => count + (partner >= 0 ? 1 : 0), 0);
  const cost = (e: number, r: number, carry?: Carry): number => {
    const faults = faultsOf(e, r, carry);
    // A cut that leaves most of the passage twice mends nothing.
    if (faults.repeated > paired / 2) return Infinity;
    return (
      COST.lostForGood * faults.lostForGood.length +
      (faults.cutOffKept ? COST.cutOffKept : 0) +
      faults.dropped.reduce(
        (sum, word) => sum + (isPauseFiller(word) ? COST.droppedFiller : faults.substituted.has(word) ? COST.droppedReading : COST.droppedWord),
        0,
      ) +
      COST.repeatedWord * faults.repeated +
      COST.laterOnlyWordKept * faults.laterOnlyKept +
      COST.speakerChangeLost * faults.changesLost +
      COST.partialTurn * faults.partialTurns +
      (e < n ? COST.earlierCut : 0) +
      (carry ? COST.carry : 0)
    );
  };

  const earlierCuts = [...range(n).filter((i) => earlier.startsSentence[i]), n];
  // A cut in the later copy skips the pause fillers a re-transcription put before a sentence
  // (`so, The gun epidemic…`), so the kept text opens with the sentence.
  const capitalAt = (j: number) => j < m && /^\W*\p{Lu}/u.test(later.words[j]!.raw);
  // `j` is a word of the later copy (a sentence start, or `to` below `m`), and each step moves to
  // a word `capitalAt` found there: no bound of its own is needed.
  const pastFillers = (j: number) => {
    for (;;) {
      if (capitalAt(j + 1) && isPauseFiller(later.words[j]!)) j++;
      else if (capitalAt(j + 2) && later.words[j]!.norm === 'you' && later.words[j + 1]!.raw === 'know,') j += 2;
      else return j;
    }
  };
  const laterCuts = [
    ...new Set([
      0,
      ...range(m)
        .filter((j) => j > 0 && later.startsSentence[j])
        .map(pastFillers),
      m,
    ]),
  ];
  let best: Cut | undefined;
  for (const e of earlierCuts) {
    // Later cuts near where the earlier cut falls in the later copy: two sentences either way.
    const at = firstLaterAtOrAfter(partnerOfEarlier, e, m);
    // `at` is at most `m`, which is always a cut: the search always finds one.
    const from = Math.max(0, laterCuts.findIndex((j) => j >= at) - 2);
    for (const r of laterCuts.slice(from, from + 5)) {
      // Keeping both copies whole mends nothing.
      if (e === n && r === 0) continue;
      const c = cost(e, r);
      if (!best || c < best.cost) best = { earlier: e, later: r, cost: c };
    }
  }
  // The earlier copy kept whole, finished with the rest of its sentence from the later copy, which
  // is kept from the next sentence on.
  if (continuesAfterEarlier && !endsSentence(earlier.words[n - 1]!.raw)) {
    const from = carryFrom;
    let to = from;
    while (to < m && !later.startsSentence[to]) to++;
    const r = to < m ? pastFillers(to) : m;
    const carry = { from, to, replacesLast };
    const c = cost(n, r, carry);
    if (!best || c < best.cost) best = { earlier: n, later: r, carry, cost: c };
  }
  // Keeping the earlier copy whole and deleting the later (cuts `n` and `m`) is always weighed,
  // and leaves nothing twice: a cut of finite cost is always found.
  const chosen = best!;
  return describe(analysis, earlier, later, partnerOfEarlier, partnerOfLater, chosen, faultsOf(chosen.earlier, chosen.later, chosen.carry));
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** Where in the later copy the earlier copy's word `e` (or, past its end, the later copy's end) is. */
function firstLaterAtOrAfter(partnerOfEarlier: Int32Array, e: number, m: number): number {
  for (let i = e; i < partnerOfEarlier.length; i++) if (partnerOfEarlier[i]! >= 0) return partnerOfEarlier[i]!;
  return m;
}

/** What a cut does wrong (see `mendSeam`). */
interface CutFaults {
  readonly deleted: readonly Word[];
  readonly dropped: readonly Word[];
  /** Those of `dropped` the other copy has another reading of, kept. */
  readonly substituted: ReadonlySet<Word>;
  readonly lostForGood: readonly Word[];
  readonly repeated: number;
  readonly laterOnlyKept: number;
  readonly changesLost: number;
  readonly cutOffKept: boolean;
  readonly partialTurns: number;
}

/**
 * For each unpaired word of one copy, the block of unpaired words of the other copy between the
 * partners of its paired neighbours (`low` to `high`, or -1 when there is none): the other
 * copy's reading of the same place.
 */
function substituteBlocks(partners: Int32Array, otherPartners: Int32Array): { low: Int32Array; high: Int32Array } {
  const low = new Int32Array(partners.length).fill(-1);
  const high = new Int32Array(partners.length).fill(-1);
  let previousPartner = -1;
  for (let i = 0; i < partners.length;) {
    if (partners[i]! >= 0) {
      previousPartner = partners[i]!;
      i++;
      continue;
    }
    let end = i;
    while (end < partners.length && partners[end]! < 0) end++;
    const nextPartner = end < partners.length ? partners[end]! : otherPartners.length;
    let blockLow = -1;
    let blockHigh = -1;
    for (let j = previousPartner + 1; j < nextPartner; j++) {
      if (otherPartners[j]! >= 0) continue;
      if (blockLow < 0) blockLow = j;
      blockHigh = j;
    }
    // Only between two paired words, and of about the same length: a word or two heard another
    // way, not a sentence one copy has and the other lacks.
    const interior = i > 0 && end < partners.length;
    const otherLength = blockLow < 0 ? 0 : blockHigh - blockLow + 1;
    if (!interior || Math.abs(otherLength - (end - i)) > Math.max(1, (end - i) / 2)) blockLow = blockHigh = -1;
    for (let k = i; k < end; k++) {
      low[k] = blockLow;
      high[k] = blockHigh;
    }
    i = end;
  }
  return { low, high };
}

function describe(
  analysis: Analysis,
  earlier: CopyWords,
  later: CopyWords,
  partnerOfEarlier: Int32Array,
  partnerOfLater: Int32Array,
  cut: Cut,
  faults: CutFaults,
): Mend {
  const { lines } = analysis;
  const n = earlier.words.length;
  const edits: TextEdit[] = [];
  let wholeTurns = 0;
  /** Deletes words [from, to) of a copy: one edit a turn, the whole turn when the run has all its words. */
  const deleteRun = (words: readonly Word[], from: number, to: number) => {
    for (let k = from; k < to;) {
      let end = k + 1;
      while (end < to && words[end]!.turnIndex === words[k]!.turnIndex) end++;
      const turn = analysis.model.turns[words[k]!.turnIndex]!;
      const all = turnWords(turn);
      const first = all.findIndex((w) => w.line === words[k]!.line && w.start === words[k]!.start);
      const last = first + (end - k) - 1;
      // What the cut leaves of the turn; a turn left with only sound notes (`[laughter]`) the
      // document has elsewhere too goes whole.
      const left = [...all.slice(0, first), ...all.slice(last + 1)];
      if (left.every((word) => isSoundNote(word.raw) && (analysis.wordFrequencies.get(word.norm) ?? 0) > 1)) {
        edits.push({ range: wholeTurnRange(turn, lines), newText: '' });
        wholeTurns++;
      } else {
        edits.push({ range: partialRange(all, first, last, lines[all[last]!.line]!), newText: '' });
      }
      k = end;
    }
  };
  deleteRun(earlier.words, cut.earlier, n);
  deleteRun(later.words, 0, cut.later);
  const carried = cut.carry ? later.words.slice(cut.carry.from, cut.carry.to) : [];
  if (carried.length > 0) {
    const last = earlier.words[n - 1]!;
    const carry = carryEdit(last, lines[last.line]!, carried, later.lastInTurn[cut.carry!.to - 1]!, cut.carry!.replacesLast);
    // Where the later turn's deletion begins right where the words go (at the end of the earlier
    // turn's line), the two are one edit: edits may not share a position.
    const touching = edits.findIndex((edit) => comparePositions(edit.range.start, carry.range.end) === 0);
    if (touching >= 0) edits[touching] = { range: { start: carry.range.start, end: edits[touching]!.range.end }, newText: carry.newText };
    else edits.push(carry);
  }

  // What the kept text has of the passage that the deleted copy lacks: unpaired kept words from
  // the passage's first paired word to the end of the sentence the repeat ends in.
  const firstPaired = partnerOfEarlier.findIndex((p) => p >= 0);
  const keptAdds = [
    ...earlier.words.filter((_, i) => i >= firstPaired && i < cut.earlier && partnerOfEarlier[i]! < 0 && !(i === n - 1 && cut.carry?.replacesLast)),
    ...later.words.filter((_, j) => j >= cut.later && partnerOfLater[j]! < 0),
  ];
  return {
    edits,
    keeps: cut.earlier === n ? 'earlier' : cut.later === 0 && cut.earlier <= firstPaired ? 'later' : 'parts of both',
    carried: carried.map((w) => w.raw),
    replaced: cut.carry?.replacesLast ? earlier.words[n - 1]!.raw : undefined,
    dropped: faults.dropped.map((w) => w.raw),
    lostForGood: [...new Set(faults.lostForGood.map((w) => w.norm))],
    keptAdds: keptAdds.map((w) => w.raw),
    droppedNorms: faults.dropped.filter((w) => !isFiller(w.norm)).map((w) => w.norm),
    turns: new Set([...earlier.words, ...later.words].map((w) => w.turnIndex)),
    wholeTurns,
    // The earlier copy's words before its first paired one are the sentence around it, not a difference.
    earlierCopy: earlier.words.map((w, i) => ({
      raw: w.raw,
      line: w.line,
      deleted: i >= cut.earlier,
      unpaired: i >= firstPaired && partnerOfEarlier[i]! < 0,
    })),
    laterCopy: later.words.map((w, j) => ({
      raw: w.raw,
      line: w.line,
      deleted: j < cut.later && !(cut.carry && j >= cut.carry.from && j < cut.carry.to),
      unpaired: partnerOfLater[j]! < 0,
    })),
  };
}

/** How many of a token's last characters mark it cut off: `...`, `…` or dashes. */
function cutOffMarkLength(token: string): number {
  if (token.endsWith('...')) return 3;
  if (token.endsWith('…')) return 1;
  let start = token.length;
  while (start > 0 && '-–—'.includes(token[start - 1]!)) start--;
  return token.length - start;
}

/**
 * The edit that finishes a cut-off last word with the carried words: the cut-off mark goes, the
 * words follow after a space, and a closing quote stays where it was. A last word that is itself
 * broken off (`harb…`) is replaced, the carried words starting with its whole form. The carried
 * words' own closing quote, when they end their turn, stays behind with that turn, unless the
 * earlier turn's line opened a quote it has not closed.
 */
function carryEdit(last: Word, lastLine: string, carried: readonly Word[], carriedEndTurn: boolean, replacesLast: boolean): TextEdit {
  const closing = closingLength(last.raw);
  const bare = last.raw.slice(0, last.raw.length - closing);
  const mark = cutOffMarkLength(bare);
  const words = carried.map((w) => w.raw);
  const final = words[words.length - 1]!;
  // Unless the earlier turn has a quote still open at its end: then that quote is the one it closes.
  if (carriedEndTurn && (closing > 0 || !quoteOpenAt(lastLine, last.end)))
    words[words.length - 1] = final.slice(0, final.length - closingLength(final));
  const at = last.start + bare.length;
  // A mark standing alone after the word (`say --`) goes too; where a quote closes the word, the
  // quote is at `at` and nothing stands alone there.
  const end = afterCutOffMarks(lastLine, at);
  if (replacesLast) {
    const opening = OPENING.exec(last.raw)?.[0].length ?? 0;
    return {
      range: { start: { line: last.line, character: last.start + opening }, end: { line: last.line, character: end } },
      newText: words.join(' '),
    };
  }
  return { range: { start: { line: last.line, character: at - mark }, end: { line: last.line, character: end } }, newText: ` ${words.join(' ')}` };
}

const OPENING = /^["'“‘([]+/;

/** Whether a double quote opened before `end` on the line is still open there (the line read alone: a quote opened on an earlier line of the turn is not seen). */
function quoteOpenAt(line: string, end: number): boolean {
  let straight = 0;
  let curly = 0;
  for (let k = 0; k < end; k++) {
    if (line[k] === '"') straight++;
    else if (line[k] === '“') curly++;
    else if (line[k] === '”') curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

/** Where the dashes and ellipses (`…`, `...`) standing alone after `from` in `line` end, or `from` when there are none. */
function afterCutOffMarks(line: string, from: number): number {
  let end = from;
  for (let k = from; ;) {
    while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
    const markStart = k;
    while (k < line.length && '-–—….'.includes(line[k]!)) k++;
    const atTokenEnd = k === line.length || line[k] === ' ' || line[k] === '\t';
    if (k === markStart || !atTokenEnd) return end;
    end = k;
  }
}

/**
 * Words `first` to `last` of a turn's words, not all of them, as the range to delete: from the
 * first word to the next word's start, or, at the turn's end, from the end of the word before.
 * Quotes that open the turn's text or close it stay, so a quoted turn stays quoted.
 */
function partialRange(all: readonly Word[], first: number, last: number, lastLine: string): Range {
  const next = all[last + 1];
  const previous = all[first - 1];
  const firstWord = all[first]!;
  const lastWord = all[last]!;
  if (next) {
    const opening = first === 0 ? (OPENING.exec(firstWord.raw)?.[0].length ?? 0) : 0;
    return { start: { line: firstWord.line, character: firstWord.start + opening }, end: { line: next.line, character: next.start } };
  }
  const closing = closingLength(lastWord.raw);
  // The sentence the kept text ends with keeps its own punctuation; only the quote is carried over.
  const quote = lastWord.raw.slice(lastWord.raw.length - closing).replace(/^[)\]]+/, '');
  const keep = quote.length;
  return {
    start: { line: previous!.line, character: previous!.end },
    // A cut-off mark standing alone after the last word (`to be able to say --`) goes with it.
    end: { line: lastWord.line, character: keep > 0 ? lastWord.end - keep : afterCutOffMarks(lastLine, lastWord.end) },
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
