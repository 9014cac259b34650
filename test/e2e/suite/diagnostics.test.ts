import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeRange, openTranscript, openTranscriptCopy, waitForDiagnostics, waitForSomeDiagnostics } from '../helpers';

suite('Diagnostics', () => {
  test('a malformed stamp is an error at the stamp, with its code and a reason', async () => {
    const { document } = await openTranscript('malformed-stamp.transcript');
    const diagnostics = await waitForSomeDiagnostics(document.uri);

    assert.deepEqual(diagnostics.map((d) => [codeOf(d), describeRange(d.range)]), [['timestamp-malformed', '3:0-3:10']]);
    const [diagnostic] = diagnostics;
    assert.equal(document.getText(diagnostic!.range), '[00:75:00]');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic!.message, /minutes/);
  });

  test('correcting the stamp in the editor clears the problem', async () => {
    const editor = await openTranscriptCopy('malformed-stamp.transcript');
    const [diagnostic] = await waitForSomeDiagnostics(editor.document.uri);

    const applied = await editor.edit((edit) => edit.replace(diagnostic!.range, '[00:03:40]'));
    assert.equal(applied, true);
    await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.length === 0, 'the problem to clear');
  });
});
