import type { Position, Range } from '../model';

/** The line terminators LSP recognises: CRLF, LF and a lone CR. */
export const LINE_BREAK = /\r\n|\r|\n/;
/** The same, global, to scan a text with `lastIndex` (`sections.ts`); one scan at a time. */
export const LINE_BREAKS = /\r\n|\r|\n/g;

/** Splits a document into lines the way LSP counts them. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, p: Position): boolean {
  return comparePositions(outer.start, p) <= 0 && comparePositions(p, outer.end) <= 0;
}

/** Index of the first character that is not a space or tab, at or after `from`. */
export function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    // U+FEFF too: a byte-order mark, or a stray one that a concatenating pipeline left mid-file.
    if (c !== 0x20 && c !== 0x09 && c !== 0xfeff) break;
    i++;
  }
  return i;
}

/** Index just past the last character before `to` that is not whitespace. */
export function trimEnd(line: string, from: number, to: number = line.length): number {
  let i = to;
  while (i > from && isWhitespace(line.charCodeAt(i - 1))) i--;
  return i;
}

/** Whether a character code is an ASCII digit, `0` to `9`. */
export const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** JavaScript's `\s`: the Unicode white space and line terminators, and U+FEFF. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
