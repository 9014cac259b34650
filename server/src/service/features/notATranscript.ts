import type { TranscriptModel } from '../model';

/** The turn layouts the parser reads, in words, for a refusal that says what would have been read. */
export const LAYOUTS_READ =
  '`Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, ' +
  'Rev `Name (00:12):`, podcast pages `Name [(00:12)](link)`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT';

/** A header-like line read as a turn in a document with at least this many turns, no time and no label said twice, is more likely a `Key: value` line. */
const KEY_VALUE_TURNS = 6;

/** Where every layout the parser reads is described. */
export const FORMAT_DOCS = 'docs/format.md';

/**
 * Why a text is refused as a transcript, or undefined when it is one: text with content but not
 * one speaker turn is something else (a README, a log, a CSV). An empty or blank text is an empty
 * transcript, not a refusal. The command line tool refuses such files with this reason, the
 * editor says it once (`not-a-transcript`), and `scripts/measure-layouts.mjs` counts them with the
 * same rule. `text` may be a function that gives it: it is read only when the turns do not decide
 * (a document the server keeps in pieces is then not made one string on every keystroke).
 */
export function notATranscriptReason(model: TranscriptModel, text: string | (() => string)): string | undefined {
  if (model.turns.length === 0) {
    return /\S/.test(typeof text === 'string' ? text : text())
      ? `not a transcript: no speaker turns found (turns are read as ${LAYOUTS_READ}; see ${FORMAT_DOCS})`
      : undefined;
  }
  if (looksLikeKeyValues(model, text)) {
    return `not a transcript: its ${model.turns.length} \`Label: text\` lines name ${model.turns.length} different labels and no time, as a report's \`Key: value\` lines do; in a conversation someone speaks twice (see ${FORMAT_DOCS})`;
  }
  const stray = strayLineCount(model);
  if (stray >= MIN_STRAY_LINES && stray > model.turns.length) {
    const turns = model.turns.length === 1 ? '1 speaker turn' : `${model.turns.length} speaker turns`;
    return `not a transcript: ${stray} lines are in no speaker turn, more than the ${turns} found (turns are read as ${LAYOUTS_READ}; see ${FORMAT_DOCS})`;
  }
  return undefined;
}

/**
 * Lines in no turn said once rather than one by one, when there are at least this many and they
 * outnumber the turns: an essay with one `Name: text` line in it is prose, not a transcript with
 * two hundred faults. A transcript with a few stray lines keeps a warning on each.
 */
const MIN_STRAY_LINES = 10;

function strayLineCount(model: TranscriptModel): number {
  let count = 0;
  for (const problem of model.problems) if (problem.code === 'unrecognized-line') count++;
  return count;
}

/**
 * A report (`Episode: …`, `Generated: …`, `Primary: …`) or a page of notes (`**Date:** …`, `Brian:`
 * over a list) reads as turns of as many speakers as lines. In a conversation, some speaker
 * speaks twice; in a stamped monologue or a caption file, times are there. So: no time, no label
 * said twice, and either many such lines or turns that hold less than half of the text.
 */
function looksLikeKeyValues(model: TranscriptModel, text: string | (() => string)): boolean {
  const labels = new Set<string>();
  let turnLines = 0;
  for (const turn of model.turns) {
    if (turn.timestamp || turn.label === '' || !turn.labelRange) return false;
    const key = turn.label.toLowerCase();
    if (labels.has(key)) return false;
    labels.add(key);
    turnLines += turn.range.end.line - turn.range.start.line + 1;
  }
  return model.turns.length >= KEY_VALUE_TURNS || turnLines * 2 < nonBlankLines(typeof text === 'string' ? text : text());
}

function nonBlankLines(text: string): number {
  let count = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (/\S/.test(line)) count++;
  return count;
}
