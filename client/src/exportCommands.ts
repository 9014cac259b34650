import * as vscode from 'vscode';
import { COMMANDS, EXPORT_COMMANDS, ExportRequest, NormalizeRequest, type ExportFormat } from '../../protocol';
import { fileName, notHeld, reportFailure, serverUri, targetDocument, type TranscriptServer } from './commandTarget';
import { closeDiff, TextPreviews } from './textPreviews';

/*
 * Export and normalise commands. The language server does the work (`transcript/export`,
 * `transcript/normalize`) on the document as it holds it, unsaved edits included, with the same
 * functions the `transcript` CLI uses, so both give the same bytes; the extension parses nothing.
 * Files are written through `workspace.fs`, which also serves virtual workspaces.
 */

const PREVIEW_SCHEME = 'transcript-normalized';

export function registerExportCommands(context: vscode.ExtensionContext, server: TranscriptServer): void {
  const previews = new TextPreviews(PREVIEW_SCHEME);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    previews,
    ...EXPORT_COMMANDS.map(({ command, format }) =>
      vscode.commands.registerCommand(command, (uri?: unknown) => reportFailure(exportTranscriptAs(server, format, uri))),
    ),
    vscode.commands.registerCommand(COMMANDS.normalizeFormat, (uri?: unknown) => reportFailure(normalizeFormat(server, previews, uri))),
  );
}

function notATranscript(document: vscode.TextDocument): void {
  void vscode.window.showWarningMessage(`${fileName(document.uri)} is not a transcript: no speaker turns found.`);
}

async function exportTranscriptAs(
  server: TranscriptServer,
  format: ExportFormat,
  uri: unknown,
  untimed?: 'estimate',
  to?: vscode.Uri,
): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return;
  const exported = await server.client.sendRequest(ExportRequest, { uri: serverDocument, format, ...(untimed ? { untimed } : {}) });
  if (!exported) return notHeld(document);
  if (exported.outcome === 'not-a-transcript') return notATranscript(document);

  const { label, extension } = exported;
  const target =
    to ??
    (await vscode.window.showSaveDialog({
      title: `Export Transcript as ${label}`,
      saveLabel: 'Export',
      defaultUri: siblingUri(document.uri, `${exported.title}.${extension}`),
      filters: { [label]: [extension] },
    }));
  if (!target) return;
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage('Choose another file: the export would replace the transcript itself.');
    return;
  }

  await vscode.workspace.fs.writeFile(target, Buffer.from(exported.text, 'utf8'));
  const done = `Exported ${fileName(document.uri)} as ${label} to ${fileName(target)}.`;
  const OPEN = 'Open';
  const ESTIMATE = 'Export With Estimated Times';
  // What was left out or is out of place is said, not only "Exported".
  const choice =
    exported.notes.length === 0
      ? await vscode.window.showInformationMessage(done, OPEN)
      : await vscode.window.showWarningMessage(
          `${done} ${exported.notes.map((note) => `${note[0]!.toUpperCase()}${note.slice(1)}.`).join(' ')}`,
          OPEN,
          ...(exported.untimedLeftOut ? [ESTIMATE] : []),
        );
  if (choice === OPEN) await vscode.window.showTextDocument(target);
  if (choice === ESTIMATE) await exportTranscriptAs(server, format, document.uri, 'estimate', target);
}

async function normalizeFormat(server: TranscriptServer, previews: TextPreviews, uri: unknown): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return;
  const result = await server.client.sendRequest(NormalizeRequest, { uri: serverDocument });
  if (!result) return notHeld(document);
  switch (result.outcome) {
    case 'not-a-transcript':
      return notATranscript(document);
    case 'already-normalized':
      void vscode.window.showInformationMessage(`${fileName(document.uri)} is already in the normalized format.`);
      return;
    case 'would-change-content':
      void vscode.window.showErrorMessage(
        `Normalizing ${fileName(document.uri)} would change its content (${result.difference}), so nothing was changed.`,
      );
      return;
    case 'normalized':
      break;
  }

  const previewUri = previews.show(document.uri, result.text);
  await vscode.commands.executeCommand('vscode.diff', document.uri, previewUri, `${fileName(document.uri)} ↔ Normalized`, { preview: true });
  const choice = await vscode.window.showInformationMessage(
    `Apply the normalized format to ${fileName(document.uri)}? The diff shows every change; turns, times, names and sentiment stay the same.`,
    'Apply',
    'Cancel',
  );
  await closeDiff(previewUri);
  previews.forget(previewUri);
  if (choice !== 'Apply') return;
  // The server normalized this version; any other has text the preview did not show.
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the preview was open; run Normalize Transcript Format again.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) void vscode.window.showErrorMessage(`The normalized format could not be applied to ${fileName(document.uri)}.`);
}

/** A file beside the document, or in the first workspace folder for an untitled one. */
function siblingUri(document: vscode.Uri, name: string): vscode.Uri | undefined {
  if (document.scheme !== 'untitled') return vscode.Uri.joinPath(document, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
