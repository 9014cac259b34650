import type { Polarity, Range, Speaker, TranscriptModel, Turn } from '../model';
import { previewText } from '../util/format';
import type { MovedSections } from '../parse/sections';
import { shiftChunkIndex, shiftRange, shiftTurnIndex } from '../parse/shift';
import type { Derivation } from '../analysis/analysis';

export interface TurnSummary {
  readonly turnIndex: number;
  readonly chunkIndex: number;
  /** The whole turn, and its header (where the cursor goes when the turn is revealed). */
  readonly range: Range;
  readonly headerRange: Range;
  readonly seconds?: number;
  readonly preview: string;
  readonly sentiment?: { readonly label: string; readonly polarity: Polarity };
}

export interface SpeakerSummary {
  /** Stable within a document version: the person a speakers-view row stands for. */
  readonly key: string;
  readonly displayName: string;
  readonly label: string;
  readonly name?: string;
  /** Chunks this row covers: one for a label like `Speaker 1` (labels restart per chunk), any for a name. */
  readonly chunkIndices: readonly number[];
  readonly turnCount: number;
  /** Seconds from each of the speaker's stamped turns to the next stamp, where the next is later. */
  readonly talkSeconds: number;
  readonly sentimentMix: Readonly<Record<Polarity, number>>;
  readonly turns: readonly TurnSummary[];
}

/** Labels that number or name a role rather than a person; they restart with every chunk. */
const GENERIC_LABEL = /^(speaker|person|voice|participant|unknown|spk)(\s*\d+)?$/i;

/**
 * The person a turn belongs to. A resolved name (`Mark Chen`, `Bob McGrew`, `Researcher`) is the
 * same person throughout the document; a generic label is only the same person within its chunk.
 */
export function personKey(model: TranscriptModel, turn: Turn): string {
  return speakerKey(model.speakers[turn.speakerIndex]!);
}

/** A speaker object's key; the objects never change, and thousands are kept from version to version. */
const keysOfSpeakers = new WeakMap<Speaker, string>();

function speakerKey(speaker: Speaker): string {
  let key = keysOfSpeakers.get(speaker);
  if (key === undefined) keysOfSpeakers.set(speaker, (key = keyOf(speaker)));
  return key;
}

function keyOf(speaker: Speaker): string {
  if (speaker.name !== undefined) return `name:${speaker.name.toLowerCase()}`;
  if (!GENERIC_LABEL.test(speaker.label)) return `name:${speaker.label.toLowerCase()}`;
  return `chunk:${speaker.chunkIndex}:${speaker.label.toLowerCase()}`;
}

/** Seconds each turn lasts: until the next stamped turn, when that one is later. */
export function turnDurations(model: TranscriptModel): Float64Array {
  const durations = new Float64Array(model.turns.length);
  // A turn's stamp is made each time it is read: read it once.
  let previousIndex = -1;
  let previousSeconds = 0;
  for (const turn of model.turns) {
    const seconds = turn.timestamp?.seconds;
    if (seconds === undefined) continue;
    if (previousIndex >= 0 && seconds > previousSeconds) durations[previousIndex] = seconds - previousSeconds;
    previousIndex = turn.index;
    previousSeconds = seconds;
  }
  return durations;
}

/**
 * Each turn's row, kept from one version to the next: a turn object is reused only while its
 * section is unchanged, so its row is the same (see `sections.ts`).
 */
export type TurnSummaryCache = WeakMap<Turn, TurnSummary>;

/** The speakers of each version, made from the version before's rows and each turn's row kept while its turn is the same object. */
export const SPEAKERS: Derivation<readonly SpeakerSummary[], TurnSummaryCache> = {
  initial: () => new WeakMap(),
  move: (cache, moved) => carryTurnSummaries(cache, moved),
  compute: (analysis, cache, previous) => summarizeSpeakers(analysis.model, cache, previous),
};

/**
 * Who speaks, one row per person. `previous`, the rows of the version before, lets a row that
 * has not changed stay the same object: tens of thousands of rows need not be made again after
 * each keystroke, and the client is sent only the rows that are new objects.
 */
