import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, lines, withoutLines } from './helpers';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { applyEdits } from '../../server/src/service/util/edits';
import { hover } from '../../server/src/service/features/hover';

/*
 * How Fix All and Keep One Copy mend a seam (`seamMend.ts`), read as the user reads the result:
 * the whole document after the fix, written out by hand. Which copy's words are kept, where the
 * copies are cut, fillers and sound notes at the cut, and a sentence cut off at the seam finished
 * from the later copy. The speech is invented for the tests.
 */

const JOIN = 'This chunk continues in the next part.';

const wholeDocument: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The document after Fix All; Fix All on that changes nothing more. */
function fixedByFixAll(text: string): string {
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.deepEqual(fixAll(analyze(fixed)), [], `Fix All settles in one go:\n${fixed}`);
  return fixed;
}

/** The seam's preferred quick fix, Keep One Copy, or undefined when none is offered. */
function keepOneCopy(text: string) {
  return codeActions(analyze(text), wholeDocument).find((action) => action.isPreferred && action.title.startsWith('Keep one copy'));
}

/* ------------------------------------------------------------------ where the copies are cut */

test('the earlier copy is kept to a sentence and the later from the next, where each has words the other lacks', () => {
  // The earlier copy alone has `today`, the later alone `and we are proud of it`.
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier today. It was the last one left.',
    JOIN,
    'Speaker 1: the lantern on the pier. It was the last one left, and we are proud of it. So the rain stopped.',
  );
  const fix = keepOneCopy(text)!;
  assert.equal(fix.title, 'Keep one copy: keep the earlier copy up to a sentence, the later from there, which adds “today. and we are proud of …”');
  const expected = lines(
    'Speaker 1: We fixed the lantern on the pier today.',
    JOIN,
    'Speaker 1: It was the last one left, and we are proud of it. So the rain stopped.',
  );
  assert.equal(applyEdits(text, fix.edits), expected);
  assert.equal(fixedByFixAll(text), expected);
});

test('a hesitation or a comma-set filler a re-transcription put before a sentence is deleted with the words before it', () => {
  for (const filler of ['um,', 'uh', 'so,', 'well,', 'you know,']) {
    const text = lines(
      'Speaker 1: We fixed the lantern on the pier today. It was the last one left.',
      JOIN,
      `Speaker 1: the lantern on the pier. ${filler} It was the last one left, and we are proud of it. So you know we stayed, well after dark.`,
    );
    assert.equal(
      fixedByFixAll(text),
      lines(
        'Speaker 1: We fixed the lantern on the pier today.',
        JOIN,
        'Speaker 1: It was the last one left, and we are proud of it. So you know we stayed, well after dark.',
      ),
      filler,
    );
  }
});

test('a word before a sentence that is not a filler stays: `so` with no comma, `you know` with none, a name', () => {
  for (const opening of ['so', 'you know', 'Maria said']) {
    const text = lines(
      'Speaker 1: We fixed the lantern on the pier today. It was the last one left.',
      JOIN,
      `Speaker 1: the lantern on the pier. ${opening} It was the last one left, and we are proud of it. So you know we stayed, well after dark.`,
    );
    assert.equal(
      fixedByFixAll(text),
      lines(
        'Speaker 1: We fixed the lantern on the pier today.',
        JOIN,
        `Speaker 1: ${opening} It was the last one left, and we are proud of it. So you know we stayed, well after dark.`,
      ),
      opening,
    );
  }
});

test('an ellipsis before a capital ends a sentence, so the earlier copy may be cut there', () => {
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier today... It was the last one left.',
    JOIN,
    'Speaker 1: the lantern on the pier. um, It was the last one left, and we are proud of it. So the rain stopped.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We fixed the lantern on the pier today...',
      JOIN,
      'Speaker 1: It was the last one left, and we are proud of it. So the rain stopped.',
    ),
  );
});

test('an ellipsis before a quoted sentence ends a sentence too', () => {
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier today... "It was the last one left," she said.',
    JOIN,
    'Speaker 1: the lantern on the pier. um, "It was the last one left," she said, "and we are proud of it." So the rain stopped.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We fixed the lantern on the pier today...',
      JOIN,
      'Speaker 1: "It was the last one left," she said, "and we are proud of it." So the rain stopped.',
    ),
  );
});

