import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { textDocument } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import { analyze } from './helpers';
import { markerInCueText } from './layoutArbitraries';
import { LONG, SOURCES, asRead, assertSameModel } from './incrementalFixtures';

/*
 * The incremental parse by example (`sections.ts`): what an edit re-parses, keeps and moves, and
 * the edits at section ends that once came out unlike a fresh parse. The properties over any
 * series of edits are in `incremental.test.ts`; these are quick enough for the mutation tier.
 */

test('versions skipped between two analyses still come out as a fresh analysis', () => {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///skipped.transcript';
  const text = SOURCES.join('\n');
  service.diagnostics(textDocument(uri, text, 1));
  // Versions 2 and 3 are never analysed, as when the server coalesces a burst of keystrokes.
  analyses.analysis(textDocument(uri, text.replace('Speaker', 'Speaker 9'), 2));
  analyses.analysis(textDocument(uri, text.replace('Speaker', 'Speaker 9\nThis is the last chunk.'), 3));
  const latest = text.replace('Speaker', 'Speaker 9\nThis is the last chunk.\n');
  assert.deepEqual(service.diagnostics(textDocument(uri, latest, 4)), computeDiagnostics(analyze(latest)));
});

test('typing a character re-parses only the section it lands in and keeps the others', () => {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///long.transcript';
  const first = analyses.analysis(textDocument(uri, LONG, 1));
  const sections = first.parseStats.parsed;
  assert.ok(sections > 40, `the long transcript has ${sections} sections`);
  // In the middle of a word of spoken text, so that no label or stamp changes.
  const middle = LONG.indexOf(' the ', LONG.length / 2) + 2;
  const typed = `${LONG.slice(0, middle)}x${LONG.slice(middle)}`;
  const second = analyses.analysis(textDocument(uri, typed, 2));
  assert.deepEqual(second.parseStats, { parsed: 1, kept: sections - 1, moved: 0 });
  assertSameModel(second.model, typed);
});

test('a new line in the middle re-parses its own section and moves the ones after it down a line', () => {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///long.transcript';
  const sections = analyses.analysis(textDocument(uri, LONG, 1)).parseStats.parsed;
  service.diagnostics(textDocument(uri, LONG, 1));
  service.documentSymbols(textDocument(uri, LONG, 1));
  service.speakers(textDocument(uri, LONG, 1));
  const middle = LONG.indexOf(' the ', LONG.length / 2) + 1;
  const typed = `${LONG.slice(0, middle)}\n${LONG.slice(middle)}`;
  const document = textDocument(uri, typed, 2);
  const { parseStats } = analyses.analysis(document);
  assert.equal(parseStats.parsed, 1);
  assert.equal(parseStats.parsed + parseStats.kept + parseStats.moved, sections);
  assert.ok(parseStats.moved > sections / 3 && parseStats.moved < (2 * sections) / 3, JSON.stringify(parseStats));
  // The moved sections' overlap results, outline and speakers rows are carried, not recomputed: they must equal fresh ones.
  const fresh = analyze(typed);
  assertSameModel(service.model(document), typed);
  assert.deepEqual(service.diagnostics(document), computeDiagnostics(fresh));
  assert.deepEqual(asRead(service.documentSymbols(document)), asRead(documentSymbols(fresh.model)));
  assert.deepEqual(service.speakers(document), summarizeSpeakers(fresh.model));
});

test('typing a marker splits its section, and deleting one joins two', () => {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///markers.transcript';
  analyses.analysis(textDocument(uri, LONG, 1));
  const turnStart = LONG.indexOf('\n[', LONG.length / 2) + 1;
  const split = `${LONG.slice(0, turnStart)}This is the last chunk.\n${LONG.slice(turnStart)}`;
  assertSameModel(service.model(textDocument(uri, split, 2)), split);
  const marker = split.indexOf('This chunk continues', split.length / 3);
  const joined = `${split.slice(0, marker)}${split.slice(marker + 1)}`;
  assertSameModel(service.model(textDocument(uri, joined, 3)), joined);
  assert.ok(service.model(textDocument(uri, joined, 3)).markers.length === parseTranscript(LONG).markers.length);
});

test('a CR left at the end of a section and an LF typed after it make one line break', () => {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///cr.transcript';
  const text = '[00:00:01] A: one\rThis is the last chunk.\rX[00:00:02] B: two\r[00:00:03] C: three';
  analyses.analysis(textDocument(uri, text, 1));
  const joined = text.replace('\rX', '\r\n');
  assertSameModel(service.model(textDocument(uri, joined, 2)), joined);
  assert.equal(service.model(textDocument(uri, joined, 2)).lineCount, 4);
});

test('layouts: a chunk marker right under a cue or a NOTE block is a marker, parsed whole or by sections', () => {
  // Once a case found by the property below: the whole-text parse read the marker as the cue's
  // text (or the NOTE's), and the two cues as one chunk, where the service, which cuts sections
  // at the marker, had two.
  for (const text of [
    '00:00:05.000 --> 00:00:07.500\nThis chunk continues in the next part.\n00:00:08.000 --> 00:00:09.000\nb',
    'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx\n\nNOTE hi\nThis chunk continues in the next part.\n00:00:03.000 --> 00:00:04.000\ny',
  ]) {
    assert.ok(markerInCueText(text));
    assert.equal(parseTranscript(text).markers.length, 1, `the marker of ${JSON.stringify(text)} is in the model`);
    const service = languageServiceOver(new DocumentAnalyses());
    assertSameModel(service.model(textDocument('file:///marker-under-cue.transcript', text, 1)), text);
  }
});
