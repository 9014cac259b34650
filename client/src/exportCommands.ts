import * as vscode from 'vscode';
import { parseTranscript } from '../../server/src/service/parse/parser';
import {
  EXPORT_FORMATS, exportModel, normalizeTranscript, normalizedContentDiff, transcriptTitle, type ExportFormatInfo,
} from '../../server/src/service/export';

/*
 * Export and normalise commands. The work is the same pure functions the `transcript` CLI uses,
 * run here in the extension host on the editor's text (unsaved edits included), so both give
 * the same bytes. Files are written through `workspace.fs`, which also serves virtual workspaces.
 */

const PREVIEW_SCHEME = 'transcript-normalized';

const COMMAND_IDS: Record<ExportFormatInfo['format'], string> = {
  vtt: 'transcript.exportWebVtt',
  srt: 'transcript.exportSrt',
  json: 'transcript.exportJson',
  md: 'transcript.exportMarkdown',
};

export function registerExportCommands(context: vscode.ExtensionContext): void {
  const previews = new NormalizedPreviews();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    previews,
    ...EXPORT_FORMATS.map((info) =>
      vscode.commands.registerCommand(COMMAND_IDS[info.format], (uri?: unknown) => reportFailure(exportTranscriptAs(info, uri))),
    ),
    vscode.commands.registerCommand('transcript.normalizeFormat', (uri?: unknown) => reportFailure(normalizeFormat(previews, uri))),
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

/** The document's model, or undefined (after telling the user) when it has no turn at all. */
function transcriptModel(document: vscode.TextDocument) {
  const text = document.getText();
  const model = parseTranscript(text);
  if (model.turns.length === 0) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} is not a transcript: no speaker turns found.`);
    return undefined;
  }
  return { text, model };
}

async function exportTranscriptAs(info: ExportFormatInfo, uri: unknown): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const parsed = transcriptModel(document);
  if (!parsed) return;

  const title = transcriptTitle(fileName(document.uri));
  const target = await vscode.window.showSaveDialog({
    title: `Export Transcript as ${info.label}`,
    saveLabel: 'Export',
    defaultUri: siblingUri(document.uri, `${title}.${info.extension}`),
    filters: { [info.label]: [info.extension] },
  });
  if (!target) return;
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage('Choose another file: the export would replace the transcript itself.');
    return;
  }

  const content = exportModel(parsed.model, info.format, { title });
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  const open = await vscode.window.showInformationMessage(`Exported ${fileName(document.uri)} as ${info.label} to ${fileName(target)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}

async function normalizeFormat(previews: NormalizedPreviews, uri: unknown): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const parsed = transcriptModel(document);
  if (!parsed) return;

  const normalized = normalizeTranscript(parsed.text);
  if (normalized === parsed.text) {
    void vscode.window.showInformationMessage(`${fileName(document.uri)} is already in the normalized format.`);
    return;
  }
  const difference = normalizedContentDiff(parsed.text, normalized);
  if (difference) {
    void vscode.window.showErrorMessage(`Normalizing ${fileName(document.uri)} would change its content (${difference}), so nothing was changed.`);
    return;
  }

  const version = document.version;
  const previewUri = previews.show(document.uri, normalized);
  await vscode.commands.executeCommand('vscode.diff', document.uri, previewUri, `${fileName(document.uri)} ↔ Normalized`, { preview: true });
  const choice = await vscode.window.showInformationMessage(
    `Apply the normalized format to ${fileName(document.uri)}? The diff shows every change; turns, times, names and sentiment stay the same.`,
    'Apply',
    'Cancel',
  );
  await closeDiff(previewUri);
  previews.forget(previewUri);
  if (choice !== 'Apply') return;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the preview was open; run Normalize Transcript Format again.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(parsed.text.length)), normalized);
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
