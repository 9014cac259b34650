import type { Polarity, Range, SpeakerSummary, SpeakersResult, SpeakersWire, TurnSummary } from './messages';

/*
 * The speakers answer as it travels (`SpeakersWire` in `messages.ts`): the server encodes it,
 * whole or as the rows changed since the answer the client holds, and the client decodes it.
 */

/** turnIndex, chunkIndex, the range's four numbers, the header range's four, seconds (or -1), sentiment (or -1). */
const TURN_FIELDS = 12;

/**
 * The answer as it travels: whole, or, given the answer the client holds (`previous`), only
 * the rows that differ from it.
 */
export function encodeSpeakers(result: SpeakersResult, previous?: SpeakersResult): SpeakersWire {
  if (!previous) return encodeRows(result.version, result.speakers);
  const before = new Map(previous.speakers.map((speaker) => [speaker.key, speaker]));
  // The server's service keeps a row's object while the row is unchanged (`summarizeSpeakers`).
  const changed = result.speakers.filter((speaker) => before.get(speaker.key) !== speaker);
  const sameOrder =
    result.speakers.length === previous.speakers.length && result.speakers.every((speaker, i) => speaker.key === previous.speakers[i]!.key);
  return {
    ...encodeRows(result.version, changed),
    since: previous.version,
    ...(sameOrder ? {} : { order: result.speakers.map((speaker) => speaker.key) }),
  };
}

function encodeRows(version: number, rows: readonly SpeakerSummary[]): SpeakersWire {
  const turnNumbers: number[] = [];
  const previews: string[] = [];
  const sentiments: Array<{ label: string; polarity: Polarity }> = [];
  const sentimentIndex = new Map<string, number>();
  const rangeNumbers = ({ start, end }: Range) => turnNumbers.push(start.line, start.character, end.line, end.character);
  const speakers = rows.map(({ turns, ...speaker }) => {
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
  return { version, speakers, turnNumbers, previews, sentiments };
}

/**
 * The answer the server meant. An answer of changed rows needs the one it was made against,
 * `previous`; without it (which the client never lets happen) it throws.
 */
export function decodeSpeakers(wire: SpeakersWire, previous?: SpeakersResult): SpeakersResult {
  const rows = decodeRows(wire);
  if (wire.since === undefined) return { version: wire.version, speakers: rows };
  if (previous?.version !== wire.since) {
    throw new Error(`speakers: an answer of changes since version ${wire.since} reached a client holding ${previous?.version ?? 'none'}`);
  }
  const changed = new Map(rows.map((speaker) => [speaker.key, speaker]));
  const before = new Map(previous.speakers.map((speaker) => [speaker.key, speaker]));
  const order = wire.order ?? previous.speakers.map((speaker) => speaker.key);
  return { version: wire.version, speakers: order.map((key) => (changed.get(key) ?? before.get(key))!) };
}

function decodeRows(wire: SpeakersWire): SpeakerSummary[] {
  const n = wire.turnNumbers;
  let turn = 0;
  const range = (at: number): Range => ({ start: { line: n[at]!, character: n[at + 1]! }, end: { line: n[at + 2]!, character: n[at + 3]! } });
  return wire.speakers.map((speaker): SpeakerSummary => {
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
}
