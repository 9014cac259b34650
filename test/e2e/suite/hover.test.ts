import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeRange, openTranscript } from '../helpers';

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
    assert.match(mixed.text, /Speaker 1\*\* across the transcript: 🟢 Positive 1 \(50 %\) · 🟡 Mixed 1 \(50 %\)/);

    const keyword = only(await hoversAt(document.uri, 4, 13));
    assert.match(keyword.text, /Positive\*\* sentiment/);
    assert.match(keyword.text, /Read as \*\*positive\*\* from “determined”/);
  });

  test('a plain label needs no explanation: polarity and the speaker across the transcript', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const hover = only(await hoversAt(document.uri, 1, 13));
    assert.equal(hover.range, '1:0-1:19');
    assert.match(hover.text, /Positive\*\* sentiment/);
    assert.doesNotMatch(hover.text, /Read as/);
    // Lester Holt is the moderator of both his turns; the label in this chunk is "Moderator".
    assert.match(hover.text, /Lester Holt\*\* across the transcript: 🟢 Positive 2 \(100 %\)/);
  });

  test('a stamp that goes backwards says so on hover', async () => {
    const { document } = await openTranscript('debate-checks.transcript');
    const hover = only(await hoversAt(document.uri, 6, 4));
    assert.equal(hover.range, '6:0-6:10');
    assert.match(hover.text, /13 s \*\*before\*\* the previous stamp 00:10:31 \(line 4\)/);
    assert.match(hover.text, /Out of order/);
  });

  test('plain speech has no hover', async () => {
    const { document } = await openTranscript('debate-opening.transcript');
    const text = document.lineAt(11).text;
    const inSpeech = text.indexOf('central question');
    assert.ok(inSpeech > 0, 'line 12 is the turn with "central question"');
    assert.deepEqual(await hoversAt(document.uri, 11, inSpeech + 3), []);
  });
});
