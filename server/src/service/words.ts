import type { Range, TranscriptModel, Turn } from './model';
import { lineRange } from './text';

/** One spoken word of a turn, with its place in the source. */
export interface Word {
  /** Lower-cased, with surrounding punctuation removed: what comparisons use. */
  readonly norm: string;
  /** The token as written, punctuation included. */
  readonly raw: string;
  readonly turnIndex: number;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const isWordCharacter = (token: string, index: number) => {
  const code = token.charCodeAt(index);
  // ASCII fast path; other characters (and surrogate halves, checked as the pair) by Unicode class.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  let codePoint = token.codePointAt(index)!;
  if (codePoint >= 0xdc00 && codePoint <= 0xdfff && index > 0) {
    const pair = token.codePointAt(index - 1)!;
    if (pair > 0xffff) codePoint = pair;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
};

/** Lower-cases a token and takes the punctuation off both ends, in one pass over each end. */
export function normalizeWord(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && !isWordCharacter(token, start)) start++;
  while (end > start && !isWordCharacter(token, end - 1)) end--;
  return token.slice(start, end).toLowerCase();
}

/** The words of one turn, in order. Tokens that are only punctuation are not words. */
export function turnWords(turn: Turn): Word[] {
  const words: Word[] = [];
  for (const segment of turn.segments) {
    const { line, character } = segment.range.start;
    forEachToken(segment.text, (token, index) => {
      const norm = normalizeWord(token);
      if (norm) words.push({ norm, raw: token, turnIndex: turn.index, line, start: character + index, end: character + index + token.length });
    });
  }
  return words;
}

/** Only the compared form of each word of a turn: what the overlap check reads of most turns. */
export function turnNorms(turn: Turn): string[] {
  const norms: string[] = [];
  for (const segment of turn.segments) {
    forEachToken(segment.text, (token) => {
      const norm = normalizeWord(token);
      if (norm) norms.push(norm);
    });
  }
  return norms;
}

/** Calls `visit` with each run of non-whitespace (what `/\S+/g` matches) and where it starts. */
function forEachToken(text: string, visit: (token: string, index: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || isWhitespace(text.charCodeAt(i));
    if (blank && start >= 0) {
      visit(text.slice(start, i), start);
      start = -1;
    } else if (!blank && start < 0) {
      start = i;
    }
  }
}

/** JavaScript's `\s`: the Unicode white space and line terminators, and U+FEFF. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function wordRange(first: Word, last: Word): Range {
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}

export function singleWordRange(word: Word): Range {
  return lineRange(word.line, word.start, word.end);
}

/** How often each word occurs in the spoken text of the whole document. */
export function wordFrequencies(model: TranscriptModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const turn of model.turns) {
    for (const word of turnWords(turn)) counts.set(word.norm, (counts.get(word.norm) ?? 0) + 1);
  }
  return counts;
}
