import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type WorkDoneProgressServerReporter,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SemanticTokensBuilder,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { countOf, createTranscriptService, SPEAKER_TOKEN_TYPES } from './service';
import { ChunkedDocument } from './lsp/chunkedDocument';
import { documentName } from './lsp/documentName';
import { FIX_ALL_KIND, fixAllAction, toLspCodeAction, toLspFoldingRange, toLspSymbol } from './lsp/convert';
import { DiagnosticsForms, MAX_SENT_DIAGNOSTICS, sameItems, type DiagnosticsReport } from './lsp/diagnostics';
import { cancelledRequest, unlessCancelled } from './lsp/cancellation';
import { DocumentSettings } from './lsp/settings';
import { registerExportRequests } from './lsp/exportRequests';
import {
  encodeSpeakers,
  NameLabelRequest,
  NameSpeakersRequest,
  OutlineLimitNotification,
  ProblemCountsNotification,
  SpeakersRequest,
  TimestampFixesRequest,
  TimelineRequest,
  PlayerTimeRequest,
  type SpeakersResult,
} from '../../protocol';

/*
 * The language server: a thin adapter that finds the document and asks the service. It runs in
 * VS Code over IPC and standalone as `node dist/server.js --stdio` for other editors and checks.
 */

const connection = createConnection(ProposedFeatures.all);
/*
 * Documents are kept in chunks (`ChunkedDocument`), so that a keystroke copies a few thousand
 * characters, not the whole text. The changes the editor sends go to the service as offsets, so
 * that it re-parses the sections they touch without comparing the old and new texts, reading
 * only those sections' text.
 */
const documents = new TextDocuments<ChunkedDocument>({
  create: (uri, languageId, version, text) => new ChunkedDocument(uri, languageId, version, text),
  update(document, changes, version) {
    service.edited(document.uri, version, document.update(changes, version));
    return document;
  },
});
const service = createTranscriptService();
let clientSupportsConfiguration = false;
/** How many folding ranges the client takes per document (`foldingRange.rangeLimit`), if it says. */
let foldingRangeLimit = Infinity;
let clientRegistersConfigurationChanges = false;
const settings = new DocumentSettings(connection, () => clientSupportsConfiguration);

connection.onInitialize(({ capabilities }) => {
  clientSupportsConfiguration = capabilities.workspace?.configuration === true;
  foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit ?? Infinity;
  clientRegistersConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientPullsDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  clientShowsProgress = capabilities.window?.workDoneProgress === true;
  clientRefreshesDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Transcript' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      completionProvider: { triggerCharacters: ['(', '[', ':', ' '] },
      workspaceSymbolProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: [...SPEAKER_TOKEN_TYPES], tokenModifiers: [] }, full: { delta: true } },
      ...(clientPullsDiagnostics
        ? { diagnosticProvider: { identifier: 'transcript', interFileDependencies: false, workspaceDiagnostics: false } }
        : {}),
    },
    serverInfo: { name: 'transcript-language-server' },
  };
});

connection.onInitialized(() => {
  // Only a client that says it takes dynamic registration gets asked; a refusal is not fatal.
  if (clientRegistersConfigurationChanges) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'transcript' }).catch((error: unknown) => {
      connection.console.warn(`Could not register for configuration changes: ${String(error)}`);
    });
  }
});

/** Whether the client pulls diagnostics (`textDocument/diagnostic`); else the server publishes them. */
let clientPullsDiagnostics = false;
/** Whether the client shows progress the server starts (`window/workDoneProgress/create`). */
let clientShowsProgress = false;
const diagnosticsForms = new DiagnosticsForms();
/** Per document, the last diagnostics reported, and under which result id (pull). */
const lastReports = new Map<string, { resultId: string; items: readonly Diagnostic[] }>();
let nextResultId = 1;
/** Documents whose last report was cut short, so that the client hears when that ends. */
const reportsCut = new Set<string>();
/** The first check of a document this long shows progress: it takes a second or more. */
const PROGRESS_FROM_CHARACTERS = 1_000_000;
/**
 * A document this long shows the problems of its first part (up to a section end after
 * `FIRST_PART_CHARACTERS`, the screens it opens on) before it is checked whole: on 3 MB the whole
 * check takes a second or more, the first part a few tens of milliseconds. Ten thousand
 * characters are fifty lines and more, what an editor shows of a file it opens, wrapped or not; a
 * new server runs its code cold on them, and 30,000 took some 55 ms longer (2 MB, over LSP).
 */
