import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

/** Files from which a progress bar is worth showing. */
const MIN_FILES_FOR_PROGRESS = 20;

/**
 * A progress bar on stderr, only on a terminal and only for many files, so pipes, files and CI
 * logs stay clean. It clears itself when done.
 */
export function startProgress(total: number, verb: string, enabled: boolean): Progress {
  if (!enabled || total < MIN_FILES_FOR_PROGRESS || !process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${verb} [{bar}] {value}/{total} files`,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    clearOnComplete: true,
    hideCursor: true,
    fps: 10,
  });
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
