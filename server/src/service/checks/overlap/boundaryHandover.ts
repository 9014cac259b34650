import type { Chunk, TextSegment, TranscriptModel, Turn } from '../../model';
import { checkBoundaries, WordSpan, type Overlap, type OverlapCache } from './overlap';
import { segmentsRead } from '../../parse/parsedTurn';
import type { TranscriptSettings } from '../../settings';

/*
 * What crosses between two threads that share the overlap check of a big document. One way, what
 * the check reads of the model: which turns each chunk has, and each turn's text, as numbers
 * (`TurnLayout`s, made while this thread parses) besides the text; the other thread checks on a
 * `LaidOutModel` made of them, without parsing. The other way, only its results, as numbers
 * (`CheckedBoundaries`).
 */

export type BoundaryTurn = Pick<Turn, 'index' | 'chunkIndex' | 'segments' | 'readSegments'>;

export interface BoundaryModel {
  readonly chunks: ReadonlyArray<Pick<Chunk, 'index' | 'firstTurn' | 'turnCount'>>;
  readonly turns: readonly BoundaryTurn[];
}

/**
 * Turns and chunks of a model as numbers, from `firstTurn` and `firstChunk` on: a part of the
 * model, sent as the parse goes. `turns` holds, per turn, its chunk, its number of segments and
 * four numbers a segment (its offset and length in the text, its line and first character);
 * `turnStarts` where each turn's numbers begin; `chunks` each chunk's first turn and turn count.
 * Typed arrays, so that they cross to the other thread without a copy.
 */
export interface TurnLayout {
  readonly firstTurn: number;
  readonly firstChunk: number;
  readonly turns: Int32Array;
  readonly turnStarts: Int32Array;
  readonly chunks: Int32Array;
}

const NUMBERS_PER_SEGMENT = 4;

/** What a layout is made of: a model's lists, or the first of them while it is parsed. */
type ModelLists = { readonly chunks: readonly Chunk[]; readonly turns: readonly Turn[] };

/** The turns [fromTurn, model.turns.length) and chunks [fromChunk, model.chunks.length) as numbers. */
export function layoutOf(model: ModelLists, fromTurn = 0, fromChunk = 0): TurnLayout {
  const numbers: number[] = [];
  const turnStarts = new Int32Array(model.turns.length - fromTurn);
  for (let index = fromTurn; index < model.turns.length; index++) {
    const turn = model.turns[index]!;
    turnStarts[index - fromTurn] = numbers.length;
    numbers.push(turn.chunkIndex, 0);
    const countAt = numbers.length - 1;
    turn.readSegments((_text, start, end, line, character) => {
      numbers.push(start, end - start, line, character);
      numbers[countAt]!++;
    });
  }
  const chunks = new Int32Array(2 * (model.chunks.length - fromChunk));
  for (let index = fromChunk; index < model.chunks.length; index++) {
    const chunk = model.chunks[index]!;
    chunks[2 * (index - fromChunk)] = chunk.firstTurn;
    chunks[2 * (index - fromChunk) + 1] = chunk.turnCount;
  }
  return { firstTurn: fromTurn, firstChunk: fromChunk, turns: Int32Array.from(numbers), turnStarts, chunks };
}

/** The model that layouts describe, part after part in order, reading its text from `text` (the text they were made from). */
class LaidOutModel implements BoundaryModel {
  readonly chunks: Array<BoundaryModel['chunks'][number]> = [];
  readonly turns: LaidOutTurn[] = [];

  constructor(private readonly text: string) {}

  add(layout: TurnLayout): void {
    if (layout.firstTurn !== this.turns.length || layout.firstChunk !== this.chunks.length) {
      throw new Error(`a layout of turns from ${layout.firstTurn} and chunks from ${layout.firstChunk} does not follow ${this.turns.length} and ${this.chunks.length}`);
    }
    for (let k = 0; k < layout.turnStarts.length; k++) {
      this.turns.push(new LaidOutTurn(layout.firstTurn + k, this.text, layout.turns, layout.turnStarts[k]!));
    }
    for (let k = 0; k < layout.chunks.length / 2; k++) {
      this.chunks.push({ index: layout.firstChunk + k, firstTurn: layout.chunks[2 * k]!, turnCount: layout.chunks[2 * k + 1]! });
    }
  }
}

class LaidOutTurn implements BoundaryTurn {
  readonly chunkIndex: number;

  constructor(
    readonly index: number,
    private readonly text: string,
    private readonly numbers: Int32Array,
    /** Where the turn's numbers begin in `numbers`. */
    private readonly at: number,
  ) {
    this.chunkIndex = numbers[at]!;
  }

