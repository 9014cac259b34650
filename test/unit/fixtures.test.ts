import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { analyze } from './helpers';

/**
 * The fixtures under `test/fixtures/` with the findings `expected.json` records for each: what
 * the checks must report, at which ranges, and nothing else of those codes.
 */
const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');
type Quad = [number, number, number, number];
interface Expectation {
  readonly chunks?: number;
  readonly turns?: number;
  readonly findings: ReadonlyArray<{ readonly code: string; readonly range: Quad; readonly original?: Quad }>;
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const CHECKED = new Set([
  'duplicate-overlap',
  'repetition-loop',
  'timestamp-order',
  'timestamp-repeated',
  'timestamp-malformed',
  'unterminated-quote',
  'orphan-sentiment',
  'unrecognized-line',
]);

for (const [file, expectation] of Object.entries(expected)) {
  test(`fixture ${file}: the checks report exactly the expected findings`, () => {
    const analysis = analyze(readFileSync(join(FIXTURES, file), 'utf8'));
    if (expectation.chunks !== undefined) assert.equal(analysis.model.chunks.length, expectation.chunks);
    if (expectation.turns !== undefined) assert.equal(analysis.model.turns.length, expectation.turns);
    const quad = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Quad => [
      r.start.line,
      r.start.character,
      r.end.line,
      r.end.character,
    ];
    const actual = computeDiagnostics(analysis)
      .filter((d) => CHECKED.has(d.code))
      .map((d) => ({ code: d.code, range: quad(d.range) }));
    const wanted = expectation.findings.filter((f) => CHECKED.has(f.code)).map((f) => ({ code: f.code, range: f.range }));
    assert.deepEqual(actual, wanted);
  });
}
