import { parentPort } from 'node:worker_threads';
import { checkBoundaries, exportCheckedBoundaries, LaidOutModel, type OverlapCache, type TranscriptSettings } from './service';
import type { BoundaryReply, BoundaryRequest } from './lsp/secondThread';

/*
 * The language server's second thread (`lsp/secondThread.ts`): builds each document's turns from
 * the parts it is sent, checks each boundary of its chunks as soon as the turns it reads have
 * come, and at the end replies with the results alone.
 */

interface Document {
  readonly model: LaidOutModel;
  readonly settings: TranscriptSettings;
  readonly cache: OverlapCache;
  /** The first chunk whose boundary this thread checks, once the server has said. */
  checkFrom: number | undefined;
  /** Chunks before this one are checked (from `checkFrom` on). */
  checkedUpTo: number;
  error?: string;
}

const documents = new Map<number, Document>();

parentPort!.on('message', (request: BoundaryRequest) => {
  const { id } = request;
  if (request.kind === 'begin') {
    documents.set(id, { model: new LaidOutModel(request.text), settings: request.settings, cache: new WeakMap(), checkFrom: undefined, checkedUpTo: 0 });
    return;
  }
  const document = documents.get(id);
  if (!document) return;
  try {
    if (request.kind === 'part') {
      if (document.error) return;
      document.model.add(request.layout);
      document.checkFrom ??= request.checkFrom;
      // Every chunk sent is complete, and every turn before it has come: check them now.
      if (document.checkFrom !== undefined) {
        const from = Math.max(document.checkFrom, document.checkedUpTo);
        checkBoundaries(document.model, document.settings, document.cache, from, document.model.chunks.length);
        document.checkedUpTo = document.model.chunks.length;
      }
      return;
    }
    documents.delete(id);
    if (document.error) throw new Error(document.error);
    const from = document.checkFrom ?? request.chunkCount;
    const checked = exportCheckedBoundaries(document.model, document.settings, from, request.chunkCount, document.cache);
    parentPort!.postMessage({ id, checked } satisfies BoundaryReply);
  } catch (error) {
    if (request.kind === 'part') document.error = String(error);
    else parentPort!.postMessage({ id, error: String(error) } satisfies BoundaryReply);
  }
});
