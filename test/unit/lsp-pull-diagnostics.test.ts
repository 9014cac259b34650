import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { SERVER_BUNDLE } from './builtServer';
import { textDocument, type TranscriptDiagnostic } from '../../server/src/service';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { createTranscriptService } from '../../server/src/service';
import { analyze } from './helpers';

/*
 * A client that pulls diagnostics, as VS Code does: each answer has a result id, a question with
 * the id of an answer that still holds is answered `unchanged`, and a big document just opened is
 * answered first with its first part's problems, then whole once the client is told to ask again.
 */

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const BACKWARDS = readFileSync(path.join(FIXTURES, 'timestamps-backwards.transcript'), 'utf8');
const SEEDLIKE = readFileSync(path.join(FIXTURES, 'seedlike.transcript'), 'utf8');

async function pullingServer(t: TestContext): Promise<{ connection: ProtocolConnection; refreshed: () => Promise<void>; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio']);
  t.after(() => child.kill());
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let refreshes = 0;
  const waiting: Array<() => void> = [];
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    for (const resolve of waiting.splice(0)) resolve();
    return null;
  });
  connection.onNotification('textDocument/publishDiagnostics', () => assert.fail('a client that pulls is not published to'));
  connection.listen();
  const initialized = await connection.sendRequest<{ capabilities: { diagnosticProvider?: unknown } }>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } },
  });
  assert.ok(initialized.capabilities.diagnosticProvider, 'the server offers to be asked');
  await connection.sendNotification('initialized', {});
  return {
    connection,
    refreshed: () => (refreshes > 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      connection.dispose();
    },
  };
}

/** The 1,000 VS Code would show: by severity, each in document order, given back in document order. */
function firstBySeverity(diagnostics: readonly TranscriptDiagnostic[]): TranscriptDiagnostic[] {
  const severities = ['error', 'warning', 'information', 'hint'];
  const kept = new Set(
    diagnostics
      .map((diagnostic, order) => ({ diagnostic, order }))
      .sort((a, b) => severities.indexOf(a.diagnostic.severity) - severities.indexOf(b.diagnostic.severity) || a.order - b.order)
      .slice(0, 1000)
      .map(({ diagnostic }) => diagnostic),
  );
  return diagnostics.filter((diagnostic) => kept.has(diagnostic));
}

const pull = (connection: ProtocolConnection, uri: string, previousResultId?: string) =>
  connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

/** The editor's change of `range` to `text`, making `version`. */
const change = (connection: ProtocolConnection, uri: string, version: number, range: Range, text: string) =>
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });

/** Opens a document of over a million characters (copies of the seed-like fixture, a chunk marker between) and gives its text. */
async function openBig(connection: ProtocolConnection, uri: string): Promise<string> {
  const copies = Math.ceil(1_200_000 / SEEDLIKE.length);
  const text = Array.from({ length: copies }, () => SEEDLIKE.trimEnd()).join('\nThis chunk continues in the next part.\n');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
  return text;
}

/** The outline's top level is a symbol a chunk. */
function chunksOf(text: string): number {
  return createTranscriptService().model(textDocument('file:///chunks.transcript', text)).chunks.length;
}

