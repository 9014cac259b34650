import * as assert from 'node:assert/strict';
import { ChunkedDocument } from '../../server/src/lsp/chunkedDocument';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { textDocument, type TextChange } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import type { ParsedDocument } from '../../server/src/service/parse/sections';
import { analyze } from './helpers';
import { asRead, assertSameModel } from './incrementalFixtures';

/*
 * How the tests of reading a turn or a few cues again (`turn-reread.test.ts`,
 * `turn-lines-reread.test.ts`, `cue-span-reread.test.ts`) type into a file and check each version.
 */

/**
 * Types `edits` into `initial` as the editor sends them (`changeOf` makes each a change of the
 * text as it is then), to a service given whole texts and to one given the server's chunked
 * document; checks that each version reads as a fresh analysis does (model, problems, outline,
 * speakers), and hands `parsed` how the parse read each version.
 */
export function typeAndCompare<Edit>(
  initial: string,
  edits: readonly Edit[],
  changeOf: (text: string, edit: Edit) => TextChange,
  parsed: (stats: ParsedDocument['stats']) => void,
): void {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const chunkedService = languageServiceOver(new DocumentAnalyses());
  const uri = 'file:///typed.transcript';
  let text = initial;
  let version = 1;
  const chunked = new ChunkedDocument(uri, 'transcript', version, text, 7);
  service.speakers(textDocument(uri, text, version));
  service.documentSymbols(textDocument(uri, text, version));
  chunkedService.diagnostics(chunked);
  for (const edit of edits) {
    const change = changeOf(text, edit);
    const before = chunked.positionAt(change.start);
    const after = chunked.positionAt(change.end);
    text = text.slice(0, change.start) + change.text + text.slice(change.end);
    version++;
    service.edited(uri, version, [change]);
    chunkedService.edited(uri, version, chunked.update([{ range: { start: before, end: after }, text: change.text }], version));
    const document = textDocument(uri, text, version);
    parsed(analyses.analysis(document).parseStats);
    const fresh = analyze(text);
    for (const [analysed, current] of [
      [service, document],
      [chunkedService, chunked],
    ] as const) {
      assertSameModel(analysed.model(current), text);
      assert.deepEqual(analysed.diagnostics(current), computeDiagnostics(fresh));
      assert.deepEqual(asRead(analysed.documentSymbols(current)), asRead(documentSymbols(fresh.model)));
      assert.deepEqual(analysed.speakers(current), summarizeSpeakers(fresh.model));
    }
  }
}

/**
 * A line of `text` chosen by `line` (a fraction of its lines) and a point in it chosen by `at` (a
 * fraction of its length): where each line starts, the line's number, where it starts and where
 * its text ends (before its line break), and the point.
 */
export function pointInLine(text: string, line: number, at: number): { starts: number[]; line: number; start: number; end: number; at: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  const chosen = Math.min(starts.length - 1, Math.floor(line * starts.length));
  const start = starts[chosen]!;
  let end = chosen + 1 < starts.length ? starts[chosen + 1]! - 1 : text.length;
  if (text.charCodeAt(end - 1) === 0x0d && end < text.length) end--;
  return { starts, line: chosen, start, end, at: start + Math.floor(at * (end - start)) };
}

/** Analyses `text`, then `change` made to it; how the parse read the edit, and the models before and after (the one after checked against a fresh parse). */
export function afterEdit(text: string, change: TextChange) {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///edited.transcript';
  const before = analyses.analysis(textDocument(uri, text, 1)).model;
  const edited = text.slice(0, change.start) + change.text + text.slice(change.end);
  analyses.edited(uri, 2, [change]);
  const analysis = analyses.analysis(textDocument(uri, edited, 2));
  assertSameModel(analysis.model, edited);
  return { before, after: analysis.model, stats: analysis.parseStats };
}
