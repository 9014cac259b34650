import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import type { FollowedTurn, SpeakersViewApi } from '../../../client/src/speakersView';
import { bounded, EXTENSION_ID, openTranscript, openTranscriptCopy } from '../helpers';

const WAIT_MS = 15_000;

function view(): SpeakersViewApi {
  const extension = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports.speakersView;
}

/** Resolves once the view shows the document as it is now (this version), waiting on its refreshes. */
function waitForShown(document: vscode.TextDocument): Promise<void> {
  const shows = () => {
    const shown = view().shown();
    return shown?.uri.toString() === document.uri.toString() && shown.version === document.version;
  };
  if (shows()) return Promise.resolve();
  let subscription: vscode.Disposable | undefined;
  const refreshed = new Promise<void>((resolve) => {
    subscription = view().onDidRefresh(() => {
      if (shows()) resolve();
    });
  });
  return bounded(refreshed, WAIT_MS, `the speakers view to show version ${document.version}`).finally(() => {
    subscription?.dispose();
  });
}

/** A row's label as text: the string, or a `TreeItemLabel`'s `label`. */
function labelOf(item: vscode.TreeItem): string | undefined {
  return typeof item.label === 'object' ? item.label.label : item.label;
}

/** A row's tooltip as text: the string, or a `MarkdownString`'s source. */
function tooltipOf(item: vscode.TreeItem): string | undefined {
  return typeof item.tooltip === 'object' ? item.tooltip.value : item.tooltip;
}

function rows(): string[] {
  return view()
    .rootItems()
    .map((item) => `${String(labelOf(item))} | ${String(item.description)}`);
}

function keyOf(displayName: string): string {
  const item = view()
    .rootItems()
    .find((row) => row.label === displayName);
  assert.ok(item?.id, `a row for ${displayName}`);
  return item.id.replace(/^speaker:/, '');
}

