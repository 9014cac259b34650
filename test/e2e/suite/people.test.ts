import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import type { EditProposal } from '../../../client/src/editProposal';
import { bounded, EXTENSION_ID, openTranscript, openTranscriptCopy } from '../helpers';

/*
 * Who is who, in the editor. people.transcript: chunk 1 names Lester Holt (line 0) and Hillary
 * Clinton (`Candidate 1`, line 3); chunk 2's `Speaker 1` (lines 8 and 14) opens by repeating
 * Clinton's whole turn, so it is her; its `Speaker 2` (line 11) is tied to no one.
 */
const FILE = 'people.transcript';
const WAIT_MS = 15_000;

function api(): TranscriptExtensionApi {
  const extension = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports;
}

/** Resolves once the speakers view shows the document as it is now. */
function waitForShown(document: vscode.TextDocument): Promise<void> {
  const view = api().speakersView;
  const shows = () => view.shown()?.uri.toString() === document.uri.toString() && view.shown()?.version === document.version;
  if (shows()) return Promise.resolve();
  let subscription: vscode.Disposable | undefined;
  const refreshed = new Promise<void>((resolve) => {
    subscription = view.onDidRefresh(() => {
      if (shows()) resolve();
    });
  });
  return bounded(refreshed, WAIT_MS, `the speakers view to show version ${document.version}`).finally(() => {
    subscription?.dispose();
  });
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'object' ? item.label.label : item.label);
const tooltipOf = (item: vscode.TreeItem) => (typeof item.tooltip === 'object' ? item.tooltip.value : (item.tooltip ?? ''));
const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

