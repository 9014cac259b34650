import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebVTTParser } from 'webvtt-parser';
import { applyPatch } from 'diff';
import { CLEAN, hasNoStackTrace, runCli, sampleTranscript, tempFolder } from './cli-harness';

/*
 * `transcript export` and `transcript normalize` on real files. What an export must print is
 * written out by hand from docs/cli.md (Export), never asked of the exporter the CLI runs.
 */

/** Three stamped turns, one with a fraction of a second, one with a note, and an `&` in speech. */
const TALK = [
  '[00:00:01.250] Ann Lee: Good morning & welcome.',
  'Sentiment: Positive',
  '[00:00:04] Bo Jin: Thanks, Ann. Shall we start?',
  '[00:00:09.999] Ann Lee: Yes.',
  '',
].join('\n');

describe('transcript export', () => {
  test('WebVTT: a cue per stamped turn, ending where the next begins, the last 5 s long, the speaker in a voice span, & escaped', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk.transcript'), TALK);
    const run = await runCli(['export', '--to', 'vtt', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        'WEBVTT',
        '',
        '00:00:01.250 --> 00:00:04.000',
        '<v Ann Lee>Good morning &amp; welcome.',
        '',
        '00:00:04.000 --> 00:00:09.999',
        '<v Bo Jin>Thanks, Ann. Shall we start?',
        '',
        '00:00:09.999 --> 00:00:14.999',
        '<v Ann Lee>Yes.',
        '',
      ].join('\n'),
    );
  });

  test('SRT: the same cues, numbered from 1, with comma milliseconds and `Speaker: ` before the text', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk.transcript'), TALK);
    const run = await runCli(['export', '--to', 'srt', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '1',
        '00:00:01,250 --> 00:00:04,000',
        'Ann Lee: Good morning & welcome.',
        '',
        '2',
        '00:00:04,000 --> 00:00:09,999',
        'Bo Jin: Thanks, Ann. Shall we start?',
        '',
        '3',
        '00:00:09,999 --> 00:00:14,999',
        'Ann Lee: Yes.',
        '',
      ].join('\n'),
    );
  });

  test('cue times are rounded to the millisecond, not cut: a last cue of 1.0006 s from 9.999 s ends at 11.000', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk.transcript'), TALK);
    for (const [format, end] of [
      ['vtt', '00:00:09.999 --> 00:00:11.000'],
      ['srt', '00:00:09,999 --> 00:00:11,000'],
    ] as const) {
      const run = await runCli(['export', '--to', format, '--last-cue-seconds', '1.0006', 'talk.transcript'], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      // 9.999 + 1.0006 is 10.9996 s: rounded, 11.000; cut, it would be 10.999.
      assert.ok(run.stdout.endsWith(`${end}\n${format === 'vtt' ? '<v Ann Lee>' : 'Ann Lee: '}Yes.\n`), `${format}: ${run.stdout}`);
    }
  });

  test('Markdown: the title, a heading per stamp, the speaker in bold, the sentiment in italics', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk.transcript'), TALK);
    const run = await runCli(['export', '--to', 'md', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '# talk',
        '',
        // A stamp written with a fraction keeps it in its heading.
        '### 00:00:01.250',
        '',
        '**Ann Lee:** Good morning & welcome.',
        '',
        '*Sentiment: Positive*',
        '',
        '### 00:00:04',
        '',
        '**Bo Jin:** Thanks, Ann. Shall we start?',
        '',
        '### 00:00:09.999',
        '',
        '**Ann Lee:** Yes.',
        '',
      ].join('\n'),
    );
  });

  test('JSON: the turns with their times, ends as in the subtitles, text and sentiment; one chunk; two people', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'talk.transcript'), TALK);
    const run = await runCli(['export', '--to', 'json', 'talk.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      schema: string;
      chunks: Array<{ boundary: string; turns: number[] }>;
      turns: Array<{
        label: string;
        start: number | null;
        end: number | null;
        form: string;
        text: string;
        sentiments: Array<{ label: string; polarity: string }>;
      }>;
      people: Array<{ displayName: string }>;
    };
    assert.equal(json.schema, 'transcript-editor/export/v1');
    assert.deepEqual(
      json.turns.map((turn) => [turn.label, turn.start, turn.end, turn.form, turn.text, turn.sentiments.map((s) => `${s.label}/${s.polarity}`)]),
      [
        ['Ann Lee', 1.25, 4, 'stamp-label', 'Good morning & welcome.', ['Positive/positive']],
        ['Bo Jin', 4, 9.999, 'stamp-label', 'Thanks, Ann. Shall we start?', []],
        ['Ann Lee', 9.999, 14.999, 'stamp-label', 'Yes.', []],
      ],
    );
    assert.deepEqual(
      json.chunks.map((chunk) => [chunk.boundary, chunk.turns]),
      [['document-start', [0, 1, 2]]],
    );
    assert.deepEqual(
      json.people.map((person) => person.displayName),
      ['Ann Lee', 'Bo Jin'],
    );
  });

  test('WebVTT of the sample is valid, its cues in time order', async (t) => {
    const dir = await tempFolder(t);
    const run = await runCli(['export', '--to', 'vtt', sampleTranscript, '-o', join(dir, 'debate.vtt')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const parsed = new WebVTTParser().parse(await readFile(join(dir, 'debate.vtt'), 'utf8'), 'metadata');
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.cues.length > 100, `${parsed.cues.length} cues`);
    // docs/cli.md: cues are in time order even where the transcript's stamps run backwards.
    assert.ok(parsed.cues.every((cue, i) => i === 0 || cue.startTime >= parsed.cues[i - 1]!.startTime));
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
      'transcript: notes.txt: not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, podcast pages `Name [(00:12)](link)`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)\n',
    );
    const missing = await runCli(['export', '--to', 'json', 'nope.transcript'], { cwd: dir });
    assert.equal(missing.stderr, 'transcript: nope.transcript: file not found\n');
    const folder = await runCli(['export', '--to', 'json', '.'], { cwd: dir });
    assert.equal(folder.stderr, 'transcript: .: is a folder, not a file\n');
    assert.ok(hasNoStackTrace(notes.stderr + missing.stderr + folder.stderr));
  });
});

