import type { TranscriptDocument } from './document';
import { computeDiagnostics, type TranscriptDiagnostic } from './diagnostics';
import { foldingRanges, type TranscriptFoldingRange } from './folding';
import type { TranscriptModel } from './model';
import { parseTranscript } from './parser';
import { documentSymbols, type TranscriptSymbol } from './symbols';

export type { TranscriptDocument } from './document';
export { textDocument } from './document';
export type * from './model';
export type { TranscriptDiagnostic, Severity, DiagnosticCode } from './diagnostics';
export type { TranscriptSymbol } from './symbols';
export type { TranscriptFoldingRange } from './folding';
export { parseTranscript } from './parser';

/**
 * The transcript language service: one object per process, holding each open document's model,
 * parsed once per version. Every feature is a function of that model.
 */
export class TranscriptService {
  private readonly models = new Map<string, { version: number; model: TranscriptModel }>();

  model(document: TranscriptDocument): TranscriptModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = parseTranscript(document.getText());
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  /** Drops a closed document's model. */
  forget(uri: string): void {
    this.models.delete(uri);
  }

  diagnostics(document: TranscriptDocument): TranscriptDiagnostic[] {
    return computeDiagnostics(this.model(document));
  }

  documentSymbols(document: TranscriptDocument): TranscriptSymbol[] {
    return documentSymbols(this.model(document));
  }

  foldingRanges(document: TranscriptDocument): TranscriptFoldingRange[] {
    return foldingRanges(this.model(document));
  }
}
