// Mutation testing of the language service: `npm run test:mutation` (see docs/testing.md).
//
// Stryker plants one small change (a mutant) at a time in `server/src/service/` and runs the unit
// tests that cover it; a mutant no test notices is a behaviour nothing pins. The tests are the
// compiled `node --test` files, run test by test inside Stryker's worker processes
// (scripts/mutation/node-test-runner.mjs).

import { readdirSync } from 'node:fs';

/**
 * The mutation tier: the unit tests that drive the service directly. Those that spawn the CLI or
 * the LSP server (they test the bundle in `dist`, which Stryker does not mutate), read the client
 * or the manifest, or take over half a minute (`incremental`, `redos`: fuzzing against a fresh
 * parse and a regex checker) are left to `npm run test:unit`.
 *
 * Fastest first: a mutant runs the files that reach it, in the order their coverage was taken (the
 * order these are found in), and stops at the first that fails; so a mutant that a quick example
 * test kills need not wait for the property tests.
 */
const MUTATION_TIER = [
  'speakers-view',
  'editing',
  'furniture',
  'seam-mend',
  'hovers',
  'timestamp-fixes-plan',
  'player-timeline',
  'naming-references',
  'not-a-transcript',
  'overlap-fix-titles',
  'hover-content',
  'outline',
  'completion',
  'service',
  'playback',
  'diagnostics-shown',
  'fix-actions',
  'export-notes',
  'fixes',
  'seam-pairing',
  'people',
  'features',
  'layouts',
  'overlap-boundaries',
  'diagnostics',
  'layout-cases',
  'rename',
  'golden',
  'fixtures',
  'parser',
  'seams',
  'joins',
  'chunk-formats',
  'sniffing',
  'turn-text',
  'words',
  'speakers-wire',
  'alignment',
  'timestamp-plan',
  'export-formats',
  'repetition',
  'export-normalize',
  'timestamp-format',
  'sections',
  'properties',
];

// The property tests try at most this many cases each, from one fixed seed
// (test/unit/propertyRuns.ts): a mutant no test kills runs every test file that reaches it, and in
// full the property tests are half of that time. Set `PROPERTY_RUNS=` (empty) to run them in full.
process.env.PROPERTY_RUNS ??= '25';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
/** The compiled service, which the runner loads once per worker and keeps: the code under test. */
const SERVICE_MODULES = readdirSync('server/src/service', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => `out/server/src/service/${file.replace(/\\/g, '/').replace(/\.ts$/, '.js')}`);

export default {
  plugins: ['@stryker-mutator/typescript-checker', './scripts/mutation/node-test-runner.mjs'],
  testRunner: 'node-test-in-process',
  nodeTestInProcess: {
    testFiles: MUTATION_TIER.map((name) => `out/test/unit/${name}.test.js`),
    keepLoaded: SERVICE_MODULES,
  },
  // The tests run compiled: Stryker instruments the TypeScript, then this compiles it.
  buildCommand: 'tsc -p .',
  mutate: ['server/src/service/**/*.ts'],
  checkers: ['typescript'],
  tsconfigFile: 'server/src/service/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Each mutant runs only the test files that reached it in the first, measured run.
  coverageAnalysis: 'perTest',
  // The first run, which measures that coverage, takes a minute on a quiet machine and five on a
  // busy one.
  dryRunTimeoutMinutes: 30,
  // A mutant of a module-level constant is reached by every file while loading; running the whole
  // tier for each of those costs more than the rest together. They are counted as ignored.
  ignoreStatic: true,
  // A mutant times out (and counts as detected) after 3 times its tests' time plus 10 s, not
  // Stryker's 1.5 times plus 5 s: on a machine that other work keeps busy, the defaults timed out
  // mutants that change nothing (docs/testing.md, "Equivalent mutants"). A mutant that loops
  // forever waits a few seconds longer.
  timeoutFactor: 3,
  timeoutMS: 10000,
  // Results are kept, and a later run tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  thresholds: { high: 80, low: 70, break: null },
  // What the sandbox need not copy: the editor the end-to-end tests use, the bundles, generated
  // benchmark input. Not `out`: the compiled tests there are the test files Stryker runs, and the
  // incremental mode compares them with the last run's to know which results still hold. Were
  // they not project files, every test would count as removed and nothing would be reused. So
  // `npm run test:mutation` compiles the tests first; the build in the sandbox compiles them again
  // with the mutated service.
  ignorePatterns: ['.vscode-test', 'dist', 'bench/generated', '.prof'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
