import type { ChunkMarkerKind, TurnForm } from '../model';
import { ParsedMarker } from './parsedChunk';
import type { ParsedSentiment } from './parsedTurn';
import { BARE_LABEL, CAST, LABEL_STAMP, LAST_WORD_OK, MARKERS, STAMP_LABEL } from './linePatterns';
import { mayBeSentimentLine, sentimentLine } from './sentimentNotes';
import { sharedString } from './sourceText';
import { skipBlanks, trimEnd } from '../util/text';

/*
 * Each line is classified on its own: blank, chunk marker, sentiment note, turn header or text.
 * The state machine in `turns.ts` gathers the classified lines into turns.
 */

/** A turn's header line as read, in characters of that line. */
export interface Header {
  readonly form: Exclude<TurnForm, 'announced'>;
  readonly label: string;
  readonly labelStart: number;
  readonly name?: string;
  readonly nameStart?: number;
  /** The stamp's text between the brackets, and where its `[` and the character after its `]` are. */
  readonly stamp?: { readonly inner: string; readonly start: number; readonly end: number };
  /** Where the turn's text begins on the header line. */
  readonly bodyStart: number;
}

const BLANK = { kind: 'blank' } as const;

export type LineKind =
  | typeof BLANK
  | { readonly kind: 'marker'; readonly marker: ParsedMarker }
  | { readonly kind: 'sentiment'; readonly sentiment: ParsedSentiment; readonly end: number }
  | { readonly kind: 'header'; readonly header: Header }
  | { readonly kind: 'text'; readonly start: number };

/** Whether a line is a chunk marker, as `classifyLine` reads it: the lines that end a section. */
export function isChunkMarker(line: string): boolean {
  const start = skipBlanks(line, 0);
  // Most lines are turned away before a slice is made.
  if (!mayBeMarker(line.charCodeAt(start))) return false;
  return markerKind(line.slice(start, trimEnd(line, start))) !== undefined;
}

/** Every marker starts with `T`, `t` or `[`. */
const mayBeMarker = (first: number) => first === 0x54 || first === 0x74 || first === 0x5b;

function markerKind(content: string): ChunkMarkerKind | undefined {
  if (!mayBeMarker(content.charCodeAt(0))) return undefined;
  // An indexed loop: the for-of with destructuring it replaces took V8 several times longer to compile
  // (it is among the first functions optimised while a big transcript opens).
  for (let k = 0; k < MARKERS.length; k++) if (MARKERS[k]![0].test(content)) return MARKERS[k]![1];
  return undefined;
}

export function classifyLine(line: string, lineNumber: number): LineKind {
  const start = skipBlanks(line, 0);
  const end = trimEnd(line, start);
  if (start >= end) return BLANK;
  // Markers and sentiment lines start with one of a few characters: only those lines are sliced.
  const first = line.charCodeAt(start);
  if (mayBeMarker(first) || mayBeSentimentLine(first)) {
    const content = line.slice(start, end);
    const markerKindOfLine = markerKind(content);
    if (markerKindOfLine) {
      return { kind: 'marker', marker: new ParsedMarker(markerKindOfLine, sharedString(content), lineNumber, start, end) };
    }
    const sentiment = sentimentLine(content, lineNumber, start);
    if (sentiment) return { kind: 'sentiment', sentiment, end };
  }

  // Every header has a colon after its label: a line without one (most lines of speech) is text.
  const header = line.indexOf(':', start) < 0 ? undefined : turnHeader(line, start);
  if (header) return { kind: 'header', header };
  return { kind: 'text', start };
}

function turnHeader(line: string, start: number): Header | undefined {
  // A header begins with its stamp's `[` or its label's first letter (\p{Lu}, \p{Lt} or \p{Lo},
  // none of them ASCII but A to Z): most lines of speech are turned away here, without a pattern.
  const first = line.charCodeAt(start);
  const stampFirst = first === 0x5b;
  if (!stampFirst && first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return undefined;
  // The patterns allow leading blanks themselves; run them from the content start so a BOM is skipped.
  const text = start === 0 ? line : ' '.repeat(start) + line.slice(start);
  return stampFirst ? stampFirstHeader(text, start) : labelFirstHeader(text, start);
}

/** `[00:01:31] Speaker 1: text`. */
function stampFirstHeader(text: string, start: number): Header | undefined {
  const m = STAMP_LABEL.exec(text);
  if (!m || !labelEndsWell(m[2]!)) return undefined;
  const stampStart = text.indexOf('[', start);
  const stampEnd = text.indexOf(']', stampStart) + 1;
  return {
    form: 'stamp-label',
    label: m[2]!,
    labelStart: text.indexOf(m[2]!, stampEnd),
    stamp: { inner: m[1]!, start: stampStart, end: stampEnd },
    bodyStart: skipBlanks(text, m[0].length),
  };
}

/** `Name: [00:00:09] text`, `Speaker 1 (Mark Chen): "text"` or `Speaker 1: text`. */
function labelFirstHeader(text: string, start: number): Header | undefined {
  // A label holds no `:` or `(`, so the line's first colon ends it unless a `(` comes first, and
  // only the cast form has one there: each of the three patterns runs only where it can match.
  const colon = text.indexOf(':', start);
  const paren = text.indexOf('(', start);
  const cast = paren >= 0 && paren < colon;
  let m = !cast && text.charCodeAt(skipBlanks(text, colon + 1)) === 0x5b /* [ */ ? LABEL_STAMP.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const stampEnd = m[0].length;
    return {
      form: 'label-stamp',
      label: m[1]!,
      labelStart: start,
      stamp: { inner: m[2]!, start: text.lastIndexOf('[', stampEnd), end: stampEnd },
      bodyStart: skipBlanks(text, stampEnd),
    };
  }
  m = cast ? CAST.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const openParen = text.indexOf('(', start + m[1]!.length);
    const rawName = m[2]!;
    const name = rawName.trim();
    return {
      form: 'cast',
      label: m[1]!,
      labelStart: start,
      name,
      nameStart: openParen + 1 + rawName.indexOf(name),
      bodyStart: skipBlanks(text, m[0].length),
    };
  }
  m = cast ? null : BARE_LABEL.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    return { form: 'label', label: m[1]!, labelStart: start, bodyStart: skipBlanks(text, m[0].length) };
  }
  return undefined;
}

/** Rejects `And then he said:` as a label: a label's last word is capitalised or a number. */
function labelEndsWell(label: string): boolean {
  return LAST_WORD_OK.test(label);
}
