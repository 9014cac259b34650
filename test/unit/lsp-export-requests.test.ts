import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { startBuiltServer, type BuiltServer } from './builtServer';
import { ExportRequest, NormalizeRequest, type ExportFormat } from '../../protocol';
import { exportTranscript, normalizedContentDiff, normalizeTranscript } from '../../server/src/service/export';

/*
 * `transcript/export` and `transcript/normalize`, which the editor's Export and Normalize commands
 * send: the built server, driven over stdio as the extension drives it, must answer for the text
 * it holds after the edits the user has not saved, with the bytes the CLI's functions give for
 * that text, and say plainly when there is nothing to export or normalize.
 */

/** Two stamped turns in the `Label: [time]` form, which normalizing rewrites stamp first. */
const TRANSCRIPT = ['Ana Lima: [00:00:01] Welcome back to the show.', 'Sentiment: Positive', '', 'Ravi Menon: [00:00:04] Glad to be here.', ''].join(
  '\n',
);
/** What the user types and has not saved: a third turn. */
const ADDED_TURN = 'Ana Lima: [00:00:09] Let us start with the news. (Curious)\n';

let server: BuiltServer;
let connection: ProtocolConnection;

before(async () => {
  server = await startBuiltServer();
  connection = server.connection;
});

after(() => server.stop());

async function open(uri: string, text: string): Promise<void> {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
}

/** Types `text` at the end of `before`, a document's text that ends with a line break. */
async function append(uri: string, version: number, before: string, text: string): Promise<void> {
  const at = { line: before.split('\n').length - 1, character: 0 };
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: at }, text }],
  });
}

async function replaceAll(uri: string, version: number, text: string): Promise<void> {
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

describe('transcript/export', () => {
  test('exports the text with its unsaved edits, in every format, as the CLI would, titled after the file', async () => {
    const uri = 'file:///talks/Panel%20Q%26A.transcript.txt';
    await open(uri, TRANSCRIPT);
    await append(uri, 2, TRANSCRIPT, ADDED_TURN);
    const edited = TRANSCRIPT + ADDED_TURN;
    const expected: Record<ExportFormat, { label: string; extension: string }> = {
      vtt: { label: 'WebVTT', extension: 'vtt' },
      srt: { label: 'SRT', extension: 'srt' },
      json: { label: 'JSON', extension: 'json' },
      md: { label: 'Markdown', extension: 'md' },
    };
    for (const [format, { label, extension }] of Object.entries(expected) as Array<[ExportFormat, { label: string; extension: string }]>) {
      const result = await connection.sendRequest(ExportRequest, { uri, format });
      assert.deepEqual(
        result,
        {
          outcome: 'exported',
          text: exportTranscript(edited, format, { title: 'Panel Q&A' }),
          title: 'Panel Q&A',
          label,
          extension,
          // Every turn has a stamp, and they go forward: nothing to say.
          notes: [],
          untimedLeftOut: false,
        },
        format,
      );
    }
    const vtt = await connection.sendRequest(ExportRequest, { uri, format: 'vtt' });
    assert.ok(vtt?.outcome === 'exported' && vtt.text.includes('<v Ana Lima>Let us start with the news.'), 'the unsaved turn is exported');
  });

  test('an untitled document is titled with the name the editor shows for it', async () => {
    const uri = 'untitled:Untitled-1';
    await open(uri, TRANSCRIPT);
    const result = await connection.sendRequest(ExportRequest, { uri, format: 'md' });
    assert.equal(result?.outcome === 'exported' && result.title, 'Untitled-1');
    assert.ok(result?.outcome === 'exported' && result.text.startsWith('# Untitled-1\n'), 'the Markdown title');
  });

  test('text with no speaker turn is not a transcript; a document the server does not hold gets null; an unknown format is refused', async () => {
    const uri = 'file:///notes/shopping.transcript';
    await open(uri, 'Milk, eggs and bread.\n');
    assert.deepEqual(await connection.sendRequest(ExportRequest, { uri, format: 'srt' }), { outcome: 'not-a-transcript' });
    assert.equal(await connection.sendRequest(ExportRequest, { uri: 'file:///never/opened.transcript', format: 'srt' }), null);
    await assert.rejects(
      connection.sendRequest(ExportRequest, { uri, format: 'docx' as ExportFormat }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && /docx/.test(error.message),
    );
  });
});

describe('transcript/normalize', () => {
  test('normalizes the text with its unsaved edits, names the version it read, and once applied has nothing left to do', async () => {
    const uri = 'file:///talks/normalize-me.transcript';
    await open(uri, TRANSCRIPT);
    await append(uri, 2, TRANSCRIPT, ADDED_TURN);
    const edited = TRANSCRIPT + ADDED_TURN;
    const normalized = normalizeTranscript(edited);
    assert.notEqual(normalized, edited);
    assert.deepEqual(await connection.sendRequest(NormalizeRequest, { uri }), { version: 2, outcome: 'normalized', text: normalized });

    await replaceAll(uri, 3, normalized);
    assert.deepEqual(await connection.sendRequest(NormalizeRequest, { uri }), { version: 3, outcome: 'already-normalized' });
  });

  test('a rewrite that would change what the transcript says is refused with the difference, not offered', async () => {
    const uri = 'file:///talks/cannot-normalize.transcript';
    // A middle line that keeps a note-like ending the format cannot escape (docs/cli.md).
    const text = 'Speaker 1: first (Positive) (Negative)\n  second line\n';
    await open(uri, text);
    const difference = normalizedContentDiff(text, normalizeTranscript(text));
    assert.ok(difference);
    assert.deepEqual(await connection.sendRequest(NormalizeRequest, { uri }), { version: 1, outcome: 'would-change-content', difference });
  });

  test('text with no speaker turn is not a transcript, and a document the server does not hold gets null', async () => {
    const uri = 'file:///notes/todo.transcript';
    await open(uri, 'Buy milk and eggs.\n');
    assert.deepEqual(await connection.sendRequest(NormalizeRequest, { uri }), { version: 1, outcome: 'not-a-transcript' });
    assert.equal(await connection.sendRequest(NormalizeRequest, { uri: 'file:///never/opened.transcript' }), null);
  });
});
