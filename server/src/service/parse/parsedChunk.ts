import type { BoundaryKind, Chunk, ChunkMarker, ChunkMarkerKind, Position, Range, Speaker } from '../model';
import { NO_SPEAKER } from '../util/format';
import { shiftChunkIndex, shiftLine, shiftSpeakerIndex, shiftTurnIndex, type Shift } from './shift';
import { lineRange, range } from '../util/text';

/*
 * Chunks, their markers and their speakers as the parser keeps them: numbers, with the ranges of
 * the model's interfaces made when read, as turns are (`parsedTurn.ts`). A 20 MB transcript has
 * some 13,000 chunks and markers and 33,000 speakers (labels restart in every chunk); as plain
 * objects their ranges and lists were about 9 MB.
 */

export class ParsedMarker implements ChunkMarker {
  constructor(
    readonly kind: ChunkMarkerKind,
    readonly text: string,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  moved(shift: Shift): ParsedMarker {
    return new ParsedMarker(this.kind, this.text, shiftLine(this.line, shift), this.start, this.end);
  }

  toJSON(): ChunkMarker {
    return { kind: this.kind, text: this.text, range: this.range };
  }
}

/** Where a chunk is and what it holds, as the parser found it. */
export interface ChunkFields {
  readonly index: number;
  readonly boundary: BoundaryKind;
  readonly endMarker: ParsedMarker | undefined;
  /** Its turns are consecutive: the first one's index (0 without turns) and how many. */
  readonly firstTurn: number;
  readonly turnCount: number;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** The earliest and latest stamps; -1 for a chunk without one (times are never negative). */
  readonly earliest: number;
  readonly latest: number;
  readonly format: string;
}

export class ParsedChunk implements Chunk {
  readonly index: number;
  readonly boundary: BoundaryKind;
  readonly endMarker: ParsedMarker | undefined;
  readonly format: string;
  /** A chunk's turns are consecutive: its first and how many, not a list of their numbers. */
  readonly firstTurn: number;
  readonly turnCount: number;
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;
  private readonly earliest: number;
  private readonly latest: number;

  constructor(fields: ChunkFields) {
    this.index = fields.index;
    this.boundary = fields.boundary;
    this.endMarker = fields.endMarker;
    this.firstTurn = fields.firstTurn;
    this.turnCount = fields.turnCount;
    this.format = fields.format;
    this.startLine = fields.startLine;
    this.startCharacter = fields.startCharacter;
    this.endLine = fields.endLine;
    this.endCharacter = fields.endCharacter;
    this.earliest = fields.earliest;
    this.latest = fields.latest;
  }

  /** Made on each read. */
  get turnIndices(): readonly number[] {
    return Array.from({ length: this.turnCount }, (_, k) => this.firstTurn + k);
  }

  get range(): Range {
    return range(this.startLine, this.startCharacter, this.endLine, this.endCharacter);
  }

  get timeSpan(): { readonly start: number; readonly end: number } | undefined {
    return this.earliest < 0 ? undefined : { start: this.earliest, end: this.latest };
  }

  /** The same chunk where `shift` moves it, closed by `endMarker` (its marker, moved). */
  moved(shift: Shift, endMarker: ParsedMarker | undefined): ParsedChunk {
    return new ParsedChunk({
      index: shiftChunkIndex(this.index, shift),
      boundary: this.boundary,
      endMarker,
      firstTurn: this.turnCount === 0 ? 0 : shiftTurnIndex(this.firstTurn, shift),
      turnCount: this.turnCount,
      startLine: shiftLine(this.startLine, shift),
      startCharacter: this.startCharacter,
      endLine: shiftLine(this.endLine, shift),
      endCharacter: this.endCharacter,
      earliest: this.earliest,
      latest: this.latest,
      format: this.format,
    });
  }

  /**
   * The same chunk as a new object, for caches kept by chunk to see that one of its turns was
   * read again (`turnReread.ts`); `end` is where that turn now ends, if it is the chunk's last.
   */
  renewed(end: Position | undefined): ParsedChunk {
    return new ParsedChunk({
      ...this.fields(),
      endLine: end && !this.endMarker ? end.line : this.endLine,
      endCharacter: end && !this.endMarker ? end.character : this.endCharacter,
    });
  }

  /**
   * The one chunk of a section without markers after cues in it were read again
   * (`cueSpanReread.ts`): `turnCount` turns, the last ending at `end`, its stamps from `earliest`
   * to `latest` (-1 without any).
   */
  respanned(turnCount: number, end: Position, earliest: number, latest: number): ParsedChunk {
    return new ParsedChunk({ ...this.fields(), turnCount, endLine: end.line, endCharacter: end.character, earliest, latest });
  }

  private fields(): ChunkFields {
    const { index, boundary, endMarker, firstTurn, turnCount, startLine, startCharacter, endLine, endCharacter, earliest, latest, format } = this;
    return { index, boundary, endMarker, firstTurn, turnCount, startLine, startCharacter, endLine, endCharacter, earliest, latest, format };
  }

  /** The plain shape of `Chunk`, optional fields only when present, in the order of the golden models. */
  toJSON(): Omit<Chunk, 'firstTurn' | 'turnCount'> {
    const timeSpan = this.timeSpan;
    return {
      index: this.index,
      boundary: this.boundary,
      ...(this.endMarker ? { endMarker: this.endMarker } : {}),
      turnIndices: this.turnIndices,
      range: this.range,
      ...(timeSpan ? { timeSpan } : {}),
      format: this.format,
    };
  }
}

/** A speaker of one chunk. Most speak once or twice in a chunk: one turn is kept as its number, without a list. */
export class ParsedSpeaker implements Speaker {
  readonly name: string | undefined;
  private readonly turns: number | readonly number[];

  constructor(
    readonly index: number,
    readonly chunkIndex: number,
    readonly label: string,
    name: string | undefined,
    turnIndices: readonly number[],
  ) {
    this.name = name;
    this.turns = turnIndices.length === 1 ? turnIndices[0]! : turnIndices;
  }

  get displayName(): string {
    return this.name ?? (this.label === '' ? NO_SPEAKER : this.label);
  }

  /** Made on each read for a speaker of one turn. */
  get turnIndices(): readonly number[] {
    return typeof this.turns === 'number' ? [this.turns] : this.turns;
  }

  moved(shift: Shift): ParsedSpeaker {
    return new ParsedSpeaker(
      shiftSpeakerIndex(this.index, shift),
      shiftChunkIndex(this.chunkIndex, shift),
      this.label,
      this.name,
      this.turnIndices.map((index) => shiftTurnIndex(index, shift)),
    );
  }

  /** The same speaker as a new object, for caches kept by speaker to see that one of its turns was read again. */
  renewed(): ParsedSpeaker {
    return new ParsedSpeaker(this.index, this.chunkIndex, this.label, this.name, this.turnIndices);
  }

  /** The plain shape of `Speaker`, in the order of the golden models. */
  toJSON(): Speaker {
    return {
      index: this.index,
      chunkIndex: this.chunkIndex,
      label: this.label,
      ...(this.name !== undefined ? { name: this.name } : {}),
      displayName: this.displayName,
      turnIndices: this.turnIndices,
    };
  }
}
