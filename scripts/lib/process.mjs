// Small helpers for the project's scripts: run a command visibly, and find out whether it exists.
import { spawn, spawnSync } from 'node:child_process';

/**
 * Runs a command with inherited stdio, printing it first; rejects with a clear message on failure.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function run(command, args, options = {}) {
  const where = options.cwd ? ` (in ${String(options.cwd)})` : '';
  console.log(`$ ${[command, ...args].join(' ')}${where}`);
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'inherit', ...options });
      child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
      child.on('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(' ')} failed with ${signal ?? `exit code ${code}`}`));
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
