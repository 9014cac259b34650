import { runCheck } from './check';
import { isCheckWorker, runCheckWorker } from './checkFiles';
import { CliError, describeError, EXIT_ERROR, EXIT_OK, UsageError } from './errors';
import { runExport } from './export';
import { runFix } from './fix';
import { runNormalize } from './normalize';
import { ignoreClosedPipes, printError, writeStdout } from './terminal';
import { toolVersion } from './version';

/*
 * `transcript`: the command-line face of the language service, for CI and batch jobs. Each
 * command is a module; this file only dispatches, and turns every failure into one line on
 * stderr and an exit code.
 */

const MAIN_HELP = `Usage: transcript <command> [options]

Checks, fixes, exports and normalizes speech transcripts with the same language
service as the Transcript Editor extension.

Commands:
  check      Report problems (text, JSON or SARIF), as the editor does
  fix        Apply every safe fix (--dry-run prints a diff instead; --names
             also writes each chunk label of a named person as the name)
  export     Write WebVTT, SRT, JSON or Markdown
  normalize  Rewrite a transcript in one canonical format

Run 'transcript <command> --help' for a command's options and examples.

Options:
  -h, --help     Show this help
  -v, --version  Show the version

Exit status: 0 success, 1 problems that fail the check (errors and warnings by
default; see 'transcript check --help') or changes pending (--dry-run), 2 bad
usage or a file could not be read, is not a transcript, or could not be
written. Errors are one line on stderr.

Examples:
  transcript check transcripts/
  transcript fix --dry-run interview.transcript
  transcript fix --names interview.transcript
  transcript export --to vtt interview.transcript -o interview.vtt
  transcript normalize interview.transcript
`;

const COMMANDS: Record<string, (args: readonly string[]) => Promise<number>> = {
  check: runCheck,
  fix: runFix,
  export: runExport,
  normalize: runNormalize,
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      if (command === 'help' && rest[0] && COMMANDS[rest[0]]) return await COMMANDS[rest[0]]!(['--help']);
      await writeStdout(MAIN_HELP);
      return command === undefined ? EXIT_ERROR : EXIT_OK;
    }
    if (command === '-v' || command === '--version') {
      await writeStdout(`${toolVersion()}\n`);
      return EXIT_OK;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command '${command}'`);
    return await run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      printError(error.message);
      return error.exitCode;
    }
    printError(`unexpected error: ${describeError(error)} (please report this)`);
    return EXIT_ERROR;
  }
}

if (isCheckWorker()) {
  runCheckWorker();
} else if (require.main === module) {
  ignoreClosedPipes();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
