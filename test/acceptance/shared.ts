import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { appendFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * The acceptance suite reads `shared/` beside the repository: the real seed transcript the format
 * was specified from, and the real debate speech the generator renders. CI and the project's
 * machines have it; a clone on its own does not, and there every test here is reported as skipped,
 * saying what it needed, instead of failing or passing unnoticed.
 */

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
const sharedHere = existsSync(SHARED_DIR);

/** A path inside `../shared`. One missing there is a broken setup, and fails the test. */
export function sharedPath(...parts: string[]): string {
  const path = join(SHARED_DIR, ...parts);
  assert.ok(existsSync(path), `${path} is missing: ../shared is beside the repository but incomplete`);
  return path;
}

/**
 * A test that needs `needs` from `../shared`. Where `../shared` is missing it is skipped with a
 * message that says so, and its name goes to the file `ACCEPTANCE_SKIPPED_FILE` names, from which
 * scripts/run-acceptance.mjs prints one line for the whole suite.
 */
export function acceptanceTest(name: string, needs: string, fn: (t: TestContext) => void | Promise<void>): void {
  if (sharedHere) {
    test(name, fn);
    return;
  }
  test(name, (t) => {
    t.skip(`needs ${needs}, and ../shared is not beside this repository (${SHARED_DIR})`);
    const skippedFile = process.env['ACCEPTANCE_SKIPPED_FILE'];
    if (skippedFile) appendFileSync(skippedFile, `${name}\n`);
  });
}
