import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextChange } from '../../server/src/service';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { lines } from './helpers';
import { propertyRuns } from './propertyRuns';
import { speakerFile } from './layoutArbitraries';
import { passage, sentence } from './overlapPassages';
import { speech } from './inventedSpeech';
import { afterEdit, pointInLine, typeAndCompare } from './typedVersions';

/*
 * A line break typed into a speaker's turn, or deleted, or lines of text pasted into it, in a file
 * with no chunk markers: the service reads that turn again over its new lines (`turnReread.ts`)
 * and moves the turns after it, instead of parsing the whole file. Whatever it reads, each version
 * must come out as a fresh analysis does.
 */

const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** Typed at a point of a line: line breaks, alone or with what would make the new line a header or a note. */
const BREAKS = ['\n', '\r\n', '\n\n', ' \n', '\nBen Okafor: ', '\n(Positive sentiment)', '\n[00:01:02] ', '\n---\n', '\n"'];

const lineEdit = fc.record({
  line: fraction,
  at: fraction,
  kind: fc.constantFrom('typed', 'break deleted', 'lines pasted'),
  typed: fc.constantFrom(...BREAKS),
  paste: fc.record({ from: fraction, length: fc.integer({ min: 10, max: 400 }) }),
});

type LineEdit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

/** The change `edit` makes in `text`: at a point of one of its lines, or at the line break that ends it. */
function changeOf(text: string, edit: LineEdit): TextChange {
  const { starts, line, end, at } = pointInLine(text, edit.line, edit.at);
  switch (edit.kind) {
    case 'typed':
      return { start: at, end: at, text: edit.typed };
    case 'break deleted':
      // The line joined to the next, a space between.
      return line + 1 < starts.length ? { start: end, end: starts[line + 1]!, text: ' ' } : { start: at, end: at, text: '' };
    case 'lines pasted': {
      const from = Math.floor(edit.paste.from * text.length);
      return { start: at, end: at, text: text.slice(from, from + edit.paste.length) };
    }
  }
}

test("line breaks typed and deleted, and lines pasted, in speakers' turns: each version equals a fresh analysis, and many are read a turn at a time", () => {
  const counts = { edits: 0, turns: 0 };
  fc.assert(
    fc.property(speakerFile, fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (initial, edits) =>
      typeAndCompare(initial, edits, changeOf, (stats) => {
        counts.edits++;
        if (stats.reread === 1 && stats.rereadLines !== undefined) counts.turns++;
      }),
    ),
    { numRuns: propertyRuns(200) },
  );
  // About one in forty: four files in five hold a join (their runs of turns start over), and a
  // file of several chunks is parsed by sections; pastes, headers and notes typed, and line
  // breaks deleted before a header take the long way too.
  assert.ok(counts.turns > counts.edits / 100, `${counts.turns} of ${counts.edits} edits read one turn over new lines`);
});

const label = (k: number) => `Speaker ${(k % 2) + 1}`;
const TURNS = lines(...Array.from({ length: 60 }, (_, k) => `${label(k)}: ${speech(30, k + 1)}`));

const overLines = (text: string, change: TextChange) => afterEdit(text, change).stats.rereadLines !== undefined;

/** Where line `line` of `text` starts. */
const lineStartOf = (text: string, line: number) => {
  let at = 0;
  for (let k = 0; k < line; k++) at = text.indexOf('\n', at) + 1;
  return at;
};

test("a line break typed in a speaker's turn reads that turn over its two lines; the turns after move a line down and the version before still reads its own text", () => {
  const lineStart = lineStartOf(TURNS, 30);
  const space = TURNS.indexOf(' ', lineStart + 60);
  const { before, after, stats } = afterEdit(TURNS, { start: space, end: space + 1, text: '\n' });
  assert.deepEqual(stats, { parsed: 0, kept: 0, moved: 0, reread: 1, rereadLines: 2 });
  assert.equal(after.turns.length, 60);
  assert.deepEqual(
    after.turns[30]!.segments.map((segment) => segment.range.start.line),
    [30, 31],
  );
  assert.equal(after.turns[29], before.turns[29]);
  assert.equal(after.turns[31]!.range.start.line, 32);
  assert.equal(after.turns[31]!.segments[0]!.text, before.turns[31]!.segments[0]!.text);
  assert.equal(before.turns[30]!.segments.length, 1);
  assert.equal(before.turns[59]!.range.start.line, 59);
  assert.equal(before.turns[59]!.segments[0]!.text, speech(30, 60));
  assert.equal(after.chunks[0]!.range.end.line, 60);
  // Deleted again: one line, and the turns after back where they were.
  const joined = afterEdit(TURNS.slice(0, space) + '\n' + TURNS.slice(space + 1), { start: space, end: space + 1, text: ' ' });
  assert.equal(joined.stats.rereadLines, 1);
  assert.equal(joined.after.turns[31]!.range.start.line, 31);
});

test('an edit that makes or unmakes lines and changes more than its turn is not read a turn at a time, and the model is still a fresh one', () => {
  const lineStart = lineStartOf(TURNS, 30);
  const space = TURNS.indexOf(' ', lineStart + 60);
  assert.equal(overLines(TURNS, { start: space, end: space + 1, text: '\n\n' }), true, 'a blank line in the turn');
  for (const [change, why] of [
    [{ start: space, end: space + 1, text: '\nSpeaker 3: ' }, 'a header typed: a new turn'],
    [{ start: space, end: space + 1, text: '\n(Positive sentiment)\n' }, 'a sentiment note'],
    [{ start: lineStart - 1, end: lineStart, text: ' ' }, 'the line break before a header deleted: two turns made one'],
    [{ start: lineStart + 5, end: lineStart + 5, text: '\n' }, "a line break in the header's label"],
  ] as const) {
    assert.equal(overLines(TURNS, change), false, why);
  }
});

test("a passage typed on a new line of a speaker's turn that a turn eight turns later repeats makes that turn a join: the turn is not read over its lines", () => {
  const P = sentence(passage(25));
  const between = Array.from({ length: 8 }, (_, k) => speech(40, 10 + k));
  const text = lines(
    `Speaker 1: ${speech(40, 1)}`,
    `Speaker 2: ${speech(30, 2)}`,
    ...between.map((said, k) => `${label(k)}: ${said}`),
    `${label(8)}: ${P} ${between.join(' ')} ${speech(8, 98)}`,
    `${label(9)}: ${speech(20, 99)}`,
  );
  const lineEnd = text.indexOf('\n', text.indexOf('Speaker 2: '));
  assert.equal(parseTranscript(text).chunks.length, 1);
  assert.equal(overLines(text, { start: lineEnd, end: lineEnd, text: `\n${P}` }), false);
  assert.equal(parseTranscript(text.slice(0, lineEnd) + `\n${P}` + text.slice(lineEnd)).chunks.length, 2);
  assert.equal(overLines(text, { start: lineEnd, end: lineEnd, text: '\nZulu yankee xray.' }), true);
});
