import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { applyEdits } from '../../server/src/service/util/edits';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { splitLines } from '../../server/src/service/util/text';
import { turnWords } from '../../server/src/service/checks/words';
import { analyze } from './helpers';

/** A range is valid when it lies inside the document and no end falls inside a surrogate pair. */
function assertValidRange(lines: readonly string[], range: Range): void {
  for (const { line, character } of [range.start, range.end]) {
    assert.ok(line >= 0 && line < lines.length, `line ${line} outside the document`);
    const text = lines[line]!;
    assert.ok(character >= 0 && character <= text.length, `character ${character} outside line ${line}`);
    const before = text.charCodeAt(character - 1);
    const after = text.charCodeAt(character);
    assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), 'range splits a surrogate pair');
  }
}

const PIECES = [
  'Speaker 1 (Mark Chen): "',
  '[00:01:31] Speaker 1: ',
  'Speaker 2: [00:02:44] ',
  '    Speaker: [00:00:22] ',
  'Sentiment: Positive',
  '(Sentiment: Mixed)',
  '[Neutral sentiment]',
  ' (Positive sentiment)',
  ' (Positive)',
  'This chunk continues in the next part.',
  '[This chunk continues in the next part.]',
  'This is the last chunk.',
  '[00:16:08] Speaker: Researcher',
  'Researcher: ',
  '[00:75:00]',
  '[1:2]',
  '"',
  '(',
  '[',
  ']',
  ')',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\ufeff',
  '😀',
  '王小明',
  '\ud800',
  '\u0000',
  'we trained it and started talking to it, we asked it questions ',
  'and it was scoring higher on these math tests. ',
  'I do not say that. ',
  'Thank you. ',
  ' ',
  '\t',
];
const transcriptish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('the analysis is total on arbitrary text and every range it returns is valid', () => {
  fc.assert(
    fc.property(fc.oneof(transcriptish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      const analysis = analyze(text);
      const lines = splitLines(text);
      for (const diagnostic of computeDiagnostics(analysis)) {
        assertValidRange(lines, diagnostic.range);
        for (const related of diagnostic.related ?? []) assertValidRange(lines, related.range);
      }
      for (const chunk of documentSymbols(analysis.model)) {
        assertValidRange(lines, chunk.range);
        for (const turn of chunk.children) assertValidRange(lines, turn.range);
      }
      const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      for (const action of codeActions(analysis, everywhere)) for (const edit of action.edits) assertValidRange(lines, edit.range);
    }),
    { numRuns: 400 },
  );
});

/** Mutated transcripts: turns built from real-looking sentences, with cuts, duplicated spans and swapped stamps. */
const SENTENCES = [
  'We need to rebuild our roads and our bridges across the whole country.',
  'I think that there was a certain moment in our training process where it clicked.',
  'The ideas have come literally from everywhere on this team.',
  'Every time we scale a new thing up we see another host of problems.',
  'Thank you.',
  'I do not say that.',
  '(CROSSTALK)',
];
const mutatedTranscript = fc
  .array(
    fc.record({
      sentence: fc.integer({ min: 0, max: SENTENCES.length - 1 }),
      seconds: fc.integer({ min: 0, max: 4000 }),
      marker: fc.boolean(),
      repeatTail: fc.integer({ min: 0, max: 12 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((turns) => {
    const out: string[] = [];
    let previous = '';
    for (const [i, t] of turns.entries()) {
      const stamp = new Date(t.seconds * 1000).toISOString().slice(11, 19);
      const repeated = t.repeatTail > 0 ? previous.split(' ').slice(-t.repeatTail).join(' ') + ' ' : '';
      out.push(`[${stamp}] Speaker ${(i % 3) + 1}: ${repeated}${SENTENCES[t.sentence]} word${i}`);
      if (t.marker) out.push('This chunk continues in the next part.');
      previous = `${SENTENCES[t.sentence]} word${i}`;
    }
    return out.join('\n');
  });

test('fix-all on mutated transcripts: no unflagged word is lost, unflagged unique words survive, the result parses', () => {
  fc.assert(
    fc.property(mutatedTranscript, (text) => {
      const analysis = analyze(text);
      const edits = fixAll(analysis);
      const fixed = applyEdits(text, edits);
      assert.ok(analyze(fixed).model.turns.length > 0 || analysis.model.turns.length <= 1);
      const flagged = computeDiagnostics(analysis)
        .filter((d) => d.code === 'duplicate-overlap')
        .map((d) => d.range);
      // No word is lost that was not flagged: every word outside the flagged text still occurs
      // somewhere in the fixed text (a later pass may delete a copy, never the last one).
      const remaining = new Set(analyze(fixed).model.turns.flatMap((turn) => turnWords(turn).map((w) => w.norm)));
      for (const turn of analysis.model.turns) {
        for (const word of turnWords(turn)) {
          if (!insideAny(flagged, word.line, word.start))
            assert.ok(remaining.has(word.norm), `fix-all lost the unflagged word ${word.raw} (line ${word.line})`);
        }
      }
      const lines = splitLines(text);
      for (const match of text.matchAll(/word\d+/g)) {
        if (text.split(match[0]).length !== 2) continue;
        const line = text.slice(0, match.index).split('\n').length - 1;
        const character = match.index - (text.lastIndexOf('\n', match.index - 1) + 1);
        if (!insideAny(flagged, line, character)) assert.ok(fixed.includes(match[0]), `${match[0]} was lost (line ${line}: ${lines[line]})`);
      }
    }),
    { numRuns: 300 },
  );
});

/** Whether (line, character) lies inside one of the ranges. */
function insideAny(ranges: readonly Range[], line: number, character: number): boolean {
  return ranges.some(
    (r) =>
      (r.start.line < line || (r.start.line === line && r.start.character <= character)) &&
      (r.end.line > line || (r.end.line === line && character < r.end.character)),
  );
}

test('every single fix on mutated transcripts: unflagged unique words survive, the result parses, stamps keep their shape', () => {
  fc.assert(
    fc.property(mutatedTranscript, (text) => {
      const analysis = analyze(text);
      const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
      for (const action of codeActions(analysis, everywhere)) {
        const fixed = applyEdits(text, action.edits);
        const after = analyze(fixed);
        assert.ok(after.model.turns.length > 0 || analysis.model.turns.length <= 1, `${action.title} left no turn`);
        // What the fix reports: the text of the diagnostics it resolves and what they point at.
        const reported = action.diagnostics.flatMap((d) => [d.range, ...(d.related ?? []).map((r) => r.range)]);
        for (const match of text.matchAll(/word\d+/g)) {
          if (text.split(match[0]).length !== 2) continue;
          const line = text.slice(0, match.index).split('\n').length - 1;
          const character = match.index - (text.lastIndexOf('\n', match.index - 1) + 1);
          if (insideAny(reported, line, character) || action.title.includes(`“${match[0]}”`)) continue;
          assert.ok(fixed.includes(match[0]), `${action.title} lost ${match[0]}`);
        }
        if (action.diagnostics.every((d) => d.code === 'timestamp-order') && !/repeated/.test(action.title)) {
          // Timestamp fixes touch stamps only: the text outside brackets is unchanged.
          assert.equal(fixed.replace(/\[[^\]]*\]/g, '[]'), text.replace(/\[[^\]]*\]/g, '[]'), action.title);
          assert.ok(
            after.model.problems.every((p) => p.code !== 'timestamp-malformed'),
            `${action.title} wrote a malformed stamp`,
          );
        }
      }
    }),
    { numRuns: 150 },
  );
});
