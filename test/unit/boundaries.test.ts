import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/*
 * The extension bundles `client/src` and what it imports. Reaching into the server from there
 * put a second parser into the extension host; `protocol/` is the one module both sides share,
 * and it reaches into the service only for the pure display helpers of its `util/` (counts, times,
 * positions), so that both sides write them alike.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Every relative import of each TypeScript file below `folder`, resolved against the repository root. */
function relativeImports(folder: string): Array<{ file: string; target: string }> {
  const found: Array<{ file: string; target: string }> = [];
  for (const name of readdirSync(path.join(repoRoot, folder), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const file = path.join(folder, name);
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    for (const [, specifier] of text.matchAll(/\bfrom\s+'(\.[^']*)'/g)) {
      found.push({ file, target: path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), specifier!)) });
    }
  }
  return found;
}

const within = (target: string, folder: string) => target === folder || target.startsWith(`${folder}${path.sep}`);

test('the extension imports nothing of the server: only its own files and the protocol', () => {
  const imports = relativeImports(path.join('client', 'src'));
  assert.ok(imports.some(({ target }) => within(target, 'protocol')), 'the client uses the protocol');
  const outside = imports.filter(({ target }) => !within(target, path.join('client', 'src')) && !within(target, 'protocol'));
  assert.deepEqual(outside, []);
});

test('the protocol imports only itself and the display helpers of the service\'s util/', () => {
  const helpers = ['format', 'timestampFormat', 'text'].map((name) => path.join('server', 'src', 'service', 'util', name));
  const outside = relativeImports('protocol').filter(({ target }) => !within(target, 'protocol') && !helpers.includes(target));
  assert.deepEqual(outside, []);
});
