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
  readonly turnIndex: number;
  /** Zero-based line of the turn's header. */
  readonly line: number;
  /** The player's time that put it there. */
  readonly time: number;
}

/**
 * While the recording plays, the turn being spoken is highlighted in every editor of its transcript
 * and, unless `transcript.player.followPlayback` is off, scrolled into view when the player moves
 * to another turn. The cursor stays where the user is typing.
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
  private clocks = new WeakMap<TimelineResult, TurnClock>();
  /** The latest state waiting for the timeline: states come four times a second, and only the newest matters. */
  private pending: PlayerState | undefined;
  private working = false;

  constructor(
    player: Player,
    private readonly timelines: TimelineSource,
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
    const same =
      this.current && this.current.uri === state.transcript && this.current.version === document.version && this.current.turnIndex === turn.turnIndex;
    if (same) return;
    const range = toVscodeRange(turn.range);
    this.current = { uri: state.transcript, version: document.version, turnIndex: turn.turnIndex, range };
    this.paint();
    if (!state.paused && vscode.workspace.getConfiguration('transcript.player', document.uri).get<boolean>('followPlayback', true)) {
      for (const editor of this.editorsOf(state.transcript)) {
        editor.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
    this.highlighted.fire({ uri: document.uri, turnIndex: turn.turnIndex, line: range.start.line, time: state.time });
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
  }

  dispose(): void {
    this.decoration.dispose();
    this.highlighted.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
