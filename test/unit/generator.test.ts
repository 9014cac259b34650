import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Position, Range } from '../../server/src/service/model';
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
/** One copy of a repeated passage: its range, and one single-line range per turn. */
interface Copy extends Located {
  readonly parts: readonly Located[];
}
interface Truth {
  readonly lineCount: number;
  readonly chunks: ReadonlyArray<{
    readonly index: number;
    readonly style: string;
    readonly boundary: 'document-start' | 'explicit' | 'implicit' | 'unmarked';
    readonly startLine: number;
    readonly endMarker?: { readonly line: number; readonly kind: string };
    readonly evidence?: ReadonlyArray<'labels-restart' | 'stamp-back'>;
  }>;
  readonly overlaps: ReadonlyArray<{
    readonly chunk: number;
    readonly boundary: 'explicit' | 'implicit' | 'unmarked';
    readonly kind: 'exact' | 'approximate';
    readonly words: number;
    readonly turns: number;
    readonly followedByNewContent: boolean;
    readonly cutOff: boolean;
    readonly beginsMidTurn: boolean;
    readonly beginsMidSentence: boolean;
    readonly kept: 'original' | 'repeat';
    readonly repeat: Copy;
    readonly original: Copy;
  }>;
  readonly loops: ReadonlyArray<{ readonly chunk: number; readonly range: Range; readonly phrase: string; readonly times: number }>;
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
async function generate(...args: string[]): Promise<{ text: string; truth: Truth; clean: string }> {
  const name = `run-${runs++}`;
  const out = join(workDir, `${name}.transcript`);
  const truthFile = join(workDir, `${name}.json`);
  const mended = join(workDir, `${name}.mended.transcript`);
  await run(process.execPath, [script, '--csv', speechCsv, ...args, '--out', out, '--truth', truthFile, '--mended', mended], { cwd: repoRoot });
  return {
    text: await readFile(out, 'utf8'),
    truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth,
    clean: await readFile(mended, 'utf8'),
  };
}

function slice(lines: readonly string[], range: Range): string {
  assert.equal(range.start.line, range.end.line, 'truth ranges lie on one line');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/** The text a range covers, across lines. */
function sliceAcross(lines: readonly string[], range: Range): string {
  return lines
    .slice(range.start.line, range.end.line + 1)
    .map((line, i) => {
      const end = range.start.line + i === range.end.line ? range.end.character : line.length;
      return line.slice(i === 0 ? range.start.character : 0, end);
    })
    .join('\n');
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Words as a reader compares them: case and surrounding punctuation do not count. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

interface SpeechWord {
  readonly word: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** The words of the turns as the parser reads them (no labels, stamps, notes or markers), where each is. */
function speechWords(text: string): SpeechWord[] {
  const found: SpeechWord[] = [];
  for (const turn of parseTranscript(text).turns) {
    for (const segment of turn.segments) {
      for (const match of segment.text.matchAll(/\S+/g)) {
        const [word] = words(match[0]);
        if (word === undefined) continue;
        const start = segment.range.start.character + match.index;
        found.push({ word, line: segment.range.start.line, start, end: start + match[0].length });
      }
    }
  }
  return found;
}

function within(word: SpeechWord, range: Range): boolean {
  assert.equal(range.start.line, range.end.line);
  return word.line === range.start.line && word.start >= range.start.character && word.end <= range.end.character;
}

/** Whether a turn's text starts and ends as whole sentences do. */
function wholeStart(turnText: string): boolean {
  return !/^[^\p{L}]*\p{Ll}/u.test(turnText);
}
function wholeEnd(turnText: string): boolean {
  return /[.?!\u2026][\u201d"')\]]*$/.test(turnText) && !/\p{L}\.\.\.$/u.test(turnText);
}

/** Each turn's text, segments joined. */
function turnTexts(text: string): string[] {
  return parseTranscript(text).turns.map((t) => t.segments.map((s) => s.text).join(' '));
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
  let clean: string;
  let lines: string[];
  before(async () => {
    ({ text, truth, clean } = await generate('--bytes', '150000', '--seed', '20'));
    lines = text.split('\n');
  });

  test('has overlaps of every kind to measure', () => {
    const kinds = new Set(truth.overlaps.map((o) => `${o.kind}${o.followedByNewContent ? '+new' : ''}`));
    assert.deepEqual([...kinds].sort(), ['approximate', 'approximate+new', 'exact', 'exact+new']);
    const boundaries = new Set(truth.overlaps.map((o) => o.boundary));
    assert.deepEqual([...boundaries].sort(), ['explicit', 'implicit', 'unmarked']);
    const lengths = new Set(truth.overlaps.map((o) => (o.words <= 60 ? 'short' : o.words <= 300 ? 'long' : 'very long')));
    assert.deepEqual([...lengths].sort(), ['long', 'short', 'very long']);
    // The shapes the mend treats apart: a cut-off original that began mid-sentence, or at a sentence start inside a turn.
    assert.ok(truth.overlaps.some((o) => o.turns > 1 && o.cutOff && o.beginsMidSentence));
    assert.ok(truth.overlaps.some((o) => o.turns > 1 && o.cutOff && o.beginsMidTurn && !o.beginsMidSentence));
    assert.ok(truth.backwardsStamps.length > 0 && truth.repeatedStamps.length > 0);
    assert.ok(truth.loops.length > 0);
  });

  test('each overlap range slices to the repeated words, and the original range to the words they repeat', () => {
    for (const overlap of truth.overlaps) {
      for (const copy of [overlap.repeat, overlap.original]) {
        assert.equal(sliceAcross(lines, copy.range), copy.text);
        assert.deepEqual(copy.range.start, copy.parts[0]!.range.start);
        assert.deepEqual(copy.range.end, copy.parts[copy.parts.length - 1]!.range.end);
        for (const part of copy.parts) {
          assert.equal(slice(lines, part.range), part.text);
          // Ranges are word-aligned: no partial word and no blank at either end.
          assert.match(part.text, /^\S.*\S$|^\S$/);
        }
      }
      assert.equal(overlap.repeat.parts.length, overlap.turns);
      assert.equal(overlap.original.parts.length, overlap.turns, 'a turn of the repeat for each turn it repeats');
      const r = overlap.repeat.parts.flatMap((p) => words(p.text));
      const o = overlap.original.parts.flatMap((p) => words(p.text));
      assert.equal(o.length, overlap.words);
      assert.equal(r[0], o[0], `same first word in ${overlap.repeat.text} / ${overlap.original.text}`);
      assert.equal(r[r.length - 1], o[o.length - 1], `same last word in ${overlap.repeat.text} / ${overlap.original.text}`);
      if (overlap.kind === 'exact') {
        assert.deepEqual(r, o);
      } else {
        assert.notDeepEqual(r, o);
        const kept = o.filter((w) => r.includes(w)).length;
        assert.ok(kept / o.length >= 0.6, `a re-transcription keeps most words: ${overlap.repeat.text} / ${overlap.original.text}`);
      }
      assert.equal(overlap.kept, overlap.cutOff ? 'repeat' : 'original');
      assert.equal(overlap.cutOff, /\.\.\.$/.test(overlap.original.text), 'a cut-off original ends in `...`');
    }
  });

  test('each repeat opens its chunk, a turn for each turn it repeats, right after the turns of the original, as the parser reads them', () => {
    const model = parseTranscript(text);
    const lastEnd = (index: number): Position => {
      const { segments } = model.turns[index]!;
      return segments[segments.length - 1]!.range.end;
    };
    for (const overlap of truth.overlaps) {
      const n = overlap.turns;
      const first = model.turns.findIndex((t) => samePosition(t.segments[0]!.range.start, overlap.repeat.range.start));
      assert.ok(first >= n, `a turn starts at the repeat ${JSON.stringify(overlap.repeat.range.start)}`);
      overlap.repeat.parts.forEach((part, i) => {
        assert.deepEqual(model.turns[first + i]!.segments[0]!.range.start, part.range.start);
      });
      overlap.original.parts.forEach((part, i) => {
        const turn = first - n + i;
        assert.deepEqual(lastEnd(turn), part.range.end, 'the original runs to the end of each of its turns');
        if (i > 0) assert.deepEqual(model.turns[turn]!.segments[0]!.range.start, part.range.start);
        else if (!overlap.beginsMidTurn) assert.deepEqual(model.turns[turn]!.segments[0]!.range.start, part.range.start);
        else assert.ok(part.range.start.character > model.turns[turn]!.segments[0]!.range.start.character, 'begins inside the turn');
      });
      if (overlap.boundary !== 'unmarked') assert.equal(model.chunks[model.turns[first]!.chunkIndex]!.firstTurn, first);
      else {
        // A join with neither marker nor change of format shows only by its repeat: where the parser sees it, its chunk starts there.
        const chunk = model.chunks[model.turns[first]!.chunkIndex]!;
        assert.ok(chunk.firstTurn === first || model.turns[first]!.chunkIndex === model.turns[first - 1]!.chunkIndex);
      }
      if (overlap.followedByNewContent) {
        const lastCopy = overlap.repeat.parts[n - 1]!.range;
        assert.ok(lastEnd(first + n - 1).character > lastCopy.end.character, 'new content follows');
      }
    }
  });

  test('the parser finds the chunks the truth records, joins with no marker and no change of format by their repeats; no problems', () => {
    const model = parseTranscript(text);
    assert.deepEqual(model.problems, []);
    // Joins that only a repeat shows count as the chunk before them on both sides; each the parser
    // does see as one is at such a join.
    const merged = (chunks: ReadonlyArray<{ boundary: string; startLine: number; endMarker?: string }>) => {
      const out: Array<[string, number, string | undefined]> = [];
      for (const c of chunks) {
        if (c.boundary === 'unmarked' || c.boundary === 'repeat') out[out.length - 1]![2] = c.endMarker;
        else out.push([c.boundary, c.startLine, c.endMarker]);
      }
      return out;
    };
    const parsed = model.chunks.map((c) => ({
      boundary: c.boundary,
      startLine: model.turns[c.turnIndices[0]!]!.headerRange.start.line,
      endMarker: c.endMarker?.kind,
    }));
    assert.deepEqual(
      merged(parsed),
      merged(truth.chunks.map((c) => ({ boundary: c.boundary, startLine: c.startLine, endMarker: c.endMarker?.kind }))),
    );
    const unmarked = new Set(truth.chunks.filter((c) => c.boundary === 'unmarked').map((c) => c.startLine));
    for (const c of parsed.filter((p) => p.boundary === 'repeat')) assert.ok(unmarked.has(c.startLine), `a join at line ${c.startLine + 1}`);
    assert.ok(truth.chunks.some((c) => c.boundary === 'implicit'));
    assert.equal(model.lineCount, truth.lineCount);
  });

  test('at a join with no marker the format goes on, and the labels restart or a stamp goes back', () => {
    const model = parseTranscript(text);
    const { backwards } = stampOrder(text);
    const unmarked = truth.chunks.filter((c) => c.boundary === 'unmarked');
    assert.ok(unmarked.length >= 3, `${unmarked.length} unmarked joins`);
    for (const chunk of unmarked) {
      const before = truth.chunks[chunk.index - 1]!;
      assert.equal(chunk.style, before.style);
      assert.equal(before.endMarker, undefined);
      assert.ok(!model.markers.some((m) => m.range.start.line > before.startLine && m.range.start.line < chunk.startLine));
      const opening = model.turns.find((t) => t.headerRange.start.line === chunk.startLine)!;
      assert.ok(opening.index > 0);
      assert.equal(model.turns[opening.index - 1]!.form, opening.form);
      assert.ok(chunk.evidence && chunk.evidence.length > 0, `evidence at line ${chunk.startLine}`);
      if (chunk.evidence.includes('stamp-back')) assert.ok(backwards.includes(chunk.startLine), `a stamp goes back at ${chunk.startLine}`);
      if (chunk.evidence.includes('labels-restart')) assert.equal(opening.label, 'Speaker 1');
      else assert.ok(opening.timestamp, 'with no stamp to go back, the labels restart');
    }
  });

  test('the clean text is the text without the copy that goes at each seam and without the extra copies of each loop', () => {
    const dropped: Range[] = [
      ...truth.overlaps.flatMap((o) => (o.kept === 'original' ? o.repeat.parts : o.original.parts).map((p) => p.range)),
      ...truth.loops.map((l) => ({ start: { ...l.range.start, character: l.range.start.character + l.phrase.length + 1 }, end: l.range.end })),
    ];
    const kept = speechWords(text).filter((w) => !dropped.some((range) => within(w, range)));
    assert.deepEqual(
      kept.map((w) => w.word),
      speechWords(clean).map((w) => w.word),
    );
    assert.deepEqual(parseTranscript(clean).problems, []);
    assert.equal(
      parseTranscript(clean).chunks.length,
      parseTranscript(text).chunks.filter((c) => c.boundary !== 'repeat').length,
      'the same chunks, but those that only a repeat shows',
    );
  });

  test('the mend leaves no turn starting or ending mid-sentence that the text does not have', () => {
    // A turn of the text starts (ends) as a clean turn does when their first (last) four words
    // agree, or all the words of the shorter one: speech split into short turns starts mid-sentence.
    const textTurns = turnTexts(text).map(words);
    const sameEdge = (turn: string[], edge: (w: string[]) => string[]): boolean =>
      textTurns.some((other) => {
        const [a, b] = [edge(turn).slice(0, 4), edge(other).slice(0, 4)];
        const n = Math.min(a.length, b.length);
        return a.slice(0, n).join(' ') === b.slice(0, n).join(' ');
      });
    for (const turn of turnTexts(clean)) {
      const w = words(turn);
      assert.ok(wholeStart(turn) || sameEdge(w, (x) => x), `starts mid-sentence: ${turn.slice(0, 80)}`);
      assert.ok(wholeEnd(turn) || sameEdge(w, (x) => [...x].reverse()), `ends mid-sentence: ${turn.slice(-80)}`);
    }
  });

  test('a loop is a phrase of 1 to 6 words written 3 to 8 times in a row, its range over every copy', () => {
    for (const loop of truth.loops) {
      assert.equal(slice(lines, loop.range), Array.from({ length: loop.times }, () => loop.phrase).join(' '));
      assert.ok(loop.times >= 3 && loop.times <= 8);
      const n = loop.phrase.split(' ').length;
      assert.ok(n >= 1 && n <= 6, loop.phrase);
    }
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
    assert.ok(chunksWithSpeaker1.size > model.chunks.length / 2);
  });
});

test('long repeats, joins with no marker and loops come at about the rates the options give', async () => {
  let boundaries = 0;
  let long = 0;
  let veryLong = 0;
  let unmarked = 0;
  let turns = 0;
  let loops = 0;
  const shapes = new Set<string>();
  for (const seed of ['1', '2', '3', '4']) {
    const { text, truth } = await generate('--bytes', '100000', '--seed', seed);
    boundaries += truth.chunks.length - 1;
    long += truth.overlaps.filter((o) => o.words > 60 && o.words <= 300).length;
    veryLong += truth.overlaps.filter((o) => o.words > 300).length;
    unmarked += truth.chunks.filter((c) => c.boundary === 'unmarked').length;
    turns += parseTranscript(text).turns.length;
    loops += truth.loops.length;
    for (const o of truth.overlaps.filter((x) => x.words > 60)) {
      shapes.add(o.beginsMidSentence ? 'mid-sentence' : o.beginsMidTurn ? 'sentence start in a turn' : 'turn start');
      if (o.cutOff) shapes.add('cut off');
    }
  }
  // --long-repeat-rate 0.15 and --very-long-repeat-rate 0.08 of boundaries (not the last chunk's), --unmarked-rate 0.15 (not after the cast list).
  const share = (n: number, of: number): string => (n / of).toFixed(3);
  assert.ok(long / boundaries > 0.1 && long / boundaries < 0.2, `61-300 words at ${share(long, boundaries)} of ${boundaries} boundaries`);
  assert.ok(veryLong / boundaries > 0.04 && veryLong / boundaries < 0.12, `over 300 words at ${share(veryLong, boundaries)}`);
  assert.ok(unmarked / boundaries > 0.08 && unmarked / boundaries < 0.2, `unmarked at ${share(unmarked, boundaries)}`);
  // --loop-rate 0.04 of the turns outside repeats; with this speech's short turns, long repeats hold many of them.
  assert.ok(loops / turns > 0.01 && loops / turns < 0.03, `loops in ${share(loops, turns)} of ${turns} turns`);
  assert.deepEqual([...shapes].sort(), ['cut off', 'mid-sentence', 'sentence start in a turn', 'turn start']);
});

test('the same seed gives the same bytes; another seed another transcript', async () => {
  const first = await generate('--bytes', '40000', '--seed', '11');
  const again = await generate('--bytes', '40000', '--seed', '11');
  const other = await generate('--bytes', '40000', '--seed', '12');
  assert.equal(again.text, first.text);
  assert.deepEqual(again.truth, first.truth);
  assert.equal(again.clean, first.clean);
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

test('clean mode writes an ordinary transcript: one format, markers only, no overlap or loop, stamps only go forward', async () => {
  const { text, truth, clean } = await generate('--bytes', '60000', '--seed', '5', '--clean', '--random-start');
  assert.equal(clean, text, 'nothing to mend');
  assert.deepEqual(truth.loops, []);
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
