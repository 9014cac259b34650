import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { EXTENSION_ID, openTranscript, waitForSomeDiagnostics } from '../helpers';

/*
 * debate-opening.transcript has turn headers on lines 0, 3, 6 (chunk 1: Lester Holt, Hillary
 * Clinton, Lester Holt) and 11, 14, 17 (chunk 2: Speaker 1, Speaker 2, Speaker 1).
 */

function api(): TranscriptExtensionApi {
  const extension = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports;
}

function place(editor: vscode.TextEditor, line: number, character = 0): void {
  editor.selection = new vscode.Selection(line, character, line, character);
}

function cursorOf(editor: vscode.TextEditor): string {
  const { active, anchor } = editor.selection;
  assert.ok(active.isEqual(anchor), 'navigation leaves an empty selection, so typing does not replace the header');
  return `${active.line}:${active.character}`;
}

async function run(editor: vscode.TextEditor, command: string, ...args: unknown[]): Promise<string> {
  await vscode.commands.executeCommand(command, ...args);
  return cursorOf(editor);
}

suite('Navigation', () => {
  test('Next speaker turn walks the turn headers across chunks, and stops at the last', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    place(editor, 1, 4);
    const visited: string[] = [];
    for (let step = 0; step < 6; step++) visited.push(await run(editor, 'transcript.nextTurn'));
    assert.deepEqual(visited, ['3:0', '6:0', '11:0', '14:0', '17:0', '17:0']);
  });

  test('Previous speaker turn goes to the start of the current turn, then to the ones above', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    place(editor, 15, 6);
    const visited: string[] = [];
    for (let step = 0; step < 3; step++) visited.push(await run(editor, 'transcript.previousTurn'));
    assert.deepEqual(visited, ['14:0', '11:0', '6:0']);
    place(editor, 0, 0);
    assert.equal(await run(editor, 'transcript.previousTurn'), '0:0');
  });

  test('Next turn by this speaker skips other speakers, keeps chunks apart, and wraps', async () => {
    const editor = await openTranscript('debate-opening.transcript');
    place(editor, 0, 12);
    assert.equal(await run(editor, 'transcript.nextTurnBySameSpeaker'), '6:0');
    assert.equal(await run(editor, 'transcript.nextTurnBySameSpeaker'), '0:0', "after Lester Holt's last turn it wraps to his first");
    // Speaker 1 of the second chunk is a different person from chunk 1's speakers.
    place(editor, 12, 0);
    assert.equal(await run(editor, 'transcript.nextTurnBySameSpeaker'), '17:0');
  });

  test("Go to speaker jumps to that speaker's next turn after the cursor", async () => {
    const editor = await openTranscript('debate-opening.transcript');
    const speakers = await api().speakersView.getSpeakers(editor.document.uri);
    const holt = speakers.find((s) => s.displayName === 'Lester Holt');
    const clinton = speakers.find((s) => s.displayName === 'Hillary Clinton');
    assert.ok(holt && clinton, `speakers found: ${speakers.map((s) => s.displayName).join(', ')}`);
    place(editor, 17, 0);
    assert.equal(await run(editor, 'transcript.goToSpeaker', clinton.key), '3:0');
    assert.equal(await run(editor, 'transcript.goToSpeaker', holt.key), '6:0');
  });

  test("Next problem walks this extension's diagnostics in document order and wraps", async () => {
    const editor = await openTranscript('debate-checks.transcript');
    const diagnostics = (await waitForSomeDiagnostics(editor.document.uri)).filter((d) => d.source === 'transcript');
    assert.ok(diagnostics.length >= 2, 'the fixture has several problems');
    const starts = diagnostics
      .map((d) => d.range.start)
      .sort((a, b) => a.compareTo(b))
      .map((p) => `${p.line}:${p.character}`);
    place(editor, 0, 0);
    const visited: string[] = [];
    for (let step = 0; step <= starts.length; step++) visited.push(await run(editor, 'transcript.nextProblem'));
    assert.deepEqual(visited, [...starts, starts[0]]);
  });

  test('F8 (Go to Next Problem) stops at each of our diagnostics, at its exact start', async () => {
    const editor = await openTranscript('debate-checks.transcript');
    const diagnostics = await waitForSomeDiagnostics(editor.document.uri);
    const starts = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}`);
    place(editor, 0, 0);
    const visited: string[] = [];
    try {
      // F8 runs `nextInFiles`; it goes on to other files after this one's last problem.
      for (let step = 0; step < diagnostics.length; step++) {
        await vscode.commands.executeCommand('editor.action.marker.nextInFiles');
        visited.push(cursorOf(editor));
      }
    } finally {
      await vscode.commands.executeCommand('closeMarkersNavigation');
    }
    assert.deepEqual([...visited].sort(), [...starts].sort());
  });

  test('the keybindings take no key that an editor already uses in this host', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // The file is JSON with whole-line comments; it lists extensions' keybindings too.
    const bindings = JSON.parse(
      text
        .split('\n')
        .filter((line) => !/^\s*\/\//.test(line))
        .join('\n'),
    ) as { key: string; command: string; when?: string }[];
    const ours = bindings.filter((b) => b.command.startsWith('transcript.'));
    assert.deepEqual(ours.map((b) => b.command).sort(), [
      'transcript.faster',
      'transcript.forward',
      'transcript.goToSpeaker',
      'transcript.insertPlayerTime',
      'transcript.nextTurn',
      'transcript.nextTurnBySameSpeaker',
      'transcript.playFromHere',
      'transcript.previousTurn',
      'transcript.rewind',
      'transcript.setStampToPlayerTime',
      'transcript.slower',
      'transcript.togglePlayback',
    ]);
    for (const binding of ours) {
      // The player's keys also wait for a player to be open (`transcript.playerOpen`); the list
      // writes a clause's terms in an order of its own.
      const terms = binding.when?.split(' && ') ?? [];
      assert.ok(
        terms.includes('editorTextFocus') && terms.includes("editorLangId == 'transcript'") && !/\|\||!/.test(binding.when ?? ''),
        `${binding.command} applies only in transcript editors: ${binding.when}`,
      );
      const clashes = bindings.filter(
        (other) =>
          other.key === binding.key &&
          !other.command.startsWith('transcript.') &&
          (!other.when || /\b(editorTextFocus|editorFocus|textInputFocus)\b/.test(other.when)),
      );
      assert.deepEqual(clashes, [], `${binding.key} (${binding.command}) is free in text editors`);
    }
  });

  test('the commands leave other editors alone', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'one\ntwo\nthree\n' });
    const editor = await vscode.window.showTextDocument(document);
    place(editor, 1, 1);
    for (const command of ['transcript.nextTurn', 'transcript.previousTurn', 'transcript.nextTurnBySameSpeaker', 'transcript.nextProblem']) {
      assert.equal(await run(editor, command), '1:1', command);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
