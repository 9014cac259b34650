import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { nameLabel, nameLabels, planNaming } from '../../server/src/service/features/naming';
import { references, renameEdits } from '../../server/src/service/features/references';
import type { Range } from '../../server/src/service/model';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines } from './helpers';

/*
 * Naming a chunk's speaker label ("This is…", Merge With…, Name Speakers Across the Transcript)
 * and renaming a person (Rename, Find All References): the exact text written, the places listed,
 * and the exact words of each refusal.
 */

const NEXT = 'This chunk continues in the next part.';
const CLINTON = 'We will build an economy that works for everyone, not just those at the top.';

/** `line:start-end`. */
const at = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.character}`;

/** Hillary Clinton named by a cast line in chunk 1; chunk 2's `Speaker 1` repeats her words, and `Speaker 2` does not. */
const debate = lines(
  `Speaker 1 (Hillary Clinton): "${CLINTON}"`,
  NEXT,
  `[00:00:05] Speaker 1: "${CLINTON}"`,
  '[00:00:09] Speaker 2: "That is what she always says."',
  '[00:00:12] Speaker 2: "Every time."',
);

/* ------------------------------------------------------------------ This is… and Merge With… */

test('a blank name is refused, spaces or not', () => {
  assert.deepEqual(nameLabel(analyze(debate), 1, 'Speaker 2', ''), { refused: 'a name cannot be blank' });
  assert.deepEqual(nameLabel(analyze(debate), 1, 'Speaker 2', '   '), { refused: 'a name cannot be blank' });
});

test('the name is written without the spaces around it, at each turn of the label', () => {
  const result = nameLabel(analyze(debate), 1, 'Speaker 2', '  Ann Lee ');
  assert.ok('edits' in result);
  assert.equal(
    applyEdits(debate, result.edits),
    lines(
      `Speaker 1 (Hillary Clinton): "${CLINTON}"`,
      NEXT,
      `[00:00:05] Speaker 1: "${CLINTON}"`,
      '[00:00:09] Ann Lee: "That is what she always says."',
      '[00:00:12] Ann Lee: "Every time."',
    ),
  );
});

test('a label the chunk does not have is refused, even when another chunk has it', () => {
  assert.deepEqual(nameLabel(analyze(debate), 0, 'Speaker 2', 'Ann Lee'), { refused: 'chunk 1 has no label Speaker 2' });
  assert.deepEqual(nameLabel(analyze(debate), 1, 'Speaker 9', 'Ann Lee'), { refused: 'chunk 2 has no label Speaker 9' });
});

test('naming labels that all go by the name already is refused, saying so', () => {
  const text = lines('Hillary Clinton: I have a plan.', NEXT, '[00:00:05] Speaker 2: Wrong.');
  assert.deepEqual(nameLabels(analyze(text), [{ chunkIndex: 0, label: 'Hillary Clinton' }], 'hillary clinton'), {
    refused: 'every label already goes by “hillary clinton”',
  });
});

/* ------------------------------------------------------------------ Name Speakers Across the Transcript */

const LONG = 'Maximilian Alexander Fitzgerald Worthington Smythe the Third';

test('a name too long to read as a label is left, and the other names are still written', () => {
  const said = 'The pier lights went out at nine and nobody came to fix them until the morning.';
  const text = lines(
    `Speaker 1 (${LONG}): "${CLINTON}"`,
    `Speaker 2 (Dana Reyes): "${said}"`,
    NEXT,
    `[00:00:05] Speaker 1: "${CLINTON}"`,
    `[00:00:09] Speaker 2: "${said}"`,
  );
  const plan = planNaming(analyze(text));
  assert.deepEqual(
    plan.namings.map((naming) => [naming.chunkIndex, naming.label, naming.name]),
    [[1, 'Speaker 2', 'Dana Reyes']],
  );
  assert.deepEqual(
    plan.left.map((naming) => [naming.chunkIndex, naming.label, naming.name]),
    [[1, 'Speaker 1', LONG]],
  );
  assert.equal(
    applyEdits(text, plan.edits),
    lines(
      `Speaker 1 (${LONG}): "${CLINTON}"`,
      `Speaker 2 (Dana Reyes): "${said}"`,
      NEXT,
      `[00:00:05] Speaker 1: "${CLINTON}"`,
      `[00:00:09] Dana Reyes: "${said}"`,
    ),
  );
});

/* ------------------------------------------------------------------ Find All References and Rename */

test('references of a person named twice in one chunk are listed in document order', () => {
  // Chunk 1's Speaker 1 is Dana Reyes (the cast line), and so is the label Dana Reyes.
  const text = lines('Speaker 1 (Dana Reyes): We rebuilt the wall.', 'Olu Mensah: We did not.', 'Dana Reyes: We did.', 'Speaker 1: Stone by stone.');
  assert.deepEqual(references(analyze(text), { line: 2, character: 2 }, 'chunk').map(at), ['0:11-21', '2:0-10', '3:0-9']);
});

test('a rename that would spoil several turns names the first of them', () => {
  const text = lines('Speaker 1: a b c.', 'Speaker 2: d e f.', 'Speaker 2: more words.');
  assert.deepEqual(renameEdits(analyze(text), { line: 2, character: 3 }, 'Bad: Name', 'chunk'), {
    refused:
      '“Bad: Name” would change how the text reads: the turn at line 2 would not read as Bad: Name saying what it says ' +
      '(a colon, a bracket or a stamp in a name moves where the label ends).',
  });
});

test('a lone label may take a name another chunk uses: only a speaker of its own chunk clashes', () => {
  const text = lines('Speaker 1: a b c.', 'Speaker 2: d e f.', 'Speaker 2: more words.', NEXT, 'Olu Mensah: g h i.');
  const outcome = renameEdits(analyze(text), { line: 1, character: 3 }, 'Olu Mensah', 'chunk');
  assert.ok(outcome && 'edits' in outcome);
  assert.equal(
    applyEdits(text, outcome.edits),
    lines('Speaker 1: a b c.', 'Olu Mensah: d e f.', 'Olu Mensah: more words.', NEXT, 'Olu Mensah: g h i.'),
  );
});

test('refusals call a person by their name, even from a label tied to it', () => {
  const text = lines(
    `Speaker 1 (Hillary Clinton): "${CLINTON}"`,
    NEXT,
    `[00:00:05] Speaker 1: "${CLINTON}"`,
    '[00:00:09] Olu Mensah: "That is what she always says."',
  );
  const onLabel = { line: 2, character: 13 };
  assert.deepEqual(renameEdits(analyze(text), onLabel, 'Olu Mensah', 'chunk'), {
    refused: 'Chunk 2 already has Olu Mensah: renaming Hillary Clinton to “Olu Mensah” would make two speakers of that chunk read as one.',
  });
  assert.deepEqual(renameEdits(analyze(text), onLabel, 'Speaker 3', 'chunk'), {
    refused:
      '“Speaker 3” is a label that restarts in every chunk: as the new name of Hillary Clinton it would no longer say that these turns are one person. ' +
      'Give a name.',
  });
});
