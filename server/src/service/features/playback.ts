import type { Analysis } from '../analysis/analysis';
import { moveStamp } from './timestampFixes';
import type { Position, Range, Timestamp, TimestampFormat, TranscriptModel, Turn } from '../model';
import { applyEdits, type TextEdit } from '../util/edits';
import { comparePositions } from '../util/text';
import { formatTime, parseTime } from '../util/timestampFormat';

/*
 * What a player of the recording needs from the text: when each turn starts, and how to write a
 * time the player shows into a turn, in the way the transcript already writes its times.
 */

/** A turn and when it starts in the recording. */
export interface TimedTurn {
  readonly turnIndex: number;
  readonly range: Range;
  readonly headerRange: Range;
  /** Seconds from the start of the recording: the turn's stamp, or an estimate (`estimate` says so). */
  readonly seconds: number;
  /**
   * Set when the turn has no stamp and `seconds` is worked out from the stamped turns around it,
   * in proportion to the text between them. `before` and `after` are those turns' times; no
   * `before` means the estimate counts from the start of the recording, no `after` that it goes
   * on from `before` at the transcript's own pace of speech.
   */
  readonly estimate?: { readonly before?: number; readonly after?: number };
}

/** Seconds a character of text takes to say when the transcript gives no pace of its own: about 150 words a minute. */
const DEFAULT_SECONDS_PER_CHARACTER = 0.067;

/** Characters of spoken text in a turn: the weight of its share of the time between two stamps. */
function spokenLength(turn: Turn): number {
  let length = 0;
  turn.readSegments((_text, start, end) => {
    length += end - start;
  });
  // A turn with no text still takes a moment: a name said, a pause.
  return Math.max(length, 1);
}

/**
 * Every turn with the time it starts, in document order. A turn without a stamp is placed between
 * the stamped turns around it in proportion to the text spoken before it, which follows speech
 * better than counting turns does (a long answer after a short question). A stamp that goes back
 * is no neighbour to interpolate towards: the turns after the last stamp, or before a backwards
 * one, go on at the pace the stamps show elsewhere in the transcript. Turns between two stamps of
 * the same time start at that time.
 */
export function turnTimeline(analysis: Analysis): TimedTurn[] {
  return estimatedTimeline(analysis.model);
}

/** `turnTimeline` for a model on its own (the exports give untimed turns these times when asked). */
export function estimatedTimeline(model: TranscriptModel): TimedTurn[] {
  const turns = model.turns;
  const lengths = turns.map(spokenLength);
  const pace = secondsPerCharacter(turns, lengths);
  const timeline: TimedTurn[] = [];
  let previous: { seconds: number; index: number } | undefined;
  let next = nextStampedFrom(turns, 0);
  // Characters spoken from the previous stamped turn (or the start) up to the current turn.
  let spokenSincePrevious = 0;
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index]!;
    if (next !== undefined && next < index) next = nextStampedFrom(turns, index);
    const base = { turnIndex: turn.index, range: turn.range, headerRange: turn.headerRange };
    if (turn.timestamp) {
      timeline.push({ ...base, seconds: turn.timestamp.seconds });
      previous = { seconds: turn.timestamp.seconds, index };
      spokenSincePrevious = lengths[index]!;
      continue;
    }
    const from = previous?.seconds ?? 0;
    const after = next !== undefined ? turns[next]!.timestamp!.seconds : undefined;
    let seconds: number;
    if (after !== undefined && after >= from) {
      let between = spokenSincePrevious;
      for (let k = index; k < next!; k++) between += lengths[k]!;
      seconds = from + ((after - from) * spokenSincePrevious) / between;
    } else {
      seconds = from + spokenSincePrevious * pace;
    }
    timeline.push({
      ...base,
      seconds,
      estimate: { ...(previous ? { before: previous.seconds } : {}), ...(after !== undefined && after >= from ? { after } : {}) },
    });
    spokenSincePrevious += lengths[index]!;
  }
  return timeline;
}

function nextStampedFrom(turns: readonly Turn[], from: number): number | undefined {
  for (let index = from; index < turns.length; index++) if (turns[index]!.timestamp) return index;
  return undefined;
}

/** The transcript's own pace: seconds per character between stamps that go forward, or a common pace of speech. */
function secondsPerCharacter(turns: readonly Turn[], lengths: readonly number[]): number {
  let seconds = 0;
  let characters = 0;
  let previous: { seconds: number; index: number } | undefined;
  for (let index = 0; index < turns.length; index++) {
    const stamp = turns[index]!.timestamp;
    if (!stamp) continue;
    if (previous && stamp.seconds > previous.seconds) {
      seconds += stamp.seconds - previous.seconds;
      for (let k = previous.index; k < index; k++) characters += lengths[k]!;
    }
    previous = { seconds: stamp.seconds, index };
  }
  return characters > 0 ? seconds / characters : DEFAULT_SECONDS_PER_CHARACTER;
}

