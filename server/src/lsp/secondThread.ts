import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedBoundaries, TranscriptSettings, TurnLayout } from '../service';

/*
 * Opening a big transcript is one full check, and about half of it is the overlap check at the
 * chunk boundaries. With a second core, once this thread has parsed the document, a worker thread
 * (`boundaryWorker.ts`) checks half of the boundaries while this one checks the other half. The
 * worker gets the text and the turns as numbers (`TurnLayout`), so it does not parse, and hands
 * back only its results. Later versions are checked incrementally, and small documents are not
 * worth the copy of their text.
 */

/**
 * Below this many characters the whole overlap check takes well under 100 ms, and starting the
 * worker and copying the text to it saves little or nothing (2 MB opened slower with it).
 */
const MIN_CHARACTERS = 4_000_000;

export interface BoundaryRequest {
  readonly id: number;
  readonly text: string;
  readonly layout: TurnLayout;
  readonly settings: TranscriptSettings;
  /** The chunks whose boundaries the worker checks: [from, to). */
  readonly from: number;
  readonly to: number;
}

export type BoundaryReply = { readonly id: number; readonly checked: CheckedBoundaries } | { readonly id: number; readonly error: string };

export class SecondThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (checked: CheckedBoundaries | undefined) => void>();
  private readonly usable = availableParallelism() > 1;

  constructor(private readonly onError: (message: string) => void) {}

  /** Whether a first check of `text` should share its boundaries with the worker. */
  worthIt(text: string): boolean {
    return this.usable && text.length >= MIN_CHARACTERS;
  }

  /** Starts the worker if it is not running, so that it is ready by the time it is asked. */
  prepare(): void {
    this.started();
  }

  /**
   * The results of checking the boundaries of chunks [from, to), or undefined if the worker
   * failed: they are then checked here, as if there were no worker.
   */
  check(request: Omit<BoundaryRequest, 'id'>): Promise<CheckedBoundaries | undefined> {
    const worker = this.started();
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const { layout } = request;
      // The layout's numbers move to the worker; the text is copied.
      worker.postMessage({ ...request, id } satisfies BoundaryRequest, [layout.turns, layout.turnStarts, layout.chunks].map((numbers) => numbers.buffer as ArrayBuffer));
    });
  }

  private started(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(join(__dirname, 'boundaryWorker.js'));
      // An idle worker must not keep the server running after its client has gone.
      worker.unref();
      worker.on('message', (reply: BoundaryReply) => {
        const resolve = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('error' in reply) this.onError(`The second thread could not check its boundaries: ${reply.error}`);
        resolve?.('checked' in reply ? reply.checked : undefined);
      });
      const fail = (message: string) => {
        this.onError(message);
        this.worker = undefined;
        for (const resolve of this.waiting.values()) resolve(undefined);
        this.waiting.clear();
      };
      worker.on('error', (error) => fail(`The second thread failed: ${String(error)}`));
      worker.on('exit', (code) => {
        if (this.worker === worker) fail(`The second thread stopped (code ${code}).`);
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.onError(`The second thread could not start: ${String(error)}`);
      return undefined;
    }
  }
}
