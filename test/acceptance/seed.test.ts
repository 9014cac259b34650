import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { assertFixAllSettles, assertNormalizeKeepsContent } from '../unit/helpers';
import { acceptanceTest, sharedPath } from './shared';

/** The real transcript the format was specified from, beside the repository in `shared/seed/`. */
const SEED = 'the real seed transcript in ../shared/seed/';

acceptanceTest('the seed transcript: every turn (87) is in the outline under its chunk, with no problems', SEED, () => {
  const seedFolder = sharedPath('seed');
  const seed = readdirSync(seedFolder).find((name) => name.endsWith('.txt'))!;
  const model = parseTranscript(readFileSync(join(seedFolder, seed), 'utf8'));
  const outline = documentSymbols(model);
  assert.equal(
    outline.reduce((sum, chunk) => sum + chunk.children.length, 0),
    87,
  );
  assert.deepEqual(model.problems, []);
  assert.equal(model.markers.length, 7);
  assert.equal(model.chunks.filter((c) => c.boundary === 'explicit').length, 6);
  assert.ok(model.chunks.filter((c) => c.boundary === 'implicit').length >= 8, 'the seed has format changes with no marker');
  // The chunk of `[00:07:53]`…`[00:09:05]` ends where `(Sentiment: …)` lines begin at `[00:09:24]`.
  const startsAt = model.chunks.map((c) => model.turns[c.turnIndices[0]!]?.timestamp?.seconds);
  assert.ok(startsAt.includes(9 * 60 + 24));
  // Every repeat where the seed's chunks meet, each diagnostic on its own turn (1-based lines).
  const overlaps = createTranscriptService()
    .diagnostics(textDocument('file:///seed.txt', readFileSync(join(seedFolder, seed), 'utf8')))
    .filter((d) => d.code === 'duplicate-overlap')
    .map((d) => d.range.start.line + 1);
  assert.deepEqual(overlaps, [78, 81, 84, 119, 133, 169, 185, 200, 204, 242]);
  assertFixAllSettles(createTranscriptService(), readFileSync(join(seedFolder, seed), 'utf8'));
  const researcher = model.turns.filter((t) => t.form === 'announced');
  assert.deepEqual(
    researcher.map((t) => [t.name, t.timestamp?.seconds]),
    [
      ['Researcher', 968],
      ['Researcher', 1021],
    ],
  );
});

/**
 * Normalising the seed changes how it is written, never what it says; the checks are those
 * test/unit/export-normalize.test.ts makes of every transcript it normalises.
 */
acceptanceTest('normalize keeps the content of the seed transcripts, and a second pass changes nothing', SEED, () => {
  const seedFolder = sharedPath('seed');
  for (const name of readdirSync(seedFolder)) {
    assertNormalizeKeepsContent(readFileSync(join(seedFolder, name), 'utf8'), name);
  }
});
