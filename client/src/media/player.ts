import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { cannotPlayReason, conversionCommand, mediaFormatOf, PROBED_TYPES, unplayableMessage } from './mediaFormats';
import { playerHtml } from './playerHtml';
import { resumeTime, steppedRate } from './playbackLogic';

/*
 * The player panel: a webview beside the transcript with the recording in a media element. The
 * page reports the element's every change of state; the extension keeps the last one and decides
 * what the buttons and keys do.
 */

/** The player as its page last reported it. */
export interface PlayerState {
  /** The transcript the player plays for, and the recording, as URI strings. */
  readonly transcript: string;
  readonly recording: string;
  /** Seconds into the recording. */
  readonly time: number;
  readonly duration?: number;
  readonly paused: boolean;
  readonly rate: number;
  /** The media element's event that brought this state: `timeupdate`, `playing`, `pause`, `seeked`… */
  readonly reason: string;
}

/**
 * What the player told the user: where Play From Here started (`start`), that a recording will not
 * play (`unplayable`, with the ffmpeg command), that the browser wants a click first (`blocked`),
 * that no recording is linked or nothing plays, or why a time could not be written (`refused`).
 */
export interface PlayerReport {
  readonly kind: 'start' | 'unplayable' | 'blocked' | 'no-recording' | 'no-player' | 'refused';
  readonly text: string;
}

type PageMessage =
  | { type: 'ready'; canPlay: string; survey: Record<string, string> }
  | { type: 'state'; reason: string; time: number; duration?: number; paused: boolean; rate: number }
  | { type: 'error'; code: number; message: string }
  | { type: 'blocked'; message: string }
  | { type: 'button'; name: 'back' | 'toggle' | 'forward' | 'slower' | 'faster' };

const PLAYER_OPEN_CONTEXT = 'transcript.playerOpen';

interface Loaded {
  readonly panel: vscode.WebviewPanel;
  /** The transcript played for: another transcript linked to the same recording takes the loaded player over. */
  transcript: vscode.Uri;
  readonly recording: vscode.Uri;
  /** Resolves with whether the recording can play, once the page has asked its media element. */
  readonly playable: Promise<boolean>;
  /** Set once the user has been told this recording will not play: one message a recording. */
  toldUnplayable: boolean;
}

const fileNameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The column `beside` and `active` open the player in; `below` takes steps of its own. */
function placedBy(position: 'beside' | 'active' | 'below'): vscode.ViewColumn {
  return position === 'active' ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside;
}

function playerSettings(scope: vscode.Uri | undefined) {
  const settings = vscode.workspace.getConfiguration('transcript.player', scope);
  return {
    skipSeconds: settings.get<number>('skipSeconds', 5),
    rewindOnResumeSeconds: settings.get<number>('rewindOnResumeSeconds', 0),
    position: settings.get<'beside' | 'active' | 'below'>('position', 'beside'),
  };
}

export class Player implements vscode.Disposable {
  private loaded: Loaded | undefined;
  /** A player being placed and loaded: asked again meanwhile for the same recording, the same one is given. */
  private opening: { readonly recording: string; readonly loaded: Promise<Loaded> } | undefined;
  private last: PlayerState | undefined;
  private readonly stateChanged = new vscode.EventEmitter<PlayerState>();
  private readonly reported = new vscode.EventEmitter<PlayerReport>();
  private readonly closed = new vscode.EventEmitter<void>();
  /** Each state the page reports: the way to wait for "playing from 00:00:06", never a timer. */
  readonly onDidChangeState = this.stateChanged.event;
  readonly onDidReport = this.reported.event;
  /** Fires when a panel is closed, or replaced by one for another recording: what it played stopped. */
  readonly onDidClose = this.closed.event;

  /** What the player's media element said it can play (`canPlayType`: `probably`, `maybe` or empty), by type, once a page has loaded. */
  decodes: Readonly<Record<string, string>> = {};

  get state(): PlayerState | undefined {
    return this.loaded ? this.last : undefined;
  }

