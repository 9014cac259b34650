import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OutlineLimitNotification, type OutlineLimitParams } from '../../protocol';
import { CutShortStatus } from './cutShortStatus';

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
export class OutlineLimitStatus extends CutShortStatus<OutlineLimitParams> {
  constructor(client: LanguageClient, ready: Promise<void>) {
    super(client, ready, OutlineLimitNotification, 'transcript.outlineLimit');
  }

  readonly api: OutlineLimitApi = {
    limitOf: (uri) => {
      const report = this.reportOf(uri);
      return report && { shown: report.shown, total: report.total };
    },
    statusText: () => this.statusText(),
    onDidChange: this.onDidChange,
  };

  protected describe(item: vscode.LanguageStatusItem, { shown, total }: OutlineLimitParams): void {
    item.name = 'Transcript outline';
    item.text = `Outline: the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} chunks and turns`;
    item.detail = 'transcript.outline.maxItems';
    item.command = { title: 'Change the limit', command: 'workbench.action.openSettings', arguments: ['transcript.outline.maxItems'] };
  }
}
