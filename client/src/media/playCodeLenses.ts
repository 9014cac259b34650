import * as vscode from 'vscode';
import { COMMANDS, type PlayTurnArgs } from '../../../protocol';
import { isUsers } from '../speakersSource';
import { playFromTitle } from './playbackLogic';
import type { TimelineSource } from './playbackFollow';
import type { RecordingLinks } from './recordings';

/*
 * "Play from 00:01:43" above each stamped turn of a transcript that has a recording: a click plays
 * from that stamp. Turns without a stamp get none: their time is an estimate, which Play From Here
 * plays and says so. `transcript.player.codeLens` turns them off.
 */

const SETTING = 'transcript.player.codeLens';

export class PlayCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly links: RecordingLinks,
    private readonly timelines: TimelineSource,
  ) {
    this.subscriptions = [
      // A recording found, chosen or gone: the lenses come or go with it.
      links.onDidLink(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING)) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!isUsers(document) || !vscode.workspace.getConfiguration('transcript.player', document.uri).get<boolean>('codeLens', true)) return [];
    if (!(await this.links.linkedRecording(document.uri))) return [];
    const version = document.version;
    const timeline = await this.timelines.timeline(document).catch(() => null);
    // An answer for another version would put the lenses on the wrong lines; the editor asks again after each change.
    if (token.isCancellationRequested || !timeline || timeline.version !== version) return [];
    const uri = document.uri.toString();
    return timeline.turns
      .filter((turn) => !turn.estimate)
      .map((turn) => {
        const { line, character } = turn.headerRange.start;
        const args: PlayTurnArgs = [uri, { line, character }];
        return new vscode.CodeLens(new vscode.Range(line, character, line, character), {
          title: playFromTitle(turn.seconds),
          tooltip: 'Play the recording from this turn’s stamp',
          command: COMMANDS.playTurn,
          arguments: args,
        });
      });
  }

  dispose(): void {
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
