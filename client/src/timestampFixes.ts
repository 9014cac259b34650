import * as vscode from 'vscode';
import { COMMANDS, countOf, TimestampFixesRequest, type StampChange } from '../../protocol';
import { fileName, notHeld, reportFailure, serverUri, targetDocument, type TranscriptServer } from './commandTarget';
import { closeDiff, TextPreviews } from './textPreviews';

/*
 * Fix Timestamp Problems…: the language server works out every stamp change that puts the
 * backwards stamps in order (`transcript/timestampFixes`), and the editor shows them before
 * anything changes, in the Refactor Preview: each change carries `needsConfirmation`, which is
 * what makes `workspace.applyEdit` open the preview instead of applying. There the user ticks the
 * changes to make (a kind of fix at once, or one by one) and applies them, or discards them.
 *
 * The preview cannot show a document whose URI has no absolute path, an untitled one: VS Code
 * (1.100) fails to make its own URI for it and shows nothing. Those get a diff of the document
 * against its fixed text instead, with Apply and Cancel, as Normalize Transcript Format does.
 */

const FIXED_SCHEME = 'transcript-stamps-fixed';

/** A proposal the command made: the edit it shows, and whether the user applied it. */
export interface TimestampFixesProposal {
  readonly uri: vscode.Uri;
  readonly edit: vscode.WorkspaceEdit;
  /** Where it is shown: the Refactor Preview, or a diff with Apply and Cancel. */
  readonly shownIn: 'refactor-preview' | 'diff';
  /** In a diff, resolves once Apply and Cancel are offered (a test that accepts them waits for it). */
  readonly asked: Promise<void>;
  /** Resolves once the user has decided: true when changes were applied. */
  readonly applied: Promise<boolean>;
}

/** What the command offers tests (through the API `activate` returns). */
export interface TimestampFixesApi {
  /** Fires when the command has changes to propose, as it shows them. */
  readonly onDidPropose: vscode.Event<TimestampFixesProposal>;
}

export function registerTimestampFixes(context: vscode.ExtensionContext, server: TranscriptServer): TimestampFixesApi {
  const proposed = new vscode.EventEmitter<TimestampFixesProposal>();
  const previews = new TextPreviews(FIXED_SCHEME);
  context.subscriptions.push(
    proposed,
    previews,
    vscode.workspace.registerTextDocumentContentProvider(FIXED_SCHEME, previews),
    vscode.commands.registerCommand(COMMANDS.fixTimestampProblems, (uri?: unknown) =>
      reportFailure(fixTimestampProblems(server, previews, proposed, uri)),
    ),
  );
  return { onDidPropose: proposed.event };
}

async function fixTimestampProblems(
  server: TranscriptServer,
  previews: TextPreviews,
  proposed: vscode.EventEmitter<TimestampFixesProposal>,
  uri: unknown,
): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return;
  const result = await server.client.sendRequest(TimestampFixesRequest, { uri: serverDocument });
  if (!result) return notHeld(document);
  const { repeatedTurns } = result;
  const onRepeatedTurns =
    repeatedTurns === 0
      ? ''
      : ` ${countOf(repeatedTurns, 'backwards stamp')} ${repeatedTurns === 1 ? 'is on a turn' : 'are on turns'} that repeat earlier text: Remove this repeated turn or Fix All fixes ${repeatedTurns === 1 ? 'it' : 'them'}.`;
  if (result.changes.length === 0) {
    void vscode.window.showInformationMessage(`No timestamp problems to fix.${onRepeatedTurns}`);
    return;
  }
  // The changes are for the version the server had; any other has text they were not made for.
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the fixes were worked out; run Fix Timestamp Problems again.`);
    return;
  }
  if (onRepeatedTurns) void vscode.window.showInformationMessage(onRepeatedTurns.trim());

  if (document.uri.path.startsWith('/')) {
    const edit = proposedEdit(document.uri, result.changes, true);
    const applied = Promise.resolve(vscode.workspace.applyEdit(edit));
    proposed.fire({ uri: document.uri, edit, shownIn: 'refactor-preview', asked: Promise.resolve(), applied });
    await applied;
    return;
  }

  const edit = proposedEdit(document.uri, result.changes, false);
  let asked = () => {};
  const offered = new Promise<void>((resolve) => (asked = resolve));
  const applied = showDiffAndAsk(document, edit, result.changes.length, previews, asked);
  proposed.fire({ uri: document.uri, edit, shownIn: 'diff', asked: offered, applied });
  await applied;
}

/** Shows the document beside its fixed text, asks, and applies the edit when the user says Apply. */
async function showDiffAndAsk(
  document: vscode.TextDocument,
  edit: vscode.WorkspaceEdit,
  count: number,
  previews: TextPreviews,
  asked: () => void,
): Promise<boolean> {
  const version = document.version;
  const previewUri = previews.show(document.uri, fixedText(document, edit));
  await vscode.commands.executeCommand('vscode.diff', document.uri, previewUri, `${fileName(document.uri)} ↔ Timestamps fixed`, { preview: true });
  const answer = vscode.window.showInformationMessage(
    `Apply ${countOf(count, 'stamp change')} to ${fileName(document.uri)}? The diff shows each; only stamps change.`,
    'Apply',
    'Cancel',
  );
  asked();
  const choice = await answer;
  await closeDiff(previewUri);
  previews.forget(previewUri);
  if (choice !== 'Apply') return false;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the diff was open; run Fix Timestamp Problems again.`);
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}

/** The document's text with the edit's changes made, for the right side of the diff. */
function fixedText(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const text = document.getText();
  let result = '';
  let cursor = 0;
  for (const change of [...edit.get(document.uri)].sort((a, b) => a.range.start.compareTo(b.range.start))) {
    result += text.slice(cursor, document.offsetAt(change.range.start)) + change.newText;
    cursor = document.offsetAt(change.range.end);
  }
  return result + text.slice(cursor);
}

/**
 * The changes as one edit. For the Refactor Preview each needs confirmation, grouped by the fix it
 * is part of (Interpolate between neighbours, Set to the previous time, Shift this and all
 * following stamps), so that a kind of fix is taken or left with one tick.
 */
function proposedEdit(uri: vscode.Uri, changes: readonly StampChange[], confirm: boolean): vscode.WorkspaceEdit {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.fix, (counts.get(change.fix) ?? 0) + 1);
  const edit = new vscode.WorkspaceEdit();
  for (const { edit: change, fix } of changes) {
    const { start, end } = change.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    if (confirm) edit.replace(uri, range, change.newText, { needsConfirmation: true, label: fix, description: countOf(counts.get(fix)!, 'stamp') });
    else edit.replace(uri, range, change.newText);
  }
  return edit;
}
