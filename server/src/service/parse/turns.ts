import type { Problem } from '../model';
import type { ParsedMarker } from './parsedChunk';
import type { ParsedSentiment, StampPlace, TurnFields } from './parsedTurn';
import type { ParseBase } from './parseBase';
import { classifyLine, type Header, type LineKind } from './lineKinds';
import { CueMarkup } from './cueMarkup';
import { ANNOUNCING_LABELS, CUE_LABEL, LAST_WORD_OK, VOICE_TAG, WHOLE_LABEL } from './linePatterns';
import { sniffSection, type CueCounts, type SectionLayout } from './layoutSniffing';
import { readNumberedPages } from './numberedPages';
import { SWALLOWED } from './furniture';
import { noteOn, noteRead, sentimentNote } from './sentimentNotes';
import { ownString, sharedString } from './sourceText';
import { lineRange, skipBlanks, trimEnd } from '../util/text';
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
  /** A speaker's name alone on its line, whose first stamped segment below is still to come. */
  awaitingSegment: boolean;
};

/** A chunk marker, and how many turns come before it in its run of lines. */
export interface PlacedMarker {
  readonly marker: ParsedMarker;
  readonly turnsBefore: number;
}

/** The turns of a run of lines as drafts, its markers, and the problems found on the way. */
interface Reading {
  readonly drafts: TurnDraft[];
  readonly markers: PlacedMarker[];
  readonly problems: Problem[];
}

/**
 * Which turns read would read the same from their own lines alone, the lines around them being as
 * they are (see `turnReread.ts`): `cues`, each cue turn, in subtitles whose cues do not join
 * (word-level subtitles join a cue to the one before it); `speakers`, each turn of a run of lines
 * with no chunk marker, no cue timing line and no join by repeat looked for yet (that is for the
 * caller to weigh), given that its header's line classifies as it did. Either way the run has no
 * front matter that a fence typed below would close (a closed one ends at its first closing
 * fence, above every turn) and no suspect header (whose rule weighs the section's length).
 */
export type StandAlone = 'cues' | 'speakers' | undefined;

export interface ReadTurns extends Reading {
  readonly standAlone: StandAlone;
  /** For lines that are one section of subtitles, its counts of cues and of other families' headers (`SectionLayout`). */
  readonly cueCounts: CueCounts | undefined;
}

/** How one section read: which of its turns stand alone, and its counts of cues. */
interface SectionReading {
  readonly standAlone: StandAlone;
  readonly cueCounts: CueCounts | undefined;
}

/** Reads the lines into turn drafts, from line `base.line` of the document on. */
export function readTurns(lines: readonly string[], base: ParseBase): ReadTurns {
  const read: Reading = { drafts: [], markers: [], problems: [] };
  const sections: SectionReading[] = [];
  // Section by section (a chunk marker ends one): each is sniffed for its layout on its own.
  const kinds: LineKind[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const kind = classifyLine(lines[i]!, base.line + i);
    kinds.push(kind);
    if (kind.kind === 'marker' || i === lines.length - 1) {
      sections.push(readSection(lines, kinds, from, i + 1, base, read));
      from = i + 1;
      // The kinds of a section read are not needed again: they go, so that a big file never holds them all.
      kinds.length = 0;
    }
  }
  for (const draft of read.drafts) checkQuotes(draft, read.problems);
  // Cues stand alone in every run of cues; speakers' turns only where no marker cut the lines.
  const standAlone = sections.every((each) => each.standAlone === 'cues') ? 'cues' : sections.length === 1 ? sections[0]!.standAlone : undefined;
  const cueCounts = sections.length === 1 && standAlone === 'cues' ? sections[0]!.cueCounts : undefined;
  return { ...read, standAlone, cueCounts };
}

/** Lines a header may hold before it is suspected of taking in what is not its turn. */
const SUSPECT_LINES = 200;
const SUSPECT_LINE: LineKind = { kind: 'furniture', furniture: SWALLOWED };

