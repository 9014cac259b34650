import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeActions } from '../../server/src/service/features/fixes';
import { planTimestampFixes } from '../../server/src/service/features/timestampPlan';
import type { TranscriptSettings } from '../../server/src/service/settings';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines } from './helpers';

/*
 * Fix Timestamp Problems and the quick fixes of one backwards stamp: which stamps a plan changes,
 * to what, and under which fix. Every expected time below is worked out by hand from the rule: of
 * set (to the latest time before), interpolate (halfway between the stamps either side) and shift
 * (this and every later stamp by the gap), the first that leaves no new problem; a shift where none does.
 */

/** The plan's changes as `[line (1-based), new time, fix]`, and the text with the plan applied. */
function plan(text: string, settings: Partial<TranscriptSettings> = {}) {
  const { changes, repeatedTurns } = planTimestampFixes(analyze(text, settings));
  return {
    changes: changes.map((change) => [change.edit.range.start.line + 1, change.edit.newText, change.fix]),
    descriptions: changes.map((change) => change.description),
    repeatedTurns,
    fixed: applyEdits(
      text,
      changes.map((change) => change.edit),
    ),
  };
}

const SET = 'Set to the previous time';
const INTERPOLATE = 'Interpolate between neighbours';
const SHIFT = 'Shift this and all following stamps';

const X = 'It just produced the code and I asked where to paste this code.';

test('a stamp less than the tolerance back is a crossing of voices: the plan fixes only the stamp that really goes back', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:19.5] A: three', '[01:30] B: four', '[01:25] A: five', '[01:40] B: six');
  assert.deepEqual(plan(text).changes, [[5, '01:35', INTERPOLATE]]);
});

test('a stamp exactly the tolerance back is fixed', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:19] A: three', '[01:30] B: four');
  assert.deepEqual(plan(text).changes, [[3, '01:25', INTERPOLATE]]);
});

test('turns without a stamp are passed over: a backwards stamp is interpolated between the stamped turns either side', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', 'A: no stamp here', '[01:15] A: three', '[01:30] B: four');
  assert.deepEqual(plan(text).changes, [[4, '01:25', INTERPOLATE]]);
});

test('in captions with one-digit fields, only the cue that goes back is rewritten; the other cues keep their spelling', () => {
  const text = lines(
    'WEBVTT',
    '',
    '0:0:1.130 --> 0:0:2.000',
    'Ann: one',
    '',
    '0:0:5.000 --> 0:0:6.000',
    'Bob: two',
    '',
    '0:0:3.000 --> 0:0:4.000',
    'Ann: three',
    '',
    '0:0:9.000 --> 0:0:10.000',
    'Bob: four',
    '',
  );
  // Halfway between 5 s and 9 s, written with the two-digit fields a stamp is written with; the
  // cue's end moves with it, keeping its second.
  assert.deepEqual(plan(text).changes, [
    [9, '0:00:07.000', INTERPOLATE],
    [9, '0:00:08.000', INTERPOLATE],
  ]);
});

test('a caption cue keeps its length when a fix moves its start: it never ends before it begins', () => {
  const text = lines(
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:02.000',
    'Ann: one',
    '',
    '00:00:05.000 --> 00:00:06.500',
    'Bob: two',
    '',
    '00:00:03.000 --> 00:00:04.250',
    'Ann: three',
    '',
    '00:00:09.000 --> 00:00:10.000',
    'Bob: four',
  );
  const cueTimes = (edited: string) => edited.split('\n').filter((line) => line.includes('-->'));
  const fixes = codeActions(analyze(text), { start: { line: 8, character: 1 }, end: { line: 8, character: 1 } });
  assert.deepEqual(
    fixes.map((fix) => [fix.title, cueTimes(applyEdits(text, fix.edits))[2], fix.isPreferred === true]),
    [
      ['Set to the previous time (00:00:05)', '00:00:05.000 --> 00:00:06.250', false],
      ['Interpolate between neighbours (00:00:07.000)', '00:00:07.000 --> 00:00:08.250', true],
      ['Shift this and all following stamps by +2 s', '00:00:05.000 --> 00:00:06.250', false],
    ],
  );
  const shifted = fixes[2]!;
  assert.deepEqual(cueTimes(applyEdits(text, shifted.edits)), [
    '00:00:01.000 --> 00:00:02.000',
    '00:00:05.000 --> 00:00:06.500',
    '00:00:05.000 --> 00:00:06.250',
    '00:00:11.000 --> 00:00:12.000',
  ]);
  assert.equal(cueTimes(plan(text).fixed)[2], '00:00:07.000 --> 00:00:08.250');
});

test('setting to the previous time is taken where repeats are not reported, for the last stamp too', () => {
  assert.deepEqual(plan(lines('[00:10] A: one', '[00:30] B: two', '[00:20] A: three'), { reportRepeatedTimestamps: false }).changes, [
    [3, '00:30', SET],
  ]);
});

