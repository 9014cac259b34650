/** Exit codes of every command: documented in `transcript --help` and docs/cli.md. */
export const EXIT_OK = 0;
/** `check` found problems that fail it (see `exitPolicy.ts`); `fix --dry-run` and `normalize --dry-run` found something to change. */
export const EXIT_PROBLEMS = 1;
/** Bad usage, or a file could not be read, was not a transcript, or could not be written. */
export const EXIT_ERROR = 2;

/**
 * An error whose message is the whole story for the user: printed as one line, without a stack
 * trace. Anything else that escapes a command is a bug and is reported as one, still on one line.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong options or arguments: the message ends with where to find help. */
export class UsageError extends CliError {
  constructor(message: string, command?: string) {
    super(`${message} (see 'transcript ${command ? `${command} ` : ''}--help')`);
    this.name = 'UsageError';
  }
}

/** One line for an unexpected error: its message, never its stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split(/\r?\n/, 1)[0] || error.name;
  return String(error);
}
