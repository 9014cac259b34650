import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, lines } from './helpers';
import { codeActions, fixAll, type TranscriptCodeAction } from '../../server/src/service/features/fixes';
import { hover } from '../../server/src/service/features/hover';
import type { Range } from '../../server/src/service/model';
import { applyEdits } from '../../server/src/service/util/edits';

/*
 * How Keep One Copy pairs the words of the two copies of a repeated passage: the same word, a
 * word written two ways (`till` and `until`, `mod` and `model`), or a word heard another way
 * (`crimson` and `scarlet`); and what its title says the kept copy adds and the removed text had.
 * The speech here is invented for the tests.
 */

const JOIN = 'This chunk continues in the next part.';
const wholeDocument: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The fixes offered for the seam's repeated passage. */
function seamFixes(text: string): TranscriptCodeAction[] {
  return codeActions(analyze(text), wholeDocument).filter((a) => a.diagnostics.some((d) => d.code === 'duplicate-overlap'));
}

/** Keep One Copy (the preferred seam fix): its title and the text it leaves. */
function keepOneCopy(text: string): { title: string; fixed: string } {
  const fix = seamFixes(text).find((a) => a.isPreferred);
  assert.ok(
    fix,
    `no Keep one copy offered; offered: ${seamFixes(text)
      .map((a) => a.title)
      .join('; ')}`,
  );
  return { title: fix.title, fixed: applyEdits(text, fix.edits) };
}

function offersKeepOneCopy(text: string): boolean {
  return seamFixes(text).some((a) => a.title.startsWith('Keep one copy'));
}

/** The seam hover's line for one copy (`Earlier copy (line …): …`), hovering over `word` in the later copy. */
function hoverCopy(text: string, which: 'Earlier' | 'Later', word: string): string {
  const all = text.split('\n');
  const line = all.length - 1 - [...all].reverse().findIndex((l) => l.includes(word));
  const at = { line, character: all[line]!.indexOf(word) };
  const shown = hover(analyze(text), at)?.contents ?? '';
  const copy = shown.split('\n').find((l) => l.startsWith(`${which} copy`));
  assert.ok(copy, `no ${which.toLowerCase()} copy in the hover:\n${shown}`);
  return copy;
}

/* ------------------------------------------------------------------ words written two ways */

test('a word written two ways (`till`, `until`) is one word: Keep one copy keeps the earlier reading and says nothing is lost', () => {
  for (const [earlier, later] of [
    ['till', 'until'],
    ['until', 'till'],
  ] as const) {
    const text = lines(
      `Speaker 1: The kettle was on the stove. We stayed out on the pier ${earlier} the lanterns were lit and the boats came home.`,
      JOIN,
      `Speaker 1: We stayed out on the pier ${later} the lanterns were lit and the boats came home. Then we walked back up the hill.`,
    );
    const { title, fixed } = keepOneCopy(text);
    assert.equal(title, 'Keep one copy: keep the earlier copy', `${earlier} / ${later}`);
    assert.equal(
      fixed,
      lines(
        `Speaker 1: The kettle was on the stove. We stayed out on the pier ${earlier} the lanterns were lit and the boats came home.`,
        JOIN,
        'Speaker 1: Then we walked back up the hill.',
      ),
    );
    assert.equal(applyEdits(text, fixAll(analyze(text))), fixed, 'Fix All mends it the same way');
  }
});

test('spoken forms, a shortened ending and a clipped word in one passage are each paired with their other reading', () => {
  // `Yeah`/`Yes` and `ok`/`okay` are spoken forms, `printed`/`printing` two endings of one word,
  // `mod`/`model` and `information`/`info` a word and the start of it, either copy the longer.
  const text = lines(
    'Speaker 1: The kettle was on the stove. Yeah, the printed charts are ok, the mod is ready and the information desk has them, so we pinned them to the wall of the old boathouse.',
    JOIN,
    'Speaker 1: Yes, the printing charts are okay, the model is ready and the info desk has them, so we pinned them to the wall of the old boathouse. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy');
  assert.equal(fixed, lines(text.split('\n')[0]!, JOIN, 'Speaker 1: Then we went home.'));
  // The hover shows none of them as a word one copy has and the other lacks.
  assert.ok(!/\*\*/.test(hoverCopy(text, 'Later', 'boathouse')), 'no bold word in the later copy');
});

test('the later copy is kept with a word it writes longer (`model` for `mod`), and the title says only what it adds', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. I think the mod is ready, so we painted the boat and dragged it down to the water.',
    JOIN,
    'Speaker 1: I think the model is ready, so we painted the old boat and dragged it down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “old”');
  assert.equal(
    fixed,
    lines(
      'Speaker 1: The kettle was on the stove.',
      JOIN,
      'Speaker 1: I think the model is ready, so we painted the old boat and dragged it down to the water. Then we went home.',
    ),
  );
});