test('an ellipsis before a lower-case word is a pause inside the sentence: no cut there, and no mend that loses nothing', () => {
  // Keeping the earlier copy whole would lose `proud`; keeping the later would lose `mended` and
  // `then`, and cutting inside `then... it was` is no cut at a sentence.
  const text = lines(
    'Speaker 1: We mended the lantern on the pier then... it was the last one left.',
    JOIN,
    'Speaker 1: the lantern on the pier. um, It was the last one left, and we are proud of it. So the rain stopped.',
  );
  assert.equal(keepOneCopy(text), undefined);
  assert.equal(fixedByFixAll(text), text);
});

/* ------------------------------------------------------------------ speakers */

test('the earlier copy is kept where it has a speaker change the later copy merged into one turn', () => {
  // The later copy heard `every tree` for `tree after tree`, and gave the answer to the questioner.
  const text = lines(
    'Speaker 1: The orchard was planted in the spring. Who planted it?',
    'Speaker 2: My grandmother planted tree after tree in the orchard.',
    JOIN,
    'Speaker 1: Who planted it? My grandmother planted every tree in the orchard. Then she built the wall around every row.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: The orchard was planted in the spring. Who planted it?',
      'Speaker 2: My grandmother planted tree after tree in the orchard.',
      JOIN,
      'Speaker 1: Then she built the wall around every row.',
    ),
  );
});

test('an answer stays with the speaker who gave it, where the later copy gave it to the one who asked', () => {
  // Cutting the earlier copy where its answer starts, and keeping the later from there, would
  // put the answer in the asker's turn.
  const text = lines(
    'Speaker 1: The orchard was planted in the spring. Who planted it?',
    'Speaker 2: My grandmother planted the trees in the orchard.',
    JOIN,
    'Speaker 1: Who planted it? My grandmother planted all the trees in the orchard. Then, after the harvest, she built the wall around it all.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: The orchard was planted in the spring. Who planted it?',
      'Speaker 2: My grandmother planted the trees in the orchard.',
      JOIN,
      'Speaker 1: Then, after the harvest, she built the wall around it all.',
    ),
  );
});

test('a copy that starts mid-turn over two turns is cut where the speakers change, not at the first turn’s start', () => {
  const text = lines(
    'Speaker 1: We grew apples there. The orchard was planted in the spring. Who planted it?',
    'Speaker 2: My grandmother planted tree after tree in the orchard.',
    JOIN,
    'Speaker 1: Who planted it? My grandmother planted every tree in the orchard. Then she built the wall around every row.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We grew apples there. The orchard was planted in the spring. Who planted it?',
      'Speaker 2: My grandmother planted tree after tree in the orchard.',
      JOIN,
      'Speaker 1: Then she built the wall around every row.',
    ),
  );
});

test('other things equal, the earlier reading is kept: a hesitation the re-transcription added goes with the later copy', () => {
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
    JOIN,
    'Speaker 1: It was the um last one left, and we are proud of it. Then the rain stopped.',
  );
  assert.equal(keepOneCopy(text)!.title, 'Keep one copy: keep the earlier copy; the text removed had “um”');
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
      JOIN,
      'Speaker 1: Then the rain stopped.',
    ),
  );
});

test('the later copy is kept where it has a speaker change the earlier copy merged, though it lacks a word', () => {
  // The earlier copy has `old` where the later lacks it (the document has `old` again), but
  // gives the question and the answer to one speaker.
  const text = lines(
    'Speaker 1: The orchard was planted in the spring. Who planted it? My grandmother planted the old trees in the orchard.',
    JOIN,
    'Speaker 2: Who planted it?',
    'Speaker 1: My grandmother planted the trees in the orchard. Then she built the old wall.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: The orchard was planted in the spring.',
      JOIN,
      'Speaker 2: Who planted it?',
      'Speaker 1: My grandmother planted the trees in the orchard. Then she built the old wall.',
    ),
  );
});

