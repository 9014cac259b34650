// Small helpers for the project's scripts: run a command visibly, and find out whether it exists.
import { spawn, spawnSync } from 'node:child_process';

/**
 * Runs a command with inherited stdio, printing it first; rejects with a clear message on failure.
 * With `quiet`, the command and its output are kept back and shown only when it fails: `npm start`
 * ends with the address to open, not with pages of build output above it.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions & { quiet?: boolean }} [options]
 */
export function run(command, args, { quiet = false, ...options } = {}) {
  const where = options.cwd ? ` (in ${String(options.cwd)})` : '';
  const shown = `$ ${[command, ...args].join(' ')}${where}`;
  if (!quiet) console.log(shown);
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { ...options, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
      let output = '';
      const keep = (/** @type {Buffer} */ data) => {
        output += data.toString();
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
      child.on('exit', (code, signal) => {
        if (code === 0) return resolve();
        const said = quiet && output.trim() ? `\n${shown}\n${output.trimEnd()}` : '';
        reject(new Error(`${command} ${args.join(' ')} failed with ${signal ?? `exit code ${code}`}${said}`));
      });
    })
  );
}

/**
 * True when `command` can be found on PATH.
 * @param {string} command
 */
export function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The npm executable for child processes (`npm.cmd` on Windows). */
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
