import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

/*
 * The in-process runner that mutation testing uses (scripts/mutation/in-process-tests.mjs), on
 * small test files written here. What a mutation score rests on: every test registered is run, a
 * failing one is reported as failed, each run loads the test files again so that what they compute
 * while loading sees the active mutant, the code kept loaded is not loaded again, and coverage is
 * taken per test. The runner is an ES module and the tests compile to CommonJS, so a child `node`
 * drives it and prints what it saw.
 */

const repoRoot = join(__dirname, '..', '..', '..');
const harness = pathToFileURL(join(repoRoot, 'scripts', 'mutation', 'in-process-tests.mjs')).href;

/** A kept module: it says 2 where the mutant "m1" is active, and notes which test called it. */
const KEPT = `
const loads = (globalThis.keptLoads = (globalThis.keptLoads ?? 0) + 1);
exports.value = () => {
  const ns = globalThis.__stryker__;
  if (ns.currentTestId) (ns.calledBy ??= []).push(ns.currentTestId);
  return ns.activeMutant === 'm1' ? 2 : 1;
};
exports.loads = () => loads;
`;

const FIRST = `
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const kept = require('./kept.js');
const atLoad = kept.value();
test('reads the kept module', () => assert.equal(kept.value(), 1));
describe('a group', () => {
  test('twin', () => {});
  test('twin', () => {});
});
test('what the file computed while loading', () => assert.equal(atLoad, 1));
test('skipped', { skip: 'not today' }, () => { throw new Error('a skipped test ran'); });
test('a failing test still runs its after hooks', (t) => {
  t.after(() => { globalThis.afterHooks = (globalThis.afterHooks ?? 0) + 1; });
  throw new Error('it fails');
});
test('subtests are awaited', async (t) => {
  await t.test('inner', async () => { await new Promise((resolve) => setImmediate(resolve)); assert.equal(kept.value(), 1); });
});
`;

/**
 * A kept module instrumented as Stryker's build leaves it, reduced to the counter: the helper the
 * runner switches off, its first statement as Stryker writes it, and one counted statement.
 */
const COUNTED = `
function stryCov_9fa48() {
  var ns = globalThis.__stryker__;
  var cov = ns.mutantCoverage || (ns.mutantCoverage = { static: {}, perTest: {} });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    for (var i = 0; i < arguments.length; i++) c[arguments[i]] = (c[arguments[i]] || 0) + 1;
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
exports.counted = () => { stryCov_9fa48('7'); return 1; };
`;

const SECOND = `
const { test, beforeEach } = require('node:test');
beforeEach(() => {});
test('never registered', () => {});
`;

