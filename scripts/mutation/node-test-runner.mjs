// @ts-check
// A StrykerJS test runner for our `node --test` files that runs them inside Stryker's worker
// process, test by test (in-process-tests.mjs says how and why).
//
// Stryker's own options for `node:test` did not fit: its TAP runner starts a process per test file
// per mutant, and counts a file as one test; a runner built on node:test's `run({ isolation:
// 'none' })` needs Node 22.8, and CI and this project run Node 20.

import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { determineHitLimitReached, DryRunStatus, TestStatus, toMutantRunResult } from '@stryker-mutator/api/test-runner';
import { InProcessTests, messageOf } from './in-process-tests.mjs';

/**
 * @typedef {import('@stryker-mutator/api/core').StrykerOptions & { nodeTestInProcess: { testFiles: string[], keepLoaded: string[] } }} Options
 * @typedef {import('@stryker-mutator/api/test-runner').TestResult} TestResult
 * @typedef {import('@stryker-mutator/api/test-runner').TestRunner} TestRunner
 * @typedef {import('@stryker-mutator/api/test-runner').DryRunResult} DryRunResult
 * @typedef {import('@stryker-mutator/api/test-runner').MutantRunResult} MutantRunResult
 * @typedef {import('./in-process-tests.mjs').InProcessTests} Tests
 */

/** @implements {TestRunner} */
class NodeTestInProcessRunner {
  static inject = tokens(commonTokens.options);

  /** @param {import('@stryker-mutator/api/core').StrykerOptions} options */
  constructor(options) {
    this.options = /** @type {Options} */ (options).nodeTestInProcess;
    const global = /** @type {Record<string, Record<string, unknown>>} */ (/** @type {unknown} */ (globalThis));
    this.namespace = global[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {};
    /** @type {Tests | undefined} */
    this.tests = undefined;
  }

  capabilities() {
    // It can reload: every module outside node_modules, the service included, is loaded again.
    return { reloadEnvironment: true };
  }

  init() {
    this.tests = new InProcessTests({ ...this.options, namespace: this.namespace });
    this.tests.loadKept();
    return Promise.resolve();
  }

  /** @param {import('@stryker-mutator/api/test-runner').DryRunOptions} options @returns {Promise<DryRunResult>} */
  async dryRun(options) {
    const tests = /** @type {Tests} */ (this.tests);
    const coverage = options.coverageAnalysis !== 'off';
    this.namespace.activeMutant = undefined;
    this.namespace.countCoverage = coverage;
    if (coverage) {
      // Coverage counts go into the object the instrumented code made, or this one: the static part
      // (module-level code) comes from loading the kept modules again with no test current.
      this.namespace.mutantCoverage = { static: {}, perTest: {} };
      tests.loadKept();
    }
    try {
      const outcomes = await tests.run({ bail: !options.disableBail, coverage: options.coverageAnalysis === 'perTest' });
      return {
        status: DryRunStatus.Complete,
        tests: outcomes.map(toTestResult),
        mutantCoverage: coverage ? /** @type {import('@stryker-mutator/api/core').MutantCoverage} */ (this.namespace.mutantCoverage) : undefined,
      };
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: messageOf(error) };
    }
  }

  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options @returns {Promise<MutantRunResult>} */
  async mutantRun(options) {
    const tests = /** @type {Tests} */ (this.tests);
    const namespace = this.namespace;
    // Nothing reads coverage taken in a mutant's run; counting it is most of the instrumented cost.
    namespace.countCoverage = false;
    // Every mutant starts from modules loaded afresh, with the mutant active (a mutant of
    // module-level code takes effect only then). Kept from the run before, the service's caches
    // of what it read (notes, stamp formats, shared strings) would answer in place of the mutated
    // code, and the mutant would survive unseen. It costs a tenth of a second or so a mutant.
    namespace.activeMutant = options.activeMutant.id;
    tests.loadKept();
    namespace.hitCount = options.hitLimit === undefined ? undefined : 0;
    namespace.hitLimit = options.hitLimit;
    try {
      const only = options.testFilter ? new Set(options.testFilter) : undefined;
      const outcomes = await tests.run({ ...(only ? { only } : {}), bail: !options.disableBail, coverage: false });
      const hitLimitReached = determineHitLimitReached(/** @type {number | undefined} */ (namespace.hitCount), options.hitLimit);
      if (hitLimitReached) return toMutantRunResult(hitLimitReached);
      return toMutantRunResult({ status: DryRunStatus.Complete, tests: outcomes.map(toTestResult) });
    } catch (error) {
      return toMutantRunResult({ status: DryRunStatus.Error, errorMessage: messageOf(error) });
    } finally {
      namespace.activeMutant = undefined;
      namespace.hitCount = undefined;
      namespace.hitLimit = undefined;
    }
  }
}

/** @param {import('./in-process-tests.mjs').Outcome} outcome @returns {TestResult} */
function toTestResult({ id, name, fileName, status, timeSpentMs, failureMessage }) {
  const base = { id, name, fileName, timeSpentMs: Math.round(timeSpentMs) };
  if (status === 'failed') return { ...base, status: TestStatus.Failed, failureMessage: failureMessage ?? '' };
  if (status === 'skipped') return { ...base, status: TestStatus.Skipped };
  return { ...base, status: TestStatus.Success };
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'node-test-in-process', NodeTestInProcessRunner)];

export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: {
    nodeTestInProcess: {
      description: 'The in-process node:test runner (scripts/mutation/node-test-runner.mjs).',
      type: 'object',
      properties: {
        testFiles: { description: 'Compiled test files, run in this order.', type: 'array', items: { type: 'string' } },
        keepLoaded: { description: 'Modules loaded once and kept: the instrumented code.', type: 'array', items: { type: 'string' } },
      },
      required: ['testFiles', 'keepLoaded'],
      additionalProperties: false,
    },
  },
};
