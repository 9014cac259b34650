import type { TextSegment, TranscriptModel, Turn } from '../../model';
import {
  align,
  endsLikeARepeat,
  FIELD,
  headWordsToRead,
  MAX_HEAD_SKIP,
  MAX_LENGTH_DIFFERENCE,
  MAX_TAIL_SKIP,
  repeatFromSeeds,
  seedsOf,
  type Alignment,
} from './alignment';
import { WordSpan, type BoundaryModel, type BoundaryTurn, type Overlap, type OverlapCache } from './overlapResult';
import type { MovedSections } from '../../parse/sections';
import type { TranscriptSettings } from '../../settings';
import { shiftChunkIndex } from '../../parse/shift';
import { endsSentence, wordCodesInto, wordPlaces, type CodeSink, type WordCodes } from '../words';

/** At least this share of the longer side must be exact matches. */
const MIN_MATCH_RATIO = 0.6;
/** Repeats of fewer matched words than this must match this share of the longer side. */
const SHORT_REPEAT = 14;
const SHORT_MATCH_RATIO = 0.8;
/** Words a short repeat may start into its chunk, and the different words it must have. */
const SHORT_REPEAT_HEAD_SKIP = 2;
const MIN_DISTINCT_WORDS = 3;
/** Matched words from which a repeat that runs on past its original's full stop is no quotation. */
const QUOTED_PHRASE = 8;

/** How many turns after the first of `witnesses` the last stands. */
function spanOf(witnesses: readonly BoundaryTurn[]): number {
  return witnesses.length === 0 ? 0 : witnesses[witnesses.length - 1]!.index - witnesses[0]!.index;
}

/** The witnesses of a run of turns read (see `OverlapCache`): the first of each chunk, and the last. */
function witnesses(turns: readonly BoundaryTurn[], from: number, to: number): BoundaryTurn[] {
  const kept: BoundaryTurn[] = [];
  for (let index = from; index < to; index++) {
    const turn = turns[index]!;
    if (index === from || index === to - 1 || turn.chunkIndex !== turns[index - 1]!.chunkIndex) kept.push(turn);
  }
  return kept.slice();
}

export function findOverlaps(model: TranscriptModel, settings: TranscriptSettings, cache: OverlapCache = new WeakMap()): Overlap[] {
  return checkBoundaries(model, settings, cache, 0, model.chunks.length);
}

/** The overlaps at the starts of chunks [from, to), each checked unless `cache` holds its result. */
export function checkBoundaries(model: BoundaryModel, settings: TranscriptSettings, cache: OverlapCache, from: number, to: number): Overlap[] {
  // The settings allow at most 1,000 words; the alignment's packed cells hold up to 1,023.
  const window = Math.min(settings.overlapWindowWords, FIELD);
  const overlaps: Overlap[] = [];
  for (let index = Math.max(1, from); index < Math.min(to, model.chunks.length); index++) {
    const chunk = model.chunks[index]!;
    if (chunk.turnCount === 0 || chunk.firstTurn === 0) continue;
    const cached = cache.get(chunk);
    let overlap: Overlap | undefined;
    // A result read back to the document's first turn is stale once a turn comes before it.
    if (
      cached &&
      cached.turns.every((turn) => model.turns[turn.index] === turn) &&
      spanOf(cached.turns) === cached.span &&
      (!cached.fromStart || cached.turns[0]!.index === 0)
    ) {
      overlap = cached.overlap;
    } else {
      const found = overlapAt(model, chunk, window, settings.overlapMinWords);
      cache.set(chunk, { ...found, fromStart: found.turns[0]?.index === 0, span: spanOf(found.turns) });
      overlap = found.overlap;
    }
    if (overlap) overlaps.push(overlap);
  }
  releaseSides();
  return overlaps;
}

/**
 * The words on one side of a boundary as codes, and where each came from (its turn, and its
 * place among the turn's words, counted from the turn's end for the tail), so that the few words
 * of a repeat found can become `WordSpan`s with their positions. The tail is read backwards and
 * stored from the end, so both sides read in text order. Two sides serve every boundary in turn.
 */
class Side implements CodeSink {
  private readonly wordCodes: Float64Array;
  private readonly stemCodes: Float64Array;
  private readonly turns: BoundaryTurn[] = [];
  private readonly indices: Int32Array;
  private readonly wordsOfTurn = new Map<BoundaryTurn, { segments: readonly TextSegment[]; places: number[] }>();
  private turn: BoundaryTurn | undefined;
  private indexInTurn = 0;
  length = 0;

