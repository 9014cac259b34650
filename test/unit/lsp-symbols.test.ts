import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { startBuiltServer, type BuiltServer } from './builtServer';

/*
 * What the editor builds out of the server's symbols: the outline's tooltip is the name and the
 * kind's name in parentheses, and Go to Symbol in Workspace shows the container name followed by
 * the file's path, which it adds itself.
 */

const TRANSCRIPT = [
  '[00:00:01] Speaker 1: Welcome back to the show.',
  'Sentiment: Positive',
  '[00:00:04] Speaker 2: Glad to be here.',
  'Sentiment: Positive',
  'This chunk continues in the next part.',
  '[00:00:09] Speaker 1: Let us start with the news.',
  'Sentiment: Neutral',
  '',
].join('\n');
const URI = 'file:///talks/morning-show.transcript';

/** The names VS Code gives symbol kinds in the outline's tooltips (`symbolKindNames`), for the kinds that matter here. */
const KIND_NAMES: Partial<Record<SymbolKind, string>> = {
  [SymbolKind.Module]: 'module',
  [SymbolKind.Namespace]: 'namespace',
  [SymbolKind.String]: 'string',
  [SymbolKind.Event]: 'event',
  [SymbolKind.Constant]: 'constant',
};

let server: BuiltServer;

before(async () => {
  server = await startBuiltServer();
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'transcript', version: 1, text: TRANSCRIPT },
  });
});

after(() => server.stop());

test('outline tooltips read as a part and an event of the talk, not as code (no "(string)", no "(namespace)")', async () => {
  const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  const tooltip = (symbol: DocumentSymbol) => `${symbol.name} (${KIND_NAMES[symbol.kind] ?? `kind ${symbol.kind}`})`;
  assert.equal(tooltip(symbols[0]!), 'Chunk 1 (00:00:01–00:00:04) (module)');
  assert.equal(tooltip(symbols[0]!.children![0]!), '00:00:01 Speaker 1: Welcome back to the show. (event)');
});

test('a workspace symbol does not name its file: the editor shows the path after it', async () => {
  const symbols = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'speaker' });
  assert.ok(symbols.length > 0, 'the speakers are found');
  for (const symbol of symbols) {
    assert.equal(symbol.location.uri, URI);
    assert.doesNotMatch(symbol.containerName ?? '', /morning-show/, `${symbol.name}: ${symbol.containerName}`);
  }
  assert.deepEqual(
    symbols.map((s) => `${s.name} · ${s.containerName}`),
    ['Speaker 1 · chunk 1 · 1 turn', 'Speaker 2 · chunk 1 · 1 turn', 'Speaker 1 · chunk 2 · 1 turn'],
  );
});

test('a chunk without turns is in the outline the server sends, named and placed at its marker', async () => {
  const uri = 'untitled:empty-chunk';
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri,
      languageId: 'transcript',
      version: 1,
      text: [
        '[00:00:01] Speaker 1: Hello.',
        'This chunk continues in the next part.',
        'This chunk continues in the next part.',
        '[00:00:05] Speaker 1: Again.',
      ].join('\n'),
    },
  });
  const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((chunk) => [chunk.name, chunk.detail, chunk.children?.length ?? 0, chunk.selectionRange.start.line]),
    [
      ['Chunk 1 (00:00:01)', '1 turn · speakers of this chunk: Speaker 1', 1, 0],
      ['Chunk 2 (no times)', '0 turns', 0, 2],
      ['Chunk 3 (00:00:05)', '1 turn · speakers of this chunk: Speaker 1', 1, 3],
    ],
  );
});
