/*
 * Invented speech for the seam and join tests: words from a small vocabulary in a fixed
 * pseudo-random order, so that a test can repeat a passage, or re-transcribe it, and know that
 * nothing but the repeat matches.
 */

const WORDS = [
  'harbour',
  'lantern',
  'orchard',
  'pebble',
  'meadow',
  'canvas',
  'ribbon',
  'thistle',
  'marble',
  'copper',
  'willow',
  'saddle',
  'quarry',
  'feather',
  'hollow',
  'timber',
  'garnet',
  'juniper',
  'lattice',
  'beacon',
  'cobble',
  'falcon',
  'granite',
  'heron',
  'ivory',
  'kettle',
  'linen',
  'mosaic',
  'nutmeg',
  'oyster',
];

/** `count` words of invented speech in sentences of seven, each starting with a capital; the same `seed` gives the same text. */
export function speech(count: number, seed: number): string {
  const out: string[] = [];
  let state = seed;
  for (let k = 0; k < count; k++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    let word = WORDS[state % WORDS.length]!;
    if (k % 7 === 0) word = word[0]!.toUpperCase() + word.slice(1);
    if (k % 7 === 6 || k === count - 1) word += '.';
    out.push(word);
  }
  return out.join(' ');
}

/** The same words with a filler added after every `every`th word: a re-transcription. */
export function retranscribed(text: string, every: number): string {
  return text
    .split(' ')
    .flatMap((word, k) => (k % every === every - 1 ? [word, 'um,'] : [word]))
    .join(' ');
}
