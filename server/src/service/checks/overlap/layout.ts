import type { Chunk, TextSegment, Turn } from '../../model';
import { segmentsRead } from '../../parse/parsedTurn';
import type { BoundaryModel, BoundaryTurn } from './overlapResult';

/*
 * What the overlap check reads of a model, as numbers: which turns each chunk has, and each
 * turn's text as places in the document's text (`TurnLayout`). The overlap check of a big
 * document can so be shared with a checker that never parses (`BoundaryChecker`): it is sent the
 * text once and the layouts part after part, and checks on the `LaidOutModel` made of them.
 * How the work is shared (threads, shared memory) is the server's business, not the service's.
 */

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
export class LaidOutModel implements BoundaryModel {
  readonly chunks: Array<BoundaryModel['chunks'][number]> = [];
  readonly turns: LaidOutTurn[] = [];

  constructor(private readonly text: string) {}

  add(layout: TurnLayout): void {
    if (layout.firstTurn !== this.turns.length || layout.firstChunk !== this.chunks.length) {
      throw new Error(
        `a layout of turns from ${layout.firstTurn} and chunks from ${layout.firstChunk} does not follow ${this.turns.length} and ${this.chunks.length}`,
      );
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