/**
 * Reads the section `lines[from, to)`, whose kinds are `kinds[0, to - from)`, into `read`; says
 * which of its turns stand alone (see `StandAlone`).
 */
function readSection(lines: readonly string[], kinds: LineKind[], from: number, to: number, base: ParseBase, read: Reading): SectionReading {
  const asWritten = lines.slice(from, to);
  // A court record's numbered pages are read with each line's number as margin.
  const numberedPages = readNumberedPages(asWritten, kinds, base.line + from);
  const sectionLines = numberedPages ?? asWritten;
  const atDocumentStart = base.line + from === 0;
  const layout = sniffSection(sectionLines, kinds, 0, to - from, atDocumentStart);
  const suspects: Problem[] = [];
  for (;;) {
    const attempt: Reading = { drafts: [], markers: [], problems: [] };
    readKinds(sectionLines, kinds, base.line + from, layout, atDocumentStart && read.drafts.length === 0, read.drafts.length, attempt);
    // A header followed by hundreds of lines and a fifth of its section with no other header is
    // more likely a line of furniture (`Height: 400`) than a turn: it is read as text, and said so.
    const swallower = attempt.drafts.find((d) => d.endLine - d.headerLine >= SUSPECT_LINES && (d.endLine - d.headerLine) * 5 > to - from);
    if (!swallower) {
      read.drafts.push(...attempt.drafts);
      read.markers.push(...attempt.markers);
      read.problems.push(...suspects, ...attempt.problems);
      const { cueCounts } = layout;
      // A turn of numbered pages is not read alone: its lines would be read without their margin.
      if (layout.frontMatter === 'open' || suspects.length > 0 || numberedPages) return { standAlone: undefined, cueCounts };
      if (layout.cues) return { standAlone: layout.joinCues ? undefined : 'cues', cueCounts };
      return { standAlone: layout.cueTimings ? undefined : 'speakers', cueCounts };
    }
    const k = swallower.headerLine - base.line - from;
    const line = sectionLines[k]!;
    suspects.push({
      code: 'suspect-header',
      message: ownString(
        `This line reads as a turn header, but the ${swallower.endLine - swallower.headerLine} lines after it hold no other header, so it is read as text, not as a turn.`,
      ),
      range: lineRange(swallower.headerLine, skipBlanks(line, 0), trimEnd(line, 0)),
    });
    // Its lines are said once, by this warning, rather than each as a line of no turn.
    for (let j = k; j <= swallower.endLine - base.line - from; j++) if (kinds[j]!.kind !== 'blank') kinds[j] = SUSPECT_LINE;
  }
}

/**
 * The state machine over one section's classified lines. `preamble`: the section starts the
 * document and no turn came before, so text before its first turn is the document's preamble
 * (a title, a description) rather than a problem. `turnsBefore`: the drafts of earlier sections.
 */
