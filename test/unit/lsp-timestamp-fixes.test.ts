import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { startBuiltServer, type BuiltServer } from './builtServer';
import { TimestampFixesRequest } from '../../protocol';
import { applyEdits } from '../../server/src/service';
import { lines } from './helpers';

/*
 * `transcript/timestampFixes`, which Fix Timestamp Problems… sends: the built server, driven over
 * stdio as the extension drives it, answers with the stamp changes for the text it holds (unsaved
 * edits included) under the document's settings, and names the version they are for.
 */

const TRANSCRIPT = lines('[00:10:00] Ann: We open.', '[00:10:20] Bob: The budget.', '[00:09:05] Ann: Out of place.', '[00:10:40] Bob: The roof.', '');

let server: BuiltServer;
let connection: ProtocolConnection;
/** What the server asks of `workspace/configuration`: the tolerance of 0 s, for the second test. */
let tolerance: number | undefined;

before(async () => {
  server = await startBuiltServer(() => (tolerance === undefined ? {} : { timestamps: { toleranceSeconds: tolerance } }));
  connection = server.connection;
});

after(() => server.stop());

test('answers with the stamp changes for the text with its unsaved edits, and the version they are for', async () => {
  const uri = 'file:///council/stamps.transcript';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: TRANSCRIPT } });
  const first = await connection.sendRequest(TimestampFixesRequest, { uri });
  assert.deepEqual(first, {
    version: 1,
    changes: [
      {
        edit: { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 9 } }, newText: '00:10:30' },
        fix: 'Interpolate between neighbours',
        label: 'Line 3: 00:09:05 → 00:10:30',
        description: 'Interpolate between neighbours',
      },
    ],
    repeatedTurns: 0,
  });
  assert.ok(first);
  const fixed = applyEdits(
    TRANSCRIPT,
    first.changes.map((change) => change.edit),
  );
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual(await connection.sendRequest(TimestampFixesRequest, { uri }), { version: 2, changes: [], repeatedTurns: 0 });
  assert.equal(await connection.sendRequest(TimestampFixesRequest, { uri: 'file:///never/opened.transcript' }), null);
});

test("reads the document's settings: a stamp half a second back is fixed only at a tolerance under it", async () => {
  const text = lines('[00:01:10] Ann: So.', '[00:01:20.5] Bob: Right.', '[00:01:20.0] Ann: Yes.', '[00:01:30] Bob: Go on.', '');
  const uri = 'file:///council/crossing.transcript';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
  assert.deepEqual((await connection.sendRequest(TimestampFixesRequest, { uri }))?.changes, []);
  tolerance = 0;
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const changes = (await connection.sendRequest(TimestampFixesRequest, { uri }))?.changes ?? [];
  assert.deepEqual(
    changes.map((change) => change.edit.newText),
    ['00:01:25.3'],
  );
});
