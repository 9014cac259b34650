import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedBoundaries, SharedFirstCheck, TranscriptSettings, TurnLayout } from '../service';
import { ChunkClaims } from './chunkClaims';

/*
 * Opening a big transcript is one full check: parsing it, and the overlap check at each chunk
 * boundary, which costs about as much again. With a second core, a worker thread
 * (`boundaryWorker.ts`) checks boundaries while this thread is still parsing: it gets the text
 * first, then the parsed turns as numbers (`TurnLayout`) part after part, and checks each
 * boundary from the first on as soon as its turns have come, without parsing anything. Once
 * this thread has parsed the whole, it checks boundaries from the last one back, until the two
 * meet (`ChunkClaims`). Only results come back. Later versions are checked incrementally, and
 * small documents are not worth it.
 */

/**
 * Below this many characters the whole overlap check takes well under 100 ms, and starting the
 * worker and copying the text to it saves little or nothing (2 MB opened slower with it).
 */
const MIN_CHARACTERS = 4_000_000;

/** How many turns go to the worker in one part: some 50 parts on 20 MB, so that little is left for it when the parse ends. */
const TURNS_PER_PART = 1_500;

const count = (n: number) => n.toLocaleString('en-US');

export type BoundaryRequest =
  /** A document to check: the text its turns are in, and the claims both threads take chunks by. */
  | { readonly kind: 'begin'; readonly id: number; readonly text: string; readonly settings: TranscriptSettings; readonly claims: SharedArrayBuffer }
  /** The next turns and chunks parsed. */
  | { readonly kind: 'part'; readonly id: number; readonly layout: TurnLayout }
  /** The parse is done: the worker checks what it can still claim of the `chunkCount` chunks and replies. */
  | { readonly kind: 'end'; readonly id: number; readonly chunkCount: number };

export type BoundaryReply = { readonly id: number; readonly checked: CheckedBoundaries } | { readonly id: number; readonly error: string };

/** One document checked on both threads: its parts go to the worker as they are parsed. */
interface SharedCheck {
  readonly claims: ChunkClaims;
  send(layout: TurnLayout): void;
  /** The worker's results for the chunks it claimed, or undefined if it failed: they are then checked here. */
  end(chunkCount: number): Promise<CheckedBoundaries | undefined>;
}

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

  /**
   * Parses and checks a document's first version (`check`, not parsed yet, of `text`) on both
   * threads, the worker checking boundaries from the first chunk on while this thread parses, and
   * this one from the last back once it has parsed. Says what the worker did, for the log; when
   * the worker fails, what it claimed and did not check is checked on this thread when asked for.
   */
  async checkFirstVersion(check: SharedFirstCheck, text: string, settings: TranscriptSettings): Promise<string | undefined> {
    const shared = this.begin(text, settings);
    if (!shared) return undefined;
    let chunkCount = 0;
    let rest: Promise<CheckedBoundaries | undefined>;
    try {
      chunkCount = check.parse(TURNS_PER_PART, (layout) => shared.send(layout));
    } finally {
      // Ended whatever happened, so that the worker lets the document go.
      shared.claims.endAt(chunkCount);
      rest = shared.end(chunkCount);
    }
    // The other checks need no boundary: they run while the worker is busy.
    check.checkAllButBoundaries();
    for (let chunk = shared.claims.takeBack(); chunk !== undefined; chunk = shared.claims.takeBack()) check.checkBoundary(chunk);
    const checked = await rest;
    if (!checked) return undefined;
    check.accept(checked);
    return `checked ${count(checked.count)} of its ${count(Math.max(0, chunkCount - 1))} chunk boundaries on a second thread.`;
  }

  /** Sends the worker a document's text, and then its parts as they are parsed; undefined if the worker cannot start. */
  private begin(text: string, settings: TranscriptSettings): SharedCheck | undefined {
    const worker = this.started();
    if (!worker) return undefined;
    const id = this.nextId++;
    const post = (request: BoundaryRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(request, transfer);
    // Chunk 0 has no boundary before it.
    const claims = new ChunkClaims(undefined, 1);
    post({ kind: 'begin', id, text, settings, claims: claims.buffer });
    return {
      claims,
      send: (layout) => {
        // The layout's numbers move to the worker: no copy.
        const buffers = [layout.turns, layout.turnStarts, layout.chunks].map((numbers) => numbers.buffer as ArrayBuffer);
        post({ kind: 'part', id, layout }, buffers);
      },
      end: (chunkCount) =>
        new Promise((resolve) => {
          // A worker that failed since `begin` is gone: its part is checked here.
          if (this.worker !== worker) return resolve(undefined);
          this.waiting.set(id, resolve);
          post({ kind: 'end', id, chunkCount });
        }),
    };
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
