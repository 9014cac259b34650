import { describeTime, type TimedTurn } from '../../../protocol';

/*
 * The player's arithmetic, free of the editor: which turn is being spoken at a time, where playing
 * resumes, the speeds, and what the player says about where it starts.
 */

/**
 * Finds the turn being spoken at a time. Turns are looked up by start time, not document order:
 * a transcript with a backwards stamp has turns out of time order, and the turn spoken is the one
 * that started last before the time. Equal starts keep document order, the later turn winning.
 */
export class TurnClock {
  private readonly byTime: readonly TimedTurn[];

  constructor(turns: readonly TimedTurn[]) {
    this.byTime = [...turns].sort((a, b) => a.seconds - b.seconds);
  }

  /** The turn spoken at `seconds`; none before the first turn starts. */
  turnAt(seconds: number): TimedTurn | undefined {
    let low = 0;
    let high = this.byTime.length - 1;
    let found: TimedTurn | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const turn = this.byTime[middle]!;
      if (turn.seconds <= seconds + 1e-6) {
        found = turn;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/** Where playback resumes after a pause, `rewindSeconds` back (never before the start): a moment of context, as oTranscribe does. */
export function resumeTime(pausedAt: number, rewindSeconds: number): number {
  return Math.max(0, pausedAt - Math.max(0, rewindSeconds));
}

/** The speeds Slower and Faster step through. */
export const PLAYBACK_RATES: readonly number[] = [0.5, 0.6, 0.75, 0.85, 1, 1.15, 1.25, 1.5, 1.75, 2];

/** The next speed slower (`-1`) or faster (`+1`) than `rate`, staying within `PLAYBACK_RATES`. */
export function steppedRate(rate: number, direction: -1 | 1): number {
  if (direction > 0) return PLAYBACK_RATES.find((step) => step > rate + 1e-9) ?? PLAYBACK_RATES[PLAYBACK_RATES.length - 1]!;
  return [...PLAYBACK_RATES].reverse().find((step) => step < rate - 1e-9) ?? PLAYBACK_RATES[0]!;
}

/** `00:00:07` for a time, whole seconds; `00:00:07.4` only when asked for tenths. */
export function clockTime(seconds: number, tenths = false): string {
  const whole = describeTime(Math.floor(Math.max(0, seconds)));
  return tenths ? `${whole}.${Math.floor((Math.max(0, seconds) * 10) % 10)}` : whole;
}

/** A stamp's time as a CodeLens offers to play from it: `$(play) Play from 00:01:43`, with its tenth when the stamp has one (`00:00:02.5`). */
export function playFromTitle(seconds: number): string {
  const whole = Math.abs(seconds - Math.round(seconds)) < 0.05;
  return `$(play) Play from ${clockTime(whole ? Math.round(seconds) : seconds, !whole)}`;
}

/**
 * What the player says when Play From Here starts: the stamp it plays from, or, for a turn without
 * one, that the time is an estimate and from what. Lines are one-based, as the editor shows them.
 */
export function describePlayStart(turn: TimedTurn): string {
  const line = turn.headerRange.start.line + 1;
  if (!turn.estimate) return `Playing from ${clockTime(turn.seconds)}, the stamp of the turn at line ${line}.`;
  const { before, after } = turn.estimate;
  const from = before === undefined ? 'the start of the recording' : `the stamp at ${clockTime(before)}`;
  const how =
    after === undefined
      ? `estimated from ${from} at the pace of the stamped turns`
      : `estimated between ${from} and the stamp at ${clockTime(after)}`;
  return `The turn at line ${line} has no stamp: playing from ${clockTime(turn.seconds)}, ${how}.`;
}

interface PositionLike {
  readonly line: number;
  readonly character: number;
}

/** The turn that holds the cursor: the last that starts at or before it; the first turn when the cursor is above them all. */
export function turnAtCursor(turns: readonly TimedTurn[], cursor: PositionLike): TimedTurn | undefined {
  let found: TimedTurn | undefined;
  for (const turn of turns) {
    const { line, character } = turn.range.start;
    if (line > cursor.line || (line === cursor.line && character > cursor.character)) break;
    found = turn;
  }
  return found ?? turns[0];
}
