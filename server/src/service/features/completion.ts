import type { Position, TranscriptModel } from '../model';
import { KNOWN_SENTIMENT_WORDS } from '../parse/sentimentLexicon';

export interface TranscriptCompletion {
  readonly label: string;
  readonly kind: 'speaker' | 'sentiment';
  readonly insertText: string;
  readonly detail: string;
  /** Replace from this character of the cursor's line up to the cursor. */
  readonly replaceFrom: number;
}

/** A turn's start: indentation, maybe a stamp, then the beginning of a label. */
// Each optional run of blanks is followed by a character that cannot be a blank, so no two
// parts of a pattern can take the same blanks (the ReDoS audit in the tests holds them to it).
const TURN_START = /^[ \t]*(?:\[[\d:.,]*\][ \t]*)?((?:[\p{L}\p{M}\d.'’-][\p{L}\p{M}\d .'’-]*)?)$/u;
const SENTIMENT_VALUE = /(?:^[ \t]*\(?|\()sentiment[ \t]*:[ \t]*((?:[\p{L},-][\p{L} ,-]*)?)$/iu;
const OPEN_NOTE = /([([])([\p{L} -]*)$/u;

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Speaker labels and names at the start of a turn; sentiment labels after `Sentiment:` and
 * inside `(`…`)` or `[`…` sentiment]`. `linePrefix` is the cursor line's text before the cursor.
 */
export function completions(model: TranscriptModel, position: Position, linePrefix: string): TranscriptCompletion[] {
  const sentiment = SENTIMENT_VALUE.exec(linePrefix);
  if (sentiment) return sentimentItems(model, position.character - sentiment[1]!.length, '');

  const turnStart = TURN_START.exec(linePrefix);
  if (turnStart) {
    const replaceFrom = position.character - turnStart[1]!.length;
    return speakerItems(model, chunkAtLine(model, position.line)).map(([label, detail]) => ({
      label,
      kind: 'speaker',
      insertText: `${label}: `,
      detail,
      replaceFrom,
    }));
  }

  const note = OPEN_NOTE.exec(linePrefix);
  if (note && linePrefix.includes(':')) {
    return sentimentItems(model, position.character - note[2]!.length, note[1] === '[' ? ' sentiment]' : ')');
  }
  return [];
}

/** The index of the chunk a line is in: the last one starting at or before it (the first when none does). */
function chunkAtLine(model: TranscriptModel, line: number): number {
  let low = 0;
  let high = model.chunks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (model.chunks[middle]!.range.start.line <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Labels and names, each once, with what it is. Labels such as `Speaker 1` restart in each chunk,
 * so the chunk being written comes first and each label is described as it is there; then the
 * chunks nearest to it, where the same people most likely speak.
 */
function speakerItems(model: TranscriptModel, chunk: number): Array<[label: string, detail: string]> {
  const ranked = model.speakers
    .filter((speaker) => speaker.label !== '')
    .map((speaker) => ({ speaker, distance: Math.abs(speaker.chunkIndex - chunk) }))
    // Nearest first; of two chunks as near, the one before (what was just said), then as written:
    // the speakers are in document order, and the sort keeps that order among equals.
    .sort((a, b) => a.distance - b.distance);
  const seen = new Map<string, string>();
  for (const { speaker } of ranked) {
    const name = speaker.name !== undefined ? `: ${speaker.name}` : '';
    if (!seen.has(speaker.label)) {
      seen.set(
        speaker.label,
        speaker.chunkIndex === chunk ? `Speaker label in this chunk${name}` : `Speaker label, chunk ${speaker.chunkIndex + 1}${name}`,
      );
    }
    if (speaker.name !== undefined && !seen.has(speaker.name)) seen.set(speaker.name, `Speaker name (${speaker.label})`);
  }
  return [...seen];
}

function sentimentItems(model: TranscriptModel, replaceFrom: number, closing: string): TranscriptCompletion[] {
  const labels = new Map<string, string>();
  for (const turn of model.turns) {
    for (const s of turn.sentiments) if (!labels.has(s.label) && s.label.length <= 40) labels.set(s.label, `Used in this transcript (${s.polarity})`);
  }
  for (const word of KNOWN_SENTIMENT_WORDS) {
    const label = titleCase(word);
    if (!labels.has(label)) labels.set(label, 'Sentiment label');
  }
  return [...labels].map(([label, detail]) => ({ label, kind: 'sentiment', insertText: label + closing, detail, replaceFrom }));
}
