import type { TranscriptDocument } from '../document';
import { DEFAULT_SETTINGS, sameSettings, type TranscriptSettings } from '../settings';
import { Analysis } from './analysis';

/**
 * The analysis of each open document, made once per version and settings, and each version's
 * built on the one before (`Analysis.successor`).
 */
export class DocumentAnalyses {
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();

  /**
   * The document's analysis. Features that do not depend on settings (the outline, references)
   * pass none and take the cached analysis whatever its settings, so they never displace the one
   * the checks made; the checks, and hovers that tell of their findings, pass theirs, compared by
   * value.
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

  /** Whether an analysis of some version of the document is held, so that the next one is incremental. */
  holds(uri: string): boolean {
    return this.analyses.has(uri);
  }

  /** Drops a closed document's analysis. */
  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}
