import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { passage, twoChunks } from './overlapPassages';

/*
 * A setting travels from the client's `transcript` section to the checks: the built server over
 * stdio, asked for the configuration as VS Code answers it, and told when it changes.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const serverBundle = path.join(repoRoot, 'dist', 'server.js');

/** Two voices crossing: Bob's stamp is half a second before Ann's. */
const CROSSING = ['[00:01:10.5] Ann: So what I was saying is that', '[00:01:10.0] Bob: Right, right.', '[00:01:12] Ann: the budget is late.'].join(
  '\n',
);
/** A stamp 3 s back: reported by default. */
const THREE_SECONDS_BACK = ['[00:01:10] Ann: So what I was saying is that', '[00:01:07] Bob: Right, right.'].join('\n');

interface Client {
  readonly connection: ProtocolConnection;
  /** The next diagnostics the server publishes for `uri`; ask before doing what makes it publish. */
  nextPublish(uri: string): Promise<PublishDiagnosticsParams>;
  /** The `transcript` section the client hands out from now on. */
  settings: unknown;
  stop(): Promise<number | null>;
}

/** A server with an initialized client; killed when the test ends, so a failed assertion leaves no process behind. */
async function startClient(t: TestContext, settings: unknown): Promise<Client> {
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { cwd: repoRoot });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>();
  const client: Client = {
    connection,
    settings,
    nextPublish: (uri) =>
      Promise.race([
        new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve])),
        exited.then((code) => Promise.reject(new Error(`the server exited (${code}) before publishing for ${uri}`))),
      ]),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiters = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of waiters) resolve(params);
  });
  connection.onRequest('workspace/configuration', ({ items }: { items: Array<{ section?: string }> }) =>
    items.map((item) => (item.section === 'transcript' ? client.settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return client;
}

async function open(client: Client, uri: string, text: string): Promise<PublishDiagnosticsParams> {
  const published = client.nextPublish(uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
  return published;
}

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`);

async function hoverText(client: Client, uri: string, line: number): Promise<string> {
  const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line, character: 3 },
  });
  assert.ok(hover, 'a stamp has a hover');
  return (hover.contents as MarkupContent).value;
}

test(
  'transcript.timestamps.toleranceSeconds reaches the checks and the hover, and a change of it re-checks open documents',
  { timeout: 60_000 },
  async (t) => {
    const client = await startClient(t, {});
    const uri = 'untitled:crossing';
    // The client gives no tolerance: the default, 1 s, lets the half-second crossing pass.
    assert.deepEqual(codes(await open(client, uri, CROSSING)), []);
    assert.match(await hoverText(client, uri, 1), /0\.5 s \*\*before\*\* the previous stamp/);

    // The user sets 0: the server hears of the change, asks again, and reports the crossing.
    client.settings = { timestamps: { toleranceSeconds: 0 } };
    const published = client.nextPublish(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await published), ['1:timestamp-order']);
    assert.equal((await published).version, 1, 'the same version, checked again');
    assert.equal((await published).diagnostics[0]!.message, '00:01:10 is 0.5 s earlier than 00:01:10.500 (line 1)');
    // Reported now, the warning beside the hover says it: the hover gives only the time.
    assert.doesNotMatch(await hoverText(client, uri, 1), /0\.5 s/);

    assert.equal(await client.stop(), 0);
  },
);

test('a tolerance the client gives from the start is used for the first check', { timeout: 60_000 }, async (t) => {
  const strict = await startClient(t, { timestamps: { toleranceSeconds: 0 } });
  assert.deepEqual(codes(await open(strict, 'untitled:crossing', CROSSING)), ['1:timestamp-order']);
  assert.equal(await strict.stop(), 0);

  const lenient = await startClient(t, { timestamps: { toleranceSeconds: 5 } });
  assert.deepEqual(codes(await open(lenient, 'untitled:three', THREE_SECONDS_BACK)), []);
  assert.equal(await lenient.stop(), 0);

  const byDefault = await startClient(t, { timestamps: {} });
  assert.deepEqual(codes(await open(byDefault, 'untitled:three', THREE_SECONDS_BACK)), ['1:timestamp-order']);
  assert.equal(await byDefault.stop(), 0);
});

/*
 * Each setting the server reads, given by the client with a value other than the default, changes
 * what the server answers. Each text's outcome at the default is checked beside it, so a setting
 * the server ignored would show as the default's answer.
 */

/** A chunk opening with the previous chunk's last six words: a repeat at the default minimum of 5. */
const SIX_WORD_REPEAT = twoChunks(passage(6), passage(6));
/** A re-transcription of 30 words that changed every third: found only by a window that holds all 30 (see overlap-boundaries.test.ts). */
const EVERY_THIRD_CHANGED = twoChunks(passage(30), passage(30, new Set(Array.from({ length: 10 }, (_, k) => 3 * k + 1))));

test('transcript.overlap.minWords reaches the overlap check, from the start and on a change', { timeout: 60_000 }, async (t) => {
  const byDefault = await startClient(t, {});
  assert.deepEqual(codes(await open(byDefault, 'untitled:six', SIX_WORD_REPEAT)), ['2:duplicate-overlap']);
  assert.equal(await byDefault.stop(), 0);

  const strict = await startClient(t, { overlap: { minWords: 7 } });
  const uri = 'untitled:six';
  assert.deepEqual(codes(await open(strict, uri, SIX_WORD_REPEAT)), [], 'seven words needed, six match');
  strict.settings = { overlap: { minWords: 6 } };
  const published = strict.nextPublish(uri);
  await strict.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(codes(await published), ['2:duplicate-overlap'], 'six words needed, six match');
  assert.equal(await strict.stop(), 0);
});

test('transcript.overlap.windowWords reaches the overlap check, from the start and on a change', { timeout: 60_000 }, async (t) => {
  const byDefault = await startClient(t, {});
  assert.deepEqual(codes(await open(byDefault, 'untitled:window', EVERY_THIRD_CHANGED)), ['2:duplicate-overlap']);
  assert.equal(await byDefault.stop(), 0);

  const narrow = await startClient(t, { overlap: { windowWords: 29 } });
  const uri = 'untitled:window';
  assert.deepEqual(codes(await open(narrow, uri, EVERY_THIRD_CHANGED)), [], 'the 30 words do not fit in a window of 29');
  narrow.settings = { overlap: { windowWords: 30 } };
  const published = narrow.nextPublish(uri);
  await narrow.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(codes(await published), ['2:duplicate-overlap'], 'they fit in a window of 30');
  assert.equal(await narrow.stop(), 0);
});

test('transcript.diagnostics.repeatedTimestamps: false silences timestamp-repeated', { timeout: 60_000 }, async (t) => {
  const text = ['[00:10:44] Ann: The budget first.', '[00:10:44] Bob: Then housing.'].join('\n');
  const byDefault = await startClient(t, {});
  assert.deepEqual(codes(await open(byDefault, 'untitled:same', text)), ['1:timestamp-repeated']);
  assert.equal(await byDefault.stop(), 0);
  const quiet = await startClient(t, { diagnostics: { repeatedTimestamps: false } });
  assert.deepEqual(codes(await open(quiet, 'untitled:same', text)), []);
  assert.equal(await quiet.stop(), 0);
});

test('transcript.rename.scope: document renames a lone label in every chunk, the default in its own', { timeout: 60_000 }, async (t) => {
  // Two chunks whose `Speaker 1` nothing ties together: labels restart in every chunk.
  const text = [
    '[00:00:01] Speaker 1: Morning, everyone.',
    '[00:00:04] Speaker 2: Morning to you.',
    'This chunk continues in the next part.',
    '[00:05:00] Speaker 1: Welcome back after the break.',
    '[00:05:06] Speaker 2: Glad to be back.',
  ].join('\n');
  const renamed = async (client: Client): Promise<string[]> => {
    await open(client, 'untitled:scope', text);
    const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: 'untitled:scope' },
      position: { line: 3, character: 13 },
      newName: 'Host',
    });
    return edit.changes!['untitled:scope']!.map((change) => `${change.range.start.line}:${change.range.start.character}=${change.newText}`);
  };
  const byDefault = await startClient(t, {});
  assert.deepEqual(await renamed(byDefault), ['3:11=Host']);
  assert.equal(await byDefault.stop(), 0);
  const wide = await startClient(t, { rename: { scope: 'document' } });
  assert.deepEqual(await renamed(wide), ['0:11=Host', '3:11=Host']);
  assert.equal(await wide.stop(), 0);
});

test('transcript.outline.maxItems limits the outline the server sends', { timeout: 60_000 }, async (t) => {
  // One chunk of 150 turns: 151 items, over the lowest limit the setting allows (100).
  const text = Array.from({ length: 150 }, (_, i) => `Speaker ${(i % 2) + 1}: Turn number ${i + 1}.`).join('\n');
  const outlineOf = async (client: Client): Promise<number[]> => {
    await open(client, 'untitled:long', text);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:long' } });
    return symbols.map((chunk) => chunk.children?.length ?? 0);
  };
  const byDefault = await startClient(t, {});
  assert.deepEqual(await outlineOf(byDefault), [150]);
  assert.equal(await byDefault.stop(), 0);
  const short = await startClient(t, { outline: { maxItems: 100 } });
  assert.deepEqual(await outlineOf(short), [99], 'the chunk and its first 99 turns');
  assert.equal(await short.stop(), 0);
});
