import * as vscode from 'vscode';
import { COMMANDS } from '../../protocol';

const TRANSCRIPT = 'transcript';

/**
 * `transcript.openAsTranscript`: reads a file in the transcript language, one step instead of
 * the language picker. Subtitle files (`.vtt`, `.srt`) and Markdown belong to other extensions
 * by their extension, so the manifest does not claim them; this switches one document, when the
 * user asks. From the Explorer or an editor's title bar it gets the file's URI; from the palette
 * it works on the active editor's document.
 */
export function registerOpenAsTranscript(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openAsTranscript, async (uri?: unknown) => {
    try {
      return await openAsTranscript(uri instanceof vscode.Uri ? uri : undefined);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Could not open the file as a transcript: ${reason}`);
      return undefined;
    }
  });
}

/** Resolves with the document in the transcript language, or undefined when there is none to switch. */
async function openAsTranscript(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showWarningMessage('Open a file first: Open as Transcript works on the active editor.');
    return undefined;
  }
  // Switching closes the document and opens it again in the new language; its editors stay.
  const transcript = document.languageId === TRANSCRIPT ? document : await vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT);
  // A file chosen in the Explorer may be in no editor yet.
  const shown = vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === transcript.uri.toString());
  if (!shown) await vscode.window.showTextDocument(transcript);
  return transcript;
}
