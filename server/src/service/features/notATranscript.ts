import type { TranscriptModel } from '../model';

/**
 * Why a text is refused as a transcript, or undefined when it is one: text with content but not
 * one speaker turn is something else (a README, a log, a CSV). An empty or blank text is an empty
 * transcript, not a refusal. The command line tool refuses such files with this reason, and
 * `scripts/measure-layouts.mjs` counts them with the same rule.
 */
export function notATranscriptReason(model: TranscriptModel, text: string): string | undefined {
  return model.turns.length === 0 && /\S/.test(text) ? 'not a transcript: no speaker turns found' : undefined;
}
