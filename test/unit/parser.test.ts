import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseTranscript } from '../../server/src/service/parser';

test('a cast line gives a quoted turn with label, name and its sentiment line', () => {
  const model = parseTranscript('Speaker 1 (Mark Chen): "I\'m excited."\nSentiment: Positive\n');
  assert.equal(model.turns.length, 1);
  const turn = model.turns[0]!;
  assert.equal(turn.form, 'cast');
  assert.equal(turn.label, 'Speaker 1');
  assert.equal(turn.name, 'Mark Chen');
  assert.equal(turn.quoted, true);
  assert.deepEqual(turn.segments.map((s) => s.text), ["I'm excited."]);
  assert.deepEqual(turn.sentiments.map((s) => [s.label, s.polarity, s.form]), [['Positive', 'positive', 'line']]);
  assert.deepEqual(model.problems, []);
});
