import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  describeDiagnostics,
  describeRange,
  openTranscriptCopy,
  setTranscriptSetting,
  waitForCodeGone,
  waitForDiagnostics,
  waitForSomeDiagnostics,
} from '../helpers';

/*
 * debate-checks.transcript has one of each timing check: a stamp earlier than the one before it
 * (line 7), a chunk that opens by repeating the previous chunk's last sentence (line 12), and
 * two turns in a row with the same stamp (line 18).
 */
const FILE = 'debate-checks.transcript';

function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => codeOf(d) ?? '?');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

suite('Timing checks, quick fixes and fix-all', () => {
  test('backwards stamps, repeated stamps and duplicated overlap are reported where they are', async () => {
    const { document } = await openTranscriptCopy(FILE);
    const diagnostics = await waitForSomeDiagnostics(document.uri);

    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), describeRange(d.range)]),
      [
        ['timestamp-order', '6:0-6:10'],
        ['duplicate-overlap', '11:22-11:105'],
        ['timestamp-repeated', '17:0-17:10'],
      ],
    );
    const [order, overlap, repeated] = diagnostics;
    assert.equal(order!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(order!.message, /00:10:18.*earlier than 00:10:31/);
    assert.deepEqual(
      order!.relatedInformation?.map((r) => describeRange(r.location.range)),
      ['3:0-3:10'],
      'the backwards stamp points at the later stamp it contradicts',
    );

    assert.equal(overlap!.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(overlap!.tags?.includes(vscode.DiagnosticTag.Unnecessary), 'the repeated text is faded');
    assert.equal(document.getText(overlap!.range), 'I have a plan that will create millions of jobs in infrastructure and clean energy.');
    assert.deepEqual(
      overlap!.relatedInformation?.map((r) => r.location.range.start.line),
      [6],
      'the overlap points at the original text at the end of the previous chunk',
    );

    assert.equal(repeated!.severity, vscode.DiagnosticSeverity.Information);
  });

  test('a backwards stamp offers quick fixes, and interpolating clears it', async () => {
    const editor = await openTranscriptCopy(FILE);
    const uri = editor.document.uri;
    const order = (await waitForSomeDiagnostics(uri)).find((d) => codeOf(d) === 'timestamp-order');
    assert.ok(order, 'the backwards stamp is reported');

    const actions = await codeActions(uri, order.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Set to the previous time (00:10:31)'), `offered: ${titles.join(' | ')}`);
    const interpolate = actions.find((a) => a.title.startsWith('Interpolate between neighbours'));
    assert.ok(interpolate?.edit, `an interpolation fix is offered: ${titles.join(' | ')}`);
    assert.equal(interpolate.title, 'Interpolate between neighbours (00:10:38)');

    assert.equal(await vscode.workspace.applyEdit(interpolate.edit), true);
    const after = await waitForCodeGone(uri, 'timestamp-order');
    assert.equal(editor.document.lineAt(6).text.slice(0, 10), '[00:10:38]');
    assert.deepEqual(codes(after), ['duplicate-overlap', 'timestamp-repeated'], describeDiagnostics(after));
  });

  test('the duplicated overlap has a preferred fix that keeps one copy: the earlier turn goes whole, the later keeps its new words', async () => {
    const editor = await openTranscriptCopy(FILE);
    const uri = editor.document.uri;
    const overlap = (await waitForSomeDiagnostics(uri)).find((d) => codeOf(d) === 'duplicate-overlap');
    assert.ok(overlap, 'the overlap is reported');

    const actions = await codeActions(uri, overlap.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(preferred[0]!.edit);
    assert.equal(await vscode.workspace.applyEdit(preferred[0]!.edit), true);
    await waitForCodeGone(uri, 'duplicate-overlap');
    // The later turn says all the earlier one did and more: cutting the earlier turn whole leaves
    // every sentence whole and touches no other turn.
    assert.ok(!editor.document.getText().includes('[00:10:18]'), 'the earlier copy is gone with its turn');
    assert.equal(
      editor.document.lineAt(8).text,
      '[00:10:45] Speaker 1: I have a plan that will create millions of jobs in infrastructure and clean energy. And we will raise the national minimum wage.',
    );
  });

  test('fix-all through source.fixAll removes every duplicated overlap and leaves the rest to the user', async () => {
    const editor = await openTranscriptCopy(FILE);
    const uri = editor.document.uri;
    await waitForSomeDiagnostics(uri);
    const lineCount = editor.document.lineCount;
    const whole = new vscode.Range(0, 0, lineCount, 0);

    const actions = await codeActions(uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
    assert.ok(fixAll?.edit, `a fix-all action is offered: ${actions.map((a) => `${a.kind?.value} ${a.title}`).join(' | ')}`);
    assert.equal(fixAll.kind?.value, 'source.fixAll.transcript');

    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    const after = await waitForCodeGone(uri, 'duplicate-overlap');
    // The backwards stamp went with the earlier copy's turn; the repeated stamp needs a person's
    // judgement: fix-all does not guess times.
    assert.deepEqual(codes(after), ['timestamp-repeated'], describeDiagnostics(after));
    assert.equal(editor.document.lineAt(11).text, "[00:11:20] Speaker 2: Typical politician. All talk, no action. Sounds good, doesn't work.");
    assert.equal(editor.document.lineCount, lineCount - 3, 'the earlier copy went with its note and its blank line');

    const again = await codeActions(uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(
      again.filter((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind)).map((a) => a.title),
      [],
      'nothing is left for fix-all',
    );
  });

  test('the light bulb offers fix-all too, and its edit is worked out when it is resolved', async () => {
    const editor = await openTranscriptCopy(FILE);
    const uri = editor.document.uri;
    await waitForSomeDiagnostics(uri);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const unresolved = await codeActions(uri, whole);
    const offered = unresolved.find((a) => a.kind?.value === 'source.fixAll.transcript');
    assert.ok(offered, 'fix-all is among the light bulb actions');
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, undefined, 1000);
    const fixAll = resolved.find((a) => a.kind?.value === 'source.fixAll.transcript');
    assert.ok(fixAll?.edit && fixAll.edit.size > 0, 'resolving gives fix-all its edit');
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    await waitForCodeGone(uri, 'duplicate-overlap');
  });
});

suite('Settings', () => {
  test('turning off repeated-stamp reports re-checks open transcripts, and turning it on brings them back', async () => {
    const { document } = await openTranscriptCopy(FILE);
    const uri = document.uri;
    await waitForDiagnostics(uri, (ds) => codes(ds).includes('timestamp-repeated'), 'the repeated stamp');
    try {
      await setTranscriptSetting('diagnostics.repeatedTimestamps', false);
      const off = await waitForCodeGone(uri, 'timestamp-repeated');
      assert.deepEqual(codes(off), ['timestamp-order', 'duplicate-overlap']);
    } finally {
      await setTranscriptSetting('diagnostics.repeatedTimestamps', undefined);
    }
    const on = await waitForDiagnostics(uri, (ds) => codes(ds).includes('timestamp-repeated'), 'the repeated stamp to return');
    assert.deepEqual(codes(on), ['timestamp-order', 'duplicate-overlap', 'timestamp-repeated']);
  });
});
