import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestContext } from 'node:test';
import { createTranscriptService } from '../../server/src/service';
import type { TranscriptDiagnostic } from '../../server/src/service/features/diagnostics';
import { textDocument } from '../../server/src/service/document';

/*
 * The CLI tests run the built `dist/cli.js` as a child process, as a user or CI job does, on
 * temporary folders. What the service says about the same text is the expected answer, so the
 * tests hold as checks are added to the service.
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

/** What the language service reports for a file's text: the editor's diagnostics. */
export function serviceDiagnostics(file: string, text: string): readonly TranscriptDiagnostic[] {
  return createTranscriptService().diagnostics(textDocument(pathToFileURL(file).href, text));
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

/** True when the text has no stack-trace lines: errors must be one clear line. */
export function hasNoStackTrace(stderr: string): boolean {
  return !/^\s+at /m.test(stderr) && !/Error:/.test(stderr.replace(/^transcript: .*$/gm, ''));
}
