import type { Timestamp, TranscriptModel, Turn } from './model';
import { describeTime } from './timestampFormat';

/** A turn whose stamp is earlier than the latest stamp before it. */
export interface BackwardsStamp {
  readonly turn: Turn;
  readonly stamp: Timestamp;
  /** The latest stamp before it, which it contradicts. */
  readonly latest: { readonly turn: Turn; readonly stamp: Timestamp };
  /** How much earlier, in seconds. */
  readonly gap: number;
}

export interface RepeatedStamp {
  readonly turn: Turn;
  readonly stamp: Timestamp;
  readonly previous: { readonly turn: Turn; readonly stamp: Timestamp };
}

export interface TimestampFindings {
  readonly backwards: readonly BackwardsStamp[];
  readonly repeated: readonly RepeatedStamp[];
}

/** One pass over the stamped turns in document order. Turns without a valid stamp are skipped. */
export function checkTimestamps(model: TranscriptModel): TimestampFindings {
  const backwards: BackwardsStamp[] = [];
  const repeated: RepeatedStamp[] = [];
  let latest: { turn: Turn; stamp: Timestamp } | undefined;
  let previous: { turn: Turn; stamp: Timestamp } | undefined;
  for (const turn of model.turns) {
    const stamp = turn.timestamp;
    if (!stamp) continue;
    if (previous && previous.stamp.seconds === stamp.seconds) {
      repeated.push({ turn, stamp, previous });
    } else if (latest && stamp.seconds < latest.stamp.seconds) {
      backwards.push({ turn, stamp, latest, gap: latest.stamp.seconds - stamp.seconds });
    }
    previous = { turn, stamp };
    if (!latest || stamp.seconds > latest.stamp.seconds) latest = { turn, stamp };
  }
  return { backwards, repeated };
}

/** `6 s`, `2 min 5 s`, `1 h 3 min`: a gap as people say it. */
export function describeGap(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  if (rounded < 60) return `${rounded} s`;
  const whole = Math.round(rounded);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

export function backwardsMessage(finding: BackwardsStamp): string {
  return `${describeTime(finding.stamp.seconds)} is ${describeGap(finding.gap)} earlier than ${describeTime(
    finding.latest.stamp.seconds,
  )} (line ${finding.latest.stamp.range.start.line + 1})`;
}
