import { parentPort } from 'node:worker_threads';
import { BoundaryChecker, ChunkClaims } from './service';
import type { BoundaryReply, BoundaryRequest } from './lsp/secondThread';

/*
 * The language server's second thread (`lsp/secondThread.ts`): builds each document's turns from
 * the parts it is sent, checks each boundary it claims as soon as the turns it reads have come
 * (`BoundaryChecker`), and at the end replies with the results alone.
 */

const documents = new Map<number, { readonly checker: BoundaryChecker; error?: string }>();

parentPort!.on('message', (request: BoundaryRequest) => {
  const { id } = request;
  if (request.kind === 'begin') {
    documents.set(id, { checker: new BoundaryChecker(request.text, request.settings, new ChunkClaims(request.claims)) });
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
