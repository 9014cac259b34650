import { nameLabels, planNaming } from './features/naming';
import type { TranscriptLanguageService } from './api';
import type { DocumentAnalyses } from './analysis/documentAnalyses';
import type { TranscriptDocument } from './document';
import { exportModel, exportNotes, normalizeOutcome } from './export';
import { completions } from './features/completion';
import { computeDiagnostics, firstPartDiagnostics, SHOWN_DIAGNOSTICS } from './features/diagnostics';
import { codeActions, fixAll } from './features/fixes';
import { foldingRanges, limitFoldingRanges } from './features/folding';
import { hover } from './features/hover';
import { prepareRename, references, renameEdits } from './features/references';
import { SPEAKER_TOKENS } from './features/semanticTokens';
import { SPEAKERS } from './features/speakers';
import { CHUNK_SYMBOLS, documentSymbols, outline } from './features/symbols';
import { planTimestampFixes } from './features/timestampPlan';
import { insertTime, setTurnTime, turnTimeline } from './features/playback';
import { DEFAULT_SETTINGS, type TranscriptSettings } from './settings';

/**
 * The service over `analyses`, which hold what is derived from each document: each method finds
 * the document's analysis and asks the feature. Tests that look into the analyses make it so;
 * everyone else calls `createTranscriptService`.
 */
export function languageServiceOver(analyses: DocumentAnalyses): TranscriptLanguageService {
  const analysis = (document: TranscriptDocument, settings?: TranscriptSettings) => analyses.analysis(document, settings);
  const model = (document: TranscriptDocument) => analysis(document).model;
  return {
    model,
    diagnostics: (document, settings) => computeDiagnostics(analysis(document, settings)),
    shownDiagnostics: (document, limit, settings) => analysis(document, settings).derived(SHOWN_DIAGNOSTICS)(limit),
    firstPartDiagnostics: (document, characters, settings) => firstPartDiagnostics(document.getText(), settings ?? DEFAULT_SETTINGS, characters),
    codeActions: (document, range, settings) => codeActions(analysis(document, settings), range),
    fixAll: (document, settings) => fixAll(analysis(document, settings)),
    hasFixAll(document, settings) {
      const analyzed = analysis(document, settings);
      return analyzed.overlaps.length > 0 || analyzed.repetitionLoops.length > 0;
    },
    timestampFixes: (document, settings) => planTimestampFixes(analysis(document, settings)),
    outline(document, maxItems) {
      const analyzed = analysis(document);
      return outline(analyzed.model, maxItems, analyzed.derived(CHUNK_SYMBOLS));
    },
    documentSymbols(document) {
      const analyzed = analysis(document);
      return documentSymbols(analyzed.model, analyzed.derived(CHUNK_SYMBOLS));
    },
    hover: (document, position, settings) => hover(analysis(document, settings), position),
    references: (document, position, settings) => references(analysis(document, settings), position, (settings ?? DEFAULT_SETTINGS).renameScope),
    prepareRename: (document, position, settings) => prepareRename(analysis(document, settings), position),
    rename: (document, position, newName, settings) =>
      renameEdits(analysis(document, settings), position, newName, (settings ?? DEFAULT_SETTINGS).renameScope),
    completions: (document, position, linePrefix) => completions(model(document), position, linePrefix),
    speakerTokens: (document) => analysis(document).derived(SPEAKER_TOKENS),
    people: (document) => analysis(document).people,
    nameSpeakers: (document) => planNaming(analysis(document)),
    nameLabels: (document, labels, name) => nameLabels(analysis(document), labels, name),
    speakers: (document) => analysis(document).derived(SPEAKERS),
    timeline: (document) => turnTimeline(analysis(document)),
    setTurnTime: (document, position, seconds) => setTurnTime(analysis(document), position, seconds),
    insertTime: (document, position, seconds) => insertTime(analysis(document), position, seconds),
    foldingRanges: (document, limit = Infinity) => limitFoldingRanges(foldingRanges(model(document)), limit),
    exportDocument(document, format, options) {
      const analyzed = analysis(document);
      return exportModel(analyzed.model, format, options, analyzed.people);
    },
    exportNotes(document, format, options = {}) {
      const analyzed = analysis(document);
      return exportNotes(analyzed.model, format, options, analyzed.people, analyzed.timestamps.backwards.length);
    },
    normalize: (document) => normalizeOutcome(model(document), document.getText()),
    edited: (uri, version, changes) => analyses.edited(uri, version, changes),
    holds: (uri) => analyses.holds(uri),
    forget: (uri) => analyses.forget(uri),
  };
}
