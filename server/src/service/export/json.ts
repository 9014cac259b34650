import type { BoundaryKind, ChunkMarkerKind, Polarity, Range, TranscriptModel, TurnForm } from '../model';
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

export function toJsonModel(model: TranscriptModel, options: CueOptions = {}): TranscriptJson {
  const cueEnds = new Map(timedCues(model, options).map((cue) => [cue.turnIndex, cue.end]));
  return {
    schema: 'transcript-editor/export/v1',
    speakers: model.speakers.map((speaker) => ({
      index: speaker.index,
      chunk: speaker.chunkIndex,
      label: speaker.label,
      name: speaker.name ?? null,
      displayName: speaker.displayName,
      turns: speaker.turnIndices,
    })),
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

export function toJson(model: TranscriptModel, options: CueOptions = {}): string {
  return `${JSON.stringify(toJsonModel(model, options), null, 2)}\n`;
}
