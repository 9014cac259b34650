import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Range } from '../../server/src/service/model';
import { parseTranscript } from '../../server/src/service/parse/parser';

/*
 * The generator is what the overlap and timestamp checks are measured against, so its ground
 * truth must be exact. These tests run its command line, as the benchmark and people do, and
 * hold the truth against the text and against the parser's reading of it. They render the
 * invented speech in `test/fixtures/speech.csv`, so they need nothing beside the repository;
 * what needs the real debates (the committed sample and seed-like fixture) is in test/acceptance.
 */

const repoRoot = resolve(__dirname, '..', '..', '..');
const script = join(repoRoot, 'scripts', 'generate-transcript.mjs');
/** 49 utterances over three dates, in the debates CSV's columns. */
const speechCsv = join(repoRoot, 'test', 'fixtures', 'speech.csv');
const run = promisify(execFile);

interface Located {
  readonly range: Range;
  readonly text: string;
}
interface Truth {
  readonly lineCount: number;
  readonly chunks: ReadonlyArray<{
    readonly index: number;
    readonly style: string;
    readonly boundary: 'document-start' | 'explicit' | 'implicit';
    readonly startLine: number;
    readonly endMarker?: { readonly line: number; readonly kind: string };
  }>;
  readonly overlaps: ReadonlyArray<{
    readonly chunk: number;
    readonly kind: 'exact' | 'approximate';
    readonly words: number;
    readonly followedByNewContent: boolean;
    readonly repeat: Located;
    readonly original: Located;
  }>;
  readonly backwardsStamps: ReadonlyArray<
    Located & { readonly line: number; readonly seconds: number; readonly latestBefore: { readonly seconds: number } }
  >;
  readonly repeatedStamps: ReadonlyArray<Located & { readonly line: number; readonly seconds: number }>;
  readonly malformedStamps: ReadonlyArray<Located & { readonly line: number }>;
}

let workDir: string;
before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'generator-test-'));
});
after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

let runs = 0;
async function generate(...args: string[]): Promise<{ text: string; truth: Truth }> {
  const name = `run-${runs++}`;
  const out = join(workDir, `${name}.transcript`);
  const truthFile = join(workDir, `${name}.json`);
  await run(process.execPath, [script, '--csv', speechCsv, ...args, '--out', out, '--truth', truthFile], { cwd: repoRoot });
  return { text: await readFile(out, 'utf8'), truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth };
}

