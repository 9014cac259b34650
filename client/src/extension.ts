import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, vsdiag, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportCommands } from './exportCommands';
import { registerNavigationCommands } from './navigation';
import { registerOpenAsTranscript } from './openAsTranscript';
import { OutlineLimitStatus, type OutlineLimitApi } from './outlineLimit';
import { ProblemCountsStatus, type ProblemCountsApi } from './problemCounts';
import { registerPlainTextDetection, type PlainTextDetectionApi } from './plainTextDetection';
import { ServerHealth, type ServerHealthApi } from './serverHealth';
import { isUsers, SpeakersSource } from './speakersSource';
import { SpeakersView, type SpeakersViewApi } from './speakersView';
import { registerTimestampFixes, type TimestampFixesApi } from './timestampFixes';
import { registerNameSpeakers, type NameSpeakersApi } from './nameSpeakers';
import { registerMedia, type PlayerApi } from './media';
import { registerOpenSample } from './walkthrough';

/** What `activate` returns: tests and other extensions wait on it instead of sleeping. */
export interface TranscriptExtensionApi {
  /** Resolves once the language server has started. */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
  /**
   * The speakers view: `getSpeakers(uri)` asks the server (`transcript/speakers`) for an open
   * document; `onDidRefresh` fires when the view has taken in a document version (`shown()`
   * says which); `rootItems()`/`turnItems(key)` are its rows as the user sees them, filter
   * applied; `onDidFollowCursor` fires when a visible view's selection has moved to the turn
   * holding the cursor, `selectedTurns()` says what is selected.
   */
  readonly speakersView: SpeakersViewApi;
  /** Offers to open plain text files that look like transcripts below a title as transcripts. */
  readonly plainTextDetection: PlainTextDetectionApi;
  /** Crashes of the language server and what the user was told about them. */
  readonly serverHealth: ServerHealthApi;
  /** Which documents' outlines are cut short by `transcript.outline.maxItems`, and the status that says so. */
  readonly outlineLimit: OutlineLimitApi;
  /** How many problems documents with more than the editor is sent have, and the status that says so. */
  readonly problemCounts: ProblemCountsApi;
  /** The changes Fix Timestamp Problems… proposes, as it hands them to the Refactor Preview. */
  readonly timestampFixes: TimestampFixesApi;
  /** The labels Name Speakers Across the Transcript proposes to write as names, as it shows them. */
  readonly nameSpeakers: NameSpeakersApi;
  /** The recording linked to each transcript and the player: its states, what it told the user, the turn it highlights. */
  readonly player: PlayerApi;
  /**
   * Fires each time the server's diagnostics for a document have reached the editor, empty ones
   * included: the way to wait for "this document is clean", which no diagnostics change shows.
   */
  readonly onDidPublishDiagnostics: vscode.Event<{ readonly uri: vscode.Uri; readonly diagnostics: readonly vscode.Diagnostic[] }>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): TranscriptExtensionApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // The server's log, and its protocol trace when `transcript.trace.server` asks for one.
  const outputChannel = vscode.window.createOutputChannel('Transcript Language Server');
  const serverHealth = new ServerHealth(outputChannel);
  const published = new vscode.EventEmitter<{ uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }>();
  context.subscriptions.push(published);
  context.subscriptions.push(outputChannel, serverHealth);
  const clientOptions: LanguageClientOptions = {
    // By language, with no scheme: untitled documents and virtual file systems get every feature.
    // Which of those the server is given is decided below, as no selector can say "writable".
    documentSelector: [{ language: 'transcript' }],
    outputChannel,
    errorHandler: serverHealth,
    middleware: {
      // Only the user's documents reach the server: a diff's `git:` side or a preview is never
      // checked, so the Problems panel lists each file once. Requests about one find no document.
      didOpen: (document, next) => (isUsers(document) ? next(document) : Promise.resolve()),
      didChange: (event, next) => (isUsers(event.document) ? next(event) : Promise.resolve()),
      didClose: (document, next) => (isUsers(document) ? next(document) : Promise.resolve()),
      didSave: (document, next) => (isUsers(document) ? next(document) : Promise.resolve()),
      willSave: (event, next) => (isUsers(event.document) ? next(event) : Promise.resolve()),
      willSaveWaitUntil: (event, next) => (isUsers(event.document) ? next(event) : Promise.resolve([])),
      // Published diagnostics (a server that is not asked for them).
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        published.fire({ uri, diagnostics });
      },
      // Pulled diagnostics (`textDocument/diagnostic`), as VS Code asks for them: the event fires
      // once the client has put the answer in its collection, which it does when this returns. An
      // `unchanged` answer leaves what the document shows. Only the user's documents are asked about.
      async provideDiagnostics(document, previousResultId, token, next) {
        if (!(document instanceof vscode.Uri) && !isUsers(document)) return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (report) {
          setImmediate(() => {
            const diagnostics =
              report.kind === vsdiag.DocumentDiagnosticReportKind.full
                ? report.items
                : vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'transcript');
            published.fire({ uri, diagnostics });
          });
        }
        return report;
      },
    },
  };
  const languageClient = new LanguageClient('transcript', 'Transcript Language Server', serverOptions, clientOptions);
  client = languageClient;
  // The extension also wakes for plain text (to spot a transcript saved as `.txt`); the server
  // starts only once a transcript is open, so ordinary text files cost no process.
  const ready = whenATranscriptIsOpen(context).then(() =>
    languageClient.start().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Transcript Editor: the language server could not start. ${reason}`);
      throw error;
    }),
  );
  const plainTextDetection = registerPlainTextDetection(context);
  const speakers = new SpeakersSource(languageClient, ready);
  const speakersView = new SpeakersView(speakers);
  const outlineLimit = new OutlineLimitStatus(languageClient, ready);
  const problemCounts = new ProblemCountsStatus(languageClient, ready);
  context.subscriptions.push(
    speakersView,
    outlineLimit,
    problemCounts,
    ...registerNavigationCommands(speakers),
    registerOpenAsTranscript(),
    registerOpenSample(context),
  );
  registerExportCommands(context, { client: languageClient, ready });
  const timestampFixes = registerTimestampFixes(context, { client: languageClient, ready });
  const nameSpeakers = registerNameSpeakers(context, { client: languageClient, ready });
  const player = registerMedia(context, { client: languageClient, ready }, speakersView);
  // The Explorer's speakers view shows once the extension runs, that is, once a transcript opened.
  void vscode.commands.executeCommand('setContext', 'transcript.extensionActive', true);
  return {
    ready,
    client: languageClient,
    speakersView: speakersView.api,
    plainTextDetection,
    serverHealth: serverHealth.api,
    outlineLimit: outlineLimit.api,
    problemCounts: problemCounts.api,
    timestampFixes,
    nameSpeakers,
    player,
    onDidPublishDiagnostics: published.event,
  };
}

/** Resolves at once when a transcript is open, else when the first one opens (or the views ask). */
function whenATranscriptIsOpen(context: vscode.ExtensionContext): Promise<void> {
  const isTranscript = (document: vscode.TextDocument) => document.languageId === 'transcript';
  if (vscode.workspace.textDocuments.some(isTranscript)) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isTranscript(document)) return;
      listener.dispose();
      resolve();
    });
    context.subscriptions.push(listener);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
