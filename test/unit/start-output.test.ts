import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './cli-harness';

/*
 * `npm start` ends with the address to open: the build's and the packager's output (some sixty
 * lines) is kept back unless a step fails, and the address is the last line.
 */

/** Runs a snippet of ES module code in the repository's root, as the scripts run. */
async function runModule(code: string): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot });
}

test('a quiet step prints nothing when it succeeds, and everything it printed when it fails', async () => {
  const chatty = JSON.stringify(['-e', 'for (let i = 0; i < 60; i++) console.log("built file", i)']);
  const ok = await runModule(`
    import { run } from './scripts/lib/process.mjs';
    await run(process.execPath, ${chatty}, { quiet: true });
    console.log('after');`);
  assert.equal(ok.stdout, 'after\n');

  const failing = JSON.stringify(['-e', 'console.log("built file 1"); console.error("no icon"); process.exit(3)']);
  const failed = await runModule(`
    import { run } from './scripts/lib/process.mjs';
    await run(process.execPath, ${failing}, { quiet: true }).catch((error) => console.log(error.message));`);
  assert.match(failed.stdout, /failed with exit code 3\n\$ .*\nbuilt file 1\nno icon\n$/);
});

test('the start banner ends with the address, on a line of its own', async () => {
  const { stdout } = await runModule(`
    import { startBanner } from './scripts/lib/product.mjs';
    console.log(startBanner('sample/debate-2016.transcript', 'http://127.0.0.1:8080/?folder=%2Fsample'));`);
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1)!.trim(), 'http://127.0.0.1:8080/?folder=%2Fsample');
  assert.match(stdout, /Ctrl\+C stops it/);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const codeServerReady = existsSync(join(repoRoot, '.vscode-test', 'code-server', '.installed'));

test(
  'npm start prints a line or two, then the address last',
  { timeout: 180_000, skip: !codeServerReady && 'code-server is not installed yet (npm start or npm run test:e2e installs it)' },
  async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), '--port', String(port)], { cwd: repoRoot });
    let output = '';
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const address = `http://127.0.0.1:${port}/`;
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (data: Buffer) => {
          output += data.toString();
          // The banner is written at once; the address is its last line.
          if (output.includes(address) && output.endsWith('\n')) resolve();
        });
        void exited.then((code) => reject(new Error(`npm start stopped (exit code ${code}):\n${output}`)));
      });
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    const printed = output.slice(0, output.indexOf('SIGINT')).trimEnd().split('\n');
    assert.ok(printed.at(-1)!.includes(address), `the last line is the address:\n${output}`);
    assert.ok(printed.length <= 8, `${printed.length} lines before the address:\n${output}`);
  },
);