  constructor(
    readonly capacity: number,
    private readonly fromEnd: boolean,
  ) {
    this.wordCodes = new Float64Array(capacity);
    this.stemCodes = new Float64Array(capacity);
    this.indices = new Int32Array(capacity);
  }

  reset(): void {
    this.length = 0;
    this.wordsOfTurn.clear();
  }

  /** Lets go of the turns read, and so of the text they read from (the sides outlive every document). */
  release(): void {
    this.reset();
    this.turns.length = 0;
    this.turn = undefined;
  }

  /** Reads a turn's words (from its end for the tail) until the side is full. */
  read(turn: BoundaryTurn, upTo = this.capacity): void {
    this.turn = turn;
    this.indexInTurn = 0;
    wordCodesInto(turn, Math.min(upTo, this.capacity) - this.length, this.fromEnd, this);
  }

  add(word: number, stem: number): void {
    const at = this.fromEnd ? this.capacity - 1 - this.length : this.length;
    this.wordCodes[at] = word;
    this.stemCodes[at] = stem;
    this.turns[at] = this.turn!;
    this.indices[at] = this.indexInTurn++;
    this.length++;
  }

  private get offset(): number {
    return this.fromEnd ? this.capacity - this.length : 0;
  }

  get codes(): WordCodes & { readonly words: Float64Array } {
    return {
      words: this.wordCodes.subarray(this.offset, this.offset + this.length),
      stems: this.stemCodes.subarray(this.offset, this.offset + this.length),
    };
  }

  /** The turn the word at position `p` (in text order) belongs to. */
  turnAt(p: number): BoundaryTurn {
    return this.turns[this.offset + p]!;
  }

  /** The words at positions [from, to) in text order, as their part in each turn. */
  spans(from: number, to: number): WordSpan[] {
    const spans: WordSpan[] = [];
    const end = Math.min(to, this.length);
    for (let p = from; p < end;) {
      const turn = this.turnAt(p);
      let next = p + 1;
      while (next < end && this.turnAt(next) === turn) next++;
      const { places } = this.wordsOf(turn);
      const first = this.wordIndexInTurn(p);
      const last = this.wordIndexInTurn(next - 1);
      spans.push(new WordSpan(turn.index, first, next - p, places[3 * first]!, places[3 * first + 1]!, places[3 * last]!, places[3 * last + 2]!));
      p = next;
    }
    // At its size: a list grown by `push` keeps room for 16 more, and thousands of these are kept.
    return spans.slice();
  }

  /** The word at position `p` as written, punctuation included. */
  raw(p: number): string {
    const { segments, places } = this.wordsOf(this.turnAt(p));
    const k = this.wordIndexInTurn(p);
    const line = places[3 * k]!;
    const {
      text,
      range: { start },
    } = segments.find((segment) => segment.range.start.line === line)!;
    return text.slice(places[3 * k + 1]! - start.character, places[3 * k + 2]! - start.character);
  }

  /** Where the word at position `p` stands among its turn's words, in text order. */
  private wordIndexInTurn(p: number): number {
    const index = this.indices[this.offset + p]!;
    return this.fromEnd ? this.wordsOf(this.turnAt(p)).places.length / 3 - 1 - index : index;
  }

  private wordsOf(turn: BoundaryTurn): { segments: readonly TextSegment[]; places: number[] } {
    let words = this.wordsOfTurn.get(turn);
    if (!words) {
      const segments = turn.segments;
      words = { segments, places: wordPlaces(segments) };
      this.wordsOfTurn.set(turn, words);
    }
    return words;
  }
}

let sidesInStock: { head: Side; tail: Side } | undefined;

/** After a check: the sides kept for the next keep no turn of this document. */
function releaseSides(): void {
  for (const sides of [sidesInStock, longSidesInStock]) {
    sides?.head.release();
    sides?.tail.release();
  }
}

function scratchSides(window: number): { head: Side; tail: Side } {
  if (sidesInStock?.head.capacity !== window) sidesInStock = { head: new Side(window, false), tail: new Side(window, true) };
  sidesInStock.head.reset();
  sidesInStock.tail.reset();
  return sidesInStock;
}

