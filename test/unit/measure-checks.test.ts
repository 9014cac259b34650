import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './cli-harness';

/*
 * `scripts/measure-checks.mjs` run as a user runs it, on the invented speech of
 * `test/fixtures/speech.csv`. What it reports of the checks changes with them; what must hold is
 * that the measurement agrees with the generator's truth (its `--self-check`: the clean text
 * measured as the fixed one loses and repeats nothing; the unfixed text repeats exactly the words
 * the truth says go) and that its figures add up.
 */

const script = join(repoRoot, 'scripts', 'measure-checks.mjs');
const speechCsv = join(repoRoot, 'test', 'fixtures', 'speech.csv');
const run = promisify(execFile);

interface Rates {
  diagnostics: number;
  true: number;
  false: number;
  truth: number;
  found: number;
}
interface Corpus {
  files: number;
  duplicateOverlap: Rates & { groups: Record<string, { truth: number; found: number; diagnostics: number }> };
  repetitionLoop: Rates;
  falseAlarmsPer100: number | null;
  fixAll: { files: number; cleanWords: number; lost: number; extra: number; brokenTurns: number; fixedPoint: number };
  perFile: Array<{ seams: number; found: number; falseAlarms: number; lost: number; extra: number; broken: number }>;
  selfCheck: string[];
}

test('the measurement agrees with the truth on generated and clean transcripts, and its figures add up', async () => {
  const args = [script, '--csv', speechCsv, '--transcripts', '3', '--bytes', '60000', '--clean', '2', '--self-check', '--json'];
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, maxBuffer: 1 << 24 });
  const report = JSON.parse(stdout) as { generated: Corpus; clean: Corpus };
  const { generated, clean } = report;
  assert.deepEqual(generated.selfCheck, []);
  assert.deepEqual(clean.selfCheck, []);
  assert.equal(generated.files, 3);
  assert.equal(clean.files, 2);

  const overlaps = generated.duplicateOverlap;
  assert.equal(overlaps.true + overlaps.false, overlaps.diagnostics);
  const lengths = ['up to 60 words', '61-300 words', 'over 300 words'].map((g) => overlaps.groups[g]!);
  assert.ok(lengths.every(Boolean), 'repeats of every length');
  assert.equal(
    lengths.reduce((n, g) => n + g.truth, 0),
    overlaps.truth,
  );
  assert.equal(
    lengths.reduce((n, g) => n + g.found, 0),
    overlaps.found,
  );
  assert.ok(generated.repetitionLoop.truth > 0, 'loops to find');
  assert.equal(
    generated.perFile.reduce((n, f) => n + f.found, 0),
    overlaps.found,
  );
  assert.equal(
    generated.perFile.reduce((n, f) => n + f.falseAlarms, 0),
    overlaps.false + generated.repetitionLoop.false,
  );
  assert.equal(
    generated.perFile.reduce((n, f) => n + f.lost, 0),
    generated.fixAll.lost,
  );
  assert.equal(
    generated.perFile.reduce((n, f) => n + f.extra, 0),
    generated.fixAll.extra,
  );

  // A clean transcript has nothing to find: whatever is flagged is a false alarm.
  assert.equal(clean.duplicateOverlap.truth + clean.repetitionLoop.truth, 0);
  assert.equal(clean.duplicateOverlap.true + clean.repetitionLoop.true, 0);
  assert.equal(clean.falseAlarmsPer100, (100 * (clean.duplicateOverlap.false + clean.repetitionLoop.false)) / 2);
});

test('the table starts with the line and the rows the README quotes', async () => {
  const { stdout } = await run(process.execPath, [script, '--csv', speechCsv, '--transcripts', '1', '--bytes', '20000', '--clean', '1'], {
    cwd: repoRoot,
  });
  const lines = stdout.split('\n');
  assert.equal(lines[0], '1 generated transcripts of ~20000 bytes each');
  assert.equal(lines[2], '| check | diagnostics | true | false | precision | truth items | found | recall |');
  for (const check of ['duplicate-overlap', 'repetition-loop', 'timestamp-order']) {
    assert.ok(
      lines.some((l) => l.startsWith(`| ${check} |`)),
      check,
    );
  }
  assert.ok(lines.includes('1 clean transcripts (one format, no seams, no loops)'));
});