test('a cut-off last word and its whole form in the later copy (`produced`, `produce.`) are one word', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We painted the boat and dragged it down to the water, and the machine produced',
    JOIN,
    'Speaker 1: We painted the boat and dragged it down to the water, and the machine produce. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy');
  assert.equal(fixed, lines(text.split('\n')[0]!, JOIN, 'Speaker 1: Then we went home.'));
});

test('a word written two ways right after the later copy’s first word is paired, though the word after it differs', () => {
  // `paint` for `painted` after `We`, then `a` for `the`, a word found elsewhere too.
  const text = lines(
    'Speaker 2: A boat is a boat, they said.',
    'Speaker 1: The kettle was on the stove. We painted the boat blue and dragged it down to the water.',
    JOIN,
    'Speaker 1: We paint a boat blue and dragged it down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “the”; the text removed had “a”');
  assert.equal(fixed, lines(...text.split('\n').slice(0, 3), 'Speaker 1: Then we went home.'));
});

test('two endings of one long word (`consolidating`, `consolidated`) are one word', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We are consolidating the two harbour trusts into one before the end of the year.',
    JOIN,
    'Speaker 1: We are consolidated the two harbour trusts into one before the end of the year. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy');
  assert.equal(fixed, lines(text.split('\n')[0]!, JOIN, 'Speaker 1: Then we went home.'));
});

test('a short word is no reading of a longer one it begins (`in`, `into`): no copy is kept, as either would lose a word', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We walked in the harbour and counted every boat that came back from the sea.',
    JOIN,
    'Speaker 1: We walked into the harbour and counted every boat that came back from the sea. Then we went home.',
  );
  assert.ok(
    !offersKeepOneCopy(text),
    seamFixes(text)
      .map((a) => a.title)
      .join('; '),
  );
  assert.deepEqual(fixAll(analyze(text)), [], 'Fix All leaves the seam for the user');
  assert.match(hoverCopy(text, 'Earlier', 'harbour'), /\*\*in\*\*/);
  assert.match(hoverCopy(text, 'Later', 'harbour'), /\*\*into\*\*/);
});

test('two figures that share their first digits (`1,250,000`, `1,250,500`) are different words: no copy is kept', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. The council set aside 1,250,000 for the new harbour wall and the lighthouse repairs.',
    JOIN,
    'Speaker 1: The council set aside 1,250,500 for the new harbour wall and the lighthouse repairs. Then we went home.',
  );
  assert.ok(
    !offersKeepOneCopy(text),
    seamFixes(text)
      .map((a) => a.title)
      .join('; '),
  );
  assert.match(hoverCopy(text, 'Later', 'harbour'), /\*\*1,250,500\*\*/);
});

test('a figure in either ending (`Project2025`, `projections`) makes two words different, whichever copy has it', () => {
  for (const [earlier, later] of [
    ['Project2025', 'projections'],
    ['projections', 'Project2025'],
  ] as const) {
    const text = lines(
      `Speaker 1: The kettle was on the stove. We read the ${earlier} plans for the harbour wall and the lighthouse repairs.`,
      JOIN,
      `Speaker 1: We read the ${later} plans for the harbour wall and the lighthouse repairs. Then we went home.`,
    );
    assert.ok(
      !offersKeepOneCopy(text),
      `${earlier} / ${later}: ${seamFixes(text)
        .map((a) => a.title)
        .join('; ')}`,
    );
  }
});

test('a word is taken for another reading only one for one: `model` beside `models old` stays unpaired', () => {
  // `old` is found elsewhere, so only the pairing of `model` decides whether a mend is lossless.
  const text = lines(
    'Speaker 2: The old shed was empty.',
    'Speaker 1: The kettle was on the stove. Our model boat was dragged down to the water by the children.',
    JOIN,
    'Speaker 1: Our models old boat was dragged down to the water by the children. Then we went home.',
  );
  assert.ok(
    !offersKeepOneCopy(text),
    seamFixes(text)
      .map((a) => a.title)
      .join('; '),
  );
  assert.match(hoverCopy(text, 'Earlier', 'dragged'), /\*\*model\*\*/);
});

/* ------------------------------------------------------------------ words heard another way */

test('a word heard another way (`crimson`, `scarlet`) is kept as the earlier copy has it, and the title names both', () => {
  const text = lines(
    'Speaker 2: I remember the scarlet paint and the crimson sails.',
    'Speaker 1: The kettle was on the stove. We painted the boat a crimson colour and dragged it down to the water.',
    JOIN,
    'Speaker 1: We painted the boat a scarlet colour and dragged it down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “crimson”; the text removed had “scarlet”');
  assert.equal(fixed, lines(...text.split('\n').slice(0, 3), 'Speaker 1: Then we went home.'));
});

