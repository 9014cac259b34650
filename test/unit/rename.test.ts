import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prepareRename, references, renameEdits, type RenameOutcome, type RenameScope } from '../../server/src/service/features/references';
import type { Position, Range } from '../../server/src/service/model';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines } from './helpers';

/*
 * Find All References and Rename on a speaker cover the person: every chunk label found to be
 * them, a cast line's name included, and Rename changes exactly what References lists. A new
 * name that would spoil the text is refused, with why. The speech is invented for the tests.
 */

const NEXT = 'This chunk continues in the next part.';

/** `line:start-end`, as the ranges are written below. */
function describe(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.character}`;
}

function referencesAt(text: string, position: Position, scope: RenameScope = 'chunk'): string[] {
  return references(analyze(text), position, scope).map(describe);
}

function renameAt(text: string, position: Position, newName: string, scope: RenameScope = 'chunk'): RenameOutcome | undefined {
  return renameEdits(analyze(text), position, newName, scope);
}

function editsOf(outcome: RenameOutcome | undefined) {
  assert.ok(outcome && 'edits' in outcome, `refused: ${outcome && 'refused' in outcome ? outcome.refused : 'no speaker there'}`);
  return outcome.edits;
}

/** The edits of a rename that is not refused, as `line:start-end=new text`. */
function editsAt(text: string, position: Position, newName: string, scope: RenameScope = 'chunk'): string[] {
  return editsOf(renameAt(text, position, newName, scope)).map((edit) => `${describe(edit.range)}=${edit.newText}`);
}

function refusalAt(text: string, position: Position, newName: string): string {
  const outcome = renameAt(text, position, newName);
  assert.ok(outcome && 'refused' in outcome, `not refused: ${JSON.stringify(outcome)}`);
  return outcome.refused;
}

const CAST = lines(
  'Speaker 1 (Mark Chen): "Glad to be back on the island."',
  'Speaker 2 (Ann Lee): "So am I."',
  NEXT,
  'Mark Chen: [00:00:09] Let us start with the harbour.',
  'Ann Lee: [00:00:15] The wall went up first.',
  'Mark Chen: [00:00:21] And then the bridge.',
);

test('references on a name list the cast line too, and rename edits exactly those places', () => {
  const onLabel = { line: 5, character: 3 };
  const expected = ['0:11-20', '3:0-9', '5:0-9'];
  assert.deepEqual(referencesAt(CAST, onLabel), expected);
  assert.deepEqual(
    editsAt(CAST, onLabel, 'Mark Chén'),
    expected.map((place) => `${place}=Mark Chén`),
  );
  // From the cast line, on its name or its label: the same person, the same places.
  assert.deepEqual(referencesAt(CAST, { line: 0, character: 14 }), expected);
  assert.deepEqual(referencesAt(CAST, { line: 0, character: 3 }), expected);
  assert.equal(
    applyEdits(CAST, editsOf(renameAt(CAST, { line: 0, character: 3 }, 'Mark Chén'))),
    lines(
      'Speaker 1 (Mark Chén): "Glad to be back on the island."',
      'Speaker 2 (Ann Lee): "So am I."',
      NEXT,
      'Mark Chén: [00:00:09] Let us start with the harbour.',
      'Ann Lee: [00:00:15] The wall went up first.',
      'Mark Chén: [00:00:21] And then the bridge.',
    ),
  );
});

test("prepareRename on a cast line's label offers the name beside it, the person's", () => {
  assert.deepEqual(prepareRename(analyze(CAST), { line: 0, character: 3 }), {
    range: { start: { line: 0, character: 11 }, end: { line: 0, character: 20 } },
    placeholder: 'Mark Chen',
    part: 'label',
  });
  assert.equal(prepareRename(analyze(CAST), { line: 4, character: 30 }), undefined, 'speech is not a speaker');
});

test('a person across two chunks, tied by a name label and `Speaker 2 (Name)`, is renamed in both whatever the scope', () => {
  const text = lines(
    '[00:00:01] Dana Reyes: We start at the north gate.',
    '[00:00:05] Speaker 2: Fine by me.',
    NEXT,
    'Speaker 1 (Tom Hale): "Back again."',
    'Speaker 2 (Dana Reyes): "Where were we?"',
  );
  const onChunkOne = { line: 0, character: 13 };
  const expected = ['0:11-21', '4:11-21'];
  assert.deepEqual(referencesAt(text, onChunkOne), expected);
  assert.deepEqual(referencesAt(text, { line: 4, character: 2 }), expected, "from chunk 2's label");
  for (const scope of ['chunk', 'document'] as const) {
    assert.deepEqual(
      editsAt(text, onChunkOne, 'Dana Ruiz', scope),
      expected.map((place) => `${place}=Dana Ruiz`),
    );
  }
  // Chunk 1's Speaker 2 is someone else: no scope takes it along.
  assert.deepEqual(referencesAt(text, { line: 1, character: 12 }, 'document'), ['1:11-20']);
});

test('a person tied across a seam: renaming their label in one chunk renames it in the other, and references agree', () => {
  const text = lines(
    'Speaker 1: The ferry leaves at six, so we pack the night before.',
    'Speaker 2: I always forget the tickets on the kitchen table by the door.',
    NEXT,
    'Speaker 1: I always forget the tickets on the kitchen table by the door.',
    'Speaker 2: Then we turn back and miss the ferry again.',
  );
  const onRepeat = { line: 3, character: 4 };
  assert.deepEqual(referencesAt(text, onRepeat), ['1:0-9', '3:0-9']);
  assert.deepEqual(editsAt(text, onRepeat, 'Ann Lee'), ['1:0-9=Ann Lee', '3:0-9=Ann Lee']);
});

test('a name that would change how the line parses is refused, with why', () => {
  const message = refusalAt(CAST, { line: 3, character: 2 }, 'Bad: Name');
  assert.match(message, /“Bad: Name” would change how the text reads/);
  assert.match(message, /a colon, a bracket or a stamp in a name moves where the label ends/);
  assert.match(refusalAt(CAST, { line: 3, character: 2 }, 'Mark [00:00:01] Chen'), /would change how the text reads/);
});

test('a blank name, a name with a line break, a label that restarts per chunk and a name the chunk already has are refused', () => {
  const onMark = { line: 3, character: 2 };
  assert.match(refusalAt(CAST, onMark, '   '), /cannot be blank/);
  assert.match(refusalAt(CAST, onMark, 'Mark\nChen'), /must fit on one line/);
  assert.match(refusalAt(CAST, onMark, 'Mark\r\nChen'), /must fit on one line/);
  assert.match(refusalAt(CAST, onMark, 'Speaker 3'), /“Speaker 3” is a label that restarts in every chunk: as the new name of Mark Chen/);
  assert.match(refusalAt(CAST, onMark, 'Speaker'), /no one's label/);
  assert.match(
    refusalAt(CAST, onMark, 'ann lee'),
    /Chunk 1 already has Ann Lee: renaming Mark Chen to “ann lee” would make two speakers of that chunk read as one/,
  );
});

test('a lone generic label may take another number, but not one its chunk already has', () => {
  const text = lines('[00:00:01] Speaker 1: Morning.', '[00:00:04] Speaker 2: Morning to you.', '[00:00:08] Speaker 1: Shall we?');
  assert.deepEqual(editsAt(text, { line: 2, character: 12 }, 'Speaker 3'), ['0:11-20=Speaker 3', '2:11-20=Speaker 3']);
  assert.match(refusalAt(text, { line: 2, character: 12 }, 'Speaker 2'), /Chunk 1 already has Speaker 2/);
});

test('with CRLF, a BOM, CJK and an emoji, places are in UTF-16 units and the renamed text is exact', () => {
  const text = '\uFEFF' + ['Speaker 1 (王小明): "你好 👋"', 'Speaker 2 (Zoë 🎙 Park): "Hi."', NEXT, '王小明: [00:00:09] 👋 我们开始吧。'].join('\r\n');
  // The BOM is the line's first unit; 🎙 is two.
  assert.deepEqual(referencesAt(text, { line: 3, character: 1 }), ['0:12-15', '3:0-3']);
  assert.deepEqual(referencesAt(text, { line: 1, character: 18 }), ['1:11-22']);
  const renamed = applyEdits(text, editsOf(renameAt(text, { line: 3, character: 1 }, '李雷')));
  assert.equal(
    renamed,
    '\uFEFF' + ['Speaker 1 (李雷): "你好 👋"', 'Speaker 2 (Zoë 🎙 Park): "Hi."', NEXT, '李雷: [00:00:09] 👋 我们开始吧。'].join('\r\n'),
  );
  // A label ends in a capitalised word or a number: with an emoji last, line 4 would be no turn.
  assert.match(refusalAt(text, { line: 3, character: 1 }, '李雷 🙂'), /the turn at line 4 would not read as 李雷 🙂/);
  assert.deepEqual(editsAt(text, { line: 1, character: 18 }, 'Zoë 🎤 Park'), ['1:11-22=Zoë 🎤 Park']);
});

test('the scope decides only for a lone label: chunk renames it in its chunk, document in every chunk; a name goes everywhere either way', () => {
  // Nothing ties the two chunks' `Speaker 1` together; `Dana Reyes` is a name, one person in both.
  const text = lines(
    '[00:00:01] Speaker 1: Morning, everyone.',
    '[00:00:04] Dana Reyes: Morning to you.',
    NEXT,
    '[00:05:00] Speaker 1: Welcome back after the break.',
    '[00:05:06] Dana Reyes: Glad to be back.',
    '[00:05:09] Speaker 1: Let us begin with the roads.',
  );
  const onSecondChunkLabel = { line: 3, character: 13 };
  assert.deepEqual(referencesAt(text, onSecondChunkLabel, 'chunk'), ['3:11-20', '5:11-20']);
  assert.deepEqual(editsAt(text, onSecondChunkLabel, 'Host', 'chunk'), ['3:11-20=Host', '5:11-20=Host']);
  assert.deepEqual(referencesAt(text, onSecondChunkLabel, 'document'), ['0:11-20', '3:11-20', '5:11-20']);
  assert.deepEqual(editsAt(text, onSecondChunkLabel, 'Host', 'document'), ['0:11-20=Host', '3:11-20=Host', '5:11-20=Host']);
  // From the first chunk, the same: its own turn only, or every chunk's.
  assert.deepEqual(editsAt(text, { line: 0, character: 13 }, 'Host', 'chunk'), ['0:11-20=Host']);
  const onName = { line: 1, character: 13 };
  for (const scope of ['chunk', 'document'] as const) {
    assert.deepEqual(referencesAt(text, onName, scope), ['1:11-21', '4:11-21'], scope);
    assert.deepEqual(editsAt(text, onName, 'Dana Ruiz', scope), ['1:11-21=Dana Ruiz', '4:11-21=Dana Ruiz'], scope);
  }
});
