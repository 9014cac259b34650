import type { TextChange, TranscriptDocument } from './document';
import type { ExportFormat, ExportNotes, ExportOptions, NormalizeOutcome } from './export';
import type { TranscriptCompletion } from './features/completion';
import type { ShownDiagnostics, TranscriptDiagnostic } from './features/diagnostics';
import type { TranscriptCodeAction } from './features/fixes';
import type { TranscriptFoldingRange } from './features/folding';
import type { TranscriptHover } from './features/hover';
import type { RenameOutcome, RenameTarget } from './features/references';
import type { SpeakerToken } from './features/semanticTokens';
import type { SpeakerSummary } from './features/speakers';
import type { People } from './people/people';
import type { ChunkLabel, NamingPlan } from './features/naming';
import type { TranscriptSymbol } from './features/symbols';
import type { TimestampPlan } from './features/timestampPlan';
import type { PlayerTimeEdit, TimedTurn } from './features/playback';
import type { Position, Range, TranscriptModel } from './model';
import type { TranscriptSettings } from './settings';
import type { TextEdit } from './util/edits';

/* The service's API, as the adapters (the language server, the command line tool) see it: `index.ts` makes it. */

/**
 * The service: one per process, holding what it derived from each open document, made once per
 * version (and settings, for the checks) and each version built on the one before. Every method
 * takes the document as it is now; settings are per document (an editor may scope them to a
 * folder), and without them the defaults apply.
 */
export interface TranscriptLanguageService {
  /** The document's model: its chunks, turns, speakers, chunk markers and the problems the parser found. */
  model(document: TranscriptDocument): TranscriptModel;

  /** Every problem: the parser's, backwards and repeated stamps, repeated text where chunks meet, and phrases repeated in a loop. */
  diagnostics(document: TranscriptDocument, settings?: TranscriptSettings): readonly TranscriptDiagnostic[];

  /**
   * The first `limit` diagnostics by severity (errors first, each severity in document order, as
   * VS Code keeps a file's first 1,000), in document order, and how many there are of each code;
   * made without making the others. A diagnostic that did not change since the version before is
   * the same object.
   */
  shownDiagnostics(document: TranscriptDocument, limit: number, settings?: TranscriptSettings): ShownDiagnostics;

  /**
   * The diagnostics of the document's first part: its text up to the end of the first section (a
   * chunk marker's line) after `characters`, checked alone, which finds there what the whole check
   * finds. For the problems of a big document's first screens while the whole is checked;
   * undefined when the document has no such part in its first half. Nothing is kept.
   */
  firstPartDiagnostics(document: TranscriptDocument, characters: number, settings?: TranscriptSettings): readonly TranscriptDiagnostic[] | undefined;

  /** The quick fixes for the problems that touch `range`. */
  codeActions(document: TranscriptDocument, range: Range, settings?: TranscriptSettings): TranscriptCodeAction[];

  /** Every safe fix at once: the edits of `source.fixAll.transcript` and `transcript fix`. */
  fixAll(document: TranscriptDocument, settings?: TranscriptSettings): TextEdit[];

  /** Whether `fixAll` has anything to do, without working out its edits (which re-checks the fixed text). */
  hasFixAll(document: TranscriptDocument, settings?: TranscriptSettings): boolean;

  /**
   * The stamp changes that put every backwards stamp in order, worked out together so that none
   * conflicts with another: for each, the change its quick fixes prefer, on the stamps as the
   * changes before it leave them. For a preview before anything is applied.
   */
  timestampFixes(document: TranscriptDocument, settings?: TranscriptSettings): TimestampPlan;

  /** The outline, at most `maxItems` chunks and turns of it (only those are made), and how many it has in all. */
  outline(document: TranscriptDocument, maxItems: number): { symbols: TranscriptSymbol[]; shown: number; total: number };

  /** The whole outline: chunks, with their turns under them. */
  documentSymbols(document: TranscriptDocument): TranscriptSymbol[];

  /**
   * What to show over a sentiment note, a stamp or a speaker at `position`. A stamp's hover warns
   * when it is out of order as the diagnostics say it, so it takes the same settings.
   */
  hover(document: TranscriptDocument, position: Position, settings?: TranscriptSettings): TranscriptHover | undefined;