test('a word written two ways after a word heard another way is still paired (`crimson mod`, `scarlet model`)', () => {
  const text = lines(
    'Speaker 2: I remember the scarlet paint and the crimson sails.',
    'Speaker 1: The kettle was on the stove. We painted the crimson mod boats and dragged them down to the water.',
    JOIN,
    'Speaker 1: We painted the scarlet model boats and dragged them down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “crimson”; the text removed had “scarlet”');
  assert.equal(fixed, lines(...text.split('\n').slice(0, 3), 'Speaker 1: Then we went home.'));
});

test('two words heard for one (`deep red` for `crimson`) count as a reading of it: the earlier copy is kept whole', () => {
  // Keeping the later copy instead would cut the earlier turn and keep two words only the later
  // has; dropping `deep red` as another reading of `crimson` costs less than that.
  const text = lines(
    'Speaker 2: The crimson paint was gone by May, and the deep red went on.',
    'Speaker 1: The kettle was on the stove. We painted the boat crimson and dragged it down to the water. Everyone cheered. The gulls circled the mast.',
    JOIN,
    'Speaker 1: We painted the boat deep red and dragged it down to the water. Everyone cheered. The gulls circled the mast. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “crimson”; the text removed had “deep red”');
  assert.equal(fixed, lines(...text.split('\n').slice(0, 3), 'Speaker 1: Then we went home.'));
});

test('three words heard for one (`very bright red` for `crimson`) are no reading of it: no copy is kept', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We painted the boat a crimson colour and dragged it down to the water.',
    JOIN,
    'Speaker 1: We painted the boat a very bright red colour and dragged it down to the water. Then we went home.',
  );
  assert.ok(
    !offersKeepOneCopy(text),
    seamFixes(text)
      .map((a) => a.title)
      .join('; '),
  );
});

test('three words found elsewhere, heard for one (`very bright red` for `crimson`), count as three words: the later copy, which has them, is kept', () => {
  const text = lines(
    'Speaker 2: The crimson paint was gone by May, and the very bright red went on.',
    'Speaker 1: The kettle was on the stove. We painted the boat crimson and dragged it down to the water. Everyone cheered. The gulls circled the mast.',
    JOIN,
    'Speaker 1: We painted the boat very bright red and dragged it down to the water. Everyone cheered. The gulls circled the mast. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “very bright red”; the text removed had “crimson”');
  assert.equal(fixed, lines(text.split('\n')[0]!, 'Speaker 1: The kettle was on the stove.', JOIN, text.split('\n')[3]!));
});

/* ------------------------------------------------------------------ what the title says */

test('the sentence before the passage is not something the kept copy adds, even when it opens with the passage’s first word', () => {
  // `The kettle…` and `The council…` both open with `The`: the later copy pairs with the second.
  const text = lines(
    'Speaker 1: The kettle was on the stove. The council set aside money for the new harbour wall and the lighthouse repairs.',
    JOIN,
    'Speaker 1: The council set aside money for the new harbour wall and the old lighthouse repairs. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “old”');
  assert.equal(
    fixed,
    lines(
      'Speaker 1: The kettle was on the stove.',
      JOIN,
      'Speaker 1: The council set aside money for the new harbour wall and the old lighthouse repairs. Then we went home.',
    ),
  );
  assert.match(hoverCopy(text, 'Earlier', 'harbour'), /^Earlier copy \(line 1\): The kettle was on the stove\\\. ~~The council/);
});

test('the earlier copy kept whole says which of its words the later lacked, inside the passage and after its end', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We really painted the boat and dragged it down to the water today.',
    JOIN,
    'Speaker 1: We painted the boat and dragged it down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “really today.”');
  assert.equal(fixed, lines(text.split('\n')[0]!, JOIN, 'Speaker 1: Then we went home.'));
});

test('the later copy kept whole counts a word it opens with, before the repeat, among what it adds', () => {
  const text = lines(
    'Speaker 1: The kettle was on the stove. We painted the boat and dragged it down to the water.',
    JOIN,
    'Speaker 1: Indeed. We painted the boat and dragged it down to the cold water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “Indeed. cold”');
  assert.equal(fixed, lines('Speaker 1: The kettle was on the stove.', JOIN, text.split('\n')[2]!));
});

test('a passage that is the whole earlier turn: keeping the later copy deletes the turn, and says so', () => {
  const text = lines(
    'Speaker 1: We painted the boat and dragged it down to the water.',
    JOIN,
    'Speaker 1: We painted the boat and dragged it down to the old water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “old”, deleting a turn');
  assert.equal(fixed, lines(JOIN, text.split('\n')[2]!));
  // Every later word but `old` has its partner, the first one too.
  assert.equal(hoverCopy(text, 'Later', 'dragged'), 'Later copy (line 3): We painted the boat and dragged it down to the **old** water\\.');
});