test('an earlier copy that ends its sentence whole is kept whole, with the word only it has', () => {
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it all.',
    JOIN,
    'Speaker 1: It was the last one left, and we are proud of it. Then we fixed all the others.',
  );
  assert.equal(keepOneCopy(text)!.title, 'Keep one copy: keep the earlier copy, which adds “all.”');
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it all.',
      JOIN,
      'Speaker 1: Then we fixed all the others.',
    ),
  );
});

test('an earlier copy cut off in the answer, from mid-turn over two turns, gives way to the later copy from the answer on', () => {
  const text = lines(
    'Speaker 1: We grew apples there. The orchard was planted in the spring. Who planted it?',
    'Speaker 2: My grandmother planted the trees in the...',
    JOIN,
    'Speaker 1: Who planted it?',
    'Speaker 2: My grandmother planted the trees in the orchard, one row each summer. And she watered them all.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We grew apples there. The orchard was planted in the spring. Who planted it?',
      JOIN,
      'Speaker 2: My grandmother planted the trees in the orchard, one row each summer. And she watered them all.',
    ),
  );
});

/* ------------------------------------------------------------------ sound notes */

test('a turn the mend would leave with only a bracketed or parenthesised sound note found elsewhere goes whole', () => {
  for (const note of ['[laughter]', '(applause)']) {
    const text = lines(
      `Speaker 1: ${note} We rebuilt the orchard wall stone by stone over three summers.`,
      'Speaker 2: That wall has stood for a whole century now.',
      JOIN,
      `Speaker 2: That wall has stood for a century now. ${note}`,
      'Speaker 1: And it will stand for another.',
    );
    assert.equal(
      fixedByFixAll(text),
      lines(
        `Speaker 1: ${note} We rebuilt the orchard wall stone by stone over three summers.`,
        'Speaker 2: That wall has stood for a whole century now.',
        JOIN,
        'Speaker 1: And it will stand for another.',
      ),
      note,
    );
  }
});

test('a Markdown transcript’s escaped sound note `\\[laughter\\]` is a sound note too', () => {
  const text = lines(
    '**Speaker 1:** \\[laughter\\] We rebuilt the orchard wall stone by stone over three summers.',
    '',
    '**Speaker 2:** That wall has stood for a whole century now.',
    '',
    JOIN,
    '',
    '**Speaker 2:** That wall has stood for a century now. \\[laughter\\]',
    '',
    '**Speaker 1:** And it will stand for another.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      '**Speaker 1:** \\[laughter\\] We rebuilt the orchard wall stone by stone over three summers.',
      '',
      '**Speaker 2:** That wall has stood for a whole century now.',
      '',
      JOIN,
      '',
      '**Speaker 1:** And it will stand for another.',
    ),
  );
});

/* ------------------------------------------------------------------ a sentence cut off at the seam */

test('a cut-off word is finished from the later copy whatever marks the cut: `...`, `…`, dashes, attached or standing alone', () => {
  for (const ending of ['and...', 'and ...', 'and…', 'and—', 'and–', 'and--', 'and -', 'and --', 'and —', 'and …', 'and\t--', 'and -- …']) {
    const text = lines(
      `Speaker 1: We need to rebuild our roads and our bridges across the whole country ${ending}`,
      JOIN,
      'Speaker 1: bridges across the whole country and the harbour wall too. Then we fix the schools.',
    );
    assert.equal(
      fixedByFixAll(text),
      lines(
        'Speaker 1: We need to rebuild our roads and our bridges across the whole country and the harbour wall too.',
        JOIN,
        'Speaker 1: Then we fix the schools.',
      ),
      ending,
    );
  }
});

test('carried words that end their quoted turn leave its closing quote behind; the earlier turn keeps its own', () => {
  const text = lines(
    'Speaker 1: "We need to rebuild our roads and our bridges across the whole country and..."',
    JOIN,
    'Speaker 1: "bridges across the whole country and the harbour wall too."',
    'Speaker 2: "Then we fix the schools."',
  );
  const fix = keepOneCopy(text)!;
  assert.equal(
    fix.title,
    'Keep one copy: keep the earlier copy, its last sentence finished with “the harbour wall too.” from the later, deleting a turn',
  );
  const expected = lines(
    'Speaker 1: "We need to rebuild our roads and our bridges across the whole country and the harbour wall too."',
    JOIN,
    'Speaker 2: "Then we fix the schools."',
  );
  assert.equal(applyEdits(text, fix.edits), expected);
  assert.equal(fixedByFixAll(text), expected);
});

