import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { applyEdits } from '../../server/src/service/util/edits';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Golden files: a fixture's whole model as JSON, committed and reviewed as a diff whenever the
 * parser changes. Only `UPDATE_GOLDEN=1 npm run test:unit` writes them; `git diff test/golden`
 * shows what changed. A golden file that is missing fails the test: written by the run that
 * checks it, it would pass whatever the parser did.
 */
const GOLDEN_FIXTURES = ['all-forms.transcript', 'unicode.transcript', 'crlf-bom.transcript'];

/** Checks `actual` against the golden file, or, with `update`, writes it: the only way one is written. */
function assertGolden(goldenPath: string, actual: string, update: boolean, what: string): void {
  if (update) {
    writeFileSync(goldenPath, actual);
    return;
  }
  assert.ok(existsSync(goldenPath), `${goldenPath} is missing: write it with UPDATE_GOLDEN=1, then review it`);
  assert.equal(actual, readFileSync(goldenPath, 'utf8'), `${what} changed: review it, then UPDATE_GOLDEN=1`);
}

for (const fixture of GOLDEN_FIXTURES) {
  test(`golden model of ${fixture}`, () => {
    const model = parseTranscript(readFileSync(join(ROOT, 'test', 'fixtures', fixture), 'utf8'));
    const goldenPath = join(ROOT, 'test', 'golden', `${fixture}.model.json`);
    assertGolden(goldenPath, `${JSON.stringify(model, null, 1)}\n`, process.env['UPDATE_GOLDEN'] === '1', `the model of ${fixture}`);
  });
}

test('a missing golden file fails the test and is not written; only UPDATE_GOLDEN writes it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tests-golden-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const goldenPath = join(dir, 'missing.model.json');
  assert.throws(() => assertGolden(goldenPath, '{}\n', false, 'the model'), /missing\.model\.json is missing: write it with UPDATE_GOLDEN=1/);
  assert.equal(existsSync(goldenPath), false, 'a check never writes the golden file');
  assertGolden(goldenPath, '{}\n', true, 'the model');
  assert.equal(readFileSync(goldenPath, 'utf8'), '{}\n');
  assertGolden(goldenPath, '{}\n', false, 'the model');
  assert.throws(() => assertGolden(goldenPath, '[]\n', false, 'the model'), /the model changed: review it, then UPDATE_GOLDEN=1/);
  assert.equal(readFileSync(goldenPath, 'utf8'), '{}\n', 'a failed check leaves the golden file as it was');
});

test('grammar snapshots: a source without its .snap fails the run and no .snap is written', (t) => {
  // The script in a folder of its own, with one snapshot source and no .snap: it must stop before
  // vscode-tmgrammar-snap, which would write the file and pass.
  const dir = mkdtempSync(join(tmpdir(), 'tests-snapshots-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'test', 'grammar', 'snapshots', 'layouts'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'grammar-snapshots.mjs'), join(dir, 'scripts', 'grammar-snapshots.mjs'));
  writeFileSync(join(dir, 'test', 'grammar', 'snapshots', 'layouts', 'new.transcript'), 'Speaker 1: Hello.\n');
  const run = spawnSync(process.execPath, [join(dir, 'scripts', 'grammar-snapshots.mjs')], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /1 snapshot source has no \.snap file:\n {2}test\/grammar\/snapshots\/layouts\/new\.transcript\n/);
  assert.match(run.stderr, /node scripts\/grammar-snapshots\.mjs --updateSnapshot/);
  assert.equal(existsSync(join(dir, 'test', 'grammar', 'snapshots', 'layouts', 'new.transcript.snap')), false);
});

/**
 * A transcript of our own in the seed's shape: a cast list, `Name: [time]` with indented turns,
 * every sentiment form, chunks that repeat the previous chunk's tail (one across two turns, one cut
 * mid-turn, two re-transcribed) and implicit boundaries. The real seed's own test is in
 * test/acceptance, as it needs `shared/` beside the repository.
 */
test('a seed-shaped transcript: every turn (36) is in the outline under its chunk, with no problems', () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-shaped.transcript'), 'utf8');
  const model = parseTranscript(text);
  const outline = documentSymbols(model);
  assert.equal(
    outline.reduce((sum, chunk) => sum + chunk.children.length, 0),
    36,
  );
  assert.deepEqual(model.problems, []);
  assert.equal(model.markers.length, 6);
  assert.equal(model.chunks.filter((c) => c.boundary === 'explicit').length, 5);
  // The indented `Speaker: [00:00:58]` turn cut off before its note stays in its chunk.
  assert.equal(model.chunks.filter((c) => c.boundary === 'implicit').length, 7, 'format changes with no marker');
  // The chunk of `[00:03:40]`…`[00:04:02]` ends where `(Sentiment: …)` lines begin at `[00:04:20]`.
  const startsAt = model.chunks.map((c) => model.turns[c.turnIndices[0]!]?.timestamp?.seconds);
  assert.ok(startsAt.includes(4 * 60 + 20));
  // Every repeat where the chunks meet, each diagnostic on its own turn (1-based lines).
  const service = createTranscriptService();
  const overlaps = service
    .diagnostics(textDocument('file:///seed-shaped.transcript', text))
    .filter((d) => d.code === 'duplicate-overlap')
    .map((d) => d.range.start.line + 1);
  assert.deepEqual(overlaps, [32, 35, 52, 66, 86]);
  // Fix All mends four seams; the fifth stays flagged, as either copy has words found nowhere
  // else (`We tried`, `and then we stopped touching it`) and no cut keeps them both.
  const fixed = applyEdits(text, service.fixAll(textDocument('file:///seed-shaped.transcript', text)));
  const after = textDocument('file:///fixed.transcript', fixed);
  const left = service.diagnostics(after).filter((d) => d.code === 'duplicate-overlap');
  assert.deepEqual(
    left.map((d) => fixed.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.start.character + 29)),
    ['Six springs from the hardware'],
  );
  assert.deepEqual(service.fixAll(after), []);
  const announced = model.turns.filter((t) => t.form === 'announced');
  assert.deepEqual(
    announced.map((t) => [t.name, t.timestamp?.seconds]),
    [
      ['Technician', 374],
      ['Technician', 400],
    ],
  );
});
