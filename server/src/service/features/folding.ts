import type { TranscriptModel } from '../model';

export interface TranscriptFoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'chunk' | 'turn';
}

/**
 * At most `limit` folds, for a client that says how many it takes (VS Code: 5,000): the chunks
 * first, then the turns, each from the top, in document order. The client would otherwise drop
 * the surplus itself, after the server had sent tens of thousands of folds for a long transcript.
 */
export function limitFoldingRanges(ranges: readonly TranscriptFoldingRange[], limit: number): TranscriptFoldingRange[] {
  if (ranges.length <= limit) return [...ranges];
  const chunks = ranges.filter((range) => range.kind === 'chunk').slice(0, limit);
  const turns = ranges.filter((range) => range.kind === 'turn').slice(0, limit - chunks.length);
  return [...chunks, ...turns].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** A fold per chunk and per turn that spans more than one line. */
export function foldingRanges(model: TranscriptModel): TranscriptFoldingRange[] {
  const ranges: TranscriptFoldingRange[] = [];
  for (const chunk of model.chunks) {
    if (chunk.range.end.line > chunk.range.start.line) {
      ranges.push({ startLine: chunk.range.start.line, endLine: chunk.range.end.line, kind: 'chunk' });
    }
    for (const index of chunk.turnIndices) {
      const { range } = model.turns[index]!;
      if (range.end.line > range.start.line && !(range.start.line === chunk.range.start.line && range.end.line === chunk.range.end.line)) {
        ranges.push({ startLine: range.start.line, endLine: range.end.line, kind: 'turn' });
      }
    }
  }
  return ranges;
}
