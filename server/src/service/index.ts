import { Analysis } from './analysis';
import type { TranscriptDocument } from './document';
import { computeDiagnostics, type TranscriptDiagnostic } from './diagnostics';
import { exportModel, normalizedContentDiff, normalizeTranscript, type ExportFormat, type ExportOptions } from './export';
import type { TextEdit } from './edits';
import { codeActions, fixAll, type TranscriptCodeAction } from './fixes';
import { foldingRanges, limitFoldingRanges, type TranscriptFoldingRange } from './folding';
import type { Position, Range, TranscriptModel } from './model';
import { DEFAULT_SETTINGS, sameSettings, type TranscriptSettings } from './settings';
import { completions, type TranscriptCompletion } from './completion';
import { hover, type TranscriptHover } from './hover';
import { prepareRename, references, renameEdits, type RenameTarget } from './references';
import type { SpeakerToken } from './semanticTokens';
import type { SpeakerSummary } from './speakers';
import { documentSymbols, outline, type TranscriptSymbol } from './symbols';

export type { TranscriptDocument } from './document';
export { textDocument } from './document';
export type * from './model';
export type { TranscriptDiagnostic, Severity, DiagnosticCode } from './diagnostics';
export type { TranscriptSymbol } from './symbols';
export type { SpeakerSummary, TurnSummary } from './speakers';
export type { TranscriptHover } from './hover';
export type { TranscriptCompletion } from './completion';
export { SPEAKER_TOKEN_TYPES } from './semanticTokens';
export type { SpeakerToken } from './semanticTokens';
export type { TranscriptFoldingRange } from './folding';
export type { TextEdit } from './edits';
export type { TranscriptCodeAction } from './fixes';
export type { TranscriptSettings } from './settings';
export { DEFAULT_SETTINGS, resolveSettings } from './settings';
export { applyEdits } from './edits';
export { docsLink } from './diagnostics';
export { parseTranscript } from './parser';
export { BoundaryChecker, ChunkClaims, layoutOf, type CheckedBoundaries, type TurnLayout } from './boundaryHandover';

/**
 * The transcript language service: one object per process, holding each open document's
 * analysis, made once per version and settings. Every feature is a function of that analysis.
 * Settings are per document (the editor may scope them to a folder); without any, defaults apply.
 */
export class TranscriptService {
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();

  /**
   * The document's analysis. Features that do not depend on settings (the outline, hovers) pass
   * none and take the cached analysis whatever its settings, so they never displace the one the
   * checks made; the checks pass theirs, compared by value.
   */
  analysis(document: TranscriptDocument, settings?: TranscriptSettings): Analysis {
    const cached = this.analyses.get(document.uri);
    // The version alone is not proof: a document object can be changed in place under the same
    // version (vscode-languageserver-textdocument does so). The text check is a pointer compare
    // when the text is the same string, as it is on every cache hit that matters.
    const text = document.getText();
    if (cached && cached.version === document.version && cached.analysis.text === text) {
      if (!settings || sameSettings(cached.analysis.settings, settings)) return cached.analysis;
      const analysis = cached.analysis.withSettings(settings);
      this.analyses.set(document.uri, { version: document.version, analysis });
      return analysis;
    }
    const analysis = cached
      ? cached.analysis.successor(text, settings ?? cached.analysis.settings)
      : new Analysis(text, settings ?? DEFAULT_SETTINGS);
    this.analyses.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  model(document: TranscriptDocument): TranscriptModel {
    return this.analysis(document).model;
  }

  /** Whether an analysis of some version of the document is held, so that the next one is incremental. */
  holds(uri: string): boolean {
    return this.analyses.has(uri);
  }

  /** Drops a closed document's analysis. */
  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  diagnostics(document: TranscriptDocument, settings?: TranscriptSettings): TranscriptDiagnostic[] {
    return computeDiagnostics(this.analysis(document, settings));
  }

  codeActions(document: TranscriptDocument, range: Range, settings?: TranscriptSettings): TranscriptCodeAction[] {
    return codeActions(this.analysis(document, settings), range);
  }

  /** Every safe fix at once: the edits of `source.fixAll.transcript` and `transcript fix`. */
  fixAll(document: TranscriptDocument, settings?: TranscriptSettings): TextEdit[] {
    return fixAll(this.analysis(document, settings));
  }

  /** The outline, at most `maxItems` chunks and turns of it (only those are made), and how many it has in all. */
  outline(document: TranscriptDocument, maxItems: number): { symbols: TranscriptSymbol[]; shown: number; total: number } {
    const analysis = this.analysis(document);
    return outline(analysis.model, maxItems, analysis.symbolCache);
  }

  documentSymbols(document: TranscriptDocument): TranscriptSymbol[] {
    const analysis = this.analysis(document);
    return documentSymbols(analysis.model, analysis.symbolCache);
  }

  hover(document: TranscriptDocument, position: Position): TranscriptHover | undefined {
    return hover(this.analysis(document), position);
  }

  references(document: TranscriptDocument, position: Position): Range[] {
    return references(this.model(document), position);
  }

  prepareRename(document: TranscriptDocument, position: Position): RenameTarget | undefined {
    return prepareRename(this.model(document), position);
  }

  rename(document: TranscriptDocument, position: Position, newName: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TextEdit[] | undefined {
    return renameEdits(this.model(document), position, newName, settings.renameScope);
  }

  completions(document: TranscriptDocument, position: Position, linePrefix: string): TranscriptCompletion[] {
    return completions(this.model(document), position, linePrefix);
  }

  /** The speaker labels and names to colour, in document order; the LSP adapter encodes them. */
  speakerTokens(document: TranscriptDocument): readonly SpeakerToken[] {
    return this.analysis(document).speakerTokens;
  }

  speakers(document: TranscriptDocument): readonly SpeakerSummary[] {
    return this.analysis(document).speakers;
  }

  /** The folds, at most `limit` of them when the client says how many it takes. */
  foldingRanges(document: TranscriptDocument, limit = Infinity): TranscriptFoldingRange[] {
    return limitFoldingRanges(foldingRanges(this.model(document)), limit);
  }

  /**
   * The document in an export format, made from its cached model (the editor's Export commands;
   * the CLI's `export` gives the same bytes). Undefined when it has no speaker turn: it is not a
   * transcript.
   */
  exportDocument(document: TranscriptDocument, format: ExportFormat, options: ExportOptions = {}): string | undefined {
    const model = this.model(document);
    return model.turns.length > 0 ? exportModel(model, format, options) : undefined;
  }

  /**
   * The document rewritten in the normalized layout (`normalizeTranscript`), or why not: it has no
   * speaker turn, it is in that layout already, or the rewrite would change what it says (the
   * first difference `normalizedContentDiff` finds), which nobody may write.
   */
  normalize(document: TranscriptDocument):
    | { readonly outcome: 'not-a-transcript' | 'already-normalized' }
    | { readonly outcome: 'would-change-content'; readonly difference: string }
    | { readonly outcome: 'normalized'; readonly text: string } {
    if (this.model(document).turns.length === 0) return { outcome: 'not-a-transcript' };
    const text = document.getText();
    const normalized = normalizeTranscript(text);
    if (normalized === text) return { outcome: 'already-normalized' };
    const difference = normalizedContentDiff(text, normalized);
    return difference !== undefined ? { outcome: 'would-change-content', difference } : { outcome: 'normalized', text: normalized };
  }
}
