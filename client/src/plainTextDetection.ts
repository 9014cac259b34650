import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../protocol';
import { turnLinesNearTheTop } from './transcriptSniffing';

/** What the plain-text detection offers tests: each offer to open a plain text file as a transcript. */
export interface PlainTextDetectionApi {
  /** Fires with the document offered, once the offer is shown. */
  readonly onDidOffer: vscode.Event<vscode.Uri>;
}

/** Workspace state: the plain text files the user was already asked about. */
const ASKED_KEY = 'transcript.askedToOpenAsTranscript';

/**
 * VS Code maps `.txt` to plain text by its extension before it looks at a language's
 * `firstLine`, so a transcript saved as `.txt` would never open as one. A plain text document
 * whose first line matches the manifest's `firstLine` pattern (the one source of that pattern) is
 * switched to `transcript`. One that opens with a title or a blank line (`Transcript: …`, as LLM
 * output often does) but has turns further down is offered the switch, once per file.
 */
export function registerPlainTextDetection(context: vscode.ExtensionContext): PlainTextDetectionApi {
  const offered = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(offered);
  const languages =
    (context.extension.packageJSON as { contributes?: { languages?: Array<{ id: string; firstLine?: string }> } }).contributes?.languages ?? [];
  const source = languages.find((language) => language.id === 'transcript')?.firstLine;
  if (!source) return { onDidOffer: offered.event };
  const firstLine = new RegExp(source);
  const asked = new Set(context.workspaceState.get<string[]>(ASKED_KEY, []));

  const offer = async (document: vscode.TextDocument, turnLines: readonly number[]) => {
    const key = document.uri.toString();
    asked.add(key);
    await context.workspaceState.update(ASKED_KEY, [...asked]);
    const OPEN = 'Open as Transcript';
    const where = turnLines.map((line) => line + 1).join(' and ');
    const answer = vscode.window.showInformationMessage(
      `${path.posix.basename(document.uri.path)} looks like a transcript (speaker turns at lines ${where}). Open it as one?`,
      OPEN,
      'Keep as Plain Text',
    );
    offered.fire(document.uri);
    if ((await answer) === OPEN) await vscode.commands.executeCommand(COMMANDS.openAsTranscript, document.uri);
  };

  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.lineCount === 0) return;
    if (firstLine.test(document.lineAt(0).text)) {
      void vscode.languages.setTextDocumentLanguage(document, 'transcript');
      return;
    }
    if (asked.has(document.uri.toString())) return;
    const lines: string[] = [];
    for (let line = 0; line < Math.min(document.lineCount, TOP_LINES); line++) lines.push(document.lineAt(line).text);
    const turnLines = turnLinesNearTheTop(lines, firstLine);
    if (turnLines) void offer(document, turnLines);
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  return { onDidOffer: offered.event };
}

/** How far down a plain text file is looked at for turns. */
const TOP_LINES = 40;