function readKinds(
  lines: readonly string[],
  kinds: readonly LineKind[],
  firstLine: number,
  layout: SectionLayout,
  preamble: boolean,
  turnsBefore: number,
  { drafts, markers, problems }: Reading,
): void {
  let open: TurnDraft | undefined;
  /** The last label a header wrote: a header that writes none (`(00:13:02):`, a segment) goes on with it. */
  let currentLabel: string | undefined;
  let sawTurn = false;

  const close = () => {
    if (open) drafts.push(open);
    open = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = firstLine + i;
    const classified = kinds[i]!;
    switch (classified.kind) {
      case 'blank':
        // A blank line ends a cue; in word-level subtitles the next cue may still join it.
        if (layout.cues && open) open.textClosed = true;
        break;
      case 'marker':
        close();
        markers.push({ marker: classified.marker, turnsBefore: turnsBefore + drafts.length });
        break;
      case 'furniture':
        if (classified.furniture.closesTurn) close();
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
        sawTurn = true;
        if (open?.awaitingAnnouncedText && header.form === 'label' && sameName(header.label, open.name)) {
          open.awaitingAnnouncedText = false;
          open.textClosed = false;
          open.echoLine = lineNumber;
          open.echoStart = header.labelStart;
          open.echoEnd = header.labelStart + header.label.length;
          addText(open, line, lineNumber, header.bodyStart);
          break;
        }
        if (open && header.form === 'segment' && open.awaitingSegment) {
          // `**SPEAKER_01:**` alone, then `[0.6s] So, hello.`: one turn, its stamp on the second line.
          open.awaitingSegment = false;
          open.stamp = stampPlace(header, lineNumber, problems);
          open.endStamp = endStampPlace(header, lineNumber);
          // The turn runs to the stamp's line, even when no text follows the stamp there.
          open.endLine = lineNumber;
          open.endCharacter = trimEnd(line, 0);
          addText(open, line, lineNumber, header.bodyStart);
          break;
        }
        if (open && header.form === 'cue' && layout.joinCues && joinsCue(open, header, lines, firstLine)) {
          open.endStamp = endStampPlace(header, lineNumber) ?? open.endStamp;
          open.endLine = lineNumber;
          open.endCharacter = trimEnd(line, 0);
          open.textClosed = false;
          break;
        }
        close();
        open = startTurn(header, line, lineNumber, problems);
        if (open.labelStart >= 0) currentLabel = open.label;
        else if (currentLabel !== undefined && header.form !== 'cue') open.label = currentLabel;
        break;
      }
      case 'text':
        if (open && !open.textClosed) {
          if (open.form === 'cue') addCueText(open, line, lineNumber, classified.start);
          else addText(open, line, lineNumber, classified.start);
        } else if (!(preamble && !sawTurn)) {
          problems.push({
            code: 'unrecognized-line',
            message: open
              ? layout.cues
                ? 'This text follows no cue timing line, so it belongs to no cue.'
                : 'This text follows a sentiment note, so it belongs to no turn. Start it with a speaker label.'
              : 'This line is not a turn, a sentiment note or a chunk marker.',
            range: lineRange(lineNumber, classified.start, trimEnd(line, classified.start)),
          });
        }
        break;
    }
  }
  close();
}

