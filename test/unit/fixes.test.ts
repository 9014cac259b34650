import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { applyEdits } from '../../server/src/service/util/edits';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { analyze, lines } from './helpers';

const wholeDocument: Range = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

function action(text: string, title: RegExp) {
  const found = codeActions(analyze(text), wholeDocument).find((a) => title.test(a.title));
  assert.ok(found, `no action matching ${title}`);
  return found;
}

const PARTIAL_REPEAT = lines(
  '[00:00:01] Speaker 1: "We need to rebuild our roads and our bridges across the whole country, and quickly."',
  'Sentiment: Positive',
  'This chunk continues in the next part.',
  '',
  'Speaker 1: "our bridges across the whole country, and quickly. Then we fix the schools."',
  'Sentiment: Positive',
);

test('Remove repeated text deletes the repeated words and keeps the new content of the turn', () => {
  const fix = action(PARTIAL_REPEAT, /^Remove repeated text/);
  assert.equal(fix.title, 'Remove repeated text');
  const fixed = applyEdits(PARTIAL_REPEAT, fix.edits);
  assert.match(fixed, /\nSpeaker 1: "Then we fix the schools\."\nSentiment: Positive$/);
  assert.ok(fixed.startsWith(PARTIAL_REPEAT.split('\n').slice(0, 4).join('\n')));
});

test('Keep one copy keeps the later copy, and says so, when it has everything and more', () => {
  const text = lines(
    '[00:02:50] Speaker 2: I think that there was a certain moment in our...',
    'Sentiment: Neutral',
    'This chunk continues in the next part.',
    '[00:02:44] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
    'Sentiment: Positive',
  );
  const actions = codeActions(analyze(text), wholeDocument).filter((a) => a.diagnostics.some((d) => d.code === 'duplicate-overlap'));
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0]!.title, 'Keep one copy: keep the later copy, which adds “training process where it clicked.”, deleting a turn');
  const fixed = applyEdits(text, preferred[0]!.edits);
  assert.equal(
    fixed,
    lines(
      'This chunk continues in the next part.',
      '[00:02:44] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
      'Sentiment: Positive',
    ),
  );
});

test('a fix that would delete a word found nowhere else says so in its title', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country.',
    'This chunk continues in the next part.',
    '[00:00:05] Speaker 1: We need to rebuild our roads and our crumbling bridges across the whole country. Next topic.',
  );
  const fix = action(text, /^Remove repeated text/);
  assert.equal(fix.title, 'Remove repeated text (also deletes “crumbling”, found nowhere else)');
});

test("timestamp fixes keep each stamp's format: set, interpolate, shift", () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:05] A: three', '[01:30] B: four');
  const analysis = analyze(text);
  const onStamp: Range = { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } };
  const titles = codeActions(analysis, onStamp).map((a) => a.title);
  assert.deepEqual(titles, [
    'Set to the previous time (00:01:20)',
    'Interpolate between neighbours (01:25)',
    'Shift this and all following stamps by +15 s',
  ]);
  const [set, interpolate, shift] = codeActions(analysis, onStamp);
  assert.equal(applyEdits(text, set!.edits).split('\n')[2], '[01:20] A: three');
  assert.equal(applyEdits(text, interpolate!.edits).split('\n')[2], '[01:25] A: three');
  assert.deepEqual(applyEdits(text, shift!.edits).split('\n'), ['[01:10] A: one', '[01:20] B: two', '[01:20] A: three', '[01:45] B: four']);
});

test('a backwards stamp on a repeated turn offers removing the repeat first', () => {
  const text = lines(
    '[00:10:46] Speaker 1: It just produced the code and I asked where to paste this code.',
    '(Sentiment: Positive)',
    '[00:10:44] Speaker 1: "It just produced the code and I asked where to paste this code."',
    '[Neutral sentiment]',
  );
  const onStamp: Range = { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } };
  const actions = codeActions(analyze(text), onStamp).filter((a) => a.diagnostics.some((d) => d.code === 'timestamp-order'));
  assert.equal(actions[0]!.title, 'Remove this repeated turn');
  assert.equal(actions[0]!.isPreferred, true);
  assert.equal(
    applyEdits(text, actions[0]!.edits),
    lines('[00:10:46] Speaker 1: It just produced the code and I asked where to paste this code.', '(Sentiment: Positive)'),
  );
});

test('fix-all removes every overlap, keeps every unique word outside the flagged text, and is a fixed point', () => {
  const text = lines(
    PARTIAL_REPEAT,
    '[00:00:09] Speaker 2: I think that there was a certain moment in our...',
    'This chunk continues in the next part.',
    '[00:00:08] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
  );
  const analysis = analyze(text);
  assert.equal(computeDiagnostics(analysis).filter((d) => d.code === 'duplicate-overlap').length, 2);
  const fixed = applyEdits(text, fixAll(analysis));
  assert.deepEqual(
    computeDiagnostics(analyze(fixed)).filter((d) => d.code === 'duplicate-overlap'),
    [],
  );
  assert.deepEqual(fixAll(analyze(fixed)), []);
  for (const word of ['rebuild', 'schools', 'training', 'clicked', 'quickly']) assert.match(fixed, new RegExp(word));
});

test('fix-all keeps CRLF line ends and never splits one', () => {
  const text = PARTIAL_REPEAT.replace(/\n/g, '\r\n');
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  assert.match(fixed, /Speaker 1: "Then we fix the schools\."\r\nSentiment: Positive$/);
});
