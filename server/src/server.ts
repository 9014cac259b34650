import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TranscriptService } from './service';
import { toLspDiagnostic, toLspFoldingRange, toLspSymbol } from './lsp/convert';

/*
 * The language server: a thin adapter that finds the document and asks the service. It runs in
 * VS Code over IPC and standalone as `node dist/server.js --stdio` for other editors and checks.
 */

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new TranscriptService();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Transcript' },
    foldingRangeProvider: true,
  },
  serverInfo: { name: 'transcript-language-server' },
}));

function publishDiagnostics(document: TextDocument): void {
  const diagnostics = service.diagnostics(document).map((d) => toLspDiagnostic(d, document.uri));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.onDidChangeContent(({ document }) => publishDiagnostics(document));
documents.onDidClose(({ document }) => {
  service.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.documentSymbols(document).map(toLspSymbol) : null;
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.foldingRanges(document).map(toLspFoldingRange) : null;
});

documents.listen(connection);
connection.listen();
