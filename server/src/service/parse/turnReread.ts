import type { ChangedSpan, TextSnapshot } from '../document';
import { numberedTurn, signatureOf } from './chunks';
import { linesText, noJoinAround } from './joins';
import { isOneWordCue } from './layoutSniffing';
import { classifyLine } from './lineKinds';
import { RULE } from './furniture';
import { sectionAt, type ParsedDocument, type Section } from './parsedDocument';
import { ownString } from './sourceText';
import { readTurns, unquote, type ReadTurns, type TurnDraft } from './turns';
import { skipBlanks, splitLines } from '../util/text';
import { firstProblemAt, isBlank, lineStartsOf, linesOf, moveOn, sectionLines, turnHolding } from './lineSpans';

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
  // A line break made or unmade: one replaced, one typed, or one typed between a CR and its LF.
  const linesChange =
    hasLineBreak(old.slice(editStart, oldEnd)) ||
    hasLineBreak(text.slice(editStart, newEnd)) ||
    (editStart > 0 && old.slice(editStart - 1, editStart) === '\r');

  const sectionIndex = sectionAt(sections, editStart);
  const section = sections[sectionIndex]!;
  const { rereadable } = section;
  if (!rereadable) return undefined;
  if (linesChange) return rereadable.kind === 'speakers' ? rereadTurnLines(previous, text, span) : undefined;
  // Where each of the section's lines starts in the document, before the edit.
  const { source, base } = section;
  const { lineStart, lastLine, lineOf } = sectionLines(section);
  const edited = lineOf(editStart);

  const turn = turnHolding(model.turns, base.turn, base.turn + section.turnCount, edited);
  if (!turn || (turn.form === 'cue') !== (rereadable.kind === 'cues')) return undefined;
  const header = turn.range.start.line;
  const end = turn.range.end.line;
  if (edited < header || edited > end || (edited === header && rereadable.kind === 'cues')) return undefined;

  // The turn's lines, from its header to its last line of text, before and after the edit.
  const from = lineStart(header);
  const to = end < lastLine ? lineStart(end + 1) : section.end;
  const delta = text.length - old.length;
  if (end < lastLine && ruleAt(text, to + delta, section.end + delta, end + 1)) return undefined;
  const oldLines = splitLines(old.slice(from, to)).slice(0, end - header + 1);
  const newLines = splitLines(text.slice(from, to + delta)).slice(0, end - header + 1);
  const turnBase = { line: header, turn: turn.index, chunk: turn.chunkIndex, speaker: turn.speakerIndex };

  let draft: TurnDraft | undefined;
  if (rereadable.kind === 'cues') {
    if ([...oldLines, ...newLines].some((line) => line.startsWith('WEBVTT', skipBlanks(line, 0)))) return undefined;
    if (isOneWordCue(oldLines.slice(1)) !== isOneWordCue(newLines.slice(1))) return undefined;
    // Read alone, the cue must make a turn over the same lines, as it did: a line that now ends
    // the cue (a blank, a timing line, a marker, a fence) ends it sooner. Its text makes no
    // problem, but a line of no cue within its range does (after a blank line, before a note that
    // the turn takes), and the edit may be in it: the problems read alone must be the same before
    // and after, so that the model's stay as they are.
    const after = readTurns(newLines, turnBase);
    if (JSON.stringify(readTurns(oldLines, turnBase).problems) !== JSON.stringify(after.problems)) return undefined;
    draft = after.drafts[0];
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
 * An edit inside one speaker's turn that makes or unmakes lines: a line break typed into its text
 * or deleted, lines of text pasted. The turn is read again over its new lines as `rereadTurn`
 * reads it, provided every line the edit touched is text or blank before and after (the header's
 * aside, whose fields must stay): such lines add no header to what the section's layout is sniffed
 * from. The turns and problems after it move by the lines the edit added.
 */
function rereadTurnLines(previous: ParsedDocument, text: TextSnapshot, span: ChangedSpan): ParsedDocument | undefined {
  const { model, sections } = previous;
  if (sections.length !== 1) return undefined;
  const section = sections[0]!;
  const old = previous.text;
  const editStart = span.prefix;
  const oldEnd = old.length - span.suffix;
  const delta = text.length - old.length;
  const { source } = section;
  const { lineStart, lastLine, lineOf } = sectionLines(section);
  const editLine = lineOf(editStart);
  const editEndLine = lineOf(oldEnd);
  const turn = turnHolding(model.turns, 0, model.turns.length, editLine);
  if (!turn || turn.form === 'cue') return undefined;
  const header = turn.range.start.line;
  const end = turn.range.end.line;
  if (editEndLine > end) return undefined;

  // The turn's lines, before the edit and after.
  const from = lineStart(header);
  const to = end < lastLine ? lineStart(end + 1) : section.end;
  if (end < lastLine && ruleAt(text, to + delta, section.end + delta, end + 1)) return undefined;
  const oldLines = linesOf(old.slice(from, to), end < lastLine);
  const newLines = linesOf(text.slice(from, to + delta), end < lastLine);
  const lineDelta = newLines.length - oldLines.length;
  const touched = (lines: readonly string[], last: number) =>
    lines.slice(editLine - header, last - header + 1).every((line, k) => {
      if (editLine + k === header) return true;
      const { kind } = classifyLine(line, editLine + k);
      return kind === 'text' || kind === 'blank';
    });
  if (!touched(oldLines, editEndLine) || !touched(newLines, editEndLine + lineDelta)) return undefined;
  if (editLine === header && !classifiesAlike(oldLines[0]!, newLines[0]!, header)) return undefined;

  // Read alone, one turn before and after, the same problems; it may end before blank lines now.
  const turnBase = { line: header, turn: turn.index, chunk: turn.chunkIndex, speaker: turn.speakerIndex };
  const before = readTurns(oldLines, turnBase);
  const after = readTurns(newLines, turnBase);
  if (before.drafts.length !== 1 || after.drafts.length !== 1 || before.markers.length + after.markers.length > 0) return undefined;
  const draft = after.drafts[0]!;
  if (before.drafts[0]!.endLine !== end || draft.headerLine !== header) return undefined;
  if (!newLines.slice(draft.endLine - header + 1).every(isBlank)) return undefined;
  if (JSON.stringify(before.problems) !== JSON.stringify(after.problems)) return undefined;
  if (draft.labelStart < 0) draft.label = turn.label;
  if (draft.label !== turn.label || draft.name !== turn.name) return undefined;
  const quoted = unquote(draft, (line) => newLines[line - header]!);
  if (signatureOf(draft.form, quoted, draft.notes[0]?.form) !== signatureOf(turn.form, turn.quoted, turn.sentiments[0]?.form)) return undefined;
  const { joinQuestions } = section.rereadable!;
  if (joinQuestions) {
    const rereadText = linesText(draft.lines, newLines, header);
    const turnAt = (i: number) => (i === turn.index ? rereadText : model.turns[i]!);
    if (!noJoinAround(section.turnCount, turnAt, joinQuestions, turn.index, turn)) return undefined;
  }

  // The version before keeps reading the text as it is now: this turn, and the turns after it if they move.
  const frozen = source.atLine(source.firstLine);
  for (const kept of lineDelta === 0 ? [turn] : model.turns.slice(turn.index)) kept.keepText(frozen);
  const whole = text.text;
  const sectionText = whole ?? ownString(text.slice(section.start, section.end + delta));
  const newStarts = lineStartsOf(newLines, from - section.start, text.slice(from, to + delta));
  source.linesReplaced(sectionText, whole === undefined ? 0 : section.start, header + 1, end + 1, newStarts, delta);
  const reread = numberedTurn(draft, quoted, turn.index, turn.chunkIndex, turn.speakerIndex, source);
  const movedOn = moveOn(model, turn.index + 1, end + 1, { lines: lineDelta, turns: 0 }, source);

  const chunk = model.chunks[0]!;
  const isLast = chunk.firstTurn + chunk.turnCount - 1 === turn.index;
  const speakers = model.speakers.slice();
  speakers[turn.speakerIndex] = speakers[turn.speakerIndex]!.renewed();
  return {
    text,
    sections: [{ ...section, end: section.end + delta, lineCount: section.lineCount + lineDelta }],
    model: {
      ...model,
      chunks: [isLast ? chunk.renewed(reread.range.end) : chunk.moved(movedOn.shift, undefined)],
      turns: [...model.turns.slice(0, turn.index), reread, ...movedOn.moved],
      speakers,
      problems: [...model.problems.slice(0, firstProblemAt(model.problems, end + 1)), ...movedOn.problems],
      lineCount: model.lineCount + lineDelta,
    },
    stats: { parsed: 0, kept: 0, moved: 0, reread: 1, rereadLines: newLines.length },
    ...(movedOn.parts ? { moved: { shift: movedOn.shift, parts: movedOn.parts } } : {}),
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

/**
 * Whether the line that starts at `at` (before `limit`) is a rule: the turn's last line, above it,
 * may then be a title, which the section decides from the lines around it (`markUnderlinedTitles`
 * in `layoutSniffing.ts`), and the turn read alone does not.
 */
function ruleAt(text: TextSnapshot, at: number, limit: number, line: number): boolean {
  const next = splitLines(text.slice(at, Math.min(limit, at + RULE_LOOKAHEAD)))[0] ?? '';
  const classified = classifyLine(next, line);
  return classified.kind === 'furniture' && classified.furniture === RULE;
}

/** How far `ruleAt` reads: a line of dashes longer than this is still all dashes as far as it reads. */
const RULE_LOOKAHEAD = 1024;

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}
