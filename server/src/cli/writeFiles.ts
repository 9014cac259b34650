import writeFileAtomic from 'write-file-atomic';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Colors } from 'picocolors/types';
import { InputError, fsReason } from './files';

export interface AtomicWriteOptions {
  /** Writes a UTF-8 byte-order mark first, to keep a file's BOM. */
  readonly bom?: boolean;
  /**
   * Called with the temporary file's path once it exists, before anything is written to it. It is
   * synchronous, as write-file-atomic's `tmpfileCreated` is typed: what it throws fails the write.
   */
  readonly onTempFile?: (tempPath: string) => void;
}

/**
 * Replaces a file's content all at once: the text goes to a temporary file in the same folder,
 * is flushed to disk, and is renamed over the file. A failure at any step leaves the original as
 * it was and removes the temporary file. A symbolic link is followed, so its target is updated
 * and the link stays; mode and owner are kept.
 */
export async function writeFileAtomically(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const data = Buffer.from(options.bom ? `\uFEFF${text}` : text, 'utf8');
  try {
    await writeFileAtomic(file, data, { fsync: true, ...(options.onTempFile ? { tmpfileCreated: options.onTempFile } : {}) });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? fsReason(error as NodeJS.ErrnoException) : String((error as Error).message ?? error);
    throw new InputError(file, `could not be written: ${reason}; the file is unchanged`);
  }
}

/**
 * A unified diff of one file's change, with red and green lines when colour is on. The headers
 * after the names make the name end at a tab, so `patch` reads names with spaces whole.
 */
export function unifiedDiff(file: string, before: string, after: string, c: Colors, newHeader = 'changed'): string {
  const patch = createTwoFilesPatch(file, file, before, after, 'current', newHeader, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
