import { personDisplayName } from '../features/speakers';
import type { BoundaryKind, ChunkMarkerKind, Polarity, Range, TranscriptModel, TurnForm } from '../model';
import { resolvePeopleOf, type EvidenceKind, type Link, type People } from '../people/people';
import { describeTime } from '../util/timestampFormat';
import { timedCues, type CueOptions } from './cues';

/**
 * The JSON export: the transcript model without parser internals, for pipelines. Times are
 * seconds from the start of the recording; ranges are zero-based lines and UTF-16 columns, as in
 * `transcript check --format json`. `schema` changes when a field changes meaning.
 */
export interface TranscriptJson {
  readonly schema: 'transcript-editor/export/v1';
  readonly speakers: readonly SpeakerJson[];
  /** Who is who: the speakers (one per label per chunk) gathered into people, as the Speakers view shows them. */
  readonly people: readonly PersonJson[];
  readonly chunks: readonly ChunkJson[];
  readonly turns: readonly TurnJson[];
}

export interface SpeakerJson {
  readonly index: number;
  readonly chunk: number;
  readonly label: string;
  readonly name: string | null;
  readonly displayName: string;
  readonly turns: readonly number[];
  /** The person this speaker is: an index into `people`. */
  readonly person: number;
}

export interface PersonJson {
  readonly index: number;
  /** The person's name, when the text gives one (in a label, a cast line, an introduction…). */
  readonly name: string | null;
  /** As the Speakers view shows the person: the name, or the first label with its chunks (`Speaker 2 · chunk 3`). */
  readonly displayName: string;
  /** The speakers (indices into `speakers`) that are this person, in document order. */
  readonly speakers: readonly number[];
  /** Whether anything ties the person down: a name, or more than one speaker. */
  readonly resolved: boolean;
  /**
   * How sure the grouping and the name are: the least confidence among `evidence`, as a chain
   * is as strong as its weakest link; 1 for a person with no evidence (one speaker, or names the
   * text itself writes).
   */
  readonly confidence: number;
  /** The links applied to make this person: each joined two of its speakers or gave it a name. In document order. */
  readonly evidence: readonly EvidenceJson[];
}

export interface EvidenceJson {
  readonly kind: EvidenceKind;
  /** The speaker the evidence is about (the later one, for evidence between two). */
  readonly speaker: number;
  /** The speaker it is the same person as, or null for evidence that gives only a name. */
  readonly sameAs: number | null;
  /** The name the evidence gives, for evidence that gives only a name (`My name is …`), else null. */
  readonly named: string | null;
  readonly confidence: number;
  /** Where the evidence is: a zero-based line, as in `range`. */
  readonly line: number;
  /** Why, in words (lines there are counted from 1, as an editor shows them). */
  readonly reason: string;
}

export interface ChunkJson {
  readonly index: number;
  /** How the chunk began: at the document's start, after a marker, or where the format changed. */
  readonly boundary: BoundaryKind;
  /** The marker that closes the chunk, if one does. */
  readonly endMarker: ChunkMarkerKind | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly turns: readonly number[];
}

export interface TurnJson {
  readonly index: number;
  readonly chunk: number;
  readonly speaker: number;
  readonly label: string;
  readonly name: string | null;
  /** The stamp's time in seconds, or null for a turn without a valid stamp. */
  readonly start: number | null;
  /** Where the turn's cue ends in the subtitle exports, or null for an untimed turn. */
  readonly end: number | null;
  /** The stamp as `HH:MM:SS`, for people reading the JSON. */
  readonly time: string | null;
  readonly form: TurnForm;
  /** The spoken text, source lines joined by `\n`, quotes and sentiment notes excluded. */
  readonly text: string;
  readonly sentiments: ReadonlyArray<{ readonly label: string; readonly polarity: Polarity }>;
  readonly range: Range;
}

export function toJsonModel(model: TranscriptModel, options: CueOptions = {}, people: People = resolvePeopleOf(model)): TranscriptJson {
  const cueEnds = new Map(timedCues(model, options, people).map((cue) => [cue.turnIndex, cue.end]));
  return {
    schema: 'transcript-editor/export/v1',
    speakers: model.speakers.map((speaker) => ({
      index: speaker.index,
      chunk: speaker.chunkIndex,
      label: speaker.label,
      name: speaker.name ?? null,
      displayName: speaker.displayName,
      turns: speaker.turnIndices,
      person: people.personOfSpeaker[speaker.index]!,
    })),
    people: peopleJson(model, people),
    chunks: model.chunks.map((chunk) => ({
      index: chunk.index,
      boundary: chunk.boundary,
      endMarker: chunk.endMarker?.kind ?? null,
      start: chunk.timeSpan?.start ?? null,
      end: chunk.timeSpan?.end ?? null,
      turns: chunk.turnIndices,
    })),
    turns: model.turns.map((turn) => ({
      index: turn.index,
      chunk: turn.chunkIndex,
      speaker: turn.speakerIndex,
      label: turn.label,
      name: turn.name ?? null,
      start: turn.timestamp?.seconds ?? null,
      end: cueEnds.get(turn.index) ?? null,
      time: turn.timestamp ? describeTime(turn.timestamp.seconds) : null,
      form: turn.form,
      text: turn.segments.map((segment) => segment.text).join('\n'),
      sentiments: turn.sentiments.map((sentiment) => ({ label: sentiment.label, polarity: sentiment.polarity })),
      range: turn.range,
    })),
  };
}

export function toJson(model: TranscriptModel, options: CueOptions = {}, people?: People): string {
  return `${JSON.stringify(toJsonModel(model, options, people), null, 2)}\n`;
}

function peopleJson(model: TranscriptModel, people: People): PersonJson[] {
  const evidenceOf = people.persons.map((): Link[] => []);
  // A link joins speakers of one person by the time it is applied, so `from` says whose it is.
  for (const link of people.applied) evidenceOf[people.personOfSpeaker[link.from]!]!.push(link);
  return people.persons.map((person) => {
    const evidence = evidenceOf[person.index]!.sort((a, b) => a.line - b.line);
    const spoken = person.speakers.map((index) => model.speakers[index]!).filter((speaker) => speaker.turnIndices.length > 0);
    return {
      index: person.index,
      name: person.name ?? null,
      displayName: personDisplayName(person, spoken),
      speakers: person.speakers,
      resolved: person.resolved,
      confidence: evidence.reduce((weakest, link) => Math.min(weakest, link.confidence), 1),
      evidence: evidence.map((link) => ({
        kind: link.kind,
        speaker: link.from,
        sameAs: link.to ?? null,
        named: link.named ?? null,
        confidence: link.confidence,
        line: link.line,
        reason: link.reason,
      })),
    };
  });
}