function slice(lines: readonly string[], range: Range): string {
  assert.equal(range.start.line, range.end.line, 'truth ranges lie on one line');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/** Words as a reader compares them: case and surrounding punctuation do not count. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/** Stamps in document order as the parser reads them: which go back, which repeat the last one. */
function stampOrder(text: string): { backwards: number[]; repeated: number[]; all: number[] } {
  const backwards: number[] = [];
  const repeated: number[] = [];
  const all: number[] = [];
  let latest = -Infinity;
  let previous: number | undefined;
  for (const turn of parseTranscript(text).turns) {
    if (!turn.timestamp) continue;
    const { seconds } = turn.timestamp;
    const line = turn.timestamp.range.start.line;
    all.push(seconds);
    if (seconds < latest) backwards.push(line);
    else if (seconds === previous) repeated.push(line);
    latest = Math.max(latest, seconds);
    previous = seconds;
  }
  return { backwards, repeated, all };
}

describe('generated transcript with overlaps and reordering', () => {
  let text: string;
  let truth: Truth;
  let lines: string[];
  before(async () => {
    ({ text, truth } = await generate('--bytes', '150000', '--seed', '7'));
    lines = text.split('\n');
  });

  test('has overlaps of every kind to measure', () => {
    const kinds = new Set(truth.overlaps.map((o) => `${o.kind}${o.followedByNewContent ? '+new' : ''}`));
    assert.deepEqual([...kinds].sort(), ['approximate', 'approximate+new', 'exact', 'exact+new']);
    assert.ok(truth.backwardsStamps.length > 0 && truth.repeatedStamps.length > 0);
  });

  test('each overlap range slices to the repeated words, and the original range to the words they repeat', () => {
    for (const overlap of truth.overlaps) {
      const repeat = slice(lines, overlap.repeat.range);
      const original = slice(lines, overlap.original.range);
      assert.equal(repeat, overlap.repeat.text);
      assert.equal(original, overlap.original.text);
      assert.equal(words(original).length, overlap.words);
      const [r, o] = [words(repeat), words(original)];
      // Ranges are word-aligned: no partial word and no blank at either end.
      assert.match(repeat, /^\S.*\S$|^\S$/);
      assert.match(original, /^\S.*\S$|^\S$/);
      assert.equal(r[0], o[0], `same first word in ${repeat} / ${original}`);
      assert.equal(r[r.length - 1], o[o.length - 1], `same last word in ${repeat} / ${original}`);
      if (overlap.kind === 'exact') {
        assert.deepEqual(r, o);
      } else {
        assert.notDeepEqual(r, o);
        const kept = o.filter((w) => r.includes(w)).length;
        assert.ok(kept / o.length >= 0.6, `a re-transcription keeps most words: ${repeat} / ${original}`);
      }
    }
  });

  test('each repeat opens its chunk and each original closes the chunk before, as the parser reads them', () => {
    const model = parseTranscript(text);
    for (const overlap of truth.overlaps) {
      const chunk = model.chunks[overlap.chunk]!;
      const first = model.turns[chunk.turnIndices[0]!]!;
      assert.deepEqual(first.segments[0]!.range.start, overlap.repeat.range.start);
      const before = model.chunks[overlap.chunk - 1]!;
      const last = model.turns[before.turnIndices[before.turnIndices.length - 1]!]!;
      assert.deepEqual(last.segments[last.segments.length - 1]!.range.end, overlap.original.range.end);
      if (overlap.followedByNewContent) {
        assert.ok(first.segments[0]!.range.end.character > overlap.repeat.range.end.character, 'new content follows');
      }
    }
  });

  test('the parser finds the chunks the truth records, with no problems', () => {
    const model = parseTranscript(text);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(
      model.chunks.map((c) => [c.boundary, model.turns[c.turnIndices[0]!]!.headerRange.start.line, c.endMarker?.kind]),
      truth.chunks.map((c) => [c.boundary, c.startLine, c.endMarker?.kind]),
    );
    assert.ok(truth.chunks.some((c) => c.boundary === 'implicit'));
    assert.equal(model.lineCount, truth.lineCount);
  });

  test('the stamps the truth calls backwards or repeated are exactly those, and say so', () => {
    const order = stampOrder(text);
    assert.deepEqual(
      truth.backwardsStamps.map((s) => s.line),
      order.backwards,
    );
    assert.deepEqual(
      truth.repeatedStamps.map((s) => s.line),
      order.repeated,
    );
    for (const s of [...truth.backwardsStamps, ...truth.repeatedStamps]) assert.equal(slice(lines, s.range), s.text);
    for (const s of truth.backwardsStamps) assert.ok(s.seconds < s.latestBefore.seconds);
  });

  test('speaker labels restart in every chunk', () => {
    const model = parseTranscript(text);
    const chunksWithSpeaker1 = new Set(model.turns.filter((t) => t.label === 'Speaker 1').map((t) => t.chunkIndex));
    assert.ok(chunksWithSpeaker1.size > truth.chunks.length / 2);
  });
});

test('the same seed gives the same bytes; another seed another transcript', async () => {
  const first = await generate('--bytes', '40000', '--seed', '11');
  const again = await generate('--bytes', '40000', '--seed', '11');
  const other = await generate('--bytes', '40000', '--seed', '12');
  assert.equal(again.text, first.text);
  assert.deepEqual(again.truth, first.truth);
  assert.notEqual(other.text, first.text);
});

test('the size is met and scales to megabytes, cycling the speech with time moving on', async () => {
  const small = await generate('--bytes', '100000', '--seed', '3');
  const smallBytes = Buffer.byteLength(small.text);
  assert.ok(smallBytes >= 100_000 && smallBytes < 105_000, `${smallBytes} bytes`);

  const large = await generate('--bytes', '2000000', '--seed', '3', '--backwards-rate', '0');
  const largeBytes = Buffer.byteLength(large.text);
  assert.ok(largeBytes >= 2_000_000 && largeBytes < 2_010_000, `${largeBytes} bytes`);
  // One pass over speech.csv takes 3,255 s: the first stamp at 9 s, 1,229 words at 2.5 a second
  // (497 s, rounded per utterance), a second's pause after each of the 49 utterances, 15 minutes
  // between the three dates and 15 after the last. Its 6.3 KB of speech, with headers, notes and
  // repeats, write about 10 KB a pass (under 50 KB however the formats fall), so 2 MB goes round
  // it more than 40 times, the clock going on.
  const order = stampOrder(large.text);
  assert.ok(order.all[order.all.length - 1]! > 40 * 3255, 'later cycles are shifted in time');
  assert.deepEqual(
    order.backwards,
    large.truth.backwardsStamps.map((s) => s.line),
  );
});

test('clean mode writes an ordinary transcript: one format, markers only, no overlap, stamps only go forward', async () => {
  const { text, truth } = await generate('--bytes', '60000', '--seed', '5', '--clean', '--random-start');
  const model = parseTranscript(text);
  assert.deepEqual(model.problems, []);
  assert.ok(model.chunks.length > 3);
  assert.equal(new Set(model.chunks.map((c) => c.format)).size, 1);
  assert.ok(model.chunks.slice(1).every((c) => c.boundary === 'explicit'));
  assert.deepEqual([truth.overlaps, truth.backwardsStamps, truth.repeatedStamps], [[], [], []]);
  const { all } = stampOrder(text);
  assert.ok(all.every((s, i) => i === 0 || s > all[i - 1]!));
  // Without --random-start the text opens `[00:00:09] Speaker 1: Good evening, and welcome…`.
  assert.doesNotMatch(text, /^\[00:00:09\] Speaker 1: Good evening, and welcome/, '--random-start starts elsewhere');
});

// That the sample is what its documented command makes from the debates is an acceptance test.
test('the committed sample shows every construct, and its truth names its problems', async () => {
  const sampleText = await readFile(join(repoRoot, 'sample', 'debate-2016.transcript'), 'utf8');
  const sampleTruth = JSON.parse(await readFile(join(repoRoot, 'sample', 'debate-2016.truth.json'), 'utf8')) as Truth;

  const model = parseTranscript(sampleText);
  assert.deepEqual(new Set(model.turns.map((t) => t.form)), new Set(['cast', 'label-stamp', 'stamp-label', 'label', 'announced']));
  assert.deepEqual(
    new Set(model.turns.flatMap((t) => t.sentiments.map((s) => s.form))),
    new Set(['line', 'parenthesized', 'bracketed', 'trailing', 'trailing-bare']),
  );
  assert.deepEqual(new Set(model.markers.map((m) => m.kind)), new Set(['continues', 'continues-bracketed', 'last']));
  assert.ok(model.chunks.some((c) => c.boundary === 'implicit'));
  assert.ok(
    model.turns.some((t) => t.sentiments.some((s) => s.label.split(' ').length > 10)),
    'a sentence-long label',
  );
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line]),
    sampleTruth.malformedStamps.map((s) => ['timestamp-malformed', s.line]),
  );
  assert.equal(sampleTruth.malformedStamps.length, 2);
  assert.ok(sampleTruth.overlaps.some((o) => o.kind === 'exact') && sampleTruth.overlaps.some((o) => o.kind === 'approximate'));
  assert.ok(sampleTruth.overlaps.some((o) => o.followedByNewContent));
  assert.ok(sampleTruth.backwardsStamps.length > 0);
  const size = Buffer.byteLength(sampleText);
  assert.ok(size >= 20_000 && size <= 40_000, `${size} bytes`);
});

test('--formats gives the chunks their formats in turn, repeated, and --chunks stops after that many', async () => {
  const { text, truth } = await generate('--seed', '4', '--chunks', '5', '--formats', 'cast,announced,stamp-quoted-bracketed');
  assert.deepEqual(
    truth.chunks.map((c) => c.style),
    ['cast', 'announced', 'stamp-quoted-bracketed', 'cast', 'announced'],
  );
  const model = parseTranscript(text);
  assert.deepEqual(
    model.chunks.map((c) => [...new Set(c.turnIndices.map((i) => model.turns[i]!.form))]),
    [['cast'], ['announced'], ['stamp-label'], ['cast'], ['announced']],
  );
});

test('bad options are refused with a usage error, not a stack trace', async () => {
  await assert.rejects(run(process.execPath, [script, '--bytes', 'lots']), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /--bytes must be an integer/);
    assert.doesNotMatch(error.stderr, /at .*\.mjs:\d+/);
    return true;
  });
  await assert.rejects(run(process.execPath, [script, '--clean', '--style', 'nonsense']), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /--style and --formats take/);
    return true;
  });
});
