import type { BoundaryKind, ChunkMarkerKind, Problem, SentimentForm, TranscriptModel, TurnForm } from '../model';
import { ParsedChunk, ParsedMarker, ParsedSpeaker } from './parsedChunk';
import { NoteShape, ParsedSentiment, ParsedTurn, type SentimentMeaning, type TurnFields } from './parsedTurn';
import { isBareSentiment, sentimentMeaning } from './sentimentLexicon';
import { Memo, ownString, SectionText, sharedString } from './sourceText';
import { lineOffsets } from '../util/edits';
import { lineRange, skipBlanks, splitLines, trimEnd } from '../util/text';
import { parseTime } from '../util/timestampFormat';

/*
 * The parser reads a transcript line by line. Each line is classified on its own (blank, chunk
 * marker, sentiment note, turn header or text), then a small state machine gathers lines into
 * turns, and a second pass cuts the turns into chunks. Every regular expression is anchored and
 * free of nested ambiguous repetition, so a line is classified in time linear in its length.
 * Nothing here throws on input: what does not fit becomes a `Problem` and parsing goes on.
 */

/** A speaker label: capitalised first word, at most five words, the last capitalised or a number. */
const LABEL = String.raw`[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\d'’.\-]*(?: [\p{L}\p{M}\d'’.\-]+){0,4}`;
const STAMP = String.raw`\[(\d[^\[\]]{0,30})\]`;

const STAMP_LABEL = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
const LABEL_STAMP = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:[ \t]*${STAMP}`, 'u');
const CAST = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*\(([^()]{1,80})\)[ \t]*:(?=\s|$)`, 'u');
const BARE_LABEL = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
const WHOLE_LABEL = new RegExp(String.raw`^${LABEL}$`, 'u');
const LAST_WORD_OK = /(?:^|[ ])[\p{Lu}\p{Lt}\p{Lo}\d][^ ]*$/u;

const MARKERS: ReadonlyArray<[RegExp, ChunkMarkerKind]> = [
  [/^This chunk continues in the next part\.?$/i, 'continues'],
  [/^\[This chunk continues in the next part\.?\]$/i, 'continues-bracketed'],
  [/^\[?This is the last chunk\.?\]?$/i, 'last'],
];

const SENTIMENT_PREFIX = /^sentiment[ \t]*:[ \t]*/i;

/** The patterns built from parts above, for the ReDoS audit in the tests. */
export const COMPOSED_PATTERNS: readonly RegExp[] = [STAMP_LABEL, LABEL_STAMP, CAST, BARE_LABEL, WHOLE_LABEL];

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

/** Labels that stand for "whoever speaks next" and so can announce a name on the next line. */
const ANNOUNCING_LABELS = new Set(['speaker']);

