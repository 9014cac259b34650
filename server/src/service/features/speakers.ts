import type { Polarity, Range, Speaker, TranscriptModel, Turn } from '../model';
import { previewText } from '../util/format';
import type { MovedSections } from '../parse/sections';
import { shiftChunkIndex, shiftRange, shiftTurnIndex } from '../parse/shift';
import type { Derivation } from '../analysis/analysis';
import { isGenericLabel } from '../people/names';
import { resolvePeopleOf, type Link, type People, type Person } from '../people/people';

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

/** One chunk's label that is the row's person, and why we think so. */
export interface SpeakerMember {
  readonly chunkIndex: number;
  readonly label: string;
  readonly name?: string;
  readonly turnCount: number;
  /** The evidence that made this label the person (`its turn at line 141 repeats Donald Trump's words at line 130`); absent for the label the person was first found under. */
  readonly reason?: string;
}

export interface SpeakerSummary {
  /** Stable within a document version: the person a speakers-view row stands for. */
  readonly key: string;
  readonly displayName: string;
  readonly label: string;
  readonly name?: string;
  /** Chunks this row covers. */
  readonly chunkIndices: readonly number[];
  /** The chunk labels that are this person, in document order, when there are several. */
  readonly members?: readonly SpeakerMember[];
  /** Whether anything ties the person down: a name, or labels of several chunks found to be one person. */
  readonly resolved: boolean;
  /** For an unresolved row, the likeliest person it may be, and why (a suggestion, not applied). */
  readonly suggestion?: string;
  /** That person's name, when they have one: what accepting the suggestion writes in place of the label. */
  readonly suggestedName?: string;
  readonly turnCount: number;
  /** Seconds from each of the speaker's stamped turns to the next stamp, where the next is later. */
  readonly talkSeconds: number;
  readonly sentimentMix: Readonly<Record<Polarity, number>>;
  readonly turns: readonly TurnSummary[];
}

/**
 * The person a turn belongs to, by names and labels alone: a name (`Mark Chen`, `Bob McGrew`,
 * `Researcher`) is the same person throughout the document; a generic label only within its
 * chunk. What a label's colour covers; the people the evidence finds (`people/`) are the speakers
 * view's, the speaker and sentiment hovers', and what references and rename cover.
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
  if (!isGenericLabel(speaker.label)) return `name:${speaker.label.toLowerCase()}`;
  return `chunk:${speaker.chunkIndex}:${speaker.label.toLowerCase()}`;
}

/** Seconds each turn lasts: until the next stamped turn, when that one is later. */
export function turnDurations(model: TranscriptModel): Float64Array {
  const durations = new Float64Array(model.turns.length);
  // A turn's stamp is made each time it is read: read it once. Before the first stamp there is no
  // turn to end: no stamp is later than Infinity, and `previousIndex` is not read.
  let previousIndex = 0;
  let previousSeconds = Infinity;
  for (const turn of model.turns) {
    const seconds = turn.timestamp?.seconds;
    if (seconds === undefined) continue;
    if (seconds > previousSeconds) durations[previousIndex] = seconds - previousSeconds;
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
  compute: (analysis, cache, previous) => summarizeSpeakers(analysis.model, analysis.people, cache, previous),
};

/**
 * Who speaks, one row per person (see `people/`): the resolved people first, then the labels no
 * evidence ties to anyone, each in the order they first speak. `previous`, the rows of the version
 * before, lets a row that has not changed stay the same object: tens of thousands of rows need not
 * be made again after each keystroke, and the client is sent only the rows that are new objects.
 */
export function summarizeSpeakers(
  model: TranscriptModel,
  people: People = resolvePeopleOf(model),
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
  const bestLinks = bestSuggestions(people);
  const turnsOf = people.persons.map((): Turn[] => []);
  for (const turn of model.turns) turnsOf[people.personOfSpeaker[turn.speakerIndex]!]!.push(turn);
  const rows: SpeakerSummary[] = [];
  for (const person of people.persons) {
    const turns = turnsOf[person.index]!;
    // Every person has turns, and so has each of their speakers: the parser makes a speaker at its first turn.
    const spoken = person.speakers.map((index) => model.speakers[index]!);
    const first = model.speakers[turns[0]!.speakerIndex]!;
    const key =
      person.name !== undefined
        ? `name:${person.name.toLowerCase()}`
        : `${spoken.length > 1 ? 'group' : 'chunk'}:${first.chunkIndex}:${first.label.toLowerCase()}`;
    const chunks = new Set(turns.map((turn) => turn.chunkIndex));
    const mix: Record<Polarity, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };
    let talkSeconds = 0;
    for (const turn of turns) {
      talkSeconds += durations[turn.index]!;
      for (const sentiment of turn.sentiments) mix[sentiment.polarity]++;
    }
    const members = spoken.map((speaker): SpeakerMember => {
      const reason = people.joinedBy[speaker.index]?.reason;
      return {
        chunkIndex: speaker.chunkIndex,
        label: speaker.label,
        ...(speaker.name !== undefined ? { name: speaker.name } : {}),
        turnCount: speaker.turnIndices.length,
        ...(reason !== undefined ? { reason } : {}),
      };
    });
    const { suggestion, suggestedName } = person.resolved ? {} : suggestionFor(model, people, first.index, bestLinks);
    const displayName = personDisplayName(person, spoken);
    const row: SpeakerSummary = {
      key,
      displayName,
      label: first.label,
      ...(person.name !== undefined ? { name: person.name } : {}),
      chunkIndices: [...chunks],
      ...(members.length > 1 ? { members } : {}),
      resolved: person.resolved,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(suggestedName !== undefined ? { suggestedName } : {}),
      turnCount: turns.length,
      talkSeconds,
      sentimentMix: mix,
      turns: turns.map(summaryOf),
    };
    const old = before.get(key);
    rows.push(old && sameRow(old, row) && turns.every((turn, i) => sameTurnSummary(summaryOf(turn), old.turns[i]!)) ? old : row);
  }
  // The labels no evidence ties to anyone are listed apart, after the people.
  return [...rows.filter((row) => row.resolved), ...rows.filter((row) => !row.resolved)];
}

