import type { Chunk, Range, TranscriptModel } from './model';
import { countOf, describeChunkTime, previewText, speakerTitle } from './format';
import type { MovedSections } from './sections';
import { shiftRange } from './shift';
import { describeTime } from './timestampFormat';

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
} as const;

/**
 * One symbol per chunk, named with its time range, and one child per turn. Labels such as
 * `Speaker 1` restart in every chunk, so each chunk's detail names the speakers it has.
 */
/**
 * Each chunk's symbol, kept from one version to the next. A chunk object is reused only with the
 * turns it was parsed with (`sections.ts` keeps or replaces a section's objects together), so
 * the same chunk object always has the same outline.
 */
export type SymbolCache = WeakMap<Chunk, TranscriptSymbol>;

export function documentSymbols(model: TranscriptModel, cache: SymbolCache = new WeakMap()): TranscriptSymbol[] {
  return outline(model, Infinity, cache).symbols;
}

/**
 * The outline's first `maxItems` chunks and turns, in document order, and how many it has in all.
 * Only the chunks shown are outlined: on a 20 MB transcript the whole outline (91,000 items) is
 * some 50 MB that no editor would be sent.
 */
export function outline(
  model: TranscriptModel, maxItems: number, cache: SymbolCache = new WeakMap(),
): { symbols: TranscriptSymbol[]; shown: number; total: number } {
  // Every turn is in one chunk: the outline has an item per chunk and per turn.
  const total = model.chunks.length + model.turns.length;
  const symbols: TranscriptSymbol[] = [];
  let left = maxItems;
  for (const chunk of model.chunks) {
    if (left <= 0) break;
    let symbol = cache.get(chunk);
    if (!symbol) cache.set(chunk, (symbol = chunkSymbol(model, chunk)));
    if (symbol.children.length > left - 1) symbol = { ...symbol, children: symbol.children.slice(0, left - 1) };
    symbols.push(symbol);
    left -= 1 + symbol.children.length;
  }
  return { symbols, shown: Math.min(total, maxItems), total };
}

function chunkSymbol(model: TranscriptModel, chunk: Chunk): TranscriptSymbol {
  {
    const speakerNames = new Set(chunk.turnIndices.map((i) => speakerTitle(model.turns[i]!)));
    const children = chunk.turnIndices.map((i): TranscriptSymbol => {
      const turn = model.turns[i]!;
      const time = turn.timestamp ? `${describeTime(turn.timestamp.seconds)} ` : '';
      const preview = previewText(turn);
      const sentiment = turn.sentiments.map((s) => s.label).join('; ');
      return {
        name: `${time}${speakerTitle(turn)}${preview ? `: ${preview}` : ''}`,
        detail: sentiment,
        kind: 'turn',
        range: turn.range,
        selectionRange: turn.headerRange,
        children: [],
      };
    });
    const turnCount = countOf(chunk.turnIndices.length, 'turn');
    const speakers = speakerNames.size ? ` · speakers of this chunk: ${[...speakerNames].join(', ')}` : '';
    return {
      name: `Chunk ${chunk.index + 1} (${describeChunkTime(chunk)})`,
      detail: `${turnCount}${BOUNDARY_NOTES[chunk.boundary]}${speakers}`,
      kind: 'chunk',
      range: chunk.range,
      selectionRange: chunk.turnIndices.length ? model.turns[chunk.turnIndices[0]!]!.headerRange : chunk.range,
      children,
    };
  }
}

/**
 * Carries the outline of the chunks an edit moved over to their moved copies. A chunk's name
 * holds its number, so when chunks were added or removed before them they are outlined afresh.
 */
export function carrySymbols(cache: SymbolCache, moved: MovedSections): void {
  const { shift } = moved;
  if (shift.by.chunk !== 0) return;
  const shiftSymbol = (symbol: TranscriptSymbol): TranscriptSymbol => ({
    ...symbol,
    range: shiftRange(symbol.range, shift),
    selectionRange: shiftRange(symbol.selectionRange, shift),
    children: symbol.children.map(shiftSymbol),
  });
  for (const { before, after } of moved.parts) {
    before.chunks.forEach((chunk, i) => {
      const symbol = cache.get(chunk);
      if (symbol) cache.set(after.chunks[i]!, shiftSymbol(symbol));
    });
  }
}
