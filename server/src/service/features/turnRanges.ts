import type { Range, Turn } from '../model';

const isBlank = (line: string | undefined) => line !== undefined && line.trim() === '';

/** The turn's lines with their line break, and one blank line after when blank lines surround it. */
export function wholeTurnRange(turn: Turn, lines: readonly string[]): Range {
  const startLine = turn.range.start.line;
  const endLine = turn.range.end.line;
  if (endLine + 1 >= lines.length) {
    // The last line has no break to take: take the one before it instead.
    if (startLine === 0) return { start: { line: 0, character: 0 }, end: { line: endLine, character: lines[endLine]!.length } };
    let from = startLine - 1;
    while (from > 0 && isBlank(lines[from]) && isBlank(lines[from - 1])) from--;
    return { start: { line: from, character: lines[from]!.length }, end: { line: endLine, character: lines[endLine]!.length } };
  }
  let end = endLine + 1;
  if (isBlank(lines[end]) && end + 1 < lines.length && (startLine === 0 || isBlank(lines[startLine - 1]))) end++;
  return { start: { line: startLine, character: 0 }, end: { line: end, character: 0 } };
}
