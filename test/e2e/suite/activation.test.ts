import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { activeExtension, bounded, codeOf, EXTENSION_ID, openTranscript, waitForDiagnostics, workspaceUri } from '../helpers';

suite('Activation', () => {
  // First, before any other test opens a transcript or activates the extension: this file is the
  // first suite the runner loads (test/e2e/index.ts sorts them). The host may have activated it
  // already all the same: its `onLanguage:plaintext` event (for the .txt detection) fires for the
  // workbench's own plain-text models at startup, which code-server's extension host log shows
  // in most runs. So the test does not claim the open is what activated it (the manifest test
  // says it is declared); it shows that the extension is active and its server running without
  // the test activating it: it waits on the server's diagnostics for the file, nothing else.
  test('opening a transcript activates the extension and starts its language server', async () => {
    const extension = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the host`);
    const uri = workspaceUri('stamps-backwards.transcript');
    // Diagnostics for the file come only from an extension that is active and has started its
    // language server; nothing here activates it (no activate(), no command of its own).
    const checked = waitForDiagnostics(
      uri,
      (diagnostics) => diagnostics.some((d) => codeOf(d) === 'timestamp-order'),
      "the language server's first check of stamps-backwards.transcript",
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await checked;
    assert.equal(extension.isActive, true);
    assert.ok(extension.exports, 'activate returned its API');
    // `ready` settles only when the client's start succeeded: a failed start rejects it.
    await assert.doesNotReject(bounded(extension.exports.ready, 15_000, 'the language server to start'));
  });

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

  test('a .txt transcript under a title line is offered the switch, once, and the offer opens it as a transcript', async () => {
    const uri = workspaceUri('harbour-council.txt');
    await activeExtension();
    const api = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID)!.exports;
    let subscription: vscode.Disposable | undefined;
    const offered = new Promise<vscode.Uri>((resolve) => {
      subscription = api.plainTextDetection.onDidOffer(resolve);
    });
    const opened = await vscode.workspace.openTextDocument(uri);
    assert.equal(opened.languageId, 'plaintext', 'its first line is a title, so nothing switches it unasked');
    assert.equal((await bounded(offered, 15_000, 'the offer to open it as a transcript')).toString(), uri.toString());
    subscription?.dispose();
    // What the offer's button runs.
    const transcript = await vscode.commands.executeCommand<vscode.TextDocument>('transcript.openAsTranscript', uri);
    assert.equal(transcript?.languageId, 'transcript');
  });

  test('a transcript wraps its long turns, as prose needs; other text keeps the editor defaults', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordBasedSuggestions'), 'off');
    const notes = await vscode.workspace.openTextDocument(workspaceUri('debate-notes.txt'));
    assert.equal(vscode.workspace.getConfiguration('editor', notes).get('wordWrap'), 'off');
  });

  test('a plain .txt note stays plain text', async () => {
    const notes = await vscode.workspace.openTextDocument(workspaceUri('debate-notes.txt'));
    assert.equal(notes.languageId, 'plaintext');
  });
});
