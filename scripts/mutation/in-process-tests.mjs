// @ts-check
// Runs compiled `node --test` files inside this process, as often as asked, one test at a time.
//
// Mutation testing runs the tests that reach a mutant once per mutant: thousands of runs. Through
// Stryker's TAP runner each run is a new Node process per covering test file, which loads the
// instrumented service anew and runs the whole file (a test file is its smallest unit), some 10 s a
// mutant. Here the service stays loaded (its instrumented code reads which mutant is active at run
// time), each test is its own unit (so a mutant runs only the tests that reached it, and stops at
// the first that fails), and only the test files themselves are loaded again for each run, so that
// the work they do while loading (fixtures built at module level) sees the mutant too.
//
// The test files ask for `node:test`; they get the small part of it they use (`test`, `describe`,
// `before`, `after`, and of a test's context `name`, `after`, `test`, `skip`, `diagnostic`). Anything
// else throws when a file uses it, so that a test is never silently skipped.

import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

/**
 * @typedef {(context: TestContext) => unknown} TestBody
 * @typedef {{ skip?: boolean | string, todo?: boolean | string, timeout?: number, concurrency?: unknown, only?: boolean }} TestOptions
 * @typedef {{ name: string, before: Array<() => unknown>, after: Array<() => unknown>, parent: Suite | undefined }} Suite
 * @typedef {{ id: string, name: string, fileName: string, body: TestBody, options: TestOptions, suite: Suite }} TestCase
 * @typedef {{ id: string, name: string, fileName: string, status: 'success' | 'failed' | 'skipped', timeSpentMs: number, failureMessage?: string }} Outcome
 */

/** What a test file registers while it loads. */
class Registration {
  /** @param {string} fileName */
  constructor(fileName) {
    this.fileName = fileName;
    /** @type {Suite} */
    this.root = { name: '', before: [], after: [], parent: undefined };
    this.suite = this.root;
    /** @type {TestCase[]} */
    this.tests = [];
    /** @type {Map<string, number>} */
    this.seen = new Map();
  }

  /** @param {string} name @param {TestOptions} options @param {TestBody} body */
  addTest(name, options, body) {
    const fullName = [...suiteNames(this.suite), name].join(' > ');
    // Two tests of one name in a file stay two tests.
    const count = (this.seen.get(fullName) ?? 0) + 1;
    this.seen.set(fullName, count);
    const unique = count === 1 ? fullName : `${fullName} (${count})`;
    this.tests.push({ id: `${this.fileName}: ${unique}`, name: unique, fileName: this.fileName, body, options, suite: this.suite });
  }

  /** @param {string} name @param {() => unknown} body */
  addSuite(name, body) {
    /** @type {Suite} */
    const suite = { name, before: [], after: [], parent: this.suite };
    this.suite = suite;
    try {
      const result = body();
      if (isPromise(result)) throw new Error(`describe('${name}') has an async body, which the in-process runner does not support`);
    } finally {
      this.suite = /** @type {Suite} */ (suite.parent);
    }
  }
}

/** @param {Suite} suite */
function suiteNames(suite) {
  /** @type {string[]} */
  const names = [];
  for (let at = /** @type {Suite | undefined} */ (suite); at?.parent; at = at.parent) names.unshift(at.name);
  return names;
}

/** @param {unknown} value @returns {value is PromiseLike<unknown>} */
function isPromise(value) {
  return typeof value === 'object' && value !== null && typeof (/** @type {{ then?: unknown }} */ (value).then) === 'function';
}

/** A test's `t`: the parts of node:test's TestContext the tests use. */
class TestContext {
  /** @param {string} name */
  constructor(name) {
    this.name = name;
    /** @type {Array<() => unknown>} */
    this.afterHooks = [];
    /** @type {Array<Promise<void>>} */
    this.subtests = [];
    this.skipped = false;
  }
  /** @param {() => unknown} hook */
  after(hook) {
    this.afterHooks.push(hook);
  }
  diagnostic() {}
  skip() {
    this.skipped = true;
  }
  todo() {
    this.skipped = true;
  }
  /** @param {string} name @param {...unknown} rest */
  test(name, ...rest) {
    const { options, body } = testArguments(rest);
    if (options.skip || options.todo) return Promise.resolve();
    const run = runBody(new TestContext(name), body);
    this.subtests.push(run);
    return run;
  }
}

