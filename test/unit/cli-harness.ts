import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';

/*
 * The CLI tests run the built `dist/cli.js` as a child process, as a user or CI job does, on
 * temporary folders. What they expect is written out by hand below, from reading the small
 * transcripts and docs/cli.md and docs/diagnostics.md: never computed by the service or the
 * exporter the CLI runs, which would agree with a wrong answer.
 */

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const sampleTranscript = join(repoRoot, 'sample', 'debate-2016.transcript');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to completion. Colour variables are cleared unless the test sets them. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run 'npm run build' before the CLI tests`);
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A fresh folder, removed when the test ends. */
export async function tempFolder(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'transcript-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** An ordinary transcript, with nothing for any check to report. */
export const CLEAN = [
  '[00:00:01] Speaker 1: "Good morning, everyone."',
  'Sentiment: Positive',
  '',
  '[00:00:04] Speaker 2: "Morning. Shall we begin with the agenda?"',
  'Sentiment: Neutral',
  '',
].join('\n');

/** A transcript with problems the parser itself finds: a broken stamp and a quote left open. */
export const BROKEN = [
  '[00:00:01] Speaker 1: "Good morning, everyone."',
  'Sentiment: Positive',
  '',
  '[00:75:00] Speaker 2: "This stamp is broken."',
  'Sentiment: Neutral',
  '',
  '[00:00:09] Speaker 1: Emoji 😀 first, then "an open quote',
  'Sentiment: Neutral',
  '',
].join('\n');

/** A diagnostic as the JSON report and the language server give it: LSP ranges, 0-based, in UTF-16 units. */
export interface ExpectedDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly message: string;
  readonly range: ExpectedRange;
  readonly related?: ReadonlyArray<{ readonly message: string; readonly range: ExpectedRange }>;
  readonly unnecessary?: boolean;
}
type ExpectedRange = { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };

/** `line:from-to` on one line, 0-based. */
export function on(line: number, from: number, to: number): ExpectedRange {
  return { start: { line, character: from }, end: { line, character: to } };
}

/**
 * BROKEN's findings: the stamp `[00:75:00]` (line 4, its 10 characters), and the `"` of line 7 that
 * no quote closes. That quote stands after `[00:00:09] Speaker 1: ` (22), `Emoji ` (6), the emoji
 * (two UTF-16 units) and ` first, then ` (13): character 43.
 */
export const BROKEN_DIAGNOSTICS: readonly ExpectedDiagnostic[] = [
  { code: 'timestamp-malformed', severity: 'error', message: '[00:75:00] is not a valid time: minutes must be below 60.', range: on(3, 0, 10) },
  { code: 'unterminated-quote', severity: 'warning', message: 'This quotation mark is never closed in its turn.', range: on(6, 43, 44) },
];

/**
 * A chunk that opens by repeating, word for word, the whole last turn of the chunk before (12
 * words), and a turn stuck on `Thank you.`: one copy said, then three more.
 */
export const REPEATED = [
  '[00:00:01] Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
  '[00:00:09] Speaker 2: And the council never paid us a single penny for the work.',
  'This chunk continues in the next part.',
  '[00:00:10] Speaker 1: And the council never paid us a single penny for the work.',
  '[00:00:15] Speaker 2: So we sent them the bill, and they paid it the next week.',
  '[00:00:20] Speaker 1: Thank you all for coming. Thank you. Thank you. Thank you. Thank you.',
  '',
].join('\n');

/**
 * REPEATED's findings. The repeat is the 58 characters after the 22 of `[00:00:10] Speaker 1: `
 * on line 4, the original the same on line 2. The loop: the first `Thank you.` stands at 48
 * (after `Thank you all for coming. `), the copies after it run from 59 to the line's end (91).
 */
export const REPEATED_DIAGNOSTICS: readonly ExpectedDiagnostic[] = [
  {
    code: 'duplicate-overlap',
    severity: 'warning',
    message: 'This text repeats the end of the previous chunk (line 2): 12 of 12 words match.',
    range: on(3, 22, 80),
    related: [{ message: 'The original text', range: on(1, 22, 80) }],
    unnecessary: true,
  },
  {
    code: 'repetition-loop',
    severity: 'warning',
    message: '“Thank you” 4 times in a row: speech-to-text repeating itself',
    range: on(5, 59, 91),
    related: [{ message: 'The first copy, which Keep one copy keeps', range: on(5, 48, 58) }],
    unnecessary: true,
  },
];

/**
 * REPEATED after Fix All, written out by hand: the repeating turn goes whole (it is all repeat, so
 * keeping the earlier reading touches one turn and drops nothing), and the loop keeps its first
 * copy with the last copy's full stop.
 */
export const REPEATED_FIXED = [
  '[00:00:01] Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
  '[00:00:09] Speaker 2: And the council never paid us a single penny for the work.',
  'This chunk continues in the next part.',
  '[00:00:15] Speaker 2: So we sent them the bill, and they paid it the next week.',
  '[00:00:20] Speaker 1: Thank you all for coming. Thank you.',
  '',
].join('\n');

/** True when the text has no stack-trace lines: errors must be one clear line. */
export function hasNoStackTrace(stderr: string): boolean {
  return !/^\s+at /m.test(stderr) && !/Error:/.test(stderr.replace(/^transcript: .*$/gm, ''));
}