test('an earlier copy that trails off on a hesitation gives way to the later copy, which has the sentence whole', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads before the winter comes. And our bridges across the whole country, and the harbour at the end of the bay, uh...',
    JOIN,
    'Speaker 1: And our bridges across the whole country, and the harbour at the end of the bay, and the wall too. Then we fix the schools.',
  );
  assert.equal(keepOneCopy(text)!.title, 'Keep one copy: keep the later copy, which adds “and the wall too.”; the text removed had “uh...”');
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We need to rebuild our roads before the winter comes.',
      JOIN,
      'Speaker 1: And our bridges across the whole country, and the harbour at the end of the bay, and the wall too. Then we fix the schools.',
    ),
  );
});

test('a lone letter left of a word cut off (`w—`) is no word lost: the later copy’s whole sentence is kept', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads before the winter comes. And our bridges across the whole country, and the harbour at the end of the bay, and the w—',
    JOIN,
    'Speaker 1: And our bridges across the whole country, and the harbour at the end of the bay, and the wall too. Then we fix the schools.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We need to rebuild our roads before the winter comes.',
      JOIN,
      'Speaker 1: And our bridges across the whole country, and the harbour at the end of the bay, and the wall too. Then we fix the schools.',
    ),
  );
});

test('a word broken off at the seam (`harb…`, `h—`, `harbo-`) is replaced by its whole form from the later copy, with the rest of the sentence', () => {
  for (const fragment of ['h—', 'ha—', 'harb...', 'harb…', 'harbo-', 'harbou--']) {
    const text = lines(
      `Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the ${fragment}`,
      JOIN,
      'Speaker 1: our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too. Then we fix the schools.',
    );
    const expected = lines(
      'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too.',
      JOIN,
      'Speaker 1: Then we fix the schools.',
    );
    const fix = keepOneCopy(text);
    assert.equal(
      fix?.title,
      `Keep one copy: keep the earlier copy, its last sentence finished with “harbour wall too.” from the later, in place of “${fragment}”`,
      fragment,
    );
    assert.equal(applyEdits(text, fix.edits), expected, fragment);
    assert.equal(fixedByFixAll(text), expected, fragment);
  }
});

test('a broken-off word the later copy reads as another word is dropped when its whole form follows (`the wa-`, `the harbour wall`)', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the wa-',
    JOIN,
    'Speaker 1: our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too. Then we fix the schools.',
  );
  assert.equal(
    keepOneCopy(text)?.title,
    'Keep one copy: keep the earlier copy, its last sentence finished with “harbour wall too.” from the later, in place of “wa-”',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too.',
      JOIN,
      'Speaker 1: Then we fix the schools.',
    ),
  );
});

test('a broken-off word in quotes is replaced inside them', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the "harb…"',
    JOIN,
    'Speaker 1: our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too. Then we fix the schools.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and the "harbour wall too."',
      JOIN,
      'Speaker 1: Then we fix the schools.',
    ),
  );
});

test('a whole word broken off (`so—`) that the later copy reads otherwise and has nowhere is kept: no mend loses it', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads and our bridges, the railways that carry our goods from the ports across the whole country and so—',
    JOIN,
    'Speaker 1: our bridges, the railways that carry our goods from the ports across the whole country and the harbour wall too. Then we fix the schools.',
  );
  assert.equal(keepOneCopy(text), undefined);
  assert.equal(fixedByFixAll(text), text);
});

test('where both copies break off at the same word and the later turn ends there, the later turn goes and the earlier stays whole', () => {
  const text = lines(
    'Speaker 1: We need to rebuild our roads before the winter comes. And our bridges across the whole country, and the harbour at the end of the bay...',
    JOIN,
    'Speaker 1: And our bridges across the whole country, and the harbour at the end of the bay...',
    'Speaker 2: Yes, and the schools.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: We need to rebuild our roads before the winter comes. And our bridges across the whole country, and the harbour at the end of the bay...',
      JOIN,
      'Speaker 2: Yes, and the schools.',
    ),
  );
});

