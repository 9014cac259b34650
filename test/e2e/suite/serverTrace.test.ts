import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { activeExtension, bounded, openTranscript, setTranscriptSetting } from '../helpers';

/*
 * Issue 7: the server's messages go to a "Transcript Language Server" output channel, and the
 * `transcript.trace.server` setting traces the protocol there. vscode-languageclient reads
 * `<client id>.trace.server`; this checks that the id and the setting agree, by watching what the
 * client writes to the channel while the setting is on and off.
 */

suite('Server output and trace', () => {
  test('transcript.trace.server traces requests to the Transcript Language Server channel, and off stops it', async () => {
    const api = (await activeExtension()) as unknown as TranscriptExtensionApi;
    const { document } = await openTranscript('debate-opening.transcript');
    const channel = api.client.traceOutputChannel;
    assert.equal(channel.name, 'Transcript Language Server');

    const written: string[] = [];
    const appendLine = channel.appendLine.bind(channel);
    const append = channel.append.bind(channel);
    channel.appendLine = (line: string) => {
      written.push(line);
      appendLine(line);
    };
    channel.append = (text: string) => {
      written.push(text);
      append(text);
    };
    // Hover, because the editor asks the server every time: outlines may come from its cache.
    const hover = () =>
      bounded(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1))),
        15_000,
        'a hover',
      );
    try {
      await setTranscriptSetting('trace.server', 'messages');
      await hover();
      assert.ok(
        written.some((line) => /Sending request 'textDocument\/hover/.test(line)),
        `traced: ${written.join(' | ') || 'nothing'}`,
      );
      assert.ok(
        written.some((line) => /Received response 'textDocument\/hover/.test(line)),
        'the response is traced too',
      );

      await setTranscriptSetting('trace.server', 'off');
      written.length = 0;
      await hover();
      assert.deepEqual(
        written.filter((line) => /textDocument\/hover/.test(line)),
        [],
        'nothing is traced once the setting is off',
      );
    } finally {
      channel.appendLine = appendLine;
      channel.append = append;
      await setTranscriptSetting('trace.server', undefined);
    }
  });
});
