import type { Timestamp, TranscriptModel, Turn } from '../model';
import type { TranscriptSettings } from '../settings';
import { describeTime } from '../util/timestampFormat';
import { describeDuration } from '../util/format';

/** A stamped turn, and its stamp. */
export interface StampedTurn {
  readonly turn: Turn;
  readonly stamp: Timestamp;
}

/*
 * The findings keep turns and read their stamps when asked: a 20 MB transcript has thousands of
 * findings, kept for as long as the version is, and a stamp made ahead is two objects more each.
 */

/** A turn whose stamp is earlier than the latest stamp before it. */
export class BackwardsStamp implements StampedTurn {
  constructor(
    readonly turn: Turn,
    /** The turn of the latest stamp before it. */
    readonly latestTurn: Turn,
    /** How much earlier, in seconds. */
    readonly gap: number,
  ) {}

  get stamp(): Timestamp {
    return this.turn.timestamp!;
  }

  /** The latest stamp before it, which it contradicts. */
  get latest(): StampedTurn {
    return stamped(this.latestTurn);
  }
}

/** A turn whose stamp is the same as the stamp of the stamped turn before it. */
export class RepeatedStamp implements StampedTurn {
  constructor(
    readonly turn: Turn,
    /** The stamped turn before it. */
    readonly previousTurn: Turn,
  ) {}

  get stamp(): Timestamp {
    return this.turn.timestamp!;
  }

  get previous(): StampedTurn {
    return stamped(this.previousTurn);
  }
}

function stamped(turn: Turn): StampedTurn {
  return { turn, stamp: turn.timestamp! };
}

export interface TimestampFindings {
  readonly backwards: readonly BackwardsStamp[];
  readonly repeated: readonly RepeatedStamp[];
}

/**
 * One pass over the stamped turns in document order. Turns without a valid stamp are skipped. A
 * stamp less than `timestampToleranceSeconds` earlier than the latest before it is no finding:
 * voices that cross for a moment. The latest stamp stays the latest, so the stamps after it are
 * measured against it as always.
 */
export function checkTimestamps(model: TranscriptModel, settings: Pick<TranscriptSettings, 'timestampToleranceSeconds'>): TimestampFindings {
  // Stamps are read to the millisecond: compared in whole milliseconds, 10.3 - 9.3 is exactly 1 s.
  const toleranceMs = Math.round(settings.timestampToleranceSeconds * 1000);
  const backwards: BackwardsStamp[] = [];
  const repeated: RepeatedStamp[] = [];
  let latest: { turn: Turn; seconds: number } | undefined;
  let previous: { turn: Turn; seconds: number } | undefined;
  for (const turn of model.turns) {
    const seconds = turn.timestampSeconds;
    if (seconds === undefined) continue;
    if (previous && previous.seconds === seconds) {
      repeated.push(new RepeatedStamp(turn, previous.turn));
    } else if (latest && seconds < latest.seconds && Math.round((latest.seconds - seconds) * 1000) >= toleranceMs) {
      backwards.push(new BackwardsStamp(turn, latest.turn, latest.seconds - seconds));
    }
    previous = { turn, seconds };
    if (!latest || seconds > latest.seconds) latest = { turn, seconds };
  }
  return { backwards, repeated };
}

/** `6 s`, `2 min 5 s`, `1 h 3 min`: a gap as people say it, as every duration reads. */
export function describeGap(seconds: number): string {
  return describeDuration(seconds);
}

export function backwardsMessage(finding: BackwardsStamp): string {
  return `${describeTime(finding.stamp.seconds)} is ${describeGap(finding.gap)} earlier than ${describeTime(
    finding.latest.stamp.seconds,
  )} (line ${finding.latest.stamp.range.start.line + 1})`;
}
