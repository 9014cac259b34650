import type { TranscriptModel } from '../../model';
import { WordSpan, type Overlap, type OverlapCache } from './overlapResult';

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
type PlainOverlap = Omit<Overlap, 'chunkIndex' | 'repeat' | 'original'> & {
  readonly repeat: readonly number[];
  readonly original: readonly number[];
};

/**
 * Adds a chunk's result to `numbers`: its index, its witnesses' count and indices, then 0 or an
 * overlap (1, its three figures, and each side's spans: their count of numbers, then the numbers).
 */
export function packCheckedChunk(numbers: number[], { chunk, witnesses, overlap }: CheckedChunk): void {
  numbers.push(chunk, witnesses.length, ...witnesses);
  if (!overlap) {
    numbers.push(0);
    return;
  }
  const { repeatLength, originalLength, matchedWords, repeat, original } = overlap;
  numbers.push(1, repeatLength, originalLength, matchedWords, repeat.length, ...repeat, original.length, ...original);
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
    const repeat = take(numbers[at++]!);
    const original = take(numbers[at++]!);
    visit({ chunk, witnesses, overlap: { repeatLength, originalLength, matchedWords, repeat, original } });
  }
}

/** A chunk's result as `cache` holds it, for `packCheckedChunk`. */
export function checkedChunk(chunk: number, entry: NonNullable<ReturnType<OverlapCache['get']>>): CheckedChunk {
  const { overlap } = entry;
  return {
    chunk,
    witnesses: entry.turns.map((turn) => turn.index),
    ...(overlap
      ? {
          overlap: {
            repeat: overlap.repeat.flatMap((span) => span.numbers()),
            original: overlap.original.flatMap((span) => span.numbers()),
            repeatLength: overlap.repeatLength,
            originalLength: overlap.originalLength,
            matchedWords: overlap.matchedWords,
          },
        }
      : {}),
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
      turns,
      fromStart: indices[0] === 0,
      overlap: overlap && {
        chunkIndex: index,
        repeat: WordSpan.fromNumbers(overlap.repeat),
        original: WordSpan.fromNumbers(overlap.original),
        repeatLength: overlap.repeatLength,
        originalLength: overlap.originalLength,
        matchedWords: overlap.matchedWords,
      },
    });
  });
}
