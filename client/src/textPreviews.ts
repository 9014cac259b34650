import * as vscode from 'vscode';

/*
 * Read-only documents holding text a command proposes (a normalised transcript, a transcript with
 * its stamps fixed), shown on the right of a diff against the document before the user says yes.
 */

/** Closes the preview's diff tab, wherever it is. */
export async function closeDiff(previewUri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === previewUri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** The documents of one URI scheme, registered as its content provider. */
export class TextPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  constructor(readonly scheme: string) {}

  show(source: vscode.Uri, text: string): vscode.Uri {
    // A fresh query each time, so a second preview of the same file never shows stale text.
    const uri = vscode.Uri.from({ scheme: this.scheme, path: source.path, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  forget(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
