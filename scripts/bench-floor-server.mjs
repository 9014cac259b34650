#!/usr/bin/env node
/**
 * The floor for `npm run bench`: the cheapest useful transcript language server, doing the job the
 * way `../shared/bench/floor-server.cjs` does it (see its README), written here so that the repo
 * stands alone. It takes **incremental** text sync, as our server does, and on every change splits
 * the whole document into lines, tests one timestamp pattern per line, and publishes a warning,
 * for that version, for each stamp earlier than the stamp before it. It answers the outline,
 * hovers and code actions with next to nothing, so that a client asking for them is not refused.
 * Our server's figures are divided by this one's, measured in the same run.
 *
 *   node scripts/bench-floor-server.mjs --stdio
 *
 * As a module, `floorDiagnostics(text)` is the same work in-process, for the in-process ratios.
 */
import { pathToFileURL } from 'node:url';

/** A stamp such as `[00:09:53]`: exactly two digits in each of three fields, as the shared floor reads them. */
const STAMP = /\[(\d\d:\d\d:\d\d)\]/;

/**
 * One warning per stamp earlier than the stamp before it. Stamps of this one shape compare as
 * strings in the order of time, so no parsing of numbers is needed.
 * @param {string} text
 */
export function floorDiagnostics(text) {
  /** @type {import('vscode-languageserver/node.js').Diagnostic[]} */
  const diagnostics = [];
  const lines = text.split('\n');
  let previous = '';
  for (let line = 0; line < lines.length; line++) {
    const match = STAMP.exec(lines[line]);
    if (match === null) continue;
    const stamp = match[1];
    if (stamp < previous) {
      diagnostics.push({
        range: { start: { line, character: match.index }, end: { line, character: match.index + 10 } },
        message: 'backwards',
        code: 'timestamp-order',
        severity: 2,
      });
    }
    previous = stamp;
  }
  return diagnostics;
}

async function serve() {
  const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = await import('vscode-languageserver/node.js');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: true,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] },
    },
    serverInfo: { name: 'bench-floor-server' },
  }));
  // Published on every change, with no queueing: the client waits for each version anyway.
  documents.onDidChangeContent(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: floorDiagnostics(document.getText()) });
  });
  connection.onDocumentSymbol(() => []);
  connection.onHover(() => ({ contents: 'a transcript' }));
  connection.onCodeAction(({ textDocument, context }) => {
    if (!context.only?.includes('source.fixAll')) return [];
    const start = { line: 0, character: 0 };
    return [
      {
        title: 'Fix all',
        kind: 'source.fixAll.transcript',
        edit: { changes: { [textDocument.uri]: [{ range: { start, end: start }, newText: '' }] } },
      },
    ];
  });
  documents.listen(connection);
  connection.listen();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
