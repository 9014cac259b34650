import type { ChunkMarkerKind } from '../model';
import { makeHeader, type Header, type HeaderParts } from './header';
import { ParsedMarker } from './parsedChunk';
import type { ParsedSentiment } from './parsedTurn';
import { BARE_LABEL, CAST, LABEL_STAMP, LAST_WORD_OK, MARKERS, STAMP_LABEL } from './linePatterns';
import { boldHeader, bracketHeader, digitHeader, labelLineHeader, revContinuedHeader } from './layoutHeaders';
import { furnitureOf, type Furniture } from './furniture';
import { mayBeSentimentLine, sentimentLine } from './sentimentNotes';
import { sharedString } from './sourceText';
import { isDigit, skipBlanks, trimEnd } from '../util/text';

export type { Header, StampText } from './header';

/*
 * Each line is classified on its own: blank, chunk marker, sentiment note, turn header or text.
 * The state machine in `turns.ts` gathers the classified lines into turns.
 */

const BLANK = { kind: 'blank' } as const;

export type LineKind =
  | typeof BLANK
  | { readonly kind: 'marker'; readonly marker: ParsedMarker }
  | { readonly kind: 'sentiment'; readonly sentiment: ParsedSentiment; readonly end: number }
  | { readonly kind: 'header'; readonly header: Header }
  | { readonly kind: 'furniture'; readonly furniture: Furniture }
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

  // Nearly every header has a colon (after its label or in its stamp): most lines of speech have
  // none and are text. The exceptions start with `[` (`[12.3s]`), a digit (`17`, a cue number) or `Q.`/`A.`.
  // `Website: https://…` reads as a header too: a line with a link is asked about furniture first.
  const linked = line.includes('://', start) ? furnitureOf(line, start, end) : undefined;
  if (linked) return { kind: 'furniture', furniture: linked };
  const header = line.indexOf(':', start) < 0 && !mayHeadWithoutColon(line, start) ? undefined : turnHeader(line, start);
  if (header) return { kind: 'header', header };
  const furniture = furnitureOf(line, start, end);
  if (furniture) return { kind: 'furniture', furniture };
  return { kind: 'text', start };
}

function mayHeadWithoutColon(line: string, start: number): boolean {
  const first = line.charCodeAt(start);
  if (first === 0x5b /* [ */) return isDigit(line.charCodeAt(start + 1));
  return (first === 0x51 /* Q */ || first === 0x41) /* A */ && line.charCodeAt(start + 1) === 0x2e; /* . */
}

function turnHeader(line: string, start: number): Header | undefined {
  // A header begins with `[`, `**`, `(`, a digit, `spk_` or its label's first letter (\p{Lu},
  // \p{Lt} or \p{Lo}, none of them ASCII but A to Z): most lines of speech are turned away here,
  // without a pattern.
  const first = line.charCodeAt(start);
  const text = () => (start === 0 ? line : ' '.repeat(start) + line.slice(start));
  // The patterns allow leading blanks themselves; they run from the content start so a BOM is skipped.
  switch (first) {
    case 0x5b /* [ */: {
      const padded = text();
      return stampFirstHeader(padded, start) ?? bracketHeader(padded, start);
    }
    case 0x2a /* * */:
      return line.charCodeAt(start + 1) === 0x2a ? boldHeader(text(), start) : undefined;
    case 0x28 /* ( */:
      return revContinuedHeader(text(), start);
    default:
      if (isDigit(first)) return digitHeader(text(), start);
      if (first === 0x73 /* s */ && line.startsWith('spk_', start)) return labelFirstHeader(text(), start);
      if (first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return undefined;
      return labelFirstHeader(text(), start);
  }
}

/** `[00:01:31] Speaker 1: text`. */
function stampFirstHeader(text: string, start: number): Header | undefined {
  const m = STAMP_LABEL.exec(text);
  if (!m || !labelEndsWell(m[2]!)) return undefined;
  const stampStart = text.indexOf('[', start);
  const stampEnd = text.indexOf(']', stampStart) + 1;
  return withBody(text, m[0].length, {
    form: 'stamp-label',
    label: m[2]!,
    labelStart: text.indexOf(m[2]!, stampEnd),
    stamp: { inner: m[1]!, start: stampStart, end: stampEnd, valueStart: stampStart + 1 },
  });
}

/** The header with where its text starts, and whether any text follows it on its line. */
function withBody(text: string, matched: number, header: HeaderParts & { readonly form: Header['form'] }): Header {
  return makeHeader(header.form, text, matched, header);
}

/** `Name: [00:00:09] text`, `Speaker 1 (Mark Chen): "text"` or `Speaker 1: text`. */
function labelFirstHeader(text: string, start: number): Header | undefined {
  // A label holds no `:` or `(`, so the line's first colon ends it unless a `(` comes first, and
  // only the cast form has one there: each of the three patterns runs only where it can match.
  const colon = text.indexOf(':', start);
  const paren = text.indexOf('(', start);
  const cast = paren >= 0 && paren < colon;
  // Rev's `Name (00:12:41):`, Otter's `Name  12:41`, `DR: 00:12:41` and `Q.  text` first: a
  // parenthesised time is not a cast line's name.
  const other = labelLineHeader(text, start);
  if (other) return other;
  let m = !cast && text.charCodeAt(skipBlanks(text, colon + 1)) === 0x5b /* [ */ ? LABEL_STAMP.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const stampEnd = m[0].length;
    const stampStart = text.lastIndexOf('[', stampEnd);
    return withBody(text, stampEnd, {
      form: 'label-stamp',
      label: m[1]!,
      labelStart: start,
      stamp: { inner: m[2]!, start: stampStart, end: stampEnd, valueStart: stampStart + 1 },
    });
  }
  m = cast ? CAST.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const openParen = text.indexOf('(', start + m[1]!.length);
    const rawName = m[2]!;
    const name = rawName.trim();
    return withBody(text, m[0].length, {
      form: 'cast',
      label: m[1]!,
      labelStart: start,
      name,
      nameStart: openParen + 1 + rawName.indexOf(name),
    });
  }
  m = cast ? null : BARE_LABEL.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    return withBody(text, m[0].length, { form: 'label', label: m[1]!, labelStart: start });
  }
  return undefined;
}

/** Rejects `And then he said:` as a label: a label's last word is capitalised or a number. */
function labelEndsWell(label: string): boolean {
  return LAST_WORD_OK.test(label);
}
