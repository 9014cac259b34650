import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempFolder } from './cli-harness';

/*
 * `scripts/chunk-corpus.mjs` (and so `scripts/lib/chunkLikePipeline.mjs`) run as a user runs it,
 * on invented transcripts the test writes, with small chunks so that a short text has many seams.
 * The truth it writes is held against the chunked text and against the original.
 */

const script = join(repoRoot, 'scripts', 'chunk-corpus.mjs');
const MARKER = 'This chunk continues in the next part.';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Located {
  range: Range;
  text: string;
}
interface Overlap {
  boundary: 'marker' | 'unmarked';
  kind: 'exact' | 'approximate';
  words: number;
  cutOff: boolean;
  repeat: Located;
  original: Located;
}
interface Truth {
  source: string;
  seed: number;
  chunks: number;
  overlaps: Overlap[];
  markers: Located[];
}

/** Invented speech: sentences of a planning meeting at a small community garden. */
const SENTENCES = [
  'The tomatoes on the east side need stakes before the wind picks up again.',
  'I counted fourteen volunteers on Saturday, which is the most we have ever had.',
  'Can we move the compost bins closer to the gate?',
  'The water meter reading jumped last month, so something may be leaking.',
  'Honestly, the kids loved planting the sunflowers more than anything else we did.',
  'We still owe the hardware store for the second batch of hoses.',
  'If the grant comes through, the shed roof is the first thing we fix.',
  'Nobody signed up for the Tuesday watering shift yet.',
  'The bees seem calmer since we moved the hives behind the fence.',
  'Let us put the seed swap on the calendar for the first weekend of spring.',
  'My neighbour offered three bags of mulch if someone can pick them up.',
  'The path by the raspberries floods every time it rains hard.',
  'Should we ask the school whether their science club wants a bed of its own?',
  'I think the lettuce bolted because we planted it far too late.',
  'The padlock code changed on Friday, and I will text everyone the new one.',
  'We have enough in the kitty to buy two wheelbarrows, but not three.',
];
const SPEAKERS = ['Ada Brooks', 'Ben Okafor', 'Cleo Marsh'];

/** `turns` turns, each two to four sentences, in the layout `header(name, seconds)` + text. */
function invented(turns: number, layout: (name: string, seconds: number, text: string) => string, eol: string): string {
  const blocks: string[] = [];
  for (let t = 0; t < turns; t++) {
    const count = 2 + (t % 3);
    const text = Array.from({ length: count }, (_, s) => SENTENCES[(t * 5 + s * 3) % SENTENCES.length]).join(' ');
    blocks.push(layout(SPEAKERS[t % SPEAKERS.length]!, 12 + t * 37, text));
  }
  return blocks.join(eol + eol) + eol;
}
const stamp = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/** The files the tests chunk: plain `Name: text`, Rev style with CRLF and a BOM, Markdown bold, and one too short. */
const FILES: Record<string, string> = {
  'plain.txt': invented(60, (name, _s, text) => `${name}: ${text}`, '\n'),
  'rev-crlf.txt': '\uFEFF' + invented(50, (name, s, text) => `${name} (00:${stamp(s)}):\r\n${text}`, '\r\n'),
  'bold.md': '# Garden meeting\n\n' + invented(55, (name, s, text) => `**${name}** [${stamp(s)}]\n${text}`, '\n'),
  'short.txt': invented(4, (name, _s, text) => `${name}: ${text}`, '\n'),
};

async function chunk(folder: string, seed: number): Promise<{ out: string; stdout: string }> {
  const out = join(folder, `out-${seed}`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, join(folder, 'in'), out, '--seed', String(seed), '--min-words', '40', '--max-words', '90'],
    {
      cwd: folder,
    },
  );
  return { out, stdout };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
  }
  return starts;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

