// ESLint for the whole repository (`npm run lint`). Three things beyond the recommended rules:
// - typed linting (typescript-eslint): promises that are dropped or handed to a callback that
//   ignores them, `any` leaking out of untyped calls;
// - the architecture's boundaries: `server/src/service/` is a pure language service (no Node, no
//   editor, no LSP, no threads, no timers, nothing from outside its folder), and the client talks
//   to the server only through `protocol/`;
// - import cycles in the client and the server, type-only imports included.
// Formatting is Prettier's (`npm run format`); eslint-config-prettier turns off what would fight it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noTypeImportCycle } from './scripts/lint/no-type-import-cycle.mjs';

const root = import.meta.dirname;

const TYPESCRIPT = ['client/src/**/*.ts', 'server/src/**/*.ts', 'protocol/**/*.ts', 'test/**/*.ts', 'scripts/lib/*.ts'];
const SCRIPTS = ['scripts/**/*.mjs', 'syntaxes/*.mjs', 'test/grammar/*.mjs', 'eslint.config.mjs', 'stryker.config.mjs'];
const SERVICE = 'server/src/service';

const PURE = 'The language service is pure: text in, model out.';
/** Node's modules by their bare names (`fs`, `fs/promises`, `worker_threads`...); `node:*` is a pattern below. */
const NODE_MODULES = builtinModules.filter((name) => !name.startsWith('_'));

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    '.vscode-test/',
    'bench/generated/',
    // Mutation testing's sandboxes and reports.
    '.stryker-tmp/',
    'reports/',
    // Inputs and outputs of tests and of the sample, not code.
    'test/fixtures/',
    'test/golden/',
    'test/e2e/workspace/',
    'sample/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.d.ts', '.mjs', '.js', '.json'] })],
      // no-cycle reads the files it follows: TypeScript through typescript-eslint's parser.
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,

  {
    files: TYPESCRIPT,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
  },
  {
    files: SCRIPTS,
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: ['./tsconfig.scripts.json'], tsconfigRootDir: root },
    },
    rules: {
      // JSDoc casts, `/** @type {T} */ (value)`, are how these files type what comes back as `any` (require, JSON, import()),
      // and these rules cannot see them (typescript-eslint#4824); tsc's noImplicitAny still checks the scripts.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Its page.waitForFunction() callbacks run in the browser.
    files: ['scripts/screenshots.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The helper extension `npm start` installs: plain CommonJS that VS Code loads as it is.
    files: ['scripts/lib/start-layout/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    files: [...TYPESCRIPT, ...SCRIPTS],
    rules: {
      // `_unused` parameters keep a callback's shape; the compiler's noUnusedLocals checks the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // node:test runs each test() it is handed: the promise it returns is the runner's, not a dropped one.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
    },
  },

  {
    files: ['client/src/**/*.ts', 'server/src/**/*.ts', 'protocol/**/*.ts'],
    plugins: { 'import-x': importX, local: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    rules: {
      // Cycles at run time; import-x skips type-only imports, so the local rule reports cycles that close through one.
      'import-x/no-cycle': 'error',
      'local/no-type-import-cycle': 'error',
    },
  },

  {
    files: [`${SERVICE}/**/*.ts`],
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...NODE_MODULES.map((name) => ({ name, message: `${PURE} Node's modules belong to the server and the CLI.` })),
            { name: 'vscode', message: `${PURE} The editor belongs to the client.` },
          ],
          patterns: [
            { group: ['node:*'], message: `${PURE} Node's modules belong to the server and the CLI.` },
            {
              group: [
                'vscode/*',
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageserver-*',
                'vscode-languageclient',
                'vscode-languageclient/*',
              ],
              message: `${PURE} LSP types and connections belong to the server's adapter (server/src/lsp, server.ts).`,
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: SERVICE,
              from: '.',
              except: [SERVICE, 'node_modules'],
              message: `${PURE} It imports nothing from outside ${SERVICE}/; the server and the CLI import it.`,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['SharedArrayBuffer', 'Atomics', 'Worker'].map((name) => ({ name, message: `${PURE} Threads belong to the server and the CLI.` })),
        ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'fetch'].map((name) => ({
          name,
          message: `${PURE} No I/O and no Node: the server and the CLI bring the text.`,
        })),
        ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'].map((name) => ({
          name,
          message: `${PURE} No timers: the server decides when to compute.`,
        })),
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: `${PURE} It loads no code at run time: import statically.` }],
    },
  },

  {
    files: ['client/src/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: 'client/src',
              from: '.',
              except: ['client/src', 'protocol', 'node_modules'],
              message: 'The client imports vscode, npm packages, its own files and protocol/; the server is a separate process.',
            },
          ],
        },
      ],
    },
  },

  prettier,
]);
