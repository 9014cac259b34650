import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics, type TranscriptDiagnostic } from '../../server/src/service/features/diagnostics';
import { codeActions } from '../../server/src/service/features/fixes';
import { planTimestampFixes } from '../../server/src/service/features/timestampPlan';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines, textAt } from './helpers';
import { propertyRuns } from './propertyRuns';

/*
 * Fix Timestamp Problems: every backwards stamp's preferred change, worked out together, as the
 * edits a preview shows before they are applied.
 */

const codesOf = (diagnostics: readonly TranscriptDiagnostic[], code: string) =>
  diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);

/** The text with the plan applied, and the plan. */
function planned(text: string, settings = {}) {
  const plan = planTimestampFixes(analyze(text, settings));
  return {
    plan,
    fixed: applyEdits(
      text,
      plan.changes.map((change) => change.edit),
    ),
  };
}

test('nothing to change where no stamp goes back', () => {
  assert.deepEqual(planTimestampFixes(analyze(lines('[00:01] A: one', '[00:02] B: two', '[00:02] A: three'))), { changes: [], repeatedTurns: 0 });
});

test('each backwards stamp gets its preferred fix, and the result has no backwards stamp and no new repeated one', () => {
  const text = lines(
    '[00:10:00] Ann: We open.',
    '[00:10:20] Bob: Then the budget.',
    '[00:09:05] Ann: A stamp out of place.',
    '[00:10:40] Bob: And the roof.',
    '[00:11:00] Ann: Questions?',
    '[00:10:30] Bob: Another one out of place.',
    '[00:11:20] Ann: Thank you.',
  );
  const { plan, fixed } = planned(text);
  assert.deepEqual(
    plan.changes.map((change) => [textAt(text, change.edit.range), change.edit.newText, change.label, change.description]),
    [
      ['00:09:05', '00:10:30', 'Line 3: 00:09:05 → 00:10:30', 'Interpolate between neighbours'],
      ['00:10:30', '00:11:10', 'Line 6: 00:10:30 → 00:11:10', 'Interpolate between neighbours'],
    ],
  );
  const after = computeDiagnostics(analyze(fixed));
  assert.deepEqual(codesOf(after, 'timestamp-order'), []);
  assert.deepEqual(codesOf(after, 'timestamp-repeated'), []);
  // Each change is the one the finding's quick fixes prefer.
  for (const change of plan.changes) {
    const onStamp = { start: change.edit.range.start, end: change.edit.range.start };
    const preferred = codeActions(analyze(text), onStamp).find((action) => action.isPreferred);
    assert.deepEqual(preferred?.edits, [change.edit]);
  }
});

test('changes are worked out together: a stamp is judged as the changes before it left it', () => {
  // Line 3 has no clean fix and is shifted, which moves line 4 to 01:25 and line 5 to 02:10; line
  // 4, still before 01:30, is then interpolated between 01:30 and 02:10. Alone, its preferred fix
  // would set it to 01:30: an edit of the stamp the shift also edits.
  const text = lines('[01:00] A: a', '[01:30] B: b', '[01:10] C: c', '[01:05] D: d', '[01:50] E: e');
  const { plan, fixed } = planned(text);
  assert.deepEqual(
    plan.changes.map((change) => [change.label, change.description]),
    [
      ['Line 3: 00:01:10 → 00:01:30', 'Shift line 3 and 2 stamps after it by +20 s'],
      ['Line 4: 00:01:05 → 00:01:50', 'Interpolate between neighbours'],
      ['Line 3: 00:01:10 → 00:01:30', 'Shift line 3 and 2 stamps after it by +20 s'],
    ],
  );
  assert.equal(fixed, lines('[01:00] A: a', '[01:30] B: b', '[01:30] C: c', '[01:50] D: d', '[02:10] E: e'));
  const alone = codeActions(analyze(text), { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }).find((a) => a.isPreferred);
  assert.equal(alone?.title, 'Set to the previous time (00:01:30)');
});

test('a run whose clock restarted is shifted whole, once: shifts add up, and the stamps after keep their spacing', () => {
  const text = lines(
    '[00:00:05] A: one',
    '[00:10:00] B: two',
    'This chunk continues in the next part.',
    '[00:00:10] A: three',
    '[00:02:00] B: four',
    '[00:04:00] A: five',
    'This chunk continues in the next part.',
    '[00:00:20] B: six',
    '[00:01:00] A: seven',
  );
  const { plan, fixed } = planned(text);
  assert.deepEqual(
    plan.changes.map((change) => [change.edit.newText, change.description]),
    [
      ['00:10:00', 'Shift line 4 and 4 stamps after it by +9 min 50 s'],
      ['00:11:50', 'Shift line 4 and 4 stamps after it by +9 min 50 s'],
      ['00:13:50', 'Shift line 4 and 4 stamps after it by +9 min 50 s'],
      // The second shift adds to the first: 00:00:20 + 9 min 50 s + 3 min 40 s.
      ['00:13:50', 'Shift line 8 and 1 stamp after it by +3 min 40 s'],
      ['00:14:30', 'Shift line 8 and 1 stamp after it by +3 min 40 s'],
    ],
  );
  const after = computeDiagnostics(analyze(fixed));
  assert.deepEqual(codesOf(after, 'timestamp-order'), []);
  // Where the clock restarted, the first stamp now repeats the one before: the one new problem, said in the preview.
  assert.deepEqual(codesOf(after, 'timestamp-repeated'), [3, 7]);
});