const FIRST_PART_FROM_CHARACTERS = 1_000_000;
const FIRST_PART_CHARACTERS = 10_000;
/** Whether the client re-asks for diagnostics when told to (`workspace/diagnostic/refresh`). */
let clientRefreshesDiagnostics = false;
/** Documents whose first part's problems have been shown, so that the next answer is the whole check's. */
const firstPartsShown = new Set<string>();
/**
 * Big documents whose first part's problems are awaited or being sent. The editor asks for the
 * outline, folds and colours of a document it opens, each of which parses it whole: for a file it
 * opens, the outline even before the diagnostics (in code-server, the first problems of a 3 MB
 * file came after the whole outline, 8.8 s after the file was opened). Those requests wait until
 * the first part's answer is out, so that the first problems are not held up behind a whole
 * parse; or, when no question for diagnostics comes (a document opened but not shown), for
 * FIRST_PULL_WAIT_MS.
 */
const firstPartsInFlight = new Map<string, FirstPartGate>();
const FIRST_PULL_WAIT_MS = 500;

interface FirstPartGate {
  readonly sent: Promise<void>;
  /** Lets the requests that wait go on; more calls do nothing. */
  readonly open: () => void;
  /** Whether the client's question for diagnostics has come (the gate then waits for its answer alone). */
  pulled: boolean;
}

/** A gate for `uri`'s first part, opened by its answer or, if no question comes, after FIRST_PULL_WAIT_MS. */
function firstPartGate(uri: string): FirstPartGate {
  let open = () => {};
  const sent = new Promise<void>((resolve) => (open = resolve));
  const timer = setTimeout(() => {
    if (!gate.pulled) gate.open();
  }, FIRST_PULL_WAIT_MS);
  const gate: FirstPartGate = {
    sent,
    pulled: false,
    open: () => {
      clearTimeout(timer);
      if (firstPartsInFlight.get(uri) === gate) firstPartsInFlight.delete(uri);
      open();
    },
  };
  firstPartsInFlight.set(uri, gate);
  return gate;
}

/** Resolves once the first part of `uri`, if one is awaited or being sent, has gone out. */
const firstPartSent = (uri: string): Promise<void> | undefined => firstPartsInFlight.get(uri)?.sent;

/** Whether `document` is big and not yet checked, so that the client's first question gets its first part. */
function bigAndNew(document: ChunkedDocument): boolean {
  return (
    clientRefreshesDiagnostics && !service.holds(document.uri) && !firstPartsShown.has(document.uri) && document.length >= FIRST_PART_FROM_CHARACTERS
  );
}

/**
 * The diagnostics of a big document's first part, if it is opened and not yet checked; undefined
 * otherwise, and for a document whose first part has been shown.
 */
async function firstPartOf(document: ChunkedDocument): Promise<DiagnosticsReport | undefined> {
  if (service.holds(document.uri) || firstPartsShown.has(document.uri) || document.length < FIRST_PART_FROM_CHARACTERS) return undefined;
  const documentSettings = await settings.get(document.uri);
  if (documents.get(document.uri)?.version !== document.version) return undefined;
  const part = service.firstPartDiagnostics(document, FIRST_PART_CHARACTERS, documentSettings);
  if (!part) return undefined;
  firstPartsShown.add(document.uri);
  return diagnosticsForms.report(document.uri, { shown: part.slice(0, MAX_SENT_DIAGNOSTICS), total: part.length, byCode: {} });
}

/**
 * The diagnostics of the document's latest version, in protocol form; undefined if the user typed
 * while the settings were on their way (a newer version is then checked in turn).
 */
async function diagnosticsOf(document: ChunkedDocument): Promise<DiagnosticsReport | undefined> {
  const documentSettings = await settings.get(document.uri);
  if (documents.get(document.uri)?.version !== document.version) return undefined;
  const first = !service.holds(document.uri);
  const progress = first && clientShowsProgress && document.length >= PROGRESS_FROM_CHARACTERS ? await startProgress(document) : undefined;
  try {
    if (documents.get(document.uri)?.version !== document.version) return undefined;
    const report = diagnosticsForms.report(document.uri, service.shownDiagnostics(document, MAX_SENT_DIAGNOSTICS, documentSettings));
    if (report.items.length < report.total || reportsCut.has(document.uri)) {
      if (report.items.length < report.total) reportsCut.add(document.uri);
      else reportsCut.delete(document.uri);
      void connection.sendNotification(ProblemCountsNotification, {
        uri: document.uri,
        version: document.version,
        total: report.total,
        shown: report.items.length,
        byCode: report.byCode,
      });
    }
    return report;
  } finally {
    progress?.done();
  }
}

