import type { TranscriptDocument } from '../document';
import { DEFAULT_SETTINGS, sameSettings, type TranscriptSettings } from '../settings';
import { Analysis } from './analysis';
import { changedSpan, sameSnapshot, snapshotOf, type ChangedSpan, type TextChange } from '../document';

/**
 * The analysis of each open document, made once per version and settings, and each version's
 * built on the one before (`Analysis.successor`).
 */
export class DocumentAnalyses {
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();
  /**
   * Per document, where its text has changed since the analysis held, as the editor's changes
   * said, up to `version`: the next analysis re-parses that span without comparing the texts.
   */
  private readonly edits = new Map<string, { version: number; length: number; span: ChangedSpan } | null>();

  /**
   * The document went from the version held to `version` by `changes` (see `TextChange`), or by
   * several calls in a row. A call that does not follow on from what is held is dropped, and so
   * are the calls after it until the next analysis: the texts are then compared.
   */
  edited(uri: string, version: number, changes: readonly TextChange[]): void {
    const cached = this.analyses.get(uri);
    if (!cached) return;
    const pending = this.edits.get(uri);
    if (pending === null) return;
    const length = pending ? pending.length : cached.analysis.source.length;
    const span = changedSpan(length, changes, pending?.span);
    if (!span) {
      this.edits.set(uri, null);
      return;
    }
    let after = length;
    for (const change of changes) after += change.text.length - (change.end - change.start);
    this.edits.set(uri, { version, length: after, span });
  }

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
    // when the text is the same snapshot or string, as it is on every cache hit that matters.
    const text = snapshotOf(document);
    if (cached && cached.version === document.version && sameSnapshot(cached.analysis.source, text)) {
      if (!settings || sameSettings(cached.analysis.settings, settings)) return cached.analysis;
      const analysis = cached.analysis.withSettings(settings);
      this.analyses.set(document.uri, { version: document.version, analysis });
      return analysis;
    }
    // The editor's changes lead to this text if they end at its version and length.
    const edit = this.edits.get(document.uri);
    this.edits.delete(document.uri);
    const span = edit && edit.version === document.version && edit.length === text.length ? edit.span : undefined;
    const analysis = cached
      ? cached.analysis.successor(text, settings ?? cached.analysis.settings, span)
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
    this.edits.delete(uri);
  }
}
