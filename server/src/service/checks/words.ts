import type { TextSegment, TranscriptModel, Turn } from '../model';
import { sharedString } from '../parse/sourceText';
import { isWhitespace } from '../util/text';

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

/**
 * Where a token's letters and digits start and end: the part `normalizeWord` keeps, before
 * lower-casing (`“thank` → [1, 6), `you.”` → [0, 3)). `[n, n)` for a token that is only punctuation.
 */
export function wordCore(token: string): { readonly start: number; readonly end: number } {
  let start = 0;
  let end = token.length;
  while (start < end && !isWordCharacter(token, start)) start++;
  while (end > start && !isWordCharacter(token, end - 1)) end--;
  return { start, end };
}

/** The words of one turn, in order. Tokens that are only punctuation are not words. */
export function turnWords(turn: Turn): Word[] {
  const words: Word[] = [];
  forEachWord(turn.segments, (text, start, end, line, character) => words.push(makeWord(turn, text.slice(start, end), line, character + start)));
  return words;
}

/** How many words `turnWords` finds in a turn, none of them made: a seam's people link asks it of every repeat, on every keystroke. */
export function turnWordCount(turn: Turn): number {
  let count = 0;
  forEachWord(turn.segments, () => void count++);
  return count;
}

/** The first and last words of a turn as written (`raw`, as `turnWords` gives them), no other word made; undefined when it has none. */
export function edgeWords(turn: Turn): { first: string; last: string } | undefined {
  let first: string | undefined;
  let lastText = '';
  let lastStart = 0;
  let lastEnd = 0;
  forEachWord(turn.segments, (text, start, end) => {
    first ??= text.slice(start, end);
    lastText = text;
    lastStart = start;
    lastEnd = end;
  });
  return first === undefined ? undefined : { first, last: lastText.slice(lastStart, lastEnd) };
}

/**
 * Where each word of a turn is: three numbers a word (its line, start and end), and no string
 * made, so that a caller that needs a few of a long turn's words reads only those.
 */
export function wordPlaces(segments: readonly TextSegment[]): number[] {
  const places: number[] = [];
  forEachWord(segments, (_text, start, end, line, character) => places.push(line, character + start, character + end));
  return places;
}

/** Calls `visit` with each word of the segments: where it is in its segment's text, and where that text is. */
function forEachWord(
  segments: readonly TextSegment[],
  visit: (text: string, start: number, end: number, line: number, character: number) => void,
): void {
  for (const { text, range } of segments) {
    const { line, character } = range.start;
    forEachToken(text, (start, end) => {
      if (isWord(text, start, end)) visit(text, start, end, line, character);
    });
  }
}

function makeWord(turn: Turn, raw: string, line: number, start: number): Word {
  // Shared copies: overlap results keep their words across versions, and must not keep the
  // text of each; and a transcript's words are mostly the same few thousand.
  return { norm: sharedString(normalizeWord(raw)), raw: sharedString(raw), turnIndex: turn.index, line, start, end: start + raw.length };
}

/** Whether `text[start, end)` is a word: not only punctuation. */
function isWord(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x80) return normalizeWord(text.slice(start, end)) !== '';
    if (isAsciiWordCharacter(code)) return true;
  }
  return false;
}

/**
 * The words of a turn as numbers, for the overlap check, which reads tens of words on each side
 * of every chunk boundary: a 53-bit hash of each word's compared form (`norm`), and of its first
 * four letters (its stem; -1 when the word is shorter). Pure-ASCII words, nearly all of them,
 * are hashed straight from the text without making a string; other words go through
 * `normalizeWord` first, so both ways hash the same `norm`. Two different words share a hash
 * with odds of about 1 in 2^53 a pair: nothing a transcript will meet.
 */
export interface WordCodes {
  readonly words: ArrayLike<number>;
  readonly stems: ArrayLike<number>;
}

/** Where `wordCodesInto` puts each word's code and its stem's. */
export interface CodeSink {
  add(word: number, stem: number): void;
}

/**
 * The codes of at most `limit` words of a turn, each handed to `sink` as it is made: its first
 * words in text order, or, `fromEnd`, its last words from the last one back. A long speech is
 * read only as far as the check looks. Returns how many words were read.
 */
export function wordCodesInto(turn: Pick<Turn, 'readSegments'>, limit: number, fromEnd: boolean, sink: CodeSink): number {
  let count = 0;
  turn.readSegments((text, start, end) => {
    if (fromEnd) {
      // Tokens from the last one back: skip blanks, then find the token's start.
      let i = end;
      while (count < limit) {
        while (i > start && isWhitespace(text.charCodeAt(i - 1))) i--;
        if (i === start) break;
        const tokenEnd = i;
        while (i > start && !isWhitespace(text.charCodeAt(i - 1))) i--;
        if (hashToken(text, i, tokenEnd, sink) >= 0) count++;
      }
    } else {
      let i = start;
      while (count < limit) {
        while (i < end && isWhitespace(text.charCodeAt(i))) i++;
        if (i === end) break;
        const read = hashToken(text, i, end, sink);
        if (read >= 0) count++;
        i = read >= 0 ? read : ~read;
      }
    }
    return count >= limit;
  }, fromEnd);
  return count;
}

