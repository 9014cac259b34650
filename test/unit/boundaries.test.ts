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
function relativeImports(folder: string): Array<{ file: string; target: string; typeOnly: boolean }> {
  const found: Array<{ file: string; target: string; typeOnly: boolean }> = [];
  for (const name of readdirSync(path.join(repoRoot, folder), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const file = path.join(folder, name);
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    // `import type …` and `export type … from` bring no code with them.
    for (const [, typeKeyword, specifier] of text.matchAll(/\b(?:import|export)(\s+type)?\s[^;]*?\bfrom\s+'(\.[^']*)'/g)) {
      const target = path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), specifier!));
      found.push({ file, target, typeOnly: typeKeyword !== undefined });
    }
  }
  return found;
}

const within = (target: string, folder: string) => target === folder || target.startsWith(`${folder}${path.sep}`);

test('the extension imports nothing of the server: only its own files and the protocol', () => {
  const imports = relativeImports(path.join('client', 'src'));
  assert.ok(
    imports.some(({ target }) => within(target, 'protocol')),
    'the client uses the protocol',
  );
  const outside = imports.filter(({ target }) => !within(target, path.join('client', 'src')) && !within(target, 'protocol'));
  assert.deepEqual(outside, []);
});

test("the protocol imports only itself, types of the service's API, and the display helpers of its util/", () => {
  const helpers = ['format', 'timestampFormat', 'text'].map((name) => path.join('server', 'src', 'service', 'util', name));
  const api = path.join('server', 'src', 'service');
  const outside = relativeImports('protocol').filter(
    ({ target, typeOnly }) => !within(target, 'protocol') && !helpers.includes(target) && !(target === api && typeOnly),
  );
  assert.deepEqual(outside, []);
});