/** Carries the results of the chunks an edit moved over to their moved copies. */
export function carryOverlaps(cache: OverlapCache, moved: MovedSections): void {
  const { shift } = moved;
  // Entries are kept by chunk: turns moved without theirs (`cueSpanReread.ts`) carry none.
  if (moved.parts.every((part) => part.before.chunks.length === 0)) return;
  // Only the very turn objects the edit moved map to their copies: an entry that read any other
  // (a turn since parsed again) keeps it, and fails its check when it is next used.
  const copies = new Map<BoundaryTurn, Turn>();
  for (const { before, after } of moved.parts) before.turns.forEach((turn, i) => copies.set(turn, after.turns[i]!));
  const movedTurn = (turn: BoundaryTurn) => copies.get(turn) ?? turn;
  const movedSpan = (span: WordSpan) => span.moved(shift);
  for (const { before, after } of moved.parts) {
    before.chunks.forEach((chunk, i) => {
      const entry = cache.get(chunk);
      if (!entry) return;
      const { overlap } = entry;
      cache.set(after.chunks[i]!, {
        turns: entry.turns.map(movedTurn),
        fromStart: entry.fromStart,
        span: entry.span,
        overlap: overlap && {
          ...overlap,
          chunkIndex: shiftChunkIndex(overlap.chunkIndex, shift),
          repeat: overlap.repeat.map(movedSpan),
          original: overlap.original.map(movedSpan),
        },
      });
    });
  }
}

/** Whether the start of `chunk` repeats the text before it, and the turns read to tell. */
function overlapAt(
  model: BoundaryModel,
  chunk: BoundaryModel['chunks'][number],
  window: number,
  minWords: number,
): { turns: BoundaryTurn[]; overlap: Overlap | undefined } {
  const windowed = windowOverlapAt(model, chunk, window, minWords);
  // A repeat that fills the window on either side may go on past it: the long path finds all of it.
  if (windowed.overlap && !windowed.reachesWindowEdge) return windowed;
  const long = longOverlapAt(model, chunk, minWords);
  if (!long) return windowed;
  if (windowed.overlap && long.overlap && long.overlap.matchedWords <= windowed.overlap.matchedWords) return windowed;
  return long.overlap ? long : windowed;
}

/** Whether an alignment of the repeat (in the head) and its original (in the tail) is a re-transcription, not chance. */
function isRepeat(alignment: Alignment, tailLength: number, minWords: number): boolean {
  if (alignment.matches < minWords) return false;
  // An original that stops short of the boundary (a trailing `uh...` or `that.` the next chunk
  // did not repeat) must match twice as much: short matches that stop short are mostly
  // real repetition (measured on generated transcripts: precision 90 % without this, 96 % with).
  if (alignment.tailEnd < tailLength && alignment.matches < 2 * minWords) return false;
  const repeatLength = alignment.headEnd - alignment.headStart;
  const originalLength = alignment.tailEnd - alignment.tailStart;
  if (alignment.matches < MIN_MATCH_RATIO * Math.max(repeatLength, originalLength)) return false;
  // A short repeat must be close to word for word: people echo a phrase with a word or two
  // changed (`You know what she should have done?`, `you know, Hillary, what you should have done`).
  if (alignment.matches < SHORT_REPEAT && alignment.matches < SHORT_MATCH_RATIO * Math.max(repeatLength, originalLength)) return false;
  // A re-transcription drops or adds a few words, not a sentence: two sides of very different
  // lengths are an alignment bridging a long gap (found by the fix-all property test).
  return Math.abs(repeatLength - originalLength) <= Math.max(MAX_LENGTH_DIFFERENCE, Math.min(repeatLength, originalLength) / 2);
}

/**
 * Whether a short repeat stands where a chunk's re-transcription does: at the very start of the
 * chunk, saying more than one word over (`(CROSSTALK)` six times is no passage), and, if it is
 * only a phrase, ending where its original ends: a speaker who quotes one goes on (`You called it
 * the gold standard.`, then `You called it the gold standard of trade deals.`). Longer repeats may
 * start a few words in (`To the model, people were like wow this mod is really great…`).
 */
function opensLikeARepeat(alignment: Alignment, headSide: Side, tailSide: Side): boolean {
  if (alignment.matches >= SHORT_REPEAT) return true;
  // The shorter, the nearer the chunk's first word: five words must open it.
  if (alignment.headStart > Math.min(SHORT_REPEAT_HEAD_SKIP, alignment.matches - 5)) return false;
  const distinct = new Set(headSide.codes.words.subarray(alignment.headStart, alignment.headEnd));
  if (distinct.size < MIN_DISTINCT_WORDS) return false;
  // A quoted phrase is short; a re-transcription may run a sentence on where the chunk before
  // had ended it (`…every tree in the orchard.`, then `…every tree in the orchard, one row each summer.`),
  // from the chunk's first word: after words of its own, it is a reply that takes up the question's
  // words (`…the machine must respect the rule of law?`, then `Absolutely. The machine must respect
  // the rule of law but…`, which Fix All deleted once mending the seam before had brought it to the boundary).
  if (alignment.matches >= QUOTED_PHRASE && alignment.headStart === 0) return true;
  const originalEndsSentence = endsSentence(tailSide.raw(alignment.tailEnd - 1));
  const repeatEndsSentence = endsSentence(headSide.raw(alignment.headEnd - 1));
  const repeatGoesOn = alignment.headEnd < headSide.length && headSide.turnAt(alignment.headEnd) === headSide.turnAt(alignment.headEnd - 1);
  return !(originalEndsSentence && !repeatEndsSentence && repeatGoesOn);
}