export function summarizeSpeakers(
  model: TranscriptModel,
  cache: TurnSummaryCache = new WeakMap(),
  previous: readonly SpeakerSummary[] = [],
): SpeakerSummary[] {
  const before = new Map(previous.map((row) => [row.key, row]));
  const summaryOf = (turn: Turn) => {
    let summary = cache.get(turn);
    if (!summary) cache.set(turn, (summary = summarizeTurn(turn)));
    return summary;
  };
  const durations = turnDurations(model);
  // Keys per speaker of a chunk, not per turn: there are fewer, and they are the same for each turn.
  const keys = model.speakers.map(speakerKey);
  const byKey = new Map<string, { first: Turn; turns: Turn[]; chunks: Set<number> }>();
  for (const turn of model.turns) {
    const key = keys[turn.speakerIndex]!;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { first: turn, turns: [], chunks: new Set() }));
    entry.turns.push(turn);
    entry.chunks.add(turn.chunkIndex);
  }
  return [...byKey].map(([key, { first, turns, chunks }]): SpeakerSummary => {
    const speaker = model.speakers[first.speakerIndex]!;
    const generic = key.startsWith('chunk:');
    const mix: Record<Polarity, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };
    let talkSeconds = 0;
    for (const turn of turns) {
      talkSeconds += durations[turn.index]!;
      for (const sentiment of turn.sentiments) mix[sentiment.polarity]++;
    }
    const old = before.get(key);
    if (
      old &&
      sameRow(old, speaker, turns.length, talkSeconds, mix, chunks) &&
      turns.every((turn, i) => sameTurnSummary(summaryOf(turn), old.turns[i]!))
    ) {
      return old;
    }
    return {
      key,
      displayName: generic ? `${speaker.displayName} · chunk ${speaker.chunkIndex + 1}` : speaker.displayName,
      label: speaker.label,
      ...(speaker.name !== undefined ? { name: speaker.name } : {}),
      chunkIndices: [...chunks],
      turnCount: turns.length,
      talkSeconds,
      sentimentMix: mix,
      turns: turns.map(summaryOf),
    };
  });
}

/**
 * Whether the row of the version before still holds, turns aside. Its key is the same, so a
 * generic row's chunk is too, and its name is made from the label alone.
 */
function sameRow(
  old: SpeakerSummary,
  speaker: Speaker,
  turnCount: number,
  talkSeconds: number,
  mix: Readonly<Record<Polarity, number>>,
  chunks: ReadonlySet<number>,
): boolean {
  return (
    old.label === speaker.label &&
    old.name === speaker.name &&
    (old.key.startsWith('chunk:') || old.displayName === speaker.displayName) &&
    old.turnCount === turnCount &&
    old.talkSeconds === talkSeconds &&
    old.sentimentMix.positive === mix.positive &&
    old.sentimentMix.negative === mix.negative &&
    old.sentimentMix.neutral === mix.neutral &&
    old.sentimentMix.mixed === mix.mixed &&
    old.sentimentMix.other === mix.other &&
    sameInOrder(old.chunkIndices, chunks)
  );
}

/**
 * Whether two rows of a turn say the same. A turn's row object is kept while its section is
 * untouched; a section an edit parsed again has new turns whose rows mostly say what they said.
 */
function sameTurnSummary(a: TurnSummary, b: TurnSummary): boolean {
  return (
    a === b ||
    (a.turnIndex === b.turnIndex &&
      a.chunkIndex === b.chunkIndex &&
      sameRange(a.range, b.range) &&
      sameRange(a.headerRange, b.headerRange) &&
      a.seconds === b.seconds &&
      a.preview === b.preview &&
      a.sentiment?.label === b.sentiment?.label &&
      a.sentiment?.polarity === b.sentiment?.polarity)
  );
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function sameInOrder(array: readonly number[], set: ReadonlySet<number>): boolean {
  if (array.length !== set.size) return false;
  let i = 0;
  for (const value of set) if (array[i++] !== value) return false;
  return true;
}

/** Carries the rows of the turns an edit moved over to their moved copies. */
export function carryTurnSummaries(cache: TurnSummaryCache, moved: MovedSections): void {
  const { shift } = moved;
  for (const { before, after } of moved.parts) {
    before.turns.forEach((turn, i) => {
      const summary = cache.get(turn);
      if (!summary) return;
      cache.set(after.turns[i]!, {
        ...summary,
        turnIndex: shiftTurnIndex(summary.turnIndex, shift),
        chunkIndex: shiftChunkIndex(summary.chunkIndex, shift),
        range: shiftRange(summary.range, shift),
        headerRange: shiftRange(summary.headerRange, shift),
      });
    });
  }
}

function summarizeTurn(turn: Turn): TurnSummary {
  return {
    turnIndex: turn.index,
    chunkIndex: turn.chunkIndex,
    range: turn.range,
    headerRange: turn.headerRange,
    ...(turn.timestamp ? { seconds: turn.timestamp.seconds } : {}),
    preview: previewText(turn),
    ...(turn.sentiments[0] ? { sentiment: { label: turn.sentiments[0].label, polarity: turn.sentiments[0].polarity } } : {}),
  };
}
