import { parentPort } from 'node:worker_threads';
import { boundaryModel, exportCheckedBoundaries } from './service';
import type { BoundaryReply, BoundaryRequest } from './lsp/secondThread';

/*
 * The language server's second thread (`lsp/secondThread.ts`): checks the chunk boundaries it is
 * asked for on the text and turn layout it is sent, and replies with the results alone.
 */

parentPort!.on('message', ({ id, text, layout, settings, from, to }: BoundaryRequest) => {
  try {
    const checked = exportCheckedBoundaries(boundaryModel(text, layout), settings, from, to);
    parentPort!.postMessage({ id, checked } satisfies BoundaryReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) } satisfies BoundaryReply);
  }
});