test('a stamp set forward may leave the next stamp behind it when that one went back already: it is fixed in its turn', () => {
  // 00:20 set to 00:50 leaves 00:30 behind, but 00:30 was a backwards stamp before: no new problem.
  const text = lines('[00:10] A: one', '[00:50] B: two', '[00:20] A: three', '[00:30] B: four', '[01:00] A: five');
  const result = plan(text, { reportRepeatedTimestamps: false });
  assert.deepEqual(result.changes, [
    [3, '00:50', SET],
    [4, '00:50', SET],
  ]);
  assert.equal(result.fixed, lines('[00:10] A: one', '[00:50] B: two', '[00:50] A: three', '[00:50] B: four', '[01:00] A: five'));
});

test('a backwards stamp repeated by the next turn is shifted with it: setting it alone would leave the next one going back', () => {
  const text = lines('[00:10] A: one', '[00:30] B: two', '[00:20] A: three', '[00:20] B: four', '[00:40] A: five');
  const result = plan(text, { reportRepeatedTimestamps: false });
  assert.deepEqual(result.changes, [
    [3, '00:30', SHIFT],
    [4, '00:30', SHIFT],
    [5, '00:50', SHIFT],
  ]);
  assert.deepEqual(result.descriptions, Array(3).fill('Shift line 3 and 2 stamps after it by +10 s'));
  // The quick fix of that stamp prefers the same shift, where the two stamps are fractions of a second
  // apart from the one before, so that setting would not repeat it.
  const fractions = lines('[00:10.0] A: one', '[00:30.0] B: two', '[00:29.5] A: three', '[00:20.0] B: four', '[00:20.0] A: five', '[00:40.0] B: six');
  assert.deepEqual(plan(fractions).changes, [
    [4, '00:30.0', SHIFT],
    [5, '00:30.0', SHIFT],
    [6, '00:50.0', SHIFT],
  ]);
  const preferred = codeActions(analyze(fractions), { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }).filter(
    (a) => a.isPreferred,
  );
  assert.deepEqual(
    preferred.map((a) => a.title),
    ['Shift this and all following stamps by +10 s'],
  );
});

test('a change that would repeat the next stamp is passed over for interpolation', () => {
  // Setting 00:20.0 to the latest, 00:30.0, would repeat the stamp after it; halfway between 00:29.5
  // and 00:30.0 is 00:29.75, written with one decimal.
  const text = lines('[00:10.0] A: one', '[00:30.0] B: two', '[00:29.5] A: three', '[00:20.0] B: four', '[00:30.0] A: five');
  assert.deepEqual(plan(text).changes, [[4, '00:29.8', INTERPOLATE]]);
});

test('interpolation needs the next stamp later than the previous one; otherwise the stamp is shifted', () => {
  // 00:29.6 is within the tolerance of 00:30.0, but halfway between 00:30.0 and it would go back.
  const text = lines('[00:10.0] A: one', '[00:30.0] B: two', '[00:20.0] A: three', '[00:29.6] B: four');
  const result = plan(text);
  assert.deepEqual(result.changes, [
    [3, '00:30.0', SHIFT],
    [4, '00:39.6', SHIFT],
  ]);
});

test('a stamp whose format rounds the previous time up past the next stamp is shifted, not set', () => {
  // 00:20 has no fraction: set to 00:49.6 it reads 00:50, after the next stamp 00:49.8.
  const text = lines('[00:10.0] A: one', '[00:49.6] B: two', '[00:20] C: three', '[00:49.8] D: four', '[01:30.0] E: five');
  const result = plan(text, { timestampToleranceSeconds: 0 });
  assert.deepEqual(result.changes, [
    [3, '00:50', SHIFT],
    [4, '01:19.4', SHIFT],
    [5, '01:59.6', SHIFT],
  ]);
  assert.deepEqual(result.descriptions, Array(3).fill('Shift line 3 and 2 stamps after it by +29.6 s'));
});

test('a backwards turn that only partly repeats earlier text gets a stamp fix: it is no copy', () => {
  const text = lines(
    `[00:10:46] Speaker 1: ${X}`,
    `[00:10:44] Speaker 1: ${X} And then I pasted it into the wrong file.`,
    '[00:10:50] Speaker 2: Next.',
  );
  const result = plan(text);
  assert.deepEqual(result.changes, [[2, '00:10:48', INTERPOLATE]]);
  assert.equal(result.repeatedTurns, 0);
});

test('after a copied turn keeps its backwards stamp, the stamps after it are measured as the checks measure them', () => {
  const copy = (third: string) => lines(`[00:10:46] Speaker 1: ${X}`, `[00:10:44] Speaker 1: "${X}"`, third, '[00:10:50] Speaker 1: Done.');
  // Repeating the copy's stamp is a repeated stamp, not a backwards one: not the plan's to fix.
  assert.deepEqual(plan(copy('[00:10:44] Speaker 2: Next.')), {
    changes: [],
    descriptions: [],
    repeatedTurns: 1,
    fixed: copy('[00:10:44] Speaker 2: Next.'),
  });
  // Back at the latest time is in order, even with no tolerance.
  assert.deepEqual(plan(copy('[00:10:46] Speaker 2: Next.'), { timestampToleranceSeconds: 0 }).changes, []);
  // Earlier than the latest: set to it, which repeats no stamp (the one before is the copy's).
  assert.deepEqual(plan(copy('[00:10:40] Speaker 2: Next.')).changes, [[3, '00:10:46', SET]]);
});

