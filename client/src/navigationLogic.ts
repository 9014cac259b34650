/**
 * Where the navigation commands go from a cursor: pure position arithmetic over the turns the
 * server reports, with no editor dependency, so it is unit-tested on its own. Positions are
 * zero-based lines and UTF-16 code units, as in the editor and the protocol.
 */
import { comparePositions, type Position, type Range, type SpeakerSummary } from '../../protocol';

export { comparePositions };

/** A turn in document order, with the speaker row it belongs to. */
export interface TurnLocation {
  readonly turnIndex: number;
  readonly speakerKey: string;
  readonly range: Range;
  readonly headerRange: Range;
}

/** Every turn of every speaker, in document order. */
export function turnsInOrder(speakers: readonly SpeakerSummary[]): TurnLocation[] {
  const turns: TurnLocation[] = [];
  for (const speaker of speakers) {
    for (const turn of speaker.turns) {
      turns.push({ turnIndex: turn.turnIndex, speakerKey: speaker.key, range: turn.range, headerRange: turn.headerRange });
    }
  }
  return turns.sort((a, b) => comparePositions(a.headerRange.start, b.headerRange.start) || a.turnIndex - b.turnIndex);
}

/**
 * The turn the cursor is in, or, between turns (a blank line, a chunk marker), the last turn
 * before it: the one a reader is "at". Undefined before the first turn.
 */
export function turnAtOrBefore(turns: readonly TurnLocation[], position: Position): TurnLocation | undefined {
  let found: TurnLocation | undefined;
  for (const turn of turns) {
    if (comparePositions(turn.headerRange.start, position) > 0) break;
    found = turn;
  }
  return found;
}

/** The first turn that starts after the cursor; undefined at the last turn (no wrapping, like moving through text). */
export function nextTurn<T extends { readonly headerRange: Range }>(turns: readonly T[], position: Position): T | undefined {
  return turns.find((turn) => comparePositions(turn.headerRange.start, position) > 0);
}

/**
 * The last turn that starts before the cursor: from inside a turn that is the start of the same
 * turn, from its start the turn above. Undefined at or before the first turn's start.
 */
export function previousTurn(turns: readonly TurnLocation[], position: Position): TurnLocation | undefined {
  let found: TurnLocation | undefined;
  for (const turn of turns) {
    if (comparePositions(turn.headerRange.start, position) >= 0) break;
    found = turn;
  }
  return found;
}

export interface WrappingTarget<T> {
  readonly target: T;
  /** True when the search passed the end of the document and started again at the top. */
  readonly wrapped: boolean;
}

/**
 * The next turn by whoever speaks the turn the cursor is at, wrapping to that speaker's first
 * turn after their last. Undefined when the cursor is before every turn.
 */
export function nextTurnBySameSpeaker(
  turns: readonly TurnLocation[],
  position: Position,
): (WrappingTarget<TurnLocation> & { readonly current: TurnLocation }) | undefined {
  const current = turnAtOrBefore(turns, position);
  if (!current) return undefined;
  const own = turns.filter((turn) => turn.speakerKey === current.speakerKey);
  const after = nextTurn(own, position);
  return after ? { current, target: after, wrapped: false } : { current, target: own[0]!, wrapped: true };
}

/**
 * The first range that starts after the cursor, wrapping to the first of all: how the next
 * problem is found among a document's diagnostics. Undefined when there are none.
 */
export function nextRangeAfter<T extends { readonly range: Range }>(items: readonly T[], position: Position): WrappingTarget<T> | undefined {
  const sorted = [...items].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  if (sorted.length === 0) return undefined;
  const after = sorted.find((item) => comparePositions(item.range.start, position) > 0);
  return after ? { target: after, wrapped: false } : { target: sorted[0]!, wrapped: true };
}
