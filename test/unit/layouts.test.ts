import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import type { Turn } from '../../server/src/service/model';

/*
 * One fixture per layout family (test/fixtures/layouts/, invented text), and what a person reading
 * each expects the parser to find: written by hand in expected.json from the layout's rules
 * before the parser read any of them, not produced by the parser.
 */

interface ExpectedTurn {
  readonly line: number;
  readonly label: string;
  readonly seconds: number | null;
  readonly endSeconds: number | null;
  readonly firstWords: string;
}

interface ExpectedFixture {
  readonly form: string;
  readonly turns: readonly ExpectedTurn[];
  readonly speakers: readonly string[];
}

const folder = path.resolve(__dirname, '../../../test/fixtures/layouts');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, ExpectedFixture>;

/** The first words of a turn's text, as a person reads them: segments joined, split at blanks. */
function firstWords(turn: Turn, count: number): string {
  return turn.segments
    .map((segment) => segment.text)
    .join(' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, count)
    .join(' ');
}

const close = (a: number | undefined, b: number | null) => (b === null ? a === undefined : a !== undefined && Math.abs(a - b) < 1e-6);

for (const [file, fixture] of Object.entries(expected)) {
  test(`layout fixture ${file}: its turns, speakers and stamps`, () => {
    const model = parseTranscript(readFileSync(path.join(folder, file), 'utf8'));
    const found = model.turns.map((turn) => ({
      line: turn.headerRange.start.line,
      label: turn.label,
      seconds: turn.timestamp?.seconds,
      endSeconds: turn.endTimestamp?.seconds,
      firstWords: firstWords(turn, fixture.turns.find((t) => t.line === turn.headerRange.start.line)?.firstWords.split(' ').length ?? 3),
    }));
    assert.deepEqual(
      found.map((t) => t.line),
      fixture.turns.map((t) => t.line),
      'header lines',
    );
    fixture.turns.forEach((want, i) => {
      const got = found[i]!;
      assert.equal(got.label, want.label, `label of the turn at line ${want.line}`);
      assert.ok(close(got.seconds, want.seconds), `start of the turn at line ${want.line}: ${got.seconds} ≠ ${want.seconds}`);
      assert.ok(close(got.endSeconds, want.endSeconds), `end of the turn at line ${want.line}: ${got.endSeconds} ≠ ${want.endSeconds}`);
      assert.equal(got.firstWords, want.firstWords, `text of the turn at line ${want.line}`);
    });
    const speakers = [...new Set(model.turns.map((t) => t.label).filter((label) => label !== ''))];
    assert.deepEqual(speakers, fixture.speakers, 'speakers in order of first appearance');
    assert.ok(
      model.turns.some((t) => t.form === fixture.form),
      `some turn has the family's form ${fixture.form}: ${[...new Set(model.turns.map((t) => t.form))].join(', ')}`,
    );
    assert.deepEqual(
      model.problems.filter((p) => p.code !== 'unterminated-quote').map((p) => `${p.code} ${p.range.start.line}`),
      [],
      'no problems: furniture, cue numbers and NOTE blocks are not problems',
    );
  });
}
