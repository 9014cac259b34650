import type { SentimentForm } from '../model';
import { NoteShape, ParsedSentiment } from './parsedTurn';
import { isBareSentiment, sentimentMeaning, type SentimentMeaning } from './sentimentLexicon';
import { ownString } from './sourceText';
import { SENTIMENT_PREFIX } from './linePatterns';

/*
 * Sentiment notes: a line of its own (`Sentiment: X`, `(Sentiment: X)`, `[X sentiment]`) or the
 * end of a line of speech (`(X sentiment)`, `(X)`). Each distinct note line is read once.
 */

/**
 * `X sentiment`: the label before a blank-separated `sentiment` at the end. A string scan, not
 * `/\s+sentiment$/`, which retries every start in a long run of blanks.
 */
function sentimentSuffix(inner: string): string | undefined {
  const trimmed = inner.trimEnd();
  if (trimmed.length < 10 || trimmed.slice(-9).toLowerCase() !== 'sentiment') return undefined;
  const before = trimmed.charCodeAt(trimmed.length - 10);
  if (before !== 0x20 && before !== 0x09) return undefined;
  return trimmed.slice(0, -9).trim();
}

/** `Sentiment:` starts with an S, in any case, and the other forms with a bracket. */
export const mayBeSentimentLine = (first: number) => (first | 0x20) === 0x73 || first === 0x28 /* ( */ || first === 0x5b; /* [ */

/** `Sentiment: X`, `(Sentiment: X)` or `[X sentiment]`, alone on a line. */
export function sentimentLine(content: string, lineNumber: number, start: number): ParsedSentiment | undefined {
  if (!mayBeSentimentLine(content.charCodeAt(0))) return undefined;
  // A transcript writes the same few notes on line after line: each is read once.
  let note = content.length <= MAX_REMEMBERED_NOTE ? notesRead.get(content) : undefined;
  if (!note) {
    note = readSentimentLine(content);
    if (!note) return undefined;
    if (content.length <= MAX_REMEMBERED_NOTE) {
      if (notesRead.size >= 10_000) notesRead.clear();
      notesRead.set(ownString(content), note);
    }
  }
  return noteOn(note, lineNumber, start, start + content.length);
}

/** A note as read, where its label starts counted from the note's start. */
interface NoteRead {
  readonly meaning: SentimentMeaning;
  readonly form: SentimentForm;
  readonly labelOffset: number;
}

/** Notes are short; longer lines that start like one are mostly speech, not worth keeping. */
const MAX_REMEMBERED_NOTE = 64;
const notesRead = new Map<string, NoteRead>();

/** `Sentiment: X`, `(Sentiment: X)` or `[X sentiment]` as a line's whole content (trimmed). */
function readSentimentLine(content: string): NoteRead | undefined {
  const prefix = (content.charCodeAt(0) | 0x20) === 0x73 ? SENTIMENT_PREFIX.exec(content) : null;
  if (prefix) {
    const labelStart = prefix[0].length;
    if (labelStart >= content.length) return undefined;
    return noteRead(content.slice(labelStart), 'line', labelStart);
  }
  const open = content[0];
  const close = content[content.length - 1];
  if ((open === '(' && close === ')') || (open === '[' && close === ']')) {
    const inner = content.slice(1, -1);
    if (inner.includes(open) || inner.includes(close)) return undefined;
    const note = sentimentNote(inner, open === '(' ? 'paren' : 'bracket');
    if (note) return noteRead(note.label, note.form, 1 + note.offset);
  }
  return undefined;
}

/** The note whose label, untrimmed, starts `labelStart` characters into it. */
export function noteRead(rawLabel: string, form: SentimentForm, labelStart: number): NoteRead {
  const label = rawLabel.trim();
  return { meaning: sentimentMeaning(label), form, labelOffset: labelStart + rawLabel.indexOf(label) };
}

/**
 * Reads the inside of `(…)` or `[…]` as a sentiment note: `Sentiment: X` in parentheses,
 * `X sentiment` in either, or `X` alone in parentheses when X is a known sentiment word.
 */
export function sentimentNote(inner: string, brackets: 'paren' | 'bracket'): { label: string; offset: number; form: SentimentForm } | undefined {
  if (brackets === 'paren') {
    const prefix = SENTIMENT_PREFIX.exec(inner);
    if (prefix) {
      const label = inner.slice(prefix[0].length).trimEnd();
      return label ? { label, offset: prefix[0].length, form: 'parenthesized' } : undefined;
    }
  }
  const suffixLabel = sentimentSuffix(inner);
  if (suffixLabel !== undefined) {
    const offset = inner.length - inner.trimStart().length;
    return suffixLabel ? { label: suffixLabel, offset, form: brackets === 'paren' ? 'trailing' : 'bracketed' } : undefined;
  }
  if (brackets === 'paren' && isBareSentiment(inner)) {
    const label = inner.trim();
    return { label, offset: inner.indexOf(label), form: 'trailing-bare' };
  }
  return undefined;
}

/** The note read as `note`, spanning `[start, end)` of line `lineNumber`. */
export function noteOn(note: NoteRead, lineNumber: number, start: number, end: number): ParsedSentiment {
  return new ParsedSentiment(NoteShape.of(note.meaning, note.form, start, end, start + note.labelOffset), lineNumber);
}
