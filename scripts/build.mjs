// Bundles the extension client, the language server and the CLI with esbuild.
// `--watch` rebuilds on change; `--production` minifies and drops source maps.
import { chmod } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Resolves these packages to their CommonJS builds (their `require` export) even where they are
 * imported. tinyglobby's ESM build loads fdir's, which calls `createRequire(import.meta.url)` as
 * it loads, and `import.meta` is empty in a CommonJS bundle.
 * @param {string[]} packages
 * @returns {esbuild.Plugin}
 */
const commonJsBuildOf = (packages) => ({
  name: 'commonjs-build-of',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${packages.join('|')})$`) }, (args) =>
      args.kind === 'require-call' ? undefined : build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir }),
    );
  },
});

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The `transcript` command (package.json `bin`); the same file runs its check worker threads.
  // Executable, so `./dist/cli.js` runs from a checkout as it does once npm links the bin.
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [
      commonJsBuildOf(['tinyglobby']),
      {
        name: 'executable',
        setup(build) {
          build.onEnd(async (result) => {
            const { outfile } = build.initialOptions;
            if (result.errors.length === 0 && outfile) await chmod(outfile, 0o755);
          });
        },
      },
    ],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