describe('scripts/chunk-corpus.mjs', () => {
  test('chunks real layouts with seams whose truth points at the copies, and mending them gives the original back', async (t) => {
    const folder = await tempFolder(t);
    await mkdir(join(folder, 'in'));
    for (const [name, text] of Object.entries(FILES)) await writeFile(join(folder, 'in', name), text);

    const first = await chunk(folder, 7);
    assert.match(first.stdout, /^short\.txt: skipped, fewer than six turns$/m);
    assert.deepEqual((await readdir(first.out)).sort(), [
      'bold.md',
      'bold.md.truth.json',
      'plain.txt',
      'plain.txt.truth.json',
      'rev-crlf.txt',
      'rev-crlf.txt.truth.json',
    ]);

    const seen = { marker: 0, unmarked: 0, exact: 0, approximate: 0, cutOff: 0, sentences: 0 };
    for (const name of ['plain.txt', 'rev-crlf.txt', 'bold.md']) {
      const clean = FILES[name]!;
      const text = await readFile(join(first.out, name), 'utf8');
      const truth = JSON.parse(await readFile(join(first.out, `${name}.truth.json`), 'utf8')) as Truth;
      assert.equal(truth.source, name);
      assert.ok(truth.overlaps.length >= 3, `${name}: ${truth.overlaps.length} seams`);
      assert.equal(truth.overlaps.length, truth.chunks - 1);
      assert.match(first.stdout, new RegExp(`^${name.replace('.', '\\.')}: ${truth.overlaps.length} seams in ${truth.chunks} chunks`, 'm'));

      const starts = lineStarts(text);
      const offset = (p: Range['start']) => starts[p.line]! + p.character;
      const slice = (r: Range) => text.slice(offset(r.start), offset(r.end));
      const cuts: [number, number][] = [];
      for (const o of truth.overlaps) {
        // The ranges are where the truth says, and run from a word's first character to a word's last.
        assert.equal(slice(o.repeat.range), o.repeat.text);
        assert.equal(slice(o.original.range), o.original.text);
        for (const located of [o.repeat, o.original]) assert.match(located.text, /^\S[\s\S]*\S$/);
        assert.ok(offset(o.original.range.end) < offset(o.repeat.range.start), 'the original comes first');
        assert.ok(o.repeat.range.start.line > 0);
        assert.ok(o.words > 0);
        if (o.cutOff) {
          assert.ok(o.original.text.endsWith('...'), o.original.text);
          if (o.kind === 'exact') assert.ok(o.repeat.text.startsWith(o.original.text.slice(0, -3)));
          seen.cutOff++;
        } else if (o.kind === 'exact') {
          // The copy is the original, or its last sentences with the turn's header written again.
          assert.ok(o.repeat.text.endsWith(o.original.text), `${o.repeat.text}\n---\n${o.original.text}`);
          if (o.repeat.text !== o.original.text) seen.sentences++;
        } else {
          assert.notEqual(o.repeat.text, o.original.text);
        }
        seen[o.boundary]++;
        seen[o.kind]++;
        // Mending a seam keeps the complete text: the original, or for a cut-off seam the repeat.
        const mended = o.cutOff ? o.original.range : o.repeat.range;
        cuts.push([offset(mended.start), offset(mended.end)]);
      }
      assert.equal(truth.markers.length, truth.overlaps.filter((o) => o.boundary === 'marker').length);
      const lines = text.split(/\r\n|\n/);
      for (const m of truth.markers) {
        assert.equal(m.text, MARKER);
        assert.equal(lines[m.range.start.line], MARKER);
        assert.equal(lines[m.range.start.line - 1], '');
        assert.equal(lines[m.range.start.line + 1], '');
        cuts.push([offset(m.range.start), offset(m.range.end)]);
      }
      let mended = text;
      for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) mended = mended.slice(0, from) + mended.slice(to);
      assert.deepEqual(words(mended), words(clean), `${name}: mending every seam gives the original's words`);

      // The file's own line ends and byte-order mark.
      if (name === 'rev-crlf.txt') {
        assert.ok(text.startsWith('\uFEFF'));
        assert.doesNotMatch(text, /[^\r]\n/);
      } else {
        assert.ok(!text.startsWith('\uFEFF'));
        assert.doesNotMatch(text, /\r/);
      }
    }
    for (const [kind, count] of Object.entries(seen)) assert.ok(count > 0, `no ${kind} seam in ${JSON.stringify(seen)}`);

    // Same files and seed: the same bytes. Another seed: other seams.
    const again = await chunk(folder, 7);
    const other = await chunk(folder, 8);
    for (const name of ['plain.txt', 'rev-crlf.txt', 'bold.md', 'plain.txt.truth.json']) {
      assert.equal(await readFile(join(again.out, name), 'utf8'), await readFile(join(first.out, name), 'utf8'), name);
    }
    assert.notEqual(await readFile(join(other.out, 'plain.txt'), 'utf8'), await readFile(join(first.out, 'plain.txt'), 'utf8'));
  });

  test('bad usage is one line of error and exit status 2', async (t) => {
    const folder = await tempFolder(t);
    const run = promisify(execFile)(process.execPath, [script, folder], { cwd: folder });
    await assert.rejects(run, (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr ?? '', /^chunk-corpus: give the folder of transcripts and the folder to write to$/m);
      return true;
    });
  });
});
