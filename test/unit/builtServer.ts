import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The server as the extension runs it: the bundle `npm run build` writes. */
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');
/** The bench's probe: on the IPC message `heap`, a full collection and the heap in use. */
const HEAP_PROBE = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'heapProbe.mjs')).href;

/** A built server driven over stdio, initialized; `stop` shuts it down and checks that it exited cleanly. */
export interface BuiltServer {
  readonly connection: ProtocolConnection;
  /** The server's heap in use after a full collection, in bytes (started `withHeapProbe` only). */
  heapUsed(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the built server and initializes it. With `configuration`, the client answers
 * `workspace/configuration` with it (one answer per item asked) and says it can. With
 * `withHeapProbe`, the server can be asked for its heap (`heapUsed`).
 */
export async function startBuiltServer(configuration?: () => unknown, { withHeapProbe = false } = {}): Promise<BuiltServer> {
  const args = withHeapProbe ? ['--expose-gc', '--import', HEAP_PROBE, SERVER_BUNDLE, '--stdio'] : [SERVER_BUNDLE, '--stdio'];
  // With the probe, an IPC channel beside stdio.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe', ...(withHeapProbe ? (['ipc'] as const) : [])] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  if (configuration) connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configuration()));
  connection.listen();
  const capabilities = configuration ? { workspace: { configuration: true } } : {};
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    heapUsed: () =>
      new Promise<number>((resolve, reject) => {
        if (!withHeapProbe) return reject(new Error('the server was started without the heap probe'));
        child.once('message', (answer: { heapUsed: number }) => resolve(answer.heapUsed));
        child.send('heap');
      }),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      connection.dispose();
    },
  };
}
