// The architecture's boundaries are kept by ESLint (eslint.config.mjs): the language service in
// server/src/service/ is pure (no Node, no editor, no LSP, no threads, no timers, nothing from
// outside its folder), and the client reaches the server only through protocol/. These tests lint
// small snippets as if they were files at those paths, so that a boundary rule that stops firing
// (a renamed folder, a dropped config block) fails here instead of going quiet.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = join(__dirname, '..', '..', '..');
const SERVICE = join(repoRoot, 'server', 'src', 'service');

const BOUNDARY_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'import-x/no-restricted-paths',
  'no-restricted-globals',
  'no-restricted-syntax',
]);

// Only the boundary rules, and no type information: the snippets are files that do not exist.
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

/** The boundary rules each line of `code` breaks, as `line: rule` strings, when it is the file at `path`. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  assert.ok(result, `ESLint linted ${path}`);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${path} parses`);
  return result.messages.map((m) => `${m.line}: ${m.ruleId}`);
}

/** Real .ts files under `dir`, so that the relative imports below resolve whatever the folders are called. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** A relative import specifier from the (imaginary) file `from` to the real file `to`. */
function specifier(from: string, to: string): string {
  const path = relative(dirname(join(repoRoot, from)), to)
    .replace(/\\/g, '/')
    .replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The first of `files`; the tests cannot run without one. */
function first(files: string[], what: string): string {
  const file = files[0];
  assert.ok(file !== undefined, `there is a ${what}`);
  return file;
}

const aServiceFile = first(tsFiles(SERVICE), 'TypeScript file in the service');
const aServerFileOutsideTheService = first(
  tsFiles(join(repoRoot, 'server', 'src')).filter((file) => !file.startsWith(SERVICE)),
  'server file outside the service',
);
const packageJson = join(repoRoot, 'package.json');

for (const path of ['server/src/service/probe.ts', 'server/src/service/some/deeper/folder/probe.ts']) {
  test(`${path}: Node modules, the editor and LSP packages may not be imported`, async () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import * as nodePath from 'path';",
      "import { Worker } from 'worker_threads';",
      "import { readFile } from 'fs/promises';",
      "import type { Connection } from 'vscode-languageserver';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import { TextDocument } from 'vscode-languageserver-textdocument';",
      "import * as vscode from 'vscode';",
      "import { LanguageClient } from 'vscode-languageclient/node';",
      'export type { Connection, TextDocument, LanguageClient };',
      'export const used = [readFileSync, nodePath, Worker, readFile, createConnection, vscode];',
    ].join('\n');
    assert.deepEqual(
      await broken(path, code),
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((line) => `${line}: @typescript-eslint/no-restricted-imports`),
    );
  });

  test(`${path}: nothing from outside the service folder may be imported, at any depth; its own files may`, async () => {
    const code = [
      `import { outside } from '${specifier(path, aServerFileOutsideTheService)}';`,
      `import manifest from '${specifier(path, packageJson)}';`,
      `import { inside } from '${specifier(path, aServiceFile)}';`,
      'export const used = [outside, manifest, inside];',
    ].join('\n');
    assert.deepEqual(await broken(path, code), ['1: import-x/no-restricted-paths', '2: import-x/no-restricted-paths']);
  });

  test(`${path}: no threads, no I/O, no timers, no code loaded at run time`, async () => {
    const code = [
      'export const buffer = new SharedArrayBuffer(8);',
      'export const lock = Atomics.load(new Int32Array(buffer), 0);',
      "export const worker = new Worker('x');",
      'export const argv = process.argv;',
      "export const bytes = Buffer.from('x');",
      "export const fs: unknown = require('fs');",
      'export const here = __dirname;',
      'setTimeout(() => undefined, 1);',
      'setImmediate(() => undefined);',
      "export const later = import('./lazy');",
    ].join('\n');
    assert.deepEqual(await broken(path, code), [
      '1: no-restricted-globals',
      '2: no-restricted-globals',
      '3: no-restricted-globals',
      '4: no-restricted-globals',
      '5: no-restricted-globals',
      '6: no-restricted-globals',
      '7: no-restricted-globals',
      '8: no-restricted-globals',
      '9: no-restricted-globals',
      '10: no-restricted-syntax',
    ]);
  });
}

test('outside the service the same imports and globals are allowed', async () => {
  const code = [
    "import { readFileSync } from 'node:fs';",
    "import { createConnection } from 'vscode-languageserver/node';",
    `import manifest from '${specifier('server/src/lsp/probe.ts', packageJson)}';`,
    'export const used = [readFileSync, createConnection, manifest, process.argv, new SharedArrayBuffer(8)];',
    'setTimeout(() => undefined, 1);',
  ].join('\n');
  assert.deepEqual(await broken('server/src/lsp/probe.ts', code), []);
});

test('the client may import vscode, npm packages and its own files, not the server', async () => {
  const path = 'client/src/probe.ts';
  const code = [
    "import * as vscode from 'vscode';",
    "import { LanguageClient } from 'vscode-languageclient/node';",
    `import { inside } from '${specifier(path, aServiceFile)}';`,
    `import { outside } from '${specifier(path, aServerFileOutsideTheService)}';`,
    'export const used = [vscode, LanguageClient, inside, outside];',
  ].join('\n');
  assert.deepEqual(await broken(path, code), ['3: import-x/no-restricted-paths', '4: import-x/no-restricted-paths']);
});
