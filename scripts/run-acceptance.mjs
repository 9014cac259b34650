#!/usr/bin/env node
// `npm run test:acceptance`: runs test/acceptance (compiled to out/) with node's test runner.
// Those tests need `shared/` beside the repository (the real seed, the real debate speech); where
// it is missing, each is reported as skipped with its reason, and this prints one line naming
// them all, so that a green run without them is never taken for a full one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'acceptance-'));
const skippedFile = join(scratch, 'skipped.txt');
try {
  const result = spawnSync(process.execPath, ['--test', join('out', 'test', 'acceptance') + '/'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ACCEPTANCE_SKIPPED_FILE: skippedFile },
  });
  const skipped = existsSync(skippedFile) ? readFileSync(skippedFile, 'utf8').split('\n').filter(Boolean) : [];
  if (skipped.length > 0) {
    console.log(`acceptance: ../shared not found — skipped ${skipped.length} tests: ${skipped.join('; ')}`);
  }
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
