import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeActions } from '../../server/src/service/features/fixes';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines } from './helpers';

/*
 * What the fixes of a repeated passage say they do: Keep one copy (which copy, what it adds, the
 * turns it deletes) and Remove repeated text (the turns it deletes, the words found nowhere else
 * that it loses), and the text each leaves.
 */

const NEXT = 'This chunk continues in the next part.';

/** The duplicate-overlap fixes in the text: `[title, text after the fix]`. */
function overlapFixes(text: string): Array<[string, string]> {
  const everywhere = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
  return codeActions(analyze(text), everywhere)
    .filter((action) => action.diagnostics.some((d) => d.code === 'duplicate-overlap'))
    .map((action) => [action.title, applyEdits(text, action.edits)]);
}

const ROADS = 'We need to rebuild our roads and our bridges across the whole country.';

test('a whole repeated turn: both fixes say they delete it', () => {
  const text = lines(`[00:00:01] Speaker 1: ${ROADS}`, NEXT, `[00:00:02] Speaker 1: ${ROADS}`, '[00:00:05] Speaker 2: New stuff here.');
  const fixed = lines(`[00:00:01] Speaker 1: ${ROADS}`, NEXT, '[00:00:05] Speaker 2: New stuff here.');
  assert.deepEqual(overlapFixes(text), [
    ['Keep one copy: keep the earlier copy, deleting a turn', fixed],
    ['Remove repeated text, with its turn', fixed],
  ]);
});

test('two whole repeated turns: both fixes say how many they delete', () => {
  const text = lines(
    `[00:00:01] Speaker 1: ${ROADS}`,
    '[00:00:03] Speaker 2: Yes we do and quickly please.',
    NEXT,
    `[00:00:04] Speaker 1: ${ROADS}`,
    '[00:00:05] Speaker 2: Yes we do and quickly please.',
    '[00:00:06] Speaker 1: New stuff here.',
  );
  const fixed = lines(
    `[00:00:01] Speaker 1: ${ROADS}`,
    '[00:00:03] Speaker 2: Yes we do and quickly please.',
    NEXT,
    '[00:00:06] Speaker 1: New stuff here.',
  );
  assert.deepEqual(overlapFixes(text), [
    ['Keep one copy: keep the earlier copy, deleting 2 turns', fixed],
    ['Remove repeated text, with 2 turns', fixed],
  ]);
});

const EARLIER =
  'We need to rebuild our roads and our bridges across the whole country, and we need to do it quickly, because the people who drive on them every single day deserve much better than what they have now.';

/** The earlier passage with words put in, as a later chunk's copy often has them. */
const added = (...words: string[]) => {
  const [crumbling, rusty, wide, very, working, had] = words.map((word) => (word ? `${word} ` : ''));
  return `We need to rebuild our ${crumbling}roads and our ${rusty}bridges across the whole ${wide}country, and we need to do it ${very}quickly, because the people who drive on them every single ${working}day deserve much better than what they have ${had}now.`;
};

/** The earlier passage in chunk 1, and `later` followed by new words in chunk 2. */
const seam = (later: string) => lines(`[00:00:01] Speaker 1: ${EARLIER}`, NEXT, `[00:00:02] Speaker 1: ${later} Next topic.`);

test('Keep one copy quotes up to six words the kept copy adds, and marks more with an ellipsis', () => {
  const six = added('crumbling', 'rusty', 'wide', 'very', 'working', 'had');
  assert.equal(
    overlapFixes(seam(six))[0]![0],
    'Keep one copy: keep the later copy, which adds “crumbling rusty wide very working had”, deleting a turn',
  );
  const seven = six.replace('had now', 'had right now');
  assert.equal(
    overlapFixes(seam(seven))[0]![0],
    'Keep one copy: keep the later copy, which adds “crumbling rusty wide very working had …”, deleting a turn',
  );
});

test('Remove repeated text names up to three words it would lose, and counts the rest', () => {
  assert.deepEqual(overlapFixes(seam(added('crumbling', '', '', 'very', '', 'had')))[1], [
    'Remove repeated text (also deletes “crumbling”, “very”, “had”, found nowhere else)',
    lines(`[00:00:01] Speaker 1: ${EARLIER}`, NEXT, '[00:00:02] Speaker 1: Next topic.'),
  ]);
  assert.equal(
    overlapFixes(seam(added('crumbling', 'rusty', '', 'very', '', 'had')))[1]![0],
    'Remove repeated text (also deletes “crumbling”, “rusty”, “very” and 1 more word found nowhere else)',
  );
  assert.equal(
    overlapFixes(seam(added('crumbling', 'rusty', 'wide', 'very', 'working', 'had')))[1]![0],
    'Remove repeated text (also deletes “crumbling”, “rusty”, “wide” and 3 more words found nowhere else)',
  );
});
