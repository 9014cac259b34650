import * as vscode from 'vscode';
import type { Range } from '../../protocol';

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/**
 * Shows a turn of a document in the editor that already shows the document (or a new one) and
 * scrolls it to the middle. `select` selects the whole header, as a click in the speakers view
 * does; otherwise the cursor goes to the header's start, so typing does not replace it.
 * Focus stays where it was, so keyboard navigation in a tree goes on.
 */
export async function revealTurn(uri: vscode.Uri, headerRange: Range, how: { select: boolean }): Promise<vscode.TextEditor> {
  const range = toVscodeRange(headerRange);
  const selection = how.select ? new vscode.Selection(range.start, range.end) : new vscode.Selection(range.start, range.start);
  const showing = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const document = showing?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    ...(showing?.viewColumn !== undefined ? { viewColumn: showing.viewColumn } : {}),
    preserveFocus: true,
    selection,
  });
  editor.selection = selection;
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}