/** @param {unknown[]} rest @returns {{ options: TestOptions, body: TestBody }} */
function testArguments(rest) {
  const [first, second] = rest;
  if (typeof first === 'function') return { options: {}, body: /** @type {TestBody} */ (first) };
  if (typeof second === 'function') return { options: /** @type {TestOptions} */ (first ?? {}), body: /** @type {TestBody} */ (second) };
  throw new Error('a test without a body: the in-process runner does not support todo tests without one');
}

/**
 * Runs a test's body (a promise, or a `done` callback when it takes two parameters), then its
 * subtests and its `t.after` hooks, which run even when the body fails.
 * @param {TestContext} context @param {TestBody} body
 */
async function runBody(context, body) {
  try {
    if (body.length >= 2) {
      await new Promise((resolve, reject) => {
        const done = /** @param {unknown} error */ (error) => (error ? reject(asError(error)) : resolve(undefined));
        /** @type {(t: TestContext, done: (error?: unknown) => void) => unknown} */ (body)(context, done);
      });
    } else {
      await body(context);
    }
    await Promise.all(context.subtests);
  } finally {
    for (const hook of context.afterHooks) await hook();
  }
}

/** The one registration a loading test file adds to: `node:test`'s functions have no other way to know. */
/** @type {Registration | undefined} */
let loading;

function registering() {
  if (!loading) throw new Error('node:test was called after its file loaded; the in-process runner only sees tests registered while loading');
  return loading;
}

/** @param {string} name */
function unsupported(name) {
  return () => {
    throw new Error(`node:test's ${name} is not supported by the in-process runner (scripts/mutation/in-process-tests.mjs)`);
  };
}

/** `node:test`'s `test`, which registers a test with the file loading. @param {string} name @param {...unknown} rest */
function registerTest(name, ...rest) {
  const { options, body } = testArguments(rest);
  registering().addTest(name, options, body);
}

/** `node:test`'s `describe`. @param {string} name @param {...unknown} rest */
function registerSuite(name, ...rest) {
  const body = /** @type {() => unknown} */ (rest.find((argument) => typeof argument === 'function'));
  registering().addSuite(name, body);
}

/** The `node:test` the test files get. */
const nodeTest = {
  test: registerTest,
  it: registerTest,
  default: registerTest,
  describe: registerSuite,
  suite: registerSuite,
  /** @param {() => unknown} hook */
  before(hook) {
    registering().suite.before.push(hook);
  },
  /** @param {() => unknown} hook */
  after(hook) {
    registering().suite.after.push(hook);
  },
  beforeEach: unsupported('beforeEach'),
  afterEach: unsupported('afterEach'),
  mock: new Proxy({}, { get: (_, key) => unsupported(`mock.${String(key)}`)() }),
  run: unsupported('run'),
};

let hooksInstalled = false;

/**
 * Makes `require('node:test')` in this process return the functions above, and gives the coverage
 * counter of each instrumented module a switch (below).
 */
function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const moduleWithLoad = /** @type {{ _load: (request: string, ...rest: unknown[]) => unknown }} */ (/** @type {unknown} */ (Module));
  const load = moduleWithLoad._load;
  moduleWithLoad._load = function (request, ...rest) {
    if (request === 'node:test') return nodeTest;
    return load.call(this, request, ...rest);
  };
  const modulePrototype = /** @type {{ _compile: (content: string, filename: string) => unknown }} */ (
    /** @type {{ prototype: unknown }} */ (/** @type {unknown} */ (Module)).prototype
  );
  const compile = modulePrototype._compile;
  modulePrototype._compile = function (content, filename) {
    return compile.call(this, withCoverageSwitch(content, filename), filename);
  };
}

