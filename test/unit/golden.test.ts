import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { applyEdits } from '../../server/src/service/util/edits';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Golden files: a fixture's whole model as JSON, committed and reviewed as a diff whenever the
 * parser changes. `UPDATE_GOLDEN=1 npm run test:unit` rewrites them; `git diff test/golden` shows
 * what changed.
 */
for (const fixture of ['all-forms.transcript', 'unicode.transcript', 'crlf-bom.transcript']) {
  test(`golden model of ${fixture}`, () => {
    const model = parseTranscript(readFileSync(join(ROOT, 'test', 'fixtures', fixture), 'utf8'));
    const actual = `${JSON.stringify(model, null, 1)}\n`;
    const goldenPath = join(ROOT, 'test', 'golden', `${fixture}.model.json`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(goldenPath)) writeFileSync(goldenPath, actual);
    assert.equal(actual, readFileSync(goldenPath, 'utf8'), `the model of ${fixture} changed: review it, then UPDATE_GOLDEN=1`);
  });
}

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
