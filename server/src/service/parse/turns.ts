import type { Problem } from '../model';
import type { ParsedMarker } from './parsedChunk';
import type { ParsedSentiment, TurnFields } from './parsedTurn';
import type { ParseBase } from './parseBase';
import { classifyLine, type Header } from './lineKinds';
import { ANNOUNCING_LABELS, WHOLE_LABEL } from './linePatterns';
import { noteOn, noteRead, sentimentNote } from './sentimentNotes';
import { ownString, sharedString } from './sourceText';
import { lineRange, trimEnd } from '../util/text';
import { parseTime } from '../util/timestampFormat';

/*
 * The state machine that gathers classified lines into turns: a header opens a turn, text lines
 * and sentiment notes add to it, and the next header or a chunk marker closes it. The turns are
 * drafts here; `chunks.ts` numbers them and cuts them into chunks.
 */

/**
 * A turn while its lines are read: its fields so far (see `TurnFields`; its numbers in the model
 * are known only once chunks are cut, and are set then), and the reading's state. The draft is
 * what the turn is made from, so that no second object of its fields is made per turn.
 */
export type TurnDraft = { -readonly [K in keyof TurnFields]: TurnFields[K] } & {
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

/** A chunk marker, and how many turns come before it in its run of lines. */
export interface PlacedMarker {
  readonly marker: ParsedMarker;
  readonly turnsBefore: number;
}

/** The turns of a run of lines as drafts, its markers, and the problems found on the way. */
export interface ReadTurns {
  readonly drafts: TurnDraft[];
  readonly markers: PlacedMarker[];
  readonly problems: Problem[];
}

/** Reads the lines into turn drafts, from line `base.line` of the document on. */
export function readTurns(lines: readonly string[], base: ParseBase): ReadTurns {
  const problems: Problem[] = [];
  const drafts: TurnDraft[] = [];
  const markers: PlacedMarker[] = [];
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
  return { drafts, markers, problems };
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

/** Empty lists are many (most turns have no sentiment): they share one. */
export const NO_SENTIMENTS: readonly ParsedSentiment[] = Object.freeze([]);
const NO_PLACES: readonly number[] = Object.freeze([]);

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
export function unquote(draft: TurnDraft, lineAt: (line: number) => string): boolean {
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
