import type { Position, Range } from '../model';
import { comparePositions } from './text';

/** A replacement of `range` by `newText`, in the same coordinates as LSP's `TextEdit`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Offsets of each line's first character, counting every kind of line break. */
export function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      offsets.push(i + 1);
    } else if (c === 0x0a) {
      offsets.push(i + 1);
    }
  }
  return offsets;
}

/** The offset of a position, clamped into the text as LSP clamps positions past a line's end. */
export function offsetAt(text: string, offsets: readonly number[], line: number, character: number): number {
  if (line >= offsets.length) return text.length;
  const start = offsets[line]!;
  const next = line + 1 < offsets.length ? offsets[line + 1]! : text.length;
  let end = next;
  while (end > start && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
  return Math.min(start + Math.max(0, character), end);
}

/** The position of an offset, the inverse of `offsetAt`: a binary search of the line starts. */
export function positionAt(offsets: readonly number[], offset: number): Position {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - offsets[low]! };
}

/**
 * Applies non-overlapping edits to `text`. Edits are applied from last to first, so each one's
 * range refers to the original text, as LSP specifies for the edits of one `TextDocumentEdit`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const offsets = lineOffsets(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = offsetAt(text, offsets, edit.range.start.line, edit.range.start.character);
    const end = offsetAt(text, offsets, edit.range.end.line, edit.range.end.character);
    if (start < cursor) throw new Error('applyEdits: overlapping edits');
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}
