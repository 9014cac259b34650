import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ProblemCountsNotification, type ProblemCountsParams } from '../../protocol';

/** What the problem-count status offers tests (through the API `activate` returns). */
export interface ProblemCountsApi {
  /** How many problems a document has and how many the editor was sent, when not all were; else undefined. */
  countsOf(uri: vscode.Uri): ProblemCountsParams | undefined;
  /** The language status line for the active editor, when it shows one. */
  statusText(): string | undefined;
  /** Fires when the server reports a document's problems cut short, or whole again. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/**
 * VS Code shows at most 1,000 problems a file, and the server sends no more (the first by
 * severity, as VS Code would keep them). When a transcript has more, the language status says
 * how many, of which codes, and offers Fix All, so that the user of a big file is not left with a
 * list silently cut.
 */
export class ProblemCountsStatus implements vscode.Disposable {
  private readonly counts = new Map<string, ProblemCountsParams>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private item: vscode.LanguageStatusItem | undefined;

  constructor(client: LanguageClient, ready: Promise<void>) {
    void ready.then(
      () => {
        this.disposables.push(client.onNotification(ProblemCountsNotification, (params) => this.take(client, params)));
      },
      () => undefined,
    );
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.counts.delete(document.uri.toString());
        this.update();
      }),
    );
  }

  readonly api: ProblemCountsApi = {
    countsOf: (uri) => this.counts.get(uri.toString()),
    statusText: () => this.item?.text,
    onDidChange: this.changed.event,
  };

  private take(client: LanguageClient, params: ProblemCountsParams): void {
    const documentUri = client.protocol2CodeConverter.asUri(params.uri);
    if (params.shown < params.total) this.counts.set(documentUri.toString(), params);
    else this.counts.delete(documentUri.toString());
    this.update();
    this.changed.fire(documentUri);
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document;
    const counts = active && this.counts.get(active.uri.toString());
    if (!counts) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    const number = (value: number) => value.toLocaleString('en-US');
    this.item ??= vscode.languages.createLanguageStatusItem('transcript.problemCounts', { language: 'transcript' });
    this.item.name = 'Transcript problems';
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.item.text = `${number(counts.total)} problems, the first ${number(counts.shown)} listed`;
    this.item.detail = Object.entries(counts.byCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `${code} ${number(count)}`)
      .join(' · ');
    this.item.command = { title: 'Fix All', command: 'editor.action.fixAll', tooltip: 'Fix all safe transcript problems' };
  }

  dispose(): void {
    this.item?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
