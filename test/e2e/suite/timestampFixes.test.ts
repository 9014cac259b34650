import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  bounded,
  codeOf,
  describeDiagnostics,
  EXTENSION_ID,
  openTranscriptCopy,
  waitForDiagnostics,
  workspaceUri,
  type ExtensionApi,
} from '../helpers';

/*
 * Fix Timestamp Problems…: the server works out every stamp change together, and the editor shows
 * them before anything changes: in the Refactor Preview for a file, in a diff with Apply and Cancel
 * for an untitled document (which the preview cannot show). stamps-backwards.transcript has two
 * stamps out of order (lines 7 and 18: 00:09:05 and 00:10:30), each fixed cleanly by interpolating
 * between its neighbours, and no other problem.
 */
const FILE = 'stamps-backwards.transcript';
const WAIT_MS = 15_000;

interface Proposal {
  readonly uri: vscode.Uri;
  readonly edit: vscode.WorkspaceEdit;
  readonly shownIn: 'refactor-preview' | 'diff';
  readonly asked: Promise<void>;
  readonly applied: Promise<boolean>;
}

interface Api extends ExtensionApi {
  readonly timestampFixes: { readonly onDidPropose: vscode.Event<Proposal> };
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  return extension.activate();
}

const linesOf = (diagnostics: readonly vscode.Diagnostic[], code: string) =>
  diagnostics.filter((d) => codeOf(d) === code).map((d) => d.range.start.line);

/** Runs the command on the active editor and resolves with the proposal it shows, and the command's own promise. */
async function propose(): Promise<{ proposal: Proposal; done: Thenable<unknown> }> {
  const { timestampFixes } = await api();
  let subscription: vscode.Disposable | undefined;
  const proposed = new Promise<Proposal>((resolve) => {
    subscription = timestampFixes.onDidPropose(resolve);
  });
  try {
    const done = vscode.commands.executeCommand('transcript.fixTimestampProblems');
    return { proposal: await bounded(proposed, WAIT_MS, 'the proposed stamp changes'), done };
  } finally {
    subscription?.dispose();
  }
}

/** The two backwards stamps are reported, and nothing repeats. */
async function assertBackwards(document: vscode.TextDocument): Promise<void> {
  const before = await waitForDiagnostics(document.uri, (ds) => linesOf(ds, 'timestamp-order').length === 2, 'the two backwards stamps');
  assert.deepEqual(linesOf(before, 'timestamp-order'), [6, 17], describeDiagnostics(before));
  assert.deepEqual(linesOf(before, 'timestamp-repeated'), []);
}

/** The proposal holds the two stamp changes, and nothing has changed yet. */
function assertProposed(proposal: Proposal, document: vscode.TextDocument): void {
  assert.equal(proposal.uri.toString(), document.uri.toString());
  const entries = proposal.edit.entries();
  assert.equal(entries.length, 1, 'one document changes');
  assert.deepEqual(
    entries[0]![1].map((edit) => [edit.range.start.line, document.getText(edit.range), edit.newText]),
    [
      [6, '00:09:05', '00:10:30'],
      [17, '00:10:30', '00:11:10'],
    ],
  );
  assert.equal(document.lineAt(6).text.slice(0, 10), '[00:09:05]', 'nothing changes before the user applies it');
}

/** The stamps are fixed, and the server finds no backwards stamp and no repeated one. */
async function assertFixed(document: vscode.TextDocument): Promise<void> {
  assert.equal(document.lineAt(6).text.slice(0, 10), '[00:10:30]');
  assert.equal(document.lineAt(17).text.slice(0, 10), '[00:11:10]');
  const after = await waitForDiagnostics(document.uri, (ds) => linesOf(ds, 'timestamp-order').length === 0, 'the backwards stamps to go');
  assert.deepEqual(linesOf(after, 'timestamp-repeated'), [], describeDiagnostics(after));
}

suite('Fix Timestamp Problems', () => {
  test('a file: the stamp changes are shown in the Refactor Preview, and applied there', async () => {
    // A file of its own, so that this test's edits reach no other.
    const copy = vscode.Uri.file(path.join(os.tmpdir(), `stamps-backwards-${process.pid}-${Date.now()}.transcript`));
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(workspaceUri(FILE)));
    try {
      const document = await vscode.workspace.openTextDocument(copy);
      await vscode.window.showTextDocument(document);
      await assertBackwards(document);

      // The preview opens documents of its own for what it shows: once one is open, it holds the changes.
      let listener: vscode.Disposable | undefined;
      const previewShown = new Promise<void>((resolve) => {
        listener = vscode.workspace.onDidOpenTextDocument((opened) => {
          if (opened.uri.scheme === 'vscode-bulkeditpreview-editor') resolve();
        });
      });
      try {
        const { proposal, done } = await propose();
        assert.equal(proposal.shownIn, 'refactor-preview');
        assertProposed(proposal, document);
        await bounded(previewShown, WAIT_MS, 'the Refactor Preview');
        // Its changes await confirmation, unticked: tick them all (the file, first in the list) and apply.
        for (const command of ['list.focusFirst', 'refactorPreview.toggleCheckedState', 'refactorPreview.apply']) {
          await vscode.commands.executeCommand(command);
        }
        assert.equal(await bounded(proposal.applied, WAIT_MS, 'the preview to apply the changes'), true);
        await done;
      } finally {
        listener?.dispose();
      }
      await assertFixed(document);
      await document.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(copy);
    }
  });

  test('an untitled document: the stamp changes are shown in a diff, and Apply applies them', async () => {
    const { document } = await openTranscriptCopy(FILE);
    await assertBackwards(document);
    const { proposal, done } = await propose();
    assert.equal(proposal.shownIn, 'diff');
    assertProposed(proposal, document);
    await bounded(proposal.asked, WAIT_MS, 'Apply and Cancel to be offered');
    const diff = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(diff instanceof vscode.TabInputTextDiff, 'the diff is the active tab');
    assert.equal(diff.original.toString(), document.uri.toString());
    assert.equal((await vscode.workspace.openTextDocument(diff.modified)).lineAt(6).text.slice(0, 10), '[00:10:30]');

    // The newest notification's first button: Apply.
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    assert.equal(await bounded(proposal.applied, WAIT_MS, 'the changes to be applied'), true);
    await done;
    await assertFixed(document);
  });

  test('a transcript with no backwards stamp: nothing is proposed', async () => {
    const { document } = await openTranscriptCopy(FILE);
    await assertBackwards(document);
    const fixed = new vscode.WorkspaceEdit();
    fixed.replace(document.uri, document.lineAt(6).range.with({ end: document.lineAt(6).range.start.translate(0, 10) }), '[00:10:30]');
    fixed.replace(document.uri, document.lineAt(17).range.with({ end: document.lineAt(17).range.start.translate(0, 10) }), '[00:11:10]');
    assert.equal(await vscode.workspace.applyEdit(fixed), true);
    await waitForDiagnostics(document.uri, (ds) => linesOf(ds, 'timestamp-order').length === 0, 'the backwards stamps to go');

    const { timestampFixes } = await api();
    let proposed = 0;
    const subscription = timestampFixes.onDidPropose(() => proposed++);
    try {
      await bounded(vscode.commands.executeCommand('transcript.fixTimestampProblems'), WAIT_MS, 'the command to finish');
    } finally {
      subscription.dispose();
    }
    assert.equal(proposed, 0, 'no changes are proposed (the user is told "No timestamp problems to fix")');
  });
});
