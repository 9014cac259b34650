import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmod, lstat, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { CLEAN, hasNoStackTrace, REPEATED, REPEATED_FIXED, runCli, tempFolder } from './cli-harness';
import { writeFileAtomically } from '../../server/src/cli/writeFiles';

/*
 * `transcript fix` writes people's files, so these tests check what it writes, what it leaves
 * alone, and that a failure never leaves a file half-written. The expected result is the fixed
 * text written out by hand (REPEATED_FIXED in cli-harness.ts), never the service's own fix-all.
 */

describe('transcript fix', () => {
  test('--dry-run prints a unified diff that turns the file into the fixed text, and writes nothing', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'talk.transcript');
    const text = REPEATED;
    await writeFile(file, text);
    const before = await stat(file);
    const run = await runCli(['fix', '--dry-run', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^--- talk\.transcript\tcurrent\n\+\+\+ talk\.transcript\tfixed\n@@ /);
    assert.equal(applyPatch(text, run.stdout), REPEATED_FIXED);
    assert.equal(await readFile(file, 'utf8'), text);
    assert.equal((await stat(file)).mtimeMs, before.mtimeMs);
    assert.deepEqual(await readdir(dir), ['talk.transcript']);
    assert.equal(run.stderr, '1 of 1 file would change.\n');
  });

  test("writes the service's fix-all result, and a second run finds nothing to do", async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'talk.transcript');
    const text = REPEATED;
    await writeFile(file, text);
    const run = await runCli(['fix', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'talk.transcript: fixed\n');
    assert.equal(await readFile(file, 'utf8'), REPEATED_FIXED);
    const again = await runCli(['fix', '--dry-run', 'talk.transcript'], { cwd: dir });
    assert.equal(again.code, 0);
    assert.equal(again.stdout, '');
    assert.equal(again.stderr, '0 of 1 file would change.\n');
  });

  test('keeps CRLF line endings and the byte-order mark', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'windows.transcript');
    const crlf = REPEATED.replace(/\n/g, '\r\n');
    await writeFile(file, `\uFEFF${crlf}`);
    const run = await runCli(['fix', file]);
    assert.equal(run.code, 0, run.stderr);
    const written = await readFile(file);
    assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = written.toString('utf8').slice(1);
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'every line break is still CRLF');
    assert.equal(text, REPEATED_FIXED.replace(/\n/g, '\r\n'));
  });

  test('writes only the files it was given, in place, with paths that have spaces and accents', async (t) => {
    const dir = await tempFolder(t);
    const text = REPEATED;
    const given = join(dir, 'Réunion du lundi.transcript');
    const other = join(dir, 'other.transcript');
    await writeFile(given, text);
    await writeFile(other, text);
    const run = await runCli(['fix', given]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await readFile(given, 'utf8'), REPEATED_FIXED);
    assert.equal(await readFile(other, 'utf8'), text);
    assert.deepEqual((await readdir(dir)).sort(), ['Réunion du lundi.transcript', 'other.transcript'], 'no temporary file is left');
  });

  test('follows a symbolic link to its file, keeps the link, and keeps the file mode', async (t) => {
    const dir = await tempFolder(t);
    const text = REPEATED;
    const target = join(dir, 'real.transcript');
    await writeFile(target, text);
    await chmod(target, 0o640);
    await symlink('real.transcript', join(dir, 'link.transcript'));
    const run = await runCli(['fix', 'link.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.ok((await lstat(join(dir, 'link.transcript'))).isSymbolicLink());
    assert.equal(await readlink(join(dir, 'link.transcript')), 'real.transcript');
    assert.equal(await readFile(target, 'utf8'), REPEATED_FIXED);
    assert.equal((await stat(target)).mode & 0o777, 0o640);
  });

  test('a file that cannot be fixed is reported in one line; the others are still fixed', async (t) => {
    const dir = await tempFolder(t);
    const text = REPEATED;
    await writeFile(join(dir, 'a.transcript'), text);
    await writeFile(join(dir, 'b.transcript'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    await writeFile(join(dir, 'c.transcript'), CLEAN);
    const run = await runCli(['fix', '.'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.ok(hasNoStackTrace(run.stderr), run.stderr);
    assert.match(run.stderr, /^transcript: b\.transcript: not a transcript: it holds binary data$/m);
    assert.equal(await readFile(join(dir, 'a.transcript'), 'utf8'), REPEATED_FIXED);
    assert.deepEqual([...(await readFile(join(dir, 'b.transcript')))], [0x00, 0x01, 0x02, 0x03]);
    assert.equal(await readFile(join(dir, 'c.transcript'), 'utf8'), CLEAN);
  });
});

describe('transcript fix: what a mend writes', () => {
  test('a seam whose earlier copy is cut off: the whole later copy is kept, and the cut-off turn goes', async (t) => {
    // docs/diagnostics.md (How seams are mended): no sentence is left cut off where the other copy
    // has it whole, and the fewest turns are touched. The earlier turn is all passage, so deleting
    // it touches one turn; finishing it from the later copy would touch both.
    const dir = await tempFolder(t);
    const file = join(dir, 'dock.transcript');
    await writeFile(
      file,
      [
        '[00:12:01] Speaker 4: "The cranes came in March."',
        '[00:12:05] Speaker 5: "Every time we load a ship twice the size of the last one, we find another set of problems both mechanical and..."',
        'This chunk continues in the next part.',
        '[00:12:08] Speaker 1: "Every time we load a ship twice the size of the last one, we find another set of problems, both mechanical and electrical. We hired two more riggers."',
        '[00:12:20] Speaker 2: "That took a year."',
        '',
      ].join('\n'),
    );
    const run = await runCli(['fix', 'dock.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      await readFile(file, 'utf8'),
      [
        '[00:12:01] Speaker 4: "The cranes came in March."',
        'This chunk continues in the next part.',
        '[00:12:08] Speaker 1: "Every time we load a ship twice the size of the last one, we find another set of problems, both mechanical and electrical. We hired two more riggers."',
        '[00:12:20] Speaker 2: "That took a year."',
        '',
      ].join('\n'),
    );
  });

  test('a seam whose copies each have a word found nowhere else is left as it is, and says so', async (t) => {
    // docs/diagnostics.md: where every cut would lose such a word, Fix all leaves the seam flagged.
    const dir = await tempFolder(t);
    const file = join(dir, 'orchard.transcript');
    const text = [
      '[00:03:00] Speaker 1: "We planted pears along the north wall, and the frost took half of them by April."',
      'This chunk continues in the next part.',
      '[00:03:09] Speaker 2: "We planted apples along the north wall, and the frost took half of them by May."',
      '',
    ].join('\n');
    await writeFile(file, text);
    const run = await runCli(['fix', 'orchard.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await readFile(file, 'utf8'), text);
    // The alignment ends at its last matching word (`by`): 15 words a side, all but pears/apples alike.
    const check = await runCli(['check', 'orchard.transcript'], { cwd: dir });
    assert.match(
      check.stdout,
      /^orchard\.transcript:3:24 warning duplicate-overlap This text repeats the end of the previous chunk \(line 1\): 14 of 15 words match\.$/m,
    );
  });
});

describe('atomic writes', () => {
  test('a failure after the temporary file exists leaves the original whole and no temporary file', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'keep me.transcript');
    await writeFile(file, CLEAN);
    let tempPath = '';
    await assert.rejects(
      writeFileAtomically(file, 'replacement that must never land', {
        onTempFile: (path) => {
          tempPath = path;
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      }),
      { message: `${file}: could not be written: no space left on the device; the file is unchanged` },
    );
    assert.equal(join(tempPath, '..'), dir, 'the temporary file was in the same folder, so the rename is atomic');
    assert.equal(await readFile(file, 'utf8'), CLEAN);
    assert.deepEqual(await readdir(dir), ['keep me.transcript']);
  });

  test('writes the byte-order mark when asked', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'bom.transcript');
    await writeFileAtomically(file, CLEAN, { bom: true });
    assert.equal(await readFile(file, 'utf8'), `\uFEFF${CLEAN}`);
  });
});
