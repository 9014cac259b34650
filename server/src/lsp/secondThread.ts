import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { layoutOf, type CheckedBoundaries, type TranscriptService, type TranscriptSettings, type TurnLayout } from '../service';

type Analysis = ReturnType<TranscriptService['analysis']>;

/*
 * Opening a big transcript is one full check: parsing it, and the overlap check at each chunk
 * boundary, which costs about as much again. With a second core, a worker thread
 * (`boundaryWorker.ts`) checks the boundaries of the later chunks while this thread is still
 * parsing: it gets the text first, then the parsed turns as numbers (`TurnLayout`) part after
 * part, and checks each boundary as soon as its turns have come, without parsing anything. This
 * thread checks the boundaries of the first chunks once it has parsed the whole. Only results
 * come back. Later versions are checked incrementally, and small documents are not worth it.
 */

/**
 * Below this many characters the whole overlap check takes well under 100 ms, and starting the
 * worker and copying the text to it saves little or nothing (2 MB opened slower with it).
 */
const MIN_CHARACTERS = 4_000_000;

/**
 * The share of the text whose chunks' boundaries the server's thread checks, once it has parsed
 * the whole; the worker checks the rest while the parse goes on. With this share, on 20 MB, both
 * finish about together.
 */
const FIRST_THREAD_SHARE = 0.25;

/** How many turns go to the worker in one part: some 50 parts on 20 MB, so that little is left for it when the parse ends. */
const TURNS_PER_PART = 1_500;

const count = (n: number) => n.toLocaleString('en-US');

export type BoundaryRequest =
  /** A document to check: the text its turns are in. */
  | { readonly kind: 'begin'; readonly id: number; readonly text: string; readonly settings: TranscriptSettings }
  /** The next turns and chunks parsed, and, once it is known, the first chunk whose boundary the worker checks. */
  | { readonly kind: 'part'; readonly id: number; readonly layout: TurnLayout; readonly checkFrom?: number }
  /** The parse is done: the worker checks the boundaries of its chunks up to `chunkCount` and replies. */
  | { readonly kind: 'end'; readonly id: number; readonly chunkCount: number };

export type BoundaryReply = { readonly id: number; readonly checked: CheckedBoundaries } | { readonly id: number; readonly error: string };

/** One document checked on both threads: its parts go to the worker as they are parsed. */
interface SharedCheck {
  send(layout: TurnLayout, checkFrom: number | undefined): void;
  /** The worker's results for chunks [checkFrom, chunkCount), or undefined if it failed: they are then checked here. */
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
   * Parses and checks a document's first version (`analysis`, not parsed yet, of `text`) on both
   * threads: the worker checks the boundaries of the chunks after the first FIRST_THREAD_SHARE of
   * the text while this thread parses, and this thread the first chunks' after. Says what the
   * worker did, for the log; when the worker fails, its part is left to `analysis.overlaps`.
   */
  async checkFirstVersion(analysis: Analysis, text: string): Promise<string | undefined> {
    const shared = this.begin(text, analysis.settings);
    if (!shared) return undefined;
    // The worker's chunks are those after the section that ends past this offset.
    const cut = text.length * FIRST_THREAD_SHARE;
    let checkFrom: number | undefined;
    let sent = { turns: 0, chunks: 0 };
    let chunkCount = 0;
    let rest: Promise<CheckedBoundaries | undefined>;
    try {
      analysis.parseWatched((parsed, sectionEnd) => {
        const starting = checkFrom === undefined && sectionEnd >= cut;
        if (starting) checkFrom = parsed.chunks.length;
        if (!starting && parsed.turns.length - sent.turns < TURNS_PER_PART) return;
        shared.send(layoutOf(parsed, sent.turns, sent.chunks), starting ? checkFrom : undefined);
        sent = { turns: parsed.turns.length, chunks: parsed.chunks.length };
      });
      const { model } = analysis;
      shared.send(layoutOf(model, sent.turns, sent.chunks), undefined);
      chunkCount = model.chunks.length;
    } finally {
      // Ended whatever happened, so that the worker lets the document go.
      rest = shared.end(chunkCount);
    }
    analysis.checkBoundaries(0, checkFrom ?? chunkCount);
    // The other checks need no boundary: they run while the worker finishes.
    void analysis.timestamps;
    const checked = await rest;
    if (!checked) return undefined;
    analysis.acceptCheckedBoundaries(checked);
    return `checked ${count(checked.chunks.length)} of its ${count(chunkCount - 1)} chunk boundaries on a second thread.`;
  }

  /** Sends the worker a document's text, and then its parts as they are parsed; undefined if the worker cannot start. */
  private begin(text: string, settings: TranscriptSettings): SharedCheck | undefined {
    const worker = this.started();
    if (!worker) return undefined;
    const id = this.nextId++;
    const post = (request: BoundaryRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(request, transfer);
    post({ kind: 'begin', id, text, settings });
    return {
      send: (layout, checkFrom) => {
        // The layout's numbers move to the worker: no copy.
        const buffers = [layout.turns, layout.turnStarts, layout.chunks].map((numbers) => numbers.buffer as ArrayBuffer);
        post({ kind: 'part', id, layout, ...(checkFrom === undefined ? {} : { checkFrom }) }, buffers);
      },
      end: (chunkCount) => new Promise((resolve) => {
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
