import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type Location, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { startBuiltServer, type BuiltServer } from './builtServer';

/*
 * Rename and Find All References over LSP, as VS Code asks for them: the built server lists and
 * renames the same places, and refuses a name that would spoil the text with a ResponseError whose
 * message VS Code shows the user.
 */

const URI = 'untitled:rename';
const TEXT = ['Speaker 1 (Ida Berg): "We sail at dawn."', 'This chunk continues in the next part.', 'Ida Berg: [00:00:04] Bring the charts.'].join(
  '\n',
);
const ON_LABEL = { line: 2, character: 2 };

let server: BuiltServer;

before(async () => {
  server = await startBuiltServer();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'transcript', version: 1, text: TEXT } });
});

after(() => server.stop());

const describe = (range: { start: { line: number; character: number }; end: { character: number } }) =>
  `${range.start.line}:${range.start.character}-${range.end.character}`;

test('references and rename give the same places, the cast line included', async () => {
  const found = await server.connection.sendRequest<Location[]>('textDocument/references', {
    textDocument: { uri: URI },
    position: ON_LABEL,
    context: { includeDeclaration: true },
  });
  const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri: URI },
    position: ON_LABEL,
    newName: 'Ida Borg',
  });
  assert.deepEqual(
    found.map((location) => describe(location.range)),
    ['0:11-19', '2:0-8'],
  );
  assert.deepEqual(
    edit.changes![URI]!.map((change) => `${describe(change.range)}=${change.newText}`),
    ['0:11-19=Ida Borg', '2:0-8=Ida Borg'],
  );
});

test('a name that would change how the turns read is refused with a ResponseError that says why', async () => {
  const refusal = server.connection.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: ON_LABEL, newName: 'Bad: Name' });
  await assert.rejects(refusal, (error: unknown) => {
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.RequestFailed);
    assert.match(error.message, /“Bad: Name” would change how the text reads/);
    return true;
  });
});
