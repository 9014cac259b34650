import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
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
import { TextDocument } from 'vscode-languageserver-textdocument';
import { countOf, createTranscriptService, SPEAKER_TOKEN_TYPES } from './service';
import { FIX_ALL_KIND, fixAllAction, toLspCodeAction, toLspDiagnostic, toLspFoldingRange, toLspSymbol } from './lsp/convert';
import { cancelledRequest, unlessCancelled } from './lsp/cancellation';
import { SecondThread } from './lsp/secondThread';
import { DocumentSettings } from './lsp/settings';
import { registerExportRequests } from './lsp/exportRequests';
import {
  encodeSpeakers,
  NameLabelRequest,
  NameSpeakersRequest,
  OutlineLimitNotification,
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
 * vscode-languageserver-textdocument updates its line table edit by edit, and an edit that puts a
 * CR right before an LF (or an LF right after a CR) leaves two line breaks where there is one,
 * so later positions land on the wrong line. In documents with a CR anywhere, each change is
 * applied alone and the line table rebuilt from the text before the next: O(n) per change, as
 * the update's own string copy is.
 */
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    if (!document.getText().includes('\r') && !changes.some((change) => change.text.includes('\r'))) {
      return TextDocument.update(document, changes, version);
    }
    // TextDocument.update changes the document it is given: start from a copy, so that a check
    // still holding the old document never sees a text halfway through this update.
    let updated = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    for (const change of changes) {
      const next = TextDocument.update(updated, [change], version);
      updated = TextDocument.create(next.uri, next.languageId, version, next.getText());
    }
    return updated;
  },
});
const service = createTranscriptService();
const secondThread = new SecondThread((message) => connection.console.warn(message));
let clientSupportsConfiguration = false;
/** How many folding ranges the client takes per document (`foldingRange.rangeLimit`), if it says. */
let foldingRangeLimit = Infinity;
let clientRegistersConfigurationChanges = false;
const settings = new DocumentSettings(connection, () => clientSupportsConfiguration);

connection.onInitialize(({ capabilities }) => {
  clientSupportsConfiguration = capabilities.workspace?.configuration === true;
  foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit ?? Infinity;
  clientRegistersConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
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

async function publishDiagnostics(document: TextDocument): Promise<void> {
  const documentSettings = await settings.get(document.uri);
  // The user may have typed while the settings were on their way: publish only the latest text.
  if (documents.get(document.uri)?.version !== document.version) return;
  if (!service.holds(document.uri) && secondThread.worthIt(document.getText())) {
    // The first check of a big document: the worker checks the later chunks' boundaries while this thread parses.
    const summary = await secondThread.checkFirstVersion(service.shareFirstCheck(document, documentSettings), document.getText(), documentSettings);
    if (summary) connection.console.log(`${document.uri.slice(document.uri.lastIndexOf('/') + 1)}: ${summary}`);
    if (documents.get(document.uri)?.version !== document.version) return;
  }
  const diagnostics = service.diagnostics(document, documentSettings).map((d) => toLspDiagnostic(d, document.uri));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

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

documents.onDidChangeContent(({ document }) => scheduleCheck(document.uri));
documents.onDidClose(({ document }) => {
  const pending = pendingChecks.get(document.uri);
  if (pending) clearImmediate(pending);
  pendingChecks.delete(document.uri);
  service.forget(document.uri);
  speakersSent.delete(document.uri);
  tokenBuilders.delete(document.uri);
  outlinesCut.delete(document.uri);
  settings.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const document of documents.all()) scheduleCheck(document.uri);
});

/** Documents whose outline was last sent cut short, so the client hears when that ends. */
const outlinesCut = new Set<string>();

connection.onDocumentSymbol(
  unlessCancelled(async ({ textDocument }) => {
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
  unlessCancelled(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document ? service.foldingRanges(document, foldingRangeLimit).map(toLspFoldingRange) : null;
  }),
);

connection.onCodeAction(
  unlessCancelled(async ({ textDocument, range, context }) => {
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

function buildTokens(document: TextDocument, builder: SemanticTokensBuilder): void {
  for (const token of service.speakerTokens(document)) builder.push(token.line, token.start, token.length, token.type, 0);
}

connection.languages.semanticTokens.on(({ textDocument }, token) => {
  if (token.isCancellationRequested) return cancelledRequest();
  const document = documents.get(textDocument.uri);
  if (!document) return { data: [] };
  const builder = new SemanticTokensBuilder();
  tokenBuilders.set(document.uri, builder);
  buildTokens(document, builder);
  return builder.build();
});

connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }, token) => {
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
  unlessCancelled(({ uri, since }) => {
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
