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
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function normalizeWord(token: string): string {
  return token.replace(EDGE_PUNCTUATION, '').toLowerCase();
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
