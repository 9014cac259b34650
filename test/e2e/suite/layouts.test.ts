import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  describeDiagnostics,
  describeRange,
  openSubtitleAsTranscript,
  openTranscript,
  waitForDiagnostics,
  waitForSomeDiagnostics,
} from '../helpers';

/*
 * Layouts other tools write (docs/format.md, "Layouts"), read in the real editor: a Rev
 * transcript saved as `.transcript`, and a WebVTT file opened with Open as Transcript. Each has
 * one stamp that goes backwards. Both files are invented.
 */

/** The hovers at a position, as the editor would show them: their markdown and range. */
async function hoversAt(uri: vscode.Uri, line: number, character: number): Promise<{ text: string; range: string }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers.map((hover) => ({
    text: hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n'),
    range: hover.range ? describeRange(hover.range) : 'none',
  }));
}

async function outlineOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  assert.ok(Array.isArray(symbols), 'the document symbol provider answered');
  return symbols;
}

suite('Layouts', () => {
  test('a Rev transcript: its turns in the outline, the backwards stamp warned at its line, and a hover on the stamp', async () => {
    const { document } = await openTranscript('repair-cafe.transcript');
    assert.equal(document.languageId, 'transcript');

    // The title and description above the first turn are the preamble: no problem there.
    const diagnostics = await waitForSomeDiagnostics(document.uri);
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), describeRange(d.range)]),
      [['timestamp-order', '12:12-12:22']],
      describeDiagnostics(diagnostics),
    );
    const [order] = diagnostics;
    assert.equal(document.getText(order!.range), '(00:00:33)');
    assert.equal(order!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(order!.message, /00:00:33 is 8 s earlier than 00:00:41/);
    assert.deepEqual(
      order!.relatedInformation?.map((r) => describeRange(r.location.range)),
      ['9:0-9:10'],
      'the backwards stamp points at the continuation stamp it contradicts',
    );

    const symbols = await outlineOf(document.uri);
    assert.deepEqual(
      symbols.map((chunk) => chunk.name),
      ['Chunk 1 (00:00:04–00:01:02)'],
    );
    const [chunk] = symbols;
    assert.match(chunk!.detail, /5 turns · speakers of this chunk: Lena Brandt, Osei Mensah/);
    // One turn per header, at its line, named by its time, its speaker and the start of its text.
    assert.deepEqual(
      chunk!.children.map((turn) => [turn.selectionRange.start.line, turn.name]),
      [
        [3, '00:00:04 Lena Brandt: So the toaster that came in last month, did it…'],
        [6, '00:00:19 Osei Mensah: It did. The thermal fuse had gone, and the new…'],
        // `(00:00:41):` alone goes on with the speaker before it.
        [9, '00:00:41 Osei Mensah: The owner wanted to pay us for the whole…'],
        [12, '00:00:33 Lena Brandt: Then the lamp is next. Who has the soldering…'],
        [15, '00:01:02 Osei Mensah: It is in the blue box under the table.'],
      ],
    );

    const hovers = await hoversAt(document.uri, 12, 15);
    assert.equal(hovers.length, 1, JSON.stringify(hovers));
    assert.equal(hovers[0]!.range, '12:12-12:22', 'the hover covers the stamp in its parentheses');
    // The time; the gap is the warning's to say, which the editor shows in the same hover.
    assert.equal(hovers[0]!.text, '**00:00:33** (33 s from the start)');
  });

  test('a WebVTT file opened as a transcript: its cues and voices in the outline, the backwards cue warned, and a hover on its start', async () => {
    const document = await openSubtitleAsTranscript('garden-visit.vtt');
    const { uri } = document;

    // The header, STYLE and NOTE blocks and the cue ids are neither turns nor problems.
    const diagnostics = await waitForDiagnostics(
      uri,
      (found) => found.some((d) => codeOf(d) === 'timestamp-order'),
      'the backwards cue to be reported',
    );
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), describeRange(d.range)]),
      [['timestamp-order', '22:0-22:12']],
      describeDiagnostics(diagnostics),
    );
    assert.equal(document.getText(diagnostics[0]!.range), '00:00:03.000');
    assert.match(diagnostics[0]!.message, /earlier than 00:00:05\.100/);

    const symbols = await outlineOf(uri);
    assert.equal(symbols.length, 1);
    assert.match(symbols[0]!.detail, /4 turns · speakers of this chunk: Dana Reyes, Tomasz Wolny, Priya Natarajan/);
    const turns = symbols[0]!.children;
    // One turn per cue, at its timing line, each named by its voice: `<v …>`, `Name:` or `[Name]`.
    assert.deepEqual(
      turns.map((turn) => turn.selectionRange.start.line),
      [11, 16, 22, 26],
    );
    assert.match(turns[0]!.name, /^00:00:01\.200 Dana Reyes: Okay, we're recording\. This corner/);
    assert.match(turns[1]!.name, /^00:00:05\.100 Tomasz Wolny: It floods, though\./);
    assert.match(turns[2]!.name, /^00:00:03 Priya Natarajan: A pond needs a fence/);
    assert.match(turns[3]!.name, /^00:00:13\.900 Dana Reyes: Then the shed goes by the gate\./);

    const hovers = await hoversAt(uri, 22, 4);
    assert.equal(hovers.length, 1, JSON.stringify(hovers));
    assert.equal(hovers[0]!.range, '22:0-22:12');
    assert.equal(hovers[0]!.text, '**00:00:03** (3 s from the start)', 'the time, and the gap left to the warning beside it');
  });
});
