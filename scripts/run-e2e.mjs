// `npm run test:e2e`: builds the extension and its tests, then runs test/e2e in a real VS Code.
//
// Two hosts, as issue 5 asks:
// - desktop: @vscode/test-electron with a VS Code executable (VSCODE_EXECUTABLE_PATH), or one it
//   downloads where a display and Microsoft's update service can be had;
// - browser: code-server from npm in headless Chromium, installed by scripts/setup-e2e.mjs.
// `E2E_HOST=desktop|browser` forces one. The runner says which it used and fails loudly when
// neither can run; it never skips. `E2E_TIMEOUT_MS` bounds the whole suite (default 5 minutes),
// `E2E_GREP` narrows it to matching tests. `--screenshots` retakes the README's pictures
// (scripts/screenshots.mjs) once the suite has passed.
import * as path from 'node:path';
import { format } from 'node:util';
import { repoRoot, setupBrowserHost } from './lib/codeServer.mjs';
import { freePort, launchChromium, makeProfile, remoteUri, startCodeServer, workbenchUrl } from './lib/browserHost.mjs';
import { npm, run } from './lib/process.mjs';

const workspaceDir = path.join(repoRoot, 'test', 'e2e', 'workspace');
const testsEntry = path.join(repoRoot, 'out', 'test', 'e2e', 'index');
const suiteTimeoutMs = Number(process.env.E2E_TIMEOUT_MS) || 300_000;

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`\ntest:e2e: FAILED: ${message}`);
  process.exit(1);
}

async function build() {
  await run(npm, ['run', '--silent', 'build'], { cwd: repoRoot });
  await run(npm, ['run', '--silent', 'compile:tests'], { cwd: repoRoot });
}

/** A desktop VS Code executable, or why there is none; never throws. */
async function findDesktopVSCode() {
  if (process.env.VSCODE_EXECUTABLE_PATH) return { executable: process.env.VSCODE_EXECUTABLE_PATH };
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return { reason: 'no display to show a desktop VS Code window (set DISPLAY, or VSCODE_EXECUTABLE_PATH with xvfb-run)' };
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    console.log('test:e2e: looking for a desktop VS Code (download through @vscode/test-electron)');
    return { executable: await downloadAndUnzipVSCode({ version: 'stable', timeout: 15_000 }) };
  } catch (error) {
    return { reason: `downloading VS Code failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** @param {string} executable */
async function runDesktop(executable) {
  console.log(`test:e2e: host: desktop VS Code through @vscode/test-electron (${executable})`);
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
      launchArgs: [workspaceDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

/** Log lines the offline workbench always prints and that say nothing about the suite. */
const NOISE = [
  /open-vsx\.org|gallery|marketplace/i,
  /ERR_NAME_NOT_RESOLVED|Failed to fetch/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution/,
];

async function runBrowser() {
  await setupBrowserHost();
  console.log('test:e2e: host: code-server (VS Code in headless Chromium), offline');
  const profile = makeProfile('transcript-e2e');
  const port = await freePort();
  let server;
  let browser;
  try {
    server = await startCodeServer({ profile, port });
    browser = await launchChromium({ allowAutoplay: true });
    const page = await browser.newPage();

    let suiteSpoke = false;
    /** @type {(result: HostResult) => void} */
    let finish;
    /** @type {Promise<HostResult>} */
    const finished = new Promise((resolve) => {
      finish = resolve;
    });
    // The workbench reports the extension host's output here while the tests run, and the exit
    // code (with the window's log files) when they end.
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown} */ args) => {
      // The extension host's console calls arrive as format string and arguments.
      const text = format(...(Array.isArray(args) ? /** @type {unknown[]} */ (args) : [args]));
      if (NOISE.some((pattern) => pattern.test(text))) return;
      suiteSpoke ||= /passing|failing/.test(text);
      (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code, /** @type {HostLog[] | undefined} */ logs) =>
      finish({ code, logs: logs ?? [] }),
    );
    page.on('crash', () => finish({ code: 1, logs: [], reason: 'the browser page crashed' }));
    browser.on('disconnected', () => finish({ code: 1, logs: [], reason: 'the browser went away' }));

    const url = workbenchUrl(server.url, workspaceDir, [
      ['extensionDevelopmentPath', remoteUri(port, repoRoot)],
      ['extensionTestsPath', remoteUri(port, testsEntry)],
      ['skipWelcome', 'true'],
    ]);
    const started = Date.now();
    await page.goto(url, { timeout: 60_000 });
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @type {Promise<HostResult>} */
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ code: 1, logs: [], reason: `the suite did not finish within ${suiteTimeoutMs / 1000} s` }), suiteTimeoutMs);
    });
    const result = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.reason) console.error(`test:e2e: ${result.reason} (after ${seconds} s)`);
    else console.log(`test:e2e: the extension host finished in ${seconds} s with exit code ${result.code}`);
    // Mocha's report says why tests failed; the logs matter when the suite never reported.
    if (result.code !== 0 && !suiteSpoke) printHostLogs(result.logs, server.output());
    return result.code;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.remove();
  }
}

/** @typedef {{ relativePath: string, contents: string }} HostLog One of the window's log files. */
/** @typedef {{ code: number, logs: HostLog[], reason?: string }} HostResult How the extension host ended. */

/**
 * On failure, what the extension host and code-server said, to find out why.
 * @param {HostLog[]} logs
 * @param {string} serverOutput
 */
function printHostLogs(logs, serverOutput) {
  for (const { relativePath, contents } of logs) {
    if (!/exthost|extensionHost|renderer|window/i.test(relativePath)) continue;
    console.error(`\n--- ${relativePath} ---\n${contents.trim()}`);
  }
  console.error(`\n--- code-server ---\n${serverOutput.trim()}`);
}

async function main() {
  const started = Date.now();
  const forced = process.env.E2E_HOST;
  if (forced && forced !== 'desktop' && forced !== 'browser') fail(`E2E_HOST must be "desktop" or "browser", not "${forced}"`);
  await build();

  let code;
  if (forced === 'browser') {
    code = await runBrowser();
  } else {
    const desktop = await findDesktopVSCode();
    if (desktop.executable) {
      code = await runDesktop(desktop.executable);
    } else if (forced === 'desktop') {
      fail(`E2E_HOST=desktop, but ${desktop.reason}`);
    } else {
      console.log(`test:e2e: no desktop VS Code: ${desktop.reason}`);
      code = await runBrowser();
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) fail(`the end-to-end suite exited with code ${code} (${seconds} s)`);
  console.log(`test:e2e: passed in ${seconds} s`);
  if (process.argv.includes('--screenshots')) {
    await run(process.execPath, [path.join(repoRoot, 'scripts', 'screenshots.mjs')], { cwd: repoRoot });
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