  /**
   * Every place that names the person of the speaker at `position` (all the chunk labels found to
   * be them, a cast line's name included): exactly what `rename` changes. A lone generic label is
   * its chunk's, or with `settings.renameScope` `document` also the same lone label of other chunks.
   */
  references(document: TranscriptDocument, position: Position, settings?: TranscriptSettings): Range[];

  /** The speaker label or name at `position` that a rename would change, if there is one. */
  prepareRename(document: TranscriptDocument, position: Position, settings?: TranscriptSettings): RenameTarget | undefined;

  /**
   * The edits that write `newName` at every place `references` lists, or why not: a blank name, a
   * line break, a label that restarts per chunk for a person, a name another speaker of a chunk
   * has, or a name that would change how the text parses. Undefined where no speaker is named.
   */
  rename(document: TranscriptDocument, position: Position, newName: string, settings?: TranscriptSettings): RenameOutcome | undefined;

  /** Speaker labels and sentiment labels to complete at `position`, where the line so far is `linePrefix`. */
  completions(document: TranscriptDocument, position: Position, linePrefix: string): TranscriptCompletion[];

  /** The speaker labels and names to colour, in document order. */
  speakerTokens(document: TranscriptDocument): readonly SpeakerToken[];

  /** Who is who: the chunk speakers of the model resolved into people, with the evidence. */
  people(document: TranscriptDocument): People;

  /** Name Speakers Across the Transcript: each chunk label of a named person written as the name, where it reads back as such. */
  nameSpeakers(document: TranscriptDocument): NamingPlan;

  /**
   * "This is…" and "Merge With…": the edits that write chunk labels as `name`, with the labels left
   * as they were and why, or why none can be.
   */
  nameLabels(
    document: TranscriptDocument,
    labels: readonly ChunkLabel[],
    name: string,
  ): { edits: TextEdit[]; left: readonly string[] } | { refused: string };

  /** Who speaks, with their turns: rows that did not change since the last version are the same objects. */
  speakers(document: TranscriptDocument): readonly SpeakerSummary[];

  /** Every turn with when it starts in the recording: its stamp, or an estimate from the stamped turns around it. */
  timeline(document: TranscriptDocument): TimedTurn[];

  /** Set Stamp to Player Time: the edit that gives the turn at `position` the time `seconds`, in its own stamp format (adding a stamp where it has none), or why not. */
  setTurnTime(document: TranscriptDocument, position: Position, seconds: number): PlayerTimeEdit;

  /** Insert Player Time: `seconds` written at `position` as the nearest stamp before it is written. */
  insertTime(document: TranscriptDocument, position: Position, seconds: number): PlayerTimeEdit;

  /** The folds, at most `limit` of them when the client says how many it takes. */
  foldingRanges(document: TranscriptDocument, limit?: number): TranscriptFoldingRange[];

  /**
   * The document as WebVTT, SRT, JSON or Markdown, for players, editors and pipelines. Its people
   * go with it: the JSON lists them, with the evidence, and the others write a chunk's `Speaker 2`
   * as its person's name where it has one.
   */
  exportDocument(document: TranscriptDocument, format: ExportFormat, options?: ExportOptions): string;

  /** What exporting the document leaves out or changes (turns without a time, cues out of place), in sentences; none when nothing. */
  exportNotes(document: TranscriptDocument, format: ExportFormat, options?: ExportOptions): ExportNotes;

  /**
   * The document in the normalized format (one turn form, one sentiment form), if rewriting it so
   * keeps every turn, time, name and sentiment; otherwise why not.
   */
  normalize(document: TranscriptDocument): NormalizeOutcome;

  /**
   * Tells the service that the document went to `version` by `changes`, applied in order to the
   * version before (an editor's incremental changes, as offsets). The next analysis re-parses the
   * sections they touch; without this call it finds them by comparing the old and new texts.
   */
  edited(uri: string, version: number, changes: readonly TextChange[]): void;

  /** Whether something derived from a version of the document is held, so that the next version is made from it. */
  holds(uri: string): boolean;

  /** Drops what is held for a closed document. */
  forget(uri: string): void;
}
