import { Analysis } from '../../server/src/service/analysis/analysis';
import type { Position, Range } from '../../server/src/service/model';
import { DEFAULT_SETTINGS, type TranscriptSettings } from '../../server/src/service/settings';
import { splitLines } from '../../server/src/service/util/text';

/** The cursor marker in inline test documents. */
export const CURSOR = '$0';

/** Takes the cursor marker out of `text` and says where it was. */
export function withCursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf(CURSOR);
  if (offset < 0) throw new Error('test document has no cursor marker');
  const before = splitLines(text.slice(0, offset));
  return {
    text: text.slice(0, offset) + text.slice(offset + CURSOR.length),
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}

export function analyze(text: string, settings: Partial<TranscriptSettings> = {}): Analysis {
  return new Analysis(text, { ...DEFAULT_SETTINGS, ...settings });
}

/** The source text a range covers, lines joined by `\n`. */
export function textAt(text: string, range: Range): string {
  const lines = splitLines(text);
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line]!.slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]!);
  parts.push(lines[range.end.line]!.slice(0, range.end.character));
  return parts.join('\n');
}

/** Joins lines with `\n`, so test documents read like the files they stand for. */
export function lines(...content: string[]): string {
  return content.join('\n');
}