/** The turn that holds `position`: the last whose header starts at or before it. */
export function turnAtPosition(turns: readonly Turn[], position: Position): Turn | undefined {
  let low = 0;
  let high = turns.length - 1;
  let found: Turn | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle]!;
    if (comparePositions(turn.range.start, position) <= 0) {
      found = turn;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** How a stamp is written around its time: `[` and `]`, `**` and `**`, or nothing for a bare stamp. */
interface StampStyle {
  readonly format: TimestampFormat;
  readonly open: string;
  readonly close: string;
}

function styleOf(stamp: Timestamp): StampStyle {
  const { range, valueRange, text } = stamp;
  const open = text.slice(0, valueRange.start.character - range.start.character);
  const close = text.slice(open.length + (valueRange.end.character - valueRange.start.character));
  return { format: stamp.format, open, close };
}

/** The time `written` reads as (`seconds` rounded to what its format can say). */
function secondsOf(written: string, seconds: number): number {
  const parsed = parseTime(written);
  return parsed.ok ? parsed.seconds : seconds;
}

/** Hours, minutes and seconds in brackets: the pipeline format's own stamp, for a transcript with none. */
const DEFAULT_STYLE: StampStyle = { format: (parseTime('00:00:00') as { format: TimestampFormat }).format, open: '[', close: ']' };

/** The style of the nearest stamp before the turn, or after it, or the default. */
function styleNear(turns: readonly Turn[], turnIndex: number): StampStyle {
  for (let index = turnIndex; index >= 0; index--) {
    const stamp = turns[index]!.timestamp;
    if (stamp) return styleOf(stamp);
  }
  for (let index = turnIndex + 1; index < turns.length; index++) {
    const stamp = turns[index]!.timestamp;
    if (stamp) return styleOf(stamp);
  }
  return DEFAULT_STYLE;
}

/** What writing a time into the text comes to: the edit, and how the time reads there; or why it cannot be written. */
export type PlayerTimeEdit = { readonly edits: TextEdit[]; readonly written: string; readonly turnIndex?: number } | { readonly refused: string };

/**
 * "Set Stamp to Player Time": the turn at `position` given the time `seconds`. A stamped turn's
 * time is rewritten in its own format (`00:12:41`, `12:41.5`, `761.5s`), delimiters kept; a caption
 * cue's end moves with its start, keeping the cue's length. A turn
 * without a stamp is given one written as the stamps near it are, where a stamp goes in that
 * layout: after the label (`Speaker 1: [00:12:41] …`) or before it (`[00:12:41] Speaker 1: …`).
 * The text is parsed again with the stamp in, and a place is taken only where the turn then reads
 * as the same turn with that time; a layout with no such place is refused, saying so.
 */
export function setTurnTime(analysis: Analysis, position: Position, seconds: number): PlayerTimeEdit {
  const turns = analysis.model.turns;
  const turn = turnAtPosition(turns, position);
  if (!turn) return { refused: 'The cursor is before the first turn: there is no turn to stamp.' };
  if (turn.timestamp) {
    const written = formatTime(seconds, turn.timestamp.format);
    return { edits: moveStamp(turn, seconds), written, turnIndex: turn.index };
  }
  const style = styleNear(turns, turn.index);
  const written = formatTime(seconds, style.format);
  const stamp = `${style.open}${written}${style.close}`;
  const line = analysis.lines[turn.headerRange.start.line] ?? '';
  for (const place of stampPlaces(turn, line, stamp)) {
    const at = { line: turn.headerRange.start.line, character: place.character };
    const edit: TextEdit = { range: { start: at, end: at }, newText: place.text };
    if (readsWithTime(analysis, turn, edit, secondsOf(written, seconds))) {
      return { edits: [edit], written, turnIndex: turn.index };
    }
  }
  return { refused: `This turn's layout (line ${turn.headerRange.start.line + 1}) has no place for a stamp that reads back as its time.` };
}

/**
 * Where a stamp may go on a header line without one, and how it is written there, most natural
 * first: after the label and its colon, `Speaker 1: [00:12:41] …`; before the colon, as Rev
 * writes a turn's time, `Dana Reyes (00:12:41):`; then before the label, `[00:12:41] Speaker 1: …`.
 */
function stampPlaces(turn: Turn, line: string, stamp: string): Array<{ character: number; text: string }> {
  const places: Array<{ character: number; text: string }> = [];
  const labelEnd = turn.nameRange && turn.form === 'cast' ? turn.nameRange.end.character : turn.labelRange?.end.character;
  if (labelEnd !== undefined) {
    const colon = line.indexOf(':', labelEnd);
    if (colon >= 0) {
      let after = colon + 1;
      while (line[after] === ' ' || line[after] === '\t') after++;
      // A label alone on its line (`HB:`, its words on the next) takes the stamp after a space.
      places.push({ character: after, text: after < line.length ? `${stamp} ` : `${after === colon + 1 ? ' ' : ''}${stamp}` });
      places.push({ character: colon, text: ` ${stamp}` });
    }
  }
  const indent = line.length - line.trimStart().length;
  places.push({ character: indent, text: `${stamp} ` });
  return places;
}

/** Whether, with `edit` made, the turn still starts and ends on its lines, says the same label, and has the time. */
function readsWithTime(analysis: Analysis, turn: Turn, edit: TextEdit, seconds: number): boolean {
  const after = analysis.successor(applyEdits(analysis.text, [edit]), analysis.settings).model;
  if (after.turns.length !== analysis.model.turns.length) return false;
  const now = after.turns[turn.index];
  return (
    now !== undefined &&
    now.range.start.line === turn.range.start.line &&
    now.range.end.line === turn.range.end.line &&
    now.label === turn.label &&
    now.timestamp !== undefined &&
    Math.abs(now.timestamp.seconds - seconds) < 0.0005
  );
}

/**
 * "Insert Player Time": the time written at `position` as the nearest stamp before it is written
 * (its format and delimiters), or as `[hh:mm:ss]` in a transcript without stamps.
 */
export function insertTime(analysis: Analysis, position: Position, seconds: number): PlayerTimeEdit {
  const turns = analysis.model.turns;
  const turn = turnAtPosition(turns, position);
  const style = turn ? styleNear(turns, turn.index) : turns.length > 0 ? styleNear(turns, 0) : DEFAULT_STYLE;
  const written = formatTime(seconds, style.format);
  return { edits: [{ range: { start: position, end: position }, newText: `${style.open}${written}${style.close}` }], written };
}
