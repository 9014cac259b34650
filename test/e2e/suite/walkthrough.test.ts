import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeOf, waitForDiagnostics } from '../helpers';

/*
 * The Getting Started walkthrough's first step: the sample opens as an untitled transcript that
 * the rest of the tour (outline, speakers, a fix, an export) can work on.
 */

suite('Getting Started', () => {
  test('Open Sample Transcript opens the sample as an untitled transcript, checked like any other', async () => {
    await activeExtension();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('transcript.openSample');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'transcript');
    assert.match(document.lineAt(0).text, /^Moderator \(Lester Holt\): "Good evening from Hofstra University/);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'timestamp-order'), 'the sample to be checked');
    assert.ok(
      diagnostics.some((d) => codeOf(d) === 'duplicate-overlap'),
      'the sample has a repeated passage to fix',
    );
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols.length > 5, `the outline lists the chunks: ${symbols.length}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
