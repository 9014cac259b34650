// Runs code-server (the real VS Code workbench and Node extension host) on 127.0.0.1 and drives
// it with Chromium through playwright-core. Shared by the end-to-end runner, `npm start` and the
// screenshot script.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromiumPath, codeServerBin } from './codeServer.mjs';

/**
 * A port the OS says is free now, for runs that must not collide with `npm start`'s 8080.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Settings that keep the workbench quiet and offline. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // In the browser VS Code saves after a delay by default: tests, screenshots and a first look
  // edit the project's own transcripts, and none of that may reach the disk unasked.
  'files.autoSave': 'off',
  // The sample and test folders sit inside this repository: no prompt to open it.
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * A code-server profile (user data, extensions, config) in `root`. The user settings are written
 * only when there are none yet, so changes a person makes in a kept profile stay.
 * @param {string} root
 * @param {Record<string, unknown>} [userSettings]
 */
export function profileAt(root, userSettings = {}) {
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(settingsFile, `${JSON.stringify({ ...QUIET_SETTINGS, ...userSettings }, null, 2)}\n`);
  }
  // A config file of our own, so code-server does not write one into the user's home.
  const configFile = path.join(root, 'code-server.yaml');
  if (!existsSync(configFile)) writeFileSync(configFile, '');
  return { root, userDataDir, extensionsDir, configFile, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** @typedef {ReturnType<typeof profileAt>} Profile */

/**
 * A fresh profile for one run, in the system's temporary folder; `remove()` deletes it.
 * @param {string} prefix
 * @param {Record<string, unknown>} [userSettings]
 */
export function makeProfile(prefix, userSettings = {}) {
  return profileAt(mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)), userSettings);
}

/** @param {Profile} profile */
function codeServerArgs(profile) {
  return [
    codeServerBin,
    '--config',
    profile.configFile,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

/**
 * Runs a one-off code-server command, such as `--install-extension file.vsix`.
 * @param {Profile} profile
 * @param {string[]} args
 * @param {{ timeoutMs?: number }} [limits]
 * @returns {Promise<string>} what it printed
 */
export function codeServerCommand(profile, args, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...codeServerArgs(profile), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (/** @type {Buffer} */ data) => {
      output += data.toString();
    });
    child.stderr.on('data', (/** @type {Buffer} */ data) => {
      output += data.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`code-server ${args.join(' ')} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`code-server ${args.join(' ')} failed with exit code ${code}:\n${output}`));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port in a process group of its own, so that stopping it also
 * ends the extension hosts and language servers it started. Resolves once it listens.
 * @param {{ profile: Profile, port: number, args?: string[], echo?: boolean, startTimeoutMs?: number }} options
 */
export function startCodeServer({ profile, port, args = [], echo = false, startTimeoutMs = 60_000 }) {
  const child = spawn(process.execPath, [...codeServerArgs(profile), '--bind-addr', `127.0.0.1:${port}`, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exited = false;
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const stop = async () => {
    if (exited) return;
    const signalGroup = (/** @type {NodeJS.Signals} */ signal) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exitPromise;
    clearTimeout(timer);
    // The group may outlive its leader for a moment: make sure nothing of it is left behind.
    signalGroup('SIGKILL');
  };

  /** @type {Promise<void>} */
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`code-server did not start listening within ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
    const onData = (/** @type {Buffer} */ data) => {
      const text = data.toString();
      output += text;
      if (echo) process.stdout.write(text);
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${signal ?? `code ${code}`}) before it listened:\n${output}`));
    });
  });

  return listening.then(
    () => ({ url: `http://127.0.0.1:${port}/`, port, stop, exited: exitPromise, output: () => output }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/**
 * Launches Debian's Chromium headless through playwright-core. `allowAutoplay` lets pages play
 * sound with no click first: the tests' player is started by commands, never by a click in its
 * page, which a browser's default policy would refuse. A setting of the test host, not of the
 * extension: a person's editor keeps its own policy.
 * @param {{ allowAutoplay?: boolean }} [options]
 */
export async function launchChromium({ allowAutoplay = false } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(allowAutoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
}

/**
 * The workbench URL that opens `folder` with the given launch payload (`[name, value]` pairs).
 * @param {string} baseUrl
 * @param {string} folder
 * @param {[string, string][]} [payload]
 */
export function workbenchUrl(baseUrl, folder, payload = []) {
  const url = new URL(baseUrl);
  url.searchParams.set('folder', folder);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/**
 * A `vscode-remote://` URI for a path on the code-server machine, as the launch payload wants.
 * @param {number} port
 * @param {string} absolutePath
 */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}
