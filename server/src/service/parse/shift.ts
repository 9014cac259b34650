import type { Position, Range } from '../model';
import type { ModelPart, ParseBase } from './parser';
import type { SectionText } from './sourceText';

/*
 * An edit that adds or removes lines, turns, chunks or speakers moves everything after it: the
 * same text, at other line numbers and indices. Parsing a section again at its new base would
 * give the same objects with the numbers moved, so `sections.ts` moves them instead, and the
 * caches kept per chunk and per turn are carried over with them.
 */

/** Everything at or after `from` moves by `by` (lines, turn, chunk and speaker indices). */
export interface Shift {
  readonly from: ParseBase;
  readonly by: ParseBase;
}

export const shiftLine = (line: number, shift: Shift) => (line >= shift.from.line ? line + shift.by.line : line);

export function shiftPosition(position: Position, shift: Shift): Position {
  return position.line >= shift.from.line ? { line: shiftLine(position.line, shift), character: position.character } : position;
}

export function shiftRange(range: Range, shift: Shift): Range {
  return { start: shiftPosition(range.start, shift), end: shiftPosition(range.end, shift) };
}

export const shiftTurnIndex = (index: number, shift: Shift) => (index >= shift.from.turn ? index + shift.by.turn : index);
export const shiftChunkIndex = (index: number, shift: Shift) => (index >= shift.from.chunk ? index + shift.by.chunk : index);
export const shiftSpeakerIndex = (index: number, shift: Shift) => (index >= shift.from.speaker ? index + shift.by.speaker : index);

/** A part of the model parsed at one base, as parsing it at the shifted base would give it; its turns read their text from `source`. */
export function shiftPart(part: ModelPart, shift: Shift, source: SectionText): ModelPart {
  const markers = new Map(part.markers.map((marker) => [marker, marker.moved(shift)]));
  return {
    chunks: part.chunks.map((chunk) => chunk.moved(shift, chunk.endMarker && (markers.get(chunk.endMarker) ?? chunk.endMarker.moved(shift)))),
    turns: part.turns.map((turn) => turn.moved(shift, source)),
    speakers: part.speakers.map((speaker) => speaker.moved(shift)),
    markers: [...markers.values()],
    problems: part.problems.map((problem) => ({ ...problem, range: shiftRange(problem.range, shift) })),
  };
}