  get segments(): TextSegment[] {
    return segmentsRead(this);
  }

  readSegments(visit: (text: string, start: number, end: number, line: number, character: number) => boolean | void, fromEnd = false): void {
    const count = this.numbers[this.at + 1]!;
    for (let k = 0; k < count; k++) {
      const p = this.at + 2 + NUMBERS_PER_SEGMENT * (fromEnd ? count - 1 - k : k);
      const start = this.numbers[p]!;
      if (visit(this.text, start, start + this.numbers[p + 1]!, this.numbers[p + 2]!, this.numbers[p + 3]!) === true) return;
    }
  }
}

/**
 * Which thread checks which chunk's boundary, decided as they go: the other thread takes chunks
 * from the front, one at a time as their turns arrive; this one, once it has parsed the whole
 * document, takes them from the back; they stop where they meet. Each side so gets what it has
 * time for, whichever is slower (the other thread's check, started cold while this one parses,
 * or this one's after a long parse). The state is three numbers in memory both threads share:
 * a lock, the next chunk from the front and the next from the back.
 */
export class ChunkClaims {
  private readonly state: Int32Array;

  /** Claims on `buffer` (from `buffer` of claims made on the other thread), or new ones from chunk `first` on. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT), first?: number) {
    this.state = new Int32Array(buffer);
    if (first !== undefined) this.locked(() => {
      this.state[FRONT] = first;
      this.state[BACK] = NO_BACK_YET;
    });
  }

  /** The front side: the next chunk, if it is before `available` and not taken from the back. */
  takeFront(available: number): number | undefined {
    return this.locked(() => {
      const next = this.state[FRONT]!;
      if (next >= available || next > this.state[BACK]!) return undefined;
      this.state[FRONT] = next + 1;
      return next;
    });
  }

  /** The back side starts at the last of `chunkCount` chunks: called once the document is parsed. */
  endAt(chunkCount: number): void {
    this.locked(() => {
      this.state[BACK] = chunkCount - 1;
    });
  }

  /** The back side: the next chunk from the end, if the front has not taken it. */
  takeBack(): number | undefined {
    return this.locked(() => {
      const next = this.state[BACK]!;
      if (next === NO_BACK_YET || next < this.state[FRONT]!) return undefined;
      this.state[BACK] = next - 1;
      return next;
    });
  }

  /** Runs `f` holding the lock: a claim is a few instructions, so the other side spins rather than sleeps. */
  private locked<T>(f: () => T): T {
    while (Atomics.compareExchange(this.state, LOCK, 0, 1) !== 0);
    try {
      return f();
    } finally {
      Atomics.store(this.state, LOCK, 0);
    }
  }
}

const LOCK = 0;
const FRONT = 1;
const BACK = 2;
/** The back before the document's end is known: no chunk is taken from it, and the front is not stopped. */
const NO_BACK_YET = 0x7fffffff;

/**
 * The other thread's side of a document: it builds the turns from the layouts it is sent, and
 * checks the boundary of each chunk it claims from the front (`ChunkClaims`) as soon as the turns
 * the check reads have come (every chunk sent is complete, and every turn before it has been
 * sent); at the end, it gives the results of the chunks it checked.
 */
export class BoundaryChecker {
  private readonly model: LaidOutModel;
  private readonly cache: OverlapCache = new WeakMap();
  /** The results so far, packed as each chunk is checked (`packCheckedChunk`), so that the end has little left to do. */
  private readonly results: number[] = [];
  private resultCount = 0;

  constructor(text: string, private readonly settings: TranscriptSettings, private readonly claims: ChunkClaims) {
    this.model = new LaidOutModel(text);
  }

  add(layout: TurnLayout): void {
    this.model.add(layout);
    this.checkClaimed(this.model.chunks.length);
  }

  /** Once every layout has come: checks what is left to claim of the `chunkCount` chunks, and gives the results. */
  finish(chunkCount: number): CheckedBoundaries {
    this.checkClaimed(Math.min(chunkCount, this.model.chunks.length));
    return { count: this.resultCount, numbers: Int32Array.from(this.results) };
  }

  private checkClaimed(available: number): void {
    for (let chunk = this.claims.takeFront(available); chunk !== undefined; chunk = this.claims.takeFront(available)) {
      checkBoundaries(this.model, this.settings, this.cache, chunk, chunk + 1);
      // A chunk without turns has no boundary, and no result.
      const entry = this.cache.get(this.model.chunks[chunk]!);
      if (!entry) continue;
      packCheckedChunk(this.results, checkedChunk(chunk, entry));
      this.resultCount++;
    }
  }
}

