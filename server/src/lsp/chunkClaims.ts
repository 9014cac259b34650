/*
 * Which thread checks which chunk's boundary when the first check of a big transcript is shared
 * between this server's thread and its worker (`secondThread.ts`).
 */

/**
 * Which thread checks which chunk's boundary, decided as they go: the other thread takes chunks
 * from the front, one at a time as their turns arrive; this one, once it has parsed the whole
 * document, takes them from the back; they stop where they meet. Each side so gets what it has
 * time for, whichever is slower (the other thread's check, started cold while this one parses,
 * or this one's after a long parse). The state is three numbers in memory both threads share:
 * a lock, the next chunk from the front and the next from the back.
 */
export class ChunkClaims {
  private readonly state: Int32Array;

  /** Claims on `buffer` (from `buffer` of claims made on the other thread), or new ones from chunk `first` on. */
  constructor(
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
    first?: number,
  ) {
    this.state = new Int32Array(buffer);
    if (first !== undefined)
      this.locked(() => {
        this.state[FRONT] = first;
        this.state[BACK] = NO_BACK_YET;
      });
  }

  /** The front side: the next chunk, if it is before `available` and not taken from the back. */
  takeFront(available: number): number | undefined {
    return this.locked(() => {
      const next = this.state[FRONT]!;
      if (next >= available || next > this.state[BACK]!) return undefined;
      this.state[FRONT] = next + 1;
      return next;
    });
  }

  /** The back side starts at the last of `chunkCount` chunks: called once the document is parsed. */
  endAt(chunkCount: number): void {
    this.locked(() => {
      this.state[BACK] = chunkCount - 1;
    });
  }

  /** The back side: the next chunk from the end, if the front has not taken it. */
  takeBack(): number | undefined {
    return this.locked(() => {
      const next = this.state[BACK]!;
      if (next === NO_BACK_YET || next < this.state[FRONT]!) return undefined;
      this.state[BACK] = next - 1;
      return next;
    });
  }

  /** Runs `f` holding the lock: a claim is a few instructions, so the other side spins rather than sleeps. */
  private locked<T>(f: () => T): T {
    while (Atomics.compareExchange(this.state, LOCK, 0, 1) !== 0);
    try {
      return f();
    } finally {
      Atomics.store(this.state, LOCK, 0);
    }
  }
}

const LOCK = 0;
const FRONT = 1;
const BACK = 2;
/** The back before the document's end is known: no chunk is taken from it, and the front is not stopped. */
const NO_BACK_YET = 0x7fffffff;
