import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ProblemCountsNotification, type ProblemCountsParams } from '../../protocol';
import { CutShortStatus } from './cutShortStatus';

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
export class ProblemCountsStatus extends CutShortStatus<ProblemCountsParams> {
  constructor(client: LanguageClient, ready: Promise<void>) {
    super(client, ready, ProblemCountsNotification, 'transcript.problemCounts');
  }

  readonly api: ProblemCountsApi = {
    countsOf: (uri) => this.reportOf(uri),
    statusText: () => this.statusText(),
    onDidChange: this.onDidChange,
  };

  protected describe(item: vscode.LanguageStatusItem, counts: ProblemCountsParams): void {
    const number = (value: number) => value.toLocaleString('en-US');
    item.name = 'Transcript problems';
    item.text = `${number(counts.total)} problems, the first ${number(counts.shown)} listed`;
    item.detail = Object.entries(counts.byCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `${code} ${number(count)}`)
      .join(' · ');
    item.command = { title: 'Fix All', command: 'editor.action.fixAll', tooltip: 'Fix all safe transcript problems' };
  }
}