/** The overlap an alignment of two sides describes. */
function overlapOf(chunkIndex: number, alignment: Alignment, headSide: Side, tailSide: Side): Overlap {
  // Only now where the repeated words are, for the few boundaries that repeat.
  return {
    chunkIndex,
    repeat: headSide.spans(alignment.headStart, alignment.headEnd),
    original: tailSide.spans(alignment.tailStart, alignment.tailEnd),
    repeatLength: alignment.headEnd - alignment.headStart,
    originalLength: alignment.tailEnd - alignment.tailStart,
    matchedWords: alignment.matches,
  };
}

/** The window's check: `window` words on each side of the boundary, aligned whole. */
function windowOverlapAt(
  model: BoundaryModel,
  chunk: BoundaryModel['chunks'][number],
  window: number,
  minWords: number,
): { turns: BoundaryTurn[]; overlap: Overlap | undefined; reachesWindowEdge?: boolean } {
  const { head: headSide, tail: tailSide } = scratchSides(window);
  const { firstTurn } = chunk;
  let headEnd = firstTurn;
  while (headEnd < firstTurn + chunk.turnCount && headSide.length < window) headSide.read(model.turns[headEnd++]!);
  // The tail reads the turns before the chunk from the last back, each from its last word: first
  // only the few words endsInHead looks at, as half the boundaries go no further than it.
  let tailStart = firstTurn;
  const ending = Math.min(ENDING_WORDS, window);
  while (tailStart > 0 && tailSide.length < ending) tailSide.read(model.turns[--tailStart]!, ending);
  // The original must end on one of the tail's last words (see endsInHead).
  if (!endsInHead(tailSide.codes.words, headSide.codes.words)) return { turns: witnesses(model.turns, tailStart, headEnd), overlap: undefined };
  tailSide.reset();
  tailStart = firstTurn;
  while (tailStart > 0 && tailSide.length < window) tailSide.read(model.turns[--tailStart]!);
  const turns = witnesses(model.turns, tailStart, headEnd);
  const head = headSide.codes;
  const tail = tailSide.codes;
  const none = { turns, overlap: undefined };

  // Then whether enough words are shared at all. Most boundaries fail one test or the other and
  // never reach the alignment.
  if (sharedWordCount(tail.words, head.words) < minWords) return none;

  const alignment = align(tail, head);
  if (
    !alignment ||
    !isRepeat(alignment, tail.words.length, minWords) ||
    !opensLikeARepeat(alignment, headSide, tailSide) ||
    !endsLikeARepeat(tail, head, alignment)
  )
    return none;
  const reachesWindowEdge =
    (alignment.tailStart === 0 && tailSide.length === window) || (alignment.headEnd === head.words.length && headSide.length === window);
  return { turns, overlap: overlapOf(chunk.index, alignment, headSide, tailSide), reachesWindowEdge };
}

/** Words back from a boundary where a long repeat's original may begin, at most. */
const LOOKBACK_WORDS = 4000;
/** Words back the long path reads at least, when the chunk before is shorter. */
const MIN_LOOKBACK_WORDS = 600;
/** Head positions whose first three words may seed a long repeat: the head's skip, and two of slack. */
const SEED_POSITIONS = MAX_HEAD_SKIP + 3;
/** Seeds tried at one boundary, nearest the boundary first: most boundaries have none. */
const MAX_SEEDS = 24;

let longSidesInStock: { head: Side; tail: Side } | undefined;

/**
 * Repeats of any length: the three words at one of the head's first positions, found back in
 * the tail, seed an alignment grown to the tail's end and back to the repeat's start
 * (`repeatFromSeeds`).
 */
