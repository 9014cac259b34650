import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, openTranscript, workspaceUri } from '../helpers';

suite('Activation', () => {
  test('a *.transcript file opens in the transcript language', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    assert.equal(editor.document.languageId, 'transcript');
  });

  test('a *.transcript.txt file opens in the transcript language', async () => {
    const editor = await openTranscript('renamed-by-pipeline.transcript.txt');
    assert.equal(editor.document.languageId, 'transcript');
  });

  test('a file without an extension whose first line is a transcript turn opens as a transcript', async () => {
    const transcript = await vscode.workspace.openTextDocument(workspaceUri('pipeline-chunk-007'));
    assert.equal(transcript.languageId, 'transcript');
  });

  test('a .txt file whose first line is a transcript turn switches to the transcript language', async () => {
    const uri = workspaceUri('chunk-008-transcript.txt');
    // VS Code opens it as plain text by its extension; the extension then switches it, which
    // closes the plain text document and opens it again as a transcript.
    const switched = new Promise<vscode.TextDocument>((resolve) => {
      const listener = vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.uri.toString() === uri.toString() && document.languageId === 'transcript') {
          listener.dispose();
          resolve(document);
        }
      });
    });
    const opened = await vscode.workspace.openTextDocument(uri);
    const document = opened.languageId === 'transcript' ? opened : await switched;
    assert.equal(document.languageId, 'transcript');
  });

  test('a plain .txt note stays plain text', async () => {
    const notes = await vscode.workspace.openTextDocument(workspaceUri('debate-notes.txt'));
    assert.equal(notes.languageId, 'plaintext');
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