test('a sentence-opening word only the earlier copy has, where its cut falls, is named as removed, not as added', () => {
  // `old` keeps the earlier copy's first sentence, `cold` the later's second; `Then` goes.
  const text = lines(
    'Speaker 1: The kettle was on the stove. We painted the old boat blue. Then we dragged it down to the water. Everyone cheered.',
    JOIN,
    'Speaker 1: We painted the boat blue. We dragged it down to the cold water. Everyone cheered. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(
    title,
    'Keep one copy: keep the earlier copy up to a sentence, the later from there, which adds “old cold”; the text removed had “Then”',
  );
  assert.equal(
    fixed,
    lines(
      'Speaker 1: The kettle was on the stove. We painted the old boat blue.',
      JOIN,
      'Speaker 1: We dragged it down to the cold water. Everyone cheered. Then we went home.',
    ),
  );
});

/* ------------------------------------------------------------------ the edits */

test('a turn the mend would leave with only a sound note found nowhere else keeps the note', () => {
  const text = lines(
    'Speaker 1: [applause] We rebuilt the orchard wall stone by stone over three summers.',
    'Speaker 2: That wall has stood for a whole century now.',
    JOIN,
    'Speaker 2: That wall has stood for a century now. [cheering]',
    'Speaker 1: And it will stand for another.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the earlier copy, which adds “whole”');
  assert.equal(fixed, lines(...text.split('\n').slice(0, 3), 'Speaker 2: [cheering]', 'Speaker 1: And it will stand for another.'));
});

test('the cut in a turn of two lines falls on the right line where a word of each line starts at the same column', () => {
  // `The` (line 1) and `We` (line 2) both start at column 11.
  const text = lines(
    'Speaker 1: The kettle was on the stove.',
    'Now I see. We painted the boat and dragged it down to the water.',
    JOIN,
    'Speaker 1: We painted the old boat and dragged it down to the water. Then we went home.',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(title, 'Keep one copy: keep the later copy, which adds “old”');
  assert.equal(fixed, lines('Speaker 1: The kettle was on the stove.', 'Now I see.', JOIN, text.split('\n')[3]!));
});

test('words carried from a quoted turn they end take the earlier turn’s closing quote, not a second one', () => {
  const text = lines(
    '[00:00:01] Speaker 1: "We need to rebuild our roads and our bridges across the whole country and"',
    '[00:00:01] Speaker 2: "bridges across the whole country and the harbour wall too."',
  );
  const { title, fixed } = keepOneCopy(text);
  assert.equal(
    title,
    'Keep one copy: keep the earlier copy, its last sentence finished with “the harbour wall too.” from the later, deleting a turn',
  );
  assert.equal(fixed, '[00:00:01] Speaker 1: "We need to rebuild our roads and our bridges across the whole country and the harbour wall too."');
  // The hover shows the carried words kept (not struck) and the rest of the later copy struck.
  assert.equal(hoverCopy(text, 'Later', 'across'), 'Later copy (line 2): ~~bridges across the whole country and~~ **the harbour wall too\\.**');
});

test('words carried to an earlier turn that closes its own quote end inside that quote, with no second one', () => {
  const text = lines(
    '[00:00:01] Speaker 1: He told them "we need to rebuild our roads and our bridges across the whole country and"',
    '[00:00:01] Speaker 2: bridges across the whole country and the harbour wall too."',
  );
  const { fixed } = keepOneCopy(text);
  assert.equal(
    fixed,
    '[00:00:01] Speaker 1: He told them "we need to rebuild our roads and our bridges across the whole country and the harbour wall too."',
  );
});

test('words carried to an earlier turn whose quote is still open keep the closing quote the later turn had', () => {
  for (const [open, close] of [
    ['"', '"'],
    ['“', '”'],
  ]) {
    const text = lines(
      `[00:00:01] Speaker 1: He told them ${open}we need to rebuild our roads and our bridges across the whole country and`,
      `[00:00:01] Speaker 2: bridges across the whole country and the harbour wall too.${close}`,
    );
    const { fixed } = keepOneCopy(text);
    assert.equal(
      fixed,
      `[00:00:01] Speaker 1: He told them ${open}we need to rebuild our roads and our bridges across the whole country and the harbour wall too.${close}`,
    );
  }
});

test('words carried to an earlier turn whose quotes are all closed leave the later turn’s closing quote behind', () => {
  const text = lines(
    '[00:00:01] Speaker 1: He told them "now" and we need to rebuild our roads and our bridges across the whole country and',
    '[00:00:01] Speaker 2: bridges across the whole country and the harbour wall too."',
  );
  const { fixed } = keepOneCopy(text);
  assert.equal(
    fixed,
    '[00:00:01] Speaker 1: He told them "now" and we need to rebuild our roads and our bridges across the whole country and the harbour wall too.',
  );
});