test('a backwards stamp on a turn that repeats earlier text keeps its stamp: removing the turn is its fix', () => {
  const text = lines(
    '[00:10:46] Speaker 1: It just produced the code and I asked where to paste this code.',
    '[00:10:44] Speaker 1: "It just produced the code and I asked where to paste this code."',
    '[00:10:50] Speaker 2: Next.',
  );
  assert.deepEqual(planTimestampFixes(analyze(text)), { changes: [], repeatedTurns: 1 });
});

test('the tolerance and the repeated-stamp setting are those of the checks', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:19.5] A: three', '[01:30] B: four');
  assert.deepEqual(planTimestampFixes(analyze(text)).changes, [], 'half a second back is a crossing of voices');
  assert.deepEqual(
    planTimestampFixes(analyze(text, { timestampToleranceSeconds: 0 })).changes.map((change) => change.edit.newText),
    ['01:25.0'],
  );
  // Setting the previous time repeats a stamp, which is no problem when repeats are not reported.
  assert.deepEqual(
    planTimestampFixes(analyze(text, { timestampToleranceSeconds: 0, reportRepeatedTimestamps: false })).changes.map((change) => change.description),
    ['Set to the previous time'],
  );
});

test('stamps keep their format, CRLF and a BOM stay, positions are UTF-16', () => {
  const text = '\ufeff**0:10** · 王小明: 😀 one\r\n**0:30** · Ann: two\r\n**0:05** · 王小明: three 🎉\r\n**0:50** · Ann: four\r\n';
  const { plan, fixed } = planned(text);
  assert.deepEqual(
    plan.changes.map((change) => [change.edit.range, change.edit.newText]),
    [[{ start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, '0:40']],
  );
  assert.equal(fixed, '\ufeff**0:10** · 王小明: 😀 one\r\n**0:30** · Ann: two\r\n**0:40** · 王小明: three 🎉\r\n**0:50** · Ann: four\r\n');
});

/** Transcripts of stamped turns with stamps out of order here and there, chunk restarts among them. */
const stampedTranscript = fc
  .array(fc.record({ seconds: fc.integer({ min: 0, max: 400 }), marker: fc.boolean(), fraction: fc.boolean() }), { minLength: 1, maxLength: 16 })
  .map((turns) =>
    turns
      .map(({ seconds, marker, fraction }, i) => {
        const stamp = new Date(seconds * 1000).toISOString().slice(11, fraction ? 21 : 19);
        // Words of each turn's own: a turn that repeats another would be a repeated turn, whose stamp stays.
        return `[${stamp}] Speaker ${(i % 2) + 1}: t${i}a t${i}b t${i}c${marker ? '\nThis chunk continues in the next part.' : ''}`;
      })
      .join('\n'),
  );

test('property: the plan leaves no backwards stamp, its changes never overlap, and only stamps change', () => {
  fc.assert(
    fc.property(stampedTranscript, fc.constantFrom(0, 1, 2.5), fc.boolean(), (text, tolerance, reportRepeated) => {
      const settings = { timestampToleranceSeconds: tolerance, reportRepeatedTimestamps: reportRepeated };
      const { plan, fixed } = planned(text, settings);
      assert.equal(plan.repeatedTurns, 0);
      const after = analyze(fixed, settings);
      assert.deepEqual(codesOf(computeDiagnostics(after), 'timestamp-order'), []);
      assert.equal(after.model.problems.length, analyze(text, settings).model.problems.length, 'no stamp written malformed');
      assert.equal(fixed.replace(/\[[^\]]*\]/g, '[]'), text.replace(/\[[^\]]*\]/g, '[]'));
      const lines = plan.changes.map((change) => change.edit.range.start.line);
      assert.deepEqual(
        lines,
        [...new Set(lines)].sort((a, b) => a - b),
        'one change a stamp, in document order',
      );
      // A plan of clean changes only adds no repeated stamp.
      const clean = plan.changes.every((change) => !change.description.startsWith('Shift'));
      if (clean && reportRepeated) {
        assert.ok(
          codesOf(computeDiagnostics(after), 'timestamp-repeated').length <=
            codesOf(computeDiagnostics(analyze(text, settings)), 'timestamp-repeated').length,
        );
      }
    }),
    { numRuns: propertyRuns(400) },
  );
});

test('property: with one backwards stamp, the plan is its preferred quick fix, or a shift where none is preferred', () => {
  fc.assert(
    fc.property(stampedTranscript, (text) => {
      const analysis = analyze(text);
      if (analysis.timestamps.backwards.length !== 1) return;
      const plan = planTimestampFixes(analysis);
      const stamp = analysis.timestamps.backwards[0]!.stamp;
      const fixes = codeActions(analysis, { start: stamp.range.start, end: stamp.range.start }).filter((a) =>
        a.diagnostics.some((d) => d.code === 'timestamp-order'),
      );
      const preferred = fixes.find((a) => a.isPreferred) ?? fixes.find((a) => a.title.startsWith('Shift'));
      assert.ok(preferred);
      const planText = applyEdits(
        text,
        plan.changes.map((change) => change.edit),
      );
      assert.equal(planText, applyEdits(text, preferred.edits), `${preferred.title} in ${JSON.stringify(text)}`);
    }),
    { numRuns: propertyRuns(400) },
  );
});
