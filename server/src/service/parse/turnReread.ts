import type { ChangedSpan, TextSnapshot } from '../document';
import { numberedTurn, signatureOf } from './chunks';
import { linesText, noJoinAround } from './joins';
import { isOneWordCue } from './layoutSniffing';
import { classifyLine } from './lineKinds';
import type { ParsedTurn } from './parsedTurn';
import { sectionAt, type ParsedDocument, type Section } from './parsedDocument';
import { ownString } from './sourceText';
import { readTurns, unquote, type ReadTurns, type TurnDraft } from './turns';
import { skipBlanks, splitLines } from '../util/text';

/*
 * Typing in the text of one turn of a long transcript with no chunk markers, as real transcripts
 * are. Its whole text is one section, and `sections.ts` would parse all of it again on every
 * keystroke (79 ms on a WebVTT file of 845,743 characters, 36 ms on an inquiry record of 328,246),
 * and every cache kept by turn would start over. But an edit inside a line of a turn's text,
 * which neither adds nor takes a line break, nor makes the line classify otherwise, changes that
 * turn and nothing else, provided nothing the section decides as a whole moves:
 *
 * - the layout, sniffed over the whole section from how its lines classify: in subtitles, whether
 *   cues join (word-level subtitles: the share of one-word cues) and where a WebVTT report begins
 *   (the first line that starts with `WEBVTT`); elsewhere, which header families are rare, which
 *   the edited line's classifying as it did keeps as they were;
 * - the speakers: the turn keeps its label and name;
 * - the chunk: the turn keeps its shape (quotes, notes), which a chunk's format is read from, and
 *   no join by repeat appears or goes: where the section asked about any (which reads other
 *   turns' text), the questions that may read the turn are asked again (`noJoinAround`);
 * - the checks across chunks: the document is one chunk, so no boundary reads the turn.
 *
 * A cue's turn is read from its own lines alone: its timing line starts it whatever came before,
 * and every line after it up to a blank line is its text. A speaker's turn is read from its lines
 * alone before the edit and after, and both readings must be the one turn the section read, over
 * the same lines, in the same state at its end, with the same problems: then the section's reading
 * of the lines after it goes on as it did.
 *
 * Then the turn is read again, numbered as it was, and the model is the last one with that turn
 * in its place; its chunk and speaker are new objects with the same fields, so that the caches
 * kept by chunk or speaker see that something in them changed. `turn-reread.test.ts` checks that
 * each version comes out as a fresh analysis, and that edits which change more than their turn
 * are not read this way.
 */

