import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EXPORT_COMMANDS, ExportRequest, NormalizeRequest, type ExportFormat } from '../../protocol';

/*
 * Export and normalise commands. The language server does the work (`transcript/export`,
 * `transcript/normalize`) on the document as it holds it, unsaved edits included, with the same
 * functions the `transcript` CLI uses, so both give the same bytes; the extension parses nothing.
 * Files are written through `workspace.fs`, which also serves virtual workspaces.
 */

const PREVIEW_SCHEME = 'transcript-normalized';

/** The running language server, once `ready` has resolved. */
interface TranscriptServer {
  readonly client: LanguageClient;
  readonly ready: Promise<void>;
}

export function registerExportCommands(context: vscode.ExtensionContext, server: TranscriptServer): void {
  const previews = new NormalizedPreviews();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    previews,
    ...EXPORT_COMMANDS.map(({ command, format }) =>
      vscode.commands.registerCommand(command, (uri?: unknown) => reportFailure(exportTranscriptAs(server, format, uri))),
    ),
    vscode.commands.registerCommand(COMMANDS.normalizeFormat, (uri?: unknown) => reportFailure(normalizeFormat(server, previews, uri))),
  );
}

/** The transcript to work on: the file the command was run on (Explorer), else the active editor's. */
async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'transcript') return document;
  void vscode.window.showWarningMessage('Open a transcript first: these commands work on the active transcript editor.');
  return undefined;
}

/**
 * The server only holds documents open as transcripts (the client's document selector); for any
 * other, undefined, after telling the user.
 */
async function serverUri(server: TranscriptServer, document: vscode.TextDocument): Promise<string | undefined> {
  if (document.languageId !== 'transcript') {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} is not open as a transcript: set its language mode to Transcript first.`);
    return undefined;
  }
  await server.ready;
  return server.client.code2ProtocolConverter.asUri(document.uri);
}

function notATranscript(document: vscode.TextDocument): void {
  void vscode.window.showWarningMessage(`${fileName(document.uri)} is not a transcript: no speaker turns found.`);
}

/** The server answers null for a document it does not hold, which the client's syncing should rule out. */
function notHeld(document: vscode.TextDocument): void {
  void vscode.window.showErrorMessage(`The transcript language server does not have ${fileName(document.uri)} open; try again.`);
}

async function exportTranscriptAs(server: TranscriptServer, format: ExportFormat, uri: unknown): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return;
  const exported = await server.client.sendRequest(ExportRequest, { uri: serverDocument, format });
  if (!exported) return notHeld(document);
  if (exported.outcome === 'not-a-transcript') return notATranscript(document);

  const { label, extension } = exported;
  const target = await vscode.window.showSaveDialog({
    title: `Export Transcript as ${label}`,
    saveLabel: 'Export',
    defaultUri: siblingUri(document.uri, `${exported.title}.${extension}`),
    filters: { [label]: [extension] },
  });
  if (!target) return;
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage('Choose another file: the export would replace the transcript itself.');
    return;
  }

  await vscode.workspace.fs.writeFile(target, Buffer.from(exported.text, 'utf8'));
  const open = await vscode.window.showInformationMessage(`Exported ${fileName(document.uri)} as ${label} to ${fileName(target)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}

async function normalizeFormat(server: TranscriptServer, previews: NormalizedPreviews, uri: unknown): Promise<void> {
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

/** Closes the preview's diff tab, wherever it is. */
async function closeDiff(previewUri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === previewUri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Read-only documents holding normalised text, shown on the right of the diff. */
class NormalizedPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  show(source: vscode.Uri, text: string): vscode.Uri {
    // A fresh query each time, so a second preview of the same file never shows stale text.
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: source.path, query: String(++this.counter) });
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

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** A file beside the document, or in the first workspace folder for an untitled one. */
function siblingUri(document: vscode.Uri, name: string): vscode.Uri | undefined {
  if (document.scheme !== 'untitled') return vscode.Uri.joinPath(document, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

/** Commands report failures (a write refused, say) as a message, not a silent rejection. */
async function reportFailure(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Transcript Editor: ${reason}`);
  }
}