test('pulled diagnostics: a result id each, unchanged while they hold, a full answer when they change', async (t) => {
  const server = await pullingServer(t);
  const uri = 'file:///pulled.transcript';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: BACKWARDS } });
  const first = (await pull(server.connection, uri)) as FullDocumentDiagnosticReport;
  assert.equal(first.kind, 'full');
  assert.ok(first.resultId);
  assert.deepEqual(
    first.items.map((d) => [d.code, d.range]),
    computeDiagnostics(analyze(BACKWARDS)).map((d) => [d.code, d.range]),
  );
  assert.deepEqual(await pull(server.connection, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

  // A word typed where it moves no problem: the same problems, unchanged.
  const at = BACKWARDS.indexOf('harbour');
  const line = BACKWARDS.slice(0, at).split('\n').length - 1;
  const character = at - (BACKWARDS.lastIndexOf('\n', at - 1) + 1);
  const range = { start: { line, character }, end: { line, character } };
  await change(server.connection, uri, 2, range, 'old ');
  assert.deepEqual(await pull(server.connection, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

  // A malformed stamp typed: a new problem, a full answer with a new id.
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  await change(server.connection, uri, 3, top, '[00:75:00] Speaker 9: "Hello."\n');
  const third = (await pull(server.connection, uri, first.resultId)) as FullDocumentDiagnosticReport;
  assert.equal(third.kind, 'full');
  assert.notEqual(third.resultId, first.resultId);
  const edited = `[00:75:00] Speaker 9: "Hello."\n${BACKWARDS.slice(0, at)}old ${BACKWARDS.slice(at)}`;
  assert.deepEqual(
    third.items.map((d) => [d.code, d.range]),
    createTranscriptService()
      .diagnostics(textDocument(uri, edited))
      .map((d) => [d.code, d.range]),
  );
  await server.stop();
});

test('a big document just opened is answered with its first part, then whole once the client is asked to pull again', async (t) => {
  const server = await pullingServer(t);
  const uri = 'file:///big-pulled.transcript';
  const text = await openBig(server.connection, uri);
  const whole = createTranscriptService().diagnostics(textDocument(uri, text));
  const first = (await pull(server.connection, uri)) as FullDocumentDiagnosticReport;
  assert.equal(first.kind, 'full');
  assert.ok(first.items.length > 0 && first.items.length < Math.min(whole.length, 1000), `${first.items.length} problems in the first part`);
  const lastLine = first.items[first.items.length - 1]!.range.start.line;
  assert.deepEqual(
    first.items.map((d) => [d.code, d.range, d.message]),
    whole.filter((d) => d.range.start.line <= lastLine).map((d) => [d.code, d.range, d.message]),
  );
  const second = (await pull(server.connection, uri, first.resultId)) as FullDocumentDiagnosticReport;
  assert.equal(second.kind, 'full');
  assert.deepEqual(
    second.items.map((d) => [d.code, d.range, d.message]),
    firstBySeverity(whole).map((d) => [d.code, d.range, d.message]),
  );
  // The client is told to ask again once the whole is checked.
  await server.refreshed();
  await server.stop();
});

test('a big file whose outline is asked for before its diagnostics gets the first part of its problems first', async (t) => {
  // VS Code asks for the outline of a file it opens in the same moment as it opens it, before it
  // asks for the diagnostics: the outline parses the whole text, and must not hold them up.
  const server = await pullingServer(t);
  const uri = 'file:///big-outlined.transcript';
  const text = await openBig(server.connection, uri);
  const answered: string[] = [];
  const outline = server.connection
    .sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })
    .then((symbols) => (answered.push('outline'), symbols));
  const problems = pull(server.connection, uri).then((report) => (answered.push('problems'), report as FullDocumentDiagnosticReport));
  const [symbols, first] = await Promise.all([outline, problems]);
  assert.deepEqual(answered, ['problems', 'outline']);
  assert.ok(first.items.length > 0 && first.items.length < 1000, `${first.items.length} problems in the first part`);
  assert.equal(symbols.length, chunksOf(text), 'the outline, when it comes, is of the whole document');
  await server.stop();
});

test('a big document whose diagnostics are never asked for still gets its outline', async (t) => {
  // Opened but not shown (an extension opened it): no question for diagnostics comes, and the
  // outline waits for one only a moment.
  const server = await pullingServer(t);
  const uri = 'file:///big-unshown.transcript';
  const text = await openBig(server.connection, uri);
  const symbols = await server.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.length, chunksOf(text));
  await server.stop();
});

test('a problem that stays where it is but says something new is sent anew', async (t) => {
  const server = await pullingServer(t);
  const uri = 'file:///reworded.transcript';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: BACKWARDS } });
  const first = (await pull(server.connection, uri)) as FullDocumentDiagnosticReport;
  const atLine11 = (report: FullDocumentDiagnosticReport) => report.items.find((d) => d.range.start.line === 11)?.message;
  assert.equal(atLine11(first), '00:05:15 is 6 s earlier than 00:05:21 (line 7)');
  // The stamp it is held against, four seconds later, in as many characters.
  const stamp = { start: { line: 6, character: 7 }, end: { line: 6, character: 9 } };
  await change(server.connection, uri, 2, stamp, '25');
  const second = (await pull(server.connection, uri, first.resultId)) as FullDocumentDiagnosticReport;
  assert.equal(second.kind, 'full');
  assert.equal(atLine11(second), '00:05:15 is 10 s earlier than 00:05:25 (line 7)');
  await server.stop();
});
