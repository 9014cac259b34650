import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, bounded, openTranscript, setTranscriptSetting } from '../helpers';

suite('Outline and folding', () => {
  test('the outline has one symbol per chunk and one child per turn, at the turn headers', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(Array.isArray(symbols), 'the document symbol provider answered');

    assert.deepEqual(
      symbols.map((chunk) => chunk.name.split(' (')[0]),
      ['Chunk 1', 'Chunk 2'],
    );
    assert.deepEqual(
      symbols.map((chunk) => chunk.children.map((turn) => turn.selectionRange.start.line)),
      [
        [0, 3, 6],
        [11, 14, 17],
      ],
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
    assert.deepEqual(
      symbols.map((chunk) => [chunk.range.start.line, chunk.range.end.line]),
      [
        [0, 9],
        [11, 20],
      ],
    );
  });

  test('chunks and multi-line turns fold', async () => {
    // The editor keeps one fold per start line, so a chunk's first turn folds with its chunk.
    const { document } = await openTranscript('debate-opening.transcript');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(Array.isArray(ranges), 'the folding range provider answered');
    const folds = ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0]! - b[0]! || b[1]! - a[1]!);
    assert.deepEqual(folds, [
      [0, 9],
      [3, 4],
      [6, 7],
      [11, 20],
      [14, 15],
      [17, 18],
    ]);
  });

  test('an outline longer than transcript.outline.maxItems lists the first items, and the language status says so', async () => {
    // 150 turns in one chunk: 151 outline items, over the lowest limit the setting allows.
    const turns = Array.from({ length: 150 }, (_, i) => `Speaker ${(i % 3) + 1}: Turn number ${i + 1} of a long talk.`);
    const document = await vscode.workspace.openTextDocument({ language: 'transcript', content: turns.join('\n') });
    await vscode.window.showTextDocument(document);
    const api = (await activeExtension()) as unknown as {
      outlineLimit: {
        limitOf(uri: vscode.Uri): { shown: number; total: number } | undefined;
        statusText(): string | undefined;
        onDidChange: vscode.Event<vscode.Uri>;
      };
    };
    const reported = (wanted: (limit: { shown: number; total: number } | undefined) => boolean, what: string) =>
      bounded(
        new Promise<void>((resolve) => {
          const listener = api.outlineLimit.onDidChange((uri) => {
            if (uri.toString() !== document.uri.toString() || !wanted(api.outlineLimit.limitOf(uri))) return;
            listener.dispose();
            resolve();
          });
        }),
        15_000,
        what,
      );
    // The editor keeps an outline per document version, so the document changes before each ask.
    const outline = async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(document.getText().length), ' ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    };
    const items = (symbols: readonly vscode.DocumentSymbol[]) => symbols.reduce((sum, chunk) => sum + 1 + chunk.children.length, 0);
    try {
      await setTranscriptSetting('outline.maxItems', 100);
      const cut = reported((limit) => limit?.shown === 100, 'the outline to be reported cut short');
      assert.equal(items(await outline()), 100);
      await cut;
      assert.deepEqual(api.outlineLimit.limitOf(document.uri), { shown: 100, total: 151 });
      assert.match(api.outlineLimit.statusText() ?? '', /first 100 of 151/);
    } finally {
      await setTranscriptSetting('outline.maxItems', undefined);
    }
    const whole = reported((limit) => limit === undefined, 'the outline to be reported whole again');
    assert.equal(items(await outline()), 151);
    await whole;
    assert.equal(api.outlineLimit.statusText(), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
