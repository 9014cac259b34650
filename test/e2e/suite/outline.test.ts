import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openTranscript } from '../helpers';

suite('Outline and folding', () => {
  test('the outline has one symbol per chunk and one child per turn, at the turn headers', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(Array.isArray(symbols), 'the document symbol provider answered');

    assert.deepEqual(symbols.map((chunk) => chunk.name.split(' (')[0]), ['Chunk 1', 'Chunk 2']);
    assert.deepEqual(
      symbols.map((chunk) => chunk.children.map((turn) => turn.selectionRange.start.line)),
      [[0, 3, 6], [11, 14, 17]],
    );
    const firstChunkTurns = symbols[0]!.children.map((turn) => turn.name);
    assert.match(firstChunkTurns[0]!, /Lester Holt/);
    assert.match(firstChunkTurns[1]!, /Hillary Clinton/);
    // The second chunk is stamped: its name carries the time span, its turns their times.
    assert.match(symbols[1]!.name, /00:01:05.*00:02:15/);
    assert.match(symbols[1]!.children[1]!.name, /^00:01:40 Speaker 2/);
    // A turn's sentiment shows beside it in the outline.
    assert.equal(symbols[1]!.children[1]!.detail, 'Negative');
    // Each chunk's range covers its turns and its closing marker.
    assert.deepEqual(symbols.map((chunk) => [chunk.range.start.line, chunk.range.end.line]), [[0, 9], [11, 20]]);
  });

  test('chunks and multi-line turns fold', async () => {
    // The editor keeps one fold per start line, so a chunk's first turn folds with its chunk.
    const { document } = await openTranscript('debate-opening.transcript');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(Array.isArray(ranges), 'the folding range provider answered');
    const folds = ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0]! - b[0]! || b[1]! - a[1]!);
    assert.deepEqual(folds, [
      [0, 9], [3, 4], [6, 7],
      [11, 20], [14, 15], [17, 18],
    ]);
  });
});