/** Two chunks in the seed's forms: cast lines, then `Label: [time]` turns, with three kinds of note. */
const MIXED = [
  'Speaker 1 (Mark Chen): "Glad to be back." (Positive)',
  'Speaker 2 (Ann Lee): Thanks for having us.',
  'This chunk continues in the next part.',
  'Speaker 1: [00:00:09] Let us start with the harbour.',
  '(Sentiment: Hopeful)',
  'Speaker 2: [00:00:15] The wall went up first.',
  '',
].join('\n');

/**
 * MIXED normalised, written out from docs/cli.md (normalize): names and no stamps make the cast
 * form, stamps the stamp-first form; text in double quotes; each note a `Sentiment:` line after
 * its turn; a blank line between turns and around the marker.
 */
const MIXED_NORMALIZED = [
  'Speaker 1 (Mark Chen): "Glad to be back."',
  'Sentiment: Positive',
  '',
  'Speaker 2 (Ann Lee): "Thanks for having us."',
  '',
  'This chunk continues in the next part.',
  '',
  '[00:00:09] Speaker 1: "Let us start with the harbour."',
  'Sentiment: Hopeful',
  '',
  '[00:00:15] Speaker 2: "The wall went up first."',
  '',
].join('\n');

describe('transcript normalize', () => {
  test('rewrites the file in place with the normalised text, and then finds it normalised', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'harbour.transcript'), MIXED);
    const run = await runCli(['normalize', 'harbour.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'harbour.transcript: normalized\n');
    assert.equal(await readFile(join(dir, 'harbour.transcript'), 'utf8'), MIXED_NORMALIZED);
    const again = await runCli(['normalize', 'harbour.transcript'], { cwd: dir });
    assert.equal(again.code, 0);
    assert.equal(again.stderr, 'harbour.transcript: already normalized\n');
    assert.deepEqual(await readdir(dir), ['harbour.transcript']);
  });

  test('the sample is normalised once: a second run finds nothing to change', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'debate.transcript'), await readFile(sampleTranscript, 'utf8'));
    assert.equal((await runCli(['normalize', 'debate.transcript'], { cwd: dir })).stderr, 'debate.transcript: normalized\n');
    const once = await readFile(join(dir, 'debate.transcript'), 'utf8');
    assert.equal((await runCli(['normalize', 'debate.transcript'], { cwd: dir })).stderr, 'debate.transcript: already normalized\n');
    assert.equal(await readFile(join(dir, 'debate.transcript'), 'utf8'), once);
  });

  test('--dry-run prints a diff and writes nothing; -o writes elsewhere; -o - prints', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'in.transcript'), MIXED);
    const dry = await runCli(['normalize', '--dry-run', 'in.transcript'], { cwd: dir });
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /^--- in\.transcript\tcurrent\n\+\+\+ in\.transcript\tnormalized\n@@ /);
    assert.equal(applyPatch(MIXED, dry.stdout), MIXED_NORMALIZED);
    assert.equal(await readFile(join(dir, 'in.transcript'), 'utf8'), MIXED);
    assert.deepEqual(await readdir(dir), ['in.transcript']);
    const out = await runCli(['normalize', 'in.transcript', '-o', 'out dir é.transcript'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    assert.equal(await readFile(join(dir, 'out dir é.transcript'), 'utf8'), MIXED_NORMALIZED);
    assert.equal(await readFile(join(dir, 'in.transcript'), 'utf8'), MIXED);
    const printed = await runCli(['normalize', 'in.transcript', '-o', '-'], { cwd: dir });
    assert.equal(printed.stdout, MIXED_NORMALIZED);
  });

  test('keeps the byte-order mark and CRLF line endings of the file', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'w.transcript'), `\uFEFF${MIXED.replace(/\n/g, '\r\n')}`);
    const run = await runCli(['normalize', 'w.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await readFile(join(dir, 'w.transcript'), 'utf8'), `\uFEFF${MIXED_NORMALIZED.replace(/\n/g, '\r\n')}`);
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
      'transcript: notes.transcript: not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, podcast pages `Name [(00:12)](link)`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)\n',
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