/*
 * Stryker's instrumented code counts, at every statement and expression it passes, which mutants it
 * reached: `stryCov_9fa48(id)`, a function each instrumented module defines, adds one to a count
 * per id. The first run needs those counts (they are the coverage per test); a mutant's run does
 * not, and there the counting is most of what the instrumented code costs: the tier's parser,
 * property and alignment tests took 57 to 72 s with `checks/` instrumented, 10 to 16 s with the
 * counter returning at once, 4 to 6 s not instrumented. So the counter is given a switch: it
 * returns at once while the namespace's `countCoverage` is false.
 */
const COUNTER_HELPER = 'stryCov_9fa48';
const COUNTER_START = /function cover\(\)\s*\{(\s*)var c = cov\.static;/;

/** @param {string} content @param {string} filename */
function withCoverageSwitch(content, filename) {
  if (!content.includes(`function ${COUNTER_HELPER}(`)) return content;
  if (!COUNTER_START.test(content)) {
    throw new Error(`${filename} is instrumented, but its coverage counter is not in the form the in-process runner knows (a new Stryker?)`);
  }
  return content.replace(COUNTER_START, 'function cover() {$1if (ns.countCoverage === false) return;$1var c = cov.static;');
}

/**
 * The test files, loaded and run in this process. `namespace` is the global object the
 * instrumented code reads (Stryker's `__stryker__`): `activeMutant`, `currentTestId`,
 * `mutantCoverage`, `hitCount`, `hitLimit`.
 */
export class InProcessTests {
  /**
   * @param {{ testFiles: string[], keepLoaded: string[], namespace: Record<string, unknown> }} options
   * `testFiles`, paths from the working directory; `keepLoaded`, the modules loaded first and never
   * again (the instrumented service): everything else outside `node_modules` is loaded again with
   * each test file.
   */
  constructor({ testFiles, keepLoaded, namespace }) {
    installHooks();
    this.testFiles = testFiles;
    this.keepLoaded = keepLoaded;
    this.namespace = namespace;
    /** @type {Set<string>} */
    this.kept = new Set();
    /** @type {unknown} an error thrown outside any awaited code while a test ran */
    this.stray = undefined;
    process.on('uncaughtException', (error) => (this.stray ??= error));
    process.on('unhandledRejection', (error) => (this.stray ??= error));
  }

  /** The id that stands for loading a file: the work its module-level code does. */
  static loadId(/** @type {string} */ fileName) {
    return `${fileName}: ${LOADING}`;
  }

  /**
   * Loads the modules kept loaded, from scratch: their module-level code runs with no test
   * current, so what it reaches is the static coverage.
   */
  loadKept() {
    this.kept = new Set();
    this.forgetModules();
    for (const file of this.keepLoaded) require(path.resolve(file));
    this.kept = new Set(Object.keys(require.cache).filter(isProjectModule));
  }

  /** Drops every project module but the kept ones from Node's cache, so that the next `require` runs it again. */
  forgetModules() {
    for (const key of Object.keys(require.cache)) if (isProjectModule(key) && !this.kept.has(key)) delete require.cache[key];
  }

  /**
   * Loads a test file afresh (and every module outside `node_modules` it uses, bar the kept ones),
   * collecting its tests.
   * @param {string} fileName
   */
  load(fileName) {
    this.forgetModules();
    const registration = new Registration(fileName);
    loading = registration;
    try {
      require(path.resolve(fileName));
    } finally {
      loading = undefined;
    }
    return registration.tests;
  }

  /**
   * Runs tests: every test of every file, or those whose ids `only` names (an id from `loadId`
   * runs all of its file's tests). Stops at the first failure unless `bail` is false. With
   * `coverage`, each test's id is current while it runs (so coverage is taken per test), and each
   * file's load id while it loads.
   * @param {{ only?: Set<string>, bail: boolean, coverage: boolean }} options
   * @returns {Promise<Outcome[]>}
   */
  async run({ only, bail, coverage }) {
    /** @type {Outcome[]} */
    const outcomes = [];
    for (const fileName of this.testFiles) {
      const loadId = InProcessTests.loadId(fileName);
      const wholeFile = !only || only.has(loadId);
      const prefix = `${fileName}: `;
      if (!wholeFile && ![...only].some((id) => id.startsWith(prefix))) continue;

      const started = performance.now();
      if (coverage) this.namespace.currentTestId = loadId;
      /** @type {TestCase[]} */
      let tests;
      try {
        tests = this.load(fileName);
      } catch (error) {
        outcomes.push(failed({ id: loadId, name: LOADING, fileName }, started, error));
        if (bail) return outcomes;
        continue;
      } finally {
        this.namespace.currentTestId = undefined;
      }
      outcomes.push({ id: loadId, name: LOADING, fileName, status: 'success', timeSpentMs: performance.now() - started });

      const chosen = tests.filter((test) => wholeFile || only.has(test.id));
      if (!wholeFile) {
        // A test asked for by an id the file no longer registers would be a mutant tested by nothing.
        const registered = new Set(tests.map((test) => test.id));
        const missing = [...only].find((id) => id.startsWith(prefix) && id !== loadId && !registered.has(id));
        if (missing) throw new Error(`no test has the id "${missing}"`);
      }
      const stop = await this.runFileTests(chosen, { bail, coverage }, outcomes);
      if (stop) return outcomes;
    }
    return outcomes;
  }

  /**
   * @param {TestCase[]} tests @param {{ bail: boolean, coverage: boolean }} options @param {Outcome[]} outcomes
   * @returns {Promise<boolean>} whether to stop (a test failed and `bail` is on)
   */
  async runFileTests(tests, { bail, coverage }, outcomes) {
    /** @type {Set<Suite>} */
    const started = new Set();
    /** @type {Suite[]} */
    const order = [];
    let stop = false;
    try {
      for (const test of tests) {
        const begin = performance.now();
        if (test.options.skip || test.options.todo) {
          outcomes.push({ ...describeTest(test), status: 'skipped', timeSpentMs: 0 });
          continue;
        }
        if (coverage) this.namespace.currentTestId = test.id;
        this.stray = undefined;
        try {
          for (const suite of chainOf(test.suite)) {
            if (started.has(suite)) continue;
            started.add(suite);
            order.push(suite);
            for (const hook of suite.before) await hook();
          }
          const context = new TestContext(test.name);
          await runBody(context, test.body);
          if (this.stray !== undefined) throw asError(this.stray);
          outcomes.push({ ...describeTest(test), status: context.skipped ? 'skipped' : 'success', timeSpentMs: performance.now() - begin });
        } catch (error) {
          outcomes.push(failed(describeTest(test), begin, error));
          if (bail) {
            stop = true;
            break;
          }
        } finally {
          this.namespace.currentTestId = undefined;
        }
      }
    } finally {
      // A suite's `after` hooks run once its tests have, innermost first; a failing one is the
      // suite's failure, counted against the last test that ran.
      for (const suite of order.reverse()) {
        for (const hook of suite.after) {
          try {
            await hook();
          } catch (error) {
            const last = outcomes.at(-1);
            if (last && last.status !== 'failed') Object.assign(last, { status: 'failed', failureMessage: messageOf(error) });
            stop ||= bail;
          }
        }
      }
    }
    return stop;
  }
}

/** The name of the test that stands for loading a file. */
const LOADING = '(loading the file)';

/** Whether a module in Node's cache is the project's own (not a dependency's). @param {string} key */
function isProjectModule(key) {
  return !key.includes(`${path.sep}node_modules${path.sep}`);
}

/** @param {Suite} suite */
function chainOf(suite) {
  /** @type {Suite[]} */
  const chain = [];
  for (let at = /** @type {Suite | undefined} */ (suite); at; at = at.parent) chain.unshift(at);
  return chain;
}

/** @param {TestCase} test */
function describeTest(test) {
  return { id: test.id, name: test.name, fileName: test.fileName };
}

/**
 * @param {{ id: string, name: string, fileName: string }} test @param {number} started @param {unknown} error
 * @returns {Outcome}
 */
function failed(test, started, error) {
  return { ...test, status: 'failed', timeSpentMs: performance.now() - started, failureMessage: messageOf(error) };
}

/** @param {unknown} error */
function asError(error) {
  return error instanceof Error ? error : new Error(String(error));
}

/** What a failure says: its stack where it has one. @param {unknown} error */
export function messageOf(error) {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
