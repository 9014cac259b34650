/*
 * Which documents are the user's: those the language server is given, checked and listed in the
 * Problems panel. Pure, with the editor's answer about file systems passed in, so it is
 * unit-tested without an editor.
 */

/**
 * True for a document a user edits: an untitled one, or one on a file system that can be written:
 * the disk, a remote machine (`vscode-remote`), a repository opened as a virtual workspace
 * (`vscode-vfs`), any file system an extension provides for the user's files. False for text
 * that only shows something: the other side of a diff (`git:`, a read-only file system), and
 * previews served by a content provider (this extension's Normalize preview among them), which
 * are no file system at all: checked, they listed each problem of a file twice.
 *
 * `isWritableFileSystem` is `vscode.workspace.fs.isWritableFileSystem`: `true` or `false` for a
 * file system, `undefined` for a scheme no file system serves.
 */
export function isUsersDocument(uri: { readonly scheme: string }, isWritableFileSystem: (scheme: string) => boolean | undefined): boolean {
  return uri.scheme === 'untitled' || isWritableFileSystem(uri.scheme) === true;
}
