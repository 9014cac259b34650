import type { TranscriptModel } from './model';

export interface TranscriptFoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'chunk' | 'turn';
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