/** Runs `script` (an ES module body that has `tests`, the harness over the two files) in a child node. */
function drive(script: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'in-process-tests-'));
  try {
    writeFileSync(join(dir, 'kept.js'), KEPT);
    writeFileSync(join(dir, 'first.test.js'), FIRST);
    writeFileSync(join(dir, 'second.test.js'), SECOND);
    writeFileSync(join(dir, 'counted.js'), COUNTED);
    writeFileSync(join(dir, 'miscounted.js'), COUNTED.replace('var c = cov.static;', 'var c = cov.static || {};'));
    const program = `
      import { InProcessTests } from ${JSON.stringify(harness)};
      const namespace = (globalThis.__stryker__ = {});
      const tests = new InProcessTests({ testFiles: ['first.test.js', 'second.test.js'], keepLoaded: ['kept.js'], namespace });
      tests.loadKept();
      const brief = (outcomes) => outcomes.map(({ id, status }) => id + ' ' + status);
      ${script}
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', program], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('in-process runner: every test runs once, in order; a failure, a skip and a file that cannot load are reported as such', () => {
  const seen = drive(`
    const outcomes = await tests.run({ bail: false, coverage: false });
    console.log(JSON.stringify({ outcomes: brief(outcomes), afterHooks: globalThis.afterHooks, keptLoads: globalThis.keptLoads,
      loadError: outcomes.find((o) => o.id.startsWith('second'))?.failureMessage.split('\\n')[0] }));
  `);
  assert.deepEqual(seen, {
    outcomes: [
      'first.test.js: (loading the file) success',
      'first.test.js: reads the kept module success',
      'first.test.js: a group > twin success',
      'first.test.js: a group > twin (2) success',
      'first.test.js: what the file computed while loading success',
      'first.test.js: skipped skipped',
      'first.test.js: a failing test still runs its after hooks failed',
      'first.test.js: subtests are awaited success',
      'second.test.js: (loading the file) failed',
    ],
    afterHooks: 1,
    keptLoads: 1,
    loadError: "Error: node:test's beforeEach is not supported by the in-process runner (scripts/mutation/in-process-tests.mjs)",
  });
});

test('in-process runner: bail stops at the first failure; a filter runs only the tests it names, and an unknown name is an error', () => {
  const seen = drive(`
    const bailed = await tests.run({ bail: true, coverage: false });
    const only = await tests.run({ only: new Set(['first.test.js: a group > twin (2)']), bail: true, coverage: false });
    const wholeFile = await tests.run({ only: new Set(['first.test.js: (loading the file)']), bail: false, coverage: false });
    let unknown;
    try { await tests.run({ only: new Set(['first.test.js: no such test']), bail: true, coverage: false }); } catch (error) { unknown = error.message; }
    console.log(JSON.stringify({ bailed: brief(bailed).at(-1), only: brief(only), wholeFile: wholeFile.length, unknown }));
  `);
  assert.deepEqual(seen, {
    bailed: 'first.test.js: a failing test still runs its after hooks failed',
    only: ['first.test.js: (loading the file) success', 'first.test.js: a group > twin (2) success'],
    wholeFile: 8,
    unknown: 'no test has the id "first.test.js: no such test"',
  });
});

test('in-process runner: an active mutant reaches the tests and what their file computes while loading, with the kept code loaded once', () => {
  const seen = drive(`
    namespace.activeMutant = 'm1';
    const outcomes = await tests.run({
      only: new Set(['first.test.js: reads the kept module', 'first.test.js: what the file computed while loading']),
      bail: false, coverage: false });
    namespace.activeMutant = undefined;
    const after = await tests.run({ only: new Set(['first.test.js: what the file computed while loading']), bail: true, coverage: false });
    console.log(JSON.stringify({ outcomes: brief(outcomes), after: brief(after), keptLoads: globalThis.keptLoads }));
  `);
  assert.deepEqual(seen, {
    outcomes: [
      'first.test.js: (loading the file) success',
      'first.test.js: reads the kept module failed',
      'first.test.js: what the file computed while loading failed',
    ],
    after: ['first.test.js: (loading the file) success', 'first.test.js: what the file computed while loading success'],
    keptLoads: 1,
  });
});

test('in-process runner: with coverage on, the code a test reaches is counted to that test, and what a file does while loading to its load', () => {
  const seen = drive(`
    await tests.run({ only: new Set(['first.test.js: reads the kept module', 'first.test.js: subtests are awaited']), bail: false, coverage: true });
    console.log(JSON.stringify({ calledBy: namespace.calledBy, currentAfter: namespace.currentTestId ?? null }));
  `);
  assert.deepEqual(seen, {
    calledBy: ['first.test.js: (loading the file)', 'first.test.js: reads the kept module', 'first.test.js: subtests are awaited'],
    currentAfter: null,
  });
});

test("in-process runner: the instrumented code's coverage counter counts while coverage is taken, and not while it is switched off", () => {
  const seen = drive(`
    const counted = (await import('node:module')).createRequire(process.cwd() + '/')('./counted.js');
    namespace.countCoverage = true;
    counted.counted(); counted.counted();
    const on = { ...namespace.mutantCoverage.static };
    namespace.countCoverage = false;
    counted.counted();
    const off = { ...namespace.mutantCoverage.static };
    let unknownForm;
    try { (await import('node:module')).createRequire(process.cwd() + '/')('./miscounted.js'); } catch (error) { unknownForm = error.message; }
    console.log(JSON.stringify({ on, off, unknownForm: unknownForm?.replace(process.cwd(), '<dir>') }));
  `);
  assert.deepEqual(seen, {
    on: { 7: 2 },
    off: { 7: 2 },
    unknownForm: '<dir>/miscounted.js is instrumented, but its coverage counter is not in the form the in-process runner knows (a new Stryker?)',
  });
});