  /** The transcript the open player plays for. */
  get transcript(): vscode.Uri | undefined {
    return this.loaded?.transcript;
  }

  /**
   * Shows the player with `recording` for `transcript`, loading it unless it is already loaded;
   * resolves with whether it can play. A format no webview plays is not loaded: the user is told why,
   * with the command that converts it, and so is the user whose editor cannot decode the file.
   */
  async show(transcript: vscode.Uri, recording: vscode.Uri): Promise<boolean> {
    const format = mediaFormatOf(fileNameOf(recording));
    if (!format || format.never) {
      this.tellUnplayable(recording, format ? cannotPlayReason(format) : 'it is not a sound or video format this editor knows');
      return false;
    }
    const loaded = this.loaded;
    if (loaded && loaded.recording.toString() === recording.toString()) {
      loaded.transcript = transcript;
      if (!loaded.panel.visible) loaded.panel.reveal(undefined, true);
      return loaded.playable;
    }
    let opening = this.opening;
    if (opening?.recording !== recording.toString()) {
      const started = { recording: recording.toString(), loaded: this.open(transcript, recording) };
      this.opening = opening = started;
      const done = () => {
        if (this.opening === started) this.opening = undefined;
      };
      void started.loaded.then(done, done);
    }
    return (await opening.loaded).playable;
  }