/**
 * What the Speakers view calls a person: the name, or else the first of its labels with the chunks
 * they speak in (`Speaker 2 · chunks 3, 4`, `Speaker 1 · chunk 2`). `spoken` are the person's
 * speakers that have turns, in document order: every speaker has, as the parser makes a speaker
 * at its first turn.
 */
export function personDisplayName(person: Person, spoken: readonly Speaker[]): string {
  if (person.name !== undefined) return person.name;
  const first = spoken[0];
  if (first === undefined) return `Person ${person.index + 1}`;
  if (spoken.length === 1) return `${first.displayName} · chunk ${first.chunkIndex + 1}`;
  const chunks = new Set(spoken.map((speaker) => speaker.chunkIndex + 1));
  return `${first.displayName} · chunks ${[...chunks].join(', ')}`;
}

/** The strongest suggestion about a speaker, as `maybe Donald Trump: the 212 words of …`, and the name it suggests, if any. */
export function suggestionFor(
  model: TranscriptModel,
  people: People,
  speakerIndex: number,
  bestLinks: ReadonlyMap<number, Link> = bestSuggestions(people),
): { suggestion?: string; suggestedName?: string } {
  const best = bestLinks.get(speakerIndex);
  if (!best) return {};
  if (best.named !== undefined) return { suggestion: `maybe ${best.named}: ${best.reason}`, suggestedName: best.named };
  const other = best.from === speakerIndex ? best.to! : best.from;
  const person = people.persons[people.personOfSpeaker[other]!]!;
  const speaker = model.speakers[other]!;
  const who = person.name ?? `${speaker.displayName} of chunk ${speaker.chunkIndex + 1}`;
  return { suggestion: `Maybe the same person as ${who}: ${best.reason}`, ...(person.name !== undefined ? { suggestedName: person.name } : {}) };
}

/**
 * Each speaker's most confident suggestion, the first of equals: made once for all the rows, as
 * looking through every suggestion for each person cost most of the speakers view on 20 MB (some
 * 5,000 people unresolved, some 3,000 suggestions).
 */
function bestSuggestions(people: People): Map<number, Link> {
  const best = new Map<number, Link>();
  for (const link of people.suggestions) {
    for (const end of link.to === undefined || link.to === link.from ? [link.from] : [link.from, link.to]) {
      const held = best.get(end);
      if (!held || link.confidence > held.confidence) best.set(end, link);
    }
  }
  return best;
}

/**
 * Whether the row of the version before, of the same key, says what the new one says, turns
 * aside. Its name is its display name, when it has one; whether it is resolved, the key says (a
 * name or a group is; a lone chunk label is not); its chunks, and each label's, are those of its
 * turns, which are compared with their chunks.
 */
function sameRow(old: SpeakerSummary, row: SpeakerSummary): boolean {
  return (
    old.displayName === row.displayName &&
    old.label === row.label &&
    old.suggestion === row.suggestion &&
    old.suggestedName === row.suggestedName &&
    old.turnCount === row.turnCount &&
    old.talkSeconds === row.talkSeconds &&
    old.sentimentMix.positive === row.sentimentMix.positive &&
    old.sentimentMix.negative === row.sentimentMix.negative &&
    old.sentimentMix.neutral === row.sentimentMix.neutral &&
    old.sentimentMix.mixed === row.sentimentMix.mixed &&
    old.sentimentMix.other === row.sentimentMix.other &&
    (old.members?.length ?? 0) === (row.members?.length ?? 0) &&
    (old.members ?? []).every((member, i) => sameMember(member, row.members![i]!))
  );
}

function sameMember(a: SpeakerMember, b: SpeakerMember): boolean {
  return a.label === b.label && a.name === b.name && a.turnCount === b.turnCount && a.reason === b.reason;
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
      // The polarity is the label's.
      a.sentiment?.label === b.sentiment?.label)
  );
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

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
