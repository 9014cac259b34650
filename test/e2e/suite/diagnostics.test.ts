import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeExtension,
  bounded,
  codeOf,
  describeRange,
  openTranscript,
  openTranscriptCopy,
  waitForDiagnostics,
  waitForSomeDiagnostics,
} from '../helpers';

suite('Diagnostics', () => {
  test('a clean transcript is published as clean: no false positives on real repetition', async () => {
    const api = await activeExtension();
    // Echoes across a chunk boundary that are speech, not a copy: a short answer said again, a
    // phrase quoted and run on, and sounds; none opens the next chunk as a re-transcription does.
    const content = [
      '[00:20:07] Speaker 2: I did not. I did not. You called it the gold standard.',
      'Sentiment: Defensive',
      'This chunk continues in the next part.',
      '[00:20:12] Speaker 1: You called it the gold standard of trade deals. I did not.',
      'Sentiment: Neutral',
      '[00:20:14] Speaker 2: (CROSSTALK)',
      '[00:20:15] Speaker 1: (CROSSTALK)',
    ].join('\n');
    // Subscribed before the document exists, and every publication kept, so none can be missed.
    const seen: Array<{ uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }> = [];
    let onSeen = () => {};
    const listener = api.onDidPublishDiagnostics((event) => {
      seen.push(event);
      onSeen();
    });
    const document = await vscode.workspace.openTextDocument({ language: 'transcript', content });
    await vscode.window.showTextDocument(document);
    const ofDocument = () => seen.find((event) => event.uri.toString() === document.uri.toString());
    const published = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
      onSeen = () => {
        const event = ofDocument();
        if (event) resolve(event.diagnostics);
      };
      onSeen();
    }).finally(() => {
      listener.dispose();
    });
    assert.deepEqual(await bounded(published, 15_000, 'the diagnostics of the clean transcript'), []);
  });

  test('a malformed stamp is an error at the stamp, with its code and a reason', async () => {
    const { document } = await openTranscript('malformed-stamp.transcript');
    const diagnostics = await waitForSomeDiagnostics(document.uri);

    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), describeRange(d.range)]),
      [['timestamp-malformed', '3:0-3:10']],
    );
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
