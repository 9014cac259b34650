import * as vscode from 'vscode';

/**
 * VS Code maps `.txt` to plain text by its extension before it looks at a language's
 * `firstLine`, so a transcript saved as `.txt` would never open as one. This switches a plain
 * text document to `transcript` when its first line matches the manifest's `firstLine` pattern
 * (the one source of that pattern), and leaves every other text file alone.
 */
export function registerPlainTextDetection(context: vscode.ExtensionContext): void {
  const languages =
    (context.extension.packageJSON as { contributes?: { languages?: Array<{ id: string; firstLine?: string }> } }).contributes?.languages ?? [];
  const source = languages.find((language) => language.id === 'transcript')?.firstLine;
  if (!source) return;
  const firstLine = new RegExp(source);

  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.lineCount === 0) return;
    if (firstLine.test(document.lineAt(0).text)) void vscode.languages.setTextDocumentLanguage(document, 'transcript');
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
}
