import type { Problem } from '../model';
import type { ChangedSpan, TextSnapshot } from '../document';
import { numberedTurn } from './chunks';
import { linesText, noQuestionReads } from './joins';
import { cuesJoin, sameFamiliesRead, type CueCounts } from './layoutSniffing';
import { ParsedSpeaker } from './parsedChunk';
import type { ParsedDocument, Section } from './parsedDocument';
import { firstProblemAt, isBlank, lineStartsOf, linesOf, moveOn, sectionLines, turnHolding } from './lineSpans';
import { ownString } from './sourceText';
import { readTurns, unquote, type ReadTurns } from './turns';
import { skipBlanks } from '../util/text';

/*
 * An edit that makes or unmakes lines in subtitles with no chunk marker: a line break typed or
 * deleted, a cue split in two or two made one, a timing line typed, broken or retimed, a cue
 * pasted or cut. `turnReread.ts` reads one cue again only for an edit inside a line of its text;
 * any of these parsed the whole file again (80 ms for a line break in a WebVTT file of 845,743
 * characters).
 *
 * In subtitles, how a cue reads depends on its own lines and nothing else: its timing line starts
 * it, its text runs to a blank line, and the line before the timing line, after a blank, is its
 * number. So the edit's lines are widened to the blank line before the first cue they touch and
 * the first blank line after the last, and those lines are read alone, as they were and as they
 * are. Neither reading may hold anything but cues, their numbers and blank lines (a note or a line
 * of no cue would read otherwise after the cue before, and a header of another family counts in
 * the sniff): then what the section decides as a whole is all that is left to check.
 *
 * - Whether the file is word-level subtitles, whose cues join, and which header families are too
 *   rare to be read as headers: from its counts of cues, of one-word cues (`cuesJoin`) and of the
 *   headers of each other family (`sameFamiliesRead`), which the section keeps and the edit
 *   changes by what the lines read alone counted.
 * - Where a join is looked for: in subtitles, only where a cue's time goes back (or stands still
 *   at the latest). The cues read must all move on, and every cue after them go back or not as it
 *   did; where any cue was asked, none may read the cues read (`noQuestionReads`), so that each
 *   is answered as it was.
 * - Speakers are numbered in the order they first speak: every voice the lines read, before and
 *   after, must have spoken before them.
 * - The chunk's format is its first turn's: the edit must be after the first cue.
 *
 * Then the cues read take the place of the old ones, the cues after them move by the lines and
 * turns the edit added (`ParsedTurn.moved`), and so do the problems after them.
 */

/** Lines read at most, before and after the edit: a longer stretch is parsed with the rest. */
const MOST_LINES = 400;

