import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebVTTParser } from 'webvtt-parser';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { exportModel, normalizeTranscript, type ExportFormat } from '../../server/src/service/export';
import { CLEAN, hasNoStackTrace, runCli, sampleTranscript, tempFolder } from './cli-harness';

/* `transcript export` and `transcript normalize` on real files: the bytes are the service's. */

describe('transcript export', () => {
  test("each format on stdout is exactly the exporter's output", async () => {
    const text = await readFile(sampleTranscript, 'utf8');
    const model = parseTranscript(text);
    for (const format of ['vtt', 'srt', 'json', 'md'] as ExportFormat[]) {
      const run = await runCli(['export', '--to', format, sampleTranscript]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, exportModel(model, format, { title: 'debate-2016' }), format);
    }
  });

  test('WebVTT of the sample is valid, with a cue per timed turn', async (t) => {
    const dir = await tempFolder(t);
    const run = await runCli(['export', '--to', 'vtt', sampleTranscript, '-o', join(dir, 'debate.vtt')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const parsed = new WebVTTParser().parse(await readFile(join(dir, 'debate.vtt'), 'utf8'), 'metadata');
    assert.deepEqual(parsed.errors, []);
    const model = parseTranscript(await readFile(sampleTranscript, 'utf8'));
    assert.equal(parsed.cues.length, model.turns.filter((turn) => turn.timestamp && turn.segments.length).length);
  });

  test('-o picks the format from its extension; --last-cue-seconds and --title apply', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk one.transcript.txt'), CLEAN);
    const md = await runCli(['export', 'talk one.transcript.txt', '-o', 'out.md'], { cwd: dir });
    assert.equal(md.code, 0, md.stderr);
    assert.match(await readFile(join(dir, 'out.md'), 'utf8'), /^# talk one\n/);
    const srt = await runCli(['export', 'talk one.transcript.txt', '-o', 'out.srt', '--last-cue-seconds', '2.5'], { cwd: dir });
    assert.equal(srt.code, 0, srt.stderr);
    assert.match(await readFile(join(dir, 'out.srt'), 'utf8'), /^2\n00:00:04,000 --> 00:00:06,500\n/m);
    const titled = await runCli(['export', '--to', 'md', '--title', 'Weekly sync', 'talk one.transcript.txt'], { cwd: dir });
    assert.match(titled.stdout, /^# Weekly sync\n/);
  });

  test('refuses to overwrite the transcript, unknown formats and a missing --to, each in one line', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'a.transcript'), CLEAN);
    for (const args of [
      ['export', '--to', 'vtt', 'a.transcript', '-o', 'a.transcript'],
      ['export', '--to', 'docx', 'a.transcript'],
      ['export', 'a.transcript'],
      ['export', '--to', 'vtt'],
      ['export', '--to', 'vtt', 'a.transcript', '--last-cue-seconds', 'soon'],
    ]) {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr.split('\n').length, 2, run.stderr);
    }
    assert.equal(await readFile(join(dir, 'a.transcript'), 'utf8'), CLEAN);
  });

  test('a file that is not a transcript, or is not there, is one line and exit 2', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'notes.txt'), 'Just notes.\n');
    const notes = await runCli(['export', '--to', 'json', 'notes.txt'], { cwd: dir });
    assert.equal(notes.code, 2);
    assert.equal(
      notes.stderr,
      'transcript: notes.txt: not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)\n',
    );
    const missing = await runCli(['export', '--to', 'json', 'nope.transcript'], { cwd: dir });
    assert.equal(missing.stderr, 'transcript: nope.transcript: file not found\n');
    const folder = await runCli(['export', '--to', 'json', '.'], { cwd: dir });
    assert.equal(folder.stderr, 'transcript: .: is a folder, not a file\n');
    assert.ok(hasNoStackTrace(notes.stderr + missing.stderr + folder.stderr));
  });
});