  /**
   * Opens a player for `recording` where the last one was (the user may have moved it), else where
   * `transcript.player.position` says, and closes the last one once the new one holds its place.
   */
  private async open(transcript: vscode.Uri, recording: vscode.Uri): Promise<Loaded> {
    const previous = this.loaded;
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === transcript.toString());
    const below = previous === undefined && playerSettings(transcript).position === 'below';
    if (below) {
      // No API opens a panel below: the transcript's group is made the active one, a group is
      // added below it (which becomes the active one), the panel opens there, and the transcript
      // is given back the focus.
      if (editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('workbench.action.newGroupBelow');
    }
    const column = previous?.panel.viewColumn ?? (below ? vscode.ViewColumn.Active : placedBy(playerSettings(transcript).position));
    const loaded = this.load(transcript, recording, column);
    previous?.panel.dispose();
    if (below && editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    return loaded;
  }

  play(at?: number): void {
    this.post({ type: 'play', ...(at !== undefined ? { at } : {}) });
  }

  /** Pauses, or resumes a little back (`transcript.player.rewindOnResumeSeconds`) to hear the words again. */
  toggle(): void {
    const state = this.state;
    if (!state) return;
    if (!state.paused) return this.post({ type: 'pause' });
    const rewind = playerSettings(this.loaded?.transcript).rewindOnResumeSeconds;
    this.play(state.time > 0 && rewind > 0 ? resumeTime(state.time, rewind) : undefined);
  }

  /** Back (`-1`) or forward (`+1`) by `transcript.player.skipSeconds`. */
  skip(direction: -1 | 1): void {
    const state = this.state;
    if (!state) return;
    const by = playerSettings(this.loaded?.transcript).skipSeconds * direction;
    const end = state.duration ?? Infinity;
    this.post({ type: 'seek', to: Math.min(end, Math.max(0, state.time + by)) });
  }

  changeRate(direction: -1 | 1): void {
    const state = this.state;
    if (state) this.post({ type: 'rate', to: steppedRate(state.rate, direction) });
  }

  /** A line under the controls: where playing started and how that time was found, or what went wrong. */
  note(text: string, problem = false): void {
    this.post({ type: 'note', text, problem });
  }

  report(report: PlayerReport): void {
    this.reported.fire(report);
  }

  private post(message: object): void {
    void this.loaded?.panel.webview.postMessage(message);
  }

  private load(transcript: vscode.Uri, recording: vscode.Uri, viewColumn: vscode.ViewColumn): Loaded {
    const format = mediaFormatOf(fileNameOf(recording))!;
    const folder = vscode.Uri.joinPath(recording, '..');
    const panel = vscode.window.createWebviewPanel(
      'transcript.player',
      `Player: ${fileNameOf(recording)}`,
      { viewColumn, preserveFocus: true },
      // The page may load files from the recording's folder and nowhere else; it keeps playing while hidden.
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [folder] },
    );
    let settle: (playable: boolean) => void = () => {};
    const loaded: Loaded = {
      panel,
      transcript,
      recording,
      playable: new Promise<boolean>((resolve) => (settle = resolve)),
      toldUnplayable: false,
    };
    this.loaded = loaded;
    this.last = undefined;
    void vscode.commands.executeCommand('setContext', PLAYER_OPEN_CONTEXT, true);
    panel.webview.onDidReceiveMessage((message: PageMessage) => this.receive(loaded, message, settle));
    panel.onDidDispose(() => {
      settle(false);
      // A player replaced by one for another recording has stopped too, but the player stays open.
      if (this.loaded === loaded) {
        this.loaded = undefined;
        this.last = undefined;
        void vscode.commands.executeCommand('setContext', PLAYER_OPEN_CONTEXT, false);
      }
      this.closed.fire();
    });
    panel.webview.html = playerHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      mediaSrc: panel.webview.asWebviewUri(recording).toString(),
      mime: format.mime,
      probe: format.probe,
      kind: format.kind,
      title: fileNameOf(recording),
      survey: PROBED_TYPES,
    });
    return loaded;
  }

  private receive(loaded: Loaded, message: PageMessage, settle: (playable: boolean) => void): void {
    if (this.loaded !== loaded) return;
    const format = mediaFormatOf(fileNameOf(loaded.recording))!;
    switch (message.type) {
      case 'ready':
        this.decodes = message.survey;
        if (message.canPlay === '') {
          this.tellUnplayable(loaded.recording, cannotPlayReason(format), loaded);
          settle(false);
        } else {
          settle(true);
        }
        break;
      case 'state':
        this.last = {
          transcript: loaded.transcript.toString(),
          recording: loaded.recording.toString(),
          time: message.time,
          ...(message.duration !== undefined ? { duration: message.duration } : {}),
          paused: message.paused,
          rate: message.rate,
          reason: message.reason,
        };
        this.stateChanged.fire(this.last);
        break;
      case 'error': {
        // 3 is a decoding error, 4 a source the element cannot use: either way the file does not play.
        // Not named by its extension's usual codec: an .m4a may hold ALAC, an .ogg Speex.
        const detail = message.message ? ` (${message.message})` : '';
        this.tellUnplayable(loaded.recording, `the player could not decode what this .${format.extension} file holds${detail}`, loaded);
        settle(false);
        break;
      }
      case 'blocked':
        if (!loaded.toldUnplayable) {
          void vscode.window.showInformationMessage(message.message);
          this.report({ kind: 'blocked', text: message.message });
        }
        break;
      case 'button':
        if (message.name === 'toggle') this.toggle();
        else if (message.name === 'back' || message.name === 'forward') this.skip(message.name === 'back' ? -1 : 1);
        else this.changeRate(message.name === 'slower' ? -1 : 1);
        break;
    }
  }

  /** Says plainly that a recording will not play and why, with the one command that converts it (copied on request). */
  private tellUnplayable(recording: vscode.Uri, why: string, loaded?: Loaded): void {
    if (loaded) {
      if (loaded.toldUnplayable) return;
      loaded.toldUnplayable = true;
    }
    const name = fileNameOf(recording);
    const text = unplayableMessage(name, why);
    this.note(text, true);
    this.report({ kind: 'unplayable', text });
    const copy = 'Copy ffmpeg Command';
    void vscode.window.showWarningMessage(text, copy).then((choice) => {
      if (choice === copy) void vscode.env.clipboard.writeText(conversionCommand(name, mediaFormatOf(name)?.kind ?? 'audio'));
    });
  }

  dispose(): void {
    this.loaded?.panel.dispose();
    this.stateChanged.dispose();
    this.reported.dispose();
    this.closed.dispose();
  }
}
