import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** The server as the extension runs it: the bundle `npm run build` writes. */
export const SERVER_BUNDLE = path.join(path.resolve(__dirname, '..', '..', '..'), 'dist', 'server.js');

/** A built server driven over stdio, initialized; `stop` shuts it down and checks that it exited cleanly. */
export interface BuiltServer {
  readonly connection: ProtocolConnection;
  stop(): Promise<void>;
}

/**
 * Starts the built server and initializes it. With `configuration`, the client answers
 * `workspace/configuration` with it (one answer per item asked) and says it can.
 */
export async function startBuiltServer(configuration?: () => unknown): Promise<BuiltServer> {
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  if (configuration) connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configuration()));
  connection.listen();
  const capabilities = configuration ? { workspace: { configuration: true } } : {};
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      connection.dispose();
    },
  };
}