describe('transcript normalize', () => {
  test('rewrites the file in place with the normalised text, and then finds it normalised', async (t) => {
    const dir = await tempFolder(t);
    const text = await readFile(sampleTranscript, 'utf8');
    await writeFile(join(dir, 'debate.transcript'), text);
    const run = await runCli(['normalize', 'debate.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'debate.transcript: normalized\n');
    assert.equal(await readFile(join(dir, 'debate.transcript'), 'utf8'), normalizeTranscript(text));
    const again = await runCli(['normalize', 'debate.transcript'], { cwd: dir });
    assert.equal(again.code, 0);
    assert.equal(again.stderr, 'debate.transcript: already normalized\n');
    assert.deepEqual(await readdir(dir), ['debate.transcript']);
  });

  test('--dry-run prints a diff and writes nothing; -o writes elsewhere; -o - prints', async (t) => {
    const dir = await tempFolder(t);
    const text = await readFile(sampleTranscript, 'utf8');
    await writeFile(join(dir, 'in.transcript'), text);
    const dry = await runCli(['normalize', '--dry-run', 'in.transcript'], { cwd: dir });
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /^--- in\.transcript\tcurrent\n\+\+\+ in\.transcript\tnormalized\n@@ /);
    assert.equal(await readFile(join(dir, 'in.transcript'), 'utf8'), text);
    assert.deepEqual(await readdir(dir), ['in.transcript']);
    const out = await runCli(['normalize', 'in.transcript', '-o', 'out dir é.transcript'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    assert.equal(await readFile(join(dir, 'out dir é.transcript'), 'utf8'), normalizeTranscript(text));
    assert.equal(await readFile(join(dir, 'in.transcript'), 'utf8'), text);
    const printed = await runCli(['normalize', 'in.transcript', '-o', '-'], { cwd: dir });
    assert.equal(printed.stdout, normalizeTranscript(text));
  });

  test('keeps the byte-order mark and CRLF line endings of the file', async (t) => {
    const dir = await tempFolder(t);
    const crlf = (await readFile(sampleTranscript, 'utf8')).replace(/\n/g, '\r\n');
    await writeFile(join(dir, 'w.transcript'), `\uFEFF${crlf}`);
    const run = await runCli(['normalize', 'w.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const written = await readFile(join(dir, 'w.transcript'), 'utf8');
    assert.ok(written.startsWith('\uFEFF'));
    assert.doesNotMatch(written, /(^|[^\r])\n/);
    assert.equal(written.slice(1), normalizeTranscript(crlf));
  });

  test('refuses, and writes nothing, when the result would not say the same', async (t) => {
    const dir = await tempFolder(t);
    const text = 'Speaker 1: first (Positive) (Negative)\n  second line\n';
    await writeFile(join(dir, 'odd.transcript'), text);
    const run = await runCli(['normalize', 'odd.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^transcript: odd\.transcript: normalizing would change the transcript \(turn 1 would change its text\); nothing was written\n$/,
    );
    assert.equal(await readFile(join(dir, 'odd.transcript'), 'utf8'), text);
  });

  test('leaves a file that is not a transcript untouched', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'notes.transcript'), 'Shopping list\n- milk\n');
    const run = await runCli(['normalize', 'notes.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'transcript: notes.transcript: not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)\n',
    );
    assert.equal(await readFile(join(dir, 'notes.transcript'), 'utf8'), 'Shopping list\n- milk\n');
  });
});

describe('transcript export says what the cues leave out', () => {
  test('turns without a stamp and stamps that go backwards are said on stderr; --estimate-times gives the untimed turn a cue', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'council.transcript');
    await writeFile(
      file,
      '[00:00:00] Speaker 1: One two three four.\nSpeaker 2: Five six seven eight.\n[00:00:10] Speaker 1: Nine ten.\n[00:00:04] Speaker 2: Back again.\n',
    );
    const plain = await runCli(['export', '--to', 'srt', file]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(
      plain.stderr,
      [
        `transcript export: ${file}: 1 turn without a timestamp has no cue.`,
        `transcript export: ${file}: 1 timestamp goes backwards, so its turn shows out of place in the cues: fix the timestamps first.`,
        `transcript export: ${file}: --estimate-times gives them cues.`,
        '',
      ].join('\n'),
    );
    assert.doesNotMatch(plain.stdout, /Five six/);
    const estimated = await runCli(['export', '--to', 'srt', '--estimate-times', file]);
    assert.equal(estimated.code, 0, estimated.stderr);
    assert.match(estimated.stdout, /Speaker 2: Five six seven eight\./);
    assert.match(estimated.stderr, /1 turn without a timestamp got a time estimated from the timestamps around it\./);
  });
});
