import { parentPort } from 'node:worker_threads';
import { createDetachedBoundaryChecker, type DetachedBoundaryChecker } from './service';
import { ChunkClaims } from './lsp/chunkClaims';
import type { BoundaryReply, BoundaryRequest } from './lsp/secondThread';

/*
 * The language server's second thread (`lsp/secondThread.ts`): builds each document's turns from
 * the parts it is sent, checks each boundary it claims as soon as the turns it reads have come
 * (`DetachedBoundaryChecker`), and at the end replies with the results alone.
 */

const documents = new Map<number, { readonly checker: DetachedBoundaryChecker; error?: string }>();

parentPort!.on('message', (request: BoundaryRequest) => {
  const { id } = request;
  if (request.kind === 'begin') {
    const claims = new ChunkClaims(request.claims);
    documents.set(id, { checker: createDetachedBoundaryChecker(request.text, request.settings, (available) => claims.takeFront(available)) });
    return;
  }
  const document = documents.get(id);
  if (!document) return;
  try {
    if (request.kind === 'part') {
      if (!document.error) document.checker.add(request.layout);
      return;
    }
    documents.delete(id);
    if (document.error) throw new Error(document.error);
    const checked = document.checker.finish(request.chunkCount);
    // The numbers move to the server's thread: no copy.
    parentPort!.postMessage({ id, checked } satisfies BoundaryReply, [checked.numbers.buffer as ArrayBuffer]);
  } catch (error) {
    if (request.kind === 'part') document.error = String(error);
    else parentPort!.postMessage({ id, error: String(error) } satisfies BoundaryReply);
  }
});
