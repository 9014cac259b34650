import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

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
