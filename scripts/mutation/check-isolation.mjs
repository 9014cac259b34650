// @ts-check
// Whether each test of the mutation tier passes alone, with its file loaded afresh and no test
// before it, as a mutation run picks them (docs/testing.md, "Isolation"). Run after
// `npm run compile:tests`; prints what failed, and exits 1 if anything did.

import config from '../../stryker.config.mjs';
import { InProcessTests } from './in-process-tests.mjs';

const { testFiles, keepLoaded } = /** @type {{ nodeTestInProcess: { testFiles: string[], keepLoaded: string[] } }} */ (
  /** @type {unknown} */ (config)
).nodeTestInProcess;
const tests = new InProcessTests({ testFiles, keepLoaded, namespace: {} });
tests.loadKept();

const together = await tests.run({ bail: false, coverage: false });
const tested = together.filter((outcome) => outcome.id !== InProcessTests.loadId(outcome.fileName));
/** @type {string[]} */
const failures = together.filter((outcome) => outcome.status === 'failed').map((outcome) => `together: ${outcome.id}`);
for (const { id } of tested) {
  const alone = await tests.run({ only: new Set([id]), bail: true, coverage: false });
  if (alone.some((outcome) => outcome.status === 'failed')) failures.push(`alone: ${id}`);
}
console.log(`${tested.length} tests in ${testFiles.length} files, each run alone after the tier ran together: ${failures.length} failed`);
for (const failure of failures) console.log(`  ${failure}`);
process.exit(failures.length ? 1 : 0);
