import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { activeExtension, bounded, codeOf, waitForDiagnostics, workspaceUri } from '../helpers';

/*
 * Issue 7: the manifest declares support for virtual workspaces, so a transcript that lives in no
 * file on disk (a remote repository, a `vscode-vfs:` folder) must get every feature. The test
 * serves one from an in-memory file system of its own under a scheme that is not `file`.
 */

const SCHEME = 'transcript-e2e-memfs';

const READ_ONLY_SCHEME = 'transcript-e2e-readonly';
const PREVIEW_SCHEME = 'transcript-e2e-preview';

/** Just enough of a file system to hold a few files at its root. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const content = this.files.get(uri.path);
    if (!content) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: content.byteLength };
  }

  readDirectory(): Array<[string, vscode.FileType]> {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const content = this.files.get(uri.path);
    if (!content) throw vscode.FileSystemError.FileNotFound(uri);
    return content;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const type = this.files.has(uri.path) ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created;
    this.files.set(uri.path, content);
    this.changed.fire([{ type, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const content = this.readFile(oldUri);
    this.files.delete(oldUri.path);
    this.files.set(newUri.path, content);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

suite('Virtual documents', () => {
  let fileSystem: MemoryFileSystem;
  let readOnlyFileSystem: MemoryFileSystem;
  let registrations: vscode.Disposable[];

  suiteSetup(() => {
    fileSystem = new MemoryFileSystem();
    readOnlyFileSystem = new MemoryFileSystem();
    registrations = [
      vscode.workspace.registerFileSystemProvider(SCHEME, fileSystem),
      // As Git serves the old side of a diff.
      vscode.workspace.registerFileSystemProvider(READ_ONLY_SCHEME, readOnlyFileSystem, { isReadonly: true }),
    ];
  });

  suiteTeardown(() => {
    for (const registration of registrations) registration.dispose();
    fileSystem.dispose();
    readOnlyFileSystem.dispose();
  });

  test("a diff's read-only side and a preview are not checked, so the Problems panel lists a file once", async () => {
    const content = await vscode.workspace.fs.readFile(workspaceUri('malformed-stamp.transcript'));
    // As the Normalize preview and the other previews of proposed changes are served.
    registrations.push(
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: () => new TextDecoder().decode(content) }),
    );
    readOnlyFileSystem.writeFile(vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: '/debate at HEAD.transcript' }), content);
    const api = (await activeExtension()) as unknown as TranscriptExtensionApi;
    for (const uri of [
      vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: '/debate normalized.transcript', query: '1' }),
      vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: '/debate at HEAD.transcript' }),
    ]) {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'transcript', uri.toString());
      // The server answers in the order it was told things: had it been given the document, it would have it now.
      const held = await api.client.sendRequest<unknown>('transcript/speakers', { uri: uri.toString() });
      assert.equal(held, null, `the server was given ${uri.toString()}`);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], uri.toString());
    }
  });

  test('a transcript on a file system other than the disk gets diagnostics, outline, hovers and speakers', async () => {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: '/debate in memory.transcript' });
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(workspaceUri('malformed-stamp.transcript')));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'transcript');
    const api = (await activeExtension()) as unknown as TranscriptExtensionApi;

    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'timestamp-malformed'), 'the malformed stamp');
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), d.range.start.line]),
      [['timestamp-malformed', 3]],
    );

    const symbols = await bounded(
      Promise.resolve(vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)),
      15_000,
      'the outline',
    );
    const turns = symbols.flatMap((symbol) => symbol.children);
    assert.equal(turns.length, 3, `outline: ${JSON.stringify(symbols.map((s) => s.name))}`);

    const hovers = await bounded(
      Promise.resolve(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(1, 12))),
      15_000,
      'a hover on the sentiment note',
    );
    assert.ok(hovers.length > 0, 'the sentiment note has a hover');

    const speakers = await api.client.sendRequest<{ speakers: Array<{ label: string; turnCount: number }> } | null>('transcript/speakers', {
      uri: uri.toString(),
    });
    assert.deepEqual(speakers?.speakers.map((s) => `${s.label}: ${s.turnCount}`).sort(), ['Speaker 1: 2', 'Speaker 2: 1']);
  });
});