/* ------------------------------------------------------------------ the quick fixes of one stamp */

/** The quick fixes offered on the stamp of line `line` (0-based): title, and whether preferred. */
function quickFixes(text: string, line: number): Array<[string, boolean]> {
  return codeActions(analyze(text), { start: { line, character: 1 }, end: { line, character: 1 } }).map((a) => [a.title, a.isPreferred === true]);
}

test('no interpolation is offered between neighbours with the same time', () => {
  assert.deepEqual(quickFixes(lines('[00:10] A: one', '[00:30] B: two', '[00:20] A: three', '[00:30] B: four'), 2), [
    ['Set to the previous time (00:00:30)', false],
    ['Shift this and all following stamps by +10 s', false],
  ]);
});

test('the neighbours a quick fix interpolates between are stamped turns, and a shift moves only stamps', () => {
  const text = lines('[00:10] A: one', '[00:30] B: two', 'A: no stamp here', '[00:20] A: three', '[00:40] B: four');
  assert.deepEqual(quickFixes(text, 3), [
    ['Set to the previous time (00:00:30)', false],
    ['Interpolate between neighbours (00:35)', true],
    ['Shift this and all following stamps by +10 s', false],
  ]);
  const shift = codeActions(analyze(text), { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } })[2]!;
  assert.equal(applyEdits(text, shift.edits), lines('[00:10] A: one', '[00:30] B: two', 'A: no stamp here', '[00:30] A: three', '[00:50] B: four'));
});

test('on a copied turn, removing it is the one preferred fix; the stamp changes are offered but not preferred', () => {
  const text = lines(`[00:10:46] Speaker 1: ${X}`, `[00:10:44] Speaker 1: "${X}"`, '[00:10:50] Speaker 2: Next.');
  assert.deepEqual(quickFixes(text, 1), [
    ['Remove this repeated turn', true],
    ['Set to the previous time (00:10:46)', false],
    ['Interpolate between neighbours (00:10:48)', false],
    ['Shift this and all following stamps by +2 s', false],
  ]);
});

test('a backwards stamp on the first of two repeated turns: removing the repeat is preferred, both copied turns with it', () => {
  const roads = 'We need to rebuild our roads and our bridges across the whole country.';
  const text = lines(
    `[00:00:01] Speaker 1: ${roads}`,
    '[00:00:03] Speaker 2: Yes we do and quickly please.',
    'This chunk continues in the next part.',
    `[00:00:02] Speaker 1: ${roads}`,
    '[00:00:04] Speaker 2: Yes we do and quickly please.',
    '[00:00:05] Speaker 1: New stuff here.',
  );
  const preferred = codeActions(analyze(text), { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }).filter(
    (a) => a.isPreferred && a.diagnostics.some((d) => d.code === 'timestamp-order'),
  );
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0]!.title, 'Remove the 2 repeated turns, this one included');
  assert.equal(
    applyEdits(text, preferred[0]!.edits),
    lines(
      `[00:00:01] Speaker 1: ${roads}`,
      '[00:00:03] Speaker 2: Yes we do and quickly please.',
      'This chunk continues in the next part.',
      '[00:00:05] Speaker 1: New stuff here.',
    ),
  );
  assert.deepEqual(plan(text), { changes: [], descriptions: [], repeatedTurns: 1, fixed: text });
});

test('a change that its format cannot write past the latest time is no fix: the next that is, is taken', () => {
  // 00:20 has no fraction: set to 00:49.4 it reads 00:49, still back. Halfway to 01:30.0 reads 01:10.
  const text = lines('[00:10.0] A: one', '[00:49.4] B: two', '[00:20] C: three', '[01:30.0] D: four');
  assert.deepEqual(plan(text, { timestampToleranceSeconds: 0 }).changes, [[3, '01:10', INTERPOLATE]]);
});

test('a stamp a shift moves by less than its format shows is left as written', () => {
  // Shifted by 0.4 s, 00:20.0 becomes 00:20.4; 00:20, which cannot show it, still goes back and is
  // interpolated; 00:40 would still read 00:40, and is no change.
  const text = lines('Ann (00:10.0): one', '', 'Bob (00:20.4): two', '', 'Ann (00:20.0): three', '', 'Bob (00:20): four', '', 'Ann (00:40): five');
  const result = plan(text, { timestampToleranceSeconds: 0 });
  assert.deepEqual(result.changes, [
    [5, '00:20.4', SHIFT],
    [7, '00:30', INTERPOLATE],
  ]);
  assert.equal(
    result.fixed,
    lines('Ann (00:10.0): one', '', 'Bob (00:20.4): two', '', 'Ann (00:20.4): three', '', 'Bob (00:30): four', '', 'Ann (00:40): five'),
  );
});
