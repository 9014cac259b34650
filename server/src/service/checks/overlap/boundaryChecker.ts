import type { TranscriptSettings } from '../../settings';
import { checkedChunk, packCheckedChunk, type CheckedBoundaries } from './checkedBoundaries';
import { LaidOutModel, type TurnLayout } from './layout';
import { checkBoundaries } from './overlap';
import type { OverlapCache } from './overlapResult';

/**
 * Gives the next chunk whose boundary this checker is to check, if one before `available` (the
 * chunks whose turns have come) is still to be taken; undefined when none is, for now. Whoever
 * shares the work decides the order (see the server's `ChunkClaims`).
 */
export type ClaimChunk = (available: number) => number | undefined;

/**
 * A checker of chunk boundaries that never parses: it builds the turns from the layouts it is
 * sent, and checks the boundary of each chunk it claims (`claim`) as soon as the turns the check
 * reads have come (every chunk sent is complete, and every turn before it has been sent); at the
 * end, it gives the results of the chunks it checked.
 */
export class BoundaryChecker {
  private readonly model: LaidOutModel;
  private readonly cache: OverlapCache = new WeakMap();
  /** The results so far, packed as each chunk is checked (`packCheckedChunk`), so that the end has little left to do. */
  private readonly results: number[] = [];
  private resultCount = 0;

  constructor(
    text: string,
    private readonly settings: TranscriptSettings,
    private readonly claim: ClaimChunk,
  ) {
    this.model = new LaidOutModel(text);
  }

  add(layout: TurnLayout): void {
    this.model.add(layout);
    this.checkClaimed(this.model.chunks.length);
  }

  /** Once every layout has come: checks what is left to claim of the `chunkCount` chunks, and gives the results. */
  finish(chunkCount: number): CheckedBoundaries {
    this.checkClaimed(Math.min(chunkCount, this.model.chunks.length));
    return { count: this.resultCount, numbers: Int32Array.from(this.results) };
  }

  private checkClaimed(available: number): void {
    for (let chunk = this.claim(available); chunk !== undefined; chunk = this.claim(available)) {
      checkBoundaries(this.model, this.settings, this.cache, chunk, chunk + 1);
      // A chunk without turns has no boundary, and no result.
      const entry = this.cache.get(this.model.chunks[chunk]!);
      if (!entry) continue;
      packCheckedChunk(this.results, checkedChunk(chunk, entry));
      this.resultCount++;
    }
  }
}