test('a cut-off sentence deleted from the end of a turn takes a dash or an ellipsis standing after it along', () => {
  for (const mark of ['--', '—', '...', '…']) {
    const text = lines(
      `Speaker 1: The lantern was lit every night. Somebody had to climb the stairs at dusk, and the keeper would always say ${mark}`,
      JOIN,
      `Speaker 2: Somebody had to climb the stairs at dusk, and the keeper would always say ${mark} well, you know what he would say. He said it every night.`,
    );
    assert.equal(
      fixedByFixAll(text),
      lines(
        'Speaker 1: The lantern was lit every night.',
        JOIN,
        `Speaker 2: Somebody had to climb the stairs at dusk, and the keeper would always say ${mark} well, you know what he would say. He said it every night.`,
      ),
      mark,
    );
  }
});

/* ------------------------------------------------------------------ quotes and brackets at the cut */

test('deleting the end of a quoted turn keeps its closing quote, not a bracket the deleted words opened', () => {
  // The later turn loses its opening words and keeps its opening quote.
  const text = lines(
    'Speaker 1: "We fixed the lantern on the pier today. (It was the last one left.)"',
    JOIN,
    'Speaker 1: "the lantern on the pier. It was the last one left, and we are proud of it. So the rain stopped."',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      'Speaker 1: "We fixed the lantern on the pier today."',
      JOIN,
      'Speaker 1: "It was the last one left, and we are proud of it. So the rain stopped."',
    ),
  );
});

/* ------------------------------------------------------------------ the hover's picture of the seam */

test('the seam hover shows the earlier copy from one sentence before the repeat, and the later to the end of the repeat’s sentence', () => {
  const text = lines(
    'Speaker 1: Spring came late. We grew apples there. We fixed the lantern on the pier today. It was the last one left.',
    JOIN,
    'Speaker 1: the lantern on the pier. um, It was the last one left, and we are proud of it. So the rain stopped.',
  );
  assert.equal(
    hover(analyze(text), { line: 2, character: 14 })?.contents,
    lines(
      '**Repeated passage**: 11 of 12 words match',
      '',
      'Keep One Copy would keep the earlier copy up to a sentence, the later from there, which adds “today\\. and we are proud of …”; the text removed had “um,”.',
      '',
      'Earlier copy (line 1): We grew apples there\\. We fixed the lantern on the pier **today\\.** ~~It was the last one left\\.~~',
      '',
      'Later copy (line 3): ~~the lantern on the pier\\.~~ ~~**um,**~~ It was the last one left, **and we are proud of it\\.**',
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ),
  );
});

/* ------------------------------------------------------------------ words a copy already stands for */

test('a word the later copy says twice where the earlier says it once is not dropped: the later copy is kept, and the earlier word only it has is found elsewhere', () => {
  // The later copy's two `window`s pair with the earlier copy's one and with nothing: keeping the
  // earlier copy would take a `window` the document has nowhere else, though it has three.
  const text = lines(
    '[00:00:02] Speaker 1: Harbour planted harbour heavy rope.',
    '',
    '[00:00:04] Speaker 2: Harbour and harbour ticket harbour.',
    '',
    '[00:00:06] Speaker 1: Harbour sail harbour old table harbour.',
    '',
    '[00:00:08] Speaker 1: Harbour cattle harbour window harbour.',
    '',
    '',
    '[00:00:04] Speaker 2: Harbour and harbour ticket harbour.',
    '',
    '[00:00:06] Speaker 1: Harbour sail window harbour table harbour. Harbour cattle harbour window harbour.',
    '',
    '[00:00:11] Speaker 1: Harbour quiet harbour honey harbour.',
    '',
    '[00:00:13] Speaker 1: Old rope.',
  );
  // The earlier copy's three turns go; the line that set the chunks apart stays.
  assert.equal(fixedByFixAll(text), withoutLines(text, 2, 8));
});