suite('Speakers view', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('transcript.speakers.clearFilter');
  });

  test('lists each speaker with turn count, talk time and sentiment mix in words', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    await waitForShown(document);
    assert.deepEqual(rows(), [
      'Lester Holt | 2 turns · 2 positive',
      'Hillary Clinton | 1 turn · 1 positive',
      // Numbered labels restart per chunk, so each row names its chunk. Talk time runs from a
      // stamp to the next later one; the last turn has none to end it.
      'Speaker 1 · chunk 2 | 2 turns · 35 s · 2 neutral',
      'Speaker 2 · chunk 2 | 1 turn · 35 s · 1 negative',
    ]);
    const tooltip = String(tooltipOf(view().rootItems()[2]!));
    assert.match(tooltip, /Talk time: 35 s/);
    assert.match(tooltip, /Sentiment: 2 neutral/);
  });

  test('under each speaker are their turns with time, preview and sentiment', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    await waitForShown(document);
    const turns = view().turnItems(keyOf('Speaker 1 · chunk 2'));
    assert.deepEqual(
      turns.map((item) => String(labelOf(item)).split('  ')[0]),
      ['00:01:05', '00:02:15'],
    );
    assert.match(String(labelOf(turns[0]!)), /The central question/);
    assert.deepEqual(
      turns.map((item) => item.description),
      ['~ Neutral', '~ Neutral'],
    );
    assert.equal(view().turnItems(keyOf('Lester Holt')).length, 2);
  });

  test('clicking a turn selects its header in the editor', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    await waitForShown(editor.document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const [turn] = view().turnItems(keyOf('Speaker 2 · chunk 2'));
    assert.ok(turn?.command, 'a turn row has a command');
    const args: unknown[] = turn.command.arguments ?? [];
    await vscode.commands.executeCommand(turn.command.command, ...args);
    assert.equal(editor.selection.start.line, 14);
    assert.equal(editor.selection.start.character, 0);
    assert.match(editor.document.getText(editor.selection), /^\[00:01:40\] Speaker 2: Our jobs/);
    assert.ok(
      editor.visibleRanges.some((range) => range.contains(editor.selection.start)),
      'the turn is scrolled into view',
    );
  });

  test('updates as the user types', async () => {
    const editor = await openTranscriptCopy('debate-opening.transcript');
    await waitForShown(editor.document);
    // A new turn by Speaker 2 before the closing marker: Speaker 1's 2:15 turn now lasts until 2:50.
    const applied = await editor.edit((edit) =>
      edit.insert(new vscode.Position(20, 0), '[00:02:50] Speaker 2: That is not true at all, believe me.\nSentiment: Negative\n\n'),
    );
    assert.equal(applied, true);
    await waitForShown(editor.document);
    assert.deepEqual(rows().slice(2), [
      'Speaker 1 · chunk 2 | 2 turns · 1 min 10 s · 2 neutral',
      'Speaker 2 · chunk 2 | 2 turns · 35 s · 2 negative',
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the filter keeps the speakers whose name or label matches, and says so', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    await waitForShown(document);
    await vscode.commands.executeCommand('transcript.speakers.filter', 'CLINTON');
    assert.equal(view().filter(), 'CLINTON');
    assert.deepEqual(
      view()
        .rootItems()
        .map((item) => item.label),
      ['Hillary Clinton'],
    );
    await vscode.commands.executeCommand('transcript.speakers.filter', 'speaker');
    assert.deepEqual(
      view()
        .rootItems()
        .map((item) => item.label),
      ['Speaker 1 · chunk 2', 'Speaker 2 · chunk 2'],
    );
    await vscode.commands.executeCommand('transcript.speakers.filter', 'nobody here');
    assert.deepEqual(view().rootItems(), []);
    await vscode.commands.executeCommand('transcript.speakers.clearFilter');
    assert.equal(view().filter(), '');
    assert.equal(view().rootItems().length, 4);
  });

  test('the selection follows the cursor, and never opens a row: a closed person is selected, an open one shows the turn', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    await waitForShown(editor.document);
    // The selection follows only in a view that is showing; opening it selects the cursor's turn.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    editor.selection = new vscode.Selection(15, 3, 15, 3);
    const speaker2 = keyOf('Speaker 2 · chunk 2');
    const followed = waitForFollow((turn) => turn.speakerKey === speaker2 && turn.turnIndex === 4);
    await vscode.commands.executeCommand('transcript.speakers.focus');
    assert.equal((await followed).row, 'speaker', "Speaker 2's row is closed: it is selected, not opened");
    assert.deepEqual(view().expandedRows(), [[]], 'following opened no row');

    const holt = keyOf('Lester Holt');
    const followedAgain = waitForFollow((turn) => turn.speakerKey === holt && turn.turnIndex === 2);
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    assert.equal((await followedAgain).row, 'speaker');
    assert.deepEqual(view().expandedRows(), [[]], 'moving on left no trail of opened rows');

    // Opened by the user, a person's row shows the turn, and stays open when the cursor leaves.
    await view().expandSpeaker(speaker2);
    const intoOpenRow = waitForFollow((turn) => turn.speakerKey === speaker2 && turn.turnIndex === 4);
    editor.selection = new vscode.Selection(15, 5, 15, 5);
    assert.equal((await intoOpenRow).row, 'turn');
    assert.deepEqual(view().selectedTurns(), [{ speakerKey: speaker2, turnIndex: 4 }]);
    const away = waitForFollow((turn) => turn.speakerKey === holt && turn.turnIndex === 2);
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    await away;
    assert.deepEqual(view().expandedRows(), [[`speaker:${speaker2}`]]);
  });
});

function waitForFollow(accept: (turn: FollowedTurn) => boolean): Promise<FollowedTurn> {
  let subscription: vscode.Disposable | undefined;
  const followed = new Promise<FollowedTurn>((resolve) => {
    subscription = view().onDidFollowCursor((turn) => {
      if (accept(turn)) resolve(turn);
    });
  });
  return bounded(followed, WAIT_MS, 'the speakers view to follow the cursor').finally(() => {
    subscription?.dispose();
  });
}