/**
 * The results of the boundaries the other thread checked, packed in one list of numbers that
 * crosses between threads without a copy, rather than as an object a chunk, which took tens of
 * milliseconds to copy and read back on 20 MB while both threads waited. `packCheckedChunk` packs
 * and `readCheckedBoundaries` reads a chunk's entry.
 */
export interface CheckedBoundaries {
  /** How many chunks the list holds. */
  readonly count: number;
  readonly numbers: Int32Array;
}

/** One chunk's result: its witnesses' turn indices, and its overlap if it has one. */
export interface CheckedChunk {
  readonly chunk: number;
  readonly witnesses: readonly number[];
  readonly overlap?: PlainOverlap;
}

/** An overlap as numbers: its spans seven numbers each (`WordSpan.numbers`); its chunk is the entry's. */
type PlainOverlap = Omit<Overlap, 'chunkIndex' | 'repeat' | 'original'> & { readonly repeat: readonly number[]; readonly original: readonly number[] };

/**
 * Adds a chunk's result to `numbers`: its index, its witnesses' count and indices, then 0 or an
 * overlap (1, its four figures, and each side's spans: their count of numbers, then the numbers).
 */
export function packCheckedChunk(numbers: number[], { chunk, witnesses, overlap }: CheckedChunk): void {
  numbers.push(chunk, witnesses.length, ...witnesses);
  if (!overlap) {
    numbers.push(0);
    return;
  }
  const { repeatLength, originalLength, matchedWords, laterIsMoreComplete, repeat, original } = overlap;
  numbers.push(1, repeatLength, originalLength, matchedWords, laterIsMoreComplete ? 1 : 0, repeat.length, ...repeat, original.length, ...original);
}

/** Calls `visit` with each chunk's result in `checked`, as `packCheckedChunk` was given it. */
export function readCheckedBoundaries(checked: CheckedBoundaries, visit: (chunk: CheckedChunk) => void): void {
  const { numbers } = checked;
  let at = 0;
  const take = (count: number) => {
    const taken: number[] = [];
    for (const end = at + count; at < end; at++) taken.push(numbers[at]!);
    return taken;
  };
  for (let k = 0; k < checked.count; k++) {
    const chunk = numbers[at++]!;
    const witnesses = take(numbers[at++]!);
    if (numbers[at++] === 0) {
      visit({ chunk, witnesses });
      continue;
    }
    const repeatLength = numbers[at++]!;
    const originalLength = numbers[at++]!;
    const matchedWords = numbers[at++]!;
    const laterIsMoreComplete = numbers[at++] === 1;
    const repeat = take(numbers[at++]!);
    const original = take(numbers[at++]!);
    visit({ chunk, witnesses, overlap: { repeatLength, originalLength, matchedWords, laterIsMoreComplete, repeat, original } });
  }
}

/** A chunk's result as `cache` holds it, for `packCheckedChunk`. */
function checkedChunk(chunk: number, entry: NonNullable<ReturnType<OverlapCache['get']>>): CheckedChunk {
  const { overlap } = entry;
  return {
    chunk,
    witnesses: entry.turns.map((turn) => turn.index),
    ...(overlap ? {
      overlap: {
        repeat: overlap.repeat.flatMap((span) => span.numbers()),
        original: overlap.original.flatMap((span) => span.numbers()),
        repeatLength: overlap.repeatLength,
        originalLength: overlap.originalLength,
        matchedWords: overlap.matchedWords,
        laterIsMoreComplete: overlap.laterIsMoreComplete,
      },
    } : {}),
  };
}

/**
 * Takes into `cache` the results another thread checked on this model's layout. They are checked
 * on use like any other (`checkBoundaries`), so a result that does not fit this model is checked again.
 */
export function acceptCheckedBoundaries(model: TranscriptModel, cache: OverlapCache, checked: CheckedBoundaries): void {
  readCheckedBoundaries(checked, ({ chunk: index, witnesses: indices, overlap }) => {
    const chunk = model.chunks[index];
    const turns = indices.map((turn) => model.turns[turn]);
    if (!chunk || !turns.every((turn) => turn !== undefined)) return;
    cache.set(chunk, {
      turns: turns as Turn[],
      overlap: overlap && {
        chunkIndex: index,
        repeat: WordSpan.fromNumbers(overlap.repeat),
        original: WordSpan.fromNumbers(overlap.original),
        repeatLength: overlap.repeatLength,
        originalLength: overlap.originalLength,
        matchedWords: overlap.matchedWords,
        laterIsMoreComplete: overlap.laterIsMoreComplete,
      },
    });
  });
}
