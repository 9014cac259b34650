import * as assert from 'node:assert/strict';
import { lines } from './helpers';

/*
 * Passages for the overlap check's tests (`overlap-boundaries.test.ts`, `lsp-settings.test.ts`):
 * words that occur nowhere else, so that nothing but the rule under test decides whether a chunk
 * that opens with them repeats the one before.
 */

export const NEXT = 'This chunk continues in the next part.';

/** Words used once each, for the passages: any two differ, and none shares a stem with another. */
const PASSAGE = (
  'harbour granite lantern orchard velvet copper meadow thimble walnut saffron juniper falcon cobalt ' +
  'pebble quarry tundra mosaic ember willow parsley glacier sparrow marble canyon hazel lagoon ' +
  'bramble cinder dune fjord garnet heron ivory jasmine kettle lichen nutmeg oyster prairie ' +
  'quartz raven sable thistle umber vortex'
).split(' ');
/** Words put in place of passage words: each unlike every passage word. */
const OTHERS = (
  'bicycle trumpet spinach blanket rocket tunnel pocket button ladder mirror pencil basket ' +
  'candle window hammer carpet bottle ticket wallet helmet saddle'
).split(' ');
/** Words that open or fill a chunk without repeating anything. */
export const FRESH = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa ' +
  'quebec romeo sierra tango uniform victor whiskey xray yankee zulu'
).split(' ');

/** `count` passage words, with the words at `changed` positions replaced: a re-transcription that heard them another way. */
export function passage(count: number, changed: ReadonlySet<number> = new Set()): string[] {
  assert.ok(count <= PASSAGE.length);
  let other = 0;
  return PASSAGE.slice(0, count).map((word, i) => (changed.has(i) ? OTHERS[other++]! : word));
}

export const sentence = (words: readonly string[]) => `${words.join(' ')}.`;

/**
 * Two chunks: the first ends with `original`, the second opens with `opening` (if any), then
 * `repeat`, then goes on. Both turns are long enough that only the passage can match.
 */
export function twoChunks(original: readonly string[], repeat: readonly string[], opening: readonly string[] = []): string {
  return lines(
    `[00:00:01] Speaker 1: We met in the small hall. ${sentence(original)}`,
    NEXT,
    `[00:00:30] Speaker 1: ${opening.length > 0 ? `${sentence(opening)} ` : ''}${sentence(repeat)} Then we went home.`,
  );
}

/**
 * A repeat over two turns after a marker (a warning on each turn), and a stamp said twice in a row
 * across the marker (a note): the problems shown and the fixes offered for one passage
 * (`diagnostics-shown.test.ts`, `fix-actions.test.ts`).
 */
export const TWO_TURN_REPEAT = lines(
  '[00:01:00] Speaker: The more you think about it, the better the outcome, whatever the task you are doing.',
  '[00:01:31] Speaker 2: How long have you guys been working on this project?',
  NEXT,
  '[00:01:31] Speaker 1: Whatever the task you are doing.',
  '[00:01:33] Speaker 2: How long have you guys been working on this project? Since the start.',
);

/**
 * Found by the Fix All property (properties.test.ts): two seed turns above Markdown turns, with no
 * marker between. The second seed turn is repeated by the first Markdown turn, which goes on, so
 * the mend deletes the seed copy whole; the one seed turn left is then one against six Markdown
 * turns, a layout so rare in its section that it reads as text: the document's title, its words in
 * no turn. With one Markdown turn fewer, it still reads as a turn.
 */
export function seedAboveMarkdown(markdownTurns: number): string {
  const more = [
    'They paid it the next week.',
    'Then the roof needed mending.',
    'Nobody came to help.',
    'We did it ourselves.',
    'It took all winter.',
  ];
  return lines(
    '[00:00:01] Speaker 1: We rebuilt the harbour wall.',
    '[00:00:09] Speaker 2: And the council never paid us a single penny for the work.',
    '',
    '**[00:09] SPEAKER_00:** And the council never paid us a single penny for the work. So we sent the bill.',
    ...more.slice(0, markdownTurns - 1).flatMap((sentence, k) => ['', `**[00:${15 + 5 * k}] SPEAKER_0${(k + 1) % 2}:** ${sentence}`]),
    '',
  );
}
