import * as vscode from 'vscode';
import type { LanguageClient, RequestType } from 'vscode-languageclient/node';

/*
 * What the commands that ask the language server about one transcript share: which document
 * they work on, its URI as the server knows it, and how they report what went wrong.
 */

/** The running language server, once `ready` has resolved. */
export interface TranscriptServer {
  readonly client: LanguageClient;
  readonly ready: Promise<void>;
}

/** The transcript to work on: the file the command was run on (Explorer), else the active editor's. */
export async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
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
export async function serverUri(server: TranscriptServer, document: vscode.TextDocument): Promise<string | undefined> {
  if (document.languageId !== 'transcript') {
    void vscode.window.showWarningMessage(`${fileName(document.uri)} is not open as a transcript: set its language mode to Transcript first.`);
    return undefined;
  }
  await server.ready;
  return server.client.code2ProtocolConverter.asUri(document.uri);
}

/** The server answers null for a document it does not hold, which the client's syncing should rule out. */
export function notHeld(document: vscode.TextDocument): void {
  void vscode.window.showErrorMessage(`The transcript language server does not have ${fileName(document.uri)} open; try again.`);
}

/**
 * Asks the server about the command's transcript (see `targetDocument`): the document and the
 * answer, or undefined once the user has been told why there is none.
 */
export async function askAboutTarget<R>(
  server: TranscriptServer,
  uri: unknown,
  request: RequestType<{ uri: string }, R | null, void>,
): Promise<{ document: vscode.TextDocument; result: R } | undefined> {
  const document = await targetDocument(uri);
  if (!document) return undefined;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return undefined;
  const result = await server.client.sendRequest(request, { uri: serverDocument });
  if (result === null) {
    notHeld(document);
    return undefined;
  }
  return { document, result };
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** Commands report failures (a write refused, say) as a message, not a silent rejection. */
export async function reportFailure(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Transcript Editor: ${reason}`);
  }
}