function sameName(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function startTurn(header: Header, line: string, lineNumber: number, problems: Problem[]): TurnDraft {
  const end = trimEnd(line, header.bodyStart);
  const draft: TurnDraft = {
    form: header.form,
    label: sharedString(header.label),
    labelStart: header.labelStart,
    labelLine: lineNumber,
    name: header.name === undefined ? undefined : sharedString(header.name),
    nameStart: header.nameStart ?? -1,
    echoLine: -1,
    echoStart: 0,
    echoEnd: 0,
    stamp: stampPlace(header, lineNumber, problems),
    endStamp: endStampPlace(header, lineNumber),
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
    headerStart: Math.min(header.labelStart < 0 ? Infinity : header.labelStart, header.stamp?.start ?? Infinity),
    headerEnd: end,
    endLine: lineNumber,
    endCharacter: end,
    textClosed: false,
    awaitingAnnouncedText: false,
    awaitingSegment: header.alone && header.label !== '' && !header.stamp,
  };
  if (header.form === 'cue') return draft;

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

/** The header's stamp, if it is a valid time; one that is not is a problem, and the turn has no stamp. */
function stampPlace(header: Header, lineNumber: number, problems: Problem[]): StampPlace | undefined {
  const { stamp } = header;
  if (!stamp) return undefined;
  const parsed = parseTime(stamp.inner, header.form === 'cue');
  if (parsed.ok) return { seconds: parsed.seconds, format: parsed.format, start: stamp.start, end: stamp.end, line: lineNumber };
  problems.push({
    code: 'timestamp-malformed',
    message: ownString(`${stamp.start < stamp.valueStart ? `[${stamp.inner}]` : stamp.inner} is not a valid time: ${parsed.reason}.`),
    range: lineRange(lineNumber, stamp.start, stamp.end),
  });
  return undefined;
}

/** A cue's or a segment's end time, if it is a valid time. */
function endStampPlace(header: Header, lineNumber: number): StampPlace | undefined {
  const { endStamp } = header;
  if (!endStamp) return undefined;
  const parsed = parseTime(endStamp.inner, true);
  return parsed.ok ? { seconds: parsed.seconds, format: parsed.format, start: endStamp.start, end: endStamp.end, line: lineNumber } : undefined;
}

/** Seconds between cues that still join in one sentence of word-level subtitles. */
const JOIN_GAP = 1.5;
const SENTENCE_END = /[.?!]["'”’)]?$/;

/** Whether the cue `header` goes on the sentence of the open cue turn. */
function joinsCue(open: TurnDraft, header: Header, lines: readonly string[], firstLine: number): boolean {
  if (open.form !== 'cue' || open.lines.length === 0 || !open.endStamp || !header.stamp) return false;
  const parsed = parseTime(header.stamp.inner, true);
  if (!parsed.ok || parsed.seconds - open.endStamp.seconds > JOIN_GAP) return false;
  const last = open.lines.length - 3;
  const text = lines[open.lines[last]! - firstLine]!.slice(open.lines[last + 1], open.lines[last + 2]);
  return !SENTENCE_END.test(text);
}

/**
 * Adds a line of a cue's text, its markup (`<i>`, `</v>`, `<00:05:04.199>`, `{\c&HFFF000&}`) left
 * out; the first line may name the voice.
 */
function addCueText(draft: TurnDraft, line: string, lineNumber: number, from: number): void {
  const end = trimEnd(line, from);
  if (end <= from) return;
  let at = from;
  if (draft.lines.length === 0 && draft.labelStart < 0) {
    const rest = line.slice(from, end);
    const voice = VOICE_TAG.exec(rest);
    const named = voice ? undefined : CUE_LABEL.exec(rest);
    const label = voice?.[1]?.trim() ?? named?.[1] ?? named?.[2];
    // `[Applause]` alone is a sound, not a voice: a voice in brackets has words after it.
    const sound = named?.[1] !== undefined && named[0].length === rest.length;
    if (label !== undefined && !sound && (voice || LAST_WORD_OK.test(label))) {
      draft.label = sharedString(label);
      draft.labelLine = lineNumber;
      draft.labelStart = from + rest.indexOf(label);
      at = from + (voice ?? named)![0].length;
    }
  }
  draft.endLine = lineNumber;
  draft.endCharacter = end;
  // The text between tags, each stretch a segment of its own.
  const markup = new CueMarkup(line, end);
  while (at < end) {
    const close = markup.endAt(at);
    if (close >= 0) {
      at = close + 1;
      continue;
    }
    let stop = at + 1;
    while (stop < end && markup.endAt(stop) < 0) stop++;
    const runStart = skipBlanks(line, at);
    const runEnd = trimEnd(line, runStart, stop);
    if (runEnd > runStart) addLine(draft, lineNumber, runStart, runEnd);
    at = stop;
  }
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
  draft.awaitingSegment = false;
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

/** Whether a turn's text opens with a straight double quote (before `unquote` takes it off). */
export function opensWithQuote(draft: TurnDraft, lineAt: (line: number) => string): boolean {
  const places = draft.lines;
  return places.length > 0 && lineAt(places[0]!).charCodeAt(places[1]!) === 0x22; /* " */
}

/**
 * Takes the opening and closing quote off a quoted turn's text (the draft's lines, read from
 * `lineAt`), dropping a line left empty, and says whether the text was quoted.
 */
export function unquote(draft: TurnDraft, lineAt: (line: number) => string): boolean {
  if (!opensWithQuote(draft, lineAt)) return false;
  const places = draft.lines;
  places[1]!++;
  const last = places.length - 3;
  if (places[last + 2]! > places[last + 1]! && lineAt(places[last]!).charCodeAt(places[last + 2]! - 1) === 0x22) places[last + 2]!--;
  if (places.every((_, p) => p % 3 !== 0 || places[p + 2]! > places[p + 1]!)) return true;
  draft.lines = [];
  for (let p = 0; p < places.length; p += 3) if (places[p + 2]! > places[p + 1]!) draft.lines.push(places[p]!, places[p + 1]!, places[p + 2]!);
  return true;
}
