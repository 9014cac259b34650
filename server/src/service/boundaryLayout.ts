import type { Chunk, TextSegment, TranscriptModel, Turn } from './model';
import { lineRange } from './text';

/*
 * What the overlap check reads of a model: which turns each chunk has, and each turn's text. A
 * second thread that checks half the boundaries of a big document gets it as numbers (a
 * `TurnLayout`, made from the model this thread parsed) and the text, and checks on a
 * `BoundaryModel` made of them, without parsing the text again.
 */

export type BoundaryTurn = Pick<Turn, 'index' | 'chunkIndex' | 'segments' | 'readSegments'>;

export interface BoundaryModel {
  readonly chunks: ReadonlyArray<Pick<Chunk, 'index' | 'turnIndices'>>;
  readonly turns: readonly BoundaryTurn[];
}

/**
 * The turns of a model as numbers. `turns` holds, per turn, its chunk, its number of segments and
 * four numbers a segment (its offset and length in the text, its line and first character);
 * `turnStarts` where each turn's numbers begin; `chunks` each chunk's first turn and turn count.
 * Typed arrays, so that they cross to the other thread without a copy.
 */
export interface TurnLayout {
  readonly turns: Int32Array;
  readonly turnStarts: Int32Array;
  readonly chunks: Int32Array;
}

const NUMBERS_PER_SEGMENT = 4;

export function layoutOf(model: TranscriptModel): TurnLayout {
  const numbers: number[] = [];
  const turnStarts = new Int32Array(model.turns.length);
  model.turns.forEach((turn, index) => {
    turnStarts[index] = numbers.length;
    numbers.push(turn.chunkIndex, 0);
    const countAt = numbers.length - 1;
    turn.readSegments((_text, start, end, line, character) => {
      numbers.push(start, end - start, line, character);
      numbers[countAt]!++;
    });
  });
  const chunks = new Int32Array(2 * model.chunks.length);
  model.chunks.forEach((chunk, index) => {
    chunks[2 * index] = chunk.turnIndices[0] ?? 0;
    chunks[2 * index + 1] = chunk.turnIndices.length;
  });
  return { turns: Int32Array.from(numbers), turnStarts, chunks };
}

/** The model a layout describes, reading its text from `text` (the text it was made from). */
export function boundaryModel(text: string, layout: TurnLayout): BoundaryModel {
  const turns: LaidOutTurn[] = [];
  for (let index = 0; index < layout.turnStarts.length; index++) turns.push(new LaidOutTurn(index, text, layout.turns, layout.turnStarts[index]!));
  const chunks: Array<BoundaryModel['chunks'][number]> = [];
  for (let index = 0; index < layout.chunks.length / 2; index++) {
    const first = layout.chunks[2 * index]!;
    const count = layout.chunks[2 * index + 1]!;
    chunks.push({ index, turnIndices: Array.from({ length: count }, (_, k) => first + k) });
  }
  return { chunks, turns };
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
    const segments: TextSegment[] = [];
    this.readSegments((text, start, end, line, character) => {
      segments.push({ text: text.slice(start, end), range: lineRange(line, character, character + end - start) });
    });
    return segments;
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
