import type { Position, Range, Sentiment, Timestamp, TranscriptModel, Turn } from '../model';
import { rangeContains } from '../util/text';

/** The turn whose lines contain `line`, by binary search over the turns in document order. */
export function turnAtLine(model: TranscriptModel, line: number): Turn | undefined {
  let low = 0;
  let high = model.turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = model.turns[middle]!;
    if (turn.range.end.line < line) low = middle + 1;
    else if (turn.range.start.line > line) high = middle - 1;
    else return turn;
  }
  return undefined;
}

export type SpeakerPart = 'label' | 'name' | 'echo';

export interface SpeakerReference {
  readonly turn: Turn;
  readonly part: SpeakerPart;
  readonly range: Range;
  readonly text: string;
}

/** The speaker label or name under the cursor, if there is one. */
export function speakerReferenceAt(model: TranscriptModel, position: Position): SpeakerReference | undefined {
  const turn = turnAtLine(model, position.line);
  if (!turn) return undefined;
  const { labelRange } = turn;
  if (turn.form !== 'announced' && labelRange && rangeContains(labelRange, position)) {
    return { turn, part: 'label', range: labelRange, text: turn.label };
  }
  if (turn.nameRange && turn.name !== undefined && rangeContains(turn.nameRange, position)) {
    return { turn, part: 'name', range: turn.nameRange, text: turn.name };
  }
  if (turn.echoRange && turn.name !== undefined && rangeContains(turn.echoRange, position)) {
    return { turn, part: 'echo', range: turn.echoRange, text: turn.name };
  }
  return undefined;
}

export function sentimentAt(model: TranscriptModel, position: Position): { turn: Turn; sentiment: Sentiment } | undefined {
  const turn = turnAtLine(model, position.line);
  const sentiment = turn?.sentiments.find((s) => rangeContains(s.range, position));
  return turn && sentiment ? { turn, sentiment } : undefined;
}

export function timestampAt(model: TranscriptModel, position: Position): { turn: Turn; stamp: Timestamp } | undefined {
  const turn = turnAtLine(model, position.line);
  return turn?.timestamp && rangeContains(turn.timestamp.range, position) ? { turn, stamp: turn.timestamp } : undefined;
}
