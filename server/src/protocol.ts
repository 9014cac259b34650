/**
 * Custom requests between the client and the server, typed once here and imported by both
 * sides. Each is named `transcript/<verb>`.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Polarity, Range } from './service/model';
import type { SpeakerSummary, TurnSummary } from './service/speakers';

export type { SpeakerSummary, TurnSummary };

export interface DocumentParams {
  readonly uri: string;
}

export interface SpeakersResult {
  /** The document version the answer describes. */
  readonly version: number;
  readonly speakers: readonly SpeakerSummary[];
}

/**
 * `SpeakersResult` as it travels. A long transcript has tens of thousands of turns, and as
 * objects with named keys they made 33 MB of JSON for the 20 MB bench transcript, which took
 * the server and the client a quarter of a second each to write and read on every refresh. So
 * the turns go as one flat array of numbers, their previews as an array of strings, and their
 * sentiments as indices into a table: 14 MB, read and decoded by the client in about half the time.
 */
export interface SpeakersWire {
  readonly version: number;
  readonly speakers: ReadonlyArray<Omit<SpeakerSummary, 'turns'>>;
  /** `TURN_FIELDS` numbers a turn, for the turns of each speaker in order (`turnCount` each). */
  readonly turnNumbers: readonly number[];
  readonly previews: readonly string[];
  readonly sentiments: ReadonlyArray<{ readonly label: string; readonly polarity: Polarity }>;
}

/** turnIndex, chunkIndex, the range's four numbers, the header range's four, seconds (or -1), sentiment (or -1). */
const TURN_FIELDS = 12;

export function encodeSpeakers(result: SpeakersResult): SpeakersWire {
  const turnNumbers: number[] = [];
  const previews: string[] = [];
  const sentiments: Array<{ label: string; polarity: Polarity }> = [];
  const sentimentIndex = new Map<string, number>();
  const rangeNumbers = ({ start, end }: Range) => turnNumbers.push(start.line, start.character, end.line, end.character);
  const speakers = result.speakers.map(({ turns, ...speaker }) => {
    for (const turn of turns) {
      turnNumbers.push(turn.turnIndex, turn.chunkIndex);
      rangeNumbers(turn.range);
      rangeNumbers(turn.headerRange);
      turnNumbers.push(turn.seconds ?? -1);
      let sentiment = -1;
      if (turn.sentiment) {
        const key = `${turn.sentiment.polarity}\u0000${turn.sentiment.label}`;
        sentiment = sentimentIndex.get(key) ?? -1;
        if (sentiment < 0) {
          sentimentIndex.set(key, (sentiment = sentiments.length));
          sentiments.push({ label: turn.sentiment.label, polarity: turn.sentiment.polarity });
        }
      }
      turnNumbers.push(sentiment);
      previews.push(turn.preview);
    }
    return speaker;
  });
  return { version: result.version, speakers, turnNumbers, previews, sentiments };
}

export function decodeSpeakers(wire: SpeakersWire): SpeakersResult {
  const n = wire.turnNumbers;
  let turn = 0;
  const range = (at: number): Range => ({ start: { line: n[at]!, character: n[at + 1]! }, end: { line: n[at + 2]!, character: n[at + 3]! } });
  const speakers = wire.speakers.map((speaker): SpeakerSummary => {
    const turns: TurnSummary[] = [];
    for (let i = 0; i < speaker.turnCount; i++, turn++) {
      const at = turn * TURN_FIELDS;
      const seconds = n[at + 10]!;
      const sentiment = n[at + 11]!;
      turns.push({
        turnIndex: n[at]!,
        chunkIndex: n[at + 1]!,
        range: range(at + 2),
        headerRange: range(at + 6),
        ...(seconds >= 0 ? { seconds } : {}),
        preview: wire.previews[turn]!,
        ...(sentiment >= 0 ? { sentiment: wire.sentiments[sentiment]! } : {}),
      });
    }
    return { ...speaker, turns };
  });
  return { version: wire.version, speakers };
}

/** Everyone who speaks in a document, with their turns: the speakers view and navigation use it. */
export const SpeakersRequest = new RequestType<DocumentParams, SpeakersWire | null, void>('transcript/speakers');
