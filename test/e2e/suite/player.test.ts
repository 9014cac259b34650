import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FollowedTurn, SpeakersViewApi } from '../../../client/src/speakersView';
import { COMMANDS, type PlayTurnArgs } from '../../../protocol';
import { bounded, codeOf, EXTENSION_ID, setTranscriptSetting, waitForDiagnostics, type ExtensionApi } from '../helpers';
import { toneWav } from '../toneRecording';

/*
 * Listening while editing, with a recording the test writes: tones at 0, 3, 6 and 9 s (two seconds
 * each, silence between), and a transcript stamped to match, one turn with no stamp (between 3 and
 * 6 s) and one stamp that goes back (line 5). Every wait is on an event of the player (its page's
 * reports of the media element) or of the editor, never on a timer.
 */

const WAIT_MS = 15_000;

const TRANSCRIPT = [
  '[00:00:00] Speaker 1: We begin with a tone.',
  '[00:00:03] Speaker 2: Then another one after a pause.',
  'Speaker 1: This turn has no stamp of its own, so the player estimates where it starts.',
  '[00:00:06] Speaker 2: The third tone starts here.',
  '[00:00:02.5] Speaker 1: This stamp goes back in time.',
  '[00:00:09] Speaker 2: And the last tone.',
  '',
].join('\n');

const TONES = [
  { from: 0, to: 2, hertz: 440 },
  { from: 3, to: 5, hertz: 550 },
  { from: 6, to: 8, hertz: 660 },
  { from: 9, to: 11, hertz: 880 },
];

interface PlayerState {
  readonly transcript: string;
  readonly recording: string;
  readonly time: number;
  readonly paused: boolean;
  readonly rate: number;
  readonly reason: string;
}

interface PlayerReport {
  readonly kind: string;
  readonly text: string;
}

interface Api extends ExtensionApi {
  readonly player: {
    readonly onDidChangeState: vscode.Event<PlayerState>;
    readonly onDidReport: vscode.Event<PlayerReport>;
    readonly onDidHighlight: vscode.Event<{ readonly uri: vscode.Uri; readonly turnIndex: number; readonly line: number; readonly time: number }>;
    readonly onDidUpdateStatus: vscode.Event<{ readonly text: string; readonly command: string | undefined }>;
    state(): PlayerState | undefined;
    recordingFor(transcript: vscode.Uri): Promise<vscode.Uri | undefined>;
    link(transcript: vscode.Uri, recording: vscode.Uri): Promise<void>;
    status(): { readonly text: string; readonly command: string | undefined };
    decodes(): Readonly<Record<string, string>>;
  };
  readonly speakersView: SpeakersViewApi;
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  // Not waiting for `ready`: the server starts only once a transcript is open, and the player's
  // events are to be listened to before the tests open one.
  return extension.activate();
}

/** Resolves with the first event that `accept` takes, from the moment of the call. */
async function next<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  const seen = new Promise<T>((resolve) => {
    subscription = event((value) => {
      if (accept(value)) resolve(value);
    });
  });
  try {
    return await bounded(seen, WAIT_MS, what);
  } finally {
    subscription?.dispose();
  }
}

/** Writes files into a new folder of their own, outside the repository. */
function folderWith(files: Record<string, string | Uint8Array>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'transcript-player-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return folder;
}

async function openFile(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  assert.equal(document.languageId, 'transcript');
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

function putCursor(editor: vscode.TextEditor, line: number): void {
  const at = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(at, at);
}

/** Play From Here on `line`, resolving with what the player said and its first state playing. */
async function playFrom(editor: vscode.TextEditor, line: number): Promise<{ report: PlayerReport; playing: PlayerState }> {
  const { player } = await api();
  putCursor(editor, line);
  const report = next(player.onDidReport, (r) => r.kind === 'start', 'Play From Here to say where it starts');
  const playing = next(player.onDidChangeState, (s) => !s.paused && s.reason === 'playing', 'the player to start playing');
  await vscode.commands.executeCommand(COMMANDS.playFromHere);
  return { report: await report, playing: await playing };
}

/** Pauses with the Play/Pause command and resolves with the paused state. */
async function pause(): Promise<PlayerState> {
  const { player } = await api();
  if (player.state()?.paused) return player.state()!;
  const paused = next(player.onDidChangeState, (s) => s.paused && s.reason === 'pause', 'the player to pause');
  await vscode.commands.executeCommand(COMMANDS.togglePlayback);
  return paused;
}

/** Resolves once the Speakers view shows `document` as it is now. */
async function shownInSpeakersView(document: vscode.TextDocument): Promise<void> {
  const { speakersView } = await api();
  const shows = () => speakersView.shown()?.uri.toString() === document.uri.toString() && speakersView.shown()?.version === document.version;
  if (shows()) return;
  await next(speakersView.onDidRefresh, shows, `the Speakers view to show ${path.basename(document.uri.path)}`);
}

/** Resolves with the first selection change of an editor of `document` that `accept` takes. */
async function nextSelection(
  document: vscode.TextDocument,
  accept: (selection: vscode.Selection) => boolean,
  what: string,
): Promise<vscode.Selection> {
  const event = await next(vscode.window.onDidChangeTextEditorSelection, (e) => e.textEditor.document === document && accept(e.selections[0]!), what);
  return event.selections[0]!;
}

/** The player's tab, wherever it is. */
function playerTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('transcript.player'));
}

