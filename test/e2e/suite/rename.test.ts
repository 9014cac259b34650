import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeRange, openTranscriptCopy, setTranscriptSetting } from '../helpers';

/*
 * debate-checks.transcript: chunk 1 has Speaker 1 on lines 0 and 6 and Speaker 2 on line 3;
 * chunk 2 has Speaker 1 on lines 11 and 17 and Speaker 2 on line 14. Labels restart per chunk.
 */

async function renameEdit(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
    'vscode.executeDocumentRenameProvider',
    document.uri,
    position,
    newName,
  );
  assert.ok(edit, 'the rename provider answered');
  return edit;
}

function editedRanges(edit: vscode.WorkspaceEdit, document: vscode.TextDocument): string[] {
  return edit.get(document.uri).map((e) => `${describeRange(e.range)}=${e.newText}`);
}

function labelsAt(document: vscode.TextDocument, lines: readonly number[]): string[] {
  return lines.map((line) => /^\[[^\]]*\] ([^:]+):/.exec(document.lineAt(line).text)?.[1] ?? '?');
}

suite('Rename', () => {
  test('renaming a speaker label edits every turn of that speaker in the chunk, and nothing else', async () => {
    const { document } = await openTranscriptCopy('debate-checks.transcript');
    const edit = await renameEdit(document, new vscode.Position(0, 13), 'Hillary Clinton');
    assert.deepEqual(editedRanges(edit, document), ['0:11-0:20=Hillary Clinton', '6:11-6:20=Hillary Clinton']);

    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.deepEqual(labelsAt(document, [0, 3, 6, 11, 14, 17]), [
      'Hillary Clinton',
      'Speaker 2',
      'Hillary Clinton',
      'Speaker 1',
      'Speaker 2',
      'Speaker 1',
    ]);
  });

  test('with transcript.rename.scope set to document, the label changes in every chunk', async () => {
    const { document } = await openTranscriptCopy('debate-checks.transcript');
    try {
      await setTranscriptSetting('rename.scope', 'document');
      const edit = await renameEdit(document, new vscode.Position(3, 13), 'Donald Trump');
      assert.deepEqual(editedRanges(edit, document), ['3:11-3:20=Donald Trump', '14:11-14:20=Donald Trump']);
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.deepEqual(labelsAt(document, [0, 3, 6, 11, 14, 17]), [
        'Speaker 1',
        'Donald Trump',
        'Speaker 1',
        'Speaker 1',
        'Donald Trump',
        'Speaker 1',
      ]);
    } finally {
      await setTranscriptSetting('rename.scope', undefined);
    }
  });

  test('renaming the name of a cast turn edits that name in each of its turns', async () => {
    const { document } = await openTranscriptCopy('debate-opening.transcript');
    const edit = await renameEdit(document, new vscode.Position(0, 14), 'Lester H. Holt');
    assert.deepEqual(editedRanges(edit, document), ['0:11-0:22=Lester H. Holt', '6:11-6:22=Lester H. Holt']);
  });

  test('Find All References lists exactly the places rename edits, the cast line included', async () => {
    const { document } = await openTranscriptCopy('debate-opening.transcript');
    const position = new vscode.Position(6, 14);
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
    const edit = await renameEdit(document, position, 'Lester H. Holt');
    assert.deepEqual(
      editedRanges(edit, document),
      found.map((location) => `${describeRange(location.range)}=Lester H. Holt`),
    );
  });

  test('rename is refused on a sentiment note, which names no speaker', async () => {
    const { document } = await openTranscriptCopy('debate-opening.transcript');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, new vscode.Position(1, 3))),
      /can't be renamed/,
    );
  });

  test('F2 with a name that would change how the turns read is refused, saying why, and the text is left as it was', async () => {
    const { document } = await openTranscriptCopy('debate-checks.transcript');
    const before = document.getText();
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(0, 13), 'Bad: Name')),
      /“Bad: Name” would change how the text reads/,
    );
    assert.equal(document.getText(), before);
  });
});
