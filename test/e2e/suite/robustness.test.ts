import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { activeExtension, bounded, EXTENSION_ID, waitForDiagnostics } from '../helpers';

/*
 * Bad or big input must never take the language server down: a user who opens the wrong file,
 * or a four-hour recording, still gets an editor that answers.
 */

const SAMPLE = path.join(__dirname, '..', '..', '..', '..', 'sample', 'debate-2016.transcript');

async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'transcript', content });
  await vscode.window.showTextDocument(document);
  await activeExtension();
  return document;
}

async function outline(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const symbols = await bounded(
    vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
    30_000,
    'the outline',
  );
  assert.ok(Array.isArray(symbols), 'the document symbol provider answered');
  return symbols;
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(2);
}

function clientState(): State {
  const extension = vscode.extensions.getExtension<TranscriptExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive);
  return extension.exports.client.state;
}

suite('Robustness', () => {
  test('text that is no transcript at all gets answers, and the server keeps running', async () => {
    const hostile = [
      '\uD800 lone high surrogate \uDC00 and a lone low one',
      '[00:75:00]] [[[[]]]] [:] [1:2:3:4:5:6] Speaker: Speaker: Speaker:',
      'Sentiment:',
      '(Sentiment: )',
      `${'['.repeat(5000)}${'0'.repeat(5000)}`,
      'x'.repeat(100_000),
      '\u0000\u0001\u0002 control characters\r\r\rold Mac line ends\r',
      '"unterminated quote that never ends',
    ].join('\n');
    const document = await openUntitled(hostile);
    await outline(document);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(Array.isArray(folds), 'the folding provider answered');
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, 'the findings in the hostile text', 30_000);
    assert.equal(clientState(), State.Running, 'the language server is still running');

    // And the next, ordinary transcript is served as usual.
    const ordinary = await openUntitled('[00:00:01] Speaker 1: Hello.\n[00:99:00] Speaker 2: Hi.\n');
    await waitForDiagnostics(ordinary.uri, (diagnostics) => diagnostics.length > 0, 'the malformed stamp');
    assert.equal((await outline(ordinary)).length, 1);
  });

  test('a transcript of a megabyte gets its full outline and its diagnostics', async () => {
    const sample = readFileSync(SAMPLE, 'utf8');
    const sampleChunks = (await outline(await openUntitled(sample))).length;
    assert.ok(sampleChunks > 1, 'the sample has chunks');
    const copies = Math.ceil(1_000_000 / sample.length);
    // The sample ends with its last chunk's marker, so copies follow one another as chunks do.
    const big = Array.from({ length: copies }, () => sample.trimEnd()).join('\n\n');

    const document = await openUntitled(big);
    // The problems of its first part come first, then those of the whole check.
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.length >= copies, 'the diagnostics of the whole big transcript', 60_000);
    assert.ok(diagnostics.length >= copies, `every copy's findings are reported (${diagnostics.length} for ${copies} copies)`);
    assert.equal((await outline(document)).length, sampleChunks * copies);
    assert.equal(clientState(), State.Running);
  });

  test('a transcript of 3 MB shows its first problems soon after it opens (the times are logged, not asserted)', async () => {
    const sample = readFileSync(SAMPLE, 'utf8').trimEnd();
    const copies = Math.ceil(3_000_000 / sample.length);
    const big = Array.from({ length: copies }, () => sample).join('\n\n');
    const megabytes = (big.length / 1e6).toFixed(1);
    await activeExtension();

    // As a user opens it: a file from disk, from the command that opens it to the first of its
    // problems in the editor's list (the editor reads the file, the text goes to the server, the
    // server checks it, the problems come back).
    const folder = mkdtempSync(path.join(os.tmpdir(), 'transcript-big-'));
    try {
      // The editor's own part: the same text as a log file, which no language server reads, from
      // the command that opens it to the editor showing it. Timed before the transcript and after.
      const openLog = async (name: string) => {
        const log = vscode.Uri.file(path.join(folder, name));
        writeFileSync(log.fsPath, big);
        const opening = performance.now();
        await vscode.commands.executeCommand('vscode.open', log);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), log.toString(), 'the log file is in the editor');
        console.log(
          `[measure] the same ${megabytes} MB as a log file (no language server) was in an editor ${secondsSince(opening)} s after it was opened`,
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      };
      await openLog('three-megabytes-before.log');

      const file = vscode.Uri.file(path.join(folder, 'three-megabytes.transcript'));
      writeFileSync(file.fsPath, big);
      const started = performance.now();
      const fromFile = waitForDiagnostics(file, (ds) => ds.length > 0, 'the first problems of the 3 MB file', 60_000);
      await vscode.commands.executeCommand('vscode.open', file);
      const inEditor = secondsSince(started);
      const diagnostics = await fromFile;
      console.log(
        `[measure] a ${megabytes} MB transcript file showed its first ${diagnostics.length} problems ${secondsSince(started)} s after it was opened (in an editor at ${inEditor} s)`,
      );
      assert.ok(diagnostics.length > 0);
      // The whole check, which follows, is done before the next measure starts.
      await waitForDiagnostics(file, (ds) => ds.length > diagnostics.length, 'the whole check of the 3 MB file', 60_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await openLog('three-megabytes-after.log');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // The same text handed to the editor by an extension, as an untitled document: the editor
    // then makes the document from the extension's copy of the text before anything else.
    const started = performance.now();
    const document = await vscode.workspace.openTextDocument({ language: 'transcript', content: big });
    const made = secondsSince(started);
    const shown = waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the first problems of the 3 MB transcript', 60_000);
    await vscode.window.showTextDocument(document);
    const inEditor = secondsSince(started);
    const diagnostics = await shown;
    console.log(
      `[measure] a ${megabytes} MB untitled transcript showed its first ${diagnostics.length} problems ${secondsSince(started)} s after it was asked for (the document made at ${made} s, in an editor at ${inEditor} s)`,
    );
    assert.ok(diagnostics.length > 0);
    assert.equal(clientState(), State.Running);
  });
});