/** The document after `span`'s edit, if it falls inside a line of a turn's text as above; else undefined. */
export function rereadTurn(previous: ParsedDocument, text: TextSnapshot, span: ChangedSpan): ParsedDocument | undefined {
  const { model, sections } = previous;
  const old = previous.text;
  if (model.chunks.length !== 1) return undefined;
  const editStart = span.prefix;
  const oldEnd = old.length - span.suffix;
  const newEnd = text.length - span.suffix;
  if (oldEnd < editStart || newEnd < editStart) return undefined;
  // No line break made or unmade: none replaced, none typed, and not between a CR and its LF.
  if (hasLineBreak(old.slice(editStart, oldEnd)) || hasLineBreak(text.slice(editStart, newEnd))) return undefined;
  if (editStart > 0 && old.slice(editStart - 1, editStart) === '\r') return undefined;

  const sectionIndex = sectionAt(sections, editStart);
  const section = sections[sectionIndex]!;
  const { rereadable } = section;
  if (!rereadable) return undefined;
  // Where each of the section's lines starts in the document, before the edit.
  const { source, base } = section;
  const firstOffset = source.lineOffset(base.line);
  const lineStart = (line: number) => section.start + source.lineOffset(line) - firstOffset;
  const lastLine = base.line + section.lineCount - 1;
  const edited = lineAtOffset(lineStart, base.line, lastLine, editStart);

  const turn = turnHolding(model.turns, base.turn, base.turn + section.turnCount, edited);
  if (!turn || (turn.form === 'cue') !== (rereadable.kind === 'cues')) return undefined;
  const header = turn.range.start.line;
  const end = turn.range.end.line;
  if (edited < header || edited > end || (edited === header && rereadable.kind === 'cues')) return undefined;

  // The turn's lines, from its header to its last line of text, before and after the edit.
  const from = lineStart(header);
  const to = end < lastLine ? lineStart(end + 1) : section.end;
  const delta = text.length - old.length;
  const oldLines = splitLines(old.slice(from, to)).slice(0, end - header + 1);
  const newLines = splitLines(text.slice(from, to + delta)).slice(0, end - header + 1);
  const turnBase = { line: header, turn: turn.index, chunk: turn.chunkIndex, speaker: turn.speakerIndex };

  let draft: TurnDraft | undefined;
  if (rereadable.kind === 'cues') {
    if ([...oldLines, ...newLines].some((line) => line.startsWith('WEBVTT', skipBlanks(line, 0)))) return undefined;
    if (isOneWordCue(oldLines.slice(1)) !== isOneWordCue(newLines.slice(1))) return undefined;
    // Read alone, the cue must make a turn over the same lines, as it did: a line that now ends
    // the cue (a blank, a timing line, a marker, a fence) ends it sooner. Over the same lines, its
    // text makes no problem (a cue's never does; its timing line may, and did the same before), so
    // the model's problems stay as they are.
    draft = readTurns(newLines, turnBase).drafts[0];
  } else {
    const line = edited - header;
    if (!classifiesAlike(oldLines[line]!, newLines[line]!, edited)) return undefined;
    draft = sameReading(readTurns(oldLines, turnBase), readTurns(newLines, turnBase), end);
    // A header with no label of its own (`(00:05:41):`) was given the label of the last one that
    // had one (its header's fields are as they were, so it had none before either), which the
    // turns above keep.
    if (draft && draft.labelStart < 0) draft.label = turn.label;
  }
  // Over the same lines: a cue emptied by a timing line typed into its text is no turn, and the
  // draft read first is then the next one.
  if (!draft || draft.headerLine !== header || draft.endLine !== end) return undefined;
  if (draft.label !== turn.label || draft.name !== turn.name) return undefined;
  const quoted = unquote(draft, (line) => newLines[line - header]!);
  if (signatureOf(draft.form, quoted, draft.notes[0]?.form) !== signatureOf(turn.form, turn.quoted, turn.sentiments[0]?.form)) return undefined;
  if (rereadable.joinQuestions) {
    const first = base.turn;
    const rereadText = linesText(draft.lines, newLines, header);
    const turnAt = (i: number) => (first + i === turn.index ? rereadText : model.turns[first + i]!);
    // The turn as it was reads the old text still: the section's text is brought up to date below.
    if (!noJoinAround(section.turnCount, turnAt, rereadable.joinQuestions, turn.index - first, turn)) return undefined;
  }

  // The same lines, the edited one longer or shorter: the section reads the new text, and the
  // turn read again the old.
  turn.keepText();
  const whole = text.text;
  if (whole !== undefined) source.lineEdited(whole, section.start, edited, delta);
  else source.lineEdited(ownString(text.slice(section.start, section.end + delta)), 0, edited, delta);
  const reread = numberedTurn(draft, quoted, turn.index, turn.chunkIndex, turn.speakerIndex, source);

  const turns = model.turns.slice();
  turns[turn.index] = reread;
  const chunk = model.chunks[0]!;
  const isLast = chunk.firstTurn + chunk.turnCount - 1 === turn.index;
  const speakers = model.speakers.slice();
  speakers[turn.speakerIndex] = speakers[turn.speakerIndex]!.renewed();

  const result = sections.map((other, index): Section => {
    if (index < sectionIndex) {
      if (whole !== undefined) other.source.moveTo(whole, other.start);
      return other;
    }
    if (index === sectionIndex) return { ...other, end: other.end + delta };
    if (whole !== undefined) other.source.moveTo(whole, other.start + delta);
    return { ...other, start: other.start + delta, end: other.end + delta };
  });
  return {
    text,
    sections: result,
    model: { ...model, chunks: [chunk.renewed(isLast ? reread.range.end : undefined)], turns, speakers },
    stats: { parsed: 0, kept: sections.length, moved: 0, reread: 1 },
  };
}

/**
 * Whether the edited line classifies as it did, so that the section's layout is sniffed as it was
 * (`sniffSection` reads how lines classify, and the text of cues alone): text both times, or a
 * header with the same fields, its body edited.
 */
function classifiesAlike(before: string, after: string, line: number): boolean {
  const was = classifyLine(before, line);
  const is = classifyLine(after, line);
  if (was.kind === 'text') return is.kind === 'text';
  return was.kind === 'header' && is.kind === 'header' && JSON.stringify(was.header) === JSON.stringify(is.header);
}

/**
 * The turn's new reading, if its lines read alone, before the edit and after, make one turn each,
 * the new one over all of them, with the same problems: then the section reads on after it as it
 * did, and its problems stay. The state a turn ends in (closed by a note, waiting for an announced
 * speaker's line or for a stamped segment) follows from how its lines classify, its header's
 * fields, its form and its name, which the caller checks are as they were.
 */
function sameReading(before: ReadTurns, after: ReadTurns, end: number): TurnDraft | undefined {
  if (before.drafts.length !== 1 || after.drafts.length !== 1 || before.markers.length + after.markers.length > 0) return undefined;
  const is = after.drafts[0]!;
  if (is.endLine !== end) return undefined;
  return JSON.stringify(before.problems) === JSON.stringify(after.problems) ? is : undefined;
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** The line in [first, last] that holds `offset`, by where each starts. */
function lineAtOffset(lineStart: (line: number) => number, first: number, last: number, offset: number): number {
  let low = first;
  let high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStart(middle) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The last turn of `turns[from, to)` whose header is at or before `line`, if any. */
function turnHolding(turns: readonly ParsedTurn[], from: number, to: number, line: number): ParsedTurn | undefined {
  let low = from;
  let high = to - 1;
  let found: ParsedTurn | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle]!;
    if (turn.range.start.line <= line) {
      found = turn;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
