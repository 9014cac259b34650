import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempFolder } from './cli-harness';

/*
 * `scripts/measure-typing.mjs` run as a user runs it, on a folder the test writes: it must type
 * the edits it is asked for, compare each with a fresh analysis, and find the turns a person
 * counts in the files.
 */

const script = join(repoRoot, 'scripts', 'measure-typing.mjs');

interface TypingRow {
  file: string;
  characters: number;
  turns: number;
  edits: number;
  compared: number;
  mismatches: string[];
  keystrokeMs: number[];
  floorKeystrokeMs: number[];
}

test('measure-typing types into each file, times the floor on the same edits, compares every edit with a fresh analysis, and reports no mismatch', async (t) => {
  const folder = await tempFolder(t);
  // Three turns with stamps, a chunk marker, and CRLF line ends with a BOM in the second file.
  await writeFile(
    join(folder, 'podcast.txt'),
    'Ann: [00:00:01] Hello there.\nBob: [00:00:04] Hi Ann.\nThis chunk continues in the next part.\nAnn: [00:00:09] So, to begin.\n',
  );
  await writeFile(join(folder, 'crlf.txt'), '\uFEFFSpeaker 1 (00:00):\r\nWelcome 😀 to the show.\r\n\r\nSpeaker 2 (00:05):\r\nThank you.\r\n');
  await writeFile(join(folder, 'SOURCES.md'), 'Not measured.\n');
  const { stdout } = await promisify(execFile)(process.execPath, [script, folder, '--edits', '12', '--json']);
  const rows = JSON.parse(stdout) as TypingRow[];
  assert.deepEqual(
    rows.map((row) => [row.file, row.turns, row.edits, row.compared, row.keystrokeMs.length, row.floorKeystrokeMs.length]),
    [
      ['crlf.txt', 2, 12, 12, 12, 12],
      ['podcast.txt', 3, 12, 12, 12, 12],
    ],
  );
  assert.equal(rows[1]!.characters, 122);
  for (const row of rows) assert.deepEqual(row.mismatches, [], row.file);
});
