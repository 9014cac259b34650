import { DOCUMENT_START, isChunkMarker, parseSection, type ModelPart, type ParseBase } from './parser';
import { rereadTurn } from './turnReread';
import { rereadCues } from './cueSpanReread';
import { sectionAt, type ParsedDocument, type Section } from './parsedDocument';
import { shiftPart } from './modelPart';
import type { Shift } from './shift';
import { ownString, SectionText } from './sourceText';
import { LINE_BREAKS } from '../util/text';
import { stringSnapshot, type ChangedSpan, type TextSnapshot } from '../document';

export type { MovedSections, ParsedDocument } from './parsedDocument';

/*
 * Incremental parsing. A chunk marker closes every turn and chunk, so the lines after a marker
 * parse the same whatever came before them, given where they start (their line number and how
 * many turns, chunks and speakers precede them). The document is therefore kept as sections,
 * each ending just after a marker line's line break (the last one at the end of the text), and
 * an edit re-parses only the sections it touches. A section after the edit whose base has not
 * moved keeps its parsed objects; the sections after an edit that added or removed lines (or
 * turns, chunks, speakers) are shifted to their new base (`shift.ts`), not parsed again.
 * `parseTranscript(text)` parses the whole text in one go, and the property tests check that
 * both ways give the same model. A file with no markers is one section; typing in the text of one
 * of its turns reads that turn alone again (`turnReread.ts`), and in subtitles an edit that makes
 * or unmakes lines reads the cues it touched (`cueSpanReread.ts`).
 */

/** The model's lists, filled section by section in document order. */
class ModelLists {
  chunks: Array<ModelPart['chunks'][number]> = [];
  turns: Array<ModelPart['turns'][number]> = [];
  speakers: Array<ModelPart['speakers'][number]> = [];
  markers: Array<ModelPart['markers'][number]> = [];
  problems: Array<ModelPart['problems'][number]> = [];
  lineCount = 0;

  add(part: ModelPart, lineCount: number): void {
    this.chunks = appended(this.chunks, part.chunks);
    this.turns = appended(this.turns, part.turns);
    this.speakers = appended(this.speakers, part.speakers);
    this.markers = appended(this.markers, part.markers);
    this.problems = appended(this.problems, part.problems);
    this.lineCount += lineCount;
  }

  /** Takes off the objects of the section added last. */
  remove(section: Section): void {
    this.chunks.length -= section.chunkCount;
    this.turns.length -= section.turnCount;
    this.speakers.length -= section.speakerCount;
    this.markers.length -= section.markerCount;
    this.problems.length -= section.problemCount;
    this.lineCount -= section.lineCount;
  }

  get model(): ParsedDocument['model'] {
    const { chunks, turns, speakers, markers, problems, lineCount } = this;
    return { chunks, turns, speakers, markers, problems, lineCount };
  }
}

/**
 * `items` added at the end of `list`: pushed one by one when they are few (a section's), copied
 * in one go when they are many (the sections an edit left alone, on every keystroke: 80,000
 * turns on 20 MB, 8 ms a keystroke pushed one by one).
 */
function appended<T>(list: T[], items: readonly T[]): T[] {
  if (items.length < 1024) {
    for (const item of items) list.push(item);
    return list;
  }
  return list.length === 0 ? items.slice() : list.concat(items);
}

export function parseDocument(text: string | TextSnapshot): ParsedDocument {
  const snapshot = typeof text === 'string' ? stringSnapshot(text) : text;
  const whole = snapshot.whole();
  const lists = new ModelLists();
  const sections = parseSpan(whole, 0, whole.length, DOCUMENT_START, true, lists).sections;
  return { text: snapshot, sections, model: lists.model, stats: { parsed: sections.length, kept: 0, moved: 0 } };
}

/**
 * The document after an edit, re-using every section of `previous` that the edit left alone.
 * `span` says where the edit is, from the changes the editor sent (`changedSpan`); without it the
 * two texts are compared from both ends, which on 20 MB costs tens of milliseconds a keystroke.
 */
