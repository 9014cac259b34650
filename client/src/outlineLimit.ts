import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OutlineLimitNotification, type OutlineLimitParams } from '../../protocol';

/** What the outline-limit status offers tests (through the API `activate` returns). */
export interface OutlineLimitApi {
  /** How much of a document's outline the server last sent, when it was cut short; else undefined. */
  limitOf(uri: vscode.Uri): { readonly shown: number; readonly total: number } | undefined;
  /** The language status line for the active editor, when it shows one. */
  statusText(): string | undefined;
  /** Fires when the server reports a document's outline cut short, or whole again. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/**
 * Says in the language status (where VS Code's JSON support says the same of its outlines) when
 * the active transcript's outline lists only the first `transcript.outline.maxItems` chunks and
 * turns, with a link to the setting.
 */
export class OutlineLimitStatus implements vscode.Disposable {
  private readonly limits = new Map<string, { shown: number; total: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private item: vscode.LanguageStatusItem | undefined;

  constructor(client: LanguageClient, ready: Promise<void>) {
    void ready.then(
      () => {
        this.disposables.push(client.onNotification(OutlineLimitNotification, (params) => this.take(client, params)));
      },
      () => undefined,
    );
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.limits.delete(document.uri.toString());
        this.update();
      }),
    );
  }

  readonly api: OutlineLimitApi = {
    limitOf: (uri) => this.limits.get(uri.toString()),
    statusText: () => this.item?.text,
    onDidChange: this.changed.event,
  };

  private take(client: LanguageClient, { uri, shown, total }: OutlineLimitParams): void {
    const documentUri = client.protocol2CodeConverter.asUri(uri);
    if (shown < total) this.limits.set(documentUri.toString(), { shown, total });
    else this.limits.delete(documentUri.toString());
    this.update();
    this.changed.fire(documentUri);
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document;
    const limit = active && this.limits.get(active.uri.toString());
    if (!limit) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    this.item ??= vscode.languages.createLanguageStatusItem('transcript.outlineLimit', { language: 'transcript' });
    this.item.name = 'Transcript outline';
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.item.text = `Outline: the first ${limit.shown.toLocaleString('en-US')} of ${limit.total.toLocaleString('en-US')} chunks and turns`;
    this.item.detail = 'transcript.outline.maxItems';
    this.item.command = { title: 'Change the limit', command: 'workbench.action.openSettings', arguments: ['transcript.outline.maxItems'] };
  }

  dispose(): void {
    this.item?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
