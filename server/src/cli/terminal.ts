import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types';

/**
 * Colour only for a person at a terminal: never in a pipe or a file, never when `NO_COLOR` is set
 * to anything (no-color.org), always when `FORCE_COLOR` is set to anything but `0`.
 */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env, refused = false): boolean {
  if (refused) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}

/**
 * Writes to stdout and resolves once the text is handed to the OS, so the process can exit with
 * its code without cutting output short.
 */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text.length === 0) return resolve();
    process.stdout.write(text, () => resolve());
  });
}

let pipeClosedHandled = false;
/**
 * A closed pipe (`transcript check | head`) is not an error: the reader has what it wanted. The
 * rest of the output is dropped and the command still ends with its own exit status.
 */
export function ignoreClosedPipes(): void {
  if (pipeClosedHandled) return;
  pipeClosedHandled = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** One line on stderr, prefixed so it is clear which program speaks. */
export function printError(message: string): void {
  process.stderr.write(`transcript: ${message}\n`);
}
