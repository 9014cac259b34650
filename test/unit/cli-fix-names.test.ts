import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLEAN, hasNoStackTrace, runCli, tempFolder } from './cli-harness';
import { INTRODUCTION, SEAM } from './harbour-transcripts';
import { lines } from './helpers';

/*
 * `transcript fix --names` writes the names of the people into the file. The text it must write
 * is spelled out by hand, never computed by the service the CLI runs.
 */

describe('transcript fix --names', () => {
  test('writes the name over the label its introduction ties to her, and nothing else', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'harbour.transcript');
    await writeFile(file, INTRODUCTION);
    const run = await runCli(['fix', '--names', 'harbour.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'harbour.transcript: fixed (1 chunk label named)\n');
    assert.equal(
      await readFile(file, 'utf8'),
      lines(
        'Speaker 1 (Dana Reyes): "We rebuilt the harbour wall over three summers."',
        'Speaker 2 (Omar Haddad): "And the council never paid for it."',
        'This chunk continues in the next part.',
        '[00:01:10] Speaker 1: "Welcome back to the harbour hour."',
        '[00:01:14] Dana Reyes: "Thank you. I\'m Dana Reyes, and I still want that money."',
        '',
      ),
    );
  });

  test('names before it fixes: the repeat that tied Speaker 2 to her is removed, and her later turn has her name', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'harbour.transcript');
    await writeFile(file, SEAM);
    const dryRun = await runCli(['fix', '--names', '--dry-run', 'harbour.transcript'], { cwd: dir });
    assert.equal(dryRun.code, 1, dryRun.stderr);
    assert.equal(await readFile(file, 'utf8'), SEAM, '--dry-run writes nothing');
    const run = await runCli(['fix', '--names', 'harbour.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      await readFile(file, 'utf8'),
      lines(
        'Speaker 1 (Dana Reyes): "We rebuilt the harbour wall over three summers, stone by stone."',
        'Speaker 2 (Omar Haddad): "And the council never paid for a single stone of it."',
        'Speaker 1 (Dana Reyes): "Nobody paid us a penny for any of that work on the wall, not once."',
        'This chunk continues in the next part.',
        '[00:01:16] Speaker 1: "Then we should send the council the bill."',
        '[00:01:21] Dana Reyes: "I will write it tonight."',
        '',
      ),
    );
  });

  test('a file with no one to name is left byte for byte as it was', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'clean.transcript');
    await writeFile(file, CLEAN);
    const before = await stat(file);
    const run = await runCli(['fix', '--names', 'clean.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '0 of 1 file changed.\n');
    assert.equal(await readFile(file, 'utf8'), CLEAN);
    assert.equal((await stat(file)).mtimeMs, before.mtimeMs);
  });

  test('keeps CRLF line endings and the byte-order mark', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'windows.transcript');
    await writeFile(file, `\uFEFF${INTRODUCTION.replace(/\n/g, '\r\n')}`);
    const run = await runCli(['fix', '--names', 'windows.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      await readFile(file, 'utf8'),
      '\uFEFF' +
        [
          'Speaker 1 (Dana Reyes): "We rebuilt the harbour wall over three summers."',
          'Speaker 2 (Omar Haddad): "And the council never paid for it."',
          'This chunk continues in the next part.',
          '[00:01:10] Speaker 1: "Welcome back to the harbour hour."',
          '[00:01:14] Dana Reyes: "Thank you. I\'m Dana Reyes, and I still want that money."',
          '',
        ].join('\r\n'),
    );
  });

  test('a file that is not a transcript is one line on stderr, exit 2, and is not touched', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'notes.transcript'), 'Just notes about the harbour.\n');
    await writeFile(join(dir, 'binary.transcript'), Buffer.from([0x00, 0xff, 0x10]));
    const run = await runCli(['fix', '--names', 'notes.transcript', 'binary.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.ok(hasNoStackTrace(run.stderr), run.stderr);
    assert.match(run.stderr, /^transcript: notes\.transcript: not a transcript: no speaker turns found/m);
    assert.match(run.stderr, /^transcript: binary\.transcript: not a transcript: it holds binary data$/m);
    assert.equal(await readFile(join(dir, 'notes.transcript'), 'utf8'), 'Just notes about the harbour.\n');
    assert.deepEqual([...(await readFile(join(dir, 'binary.transcript')))], [0x00, 0xff, 0x10]);
  });
});