suite('Player', () => {
  const folders: string[] = [];
  let transcriptFile = '';

  suiteSetup(() => {
    const folder = folderWith({ 'interview.transcript': TRANSCRIPT, 'interview.wav': toneWav(12, TONES) });
    folders.push(folder);
    transcriptFile = path.join(folder, 'interview.transcript');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  test('the recording beside a transcript is linked when it opens, and the language status offers to play it', async () => {
    const { player } = await api();
    const status = next(player.onDidUpdateStatus, (s) => s.text.includes('interview.wav'), 'the language status to name the recording');
    const editor = await openFile(transcriptFile);
    const recording = await player.recordingFor(editor.document.uri);
    assert.equal(recording?.fsPath, path.join(path.dirname(transcriptFile), 'interview.wav'));
    assert.deepEqual(await status, { text: '$(unmute) interview.wav', command: 'Play From Here' });
  });

  test('a transcript without a recording offers Open Recording… in the language status', async () => {
    const { player } = await api();
    const folder = folderWith({ 'alone.transcript': TRANSCRIPT });
    folders.push(folder);
    const status = next(player.onDidUpdateStatus, (s) => s.text === 'No recording', 'the language status to say there is no recording');
    await openFile(path.join(folder, 'alone.transcript'));
    assert.equal((await status).command, 'Open Recording…');
  });

  test('Play From Here starts at the stamp of the turn at the cursor', async () => {
    const editor = await openFile(transcriptFile);
    const { report, playing } = await playFrom(editor, 1);
    assert.equal(report.text, 'Playing from 00:00:03, the stamp of the turn at line 2.');
    assert.ok(playing.time >= 3 && playing.time < 3.5, `started at ${playing.time}`);
    assert.equal(playing.recording, vscode.Uri.file(path.join(path.dirname(transcriptFile), 'interview.wav')).toString());
    const { player } = await api();
    console.log(`      this host's player decodes: ${JSON.stringify(player.decodes())}`);
    await pause();
  });

  test('a turn without a stamp plays from a time estimated between its neighbours, and the player says so', async () => {
    const editor = await openFile(transcriptFile);
    const { report, playing } = await playFrom(editor, 2);
    assert.match(
      report.text,
      /^The turn at line 3 has no stamp: playing from 00:00:0[3-5], estimated between the stamp at 00:00:03 and the stamp at 00:00:06\.$/,
    );
    assert.ok(playing.time > 3 && playing.time < 6, `started at ${playing.time}`);
    await pause();
  });

  test('the turn being spoken is highlighted as the recording plays', async () => {
    const editor = await openFile(transcriptFile);
    const { player } = await api();
    const lines: number[] = [];
    const subscription = player.onDidHighlight(({ uri, line }) => {
      if (uri.toString() === editor.document.uri.toString()) lines.push(line);
    });
    try {
      const reachedThird = next(player.onDidHighlight, ({ line }) => line === 3, 'the highlight to reach the turn stamped 00:00:06');
      await playFrom(editor, 1);
      const third = await reachedThird;
      assert.ok(third.time >= 6, `the third turn highlighted at ${third.time} s`);
      // From the turn it started on, through the turn with no stamp, to the next stamped one.
      assert.deepEqual(lines, [1, 2, 3]);
    } finally {
      subscription.dispose();
      await pause();
    }
  });

  test('Set Stamp to Player Time writes the player’s time into the backwards stamp, in that stamp’s format, and nothing else', async () => {
    const editor = await openFile(transcriptFile);
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'timestamp-order'), 'the backwards stamp');
    const backwards = diagnostics.find((d) => codeOf(d) === 'timestamp-order')!;
    assert.equal(backwards.range.start.line, 4);

    await playFrom(editor, 3);
    const { player } = await api();
    await next(player.onDidChangeState, (s) => s.time >= 6.6, 'the player to pass 00:00:06.6');
    const paused = await pause();

    // Offered as a quick fix on the backwards stamp, now that the recording is linked.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, backwards.range);
    const titles = actions.map((action) => action.title);
    assert.ok(
      titles.some((title) => title.startsWith('Set Stamp to Player Time (00:00:0')),
      titles.join(', '),
    );
    assert.ok(
      titles.some((title) => title.startsWith('Insert Player Time')),
      titles.join(', '),
    );

    putCursor(editor, 4);
    const before = document.getText().split('\n');
    const written = await vscode.commands.executeCommand<string>(COMMANDS.setStampToPlayerTime);
    // One digit of fraction, as `[00:00:02.5]` is written.
    const tenths = Math.round(paused.time * 10);
    const expected = `00:00:0${Math.floor(tenths / 10)}.${tenths % 10}`;
    assert.equal(written, expected);
    const after = document.getText().split('\n');
    assert.equal(after[4], `[${expected}] Speaker 1: This stamp goes back in time.`);
    assert.deepEqual([...after.slice(0, 4), ...after.slice(5)], [...before.slice(0, 4), ...before.slice(5)]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a recording that will not play gets a plain message with the ffmpeg command, by format or when it fails to decode', async () => {
    const { player } = await api();
    const folder = folderWith({
      'voice-memo.transcript': TRANSCRIPT,
      'voice-memo.wma': new Uint8Array([0x30, 0x26, 0xb2, 0x75, 1, 2, 3, 4]),
      'damaged.transcript': TRANSCRIPT,
      'damaged.wav': new TextEncoder().encode('this is not sound at all, only text with a sound file’s name'),
    });
    folders.push(folder);

    await openFile(path.join(folder, 'voice-memo.transcript'));
    const byFormat = next(player.onDidReport, (r) => r.kind === 'unplayable', 'the message about the .wma');
    await vscode.commands.executeCommand(COMMANDS.playFromHere);
    const { text } = await byFormat;
    assert.match(text, /^voice-memo\.wma will not play here: no web player plays Windows Media Audio\./);
    assert.match(text, /Convert it with: ffmpeg -i voice-memo\.wma -vn -c:a libopus voice-memo\.ogg$/);

    await openFile(path.join(folder, 'damaged.transcript'));
    const byDecoding = next(player.onDidReport, (r) => r.kind === 'unplayable', 'the message about the damaged .wav');
    await vscode.commands.executeCommand(COMMANDS.playFromHere);
    assert.match(
      (await byDecoding).text,
      /^damaged\.wav will not play here: the player could not decode what this \.wav file holds.*ffmpeg -i damaged\.wav -vn -c:a libopus damaged\.ogg$/,
    );
  });

  test('the player’s commands do nothing in other editors, and its keys are bound in transcript editors only', async () => {
    const { player } = await api();
    const editor = await openFile(transcriptFile);
    await playFrom(editor, 1);
    const paused = await pause();

    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Speaker 1: not a transcript [00:00:01]\n' });
    await vscode.window.showTextDocument(plain);
    const reports: PlayerReport[] = [];
    const states: PlayerState[] = [];
    const watching = [player.onDidReport((r) => reports.push(r)), player.onDidChangeState((s) => states.push(s))];
    try {
      for (const command of [
        COMMANDS.togglePlayback,
        COMMANDS.playFromHere,
        COMMANDS.forward,
        COMMANDS.faster,
        COMMANDS.setStampToPlayerTime,
        COMMANDS.insertPlayerTime,
      ]) {
        await vscode.commands.executeCommand(command);
      }
      assert.equal(plain.getText(), 'Speaker 1: not a transcript [00:00:01]\n');
      // Back in the transcript, Rewind moves the player: its page reports in order, so had any of
      // the commands above reached it, their report would come before this one.
      await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
      const rewound = next(player.onDidChangeState, (s) => s.reason === 'seeked', 'Rewind to move the player');
      await vscode.commands.executeCommand(COMMANDS.rewind);
      await rewound;
      assert.deepEqual(reports, []);
      // The seek reports its time, then that it is done; nothing played, sped up or moved forward.
      assert.deepEqual(
        states.map((s) => [s.reason, s.paused, s.rate]),
        [
          ['timeupdate', true, paused.rate],
          ['seeked', true, paused.rate],
        ],
      );
      assert.ok(
        states.every((s) => s.time < paused.time),
        `rewound from ${paused.time} to ${states.map((s) => s.time).join(', ')}`,
      );
    } finally {
      for (const subscription of watching) subscription.dispose();
    }

    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { keybindings: { command: string; key: string; when: string }[] };
    };
    const playerCommands = new Set<string>([
      COMMANDS.playFromHere,
      COMMANDS.togglePlayback,
      COMMANDS.rewind,
      COMMANDS.forward,
      COMMANDS.slower,
      COMMANDS.faster,
      COMMANDS.setStampToPlayerTime,
      COMMANDS.insertPlayerTime,
    ]);
    const ours = manifest.contributes.keybindings.filter((binding) => playerCommands.has(binding.command));
    assert.equal(ours.length, playerCommands.size);
    for (const binding of ours) assert.match(binding.when, /\beditorLangId == transcript\b/, binding.command);
    // That no key of theirs is one of VS Code's own is checked with the navigation keys (navigation.test.ts).
  });

  test('as the recording plays, the Speakers view selects the turn being spoken, and the cursor of the editor you are in stays put', async () => {
    const editor = await openFile(transcriptFile);
    const { speakersView } = await api();
    await shownInSpeakersView(editor.document);
    // The view shows (it follows only then); the transcript stays the active editor.
    await vscode.commands.executeCommand('transcript.speakers.focus');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
    const speakers = await speakersView.getSpeakers(editor.document.uri);
    const speakerOf = (turnIndex: number) => speakers.find((speaker) => speaker.turns.some((turn) => turn.turnIndex === turnIndex))!.key;

    const followed: FollowedTurn[] = [];
    const watching = speakersView.onDidFollowPlayback((turn) => followed.push(turn));
    try {
      const reachedThird = next(
        speakersView.onDidFollowPlayback,
        (turn) => turn.turnIndex === 3,
        'the Speakers view to select the turn stamped 00:00:06',
      );
      await playFrom(editor, 1);
      const third = await reachedThird;
      // Speaker 2's row is closed: following selects the person and opens no row.
      assert.deepEqual(third, { speakerKey: speakerOf(3), turnIndex: 3, row: 'speaker' });
      assert.deepEqual(
        followed.map((turn) => turn.turnIndex),
        [1, 2, 3],
      );
      assert.deepEqual(editor.selection, new vscode.Selection(1, 0, 1, 0), 'the cursor stayed where Play From Here was given');
    } finally {
      watching.dispose();
    }
    await pause();
    // Paused, the selection follows the cursor again.
    const toCursor = next(speakersView.onDidFollowCursor, (turn) => turn.turnIndex === 0, 'the Speakers view to follow the cursor again');
    putCursor(editor, 0);
    assert.deepEqual(await toCursor, { speakerKey: speakerOf(0), turnIndex: 0, row: 'speaker' });
  });

  test('in the player, the transcript’s cursor goes with the turn being spoken, so the outline follows; back in the transcript it stays where you put it', async () => {
    const editor = await openFile(transcriptFile);
    const { document } = editor;
    const { player } = await api();
    let spoken: number | undefined;
    const watching = player.onDidHighlight(({ uri, line }) => {
      if (uri.toString() === document.uri.toString()) spoken = line;
    });
    try {
      await playFrom(editor, 1);
      // The user turns to the player: no editor of the transcript is the active one any more, and
      // when playback reaches the next turn the transcript's cursor goes to it.
      const followed = nextSelection(document, () => true, 'the cursor to go to the turn being spoken');
      const left = next(vscode.window.onDidChangeActiveTextEditor, (active) => active === undefined, 'the player to be the active editor');
      await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
      await left;
      assert.equal(playerTab()?.group.isActive, true, 'the player is the active editor');
      const selection = await followed;
      assert.ok(spoken !== undefined && spoken > 1, `the highlight moved on (to line ${spoken})`);
      assert.deepEqual(selection, new vscode.Selection(spoken, 0, spoken, 0));
      await pause();

      // Back in the transcript, typing: the cursor is the user's again.
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      editor.selection = new vscode.Selection(0, 5, 0, 5);
      const reached = next(player.onDidHighlight, ({ line }) => line === 2, 'the highlight to reach the turn after the one played');
      const args: PlayTurnArgs = [document.uri.toString(), { line: 1, character: 0 }];
      await vscode.commands.executeCommand(COMMANDS.playTurn, ...args);
      await reached;
      assert.deepEqual(editor.selection, new vscode.Selection(0, 5, 0, 5));
      await pause();
    } finally {
      watching.dispose();
    }
  });

  test('each stamped turn has a Play from CodeLens when the transcript has a recording, and it plays from that stamp', async () => {
    const editor = await openFile(transcriptFile);
    const { document } = editor;
    const lensesOf = async (uri: vscode.Uri) =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).filter(
        (lens) => lens.command?.command === COMMANDS.playTurn,
      );
    const lenses = await lensesOf(document.uri);
    // The turn with no stamp has none: Play From Here estimates its time, and says so.
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command!.title]),
      [
        [0, '$(play) Play from 00:00:00'],
        [1, '$(play) Play from 00:00:03'],
        [3, '$(play) Play from 00:00:06'],
        [4, '$(play) Play from 00:00:02.5'],
        [5, '$(play) Play from 00:00:09'],
      ],
    );

    const { player } = await api();
    const lens = lenses.find((candidate) => candidate.range.start.line === 3)!;
    const report = next(player.onDidReport, (r) => r.kind === 'start', 'the CodeLens to say where it plays from');
    const playing = next(player.onDidChangeState, (s) => !s.paused && s.reason === 'playing', 'the player to start playing');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments as PlayTurnArgs));
    assert.equal((await report).text, 'Playing from 00:00:06, the stamp of the turn at line 4.');
    const { time } = await playing;
    assert.ok(time >= 6 && time < 6.5, `started at ${time}`);
    await pause();

    // None for a transcript without a recording, none when turned off.
    const folder = folderWith({ 'unheard.transcript': TRANSCRIPT });
    folders.push(folder);
    const unheard = await openFile(path.join(folder, 'unheard.transcript'));
    assert.deepEqual(await lensesOf(unheard.document.uri), []);
    await setTranscriptSetting('player.codeLens', false);
    try {
      assert.deepEqual(await lensesOf(document.uri), []);
    } finally {
      await setTranscriptSetting('player.codeLens', undefined);
    }
  });

  test('a turn row of the Speakers view plays from its turn, with a Play action shown on turn rows when there is a recording', async () => {
    const editor = await openFile(transcriptFile);
    const { player, speakersView } = await api();
    await shownInSpeakersView(editor.document);
    const report = next(player.onDidReport, (r) => r.kind === 'start', 'the row to say where it plays from');
    const playing = next(player.onDidChangeState, (s) => !s.paused && s.reason === 'playing', 'the player to start playing');
    await vscode.commands.executeCommand(COMMANDS.playTurnRow, { turnIndex: 5 });
    assert.equal((await report).text, 'Playing from 00:00:09, the stamp of the turn at line 6.');
    const { time } = await playing;
    assert.ok(time >= 9 && time < 9.5, `started at ${time}`);
    await pause();

    // Tree rows tell no click modifiers, so the action is an inline button (and a context menu entry) on turn rows.
    const speakers = await speakersView.getSpeakers(editor.document.uri);
    const rows = speakersView.turnItems(speakers[0]!.key);
    assert.ok(rows.length > 0 && rows.every((row) => row.contextValue === 'turn'));
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> };
    };
    const actions = manifest.contributes.menus['view/item/context']!.filter((entry) => entry.command === COMMANDS.playTurnRow);
    assert.deepEqual(
      actions.map((entry) => entry.group),
      ['inline', '0_player@0'],
    );
    for (const { when } of actions) assert.match(when ?? '', /viewItem == turn && transcript\.recordingLinked$/);
  });

  test('with transcript.player.position set to below, the player opens in an editor group under the transcript', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setTranscriptSetting('player.position', 'below');
    try {
      const editor = await openFile(transcriptFile);
      await playFrom(editor, 0);
      await pause();
      const layout = await vscode.commands.executeCommand<{ orientation: number; groups: unknown[] }>('vscode.getEditorLayout');
      // Orientation 1: the groups are one above the other.
      assert.deepEqual({ orientation: layout.orientation, groups: layout.groups.length }, { orientation: 1, groups: 2 });
      assert.equal(playerTab()?.group.viewColumn, vscode.ViewColumn.Two);
      assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the transcript keeps the focus');
      assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.One);
    } finally {
      await setTranscriptSetting('player.position', undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