/** The document after `span`'s edit, if it falls among the cues of subtitles as above; else undefined. */
export function rereadCues(previous: ParsedDocument, text: TextSnapshot, span: ChangedSpan): ParsedDocument | undefined {
  const { model, sections } = previous;
  if (sections.length !== 1 || model.chunks.length !== 1 || model.markers.length > 0) return undefined;
  const section = sections[0]!;
  const counts = section.rereadable?.kind === 'cues' ? section.rereadable.cueCounts : undefined;
  if (!counts) return undefined;
  const questions = section.rereadable!.joinQuestions;
  const old = previous.text;
  const editStart = span.prefix;
  const oldEnd = old.length - span.suffix;
  const delta = text.length - old.length;
  if (oldEnd < editStart || oldEnd + delta < editStart) return undefined;

  const { source } = section;
  const { lineStart, lastLine, lineOf } = sectionLines(section);
  const oldLine = (line: number) => old.slice(lineStart(line), line < lastLine ? lineStart(line + 1) : section.end);
  const { turns } = model;

  // From the blank line before the first cue the edit touches, which must not be the first cue.
  const first = turnHolding(turns, 0, turns.length, lineOf(editStart));
  if (!first || first.index === 0) return undefined;
  const before = turns[first.index - 1]!;
  let from = first.range.start.line - 1;
  while (from > before.range.end.line && !isBlank(oldLine(from))) from--;
  if (from <= before.range.end.line) return undefined;
  // To the first blank line after the last cue it touches (or the end of the text).
  const editEndLine = lineOf(oldEnd);
  const last = turnHolding(turns, 0, turns.length, editEndLine)!;
  let to = Math.max(editEndLine, last.range.end.line) + 1;
  while (to <= lastLine && to - from <= MOST_LINES && !isBlank(oldLine(to))) to++;
  if (to - from > MOST_LINES) return undefined;

  const regionStart = lineStart(from);
  const oldRegionEnd = to <= lastLine ? lineStart(to) : section.end;
  const oldLines = linesOf(old.slice(regionStart, oldRegionEnd), to <= lastLine);
  const newLines = linesOf(text.slice(regionStart, oldRegionEnd + delta), to <= lastLine);
  if (newLines.length > MOST_LINES) return undefined;
  // The first line that starts with WEBVTT opens a report when it is not the file's first: what
  // follows the next heading after it, anywhere below, is then the report's.
  if ([...oldLines, ...newLines].some((line) => line.startsWith('WEBVTT', skipBlanks(line, 0)))) return undefined;
  const lineDelta = newLines.length - oldLines.length;

  // The cues the whole parse found there: those whose timing line is among the lines. Read alone,
  // the lines read as they did there: they start after a blank line that closed the cue before,
  // and they hold nothing whose reading the cue before would change (a note, a line of no cue).
  let after = first.index;
  while (after < turns.length && turns[after]!.range.start.line < to) after++;
  const oldTurns = turns.slice(first.index, after);
  const regionBase = { line: from, turn: first.index, chunk: 0, speaker: 0 };
  const was = readTurns(oldLines, regionBase);
  const is = readTurns(newLines, regionBase);
  if (!onlyCues(was, oldLines, from) || !onlyCues(is, newLines, from)) return undefined;

  // Still subtitles whose cues do not join. The lines read alone were sniffed as the section is,
  // cue by cue (a timing line taken for the next cue's number still counts as a cue there).
  const wasCounted = was.cueCounts!;
  const isCounted = is.cueCounts!;
  if (wasCounted.otherFamilies.length + isCounted.otherFamilies.length > 0) return undefined;
  const cueCounts: CueCounts = {
    cues: counts.cues - wasCounted.cues + isCounted.cues,
    oneWordCues: counts.oneWordCues - wasCounted.oneWordCues + isCounted.oneWordCues,
    otherFamilies: counts.otherFamilies,
  };
  if (cuesJoin(cueCounts) || !sameFamiliesRead(counts, cueCounts.cues)) return undefined;
  // A cue is asked whether it joins where its time goes back or stands still at the latest so far.
  // The cues read must be asked nothing, and every cue after them asked as it was.
  let latest = -1;
  if (questions) for (let k = 0; k < first.index; k++) latest = Math.max(latest, turns[k]!.timestampSeconds ?? -1);
  // With no cue asked anywhere, every time moves on: the latest is the last.
  else for (let k = first.index - 1; k >= 0 && latest < 0; k--) latest = turns[k]!.timestampSeconds ?? -1;
  let latestBefore = latest;
  for (const turn of oldTurns) latestBefore = Math.max(latestBefore, turn.timestampSeconds ?? -1);
  for (const draft of is.drafts) {
    const seconds = draft.stamp?.seconds;
    if (seconds === undefined) continue;
    if (latest >= 0 && seconds <= latest) return undefined;
    latest = seconds;
  }
  for (let k = after; k < turns.length && latest !== latestBefore; k++) {
    const seconds = turns[k]!.timestampSeconds;
    if (seconds === undefined) continue;
    if ((latest >= 0 && seconds <= latest) !== (latestBefore >= 0 && seconds <= latestBefore)) return undefined;
    latest = Math.max(latest, seconds);
    latestBefore = Math.max(latestBefore, seconds);
  }
  // Every voice read spoke before the lines.
  const speakerOf = new Map<string, ParsedSpeaker>();
  for (const speaker of model.speakers) if (speaker.turnIndices[0]! < first.index) speakerOf.set(speaker.label.toLowerCase(), speaker);
  if (![...was.drafts, ...is.drafts].every((draft) => speakerOf.has(draft.label.toLowerCase()))) return undefined;
  // Where cues were asked (times that went back), none of them may read the cues read: each is then answered as it was, no.
  const turnDelta = is.drafts.length - was.drafts.length;
  const newQuestions = questions && spliced(questions, first.index, after, is.drafts.length);
  if (newQuestions) {
    const readers = is.drafts.map((draft) => linesText(draft.lines, newLines, from));
    const turnAt = (i: number) =>
      i < first.index ? turns[i]! : i < first.index + readers.length ? readers[i - first.index]! : turns[i - turnDelta]!;
    const to = first.index + readers.length - 1;
    if (!noQuestionReads(turns.length + turnDelta, turnAt, newQuestions, first.index, to, [...oldTurns, ...readers])) return undefined;
  }

  // The section's text as it is now; the turns of the old model from the lines on keep reading the old one.
  const frozen = source.atLine(source.firstLine);
  for (const turn of lineDelta !== 0 || turnDelta !== 0 ? turns.slice(first.index) : oldTurns) turn.keepText(frozen);
  const newStarts = lineStartsOf(newLines, regionStart - section.start, text.slice(regionStart, oldRegionEnd + delta));
  const whole = text.text;
  const sectionText = whole ?? ownString(text.slice(section.start, section.end + delta));
  source.linesReplaced(sectionText, whole === undefined ? 0 : section.start, from + 1, to, newStarts, delta);

  const lineAt = (line: number) => newLines[line - from]!;
  const read = is.drafts.map((draft, k) =>
    numberedTurn(draft, unquote(draft, lineAt), first.index + k, 0, speakerOf.get(draft.label.toLowerCase())!.index, source),
  );
  const movedOn = moveOn(model, after, to, { lines: lineDelta, turns: turnDelta }, source);
  const newTurns = [...turns.slice(0, first.index), ...read, ...movedOn.moved];

  const turnsOf = model.speakers.map((): number[] => []);
  for (const turn of newTurns) turnsOf[turn.speakerIndex]!.push(turn.index);
  const speakers = model.speakers.map((speaker) => new ParsedSpeaker(speaker.index, 0, speaker.label, speaker.name, turnsOf[speaker.index]!));
  const problems = [...model.problems.slice(0, firstProblemAt(model.problems, from)), ...sortedProblems(is.problems), ...movedOn.problems];
  // The cues' times move on, so the earliest is the first and the latest the last.
  let earliest = -1;
  for (let k = 0; k < newTurns.length && earliest < 0; k++) earliest = newTurns[k]!.timestampSeconds ?? -1;
  let latestOfAll = -1;
  for (let k = newTurns.length - 1; k >= 0 && latestOfAll < 0; k--) latestOfAll = newTurns[k]!.timestampSeconds ?? -1;
  const chunk = model.chunks[0]!.respanned(newTurns.length, newTurns[newTurns.length - 1]!.range.end, earliest, latestOfAll);

  const newSection: Section = {
    ...section,
    end: section.end + delta,
    lineCount: section.lineCount + lineDelta,
    turnCount: newTurns.length,
    problemCount: problems.length,
    rereadable: { kind: 'cues', joinQuestions: newQuestions?.some((question) => question !== 0) ? newQuestions : undefined, cueCounts },
  };
  return {
    text,
    sections: [newSection],
    model: { ...model, chunks: [chunk], turns: newTurns, speakers, problems, lineCount: model.lineCount + lineDelta },
    stats: { parsed: 0, kept: 0, moved: 0, reread: read.length, rereadLines: newLines.length },
    // The turns after the lines, moved: caches kept by turn follow them.
    ...(movedOn.parts ? { moved: { shift: movedOn.shift, parts: movedOn.parts } } : {}),
  };
}

