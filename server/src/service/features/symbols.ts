import type { Chunk, Range, TranscriptModel, Turn } from '../model';
import { countOf, describeChunkTime, previewText, speakerTitle } from '../util/format';
import type { MovedSections } from '../parse/sections';
import { describeTime } from '../util/timestampFormat';
import type { Derivation } from '../analysis/analysis';

export type TranscriptSymbolKind = 'chunk' | 'turn';

/** An outline entry; the LSP adapter maps it onto `DocumentSymbol`. */
export interface TranscriptSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: TranscriptSymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly TranscriptSymbol[];
}

const BOUNDARY_NOTES = {
  'document-start': '',
  explicit: '',
  implicit: ' · starts where the format changes',
  repeat: ' · starts where a turn repeats the end of the one before',
} as const;

/**
 * One symbol per chunk, named with its time range, and one child per turn. Labels such as
 * `Speaker 1` restart in every chunk, so each chunk's detail names the speakers it has.
 *
 * The outline is kept from one version to the next, so a symbol keeps only its name, its detail
 * and the turn or chunk it stands for, whose ranges it reads when asked: made as objects, the
 * ranges were most of the 6 MB the outline of 20 MB held.
 */
class TurnSymbol implements TranscriptSymbol {
  constructor(
    readonly name: string,
    readonly detail: string,
    private readonly turn: Turn,
  ) {}

  get kind(): 'turn' {
    return 'turn';
  }

  get range(): Range {
    return this.turn.range;
  }

  get selectionRange(): Range {
    return this.turn.headerRange;
  }

  get children(): readonly TranscriptSymbol[] {
    return NO_CHILDREN;
  }

  /** The same entry for the turn's moved copy. */
  for(turn: Turn): TurnSymbol {
    return new TurnSymbol(this.name, this.detail, turn);
  }

  toJSON(): object {
    return plain(this);
  }
}

class ChunkSymbol implements TranscriptSymbol {
  constructor(
    readonly name: string,
    readonly detail: string,
    private readonly chunk: Chunk,
    /** Where the chunk's name points: its first turn's header, or the chunk without turns. */
    private readonly firstTurn: Turn | undefined,
    readonly children: readonly TurnSymbol[],
  ) {}

  get kind(): 'chunk' {
    return 'chunk';
  }

  get range(): Range {
    return this.chunk.range;
  }

  get selectionRange(): Range {
    return this.firstTurn?.headerRange ?? this.chunk.range;
  }

  /** The same entry with only its first `count` turns. */
  cut(count: number): ChunkSymbol {
    return new ChunkSymbol(this.name, this.detail, this.chunk, this.firstTurn, this.children.slice(0, count));
  }

  /** The same entry for the chunk's moved copy, whose turns are `turns`. */
  for(chunk: Chunk, turns: readonly Turn[]): ChunkSymbol {
    const moved = this.children.map((child, i) => child.for(turns[i]!));
    return new ChunkSymbol(this.name, this.detail, chunk, this.firstTurn && turns[0], moved);
  }

  toJSON(): object {
    return plain(this);
  }
}

const NO_CHILDREN: readonly TranscriptSymbol[] = Object.freeze([]);

/**
 * The parts as one flat string. Names built with `+` or a template are trees of their parts
 * (V8's cons strings, 32 bytes a node), and the outline keeps thousands of names: joined, each is
 * one string of its characters.
 */
function flat(parts: readonly string[]): string {
  return parts.join('');
}

function plain(symbol: TranscriptSymbol): object {
  const { name, detail, kind, range, selectionRange, children } = symbol;
  return { name, detail, kind, range, selectionRange, children };
}

/**
 * Each chunk's symbol, kept from one version to the next. A chunk object is reused only with the
 * turns it was parsed with (`sections.ts` keeps or replaces a section's objects together), so
 * the same chunk object always has the same outline.
 */
export type SymbolCache = WeakMap<Chunk, ChunkSymbol>;

/** The outline's entries of each chunk, kept from version to version: the value is the cache itself, for `outline` to read. */
export const CHUNK_SYMBOLS: Derivation<SymbolCache, SymbolCache> = {
  initial: () => new WeakMap(),
  move: (cache, moved) => carrySymbols(cache, moved),
  compute: (_analysis, cache) => cache,
};

export function documentSymbols(model: TranscriptModel, cache: SymbolCache = new WeakMap()): TranscriptSymbol[] {
  return outline(model, Infinity, cache).symbols;
}

/**
 * The outline's first `maxItems` chunks and turns, in document order, and how many it has in all.
 * Only the chunks shown are outlined: on a 20 MB transcript the whole outline (91,000 items) is
 * some 50 MB that no editor would be sent.
 */
export function outline(
  model: TranscriptModel,
  maxItems: number,
  cache: SymbolCache = new WeakMap(),
): { symbols: TranscriptSymbol[]; shown: number; total: number } {
  // Every turn is in one chunk: the outline has an item per chunk and per turn.
  const total = model.chunks.length + model.turns.length;
  const symbols: TranscriptSymbol[] = [];
  let left = maxItems;
  for (const chunk of model.chunks) {
    if (left <= 0) break;
    let symbol = cache.get(chunk);
    if (!symbol) cache.set(chunk, (symbol = chunkSymbol(model, chunk)));
    if (symbol.children.length > left - 1) symbol = symbol.cut(left - 1);
    symbols.push(symbol);
    left -= 1 + symbol.children.length;
  }
  return { symbols, shown: Math.min(total, maxItems), total };
}

function chunkSymbol(model: TranscriptModel, chunk: Chunk): ChunkSymbol {
  const turns = chunk.turnIndices.map((i) => model.turns[i]!);
  const speakerNames = new Set(turns.filter((turn) => turn.label !== '').map(speakerTitle));
  const children = turns.map((turn) => {
    const time = turn.timestamp ? `${describeTime(turn.timestamp.seconds)} ` : '';
    const preview = previewText(turn);
    const sentiment = turn.sentiments.map((s) => s.label).join('; ');
    // A turn that names no speaker is its time and its words.
    const name = turn.label === '' ? flat([time, preview]) : flat([time, speakerTitle(turn), preview ? ': ' : '', preview]);
    return new TurnSymbol(name, sentiment, turn);
  });
  const turnCount = countOf(chunk.turnIndices.length, 'turn');
  const speakers = speakerNames.size ? ` · speakers of this chunk: ${[...speakerNames].join(', ')}` : '';
  return new ChunkSymbol(
    flat(['Chunk ', String(chunk.index + 1), ' (', describeChunkTime(chunk), ')']),
    flat([turnCount, BOUNDARY_NOTES[chunk.boundary], speakers]),
    chunk,
    turns[0],
    children,
  );
}

/**
 * Carries the outline of the chunks an edit moved over to their moved copies. A chunk's name
 * holds its number, so when chunks were added or removed before them they are outlined afresh.
 */
export function carrySymbols(cache: SymbolCache, moved: MovedSections): void {
  if (moved.shift.by.chunk !== 0) return;
  for (const { before, after } of moved.parts) {
    before.chunks.forEach((chunk, i) => {
      const symbol = cache.get(chunk);
      if (!symbol) return;
      const movedChunk = after.chunks[i]!;
      // A part's turns are numbered from its first turn's index.
      const offset = movedChunk.turnCount === 0 ? 0 : movedChunk.firstTurn - after.turns[0]!.index;
      cache.set(movedChunk, symbol.for(movedChunk, after.turns.slice(offset, offset + movedChunk.turnCount)));
    });
  }
}
