import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { acceptanceTest, REPO_ROOT, sharedPath } from './shared';

/*
 * What is made from the real debate speech in `shared/data/debates-2016.csv`: the committed sample
 * and seed-like fixture must be what their documented commands make from it, and the README's
 * measured figures what the measurement gives on it. The generator's mechanics are tested on
 * invented speech in test/unit/generator.test.ts.
 */

const DEBATES = 'the real debate speech in ../shared/data/debates-2016.csv';
const script = join(REPO_ROOT, 'scripts', 'generate-transcript.mjs');
const run = promisify(execFile);
/** What the documented commands switch off: the kinds of seam and the loops added after the files were made. */
const BEFORE_LONG_REPEATS = ['--long-repeat-rate', '0', '--very-long-repeat-rate', '0', '--unmarked-rate', '0', '--loop-rate', '0'];

/** What the tests read of a truth file; they compare it whole as parsed. */
interface Truth {
  readonly chunks: ReadonlyArray<{ readonly style: string }>;
}

/** Runs the generator's command line on the debates, as the documented commands do. */
async function generate(...args: string[]): Promise<{ text: string; truth: Truth }> {
  const dir = await mkdtemp(join(tmpdir(), 'acceptance-generate-'));
  try {
    const out = join(dir, 'made.transcript');
    const truthFile = join(dir, 'made.json');
    const csv = sharedPath('data', 'debates-2016.csv');
    await run(process.execPath, [script, '--csv', csv, ...args, '--out', out, '--truth', truthFile], { cwd: REPO_ROOT });
    return { text: await readFile(out, 'utf8'), truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

acceptanceTest('the committed sample is what its documented command makes from the debates', DEBATES, async () => {
  const made = await generate('--bytes', '30000', '--seed', '2016', '--malformed', '2', ...BEFORE_LONG_REPEATS);
  const sampleText = await readFile(join(REPO_ROOT, 'sample', 'debate-2016.transcript'), 'utf8');
  assert.equal(made.text, sampleText, 'regenerate the sample with the command in sample/README.md');
  assert.deepEqual(made.truth, JSON.parse(await readFile(join(REPO_ROOT, 'sample', 'debate-2016.truth.json'), 'utf8')));
});

acceptanceTest('the seed-like fixture is what the command in test/fixtures/README.md makes', DEBATES, async () => {
  const formats = [
    'cast',
    'named-indented',
    'stamp-sentiment-line',
    'stamp-quoted-sentiment-line',
    'quoted-sentiment-line',
    'quoted-sentiment-line',
    'stamp-quoted-parenthesized',
    'stamp-quoted-bracketed',
    'stamp-quoted-plain',
    'label-stamp-trailing',
    'stamp-trailing-bare',
    'announced',
    'label-trailing',
    'quoted-sentiment-line',
    'label-stamp-sentiment-line',
  ];
  const made = await generate(
    '--seed',
    '2',
    '--random-start',
    '--implicit-rate',
    '0.7',
    '--chunks',
    '15',
    ...BEFORE_LONG_REPEATS,
    '--formats',
    formats.join(','),
  );
  const fixtures = join(REPO_ROOT, 'test', 'fixtures');
  assert.equal(made.text, await readFile(join(fixtures, 'seedlike.transcript'), 'utf8'));
  assert.deepEqual(made.truth, JSON.parse(await readFile(join(fixtures, 'seedlike.truth.json'), 'utf8')));
  assert.deepEqual(
    made.truth.chunks.map((c) => c.style),
    formats,
  );
});

acceptanceTest("the README's precision and recall are what scripts/measure-checks.mjs measures on the debates", DEBATES, async () => {
  sharedPath('data', 'debates-2016.csv');
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'scripts', 'measure-checks.mjs')], { cwd: REPO_ROOT });
  /** `| check | diagnostics | true | false | precision | truth items | found | recall |` → precision and recall. */
  const measured = (check: string): { precision: number; recall: number } => {
    const row = stdout.split('\n').find((line) => line.startsWith(`| ${check} |`));
    assert.ok(row, `measure-checks printed no row for ${check}:\n${stdout}`);
    const cells = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    return { precision: Number.parseFloat(cells[4]!), recall: Number.parseFloat(cells[7]!) };
  };
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
  const claim = (pattern: RegExp): RegExpMatchArray => {
    const match = readme.match(pattern);
    assert.ok(match, `the README no longer says ${pattern}`);
    return match;
  };
  const [, transcripts] = claim(/Measured on (\d+) generated transcripts of real debate speech/);
  assert.match(stdout, new RegExp(`^${transcripts} generated transcripts`, 'm'));
  const [, overlapPrecision, overlapRecall] = claim(/`duplicate-overlap` precision ([\d.]+) %, recall ([\d.]+) %/);
  assert.deepEqual(measured('duplicate-overlap'), { precision: Number(overlapPrecision), recall: Number(overlapRecall) });
  const [, orderBoth] = claim(/`timestamp-order` precision and recall ([\d.]+) %/);
  assert.deepEqual(measured('timestamp-order'), { precision: Number(orderBoth), recall: Number(orderBoth) });
});
