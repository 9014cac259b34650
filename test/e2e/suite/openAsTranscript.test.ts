import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../protocol';
import { diagnosticsPublishedBy, openSubtitleAsTranscript, workspaceUri } from '../helpers';

/*
 * Subtitle files keep the language VS Code (or another extension) gives them: the manifest does
 * not claim `.vtt` or `.srt`. Open as Transcript switches one such document when the user asks.
 * What the server then reads in the cues is checked in layouts.test.ts; here, that it checks the file at all.
 */

suite('Open as Transcript', () => {
  test('a .vtt file in the editor switches to the transcript language, and the server checks it', async () => {
    // Resolving is the assertion: the server holds the document and has checked it.
    const { uri } = await openSubtitleAsTranscript('planning-call.vtt');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the file stays in the active editor');
  });

  test('from the Explorer, with the file not open yet: an .srt file opens in an editor as a transcript', async () => {
    const uri = workspaceUri('planning-call.srt');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'the file is not open yet');

    // The Explorer's context menu passes the file's URI.
    await diagnosticsPublishedBy(
      uri,
      () => vscode.commands.executeCommand(COMMANDS.openAsTranscript, uri),
      "the language server's diagnostics of planning-call.srt",
    );

    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    assert.equal(document?.languageId, 'transcript');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the file is shown');
  });
});