/** Progress in the editor while a big document is first checked; the check runs once the client has been told. */
async function startProgress(document: ChunkedDocument): Promise<WorkDoneProgressServerReporter | undefined> {
  try {
    const progress = await connection.window.createWorkDoneProgress();
    const megabytes = (document.length / 1_000_000).toFixed(1);
    progress.begin(`Checking ${documentName(document.uri)}`, undefined, `${megabytes} million characters`);
    // Messages go out from the event loop: let the begin go before the check holds this thread.
    await new Promise((resolve) => setImmediate(resolve));
    return progress;
  } catch {
    return undefined;
  }
}

/** Asks the client to pull every document's diagnostics again; typed as returning nothing, it returns the request's promise. */
function refreshDiagnostics(): void {
  Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
}

async function publishDiagnostics(document: ChunkedDocument): Promise<void> {
  const part = await firstPartOf(document);
  if (part) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [...part.items] });
    // Sent before the whole check holds this thread.
    await new Promise((resolve) => setImmediate(resolve));
    if (documents.get(document.uri)?.version !== document.version) return;
  }
  const report = await diagnosticsOf(document);
  if (!report) return;
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [...report.items] });
}

/*
 * Pull: the client asks after each change, and cancels the question when the user types on. A
 * version whose diagnostics are the ones last reported (the same protocol objects: nothing it
 * reports changed) is answered `unchanged`.
 */
connection.languages.diagnostics.on(async ({ textDocument, previousResultId }, token) => {
  const document = documents.get(textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // A big document just opened: its first part's problems now, and the client asked again once it is checked whole.
  const gate = bigAndNew(document) ? (firstPartsInFlight.get(document.uri) ?? firstPartGate(document.uri)) : undefined;
  if (gate) gate.pulled = true;
  const part = gate ? await firstPartOf(document) : undefined;
  // Once this answer is written (see below): the requests that waited go on.
  if (gate) setImmediate(() => setImmediate(gate.open));
  if (part) {
    // The answer is written from a later turn of the event loop (vscode-jsonrpc queues each write
    // with setImmediate): the whole check waits one turn more, so that it does not hold the answer.
    setImmediate(() =>
      setImmediate(() => {
        const latest = documents.get(textDocument.uri);
        if (latest) void diagnosticsOf(latest).then(refreshDiagnostics);
      }),
    );
    const resultId = String(nextResultId++);
    lastReports.set(textDocument.uri, { resultId, items: part.items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...part.items] };
  }
  let report = await diagnosticsOf(document);
  // Typed on while the settings came: the latest version, unless the client has given up on this answer.
  while (!report) {
    if (token.isCancellationRequested) {
      return new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
    }
    const latest = documents.get(textDocument.uri);
    if (!latest) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    report = await diagnosticsOf(latest);
  }
  const last = lastReports.get(textDocument.uri);
  if (last && last.resultId === previousResultId && sameItems(last.items, report.items)) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
  }
  const resultId = String(nextResultId++);
  lastReports.set(textDocument.uri, { resultId, items: report.items });
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...report.items] };
});

/*
 * Changes arrive one per keystroke. Checking is queued per document behind the messages already
 * waiting, so a burst of keystrokes costs one analysis of the latest text, not one per keystroke.
 */
const pendingChecks = new Map<string, NodeJS.Immediate>();
function scheduleCheck(uri: string): void {
  if (pendingChecks.has(uri)) return;
  pendingChecks.set(
    uri,
    setImmediate(() => {
      pendingChecks.delete(uri);
      const latest = documents.get(uri);
      if (latest) void publishDiagnostics(latest);
    }),
  );
}

