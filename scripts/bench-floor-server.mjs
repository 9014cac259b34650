#!/usr/bin/env node
/**
 * The floor for `npm run bench`: the least a transcript language server can do. It receives the
 * whole document on every change (full text sync), splits it into lines once, tests one pattern
 * per line and publishes a diagnostic per match. Our server's figures are divided by this one's,
 * so a ratio near 1 means "as fast as merely reading the text", whatever the machine.
 *
 *   node scripts/bench-floor-server.mjs --stdio
 *
 * As a module, `floorDiagnostics(text)` is the same work in-process, for the in-process ratios.
 */
import { pathToFileURL } from 'node:url';

/** A timestamp such as `[00:09:53]` or `[1:02.5]`: the one pattern the floor looks for. */
const TIMESTAMP = /\[\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]/;
/** Enough to make publishing cost something, few enough that no client chokes on the list. */
const MAX_DIAGNOSTICS = 1000;

/**
 * One information diagnostic per line with a timestamp, at most `MAX_DIAGNOSTICS`.
 * @param {string} text
 */
export function floorDiagnostics(text) {
  const lines = text.split(/\r?\n/);
  /** @type {import('vscode-languageserver/node.js').Diagnostic[]} */
  const diagnostics = [];
  for (let line = 0; line < lines.length; line++) {
    const match = TIMESTAMP.exec(lines[line]);
    if (match === null || diagnostics.length >= MAX_DIAGNOSTICS) continue;
    diagnostics.push({
      range: { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } },
      severity: 3,
      source: 'floor',
      message: 'timestamp',
    });
  }
  return diagnostics;
}

async function serve() {
  const { createConnection, TextDocuments, TextDocumentSyncKind } = await import('vscode-languageserver/node.js');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const connection = createConnection();
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full } },
    serverInfo: { name: 'bench-floor-server' },
  }));
  // Published on every change, with no queueing: the client waits for each version anyway.
  documents.onDidChangeContent(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: floorDiagnostics(document.getText()) });
  });
  documents.onDidClose(({ document }) => void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
  documents.listen(connection);
  connection.listen();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
