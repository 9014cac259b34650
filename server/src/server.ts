import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TranscriptService } from './service';
import {
  FIX_ALL_KIND, fixAllAction, toLspCodeAction, toLspDiagnostic, toLspFoldingRange, toLspSymbol,
} from './lsp/convert';
import { DocumentSettings } from './lsp/settings';
import { SpeakersRequest } from './protocol';

/*
 * The language server: a thin adapter that finds the document and asks the service. It runs in
 * VS Code over IPC and standalone as `node dist/server.js --stdio` for other editors and checks.
 */

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new TranscriptService();
let clientSupportsConfiguration = false;
const settings = new DocumentSettings(connection, () => clientSupportsConfiguration);

connection.onInitialize(({ capabilities }) => {
  clientSupportsConfiguration = capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Transcript' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'transcript-language-server' },
  };
});

connection.onInitialized(() => {
  if (clientSupportsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'transcript' });
  }
});

async function publishDiagnostics(document: TextDocument): Promise<void> {
  const documentSettings = await settings.get(document.uri);
  // The user may have typed while the settings were on their way: publish only the latest text.
  if (documents.get(document.uri)?.version !== document.version) return;
  const diagnostics = service.diagnostics(document, documentSettings).map((d) => toLspDiagnostic(d, document.uri));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.onDidChangeContent(({ document }) => void publishDiagnostics(document));
documents.onDidClose(({ document }) => {
  service.forget(document.uri);
  settings.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const document of documents.all()) void publishDiagnostics(document);
});

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.documentSymbols(document).map(toLspSymbol) : null;
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.foldingRanges(document).map(toLspFoldingRange) : null;
});

connection.onCodeAction(async ({ textDocument, range, context }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  const documentSettings = await settings.get(document.uri);
  const wantsFixAll = context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind)) ?? false;
  const wantsQuickFixes = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
  const actions = wantsQuickFixes
    ? service.codeActions(document, range, documentSettings).map((a) => toLspCodeAction(a, document.uri))
    : [];
  if (wantsFixAll || !context.only) {
    const edits = service.fixAll(document, documentSettings);
    if (edits.length > 0) actions.push(fixAllAction(edits, document.uri));
  }
  return actions;
});

connection.onRequest(SpeakersRequest, ({ uri }) => {
  const document = documents.get(uri);
  return document ? { version: document.version, speakers: service.speakers(document) } : null;
});

documents.listen(connection);
connection.listen();
