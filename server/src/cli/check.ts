import { availableParallelism } from 'node:os';
import { MAX_TIMESTAMP_TOLERANCE_SECONDS, resolveSettings } from '../service';
import { parseCommandArgs, integerOption, secondsOption } from './args';
import { checkFiles, type FileCheck } from './checkFiles';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors';
import { FAIL_LEVELS, failsCheck, type ExitPolicy, type FailLevel } from './exitPolicy';
import { expandPaths } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { summarize } from './formatters/summary';
import { formatText } from './formatters/text';
import { startProgress } from './progress';
import { colors, printError, useColor, writeStdout } from './terminal';
import { toolVersion } from './version';

export const CHECK_HELP = `Usage: transcript check [options] PATHS...

Checks transcripts with the same diagnostics the editor shows.

PATHS are files, folders (searched recursively for *.transcript and
*.transcript.txt, skipping node_modules and .git) and glob patterns such as
'episodes/**/*.txt' (quote them so the shell leaves them alone).

Options:
  --format text|json|sarif  Output format (default: text)
      text   file:line:col severity code message, one per line. Lines and
             columns are 1-based; columns count UTF-16 code units, as editors
             do. Colour on a terminal only (NO_COLOR turns it off).
      json   {"version":1,"files":[{"path","diagnostics":[...]}],"summary"}.
             Each diagnostic is the editor's: code, severity, message and an
             LSP range (0-based line and UTF-16 character).
      sarif  SARIF 2.1.0 for code-scanning dashboards.
  --fail-on error|warning|information
                            The least severe diagnostic that fails the check
                            (default: warning, so information notes alone pass)
  --max-warnings N          Fail on more than N warnings only, as ESLint's flag
                            does; errors always fail
  --timestamp-tolerance SECONDS
                            A stamp less than this much earlier than the latest
                            before it is two voices crossing, not a
                            timestamp-order warning; exactly this much is one
                            (default: 1; 0 reports every backwards stamp; as
                            the editor's transcript.timestamps.toleranceSeconds)
  --jobs N                  Threads for many files, the main one included
                            (default: all ${availableParallelism()} cores; 1 = the main thread only)
  --no-progress             No progress bar (it only shows on a terminal, on stderr)
  --no-color                No colour in text output
  -h, --help                Show this help

Exit status: 0 nothing fails the check, 1 something does, 2 bad usage or a
file could not be checked (not found, unreadable, too large, or not a
transcript), which wins over 1. What fails the check:
  - an error, always;
  - a warning, unless --fail-on error; with --max-warnings N, more than N
    warnings, whatever --fail-on says;
  - an information note, only with --fail-on information.

Examples:
  transcript check interview.transcript
  transcript check transcripts/
  transcript check --format json 'season-2/**/*.transcript.txt' > report.json
  transcript check --format sarif . > transcript.sarif
  transcript check --max-warnings 10 transcripts/
  transcript check --fail-on error transcripts/
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type CheckFormat = (typeof FORMATS)[number];

export async function runCheck(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', default: 'text' },
    jobs: { type: 'string' },
    'fail-on': { type: 'string', default: 'warning' },
    'max-warnings': { type: 'string' },
    'timestamp-tolerance': { type: 'string' },
    'no-progress': { type: 'boolean', default: false },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await writeStdout(CHECK_HELP);
    return EXIT_OK;
  }
  const format = values.format as CheckFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format takes text, json or sarif, not '${values.format}'`, 'check');
  if (positionals.length === 0) throw new UsageError('give at least one file, folder or glob to check', 'check');
  const jobs = integerOption('check', 'jobs', values.jobs, 1, 1024);
  const policy = exitPolicy(values['fail-on'], values['max-warnings']);
  const timestampToleranceSeconds = secondsOption('check', 'timestamp-tolerance', values['timestamp-tolerance'], 0, MAX_TIMESTAMP_TOLERANCE_SECONDS);
  const settings = resolveSettings(timestampToleranceSeconds !== undefined ? { timestampToleranceSeconds } : undefined);

  const { files, errors } = await expandPaths(positionals);
  const progress = startProgress(files.length, 'checking', !values['no-progress']);
  const checked = await checkFiles(files, { ...(jobs !== undefined ? { jobs } : {}), settings, onFileDone: () => progress.tick() });
  progress.stop();

  // Paths that named nothing usable are reported with the files that failed, in every format.
  const results: FileCheck[] = [...errors.map((error) => ({ path: error.path, error: error.reason })), ...checked];
  const summary = summarize(results);
  for (const result of results) if ('error' in result) printError(`${result.path}: ${result.error}`);

  if (format === 'json') await writeStdout(formatJson(results, summary));
  else if (format === 'sarif') await writeStdout(formatSarif(results, { toolVersion: toolVersion(), cwd: process.cwd() }));
  else await writeStdout(formatText(results, summary, colors(useColor(process.stdout, process.env, values['no-color']))));

  if (policy.maxWarnings !== undefined && summary.warning > policy.maxWarnings) {
    printError(`too many warnings: ${summary.warning}, more than --max-warnings ${policy.maxWarnings}`);
  }
  if (summary.failed > 0) return EXIT_ERROR;
  return failsCheck(summary, policy) ? EXIT_PROBLEMS : EXIT_OK;
}

/** `--fail-on` and `--max-warnings`, checked; bad values are usage errors. */
function exitPolicy(failOn: string, maxWarnings: string | undefined): ExitPolicy {
  if (!(FAIL_LEVELS as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on takes error, warning or information, not '${failOn}'`, 'check');
  }
  const budget = integerOption('check', 'max-warnings', maxWarnings, 0, 1_000_000_000);
  return { failOn: failOn as FailLevel, ...(budget !== undefined ? { maxWarnings: budget } : {}) };
}
