import type { Position, Range } from '../model';
import type { ParseBase } from './parseBase';

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
