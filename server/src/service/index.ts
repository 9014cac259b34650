import { DocumentAnalyses } from './analysis/documentAnalyses';
import type { TranscriptLanguageService } from './api';
import { languageServiceOver } from './languageService';

/*
 * The transcript language service: pure TypeScript, with no editor, protocol, I/O or threads.
 * Text in, results out, in the service's own terms (zero-based lines, UTF-16 code units); the
 * language server and the command line tool are adapters over this API, and nothing else of the
 * service is theirs to import.
 */

export type { TranscriptLanguageService } from './api';
export type { TextChange, TextSnapshot, TranscriptDocument } from './document';
export { textDocument } from './document';
export type * from './model';
export type { TranscriptSettings } from './settings';
export { DEFAULT_SETTINGS, MAX_TIMESTAMP_TOLERANCE_SECONDS, resolveSettings } from './settings';
export type { TextEdit } from './util/edits';
export { applyEdits } from './util/edits';
export type { TranscriptDiagnostic, Severity, DiagnosticCode, RelatedInformation, ShownDiagnostics } from './features/diagnostics';
export { docsLink, DOCS_URL } from './features/diagnostics';
export type { TranscriptCodeAction, FixKind } from './features/fixes';
export type { TranscriptSymbol, TranscriptSymbolKind } from './features/symbols';
export type { StampChange, TimestampPlan } from './features/timestampPlan';
export type { PlayerTimeEdit, TimedTurn } from './features/playback';
export type { SpeakerMember, SpeakerSummary, TurnSummary } from './features/speakers';
export type { People, Person, Link, EvidenceKind } from './people/people';
export { isGenericLabel } from './people/names';
export type { ChunkLabel, NamingPlan, SpeakerNaming } from './features/naming';
export type { TranscriptHover } from './features/hover';
export type { TranscriptCompletion } from './features/completion';
export type { RenameOutcome, RenameTarget } from './features/references';
export { notATranscriptReason } from './features/notATranscript';
export type { TranscriptFoldingRange } from './features/folding';
export { SPEAKER_TOKEN_TYPES } from './features/semanticTokens';
export type { SpeakerToken } from './features/semanticTokens';
export type { ExportFormat, ExportFormatInfo, ExportNotes, ExportOptions, NormalizeOutcome } from './export';
export { DEFAULT_LAST_CUE_SECONDS, dominantLineEnding, EXPORT_FORMATS, isExportFormat, normalizedContentDiff, transcriptTitle } from './export';
export { countOf } from './util/format';

/** A new service, holding nothing yet. */
export function createTranscriptService(): TranscriptLanguageService {
  return languageServiceOver(new DocumentAnalyses());
}
