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

const TOKEN = /\S+/g;
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
    for (const match of segment.text.matchAll(TOKEN)) {
      const norm = normalizeWord(match[0]);
      if (!norm) continue;
      const start = character + match.index!;
      words.push({ norm, raw: match[0], turnIndex: turn.index, line, start, end: start + match[0].length });
    }
  }
  return words;
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