documents.onDidChangeContent(({ document }) => {
  if (!clientPullsDiagnostics) scheduleCheck(document.uri);
});
// The editor may ask about a big file it opens before it asks for its diagnostics: those questions wait.
documents.onDidOpen(({ document }) => {
  if (clientPullsDiagnostics && bigAndNew(document) && !firstPartsInFlight.has(document.uri)) firstPartGate(document.uri);
});
documents.onDidClose(({ document }) => {
  firstPartsInFlight.get(document.uri)?.open();
  const pending = pendingChecks.get(document.uri);
  if (pending) clearImmediate(pending);
  pendingChecks.delete(document.uri);
  service.forget(document.uri);
  speakersSent.delete(document.uri);
  tokenBuilders.delete(document.uri);
  outlinesCut.delete(document.uri);
  lastReports.delete(document.uri);
  diagnosticsForms.forget(document.uri);
  reportsCut.delete(document.uri);
  firstPartsShown.delete(document.uri);
  settings.forget(document.uri);
  if (!clientPullsDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  if (clientPullsDiagnostics) refreshDiagnostics();
  else for (const document of documents.all()) scheduleCheck(document.uri);
});

/** Documents whose outline was last sent cut short, so the client hears when that ends. */
const outlinesCut = new Set<string>();

connection.onDocumentSymbol(
  unlessCancelled(async ({ textDocument }) => {
    await firstPartSent(textDocument.uri);
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const { outlineMaxItems } = await settings.get(document.uri);
    const { symbols, shown, total } = service.outline(document, outlineMaxItems);
    if (shown < total || outlinesCut.has(document.uri)) {
      if (shown < total) outlinesCut.add(document.uri);
      else outlinesCut.delete(document.uri);
      void connection.sendNotification(OutlineLimitNotification, { uri: document.uri, shown, total });
    }
    return symbols.map(toLspSymbol);
  }),
);

connection.onFoldingRanges(
  unlessCancelled(async ({ textDocument }) => {
    await firstPartSent(textDocument.uri);
    const document = documents.get(textDocument.uri);
    return document ? service.foldingRanges(document, foldingRangeLimit).map(toLspFoldingRange) : null;
  }),
);

connection.onCodeAction(
  unlessCancelled(async ({ textDocument, range, context }) => {
    await firstPartSent(textDocument.uri);
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const documentSettings = await settings.get(document.uri);
    const wantsFixAll = context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind)) ?? false;
    const wantsQuickFixes = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
    const actions = wantsQuickFixes ? service.codeActions(document, range, documentSettings).map((a) => toLspCodeAction(a, document.uri)) : [];
    if (wantsFixAll) {
      // Asked for by name (Source Action…, codeActionsOnSave): the edits come with the action.
      const edits = service.fixAll(document, documentSettings);
      if (edits.length > 0) actions.push(fixAllAction(document.uri, edits));
    } else if (!context.only && service.hasFixAll(document, documentSettings)) {
      // The light bulb asks on every cursor move: offer fix-all, and work out its edits only when
      // the user picks it (codeAction/resolve), since that re-checks the fixed text.
      actions.push(fixAllAction(document.uri, undefined, { uri: document.uri, version: document.version }));
    }
    return actions;
  }),
);

connection.onCodeActionResolve(async (action) => {
  const { uri, version } = (action.data ?? {}) as { uri?: string; version?: number };
  const document = uri ? documents.get(uri) : undefined;
  if (!document || document.version !== version) return action;
  const edits = service.fixAll(document, await settings.get(document.uri));
  return { ...action, edit: fixAllAction(document.uri, edits).edit };
});

connection.onHover(
  unlessCancelled(async ({ textDocument, position }) => {
    if (!documents.get(textDocument.uri)) return null;
    // A stamp's hover says whether it is out of order, which depends on the document's settings.
    const documentSettings = await settings.get(textDocument.uri);
    const document = documents.get(textDocument.uri);
    const result = document && service.hover(document, position, documentSettings);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  }),
);

connection.onReferences(
  unlessCancelled(async ({ textDocument, position }) => {
    if (!documents.get(textDocument.uri)) return null;
    // What a label's references cover follows the rename scope, so that they list what F2 changes.
    const documentSettings = await settings.get(textDocument.uri);
    const document = documents.get(textDocument.uri);
    return document ? service.references(document, position, documentSettings).map((range) => ({ uri: document.uri, range })) : null;
  }),
);

connection.onPrepareRename(async ({ textDocument, position }) => {
  if (!documents.get(textDocument.uri)) return null;
  const documentSettings = await settings.get(textDocument.uri);
  const document = documents.get(textDocument.uri);
  const target = document && service.prepareRename(document, position, documentSettings);
  return target ? { range: target.range, placeholder: target.placeholder } : null;
});

connection.onRenameRequest(async ({ textDocument, position, newName }) => {
  if (!documents.get(textDocument.uri)) return null;
  const documentSettings = await settings.get(textDocument.uri);
  const document = documents.get(textDocument.uri);
  const outcome = document && service.rename(document, position, newName, documentSettings);
  if (!outcome) return null;
  // VS Code shows a failed rename's message to the user: the refusal says why.
  if ('refused' in outcome) return new ResponseError(LSPErrorCodes.RequestFailed, outcome.refused);
  return { changes: { [document.uri]: outcome.edits } };
});

connection.onCompletion(
  unlessCancelled(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
    return service.completions(document, position, linePrefix).map((item, order) => ({
      label: item.label,
      kind: item.kind === 'speaker' ? CompletionItemKind.Constant : CompletionItemKind.EnumMember,
      detail: item.detail,
      sortText: String(order).padStart(5, '0'),
      textEdit: { range: { start: { line: position.line, character: item.replaceFrom }, end: position }, newText: item.insertText },
    }));
  }),
);

