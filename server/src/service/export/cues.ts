import type { TranscriptModel, Turn } from '../model';
import { speakerName } from '../util/format';

/**
 * Timed cues for subtitle formats. Only turns with a valid stamp and some text become cues. Cues
 * are ordered by start time (stably), because players expect a timeline even when a transcript's
 * stamps run backwards; `transcript check` reports such stamps.
 */
export interface Cue {
  /** Seconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  /** The speaker's name when the chunk gives one, otherwise the label. */
  readonly speaker: string;
  /** The turn's text, one entry per source line, none empty. */
  readonly lines: readonly string[];
  readonly turnIndex: number;
}

export interface CueOptions {
  /** How long the last cue (and any with no later cue to end at) stays up, in seconds. */
  readonly lastCueSeconds?: number;
}

/** The default length of the last cue: long enough to read a short sentence. */
export const DEFAULT_LAST_CUE_SECONDS = 5;

/** The turn's text lines, trimmed, with empty ones dropped. */
export function turnLines(turn: Turn): string[] {
  return turn.segments.map((segment) => segment.text.trim()).filter((line) => line.length > 0);
}

/**
 * Each cue ends where the next later cue begins. Two turns with the same stamp both end at the
 * next later stamp, so no cue has zero length.
 */
export function timedCues(model: TranscriptModel, options: CueOptions = {}): Cue[] {
  const lastCueSeconds = validDuration(options.lastCueSeconds) ?? DEFAULT_LAST_CUE_SECONDS;
  const timed = model.turns
    .filter((turn) => turn.timestamp !== undefined && turnLines(turn).length > 0)
    .map((turn) => ({ turn, start: turn.timestamp!.seconds }))
    .sort((a, b) => a.start - b.start);

  const cues: Cue[] = [];
  let nextLater = 0;
  for (let i = 0; i < timed.length; i++) {
    const { turn, start } = timed[i]!;
    if (nextLater <= i) nextLater = i + 1;
    while (nextLater < timed.length && timed[nextLater]!.start <= start) nextLater++;
    const end = nextLater < timed.length ? timed[nextLater]!.start : start + lastCueSeconds;
    cues.push({ start, end, speaker: speakerName(model, turn), lines: turnLines(turn), turnIndex: turn.index });
  }
  return cues;
}

function validDuration(seconds: number | undefined): number | undefined {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** `HH:MM:SS` followed by `sep` and milliseconds; hours grow past two digits when needed. */
export function cueTime(seconds: number, separator: '.' | ','): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms, 3)}`;
}
