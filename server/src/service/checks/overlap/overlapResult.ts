import type { Chunk, Range, Turn } from '../../model';
import { shiftLine, shiftTurnIndex, type Shift } from '../../parse/shift';
import { range } from '../../util/text';

/*
 * What the overlap check reads (a model, or the part of one that another thread was sent) and
 * what it finds.
 */

/** What the check reads of a turn: its place, and its text. */
export type BoundaryTurn = Pick<Turn, 'index' | 'chunkIndex' | 'segments' | 'readSegments'>;

export interface BoundaryModel {
  readonly chunks: ReadonlyArray<Pick<Chunk, 'index' | 'firstTurn' | 'turnCount'>>;
  readonly turns: readonly BoundaryTurn[];
}

/**
 * Finds text at the start of a chunk that repeats the end of the text before it: pipelines cut a
 * recording into overlapping pieces, and the model re-transcribes the overlap, often with a few
 * words dropped, added or changed. So the two sides are aligned word by word (a semi-global
 * alignment: the repeat must begin near the start of the chunk and the original must end near
 * the end of what came before), and only where chunks meet.
 */
export interface Overlap {
  /** The chunk whose opening repeats earlier text. */
  readonly chunkIndex: number;
  /** The repeated words at the start of the chunk: a contiguous run of its words, as its part in each turn. */
  readonly repeat: readonly WordSpan[];
  /** The earlier words they repeat: a contiguous run, possibly over several turns. */
  readonly original: readonly WordSpan[];
  /** How many words the repeat has, and the original. */
  readonly repeatLength: number;
  readonly originalLength: number;
  /** Word pairs that match exactly. */
  readonly matchedWords: number;
}

/**
 * Consecutive words of one turn: the `count` words from its `firstWord`th, and where they are.
 * A 20 MB transcript has thousands of overlaps, kept from version to version, so a run of words
 * is kept as a few numbers a turn, not as an object per word; `turnWords` makes the words of the
 * few a fix needs.
 */
export class WordSpan {
  constructor(
    readonly turnIndex: number,
    readonly firstWord: number,
    readonly count: number,
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  /** From the first word's first character to the end of the last word. */
  get range(): Range {
    return range(this.startLine, this.startCharacter, this.endLine, this.endCharacter);
  }

  moved(shift: Shift): WordSpan {
    if (this.turnIndex < shift.from.turn) return this;
    return new WordSpan(
      shiftTurnIndex(this.turnIndex, shift),
      this.firstWord,
      this.count,
      shiftLine(this.startLine, shift),
      this.startCharacter,
      shiftLine(this.endLine, shift),
      this.endCharacter,
    );
  }

  toJSON(): object {
    return { turnIndex: this.turnIndex, firstWord: this.firstWord, count: this.count, range: this.range };
  }
}

/**
 * What the check found at each chunk, and witnesses of the turns it read, so that the check of
 * the next version of the document can keep the result while those turns are the same objects.
 * The incremental parser keeps or replaces a section's objects all together, and a chunk never
 * spans two sections, so the first turn read of each chunk stands for all the turns read of its
 * chunk: if it is the same object at the same place, so are they. The last turn read stands for
 * the end of the run, and how far it stood from the first for the turns between: an edit that
 * adds a turn between two witnesses and moves the one after it with its section (whose entry
 * `carryOverlaps` moves along) leaves both witnesses the same objects, each at its place, and
 * farther apart. A boundary reads some 18 turns on a 20 MB transcript, and keeping them all was
 * 2.4 MB.
 */
export type OverlapCache = WeakMap<
  BoundaryModel['chunks'][number],
  {
    readonly turns: readonly BoundaryTurn[];
    readonly overlap: Overlap | undefined;
    /** The check read back to the document's first turn: a turn put before it makes the result stale. */
    readonly fromStart: boolean;
    /** How many turns after the first witness the last stood when the check read them. */
    readonly span: number;
  }
>;