/*
 * Semantic tokens, whole or as edits to the last answer (`full/delta`): on a long transcript the
 * whole answer is tens of thousands of tokens, and an edit changes a few numbers of it. Each
 * document has a builder from vscode-languageserver, which keeps what it last built and diffs.
 * A request cancelled before it runs is refused; once built, an answer is sent, so that the
 * builder and the client agree on what the client holds.
 */
const tokenBuilders = new Map<string, SemanticTokensBuilder>();

function buildTokens(document: ChunkedDocument, builder: SemanticTokensBuilder): void {
  for (const token of service.speakerTokens(document)) builder.push(token.line, token.start, token.length, token.type, 0);
}

connection.languages.semanticTokens.on(async ({ textDocument }, token) => {
  await firstPartSent(textDocument.uri);
  if (token.isCancellationRequested) return cancelledRequest();
  const document = documents.get(textDocument.uri);
  if (!document) return { data: [] };
  const builder = new SemanticTokensBuilder();
  tokenBuilders.set(document.uri, builder);
  buildTokens(document, builder);
  return builder.build();
});

connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }, token) => {
  await firstPartSent(textDocument.uri);
  if (token.isCancellationRequested) return cancelledRequest();
  const document = documents.get(textDocument.uri);
  if (!document) return { data: [] };
  let builder = tokenBuilders.get(document.uri);
  if (builder) builder.previousResult(previousResultId);
  else tokenBuilders.set(document.uri, (builder = new SemanticTokensBuilder()));
  buildTokens(document, builder);
  return builder.buildEdits();
});

connection.onWorkspaceSymbol(
  unlessCancelled(({ query }) => {
    const needle = query.toLowerCase();
    return documents.all().flatMap((document) =>
      service
        .speakers(document)
        .filter((speaker) => speaker.displayName.toLowerCase().includes(needle))
        .map((speaker) => ({
          name: speaker.displayName,
          kind: SymbolKind.Constant,
          // The editor shows the file's path after this: naming the file here showed it twice.
          containerName: countOf(speaker.turnCount, 'turn'),
          location: { uri: document.uri, range: speaker.turns[0]!.headerRange },
        })),
    );
  }),
);

/** The last speakers answer sent for each document, so the next can send only the rows that changed. */
const speakersSent = new Map<string, SpeakersResult>();

connection.onRequest(
  SpeakersRequest,
  unlessCancelled(async ({ uri, since }) => {
    await firstPartSent(uri);
    const document = documents.get(uri);
    if (!document) return null;
    const result = { version: document.version, speakers: service.speakers(document) };
    const previous = speakersSent.get(uri);
    speakersSent.set(uri, result);
    return encodeSpeakers(result, since !== undefined && previous?.version === since ? previous : undefined);
  }),
);

connection.onRequest(
  TimestampFixesRequest,
  unlessCancelled(async ({ uri }) => {
    if (!documents.get(uri)) return null;
    // The tolerance and whether repeats count decide what a change may leave behind.
    const documentSettings = await settings.get(uri);
    const document = documents.get(uri);
    if (!document) return null;
    const { changes, repeatedTurns } = service.timestampFixes(document, documentSettings);
    return { version: document.version, changes, repeatedTurns };
  }),
);

connection.onRequest(
  TimelineRequest,
  unlessCancelled(({ uri }) => {
    const document = documents.get(uri);
    if (!document) return null;
    return { version: document.version, turns: service.timeline(document) };
  }),
);

connection.onRequest(
  PlayerTimeRequest,
  unlessCancelled(({ uri, position, seconds, write }) => {
    const document = documents.get(uri);
    if (!document) return null;
    const edit = write === 'set' ? service.setTurnTime(document, position, seconds) : service.insertTime(document, position, seconds);
    return { version: document.version, ...edit };
  }),
);

connection.onRequest(
  NameSpeakersRequest,
  unlessCancelled(({ uri }) => {
    const document = documents.get(uri);
    if (!document) return null;
    return { version: document.version, ...service.nameSpeakers(document) };
  }),
);

connection.onRequest(
  NameLabelRequest,
  unlessCancelled(({ uri, labels, name }) => {
    const document = documents.get(uri);
    if (!document) return null;
    return { version: document.version, ...service.nameLabels(document, labels, name) };
  }),
);

registerExportRequests(connection, documents, service);

documents.listen(connection);
connection.listen();