test('a word the later copy says once more after the repeat is kept, though the earlier copy has it once (the first of a loop)', () => {
  // The later chunk repeats the earlier chunk's three turns and goes on with `Window harbour.`:
  // the first saying of a loop, not part of the repeat. Its `window` and the repeat's `window`
  // pair with one earlier `window`, which can stand for only one of them (found by the Fix All
  // property, seed 1450840259, where an alignment run on past the repeat read that turn as a copy).
  const text = lines(
    '[00:00:04] Speaker 2: Harbour and harbour ticket harbour.',
    '',
    '[00:00:06] Speaker 1: Harbour sail harbour table harbour.',
    '',
    '[00:00:08] Speaker 1: Harbour cattle harbour window harbour.',
    '',
    '',
    '[00:00:04] Speaker 2: Harbour and harbour ticket harbour.',
    '',
    '[00:00:06] Speaker 1: Harbour sail harbour table harbour. Harbour cattle harbour window harbour.',
    '',
    '[00:00:11] Speaker 1: Window harbour.',
    '',
    '[00:00:13] Speaker 1: Harbour quiet harbour honey harbour.',
  );
  assert.equal(
    fixedByFixAll(text),
    lines(
      '[00:00:04] Speaker 2: Harbour and harbour ticket harbour.',
      '',
      '[00:00:06] Speaker 1: Harbour sail harbour table harbour.',
      '',
      '[00:00:08] Speaker 1: Harbour cattle harbour window harbour.',
      '',
      '',
      '[00:00:11] Speaker 1: Window harbour.',
      '',
      '[00:00:13] Speaker 1: Harbour quiet harbour honey harbour.',
    ),
  );
});

/* ------------------------------------------------------------------ a chunk that was all repeat */

const ROADS = 'We need to rebuild our roads and our bridges across the whole country and the harbour wall too.';
const SCHOOLS = 'Then we fix the schools in every town, and the libraries that close too early every evening.';

test('a middle chunk that was all repeat goes with its marker: no two markers are left with nothing between', () => {
  const text = lines(
    `Speaker 1: ${ROADS}`,
    `Speaker 2: ${SCHOOLS}`,
    JOIN,
    `Speaker 1: ${ROADS}`,
    `Speaker 2: ${SCHOOLS}`,
    JOIN,
    'Speaker 1: Something new was said.',
    '',
  );
  assert.equal(fixedByFixAll(text), lines(`Speaker 1: ${ROADS}`, `Speaker 2: ${SCHOOLS}`, JOIN, 'Speaker 1: Something new was said.', ''));
  // The same with Windows line ends and blank lines between the turns.
  const crlf = [
    `Speaker 1: ${ROADS}`,
    '',
    `Speaker 2: ${SCHOOLS}`,
    '',
    JOIN,
    '',
    `Speaker 1: ${ROADS}`,
    '',
    `Speaker 2: ${SCHOOLS}`,
    '',
    JOIN,
    '',
    'Speaker 1: Something new was said.',
    '',
  ].join('\r\n');
  assert.equal(
    fixedByFixAll(crlf),
    [`Speaker 1: ${ROADS}`, '', `Speaker 2: ${SCHOOLS}`, '', JOIN, '', 'Speaker 1: Something new was said.', ''].join('\r\n'),
  );
});

test('a last chunk that was all repeat takes the marker before it along: none is left announcing a next part', () => {
  const text = lines(`Speaker 1: ${ROADS}`, `Speaker 2: ${SCHOOLS}`, JOIN, `Speaker 1: ${ROADS}`, `Speaker 2: ${SCHOOLS}`);
  assert.equal(fixedByFixAll(text), lines(`Speaker 1: ${ROADS}`, `Speaker 2: ${SCHOOLS}`));
});

test('an empty chunk the writer left between two markers keeps them both', () => {
  const text = lines(
    `Speaker 1: ${ROADS}`,
    `Speaker 2: ${SCHOOLS}`,
    JOIN,
    JOIN,
    `Speaker 1: ${ROADS}`,
    `Speaker 2: ${SCHOOLS}`,
    'Speaker 1: Something new was said.',
  );
  assert.equal(fixedByFixAll(text), lines(`Speaker 1: ${ROADS}`, `Speaker 2: ${SCHOOLS}`, JOIN, JOIN, 'Speaker 1: Something new was said.'));
});
