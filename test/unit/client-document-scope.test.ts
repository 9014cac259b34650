import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUsersDocument } from '../../client/src/documentScope';

/** What `vscode.workspace.fs.isWritableFileSystem` says in a window with the disk, a remote, a GitHub repository and Git. */
const fileSystems: Readonly<Record<string, boolean>> = { file: true, 'vscode-remote': true, 'vscode-vfs': true, git: false };
const isWritable = (scheme: string): boolean | undefined => fileSystems[scheme];

test("the user's documents: on disk, untitled, on a remote or virtual file system that can be written", () => {
  for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs']) assert.equal(isUsersDocument({ scheme }, isWritable), true, scheme);
});

test("not the user's: a diff's Git side, and previews served by a content provider (the Normalize preview)", () => {
  for (const scheme of ['git', 'transcript-normalized', 'transcript-stamp-fixes', 'output']) {
    assert.equal(isUsersDocument({ scheme }, isWritable), false, scheme);
  }
});
