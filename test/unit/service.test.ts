import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveSettings, textDocument } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';

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

test('boundaries checked by another thread from turn layouts sent during the parse give the same overlaps, and are used as given', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { BoundaryChecker } = await import('../../server/src/service/checks/overlap/boundaryChecker');
  const { layoutOf } = await import('../../server/src/service/checks/overlap/layout');
  const { ChunkClaims } = await import('../../server/src/lsp/chunkClaims');
  const { packCheckedChunk, readCheckedBoundaries } = await import('../../server/src/service/checks/overlap/checkedBoundaries');
  const { overlapDiagnostics: computeOverlapDiagnostics } = await import('../../server/src/service/features/diagnostics');
  const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
  // Every overlap fixture and the seed-like one, each a chunk apart, CRLF in one, emoji and CJK in another.
  const text =
    ['overlap-exact', 'overlap-approximate', 'overlap-then-new-content', 'seedlike', 'crlf-bom', 'real-repetition']
      .map((name) =>
        readFileSync(path.join(fixtures, `${name}.transcript`), 'utf8')
          .replace(/^\uFEFF/, '')
          .trimEnd(),
      )
      .join('\nThis chunk continues in the next part.\n') + '\n[00:09:00] Speaker 9: 中文 and 😀 closing words.\n';
  const settings = resolveSettings(undefined);
  const fresh = new DocumentAnalyses().analysis(textDocument('file:///fresh.transcript', text), settings);
  assert.ok(fresh.overlaps.length >= 3, 'the text has overlaps to hand over');

  // The way the server splits a first check, its two threads' turns taken one after the other
  // here: the other thread gets the text and the turns in parts as they cross a thread, and
  // checks boundaries from the first on as their turns come; this thread, once it has parsed the
  // whole, checks them from the last back, until the two meet. Here this thread takes the last
  // third of the chunks before the other has read its parts.
  const shared = new DocumentAnalyses().analysis(textDocument('file:///shared.transcript', text), settings);
  const claims = new ChunkClaims(undefined, 1);
  const otherClaims = new ChunkClaims(structuredClone(claims.buffer));
  const other = new BoundaryChecker(text, settings, (available) => otherClaims.takeFront(available));
  const layouts: Array<ReturnType<typeof layoutOf>> = [];
  let sent = { turns: 0, chunks: 0 };
  const send = (parsed: Parameters<typeof layoutOf>[0]) => {
    layouts.push(structuredClone(layoutOf(parsed, sent.turns, sent.chunks)));
    sent = { turns: parsed.turns.length, chunks: parsed.chunks.length };
  };
  shared.parseWatched((parsed) => send(parsed));
  send(shared.model);
  const chunkCount = shared.model.chunks.length;
  claims.endAt(chunkCount);
  const takenHere: number[] = [];
  while (takenHere.length < Math.floor(chunkCount / 3)) {
    const chunk = claims.takeBack()!;
    shared.checkBoundaries(chunk, chunk + 1);
    takenHere.push(chunk);
  }
  assert.ok(layouts.length > 3, `${layouts.length} parts`);
  for (const layout of layouts.slice(0, 2)) other.add(layout);
  // The other thread has claimed only the chunks whose turns have come.
  const firstParts = layouts.slice(0, 2).reduce((chunks, layout) => chunks + layout.chunks.length / 2, 0);
  assert.equal(claims.takeBack(), chunkCount - takenHere.length - 1, 'the other thread took none it had no turns for');
  shared.checkBoundaries(chunkCount - takenHere.length - 1, chunkCount - takenHere.length);
  assert.ok(firstParts < chunkCount - takenHere.length - 1);
  for (const layout of layouts.slice(2)) other.add(layout);
  const checked = structuredClone(other.finish(chunkCount));
  const checkedChunks: Array<Parameters<typeof packCheckedChunk>[1]> = [];
  readCheckedBoundaries(checked, (chunk) => checkedChunks.push(chunk));
  assert.equal(claims.takeBack(), undefined, 'nothing is left to take once the two have met');
  // The other thread checked every boundary this one did not (a chunk without turns has none).
  const meet = chunkCount - takenHere.length - 1;
  const hasBoundary = (chunk: number) => shared.model.chunks[chunk]!.turnCount > 0;
  assert.deepEqual(
    checkedChunks.map((chunk) => chunk.chunk),
    Array.from({ length: meet - 1 }, (_, k) => k + 1).filter(hasBoundary),
  );
  assert.ok(
    checkedChunks.some((chunk) => chunk.overlap),
    'the other thread found overlaps in its part',
  );
  shared.acceptCheckedBoundaries(checked);
  assert.deepEqual(JSON.parse(JSON.stringify(shared.overlaps)), JSON.parse(JSON.stringify(fresh.overlaps)));
  assert.deepEqual(shared.overlaps.flatMap(computeOverlapDiagnostics), fresh.overlaps.flatMap(computeOverlapDiagnostics));

  // The results handed over are what the analysis reports, not checked again: one told otherwise says so.
  const told = new DocumentAnalyses().analysis(textDocument('file:///told.transcript', text), settings);
  const altered: number[] = [];
  for (const chunk of checkedChunks)
    packCheckedChunk(altered, chunk.overlap ? { ...chunk, overlap: { ...chunk.overlap, matchedWords: 999 } } : chunk);
  told.acceptCheckedBoundaries({ count: checkedChunks.length, numbers: Int32Array.from(altered) });
  assert.ok(told.overlaps.some((overlap) => overlap.matchedWords === 999));
});
