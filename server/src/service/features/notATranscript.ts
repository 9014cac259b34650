import type { TranscriptModel } from '../model';

/** The turn layouts the parser reads, in words, for a refusal that says what would have been read. */
export const LAYOUTS_READ = '`Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text` and `Speaker 1 (Name): text`';

/** Where every layout the parser reads is described. */
export const FORMAT_DOCS = 'docs/format.md';

/**
 * Why a text is refused as a transcript, or undefined when it is one: text with content but not
 * one speaker turn is something else (a README, a log, a CSV). An empty or blank text is an empty
 * transcript, not a refusal. The command line tool refuses such files with this reason, the
 * editor says it once (`not-a-transcript`), and `scripts/measure-layouts.mjs` counts them with the
 * same rule.
 */
export function notATranscriptReason(model: TranscriptModel, text: string): string | undefined {
  return model.turns.length === 0 && /\S/.test(text)
    ? `not a transcript: no speaker turns found (turns are read as ${LAYOUTS_READ}; see ${FORMAT_DOCS})`
    : undefined;
}
