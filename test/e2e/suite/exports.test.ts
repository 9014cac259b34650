import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { ExportRequest, NormalizeRequest, type ExportResult, type NormalizeResult } from '../../../protocol';
import { exportTranscript, normalizeTranscript } from '../../../server/src/service/export';
import { activeExtension, openTranscriptCopy } from '../helpers';

/*
 * The Export and Normalize commands ask the language server for the text they write
 * (`transcript/export`, `transcript/normalize`), through the extension's running client. The
 * server must answer for the editor's text as it is, unsaved edits included, with what the CLI's
 * functions give for that text. (The commands' save dialog and Apply question need a person.)
 * Requests go by method name: the request objects these tests could import come from another copy
 * of vscode-jsonrpc than the one bundled into the extension, which rejects them.
 */

/** Opens an untitled copy of a workspace transcript and changes a line in it, leaving it unsaved. */
async function editedCopy(): Promise<{ document: vscode.TextDocument; uri: string; client: TranscriptExtensionApi['client'] }> {
  const editor = await openTranscriptCopy('debate-opening.transcript');
  const { document } = editor;
  const line = document.lineAt(6);
  assert.equal(line.text, 'Moderator (Lester Holt): "Good luck to you."');
  assert.ok(await editor.edit((edit) => edit.insert(line.range.end.translate(0, -2), ' both')));
  assert.ok(document.isDirty && document.lineAt(6).text.includes('Good luck to you both.'));
  const api = (await activeExtension()) as unknown as TranscriptExtensionApi;
  return { document, uri: api.client.code2ProtocolConverter.asUri(document.uri), client: api.client };
}

suite('Export and normalize', () => {
  test("an export is made from the editor's text with its unsaved edits, titled as the editor names the document", async () => {
    const { document, uri, client } = await editedCopy();
    const title = document.uri.path;
    for (const format of ['json', 'md'] as const) {
      const result = await client.sendRequest<ExportResult | null>(ExportRequest.method, { uri, format });
      assert.ok(result?.outcome === 'exported', `${format}: ${JSON.stringify(result)}`);
      assert.equal(result.text, exportTranscript(document.getText(), format, { title }), format);
      assert.equal(result.title, title);
      assert.ok(result.text.includes('Good luck to you both.'), `${format} holds the unsaved edit`);
    }
  });

  test("normalizing gives the rewrite of the editor's text with its unsaved edits, for that version", async () => {
    const { document, uri, client } = await editedCopy();
    const result = await client.sendRequest<NormalizeResult | null>(NormalizeRequest.method, { uri });
    assert.deepEqual(result, { version: document.version, outcome: 'normalized', text: normalizeTranscript(document.getText()) });
    assert.ok(result?.outcome === 'normalized' && result.text.includes('Good luck to you both.'));
  });
});
