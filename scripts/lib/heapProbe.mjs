/**
 * Loaded into a server the bench spawns (`node --expose-gc --import heapProbe.mjs server --stdio`,
 * with an IPC channel beside stdio): on the message `heap` it collects garbage fully and answers
 * with the heap in use. The same probe goes into our server and the floor, so that "heap held by
 * the open document" is measured the same way in both, without a hook in either server.
 */
process.on('message', (/** @type {unknown} */ message) => {
  if (message !== 'heap' || !process.send) return;
  /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
  process.send({ heapUsed: process.memoryUsage().heapUsed });
});
// The channel must not keep a server alive that the client told to exit.
process.channel?.unref();
