import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveSettings, TranscriptService, textDocument } from '../../server/src/service';

const TEXT = [
  '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country.',
  'This chunk continues in the next part.',
  '[00:00:05] Speaker 1: our roads and our bridges across the whole country. Then the schools.',
].join('\n');

test('features without settings reuse the analysis the checks made, so the checks are not redone', () => {
  const service = new TranscriptService();
  const document = textDocument('file:///a.transcript', TEXT, 3);
  // The server's settings: equal to the defaults in value, another object.
  const settings = resolveSettings(undefined);
  const checked = service.analysis(document, settings);
  const overlaps = checked.overlaps;
  service.documentSymbols(document);
  service.hover(document, { line: 0, character: 2 });
  assert.equal(service.analysis(document, resolveSettings(undefined)), checked);
  assert.equal(service.analysis(document, settings).overlaps, overlaps);
});

test('other settings make another analysis over the same parse; a new version a new parse', () => {
  const service = new TranscriptService();
  const document = textDocument('file:///a.transcript', TEXT, 3);
  const first = service.analysis(document, resolveSettings(undefined));
  const stricter = service.analysis(document, resolveSettings({ overlapMinWords: 50 }));
  assert.notEqual(stricter, first);
  assert.equal(stricter.model, first.model);
  assert.equal(stricter.overlaps.length, 0);
  assert.equal(first.overlaps.length, 1);
  const next = service.analysis(textDocument('file:///a.transcript', `${TEXT}\n`, 4));
  assert.notEqual(next.model, first.model);
});