/**
 * Reads the token starting at `text[start]` (not white space) up to the first white space
 * before `end`, and adds its code unless it is only punctuation. Gives where the token ends, or,
 * when it added nothing, the bitwise complement of that place (a negative number).
 *
 * An ASCII token, nearly every token, is read once: its letters are hashed as they are met, from
 * its first letter or digit, and the hash as it stood after its last one is the word's, so that
 * the punctuation around a word is left out without a second pass. A token with other
 * characters is read again through `normalizeWord`, so both ways hash the same compared form.
 */
function hashToken(text: string, start: number, end: number, sink: CodeSink): number {
  let low = HASH_LOW;
  let high = HASH_HIGH;
  let hashed = 0;
  let stem = -1;
  // The hash after the token's last letter or digit, and how many characters it had read.
  let wordLow = 0;
  let wordHigh = 0;
  let wordLength = 0;
  let i = start;
  for (; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code <= 0x20 || code >= 0x80) {
      if (isWhitespace(code)) break;
      if (code >= 0x80) return otherToken(text, start, i, end, sink);
    }
    const wordCharacter = isAsciiWordCharacter(code);
    // Punctuation before the first letter is not hashed.
    if (hashed === 0 && !wordCharacter) continue;
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
    high ^= high >>> 15;
    if (++hashed === STEM_LENGTH) stem = finishHash(low, high);
    if (wordCharacter) {
      wordLow = low;
      wordHigh = high;
      wordLength = hashed;
    }
  }
  if (wordLength === 0) return ~i;
  sink.add(finishHash(wordLow, wordHigh), wordLength >= STEM_LENGTH ? stem : -1);
  return i;
}

/** `hashToken` for a token with a character outside ASCII at `at`: found to its end, then hashed as `normalizeWord` gives it. */
function otherToken(text: string, start: number, at: number, end: number, sink: CodeSink): number {
  let tokenEnd = at;
  while (tokenEnd < end && !isWhitespace(text.charCodeAt(tokenEnd))) tokenEnd++;
  const norm = normalizeWord(text.slice(start, tokenEnd));
  if (!norm) return ~tokenEnd;
  hashWord(norm, sink);
  return tokenEnd;
}

const isAsciiWordCharacter = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/** The two hashes' starting values, and the characters a stem has. */
const HASH_LOW = 0x811c9dc5;
const HASH_HIGH = 0x27d4eb2f;
const STEM_LENGTH = 4;

/**
 * Adds the hash of a compared form (`normalizeWord`'s) and of its first four characters: two
 * 32-bit multiplicative hashes, one 53-bit number. The stem's hash is the word's hash after four
 * characters, so each word is read once. `hashToken` hashes ASCII words the same way.
 */
function hashWord(norm: string, sink: CodeSink): void {
  let low = HASH_LOW;
  let high = HASH_HIGH;
  let stem = -1;
  for (let i = 0; i < norm.length; i++) {
    const code = norm.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
    high ^= high >>> 15;
    if (i === STEM_LENGTH - 1) stem = finishHash(low, high);
  }
  sink.add(finishHash(low, high), stem);
}

function finishHash(low: number, high: number): number {
  low ^= low >>> 16;
  low = Math.imul(low, 0x85ebca6b);
  low ^= low >>> 13;
  return (high & 0x1fffff) * 0x100000000 + (low >>> 0);
}

/** Calls `visit` with where each run of non-whitespace (what `/\S+/g` matches) starts and ends. */
function forEachToken(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || isWhitespace(text.charCodeAt(i));
    if (blank && start >= 0) {
      visit(start, i);
      start = -1;
    } else if (!blank && start < 0) {
      start = i;
    }
  }
}

const CLOSING_CHARACTERS = `"'”’)]`;

/** How many of a token's last characters close a quote or a bracket. */
export function closingLength(token: string): number {
  let start = token.length;
  while (start > 0 && CLOSING_CHARACTERS.includes(token[start - 1]!)) start--;
  return token.length - start;
}

/** Whether a sentence ends with this token: `.`, `?` or `!` before any closing quote or bracket; not the `...` of a cut-off. */
export function endsSentence(token: string): boolean {
  const bare = token.slice(0, token.length - closingLength(token));
  return /[.?!]$/.test(bare) && !bare.endsWith('...');
}

/** How often each word occurs in the spoken text of the whole document. */
export function wordFrequencies(model: TranscriptModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const turn of model.turns) {
    for (const word of turnWords(turn)) counts.set(word.norm, (counts.get(word.norm) ?? 0) + 1);
  }
  return counts;
}
