import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
// The bundle takes tinyglobby's CommonJS build, not the ESM one this import would pick: see scripts/build.mjs.
import { glob, isDynamicPattern } from 'tinyglobby';
import { notATranscriptReason, textDocument, type TranscriptDocument, type TranscriptLanguageService } from '../service';
import { CliError } from './errors';

/** Files bigger than this are refused with a one-line reason instead of exhausting memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** What `check` and `fix` look for inside a folder. */
export const TRANSCRIPT_GLOBS = ['**/*.transcript', '**/*.transcript.txt'];
const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/** A file that cannot be used, with the reason a person needs; reported as `path: reason`. */
export class InputError extends CliError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
  }
}

export interface ExpandedPaths {
  /** In the order given; a folder's or glob's files in sorted order; each file once. */
  readonly files: string[];
  /** Arguments that named nothing usable, each already a one-line message. */
  readonly errors: InputError[];
}

/**
 * Turns the command line's paths into files: a file is taken as given (whatever its name), a
 * folder is searched for transcripts, and anything else that looks like a glob is expanded. A
 * path that exists is never read as a glob, so names with brackets or stars still work.
 */
export async function expandPaths(args: readonly string[], cwd = process.cwd()): Promise<ExpandedPaths> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };

  for (const arg of args) {
    const stats = await fs.stat(path.resolve(cwd, arg)).catch((error: NodeJS.ErrnoException) => error);
    if (!(stats instanceof Error)) {
      if (stats.isDirectory()) {
        const found = await glob(TRANSCRIPT_GLOBS, { cwd: path.resolve(cwd, arg), ignore: SKIPPED_FOLDERS });
        if (found.length === 0) errors.push(new InputError(arg, 'no *.transcript or *.transcript.txt files in this folder'));
        for (const file of found.sort()) add(path.join(arg, file));
      } else {
        add(arg);
      }
      continue;
    }
    if (stats.code === 'ENOENT' && isDynamicPattern(arg)) {
      const absolute = path.isAbsolute(arg);
      const found = await glob(arg, { cwd, absolute, ignore: SKIPPED_FOLDERS });
      if (found.length === 0) errors.push(new InputError(arg, 'no files match this pattern'));
      for (const file of found.sort()) add(file);
      continue;
    }
    errors.push(new InputError(arg, fsReason(stats)));
  }
  return { files, errors };
}

/** A readable reason for a file system error, without Node's error codes and syscalls. */
export function fsReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'file not found';
    case 'ENOTDIR':
      return 'file not found (a parent is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return `could not be read or written (${error.code ?? error.message})`;
  }
}

export interface LoadedTranscript {
  readonly path: string;
  /** The text without its byte-order mark: editors do not show one, so positions do not count it. */
  readonly text: string;
  readonly bom: boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a file as a transcript's text, or throws an `InputError` that says why it cannot. */
export async function loadTranscript(file: string): Promise<LoadedTranscript> {
  let stats;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    throw new InputError(file, fsReason(error as NodeJS.ErrnoException));
  }
  if (stats.isDirectory()) throw new InputError(file, 'is a folder, not a file');
  if (!stats.isFile()) throw new InputError(file, 'not a regular file');
  if (stats.size > MAX_FILE_BYTES) {
    throw new InputError(file, `too large: ${megabytes(stats.size)} (the limit is ${megabytes(MAX_FILE_BYTES)})`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new InputError(file, fsReason(error as NodeJS.ErrnoException));
  }
  return { path: file, ...decodeTranscript(file, bytes) };
}

/** Decodes UTF-8 text, refusing what is clearly not a text transcript. */
export function decodeTranscript(file: string, bytes: Uint8Array): { text: string; bom: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(file, 'not a transcript: UTF-16 text (save it as UTF-8)');
  }
  if (bytes.includes(0)) throw new InputError(file, 'not a transcript: it holds binary data');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new InputError(file, 'not a transcript: not valid UTF-8 text');
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, bom };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * The text of `file` as a document of `service`, or an `InputError` when it is not a transcript
 * (its analysis is then dropped: a run over many files keeps none of the refused ones).
 */
export function transcriptDocument(service: TranscriptLanguageService, file: string, text: string): TranscriptDocument {
  const document = textDocument(pathToFileURL(file).href, text);
  const reason = notATranscriptReason(service.model(document), text);
  if (reason) {
    service.forget(document.uri);
    throw new InputError(file, reason);
  }
  return document;
}
