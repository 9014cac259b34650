import type { TranscriptModel, Turn } from '../model';
import { resolvePeopleOf, type People } from '../people/people';
import { estimatedTimeline } from '../features/playback';
import { exportedSpeakers } from './speakerNames';

/**
 * Timed cues for subtitle formats. Only turns with a valid stamp and some text become cues. Cues
 * are ordered by start time (stably), because players expect a timeline even when a transcript's
 * stamps run backwards; `transcript check` reports such stamps.
 */
export interface Cue {
  /** Seconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  /**
   * The speaker's name (the person's, where the chunk writes only a label like `Speaker 2`: see
   * `exportedSpeakers`), otherwise the label; absent for a turn that names no speaker (a segment,
   * a cue without a voice), which the exports write without one.
   */
  readonly speaker?: string;
  /** The turn's text, one entry per source line, none empty. */
  readonly lines: readonly string[];
  readonly turnIndex: number;
}

export interface CueOptions {
  /** How long the last cue (and any with no later cue to end at) stays up, in seconds. */
  readonly lastCueSeconds?: number;
  /**
   * Turns without a stamp: left out of the cues (the default, as nothing says when they were
   * said), or given times estimated from the stamps around them (see `estimatedTimeline`).
   */
  readonly untimed?: 'leave-out' | 'estimate';
}

/** What a set of cues leaves out or changes, for the user to be told. */
export interface CueReport {
  /** Turns with text that have no stamp, and so no cue (none when their times are estimated). */
  readonly leftOut: number;
  /** Turns without a stamp given an estimated time. */
  readonly estimated: number;
  /** Cues made longer than the next cue allowed, as their words could not be said in that time. */
  readonly lengthened: number;
}

/**
 * A cue whose next stamp comes sooner than this pace allows is taken to be cut short by a wrong
 * stamp (no one speaks faster); it is then given the time its words take at a normal pace.
 */
const FASTEST_WORDS_PER_SECOND = 5;
const NORMAL_WORDS_PER_SECOND = 2.5;

/** The default length of the last cue: long enough to read a short sentence. */
export const DEFAULT_LAST_CUE_SECONDS = 5;

/** The turn's text lines, trimmed, with empty ones dropped. */
export function turnLines(turn: Turn): string[] {
  return turn.segments.map((segment) => segment.text.trim()).filter((line) => line.length > 0);
}

/**
 * A turn whose source says where it ends (a cue's `--> end`) ends there, even past the next cue's
 * start: subtitles may overlap. Any other cue ends where the next later cue begins; two turns
 * with the same stamp both end at the next later stamp, so no cue has zero length. An end that is
 * not after the start would make a cue players drop, so it is ignored like a missing one.
 */
export function timedCues(model: TranscriptModel, options: CueOptions = {}, people: People = resolvePeopleOf(model)): Cue[] {
  return cuesWithReport(model, options, people).cues;
}

/** The cues, and what they leave out or change. */
export function cuesWithReport(
  model: TranscriptModel,
  options: CueOptions = {},
  people: People = resolvePeopleOf(model),
): { cues: Cue[]; report: CueReport } {
  const speakerOf = exportedSpeakers(model, people);
  const lastCueSeconds = validDuration(options.lastCueSeconds) ?? DEFAULT_LAST_CUE_SECONDS;
  const estimates = options.untimed === 'estimate' ? estimatedTimeline(model) : undefined;
  const spoken = model.turns.filter((turn) => turnLines(turn).length > 0);
  const timed = spoken
    .filter((turn) => turn.timestamp !== undefined || estimates !== undefined)
    .map((turn) => ({ turn, start: turn.timestamp?.seconds ?? estimates![turn.index]!.seconds }))
    .sort((a, b) => a.start - b.start);
  let lengthened = 0;

  const cues: Cue[] = [];
  let nextLater = 0;
  for (let i = 0; i < timed.length; i++) {
    const { turn, start } = timed[i]!;
    if (nextLater <= i) nextLater = i + 1;
    while (nextLater < timed.length && timed[nextLater]!.start <= start) nextLater++;
    const ownEnd = turn.endTimestamp?.seconds;
    const untilNext = nextLater < timed.length ? timed[nextLater]!.start : start + lastCueSeconds;
    let end = ownEnd !== undefined && ownEnd > start ? ownEnd : untilNext;
    const words = wordCount(turn);
    if (ownEnd === undefined && end - start < words / FASTEST_WORDS_PER_SECOND) {
      end = start + words / NORMAL_WORDS_PER_SECOND;
      lengthened++;
    }
    const speaker = speakerOf(turn);
    cues.push({ start, end, ...(speaker !== undefined ? { speaker } : {}), lines: turnLines(turn), turnIndex: turn.index });
  }
  const estimated = estimates ? spoken.filter((turn) => turn.timestamp === undefined).length : 0;
  return { cues, report: { leftOut: spoken.length - timed.length, estimated, lengthened } };
}

function wordCount(turn: Turn): number {
  let words = 0;
  for (const line of turnLines(turn)) words += line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return words;
}

function validDuration(seconds: number | undefined): number | undefined {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * `HH:MM:SS` followed by `sep` and milliseconds; hours grow past two digits when needed. The time
 * is rounded to the nearest millisecond, never cut: `1.001` is `1000.9999999999999` ms in floating
 * point. The product is first read to a thousandth of a millisecond, so that a time written with
 * a half millisecond (`0.5005`, `500.49999999999994` ms) rounds up as its digits say.
 */
export function cueTime(seconds: number, separator: '.' | ','): string {
  const totalMs = Math.max(0, Math.round(Number((seconds * 1000).toFixed(3))));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms, 3)}`;
}
