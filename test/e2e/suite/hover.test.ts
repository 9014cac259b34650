import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeRange, openTranscript, waitForDiagnostics } from '../helpers';

/** The hovers at a position, as the editor would show them: their markdown and range. */
async function hoversAt(uri: vscode.Uri, line: number, character: number): Promise<{ text: string; range: string }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers.map((hover) => ({
    text: hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n'),
    range: hover.range ? describeRange(hover.range) : 'none',
  }));
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1, `exactly one hover: ${JSON.stringify(items)}`);
  return items[0]!;
}

suite('Hovers', () => {
  test("a sentiment label explains its polarity and the speaker's sentiment mix", async () => {
    const { document } = await openTranscript('sentiment-labels.transcript');
    const mixed = only(await hoversAt(document.uri, 1, 14));
    assert.equal(mixed.range, '1:0-1:42', 'the hover covers the whole sentiment note');
    assert.match(mixed.text, /Mixed\*\* sentiment/);
    assert.match(mixed.text, /Frustrated turning into Hopeful/);
    assert.match(mixed.text, /words of both polarities \(“frustrated”, “hopeful”\)/);
    assert.match(mixed.text, /Speaker 1\*\*: 2 sentiment notes in chunk 1: 1 positive \(50 %\) · 1 mixed \(50 %\)/);
    // Marks any font has: no emoji that a machine without an emoji font shows as boxes.
    assert.doesNotMatch(mixed.text, /\p{Extended_Pictographic}/u);

    const keyword = only(await hoversAt(document.uri, 4, 13));
    assert.match(keyword.text, /Positive\*\* sentiment/);
    assert.match(keyword.text, /Read as \*\*positive\*\* from “determined”/);
  });

  test("a plain label is not repeated back: the hover gives the speaker's notes where they speak", async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const hover = only(await hoversAt(document.uri, 1, 13));
    assert.equal(hover.range, '1:0-1:19');
    assert.match(hover.text, /\+ Positive\*\* sentiment/);
    assert.doesNotMatch(hover.text, /Read as|^> /m);
    // Lester Holt is the moderator of both his turns, both in chunk 1.
    assert.match(hover.text, /Lester Holt\*\*: 2 sentiment notes in chunk 1: 2 positive \(100 %\)/);
  });

  test('a stamp that goes backwards: the hover gives the time and leaves the gap to the warning shown with it', async () => {
    const { document } = await openTranscript('debate-checks.transcript');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'timestamp-order'), 'the backwards stamp');
    assert.match(diagnostics.find((d) => codeOf(d) === 'timestamp-order')!.message, /13 s earlier than 00:10:31/);
    const hover = only(await hoversAt(document.uri, 6, 4));
    assert.equal(hover.range, '6:0-6:10');
    assert.equal(hover.text, '**00:10:18** (618 s from the start)');
  });

  test('plain speech has no hover', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const text = document.lineAt(11).text;
    const inSpeech = text.indexOf('central question');
    assert.ok(inSpeech > 0, 'line 12 is the turn with "central question"');
    assert.deepEqual(await hoversAt(document.uri, 11, inSpeech + 3), []);
  });
});
