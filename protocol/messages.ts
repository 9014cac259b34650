/**
 * Custom requests and notifications between the extension and the language server, typed once
 * here and imported by both sides. Each is named `transcript/<verb>`.
 *
 * The payloads are plain JSON shapes. Those the service makes are its API's types, imported as
 * types only, so the extension bundles no code of the service (no parser).
 */
import { NotificationType, RequestType, type Position, type Range } from 'vscode-languageserver-protocol';
import type {
  ChunkLabel,
  ExportFormat,
  PlayerTimeEdit,
  Polarity,
  SpeakerMember,
  SpeakerNaming,
  SpeakerSummary,
  StampChange,
  TextEdit,
  TimedTurn,
  TurnSummary,
} from '../server/src/service';

/** Zero-based lines and UTF-16 code units, as in LSP and the editor. */
export type { Position, Range };

/** The speakers view's rows, as the service's API makes them (types only: no code of the service comes with them). */
export type { Polarity, SpeakerMember, SpeakerSummary, TurnSummary };

/** The formats `transcript/export` makes: WebVTT, SubRip, the model as JSON, Markdown. */
export type { ExportFormat };

export interface DocumentParams {
  readonly uri: string;
}

export interface SpeakersParams extends DocumentParams {
  /** The version of the last answer the client holds: the server may then send only what changed since. */
  readonly since?: number;
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
 *
 * And when the client says which answer it holds (`since`) and the server sent that one, only
 * the rows that changed travel: typing in one turn changes one row of tens of thousands.
 * `speakersWire.ts` beside this file writes and reads this form.
 */
export interface SpeakersWire {
  readonly version: number;
  /** Set when `speakers` holds only the rows that changed since the answer for this version. */
  readonly since?: number;
  /** With `since`: the rows' keys in order, when rows came, went or moved; absent when the order is as it was. */
  readonly order?: readonly string[];
  readonly speakers: ReadonlyArray<Omit<SpeakerSummary, 'turns'>>;
  /** `TURN_FIELDS` numbers a turn, for the turns of each speaker in order (`turnCount` each). */
  readonly turnNumbers: readonly number[];
  readonly previews: readonly string[];
  readonly sentiments: ReadonlyArray<{ readonly label: string; readonly polarity: Polarity }>;
}

/** Everyone who speaks in a document, with their turns: the speakers view and navigation use it. */
export const SpeakersRequest = new RequestType<SpeakersParams, SpeakersWire | null, void>('transcript/speakers');

export interface OutlineLimitParams {
  readonly uri: string;
  /** Chunks and turns the outline lists, and how many the document has. */
  readonly shown: number;
  readonly total: number;
}

/**
 * Sent when a document's outline is cut short by `transcript.outline.maxItems`, and again when it
 * no longer is, so that the client can say so where VS Code says such things: the language status.
 */
export const OutlineLimitNotification = new NotificationType<OutlineLimitParams>('transcript/outlineLimit');

export interface ProblemCountsParams {
  readonly uri: string;
  readonly version: number;
  /** Problems the document has, and how many of them the server sent (VS Code shows at most 1,000 a file). */
  readonly total: number;
  readonly shown: number;
  /** How many of each diagnostic code, for all of them. */
  readonly byCode: Readonly<Record<string, number>>;
}

/**
 * Sent with a document's diagnostics when it has more than the server sends (the first 1,000 by
 * severity, as VS Code would keep them), and once more when it no longer has, so that the client
 * can say in the language status how many there are and of which codes.
 */
export const ProblemCountsNotification = new NotificationType<ProblemCountsParams>('transcript/problemCounts');

export interface ExportParams extends DocumentParams {
  readonly format: ExportFormat;
  /** `estimate`: turns without a stamp get cues at times estimated from the stamps around them. */
  readonly untimed?: 'estimate';
}

/** What `transcript/export` made of the document as the server holds it, unsaved edits included. */
export type ExportResult =
  | { readonly outcome: 'not-a-transcript' }
  | {
      readonly outcome: 'exported';
      /** The exported file's content. */
      readonly text: string;
      /** The document's name without its extensions (`interview.transcript.txt` → `interview`): the Markdown title, and the export's default file name. */
      readonly title: string;
      /** What a person calls the format (`WebVTT`), and its file extension without the dot (`vtt`). */
      readonly label: string;
      readonly extension: string;
      /** What the export leaves out or changes, in sentences (turns without a time, cues out of place); empty when nothing. */
      readonly notes: readonly string[];
      /** Turns left out for want of a time: the editor offers to estimate theirs. */
      readonly untimedLeftOut: boolean;
    };

/**
 * The document in an export format, made by the same functions as the CLI's `transcript export`,
 * so both give the same bytes. Null when the server does not have the document open.
 */
export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('transcript/export');

/** What `transcript/normalize` made of the document as the server holds it, unsaved edits included. */
export type NormalizeResult = {
  /** The document version the answer describes: the normalized text replaces that version's text, no other. */
  readonly version: number;
} & (
  | { readonly outcome: 'not-a-transcript' | 'already-normalized' }
  /** Normalizing would change what the transcript says (`difference` says how), so it must not be applied. */
  | { readonly outcome: 'would-change-content'; readonly difference: string }
  | { readonly outcome: 'normalized'; readonly text: string }
);

/**
 * The document rewritten in the canonical layout of the CLI's `transcript normalize`, or why it is
 * not. Null when the server does not have the document open.
 */
export const NormalizeRequest = new RequestType<DocumentParams, NormalizeResult | null, void>('transcript/normalize');

/** One stamp `transcript/timestampFixes` proposes to change, with what the preview says of it. */
export type { StampChange };

/** What `transcript/timestampFixes` proposes for the document as the server holds it, unsaved edits included. */
export interface TimestampFixesResult {
  /** The document version the changes are for: they apply to that version's text, no other. */
  readonly version: number;
  /** Every stamp to change, in document order; none when no stamp goes back. */
  readonly changes: readonly StampChange[];
  /** Backwards stamps on turns that repeat earlier text: no change is proposed, removing the turn is their fix. */
  readonly repeatedTurns: number;
}

/**
 * The stamp changes that put every backwards stamp in order (`timestamp-order`), worked out
 * together: the preferred fix of each, on the stamps as the changes before it leave them. The
 * client shows them before applying them. Null when the server does not have the document open.
 */
export const TimestampFixesRequest = new RequestType<DocumentParams, TimestampFixesResult | null, void>('transcript/timestampFixes');

export type { ChunkLabel, SpeakerNaming };

/** What `transcript/nameSpeakers` proposes for the document as the server holds it: the labels to write as names, and the edits that do it. */
export interface NameSpeakersResult {
  readonly version: number;
  readonly edits: readonly TextEdit[];
  readonly namings: readonly SpeakerNaming[];
  /** Labels of a named person that cannot be written as the name without changing how the text reads. */
  readonly left: readonly SpeakerNaming[];
}

export const NameSpeakersRequest = new RequestType<DocumentParams, NameSpeakersResult | null, void>('transcript/nameSpeakers');

export interface NameLabelParams extends DocumentParams {
  readonly labels: readonly ChunkLabel[];
  readonly name: string;
}

/**
 * `transcript/nameLabel` ("This is…", "Merge With…"): the edits that write chunk labels as a name,
 * for the version the server holds, with the labels left as they were and why; or why none can be.
 */
export type NameLabelResult = { readonly version: number } & (
  { readonly edits: readonly TextEdit[]; readonly left: readonly string[] } | { readonly refused: string }
);

export const NameLabelRequest = new RequestType<NameLabelParams, NameLabelResult | null, void>('transcript/nameLabel');

/** A turn and when it starts in the recording, its stamp's time or an estimate (see `TimedTurn.estimate`). */
export type { TimedTurn };

export interface TimelineResult {
  readonly version: number;
  /** Every turn, in document order. */
  readonly turns: readonly TimedTurn[];
}

/** `transcript/timeline`: when each turn starts, for a player of the recording. Null when the server does not have the document open. */
export const TimelineRequest = new RequestType<DocumentParams, TimelineResult | null, void>('transcript/timeline');

export interface PlayerTimeParams extends DocumentParams {
  readonly position: Position;
  /** The player's time, in seconds from the start of the recording. */
  readonly seconds: number;
  /** `set`: the stamp of the turn at `position` (added where it has none); `insert`: a stamp at `position`. */
  readonly write: 'set' | 'insert';
}

/** The edit that writes the player's time, for the document version the server holds, or why it cannot. */
export type PlayerTimeResult = { readonly version: number } & PlayerTimeEdit;

/** `transcript/playerTime`: Set Stamp to Player Time and Insert Player Time, written as the transcript writes its stamps. */
export const PlayerTimeRequest = new RequestType<PlayerTimeParams, PlayerTimeResult | null, void>('transcript/playerTime');
