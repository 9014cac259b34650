import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type FoldingRange,
  type PublishDiagnosticsParams,
  type SemanticTokens,
  type SemanticTokensDelta,
} from 'vscode-languageserver-protocol/node';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { ProblemCountsNotification, type ProblemCountsParams } from '../../protocol';
import { foldingRanges } from '../../server/src/service/features/folding';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { analyze } from './helpers';
import { startBuiltServer } from './builtServer';

/*
 * What the server sends for a long transcript, over stdio as an editor asks. Semantic tokens:
 * the whole set once, then after each edit only the edits to it (`full/delta`); applied to what
 * the client holds, the edits must give exactly what a whole answer gives, and be a small part
 * of it. Folding ranges: no more than the client says it takes.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const serverBundle = path.join(repoRoot, 'dist', 'server.js');
const seedlike = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'seedlike.transcript'), 'utf8').trimEnd();
const LONG = Array.from({ length: 20 }, () => `${seedlike}\nThis chunk continues in the next part.\n`).join('');

function applyEdits(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  // LSP edits refer to the data before any of them: apply from the end.
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

test('after an edit the server sends the edits to the tokens the client holds, and they give the whole answer', async () => {
  const child = spawn(process.execPath, [serverBundle, '--stdio']);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  connection.listen();
  const initialized = await connection.sendRequest<{
    capabilities: { semanticTokensProvider?: { full?: boolean | { delta?: boolean } } };
  }>('initialize', { processId: null, rootUri: null, capabilities: {} });
  assert.deepEqual(initialized.capabilities.semanticTokensProvider?.full, { delta: true });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///tokens.transcript';
  const textDocument = { uri };
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: LONG } });
  let held = await connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
  assert.ok(held.resultId && held.data.length > 1000);

  // Typing: a new line in the middle, a blank line removed near the start. Then a new person in
  // the middle, which gives every person first seen after it the next colour: a big edit, still exact.
  const lines = LONG.split('\n');
  const middleLine = lines.length >> 1;
  const blankLine = lines.indexOf('', 2);
  const changes = [
    { small: true, range: { start: { line: middleLine, character: 12 }, end: { line: middleLine, character: 12 } }, text: 'and then\n' },
    { small: true, range: { start: { line: blankLine, character: 0 }, end: { line: blankLine + 1, character: 0 } }, text: '' },
    {
      small: false,
      range: { start: { line: middleLine, character: 0 }, end: { line: middleLine, character: 0 } },
      text: 'Speaker 7 (Ada Lovelace): "A new voice."\nSentiment: Hopeful\n\n',
    },
  ];
  for (const [index, { small, ...change }] of changes.entries()) {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: index + 2 }, contentChanges: [change] });
    const delta = await connection.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument,
      previousResultId: held.resultId,
    });
    assert.ok('edits' in delta, 'an answer of edits, not the whole set');
    const sent = delta.edits.reduce((sum, edit) => sum + (edit.data?.length ?? 0), 0);
    if (small) assert.ok(sent < held.data.length / 100, `the edits carry ${sent} numbers of ${held.data.length}`);
    const applied = applyEdits(held.data, delta);
    const whole = await connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
    assert.deepEqual(applied, whole.data);
    held = whole;
  }

  // A result id the server does not know gets a whole answer.
  const unknown = await connection.sendRequest<SemanticTokens & SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
    textDocument,
    previousResultId: 'no such result',
  });
  assert.ok(unknown.edits === undefined || unknown.edits.length === 1, 'either the whole set or one edit covering it');

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
});

test('a client that takes a limited number of folding ranges gets no more, the chunks first', async () => {
  for (const rangeLimit of [undefined, 400]) {
    const child = spawn(process.execPath, [serverBundle, '--stdio']);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    connection.listen();
    const capabilities = rangeLimit === undefined ? {} : { textDocument: { foldingRange: { rangeLimit } } };
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///folds.transcript';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: LONG } });
    const folds = await connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    if (rangeLimit === undefined) {
      assert.ok(folds.length > 400, `${folds.length} folds without a limit`);
    } else {
      assert.equal(folds.length, rangeLimit);
      const startLines = folds.map((fold) => fold.startLine);
      assert.deepEqual(
        startLines,
        [...startLines].sort((a, b) => a - b),
      );
      // Every chunk's fold is kept, as long as the chunks alone fit.
      const chunkFolds = foldingRanges(parseTranscript(LONG)).filter((fold) => fold.kind === 'chunk');
      assert.ok(chunkFolds.length > 0 && chunkFolds.length < rangeLimit, `${chunkFolds.length} chunk folds`);
      for (const chunk of chunkFolds) assert.ok(folds.some((fold) => fold.startLine === chunk.startLine && fold.endLine === chunk.endLine));
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  }
});

test('a transcript of over four million characters gets the first 1,000 diagnostics by severity, and the counts of all', async (t) => {
  // Long, with thousands of overlaps: more diagnostics than the server sends.
  const overlapping = ['overlap-exact', 'overlap-approximate', 'overlap-then-new-content'].map((name) =>
    readFileSync(path.join(repoRoot, 'test', 'fixtures', `${name}.transcript`), 'utf8').trimEnd(),
  );
  const parts: string[] = [];
  for (let length = 0; length < 4_200_000; length += parts[parts.length - 1]!.length + 40) parts.push(overlapping[parts.length % 3]!);
  const text = `${parts.join('\nThis chunk continues in the next part.\n')}\n`;
  const expected = computeDiagnostics(analyze(text));
  assert.ok(expected.filter((d) => d.code === 'duplicate-overlap').length > 4000);

  const child = spawn(process.execPath, [serverBundle, '--stdio']);
  // A failed assertion must not leave the server running, or the test run would wait for it.
  t.after(() => child.kill());
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const uri = 'file:///long-open.transcript';
  // The server publishes the problems of the document's first part, then checks the whole and
  // sends its counts, then its diagnostics: the publication after the counts is the whole check's.
  let countedWhole = false;
  let resolveFirstPart: (params: PublishDiagnosticsParams) => void = () => {};
  let resolveWhole: (params: PublishDiagnosticsParams) => void = () => {};
  const firstPart = new Promise<PublishDiagnosticsParams>((resolve) => (resolveFirstPart = resolve));
  const wholePublished = new Promise<PublishDiagnosticsParams>((resolve) => (resolveWhole = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri !== uri) return;
    if (countedWhole) resolveWhole(params);
    else resolveFirstPart(params);
  });
  const counted = new Promise<ProblemCountsParams>((resolve) => {
    connection.onNotification(ProblemCountsNotification.method, (params: ProblemCountsParams) => {
      if (params.uri !== uri) return;
      countedWhole = true;
      resolve(params);
    });
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
  const part = await firstPart;
  assert.ok(part.diagnostics.length > 0 && part.diagnostics.length < 1000, `${part.diagnostics.length} problems in the first part`);
  const { diagnostics } = await wholePublished;
  // The server sends the 1,000 VS Code would show (errors first, then warnings, ..., each in
  // document order), in document order, and the counts of all.
  const severities = ['error', 'warning', 'information', 'hint'];
  const shown = new Set(
    [...expected]
      .map((diagnostic, order) => ({ diagnostic, order }))
      .sort((a, b) => severities.indexOf(a.diagnostic.severity) - severities.indexOf(b.diagnostic.severity) || a.order - b.order)
      .slice(0, 1000)
      .map(({ diagnostic }) => diagnostic),
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range, d.message, d.relatedInformation?.map((r) => r.location.range)]),
    expected.filter((d) => shown.has(d)).map((d) => [d.code, d.range, d.message, d.related?.map((r) => r.range)]),
  );
  const counts = await counted;
  assert.equal(counts.total, expected.length);
  assert.equal(counts.shown, 1000);
  const byCode: Record<string, number> = {};
  for (const diagnostic of expected) byCode[diagnostic.code] = (byCode[diagnostic.code] ?? 0) + 1;
  assert.deepEqual(counts.byCode, byCode);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
});

test('closing a document lets go of its text: the heap goes back to what it was before it was opened', async () => {
  // The checks keep scratch space from one document to the next; scratch that still pointed at a
  // turn kept that turn's text (the whole document) alive after the document was closed.
  const server = await startBuiltServer(undefined, { withHeapProbe: true });
  const { connection } = server;
  const published = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.get(params.uri)?.();
  });
  const openCheckAndClose = async (uri: string, text: string) => {
    // The checks run when the problems are published (this client does not pull): wait for them.
    const checked = new Promise<void>((resolve) => published.set(uri, resolve));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
    await checked;
    // Outline and speakers too, so that every cache that keeps rows of a document has some.
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await connection.sendRequest('transcript/speakers', { uri });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Answered once the close is handled: stdin is read in order, the probe's channel is another.
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  };
  // The first document compiles the code and fills the tables every document shares; they stay.
  await openCheckAndClose('file:///first.transcript', LONG);
  const before = await server.heapUsed();
  const text = LONG.repeat(8);
  await openCheckAndClose('file:///second.transcript', text);
  const kept = (await server.heapUsed()) - before;
  // The text alone is two bytes a character (the fixture has curly quotes); what is kept is the
  // room that tables grown for it still have, which they give back as they are next used.
  assert.ok(kept < text.length, `${(kept / 1e6).toFixed(2)} MB kept after the document was closed; its text is ${(text.length / 1e6).toFixed(2)} MB`);
  await server.stop();
});
