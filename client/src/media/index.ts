import * as vscode from 'vscode';
import { COMMANDS, PlayerTimeRequest, type PlayTurnArgs } from '../../../protocol';
import type { TranscriptServer } from '../commandTarget';
import { isTranscript } from '../speakersSource';
import { Player, type PlayerReport, type PlayerState } from './player';
import { describePlayStart, turnAtCursor, clockTime } from './playbackLogic';
import { PlayCodeLenses } from './playCodeLenses';
import { PlaybackFollow, TimelineSource, type PlayingTurn, type PlayingTurnFollower } from './playbackFollow';
import { RecordingLinks, RecordingStatusItem, type RecordingLink, type RecordingStatus } from './recordings';

/*
 * Listening while editing: the recording linked to a transcript, a player beside it, Play From
 * Here (and from a stamp's CodeLens or a Speakers view row), the spoken turn highlighted and
 * followed, and the player's time written into stamps (commands, and quick fixes on backwards
 * stamps).
 */

/** What `activate` returns about the player: tests wait on these events, never on timers. */
export interface PlayerApi {
  /** Each state the player's page reports (time, paused, speed), as the media element changes. */
  readonly onDidChangeState: vscode.Event<PlayerState>;
  /** Everything the player told the user: where it started, that a file will not play and how to convert it. */
  readonly onDidReport: vscode.Event<PlayerReport>;
  /** The turn highlighted as spoken. */
  readonly onDidHighlight: vscode.Event<PlayingTurn>;
  /** A transcript's recording found or chosen. */
  readonly onDidLink: vscode.Event<RecordingLink>;
  /** The language status item's text and command for the active transcript, when it was last set. */
  readonly onDidUpdateStatus: vscode.Event<RecordingStatus>;
  state(): PlayerState | undefined;
  recordingFor(transcript: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** Links a recording to a transcript, as Open Recording… does once the user picked it. */
  link(transcript: vscode.Uri, recording: vscode.Uri): Promise<void>;
  status(): RecordingStatus;
  /** What this host's player said it can decode (`canPlayType` by type), from the last page loaded. */
  decodes(): Readonly<Record<string, string>>;
}

/** The active editor when it shows a transcript; the commands do nothing from any other editor. */
function transcriptEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return isTranscript(editor?.document) ? editor : undefined;
}

const fileNameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** `speakers`: the view that selects the turn being spoken, as the recording plays. */
export function registerMedia(context: vscode.ExtensionContext, server: TranscriptServer, speakers?: PlayingTurnFollower): PlayerApi {
  const links = new RecordingLinks(context.workspaceState);
  const status = new RecordingStatusItem(links);
  const player = new Player();
  const timelines = new TimelineSource(server);
  const follow = new PlaybackFollow(player, timelines, speakers);
  const lenses = new PlayCodeLenses(links, timelines);
  context.subscriptions.push(links, status, player, follow, lenses);

  /** The player's controls act when a transcript editor is active, or the player itself (its buttons do the same). */
  const controlling = () => (transcriptEditor() !== undefined || vscode.window.activeTextEditor === undefined ? player : undefined);

  async function openRecording(): Promise<void> {
    const editor = transcriptEditor();
    if (!editor) return;
    const recording = await links.choose(editor.document.uri);
    if (recording) await playFromHere();
  }

  async function playFromHere(): Promise<void> {
    const editor = transcriptEditor();
    if (editor) await playFrom(editor.document, editor.selection.active);
  }

  /** What a stamp's CodeLens and a Speakers view row run: plays from the turn at `position` of an open transcript. */
  async function playTurn(...[uri, position]: Partial<PlayTurnArgs>): Promise<void> {
    if (typeof uri !== 'string' || !position) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (isTranscript(document)) await playFrom(document, new vscode.Position(position.line, position.character));
  }

  /** Plays the transcript's recording from the turn at `at`: its stamp, or a time estimated from the stamps around it. */
  async function playFrom(document: vscode.TextDocument, at: vscode.Position): Promise<void> {
    let recording = await links.recordingFor(document.uri);
    if (!recording) {
      const text = `No recording is linked to ${fileNameOf(document.uri)}: a file beside it with the same name and a sound or video extension is found by itself, or choose one.`;
      player.report({ kind: 'no-recording', text });
      const open = 'Open Recording…';
      if ((await vscode.window.showInformationMessage(text, open)) !== open) return;
      recording = await links.choose(document.uri);
      if (!recording) return;
    }
    const [timeline, playable] = await Promise.all([timelines.timeline(document), player.show(document.uri, recording)]);
    if (!playable) return;
    const turn = timeline && turnAtCursor(timeline.turns, at);
    const start = turn ? describePlayStart(turn) : 'This transcript has no turns yet: playing from the start.';
    player.note(start);
    player.report({ kind: 'start', text: start });
    player.play(turn?.seconds ?? 0);
  }

  /** Writes the player's time into the document (`set`: the turn's stamp; `insert`: at the cursor); resolves with the time as written. */
  async function writePlayerTime(write: 'set' | 'insert', uri?: unknown, position?: unknown): Promise<string | undefined> {
    const editor = transcriptEditor();
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!isTranscript(document)) return undefined;
    const at = position instanceof vscode.Position ? position : editor?.document === document ? editor.selection.active : undefined;
    const state = player.state;
    if (!state || !at) {
      const text = 'Nothing is playing: start the recording with Play From Here, then set the stamp at the moment the turn begins.';
      player.report({ kind: 'no-player', text });
      void vscode.window.showInformationMessage(text);
      return undefined;
    }
    await server.ready;
    const result = await server.client.sendRequest(PlayerTimeRequest, {
      uri: server.client.code2ProtocolConverter.asUri(document.uri),
      position: { line: at.line, character: at.character },
      seconds: state.time,
      write,
    });
    if (!result) return undefined;
    if ('refused' in result) {
      player.report({ kind: 'refused', text: result.refused });
      void vscode.window.showWarningMessage(result.refused);
      return undefined;
    }
    if (result.version !== document.version) {
      void vscode.window.showWarningMessage(`${fileNameOf(document.uri)} changed while the time was being written; try again.`);
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const { range, newText } of result.edits) {
      edit.replace(document.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
    }
    return (await vscode.workspace.applyEdit(edit)) ? result.written : undefined;
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openRecording, openRecording),
    vscode.commands.registerCommand(COMMANDS.playFromHere, playFromHere),
    vscode.commands.registerCommand(COMMANDS.playTurn, playTurn),
    vscode.languages.registerCodeLensProvider({ language: 'transcript' }, lenses),
    vscode.commands.registerCommand(COMMANDS.togglePlayback, async () => {
      if (!controlling()) return;
      // With no player yet, the key starts one where the cursor is.
      if (!player.state && transcriptEditor()) return playFromHere();
      player.toggle();
    }),
    vscode.commands.registerCommand(COMMANDS.rewind, () => controlling()?.skip(-1)),
    vscode.commands.registerCommand(COMMANDS.forward, () => controlling()?.skip(1)),
    vscode.commands.registerCommand(COMMANDS.slower, () => controlling()?.changeRate(-1)),
    vscode.commands.registerCommand(COMMANDS.faster, () => controlling()?.changeRate(1)),
    vscode.commands.registerCommand(COMMANDS.setStampToPlayerTime, (uri?: unknown, position?: unknown) => writePlayerTime('set', uri, position)),
    vscode.commands.registerCommand(COMMANDS.insertPlayerTime, (uri?: unknown, position?: unknown) => writePlayerTime('insert', uri, position)),
    vscode.languages.registerCodeActionsProvider({ language: 'transcript' }, new PlayerTimeFixes(links, player), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );

  return {
    onDidChangeState: player.onDidChangeState,
    onDidReport: player.onDidReport,
    onDidHighlight: follow.onDidHighlight,
    onDidLink: links.onDidLink,
    onDidUpdateStatus: status.onDidUpdate,
    state: () => player.state,
    recordingFor: (transcript) => links.recordingFor(transcript),
    link: (transcript, recording) => links.link(transcript, recording),
    status: () => status.status,
    decodes: () => player.decodes,
  };
}

/** The `source` and code of the language server's backwards-stamp diagnostic. */
const DIAGNOSTIC_SOURCE = 'transcript';
const TIMESTAMP_ORDER = 'timestamp-order';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return code === undefined ? undefined : typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * On a backwards stamp, when the transcript has a recording: set the stamp to the player's time, or
 * write the time at the cursor. Fixing a stamp by ear is the sure fix where the recording is at
 * hand: listen to where the turn begins, pause, and take the time.
 */
class PlayerTimeFixes implements vscode.CodeActionProvider {
  constructor(
    private readonly links: RecordingLinks,
    private readonly player: Player,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const backwards = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === TIMESTAMP_ORDER);
    if (backwards.length === 0 || !(await this.links.recordingFor(document.uri))) return [];
    const state = this.player.state?.transcript === document.uri.toString() ? this.player.state : undefined;
    const time = state ? ` (${clockTime(state.time)})` : '';
    return backwards.flatMap((diagnostic) => {
      const set = new vscode.CodeAction(`Set Stamp to Player Time${time}`, vscode.CodeActionKind.QuickFix);
      set.diagnostics = [diagnostic];
      set.command = { title: set.title, command: COMMANDS.setStampToPlayerTime, arguments: [document.uri, diagnostic.range.start] };
      const insert = new vscode.CodeAction(`Insert Player Time${time}`, vscode.CodeActionKind.QuickFix);
      insert.diagnostics = [diagnostic];
      insert.command = { title: insert.title, command: COMMANDS.insertPlayerTime, arguments: [document.uri, range.start] };
      return [set, insert];
    });
  }
}
