import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../protocol';

/*
 * What the end-to-end suites share: opening the workspace's transcripts and waiting on real
 * editor events for the language server's results. Every wait is bounded so that a missing
 * result fails with a message naming it instead of hanging the run.
 */

export const EXTENSION_ID = 'transcript-editor.transcript-editor';

/** The shape of what the extension's `activate` returns, as far as the tests rely on it. */
export interface ExtensionApi {
  readonly ready: Promise<void>;
  readonly onDidPublishDiagnostics: vscode.Event<{ readonly uri: vscode.Uri; readonly diagnostics: readonly vscode.Diagnostic[] }>;
}

const DEFAULT_WAIT_MS = 15_000;

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end run has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Activates the extension (as opening a transcript would) and waits for its language server. */
export async function activeExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  const api = await extension.activate();
  await bounded(api.ready, DEFAULT_WAIT_MS, 'the language server to start');
  return api;
}

/** Opens a workspace transcript in an editor, with the extension active and its server started. */
export async function openTranscript(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  const editor = await vscode.window.showTextDocument(document);
  await activeExtension();
  return editor;
}

/**
 * Opens an untitled transcript holding a copy of a workspace file, for tests that edit: each
 * gets a document of its own, so no test sees another's edits or their late diagnostics.
 */
export async function openTranscriptCopy(name: string): Promise<vscode.TextEditor> {
  const source = await vscode.workspace.fs.readFile(workspaceUri(name));
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  // Listening before the document exists, so that its first diagnostics cannot come unseen: they
  // say the server holds the document, which a request about it right after opening needs.
  const checked = new Set<string>();
  let onChecked = () => {};
  const subscription = (await extension.activate()).onDidPublishDiagnostics(({ uri }) => {
    checked.add(uri.toString());
    onChecked();
  });
  try {
    const document = await vscode.workspace.openTextDocument({ language: 'transcript', content: new TextDecoder().decode(source) });
    const editor = await vscode.window.showTextDocument(document);
    await activeExtension();
    const uri = document.uri.toString();
    await bounded(
      new Promise<void>((resolve) => {
        onChecked = () => {
          if (checked.has(uri)) resolve();
        };
        onChecked();
      }),
      DEFAULT_WAIT_MS,
      `the language server's first check of ${name}'s copy`,
    );
    return editor;
  } finally {
    subscription.dispose();
  }
}

/**
 * Runs `action` and resolves with the first diagnostics the server publishes for `uri` after it
 * started, empty ones included (a clean document shows no diagnostics change to wait on). The
 * subscription comes first, so a publication that arrives while `action` runs is not missed.
 */
export async function diagnosticsPublishedBy(uri: vscode.Uri, action: () => Thenable<unknown>, what: string): Promise<readonly vscode.Diagnostic[]> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  // Not `activeExtension()`: its server may only start once `action` has opened a transcript.
  const api = await extension.activate();
  let subscription: vscode.Disposable | undefined;
  const published = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    subscription = api.onDidPublishDiagnostics((event) => {
      if (event.uri.toString() === uri.toString()) resolve(event.diagnostics);
    });
  });
  try {
    await action();
    return await bounded(published, DEFAULT_WAIT_MS, what);
  } finally {
    subscription?.dispose();
  }
}

/**
 * Opens a subtitle file of the workspace as VS Code opens it (not as a transcript: the manifest
 * does not claim `.vtt` or `.srt`), runs Open as Transcript on it, and resolves once the server
 * has checked it, with the document, now a transcript.
 */
export async function openSubtitleAsTranscript(name: string): Promise<vscode.TextDocument> {
  const uri = workspaceUri(name);
  const opened = await vscode.workspace.openTextDocument(uri);
  assert.notEqual(opened.languageId, 'transcript', `${name} does not open as a transcript by itself`);
  await vscode.window.showTextDocument(opened);
  await diagnosticsPublishedBy(uri, () => vscode.commands.executeCommand(COMMANDS.openAsTranscript), `the language server's diagnostics of ${name}`);
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  assert.ok(document, `${name} is open`);
  assert.equal(document.languageId, 'transcript');
  return document;
}

/**
 * Waits until the document's diagnostics no longer include `code` while still holding others:
 * the callers' documents keep other findings, and requiring some keeps an empty list (nothing
 * published yet) from passing for a re-check.
 */
export function waitForCodeGone(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0 && !diagnostics.some((d) => codeOf(d) === code), `${code} to go`);
}

/**
 * Resolves with the document's diagnostics once `accept` holds for them, checking at once and
 * again on every diagnostics change the editor reports for this document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = describeDiagnostics(vscode.languages.getDiagnostics(uri));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(uri.path)}; diagnostics now: ${seen}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Waits for the server's first diagnostics of a document that is expected to have some. */
export function waitForSomeDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0, 'the first diagnostics');
}

/** The diagnostic's code as a string, whether the server sent it plain or with a docs link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${codeOf(d) ?? '?'}@${describeRange(d.range)}`).join(', ');
}

/**
 * Changes a `transcript.*` user setting and resolves once the editor has announced the change:
 * the language client forwards it to the server in that same announcement, so any request sent
 * afterwards is answered under the new value. `undefined` restores the default.
 */
export async function setTranscriptSetting(key: string, value: unknown): Promise<void> {
  const section = `transcript.${key}`;
  let subscription: vscode.Disposable | undefined;
  const announced = new Promise<void>((resolve) => {
    subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(section)) resolve();
    });
  });
  try {
    // User settings: the test profile is thrown away after the run, while workspace settings
    // would write into the repository's test folder.
    await vscode.workspace.getConfiguration('transcript').update(key, value, vscode.ConfigurationTarget.Global);
    await bounded(announced, DEFAULT_WAIT_MS, `the editor to announce the change of ${section}`);
  } finally {
    subscription?.dispose();
  }
}

/** Rejects with a message naming `what` when `promise` has not settled within `timeoutMs`. */
export function bounded<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error), { cause: error }));
      },
    );
  });
}