/** A turn's header line as read, in characters of that line. */
interface Header {
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

type LineKind =
  | typeof BLANK
  | { readonly kind: 'marker'; readonly marker: ParsedMarker }
  | { readonly kind: 'sentiment'; readonly sentiment: ParsedSentiment; readonly end: number }
  | { readonly kind: 'header'; readonly header: Header }
  | { readonly kind: 'text'; readonly start: number };

/**
 * A turn while its lines are read: its fields so far (see `TurnFields`; its numbers in the model
 * are known only once chunks are cut, and are set then), and the reading's state. The draft is
 * what the turn is made from, so that no second object of its fields is made per turn.
 */
type TurnDraft = { -readonly [K in keyof TurnFields]: TurnFields[K] } & {
  /**
   * Each line of text: its line, first character and end; quotes not yet taken off. Both lists
   * start as the shared empty ones and are made at the first line or note (`addLine`, `addNote`):
   * most turns have one of each, and a list grown from empty by `push` takes room for 17.
   */
  lines: number[];
  notes: ParsedSentiment[];
  /** How many `"` the turn's text has, and where the last one is, to find one left open. */
  quoteCount: number;
  lastQuoteLine: number;
  lastQuoteCharacter: number;
  /** Set once a sentiment note follows the text: later text lines belong to no turn. */
  textClosed: boolean;
  /** An announced turn (`[00:16:08] Speaker: Researcher`) waiting for its `Researcher:` line. */
  awaitingAnnouncedText: boolean;
};

/**
 * Where a run of lines sits in its document: the number of its first line, and how many turns,
 * chunks and speakers come before it. A document is parsed from its start with all four at 0;
 * `sections.ts` re-parses only the sections an edit touches, each from its own base.
 */
export interface ParseBase {
  readonly line: number;
  readonly turn: number;
  readonly chunk: number;
  readonly speaker: number;
}

export const DOCUMENT_START: ParseBase = { line: 0, turn: 0, chunk: 0, speaker: 0 };

/** What a run of lines adds to the model: its chunks, turns and the rest, numbered from its base. */
export interface ModelPart extends Omit<TranscriptModel, 'lineCount' | 'chunks' | 'turns' | 'speakers' | 'markers'> {
  readonly chunks: readonly ParsedChunk[];
  readonly turns: readonly ParsedTurn[];
  readonly speakers: readonly ParsedSpeaker[];
  readonly markers: readonly ParsedMarker[];
}

export function parseTranscript(text: string): TranscriptModel {
  const lines = splitLines(text);
  return { ...parseLines(lines, DOCUMENT_START, new SectionText(text, 0, 0, lineOffsets(text))), lineCount: lines.length };
}

/**
 * Parses lines that begin a chunk: the first lines of a document, or the lines after a chunk
 * marker, where nothing before can carry on (a marker closes every turn and chunk). The turns
 * read their text from `source` later, so nothing made here keeps `lines` alive.
 */
export function parseLines(lines: readonly string[], base: ParseBase, source: SectionText): ModelPart {
  const problems: Problem[] = [];
  const drafts: TurnDraft[] = [];
  const markers: Array<{ marker: ParsedMarker; turnsBefore: number }> = [];
  let open: TurnDraft | undefined;

  const close = () => {
    if (open) drafts.push(open);
    open = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = base.line + i;
    const classified = classifyLine(line, lineNumber);
    switch (classified.kind) {
      case 'blank':
        break;
      case 'marker':
        close();
        markers.push({ marker: classified.marker, turnsBefore: drafts.length });
        break;
      case 'sentiment':
        if (open) {
          addNote(open, classified.sentiment);
          open.textClosed = true;
          open.endLine = lineNumber;
          open.endCharacter = classified.end;
        } else {
          problems.push({
            code: 'orphan-sentiment',
            message: 'This sentiment note follows no turn.',
            range: classified.sentiment.range,
          });
        }
        break;
      case 'header': {
        const { header } = classified;
        if (open?.awaitingAnnouncedText && header.form === 'label' && sameName(header.label, open.name)) {
          open.awaitingAnnouncedText = false;
          open.textClosed = false;
          open.echoLine = lineNumber;
          open.echoStart = header.labelStart;
          open.echoEnd = header.labelStart + header.label.length;
          addText(open, line, lineNumber, header.bodyStart);
          break;
        }
        close();
        open = startTurn(header, line, lineNumber, problems);
        break;
      }
      case 'text':
        if (open && !open.textClosed) {
          addText(open, line, lineNumber, classified.start);
        } else {
          problems.push({
            code: 'unrecognized-line',
            message: open
              ? 'This text follows a sentiment note, so it belongs to no turn. Start it with a speaker label.'
              : 'This line is not a turn, a sentiment note or a chunk marker.',
            range: lineRange(lineNumber, classified.start, trimEnd(line, classified.start)),
          });
        }
        break;
    }
  }
  close();

  for (const draft of drafts) checkQuotes(draft, problems);
  return assemble(drafts, markers, problems, base, lines, source);
}

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

function classifyLine(line: string, lineNumber: number): LineKind {
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

/** `Sentiment:` starts with an S, in any case, and the other forms with a bracket. */
const mayBeSentimentLine = (first: number) => (first | 0x20) === 0x73 || first === 0x28 /* ( */ || first === 0x5b; /* [ */

/** `Sentiment: X`, `(Sentiment: X)` or `[X sentiment]`, alone on a line. */
function sentimentLine(content: string, lineNumber: number, start: number): ParsedSentiment | undefined {
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
function noteRead(rawLabel: string, form: SentimentForm, labelStart: number): NoteRead {
  const label = rawLabel.trim();
  return { meaning: sentimentMeaning(label), form, labelOffset: labelStart + rawLabel.indexOf(label) };
}

/**
 * Reads the inside of `(…)` or `[…]` as a sentiment note: `Sentiment: X` in parentheses,
 * `X sentiment` in either, or `X` alone in parentheses when X is a known sentiment word.
 */
function sentimentNote(
  inner: string,
  brackets: 'paren' | 'bracket',
): { label: string; offset: number; form: SentimentForm } | undefined {
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
function noteOn(note: NoteRead, lineNumber: number, start: number, end: number): ParsedSentiment {
  return new ParsedSentiment(NoteShape.of(note.meaning, note.form, start, end, start + note.labelOffset), lineNumber);
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

function sameName(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function startTurn(header: Header, line: string, lineNumber: number, problems: Problem[]): TurnDraft {
  let valid: TurnDraft['stamp'];
  const { stamp } = header;
  if (stamp) {
    const parsed = parseTime(stamp.inner);
    if (parsed.ok) {
      valid = { seconds: parsed.seconds, format: parsed.format, start: stamp.start, end: stamp.end };
    } else {
      problems.push({
        code: 'timestamp-malformed',
        message: ownString(`[${stamp.inner}] is not a valid time: ${parsed.reason}.`),
        range: lineRange(lineNumber, stamp.start, stamp.end),
      });
    }
  }
  const end = trimEnd(line, header.bodyStart);
  const draft: TurnDraft = {
    form: header.form,
    label: sharedString(header.label),
    labelStart: header.labelStart,
    name: header.name === undefined ? undefined : sharedString(header.name),
    nameStart: header.nameStart ?? -1,
    echoLine: -1,
    echoStart: 0,
    echoEnd: 0,
    stamp: valid,
    index: 0,
    chunkIndex: 0,
    speakerIndex: 0,
    quoted: false,
    lines: NO_LINES,
    notes: NO_NOTES,
    segmentPlaces: NO_PLACES,
    sentiments: NO_SENTIMENTS,
    quoteCount: 0,
    lastQuoteLine: 0,
    lastQuoteCharacter: 0,
    headerLine: lineNumber,
    headerStart: Math.min(header.labelStart, stamp?.start ?? Infinity),
    headerEnd: end,
    endLine: lineNumber,
    endCharacter: end,
    textClosed: false,
    awaitingAnnouncedText: false,
  };

  const body = header.form === 'stamp-label' && ANNOUNCING_LABELS.has(header.label.toLowerCase()) ? line.slice(header.bodyStart, end) : undefined;
  if (body !== undefined && WHOLE_LABEL.test(body)) {
    draft.form = 'announced';
    draft.name = sharedString(body);
    draft.nameStart = header.bodyStart;
    draft.awaitingAnnouncedText = true;
    draft.textClosed = true;
    return draft;
  }
  addText(draft, line, lineNumber, header.bodyStart);
  return draft;
}

/** Adds one line of spoken text to a turn, taking a trailing sentiment note off its end. */
function addText(draft: TurnDraft, line: string, lineNumber: number, from: number): void {
  let end = trimEnd(line, from);
  if (end <= from) return;
  draft.endLine = lineNumber;
  draft.endCharacter = end;

  if (line.charCodeAt(end - 1) === 0x29 /* ) */) {
    const open = line.lastIndexOf('(', end - 1);
    if (open >= from) {
      const note = sentimentNote(line.slice(open + 1, end - 1), 'paren');
      if (note) {
        addNote(draft, noteOn(noteRead(note.label, note.form, 1 + note.offset), lineNumber, open, end));
        end = trimEnd(line, from, open);
      }
    }
  }
  for (let i = line.indexOf('"', from); i !== -1 && i < end; i = line.indexOf('"', i + 1)) {
    draft.quoteCount++;
    draft.lastQuoteLine = lineNumber;
    draft.lastQuoteCharacter = i;
  }
  if (end > from) addLine(draft, lineNumber, from, end);
}

function addLine(draft: TurnDraft, line: number, from: number, end: number): void {
  if (draft.lines === NO_LINES) draft.lines = [line, from, end];
  else draft.lines.push(line, from, end);
}

function addNote(draft: TurnDraft, note: ParsedSentiment): void {
  if (draft.notes === NO_NOTES) draft.notes = [note];
  else draft.notes.push(note);
}

/** The lists every draft starts with; frozen, as they are never added to (see `TurnDraft`). */
const NO_LINES = Object.freeze([]) as unknown as number[];
const NO_NOTES = Object.freeze([]) as unknown as ParsedSentiment[];

function checkQuotes(draft: TurnDraft, problems: Problem[]): void {
  if (draft.quoteCount % 2 === 1) {
    problems.push({
      code: 'unterminated-quote',
      message: 'This quotation mark is never closed in its turn.',
      range: lineRange(draft.lastQuoteLine, draft.lastQuoteCharacter, draft.lastQuoteCharacter + 1),
    });
  }
}

/**
 * Takes the opening and closing quote off a quoted turn's text (the draft's lines, read from
 * `lineAt`), dropping a line left empty, and says whether the text was quoted.
 */
function unquote(draft: TurnDraft, lineAt: (line: number) => string): boolean {
  const places = draft.lines;
  if (places.length === 0 || lineAt(places[0]!).charCodeAt(places[1]!) !== 0x22 /* " */) return false;
  places[1]!++;
  const last = places.length - 3;
  if (places[last + 2]! > places[last + 1]! && lineAt(places[last]!).charCodeAt(places[last + 2]! - 1) === 0x22) places[last + 2]!--;
  if (places.every((_, p) => p % 3 !== 0 || places[p + 2]! > places[p + 1]!)) return true;
  draft.lines = [];
  for (let p = 0; p < places.length; p += 3) if (places[p + 2]! > places[p + 1]!) draft.lines.push(places[p]!, places[p + 1]!, places[p + 2]!);
  return true;
}

/**
 * The shape that implicit chunk boundaries are read from: header form, quoting and sentiment
 * form, as one small number (compared for every turn, so not a string).
 */
function signature(draft: TurnDraft, quoted: boolean): number {
  const sentiment = draft.notes[0]?.form ?? 'none';
  return (SIGNATURE_FORMS.indexOf(draft.form) * 2 + (quoted ? 1 : 0)) * SIGNATURE_SENTIMENTS.length + SIGNATURE_SENTIMENTS.indexOf(sentiment);
}

const FORM_DESCRIPTIONS: Record<TurnForm, string> = {
  cast: 'Label (Name): text',
  'label-stamp': 'Label: [time] text',
  'stamp-label': '[time] Label: text',
  label: 'Label: text',
  announced: '[time] Speaker: Name, then Name: text',
};
const SENTIMENT_DESCRIPTIONS: Record<SentimentForm | 'none', string> = {
  line: 'Sentiment: X lines',
  parenthesized: '(Sentiment: X)',
  bracketed: '[X sentiment]',
  trailing: '(X sentiment)',
  'trailing-bare': '(X)',
  none: 'no sentiment',
};
const SIGNATURE_FORMS = Object.keys(FORM_DESCRIPTIONS) as TurnForm[];
const SIGNATURE_SENTIMENTS = Object.keys(SENTIMENT_DESCRIPTIONS) as Array<SentimentForm | 'none'>;

/** Each chunk's format in words, one string per signature. */
const DESCRIPTIONS: readonly string[] = SIGNATURE_FORMS.flatMap((form) => [false, true].flatMap((quoted) =>
  SIGNATURE_SENTIMENTS.map((sentiment) => `${FORM_DESCRIPTIONS[form]}${quoted ? ', quoted' : ''}; ${SENTIMENT_DESCRIPTIONS[sentiment]}`)));

/**
 * A copy of an array built by `push`, at its length. V8 gives a growing array room for 16 more
 * elements, and the model keeps tens of thousands of small arrays (the turn numbers of each
 * speaker of each chunk): spare room in all of them once was about a tenth of the model's heap.
 */
function exact<T>(array: T[]): T[] {
  return array.slice();
}

/**
 * A label or name lower-cased, to tell a chunk's speakers apart: the same few labels come back
 * in every chunk, and lower-casing each turn's anew made a string a turn.
 */
function lowerCased(label: string): string {
  return lowerCaseLabels.get(label, (own) => ownString(own.toLowerCase()));
}
const lowerCaseLabels = new Memo<string>(10_000);

/** Empty lists are many (most turns have no sentiment): they share one. */
const NO_SENTIMENTS: readonly ParsedSentiment[] = Object.freeze([]);
const NO_PLACES: readonly number[] = Object.freeze([]);

function assemble(
  drafts: readonly TurnDraft[],
  markers: ReadonlyArray<{ marker: ParsedMarker; turnsBefore: number }>,
  problems: Problem[],
  base: ParseBase,
  lines: readonly string[],
  source: SectionText,
): ModelPart {
  const lineAt = (line: number) => lines[line - base.line]!;
  const turns: ParsedTurn[] = [];
  const chunks: ParsedChunk[] = [];
  const speakers: ParsedSpeaker[] = [];

  /** The chunk's turns so far: the first one's index, and how many. */
  let chunkFirstTurn = 0;
  let chunkTurnCount = 0;
  let chunkBoundary: BoundaryKind = base.chunk === 0 ? 'document-start' : 'explicit';
  let chunkSignature: number | undefined;
  /** Earliest and latest valid stamps of the chunk's turns so far; -1 before the first. */
  let earliest = -1;
  let latest = -1;
  let chunkSpeakers = new Map<string, { index: number; turnIndices: number[]; name?: string; label: string }>();

  const finishChunk = (endMarker: ParsedMarker | undefined) => {
    if (chunkTurnCount === 0 && !endMarker) return;
    const chunkIndex = base.chunk + chunks.length;
    const first = chunkTurnCount ? turns[chunkFirstTurn - base.turn]! : undefined;
    const last = chunkTurnCount ? turns[chunkFirstTurn + chunkTurnCount - 1 - base.turn]! : undefined;
    const { start } = first?.range ?? endMarker!.range;
    const { end } = endMarker?.range ?? last!.range;
    chunks.push(new ParsedChunk({
      index: chunkIndex,
      boundary: chunkBoundary,
      endMarker,
      firstTurn: chunkTurnCount ? chunkFirstTurn : 0,
      turnCount: chunkTurnCount,
      startLine: start.line,
      startCharacter: start.character,
      endLine: end.line,
      endCharacter: end.character,
      earliest,
      latest,
      format: chunkSignature === undefined ? 'no turns' : DESCRIPTIONS[chunkSignature]!,
    }));
    for (const s of chunkSpeakers.values()) {
      speakers[s.index - base.speaker] = new ParsedSpeaker(s.index, chunkIndex, s.label, s.name, exact(s.turnIndices));
    }
    chunkTurnCount = 0;
    earliest = -1;
    latest = -1;
    chunkSignature = undefined;
    chunkSpeakers = new Map();
  };

  let markerIndex = 0;
  for (let i = 0; i <= drafts.length; i++) {
    while (markerIndex < markers.length && markers[markerIndex]!.turnsBefore === i) {
      finishChunk(markers[markerIndex]!.marker);
      chunkBoundary = 'explicit';
      markerIndex++;
    }
    const draft = drafts[i];
    if (!draft) break;

    const quoted = unquote(draft, lineAt);
    const sig = signature(draft, quoted);
    if (chunkSignature !== undefined && sig !== chunkSignature) {
      finishChunk(undefined);
      chunkBoundary = 'implicit';
    }
    chunkSignature = sig;

    const speakerKey = lowerCased(draft.form === 'announced' ? draft.name! : draft.label);
    let speaker = chunkSpeakers.get(speakerKey);
    if (!speaker) {
      speaker = { index: base.speaker + speakers.length + chunkSpeakers.size, turnIndices: [], label: draft.label };
      chunkSpeakers.set(speakerKey, speaker);
    }
    if (speaker.name === undefined && draft.name !== undefined) speaker.name = draft.name;
    const turnIndex = base.turn + turns.length;
    speaker.turnIndices.push(turnIndex);

    draft.index = turnIndex;
    draft.chunkIndex = base.chunk + chunks.length;
    draft.speakerIndex = speaker.index;
    draft.quoted = quoted;
    draft.segmentPlaces = draft.lines;
    draft.sentiments = draft.notes.length === 0 ? NO_SENTIMENTS : draft.notes;
    turns.push(new ParsedTurn(draft, source));
    if (chunkTurnCount++ === 0) chunkFirstTurn = turnIndex;
    const seconds = draft.stamp?.seconds;
    if (seconds !== undefined) {
      earliest = earliest < 0 ? seconds : Math.min(earliest, seconds);
      latest = latest < 0 ? seconds : Math.max(latest, seconds);
    }
  }
  finishChunk(undefined);

  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // The lists are not kept (the model's take their objects), so they go as they are.
  return { chunks, turns, speakers, markers: markers.map((m) => m.marker), problems };
}