suite('People across chunks', () => {
  test('the Speakers view lists people, with the chunk labels that are each and why, and the unknown label last', async () => {
    const editor = await openTranscript(FILE);
    await waitForShown(editor.document);
    const view = api().speakersView;
    const roots = view.rootItems();
    assert.deepEqual(
      roots.map((item) => [labelOf(item), iconOf(item)]),
      [
        ['Lester Holt', 'person'],
        ['Hillary Clinton', 'person'],
        ['Speaker 2 · chunk 2', 'question'],
      ],
    );
    const clinton = roots[1]!.id!.replace(/^speaker:/, '');
    assert.deepEqual(
      view.memberItems(clinton).map((item) => [labelOf(item), item.description]),
      [
        ['Candidate 1 (Hillary Clinton) · chunk 1', "1 turn · the turn at line 9 repeats Hillary Clinton's words at line 4"],
        ['Speaker 1 · chunk 2', "2 turns · the turn at line 9 repeats Hillary Clinton's words at line 4"],
      ],
    );
    assert.equal(view.turnItems(clinton).length, 3, 'her turns in both chunks');
    assert.match(tooltipOf(roots[2]!), /Unresolved: labels restart in each chunk/);
  });

  test('Next turn by this speaker goes on into the next chunk, to the label that is the same person', async () => {
    const editor = await openTranscript(FILE);
    await waitForShown(editor.document);
    editor.selection = new vscode.Selection(3, 5, 3, 5);
    const visited: number[] = [];
    for (let step = 0; step < 3; step++) {
      await vscode.commands.executeCommand('transcript.nextTurnBySameSpeaker');
      visited.push(editor.selection.active.line);
    }
    assert.deepEqual(visited, [8, 14, 3]);
  });

  test('Name Speakers Across the Transcript shows the labels written as names, applies them as one edit, and one undo takes them back', async () => {
    const { document } = await openTranscriptCopy(FILE);
    const original = document.getText();
    let subscription: vscode.Disposable | undefined;
    const proposed = new Promise<EditProposal>((resolve) => {
      subscription = api().nameSpeakers.onDidPropose(resolve);
    });
    const done = vscode.commands.executeCommand('transcript.nameSpeakers');
    const proposal = await bounded(proposed, WAIT_MS, 'the proposed names').finally(() => {
      subscription?.dispose();
    });
    assert.equal(proposal.shownIn, 'diff', 'an untitled document is shown in a diff');
    assert.deepEqual(
      proposal.edit.entries()[0]![1].map((edit) => [edit.range.start.line, document.getText(edit.range), edit.newText]),
      [
        [8, 'Speaker 1', 'Hillary Clinton'],
        [14, 'Speaker 1', 'Hillary Clinton'],
      ],
    );
    assert.equal(document.getText(), original, 'nothing changes before the user applies it');
    await bounded(proposal.asked, WAIT_MS, 'Apply and Cancel to be offered');
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    assert.equal(await bounded(proposal.applied, WAIT_MS, 'the names to be written'), true);
    await done;
    assert.equal(document.lineAt(8).text.slice(0, 28), '[00:01:05] Hillary Clinton: ');
    assert.equal(document.lineAt(11).text.slice(0, 22), '[00:01:40] Speaker 2: ');
    assert.equal(document.lineAt(14).text.slice(0, 28), '[00:02:15] Hillary Clinton: ');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo takes every name back');
  });

  test('This is… writes an unknown label as the name picked, and the row becomes that person', async () => {
    const { document } = await openTranscriptCopy(FILE);
    await waitForShown(document);
    await vscode.commands.executeCommand('transcript.speakers.thisIs', { chunkIndex: 1, label: 'Speaker 2' }, 'Donald Trump');
    assert.equal(document.lineAt(11).text.slice(0, 25), '[00:01:40] Donald Trump: ');
    await waitForShown(document);
    const roots = api().speakersView.rootItems();
    assert.deepEqual(
      roots.map((item) => [labelOf(item), iconOf(item)]),
      [
        ['Lester Holt', 'person'],
        ['Hillary Clinton', 'person'],
        ['Donald Trump', 'person'],
      ],
    );
  });

  test('Merge With… writes the name of the person merged into over the other one’s labels, and the rows become one person', async () => {
    const { document } = await openTranscriptCopy(FILE);
    await waitForShown(document);
    const view = api().speakersView;
    const keyOf = (item: vscode.TreeItem) => item.id!.replace(/^speaker:/, '');
    const [lester, , unknown] = view.rootItems();
    await vscode.commands.executeCommand('transcript.speakers.mergeWith', keyOf(unknown!), keyOf(lester!));
    assert.equal(document.lineAt(11).text.slice(0, 24), '[00:01:40] Lester Holt: ');
    assert.equal(document.lineAt(8).text.slice(0, 22), '[00:01:05] Speaker 1: ', 'only the merged labels change');
    await waitForShown(document);
    const roots = view.rootItems();
    assert.deepEqual(
      roots.map((item) => [labelOf(item), iconOf(item)]),
      [
        ['Lester Holt', 'person'],
        ['Hillary Clinton', 'person'],
      ],
    );
    assert.deepEqual(
      view.memberItems(keyOf(roots[0]!)).map((item) => labelOf(item)),
      ['Moderator (Lester Holt) · chunk 1', 'Lester Holt · chunk 2'],
    );
  });

  test('Split Off As… takes a chunk label off the person it was found to be, under the name given, and keeps it apart', async () => {
    const { document } = await openTranscriptCopy(FILE);
    await waitForShown(document);
    await vscode.commands.executeCommand('transcript.speakers.splitOff', { chunkIndex: 1, label: 'Speaker 1' }, 'Donald Trump');
    assert.equal(document.lineAt(8).text.slice(0, 25), '[00:01:05] Donald Trump: ');
    assert.equal(document.lineAt(14).text.slice(0, 25), '[00:02:15] Donald Trump: ');
    await waitForShown(document);
    // Chunk 2's first turn still repeats Hillary Clinton's words, but two full names are two people.
    assert.deepEqual(
      api()
        .speakersView.rootItems()
        .map((item) => [labelOf(item), iconOf(item)]),
      [
        ['Lester Holt', 'person'],
        ['Hillary Clinton', 'person'],
        ['Donald Trump', 'person'],
        ['Speaker 2 · chunk 2', 'question'],
      ],
    );
  });
});
