#!/usr/bin/env node
// The grammar's snapshot tests (`npm run test:grammar` runs this): every `*.transcript` in the
// snapshot folders is tokenized and compared with the `.snap` beside it by vscode-tmgrammar-snap.
// That tool writes a `.snap` that is missing and then passes, so a snapshot deleted or never
// committed would pass whatever the grammar does: this fails first, naming the sources without
// one. Writing snapshots takes the explicit flag, and the result is reviewed as a diff:
//
//   node scripts/grammar-snapshots.mjs --updateSnapshot && git diff test/grammar/snapshots
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The folders whose `*.transcript` files are snapshot sources. */
const SNAPSHOT_FOLDERS = ['test/grammar/snapshots', 'test/grammar/snapshots/layouts'];
const UPDATE_FLAGS = new Set(['--updateSnapshot', '-u']);

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !UPDATE_FLAGS.has(arg));
if (unknown.length > 0) {
  console.error(`grammar-snapshots: unknown argument ${unknown[0]}; the only option is --updateSnapshot (or -u), which writes the .snap files`);
  process.exit(2);
}
const update = args.length > 0;

const sources = SNAPSHOT_FOLDERS.flatMap((folder) =>
  readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.transcript'))
    .sort()
    .map((name) => join(folder, name)),
);
if (sources.length === 0) {
  console.error(`grammar-snapshots: no *.transcript in ${SNAPSHOT_FOLDERS.join(' or ')}`);
  process.exit(1);
}

const missing = sources.filter((source) => !existsSync(join(repoRoot, `${source}.snap`)));
if (missing.length > 0 && !update) {
  console.error(
    [
      `grammar-snapshots: ${missing.length} snapshot source${missing.length === 1 ? ' has' : 's have'} no .snap file:`,
      ...missing.map((source) => `  ${source}`),
      'A snapshot written by the run that checks it would pass whatever the grammar does.',
      'Write it on purpose, then review it: node scripts/grammar-snapshots.mjs --updateSnapshot && git diff test/grammar/snapshots',
    ].join('\n'),
  );
  process.exit(1);
}

// The tool's own script, run by this node: no shell, and the same on every platform.
const snap = join(repoRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'snapshot.js');
const result = spawnSync(process.execPath, [snap, ...(update ? ['--updateSnapshot'] : []), ...sources], { cwd: repoRoot, stdio: 'inherit' });
if (result.error) {
  console.error(`grammar-snapshots: could not run vscode-tmgrammar-snap: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
