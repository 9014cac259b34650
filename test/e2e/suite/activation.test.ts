import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, openTranscript } from '../helpers';

suite('Activation', () => {
  test('a *.transcript file opens in the transcript language', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    assert.equal(editor.document.languageId, 'transcript');
  });

  test('opening a transcript activates the extension and starts its language server', async () => {
    await openTranscript('debate-opening.transcript');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the host`);
    assert.equal(extension.isActive, true);
    const api = await activeExtension();
    // `ready` settles only when the client's start succeeded: a failed start rejects it.
    await assert.doesNotReject(api.ready);
  });
});
