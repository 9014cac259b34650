import * as vscode from 'vscode';
import { TimelineRequest, type TimelineResult } from '../../../protocol';
import { AnswersByVersion } from '../answersByVersion';
import type { TranscriptServer } from '../commandTarget';
import { toVscodeRange } from '../revealTurn';
import type { Player, PlayerState } from './player';
import { TurnClock } from './playbackLogic';

/** The turns of a transcript with their times, asked of the language server once per document version. */
export class TimelineSource {
  private readonly answers = new AnswersByVersion((document) => this.request(document));

  constructor(private readonly server: TranscriptServer) {}

  timeline(document: vscode.TextDocument): Promise<TimelineResult | null> {
    return this.answers.for(document);
  }

  private async request(document: vscode.TextDocument): Promise<TimelineResult | null> {
    await this.server.ready;
    const uri = this.server.client.code2ProtocolConverter.asUri(document.uri);
    return this.server.client.sendRequest(TimelineRequest, { uri });
  }
}

/** The turn the player is in, as the editor shows it. */
export interface PlayingTurn {
  readonly uri: vscode.Uri;
  /** The document version the turn was found in: its index and line hold for that version. */
  readonly version: number;
  readonly turnIndex: number;
  /** Zero-based line of the turn's header. */
  readonly line: number;
  /** The player's time that put it there. */
  readonly time: number;
}

/** Another view that shows the turn being spoken: the Speakers view. */
export interface PlayingTurnFollower {
  /**
   * The turn playback is in, each time it reaches a turn, resumes, or the text changes under it,
   * while following is on; undefined once it pauses or stops, or following is turned off.
   */
  followPlayback(turn: PlayingTurn | undefined): void;
}

/**
 * While the recording plays, the turn being spoken is highlighted in every editor of its transcript
 * and, unless `transcript.player.followPlayback` is off, followed: scrolled into view when the
 * player reaches it, selected in the Speakers view, and, in an editor of the transcript that is not
 * the active one (the user is in the player, or in another file), given the cursor, so that the
 * outline and the breadcrumbs, which follow the cursor, show it too. The active editor's cursor is
 * never moved: the user may be typing there.
 */
export class PlaybackFollow implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('transcript.playingTurnBackground'),
    overviewRulerColor: new vscode.ThemeColor('transcript.playingTurnBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    isWholeLine: true,
  });
  private readonly highlighted = new vscode.EventEmitter<PlayingTurn>();
  /** Fires when the highlight moves to another turn (or the same turn of a new version of the text). */
  readonly onDidHighlight = this.highlighted.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private current: { uri: string; version: number; turnIndex: number; range: vscode.Range } | undefined;
  /** Set while playback is followed (playing, following on): the views and the cursor go with it. */
  private leading = false;
  private clocks = new WeakMap<TimelineResult, TurnClock>();
  /** The latest state waiting for the timeline: states come four times a second, and only the newest matters. */
  private pending: PlayerState | undefined;
  private working = false;

  constructor(
    player: Player,
    private readonly timelines: TimelineSource,
    private readonly follower?: PlayingTurnFollower,
  ) {
    this.subscriptions.push(
      player.onDidChangeState((state) => this.follow(state)),
      player.onDidClose(() => this.clear()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paint()),
    );
  }

  private follow(state: PlayerState): void {
    this.pending = state;
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      while (this.pending) {
        const state = this.pending;
        this.pending = undefined;
        await this.show(state);
      }
    } finally {
      this.working = false;
    }
  }

  private async show(state: PlayerState): Promise<void> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === state.transcript);
    if (!document) return;
    const timeline = await this.timelines.timeline(document).catch(() => null);
    if (!timeline || timeline.version !== document.version) return;
    let clock = this.clocks.get(timeline);
    if (!clock) this.clocks.set(timeline, (clock = new TurnClock(timeline.turns)));
    const turn = clock.turnAt(state.time);
    if (!turn) return this.clear();
    // A new version of the text moves the highlight with it, but is no reason to scroll: the user is typing.
    const sameTurn = this.current?.uri === state.transcript && this.current.turnIndex === turn.turnIndex;
    const sameVersion = sameTurn && this.current?.version === document.version;
    const range = toVscodeRange(turn.range);
    const playing: PlayingTurn = {
      uri: document.uri,
      version: document.version,
      turnIndex: turn.turnIndex,
      line: range.start.line,
      time: state.time,
    };
    if (!sameVersion) {
      this.current = { uri: state.transcript, version: document.version, turnIndex: turn.turnIndex, range };
      this.paint();
    }
    const follows = !state.paused && vscode.workspace.getConfiguration('transcript.player', document.uri).get<boolean>('followPlayback', true);
    if (follows && (!sameTurn || !this.leading)) this.lead(playing, toVscodeRange(turn.headerRange).start);
    else if (follows && !sameVersion) this.follower?.followPlayback(playing);
    else if (!follows && this.leading) this.stopLeading();
    if (!sameVersion) this.highlighted.fire(playing);
  }

  /** Shows the turn being spoken: scrolled into view, selected in the Speakers view, and given the cursor where the user is not typing. */
  private lead(turn: PlayingTurn, header: vscode.Position): void {
    this.leading = true;
    const active = vscode.window.activeTextEditor;
    const cursor = new vscode.Selection(header, header);
    for (const editor of this.editorsOf(turn.uri.toString())) {
      editor.revealRange(new vscode.Range(header, header), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      if (editor !== active && !editor.selection.isEqual(cursor)) editor.selection = cursor;
    }
    this.follower?.followPlayback(turn);
  }

  private stopLeading(): void {
    this.leading = false;
    this.follower?.followPlayback(undefined);
  }

  private editorsOf(uri: string): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === uri);
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const mine = this.current && editor.document.uri.toString() === this.current.uri;
      editor.setDecorations(this.decoration, mine ? [this.current!.range] : []);
    }
  }

  private clear(): void {
    this.current = undefined;
    this.paint();
    if (this.leading) this.stopLeading();
  }

  dispose(): void {
    this.decoration.dispose();
    this.highlighted.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
