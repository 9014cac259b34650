import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createTranscriptService, resolveSettings, type TranscriptDiagnostic, type TranscriptSettings } from '../service';
import { describeError } from './errors';
import { InputError, loadTranscript, transcriptDocument } from './files';

/*
 * Checking many files uses every core: the main thread and a pool of worker threads, one per
 * further core, each with its own service, take files one batch at a time from one queue. Few
 * files are checked on the main thread alone, where starting a thread (loading the bundle and
 * warming up its compiler) would cost more than it saves.
 */

export type FileCheck =
  { readonly path: string; readonly diagnostics: readonly TranscriptDiagnostic[] } | { readonly path: string; readonly error: string };

export interface CheckOptions {
  /** Threads to use, the main one included; 1 checks on the main thread only. Defaults to the cores. */
  readonly jobs?: number;
  /** Called once per file as it completes, in completion order. */
  readonly onFileDone?: () => void;
  /** What the checks report; the defaults, as the editor's, when not given. Worker threads get them too. */
  readonly settings?: TranscriptSettings;
}

/** Below this many files per extra thread, a thread does not pay for its start-up. */
const FILES_PER_WORKER = 24;
/** Files handed to a worker at once: few enough to balance, enough to keep messages rare. */
const BATCH_SIZE = 8;
const WORKER_ROLE = 'transcript-check-worker';

const service = createTranscriptService();

/** Checks one file on this thread. Never throws: a file that cannot be checked says why. */
export async function checkFile(file: string, settings: TranscriptSettings): Promise<FileCheck> {
  try {
    const { text } = await loadTranscript(file);
    const document = transcriptDocument(service, file, text);
    try {
      return { path: file, diagnostics: service.diagnostics(document, settings) };
    } finally {
      service.forget(document.uri);
    }
  } catch (error) {
    return { path: file, error: error instanceof InputError ? error.reason : `could not be checked: ${describeError(error)}` };
  }
}

/** Checks files, in parallel when there are many; results come back in the order given. */
export async function checkFiles(files: readonly string[], options: CheckOptions = {}): Promise<FileCheck[]> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const settings = options.settings ?? resolveSettings(undefined);
  const threads = Math.min(jobs, Math.floor(files.length / FILES_PER_WORKER));
  if (threads <= 1) {
    const results: FileCheck[] = [];
    for (const file of files) {
      results.push(await checkFile(file, settings));
      options.onFileDone?.();
    }
    return results;
  }
  return checkInThreads(files, threads, settings, options.onFileDone);
}

interface WorkerRequest {
  readonly batch: number;
  readonly files: readonly string[];
}
interface WorkerReply {
  readonly batch: number;
  readonly results: readonly FileCheck[];
}

/** What a worker thread is started with. */
interface WorkerStart {
  readonly role: typeof WORKER_ROLE;
  readonly settings: TranscriptSettings;
}

function checkInThreads(files: readonly string[], threads: number, settings: TranscriptSettings, onFileDone?: () => void): Promise<FileCheck[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const results: FileCheck[][] = new Array<FileCheck[]>(batches.length);
  let next = 0;
  let running = 0;

  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (running === 0 && next >= batches.length) resolve(results.flat());
    };
    const start = () => {
      // The bundle is its own worker script: `main` starts `runCheckWorker` in a worker thread.
      const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE, settings } satisfies WorkerStart });
      running++;
      let current: number | undefined;
      const feed = () => {
        if (next < batches.length) {
          current = next++;
          worker.postMessage({ batch: current, files: batches[current]! } satisfies WorkerRequest);
        } else {
          current = undefined;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        results[reply.batch] = [...reply.results];
        for (let i = 0; i < reply.results.length; i++) onFileDone?.();
        feed();
      });
      // A worker that dies (out of memory on a giant file, say) fails only the files it held.
      worker.on('error', (error) => {
        if (current !== undefined) {
          results[current] = batches[current]!.map((path) => ({ path, error: `could not be checked: ${describeError(error)}` }));
          for (let i = 0; i < batches[current]!.length; i++) onFileDone?.();
          current = undefined;
        }
      });
      worker.on('exit', () => {
        running--;
        if (current !== undefined) {
          results[current] = batches[current]!.map((path) => ({ path, error: 'could not be checked: the checking thread stopped' }));
          for (let i = 0; i < batches[current]!.length; i++) onFileDone?.();
        }
        if (next < batches.length) start();
        finishIfDone();
      });
      feed();
    };
    // The main thread takes batches too; each file's read yields, so worker replies get through.
    const checkHere = async () => {
      running++;
      while (next < batches.length) {
        const batch = next++;
        const checked: FileCheck[] = [];
        for (const file of batches[batch]!) {
          checked.push(await checkFile(file, settings));
          onFileDone?.();
        }
        results[batch] = checked;
      }
      running--;
      finishIfDone();
    };
    for (let i = 1; i < threads; i++) start();
    void checkHere();
  });
}

/** True in a thread started by `checkInThreads`. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

/** The worker side: checks each batch it is sent and replies with the results. */
export function runCheckWorker(): void {
  const { settings } = workerData as WorkerStart;
  // `checkFile` never throws. Should replying fail, the rejection goes unhandled and ends this
  // thread, and the main thread reports the files of the batch it held (the worker's 'error').
  parentPort!.on('message', (request: WorkerRequest) => void checkBatch(request, settings));
}

async function checkBatch(request: WorkerRequest, settings: TranscriptSettings): Promise<void> {
  const results: FileCheck[] = [];
  for (const file of request.files) results.push(await checkFile(file, settings));
  parentPort!.postMessage({ batch: request.batch, results } satisfies WorkerReply);
}
