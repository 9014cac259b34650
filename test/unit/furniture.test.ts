import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { furnitureOf, isFrontMatterFence } from '../../server/src/service/parse/furniture';

/*
 * The lines around a transcript that are neither speech nor a problem (`furniture.ts`): each kind
 * on its own line, and the near misses that are text. A line is read from where its content
 * starts (after any indentation) to where it ends, as the parser reads it.
 */

/** The kind of the line, read after its indentation and before any line break. */
function kindOf(line: string): string | undefined {
  const start = line.length - line.trimStart().length;
  const end = line.replace(/\r?\n$/, '').length;
  return furnitureOf(line, start, end)?.kind;
}

test('each kind of furniture, and the near misses that are text', () => {
  const expected: Array<[line: string, kind: string | undefined]> = [
    ['# Episode 12', 'heading'],
    ['###### Part six', 'heading'],
    ['#hashtag is speech', undefined],
    ['####### seven is no heading', undefined],
    // Indented, a `#` starts speech: only a heading at the margin ends a turn.
    ['  # not a heading', undefined],
    ['---', 'rule'],
    ['***', 'rule'],
    ['___', 'rule'],
    ['===', 'rule'],
    ['  ----  ', 'rule'],
    ['--', undefined],
    ['- a list item', undefined],
    ['*emphasis*', undefined],
    ['=== and text', undefined],
    ['![cover](cover.png)', 'image'],
    ['  ![cover](cover.png)', 'image'],
    ['!important', undefined],
    ['<!-- recorded in studio B -->', 'comment'],
    ['  <!-- indented -->', 'comment'],
    ['<https://example.org/episode/12>', 'link'],
    ['<v Ana>Hello', undefined],
    ['https://example.org/episode/12', 'link'],
    ['  https://example.org/episode/12', 'link'],
    ['https://example.org and more words', undefined],
    ['http is a protocol', undefined],
    ['```', 'fence'],
    ['```json', 'fence'],
    ['``not a fence', undefined],
    ['Transcribed by Otter.ai', 'footer'],
    ['transcribed by hand', 'footer'],
    ['  Transcribed by a volunteer', 'footer'],
    ['Transcript by Rev', undefined],
    ['Transcribedby nobody', undefined],
    ['Website: https://example.org', 'link'],
    ['Show notes: <https://example.org/notes>', 'link'],
    ['  Website: https://example.org', 'link'],
    ['Website https://example.org', undefined],
    ['Ana: see https://example.org', undefined],
    ['Website: https://example.org is where it lives', undefined],
    [`${'A very long label indeed '.repeat(2)}: https://example.org`, undefined],
    // A labelled link is looked for only on a line under 200 characters.
    [`Website: https://example.org/${'a'.repeat(170)}`, 'link'],
    [`Website: https://example.org/${'a'.repeat(171)}`, undefined],
    // reStructuredText's explicit markup, at the margin: directives, targets, footnotes, substitutions, `..` alone.
    ['.. rst-class:: indented', 'directive'],
    ['.. raw:: html', 'directive'],
    ['.. _volume1-footnote301:', 'directive'],
    ['.. [1] The hearing resumed at two.', 'directive'],
    ['.. |seal| image:: seal.png', 'directive'],
    ['..', 'directive'],
    ['.. and then he left the room.', undefined],
    ['..so I said no.', undefined],
    ['... and then silence.', undefined],
    ['  .. rst-class:: indented', undefined],
    ['^^^^^^^^', 'rule'],
    ['^^', undefined],
    ['Hello there.', undefined],
    ['', undefined],
  ];
  for (const [line, kind] of expected) assert.equal(kindOf(line), kind, JSON.stringify(line));
});

test('headings, rules, fences and footers end the turn before them; links, images, comments and directives are passed over', () => {
  const closes = (line: string) => furnitureOf(line, 0, line.length)!.closesTurn;
  assert.deepEqual(['# Part two', '---', '```', 'Transcribed by Otter.ai'].map(closes), [true, true, true, true]);
  assert.deepEqual(
    ['https://example.org', '![cover](cover.png)', '<!-- note -->', 'Website: https://example.org', '.. rst-class:: indented'].map(closes),
    [false, false, false, false, false],
  );
});

test('only the part of the line from its start to its end is read', () => {
  // A line read from the middle: what comes before `start` and after `end` is not looked at.
  const line = 'xx---yy';
  assert.equal(furnitureOf(line, 2, 5)?.kind, 'rule');
  assert.equal(furnitureOf('## https://example.org', 3, 22)?.kind, 'link');
  assert.equal(furnitureOf('Website: https://example.org and on', 0, 28)?.kind, 'link');
  assert.equal(furnitureOf('Website: https://example.org and on', 0, 35), undefined);
});

test('front matter opens with `---` alone and closes with `---` or `...`', () => {
  assert.equal(isFrontMatterFence('---', false), true);
  assert.equal(isFrontMatterFence('---', true), true);
  assert.equal(isFrontMatterFence('...', true), true);
  assert.equal(isFrontMatterFence('...', false), false);
  assert.equal(isFrontMatterFence('----', true), false);
  assert.equal(isFrontMatterFence('', true), false);
});
