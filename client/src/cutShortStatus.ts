import * as vscode from 'vscode';
import type { LanguageClient, NotificationType } from 'vscode-languageclient/node';

/** What a server reports of a document: its URI, how much of something it sent, and of how much. */
export interface CutShortReport {
  readonly uri: string;
  readonly shown: number;
  readonly total: number;
}

/**
 * A language status for the active transcript when the server sent only part of something (its
 * outline, its problems): the reports arrive as a notification per document; a report of all
 * of it clears the document's. Subclasses say what the status reads.
 */
export abstract class CutShortStatus<Report extends CutShortReport> implements vscode.Disposable {
  private readonly reports = new Map<string, Report>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private item: vscode.LanguageStatusItem | undefined;

  constructor(
    client: LanguageClient,
    ready: Promise<void>,
    notification: NotificationType<Report>,
    private readonly itemId: string,
  ) {
    void ready.then(
      () => {
        this.disposables.push(client.onNotification(notification, (report) => this.take(client, report)));
      },
      () => undefined,
    );
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.reports.delete(document.uri.toString());
        this.update();
      }),
    );
  }

  /** The document's last report, when it was cut short. */
  protected reportOf(uri: vscode.Uri): Report | undefined {
    return this.reports.get(uri.toString());
  }

  /** The status line for the active editor, when it shows one. */
  protected statusText(): string | undefined {
    return this.item?.text;
  }

  /** Fires when the server reports a document cut short, or whole again. */
  protected get onDidChange(): vscode.Event<vscode.Uri> {
    return this.changed.event;
  }

  /** Fills in the status item for a report. */
  protected abstract describe(item: vscode.LanguageStatusItem, report: Report): void;

  private take(client: LanguageClient, report: Report): void {
    const documentUri = client.protocol2CodeConverter.asUri(report.uri);
    if (report.shown < report.total) this.reports.set(documentUri.toString(), report);
    else this.reports.delete(documentUri.toString());
    this.update();
    this.changed.fire(documentUri);
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document;
    const report = active && this.reports.get(active.uri.toString());
    if (!report) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    this.item ??= vscode.languages.createLanguageStatusItem(this.itemId, { language: 'transcript' });
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.describe(this.item, report);
  }

  dispose(): void {
    this.item?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
