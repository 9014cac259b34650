import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveSettings, textDocument } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { analyze, lines, textAt } from './helpers';
import { NEXT, passage, sentence } from './overlapPassages';

const TEXT = [
  '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country.',
  'This chunk continues in the next part.',
  '[00:00:05] Speaker 1: our roads and our bridges across the whole country. Then the schools.',
].join('\n');

test('features without settings reuse the analysis the checks made, so the checks are not redone', () => {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const document = textDocument('file:///a.transcript', TEXT, 3);
  // The server's settings: equal to the defaults in value, another object.
  const settings = resolveSettings(undefined);
  const checked = analyses.analysis(document, settings);
  const overlaps = checked.overlaps;
  service.documentSymbols(document);
  service.hover(document, { line: 0, character: 2 });
  assert.equal(analyses.analysis(document, resolveSettings(undefined)), checked);
  assert.equal(analyses.analysis(document, settings).overlaps, overlaps);
});

test('other settings make another analysis over the same parse; a new version a new parse', () => {
  const analyses = new DocumentAnalyses();
  const document = textDocument('file:///a.transcript', TEXT, 3);
  const first = analyses.analysis(document, resolveSettings(undefined));
  const stricter = analyses.analysis(document, resolveSettings({ overlapMinWords: 50 }));
  assert.notEqual(stricter, first);
  assert.equal(stricter.model, first.model);
  assert.equal(stricter.overlaps.length, 0);
  assert.equal(first.overlaps.length, 1);
  const next = analyses.analysis(textDocument('file:///a.transcript', `${TEXT}\n`, 4));
  assert.notEqual(next.model, first.model);
});

test('positions and offsets round-trip over LF, CRLF, a lone CR and emoji', async () => {
  const { lineOffsets, offsetAt, positionAt } = await import('../../server/src/service/util/edits');
  const text = 'a😀b\r\ncd\ref\n\nlast';
  const offsets = lineOffsets(text);
  assert.deepEqual(offsets, [0, 6, 9, 12, 13]);
  for (const offset of [0, 1, 3, 4, 6, 8, 9, 12, 13, 17]) {
    const { line, character } = positionAt(offsets, offset);
    assert.equal(offsetAt(text, offsets, line, character), offset, `offset ${offset}`);
  }
  assert.deepEqual(positionAt(offsets, 7), { line: 1, character: 1 });
});

test('an overlap below an edit keeps pointing at its words: its range and the line it names move with the text', () => {
  // The overlap found before the edit is carried over to the moved chunks, not looked for again
  // (the edit's section is parsed again, the two below are moved). The chunk of the original is
  // one long turn, so that the check never reads back into the edited chunk.
  const original = passage(8);
  const said =
    'We walked down to the old pier after supper, talked about the weather and the boats, counted ' +
    'the gulls on the railings, watched the ferry leave for the island, bought two coffees from the ' +
    'kiosk by the steps, sat on a bench until the lights came on, and then remembered the list:';
  const before = lines(
    '[00:00:01] Speaker 2: Good evening and welcome.',
    NEXT,
    `[00:00:10] Speaker 1: ${said} ${sentence(original)}`,
    NEXT,
    `[00:00:30] Speaker 1: ${sentence(original)} Then we went home.`,
  );
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const uri = 'file:///moved-overlap.transcript';
  const [found] = service.diagnostics(textDocument(uri, before, 1));
  assert.equal(found?.message, 'This text repeats the end of the previous chunk (line 3): 8 of 8 words match.');

  const after = before.replace('welcome.\n', 'welcome.\n[00:00:05] Speaker 3: Thank you for having us.\n');
  const document = textDocument(uri, after, 2);
  assert.deepEqual(analyses.analysis(document).parseStats, { parsed: 1, kept: 0, moved: 2 });
  const diagnostics = service.diagnostics(document);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message, textAt(after, d.range)]),
    [['duplicate-overlap', 'This text repeats the end of the previous chunk (line 4): 8 of 8 words match.', sentence(original)]],
  );
  assert.equal(diagnostics[0]!.range.start.line, 5);
  assert.deepEqual(diagnostics, computeDiagnostics(analyze(after)));
});
