import * as vscode from 'vscode';
import type { Range } from '../../protocol';
import { fileName, reportFailure } from './commandTarget';
import { closeDiff, TextPreviews } from './textPreviews';

/*
 * Changes a command proposes, shown before anything changes. In the Refactor Preview: each
 * change carries `needsConfirmation`, which is what makes `workspace.applyEdit` open the preview
 * instead of applying; there the user ticks the changes to make (a group at once, or one by one)
 * and applies them, or discards them.
 *
 * The preview cannot show a document whose URI has no absolute path, an untitled one: VS Code
 * (1.100) fails to make its own URI for it and shows nothing. Those get a diff of the document
 * against its changed text instead, with Apply and Cancel, as Normalize Transcript Format does.
 */

/** One change: where, what, and the group the preview files it under (one tick takes a group). */
export interface ProposedChange {
  readonly range: Range;
  readonly newText: string;
  readonly group: string;
  readonly description: string;
}

/** A proposal a command made: the edit it shows, and whether the user applied it. */
export interface EditProposal {
  readonly uri: vscode.Uri;
  readonly edit: vscode.WorkspaceEdit;
  /** Where it is shown: the Refactor Preview, or a diff with Apply and Cancel. */
  readonly shownIn: 'refactor-preview' | 'diff';
  /** In a diff, resolves once Apply and Cancel are offered (a test that accepts them waits for it). */
  readonly asked: Promise<void>;
  /** Resolves once the user has decided: true when changes were applied. */
  readonly applied: Promise<boolean>;
}

/** What a command that proposes changes offers tests (through the API `activate` returns). */
export interface ProposalsApi {
  /** Fires when the command has changes to propose, as it shows them. */
  readonly onDidPropose: vscode.Event<EditProposal>;
}

/**
 * Registers a command that proposes changes: `propose` works them out and shows them with
 * `proposeChanges`, given the previews for diffs (under `scheme`) and where to tell tests.
 */
export function registerProposingCommand(
  context: vscode.ExtensionContext,
  command: string,
  scheme: string,
  propose: (uri: unknown, previews: TextPreviews, fire: (proposal: EditProposal) => void) => Promise<void>,
): ProposalsApi {
  const proposed = new vscode.EventEmitter<EditProposal>();
  const previews = new TextPreviews(scheme);
  context.subscriptions.push(
    proposed,
    previews,
    vscode.workspace.registerTextDocumentContentProvider(scheme, previews),
    vscode.commands.registerCommand(command, (uri?: unknown) => reportFailure(propose(uri, previews, (proposal) => proposed.fire(proposal)))),
  );
  return { onDidPropose: proposed.event };
}

/** What the diff says: its title after the file's name, the question, and what to run again if the document changes meanwhile. */
export interface DiffWording {
  readonly title: string;
  readonly question: string;
  readonly command: string;
}

/** Shows the changes to `document` (in the Refactor Preview, or a diff for an untitled one), tells `fire`, and resolves once the user decided. */
export async function proposeChanges(
  document: vscode.TextDocument,
  changes: readonly ProposedChange[],
  previews: TextPreviews,
  wording: DiffWording,
  fire: (proposal: EditProposal) => void,
): Promise<boolean> {
  if (document.uri.path.startsWith('/')) {
    const edit = proposedEdit(document.uri, changes, true);
    const applied = Promise.resolve(vscode.workspace.applyEdit(edit));
    fire({ uri: document.uri, edit, shownIn: 'refactor-preview', asked: Promise.resolve(), applied });
    return applied;
  }
  const edit = proposedEdit(document.uri, changes, false);
  let asked = () => {};
  const offered = new Promise<void>((resolve) => (asked = resolve));
  const applied = showDiffAndAsk(document, edit, previews, wording, asked);
  fire({ uri: document.uri, edit, shownIn: 'diff', asked: offered, applied });
  return applied;
}

/** Shows the document beside its changed text, asks, and applies the edit when the user says Apply. */
async function showDiffAndAsk(
  document: vscode.TextDocument,
  edit: vscode.WorkspaceEdit,
  previews: TextPreviews,
  wording: DiffWording,
  asked: () => void,
): Promise<boolean> {
  const version = document.version;
  const previewUri = previews.show(document.uri, changedText(document, edit));
  await vscode.commands.executeCommand('vscode.diff', document.uri, previewUri, `${fileName(document.uri)} ↔ ${wording.title}`, { preview: true });
  const answer = vscode.window.showInformationMessage(wording.question, 'Apply', 'Cancel');
  asked();
  const choice = await answer;
  await closeDiff(previewUri);
  previews.forget(previewUri);
  if (choice !== 'Apply') return false;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the diff was open; run ${wording.command} again.`);
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}

/** The document's text with the edit's changes made, for the right side of the diff. */
function changedText(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const text = document.getText();
  let result = '';
  let cursor = 0;
  for (const change of [...edit.get(document.uri)].sort((a, b) => a.range.start.compareTo(b.range.start))) {
    result += text.slice(cursor, document.offsetAt(change.range.start)) + change.newText;
    cursor = document.offsetAt(change.range.end);
  }
  return result + text.slice(cursor);
}

/** The changes as one edit; for the Refactor Preview each needs confirmation, filed under its group. */
function proposedEdit(uri: vscode.Uri, changes: readonly ProposedChange[], confirm: boolean): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const { start, end } = change.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    if (confirm) edit.replace(uri, range, change.newText, { needsConfirmation: true, label: change.group, description: change.description });
    else edit.replace(uri, range, change.newText);
  }
  return edit;
}