function longOverlapAt(
  model: BoundaryModel,
  chunk: BoundaryModel['chunks'][number],
  minWords: number,
): { turns: BoundaryTurn[]; overlap: Overlap | undefined } | undefined {
  longSidesInStock ??= { head: new Side(headWordsToRead(LOOKBACK_WORDS), false), tail: new Side(LOOKBACK_WORDS, true) };
  const { head: headSide, tail: tailSide } = longSidesInStock;
  headSide.reset();
  tailSide.reset();
  const { firstTurn } = chunk;
  let tailStart = firstTurn;
  // Back over the chunk before (a pipeline repeats the end of the chunk before, not older text),
  // or MIN_LOOKBACK_WORDS when that chunk is short.
  const previousChunkStart = model.chunks[chunk.index - 1]?.firstTurn ?? 0;
  while (tailStart > 0 && tailSide.length < tailSide.capacity && (tailStart > previousChunkStart || tailSide.length < MIN_LOOKBACK_WORDS)) {
    tailSide.read(model.turns[--tailStart]!);
  }
  const tail = tailSide.codes;
  const head0 = firstHeadWords(model, chunk, headSide, SEED_POSITIONS + 2);
  const seeds = seedsOf(tail.words, headSide.codes.words, SEED_POSITIONS, MAX_SEEDS);
  if (seeds.length === 0) return undefined;
  // The head as long as the longest seed's repeat can be.
  let headEnd = head0;
  const longest = headWordsToRead(tail.words.length - seeds[seeds.length - 1]!.tailStart);
  while (headEnd < firstTurn + chunk.turnCount && headSide.length < Math.min(longest, headSide.capacity)) headSide.read(model.turns[headEnd++]!);
  const head = headSide.codes;
  const turns = witnesses(model.turns, tailStart, headEnd);
  const alignment = repeatFromSeeds(
    tail,
    head,
    seeds,
    (found) =>
      found.headStart <= MAX_HEAD_SKIP &&
      isRepeat(found, tail.words.length, minWords) &&
      opensLikeARepeat(found, headSide, tailSide) &&
      endsLikeARepeat(tail, head, found),
  );
  return { turns, overlap: alignment && overlapOf(chunk.index, alignment, headSide, tailSide) };
}

/** Reads the chunk's turns into `side` until it has `words` words; gives the index after the last turn read. */
function firstHeadWords(model: BoundaryModel, chunk: BoundaryModel['chunks'][number], side: Side, words: number): number {
  let next = chunk.firstTurn;
  while (next < chunk.firstTurn + chunk.turnCount && side.length < words) side.read(model.turns[next++]!);
  return next;
}

/**
 * How many of the head's words (each time it has them) the tail has too, by a table of the
 * tail's codes kept between boundaries: a set made for each boundary cost more than the count.
 * Open addressing on the codes' low bits; a slot is empty unless stamped with this call's mark.
 */
function sharedWordCount(tail: Float64Array, head: Float64Array): number {
  const table = codeTable(tail.length);
  const mark = ++table.mark;
  const mask = table.codes.length - 1;
  for (let k = 0; k < tail.length; k++) {
    const code = tail[k]!;
    let slot = code & mask;
    while (table.marks[slot] === mark && table.codes[slot] !== code) slot = (slot + 1) & mask;
    table.codes[slot] = code;
    table.marks[slot] = mark;
  }
  let shared = 0;
  for (let k = 0; k < head.length; k++) {
    const code = head[k]!;
    let slot = code & mask;
    while (table.marks[slot] === mark) {
      if (table.codes[slot] === code) {
        shared++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return shared;
}

let tableInStock: { codes: Float64Array; marks: Int32Array; mark: number } | undefined;

/** The table, kept between calls: at least four slots a word, a power of two, so that probes stay short. */
function codeTable(words: number): { codes: Float64Array; marks: Int32Array; mark: number } {
  if (!tableInStock || tableInStock.codes.length < 4 * words || tableInStock.mark === 0x7fffffff) {
    let size = 16;
    while (size < 4 * words) size *= 2;
    tableInStock = { codes: new Float64Array(size), marks: new Int32Array(size), mark: 0 };
  }
  return tableInStock;
}

/** The tail's words that endsInHead reads: the last two it may end on, and two before each. */
const ENDING_WORDS = MAX_TAIL_SKIP + 3;

/**
 * Whether the tail's last word (or, by MAX_TAIL_SKIP, one before it) stands in the head with one
 * of the two words before it close behind: an original ends at or next to the boundary, and a
 * repeat keeps most pairs of neighbouring words, while a lone common word (`the`) proves nothing.
 */
function endsInHead(tail: ArrayLike<number>, head: ArrayLike<number>): boolean {
  for (let end = tail.length; end >= Math.max(2, tail.length - MAX_TAIL_SKIP); end--) {
    const last = tail[end - 1]!;
    const before1 = tail[end - 2]!;
    const before2 = end >= 3 ? tail[end - 3]! : -1;
    for (let j = 1; j < head.length; j++) {
      if (head[j] !== last) continue;
      for (let k = Math.max(0, j - 3); k < j; k++) if (head[k] === before1 || head[k] === before2) return true;
    }
  }
  return false;
}