export function reparseDocument(previous: ParsedDocument, newText: string | TextSnapshot, span?: ChangedSpan): ParsedDocument {
  const text = typeof newText === 'string' ? stringSnapshot(newText) : newText;
  const old = previous.text;
  // The same text again (a new version with no change): nothing parsed, nothing moved.
  if (span ? span.prefix + span.suffix === old.length && old.length === text.length : old.whole() === text.whole()) {
    return { text, sections: previous.sections, model: previous.model, stats: { parsed: 0, kept: previous.sections.length, moved: 0 } };
  }
  // An edit inside a line of a turn's text: that turn alone is read again; in subtitles, an edit
  // that makes or unmakes lines: the cues it touched.
  const reread = span && (rereadTurn(previous, text, span) ?? rereadCues(previous, text, span));
  if (reread) return reread;
  const sections = previous.sections;
  const partOf = partsOf(previous);
  const prefix = span ? span.prefix : commonPrefixLength(old.whole(), text.whole());
  const suffix = span ? span.suffix : commonSuffixLength(old.whole(), text.whole(), Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  // A text that is one string: every section is pointed at it, so that none keeps an earlier
  // version alive. A text in pieces is read only where the edit is; the sections left alone keep
  // the text they read, whose lines there have not changed.
  const whole = text.text;

  // From the section holding the character before the change to the one holding the first
  // character after it (or the last section, for a change at the end): both ends of the span
  // re-parsed then sit between unchanged characters (a CR left before a new LF is one line break).
  const first = sectionAt(sections, Math.max(0, prefix - 1));
  let last = sectionAt(sections, old.length - suffix);
  const result = sections.slice(0, first);
  const lists = new ModelLists();
  // The sections before the edit read the same lines at the same offsets, now in the new text,
  // so that no section keeps the old text alive; their objects go over as one run.
  if (whole !== undefined) for (const section of result) section.source.moveTo(whole, section.start);
  if (first > 0) {
    const kept = partOf(0, first);
    lists.add(kept.part, kept.lineCount);
  }
  const stats = { parsed: 0, kept: first, moved: 0 };
  let base = sections[first]!.base;
  let from = sections[first]!.start;
  for (;;) {
    const toEnd = last === sections.length - 1;
    const to = toEnd ? text.length : sections[last]!.end + delta;
    const span =
      whole !== undefined
        ? parseSpan(whole, from, to, base, toEnd, lists)
        : parseSpan(ownString(text.slice(from, to)), 0, to - from, base, toEnd, lists, from);
    stats.parsed += span.sections.length;
    result.push(...span.sections);
    if (span.closed) break;
    // The span must end after a marker line, as the old section did: an edit that unmade that
    // marker joins the next section to the span, parsed again from the open section's start.
    const open = result.pop()!;
    lists.remove(open);
    stats.parsed--;
    base = open.base;
    from = open.start;
    last++;
  }

  // Every section after the span moves by the same amount: the difference the span made.
  base = nextBase(result[result.length - 1]!);
  const following = sections[last + 1];
  const shift: Shift | undefined =
    following && !sameBase(following.base, base) ? { from: following.base, by: difference(base, following.base) } : undefined;
  const moved: Array<{ before: ModelPart; after: ModelPart }> = [];
  for (let index = last + 1; index < sections.length; index++) {
    const section = sections[index]!;
    const start = section.start + delta;
    const end = section.end + delta;
    if (!shift) {
      if (whole !== undefined) section.source.moveTo(whole, start);
      result.push({ ...section, start, end });
      stats.kept++;
    } else {
      const base = shiftedBase(section.base, shift);
      const source = whole !== undefined ? section.source.atLine(base.line, whole, start) : section.source.atLine(base.line);
      const { part } = partOf(index, index + 1);
      const after = shiftPart(part, shift, source);
      result.push({ ...section, start, end, base, source });
      lists.add(after, section.lineCount);
      moved.push({ before: part, after });
      stats.moved++;
    }
  }
  // Sections after the edit that did not move keep their objects too, as one run.
  if (!shift && last + 1 < sections.length) {
    const kept = partOf(last + 1, sections.length);
    lists.add(kept.part, kept.lineCount);
  }
  return { text, sections: result, model: lists.model, stats, ...(shift ? { moved: { shift, parts: moved } } : {}) };
}

/**
 * The objects of a run of sections [from, to) of a parsed document, read from its model's lists,
 * and how many lines they hold. A run's objects are consecutive in every list.
 */
function partsOf({ sections, model }: ParsedDocument): (from: number, to: number) => { part: ModelPart; lineCount: number } {
  // Markers and problems have no base: where each section's start is counted from the first.
  const markerStarts: number[] = [];
  const problemStarts: number[] = [];
  let markers = 0;
  let problems = 0;
  for (const section of sections) {
    markerStarts.push(markers);
    problemStarts.push(problems);
    markers += section.markerCount;
    problems += section.problemCount;
  }
  markerStarts.push(markers);
  problemStarts.push(problems);
  const end = nextBase(sections[sections.length - 1]!);
  return (from, to) => {
    const first = sections[from]!.base;
    const next = to < sections.length ? sections[to]!.base : end;
    return {
      part: {
        chunks: model.chunks.slice(first.chunk, next.chunk),
        turns: model.turns.slice(first.turn, next.turn),
        speakers: model.speakers.slice(first.speaker, next.speaker),
        markers: model.markers.slice(markerStarts[from], markerStarts[to]),
        problems: model.problems.slice(problemStarts[from], problemStarts[to]),
      },
      lineCount: next.line - first.line,
    };
  };
}

function difference(a: ParseBase, b: ParseBase): ParseBase {
  return { line: a.line - b.line, turn: a.turn - b.turn, chunk: a.chunk - b.chunk, speaker: a.speaker - b.speaker };
}

function shiftedBase(base: ParseBase, { by }: Shift): ParseBase {
  return { line: base.line + by.line, turn: base.turn + by.turn, chunk: base.chunk + by.chunk, speaker: base.speaker + by.speaker };
}

/**
 * Cuts `text[from, to)` into sections after each marker line and parses each; `text` is the
 * document's text from `offset` on (all of it, or the part an edit touched). `closed` tells
 * whether the span ends where a section must: just after a marker line's break, or, for a span
 * `toEnd`, at the end of the text, where a last section (empty if need be) holds the line after
 * the last break. Otherwise the last section returned is open: lines after a marker, no marker yet.
 */
function parseSpan(
  text: string,
  from: number,
  to: number,
  base: ParseBase,
  toEnd: boolean,
  lists: ModelLists,
  offset = 0,
): { sections: Section[]; closed: boolean } {
  const sections: Section[] = [];
  let sectionStart = from;
  let lineStart = from;
  let lines: string[] = [];
  let starts: number[] = [];
  // Most texts have no CR: their line breaks are found with indexOf, several times faster than
  // the pattern that also finds CRLF and lone CRs.
  const lfOnly = text.slice(from, to).indexOf('\r') < 0;
  LINE_BREAKS.lastIndex = from;
  for (;;) {
    let breakAt: number;
    let breakLength = 1;
    if (lfOnly) {
      breakAt = text.indexOf('\n', lineStart);
    } else {
      const found = LINE_BREAKS.exec(text);
      breakAt = found ? found.index : -1;
      breakLength = found ? found[0].length : 0;
    }
    if (breakAt < 0 || breakAt >= to) {
      if (toEnd) {
        lines.push(text.slice(lineStart, to));
        starts.push(lineStart - sectionStart);
        sections.push(sectionOf(text, sectionStart, to, base, lines, starts, lists, offset));
        return { sections, closed: true };
      }
      if (lines.length > 0) sections.push(sectionOf(text, sectionStart, to, base, lines, starts, lists, offset));
      return { sections, closed: lines.length === 0 };
    }
    const line = text.slice(lineStart, breakAt);
    lines.push(line);
    starts.push(lineStart - sectionStart);
    lineStart = breakAt + breakLength;
    if (isChunkMarker(line)) {
      const section = sectionOf(text, sectionStart, lineStart, base, lines, starts, lists, offset);
      sections.push(section);
      base = nextBase(section);
      sectionStart = lineStart;
      lines = [];
      starts = [];
    }
  }
}

/** Parses a section, `text[start, end)`, adding its objects to `lists`; `text` starts at `offset` in the document. */
function sectionOf(
  text: string,
  start: number,
  end: number,
  base: ParseBase,
  lines: readonly string[],
  lineStarts: readonly number[],
  lists: ModelLists,
  offset: number,
): Section {
  const source = new SectionText(text, start, base.line, lineStarts);
  const { part, rereadable } = parseSection(lines, base, source);
  lists.add(part, lines.length);
  return {
    start: start + offset,
    end: end + offset,
    base,
    lineCount: lines.length,
    turnCount: part.turns.length,
    chunkCount: part.chunks.length,
    speakerCount: part.speakers.length,
    markerCount: part.markers.length,
    problemCount: part.problems.length,
    source,
    rereadable,
  };
}

function nextBase(section: Section): ParseBase {
  const { base } = section;
  return {
    line: base.line + section.lineCount,
    turn: base.turn + section.turnCount,
    chunk: base.chunk + section.chunkCount,
    speaker: base.speaker + section.speakerCount,
  };
}

function sameBase(a: ParseBase, b: ParseBase): boolean {
  return a.line === b.line && a.turn === b.turn && a.chunk === b.chunk && a.speaker === b.speaker;
}

/*
 * The common ends of two texts, compared a block at a time (string equality on slices runs at
 * memory speed) and then a character at a time. Typing in a 20 MB document costs a few
 * milliseconds here, far less than parsing it.
 */
const BLOCK = 4096;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.substring(a.length - i - BLOCK, a.length - i) === b.substring(b.length - i - BLOCK, b.length - i)) {
    i += BLOCK;
  }
  while (i < max && a.charCodeAt(a.length - i - 1) === b.charCodeAt(b.length - i - 1)) i++;
  return i;
}

/**
 * Where the first section that ends after `from` ends: just after the first chunk marker line
 * found from the line holding `from`, within `within` characters of it; undefined if there is
 * none. The text before that point parses as it does in the whole text, since a section parses
 * the same whatever follows it.
 */
export function sectionEndAfter(text: string, from: number, within: number): number | undefined {
  let lineStart = text.lastIndexOf('\n', from - 1) + 1;
  while (lineStart - from <= within) {
    const lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0) return undefined;
    const line = text.slice(lineStart, text.charCodeAt(lineBreak - 1) === 0x0d ? lineBreak - 1 : lineBreak);
    // A lone CR inside makes two lines of it for the parser: no place to cut.
    if (!line.includes('\r') && isChunkMarker(line)) return lineBreak + 1;
    lineStart = lineBreak + 1;
  }
  return undefined;
}
