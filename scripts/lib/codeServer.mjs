// Where the offline VS Code host lives and how to install it: code-server from npm (the real
// workbench and extension host, served to a browser) driven by Debian's Chromium. The steps and
// versions are the ones measured in the team's note on running a real VS Code offline.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npm, onPath, run } from './process.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** VS Code 1.100.3: the newest code-server line that still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerHome = path.join(repoRoot, '.vscode-test', 'code-server');
const codeServerPackage = path.join(codeServerHome, 'node_modules', 'code-server');
export const codeServerBin = path.join(codeServerPackage, 'out', 'node', 'entry.js');
const vscodeDir = path.join(codeServerPackage, 'lib', 'vscode');
/** Written last, so an interrupted install is redone rather than trusted. */
const doneStamp = path.join(codeServerHome, '.installed');

/** A browser the host can be driven with; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const DEBIAN_PACKAGES = [
  // code-server's kerberos module compiles against it.
  { name: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || dpkgInstalled('libkrb5-dev') },
  // VS Code's search needs rg; its npm package would download it from the internet.
  { name: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { name: 'chromium', present: () => existsSync(chromiumPath) },
];

/** @param {string} name */
function dpkgInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** @param {boolean} silentWhenPresent say nothing when all is there */
async function installDebianPackages(silentWhenPresent) {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) {
    if (!silentWhenPresent) console.log(`setup-e2e: Debian packages present (${DEBIAN_PACKAGES.map((p) => p.name).join(', ')})`);
    return;
  }
  if (!onPath('apt-get')) {
    throw new Error(`setup-e2e: missing ${missing.join(', ')} and no apt-get to install them with; install them, or set CHROMIUM_PATH`);
  }
  // As root (CI, these machines) apt-get runs as it is; a developer's account goes through sudo.
  const asRoot = process.getuid?.() === 0;
  /**
   * @param {string[]} args
   * @param {import('node:child_process').SpawnOptions} [options]
   */
  const apt = (args, options) => (asRoot ? run('apt-get', args, options) : run('sudo', ['apt-get', ...args], options));
  console.log(`setup-e2e: installing Debian packages ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await apt(['update', '-qq']);
  await apt(['install', '-y', '-qq', '-o', 'Dpkg::Use-Pty=0', '--no-install-recommends', ...missing], { env });
}

export function codeServerInstalled() {
  return existsSync(doneStamp) && readFileSync(doneStamp, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerBin);
}

/** @param {boolean} silentWhenPresent say nothing when it is there */
async function installCodeServer(silentWhenPresent) {
  if (codeServerInstalled()) {
    if (!silentWhenPresent) console.log(`setup-e2e: code-server ${CODE_SERVER_VERSION} already in ${path.relative(repoRoot, codeServerHome)}`);
    return;
  }
  console.log(`setup-e2e: installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, codeServerHome)}`);
  rmSync(codeServerHome, { recursive: true, force: true });
  mkdirSync(codeServerHome, { recursive: true });
  // A package.json of its own, so npm installs here and not into the project above.
  writeFileSync(
    path.join(codeServerHome, 'package.json'),
    `${JSON.stringify({ private: true, description: 'The offline VS Code host for end-to-end tests' }, null, 2)}\n`,
  );
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // code-server's own install script refuses to run as root without unsafe_perm.
  const env = { ...process.env, npm_config_unsafe_perm: 'true' };
  await run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerHome, env });
  await run(npm, ['rebuild', 'argon2'], { cwd: codeServerHome, env });

  await run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], { cwd: vscodeDir, env });
  // @vscode/ripgrep's install script downloads rg unless bin/ already holds one.
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync('/usr/bin/rg', path.join(rgBin, 'rg'));
  // node-pty's install script otherwise stops at an npx prompt.
  await run(npm, ['rebuild'], { cwd: vscodeDir, env: { ...env, npm_config_yes: 'true' } });
  const asarLink = path.join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asarLink)) symlinkSync('node_modules', asarLink);

  await run(npm, ['install', '--omit=dev', ...quiet], { cwd: path.join(vscodeDir, 'extensions'), env });
  writeFileSync(doneStamp, `${CODE_SERVER_VERSION}\n`);
  console.log('setup-e2e: code-server installed');
}

/**
 * Installs everything the browser host needs; quick when it is all there already. A first
 * install is shown as it goes, as it takes minutes; `quiet` keeps back the news that all is there.
 * @param {{ quiet?: boolean }} [options]
 */
export async function setupBrowserHost({ quiet = false } = {}) {
  if (process.platform !== 'linux') {
    throw new Error('setup-e2e: the code-server host is set up on Linux only; elsewhere use a desktop VS Code (VSCODE_EXECUTABLE_PATH)');
  }
  await installDebianPackages(quiet);
  await installCodeServer(quiet);
}