/**
 * Whether the lines read hold nothing but cues (no note, no voice named aside from its label),
 * their numbers and blank lines, with no marker, as subtitles that read the same alone.
 */
function onlyCues(read: ReadTurns, lines: readonly string[], from: number): boolean {
  if (read.standAlone !== 'cues' || read.markers.length > 0) return false;
  if (!read.drafts.every((draft) => draft.form === 'cue' && draft.name === undefined && draft.notes.length === 0)) return false;
  // Only blank lines first: the lines start at a blank line, and end before one.
  if (!isBlank(lines[0]!)) return false;
  let k = 0;
  for (let line = from; line < from + lines.length; line++) {
    const draft = read.drafts[k];
    if (draft && line >= draft.headerLine) {
      if (line === draft.endLine) k++;
      continue;
    }
    const text = lines[line - from]!;
    if (isBlank(text)) continue;
    // A cue's number: the line before its timing line, after a blank one.
    if (draft && line + 1 === draft.headerLine && isBlank(lines[line - from - 1]!)) continue;
    return false;
  }
  return k === read.drafts.length;
}

/** Problems in the order the whole parse puts them: by where they start. */
function sortedProblems(problems: readonly Problem[]): Problem[] {
  return problems.slice().sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** `questions` with those of turns `[from, to)` replaced by `count` turns not asked. */
function spliced(questions: Uint8Array, from: number, to: number, count: number): Uint8Array {
  const result = new Uint8Array(questions.length - (to - from) + count);
  result.set(questions.subarray(0, from));
  result.set(questions.subarray(to), from + count);
  return result;
}
