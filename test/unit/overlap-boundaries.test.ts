import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import type { TranscriptSettings } from '../../server/src/service/settings';
import { analyze, lines, textAt } from './helpers';
import { FRESH, NEXT, passage, sentence, twoChunks } from './overlapPassages';

/*
 * The overlap check's published limits (docs/diagnostics.md, "How seams are found"), each pinned
 * at its edge: a chunk that opens by repeating the end of the one before is a `duplicate-overlap`
 * when at least `transcript.overlap.minWords` words match, and three fifths of the longer side
 * (four fifths for a repeat of fewer than 14 words); the first `windowWords` words after the
 * boundary are where a repeat may begin past the chunk's first words. The passages are made of
 * words that occur nowhere else, so that nothing but the rule under test decides.
 */

function overlaps(text: string, settings: Partial<TranscriptSettings> = {}) {
  return computeDiagnostics(analyze(text, settings)).filter((d) => d.code === 'duplicate-overlap');
}

describe('transcript.overlap.minWords: exactly that many matched words are a repeat, one fewer is not', () => {
  // A repeat of fewer than five words is never one (it must have five words at its very start),
  // so the edge shows from minWords 6 on, and at the default 5 from below.
  for (const minWords of [5, 6, 7, 9, 13, 20]) {
    test(`minWords ${minWords}: a ${minWords}-word repeat is flagged, a ${minWords - 1}-word one is not`, () => {
      const exact = passage(minWords);
      const flagged = overlaps(twoChunks(exact, exact), { overlapMinWords: minWords });
      assert.equal(flagged.length, 1, `${minWords} words at minWords ${minWords}`);
      assert.equal(flagged[0]!.message, `This text repeats the end of the previous chunk (line 1): ${minWords} of ${minWords} words match.`);
      const shorter = passage(minWords - 1);
      assert.deepEqual(overlaps(twoChunks(shorter, shorter), { overlapMinWords: minWords }), [], `${minWords - 1} words at minWords ${minWords}`);
    });
  }

  test('the default is 5: five words are a repeat, four are not', () => {
    assert.equal(overlaps(twoChunks(passage(5), passage(5))).length, 1);
    assert.deepEqual(overlaps(twoChunks(passage(4), passage(4))), []);
  });

  test('raising minWords above a repeat’s length hides it; the same text at the default shows it', () => {
    const text = twoChunks(passage(12), passage(12));
    assert.equal(overlaps(text).length, 1);
    assert.equal(overlaps(text, { overlapMinWords: 12 }).length, 1);
    assert.deepEqual(overlaps(text, { overlapMinWords: 13 }), []);
  });
});

describe('the share of exact matches: three fifths of the longer side, four fifths below 14 matched words', () => {
  /** Positions spread evenly over `length` words, never the first or the last: `count` of them. */
  function spread(length: number, count: number): Set<number> {
    const positions = new Set<number>();
    for (let k = 0; k < count; k++) positions.add(1 + Math.floor(((k + 0.5) * (length - 2)) / count));
    assert.equal(positions.size, count);
    return positions;
  }

  test('35 words a side: 21 matching (60 %) is a repeat, 20 (57 %) is not', () => {
    const original = passage(35);
    const at60 = overlaps(twoChunks(original, passage(35, spread(35, 14))));
    assert.equal(at60.length, 1);
    assert.equal(at60[0]!.message, 'This text repeats the end of the previous chunk (line 1): 21 of 35 words match.');
    assert.deepEqual(overlaps(twoChunks(original, passage(35, spread(35, 15)))), [], '20 of 35');
  });

  test('30 words a side: 18 matching (60 %) is a repeat, 17 (57 %) is not', () => {
    const original = passage(30);
    assert.equal(overlaps(twoChunks(original, passage(30, spread(30, 12)))).length, 1, '18 of 30');
    assert.deepEqual(overlaps(twoChunks(original, passage(30, spread(30, 13)))), [], '17 of 30');
  });

  test('a short repeat must be nearly word for word: 12 of 15 (80 %) is one, 12 of 16 (75 %) is not', () => {
    // 15 and 16 words a side, 12 matching: fewer than 14, so four fifths are needed.
    const at80 = overlaps(twoChunks(passage(15), passage(15, spread(15, 3))));
    assert.equal(at80.length, 1);
    assert.equal(at80[0]!.message, 'This text repeats the end of the previous chunk (line 1): 12 of 15 words match.');
    assert.deepEqual(overlaps(twoChunks(passage(16), passage(16, spread(16, 4)))), [], '12 of 16');
  });
});

describe('transcript.overlap.windowWords: the words each side of the boundary that the alignment sees', () => {
  // docs/diagnostics.md: the last windowWords words before the boundary are aligned with the first
  // windowWords after it; beyond the window, a repeat is found from three words in a row at the
  // chunk's start that the text before it has too. A re-transcription that changed every third
  // word has no three such words: it is found only inside the window, when the whole of it fits.
  const original = passage(30);
  const everyThirdChanged = new Set(Array.from({ length: 10 }, (_, k) => 3 * k + 1));
  const text = twoChunks(original, passage(30, everyThirdChanged));

  test('the default window of 60 holds the whole re-transcription: 20 of its 30 words match', () => {
    const [flagged, ...more] = overlaps(text);
    assert.deepEqual(more, []);
    assert.equal(textAt(text, flagged!.range), sentence(passage(30, everyThirdChanged)));
    assert.equal(flagged!.message, 'This text repeats the end of the previous chunk (line 1): 20 of 30 words match.');
  });

  test('a window of 30 words still holds it; 29 does not, nor does 15', () => {
    assert.equal(overlaps(text, { overlapWindowWords: 30 }).length, 1);
    assert.deepEqual(overlaps(text, { overlapWindowWords: 29 }), []);
    assert.deepEqual(overlaps(text, { overlapWindowWords: 15 }), []);
  });

  test('a word-for-word repeat is found whole whatever the window, even one longer than it', () => {
    const long = passage(40);
    for (const window of [10, 20, 60]) {
      const found = overlaps(twoChunks(long, long), { overlapWindowWords: window });
      assert.equal(found.length, 1, `window ${window}`);
      assert.equal(found[0]!.message, 'This text repeats the end of the previous chunk (line 1): 40 of 40 words match.', `window ${window}`);
    }
  });

  test('a repeat may begin at most ten words into the chunk', () => {
    // docs/diagnostics.md: a repeat of 14 words or more may start a few words in.
    assert.equal(overlaps(twoChunks(original, original, FRESH.slice(0, 10))).length, 1);
    assert.deepEqual(overlaps(twoChunks(original, original, FRESH.slice(0, 11))), []);
  });
});

describe('a short repeat must open the chunk as a re-transcription does (docs/diagnostics.md, "How seams are found")', () => {
  test('under 14 matched words it starts within two words of the chunk and leaves five matched after them; from 14 on it may start later', () => {
    // Seven words: two words in is a repeat, three is not.
    assert.equal(overlaps(twoChunks(passage(7), passage(7), FRESH.slice(0, 2))).length, 1);
    assert.deepEqual(overlaps(twoChunks(passage(7), passage(7), FRESH.slice(0, 3))), []);
    // Six words: one word in leaves five after it; two do not.
    assert.equal(overlaps(twoChunks(passage(6), passage(6), FRESH.slice(0, 1))).length, 1);
    assert.deepEqual(overlaps(twoChunks(passage(6), passage(6), FRESH.slice(0, 2))), []);
    // Three words in: 13 matched words are not a repeat, 14 are.
    assert.deepEqual(overlaps(twoChunks(passage(13), passage(13), FRESH.slice(0, 3))), []);
    assert.equal(overlaps(twoChunks(passage(14), passage(14), FRESH.slice(0, 3))).length, 1);
  });

  test('a short repeat of fewer than three different words is no passage: `crosstalk` six times is not flagged, three words twice are', () => {
    const noise = Array<string>(6).fill('crosstalk');
    assert.deepEqual(overlaps(twoChunks(noise, noise)), []);
    const threeWords = [...passage(3), ...passage(3)];
    assert.equal(overlaps(twoChunks(threeWords, threeWords)).length, 1);
  });

  test('a phrase under eight words that ended a sentence and goes on in the same sentence is a quote, not a repeat', () => {
    const quoted = (count: number, after: string) =>
      lines(
        `[00:00:01] Speaker 1: We met in the small hall. ${sentence(passage(count))}`,
        NEXT,
        `[00:00:30] Speaker 1: ${passage(count).join(' ')}${after}`,
      );
    // Seven words going on: quoted. Eight: a re-transcription that ran the sentence on.
    assert.deepEqual(overlaps(quoted(7, ' bicycle trumpet spinach blanket.')), []);
    assert.equal(overlaps(quoted(8, ' bicycle trumpet spinach blanket.')).length, 1);
    // Seven words that end the turn, the next turn going on, are a repeat.
    assert.equal(overlaps(`${quoted(7, '')}\n[00:00:35] Speaker 2: Bicycle trumpet spinach blanket.`).length, 1);
  });
});

describe('beyond the window: a repeat of any length, of the chunk before or, when that chunk is short, of the turns before it', () => {
  // docs/diagnostics.md, "How seams are found": past the window, the repeat is found from three
  // words in a row at the chunk's start that the text before has too, and grown from there. The
  // text before it is read back over the chunk before, and over at least 600 words when that
  // chunk is shorter. Made-up words, each used once, so that only the repeat can match.
  const SYLLABLES = ['ba', 'ke', 'lo', 'mi', 'nu', 'pa', 're', 'so', 'ti', 'vu', 'da', 'fe', 'go', 'hi', 'ju', 'ka', 'le', 'mo', 'ni', 'pu'];
  const made = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => {
      let n = from + k;
      let word = 'zo';
      do {
        word += SYLLABLES[n % SYLLABLES.length];
        n = Math.floor(n / SYLLABLES.length);
      } while (n > 0);
      return word;
    });
  /** Turns of at most `per` words each, in one chunk. */
  const turns = (words: readonly string[], per = words.length) =>
    Array.from({ length: Math.ceil(words.length / per) }, (_, k) => `Speaker 1: ${sentence(words.slice(k * per, (k + 1) * per))}`);
  const found = (text: string) =>
    overlaps(text).map((d) => [d.range.start.line, d.message.replace(/^This text repeats the end of the previous chunk \(line \d+\): /, '')]);

  test('a word-for-word repeat is found whole at 61, 150, 700 and 3,000 words', () => {
    for (const length of [61, 150, 700, 3000]) {
      const original = made(0, length);
      const text = twoChunks(original, original);
      assert.deepEqual(found(text), [[2, `${length} of ${length} words match.`]], `${length} words`);
      // The repeat in turns of ten words: the chunk is read turn by turn until it holds as many
      // words as the text before could have repeated.
      const inTurns = lines(...turns(original), NEXT, ...turns([...original, ...made(length, 30)], 10));
      const spanned = Math.ceil(length / 10);
      assert.deepEqual(
        found(inTurns)[0],
        [2, `${length} of ${length} words match (turn 1 of the ${spanned} it spans).`],
        `${length} words in turns of ten`,
      );
    }
  });

  test('after a short chunk, a repeat that begins in the chunk before it, within 600 words of the boundary, is found whole', () => {
    // A chunk of 800 words in turns of 100, a chunk of 100, then a chunk repeating the last 500
    // words: 400 of the first chunk and all of the second. The turns read back from the boundary
    // stop at the first that brings them to 600 words, so a repeat of 700 begins before them.
    const first = made(0, 800);
    const second = made(800, 100);
    const text = (repeatWords: number) =>
      lines(
        ...turns(first, 100),
        NEXT,
        ...turns(second),
        NEXT,
        `Speaker 1: ${sentence([...first, ...second].slice(-repeatWords))} Then we went home.`,
      );
    assert.deepEqual(found(text(500)), [[11, '500 of 500 words match.']]);
    assert.deepEqual(found(text(700)), []);
  });

  test('after a chunk of 600 words or more, text before that chunk is not read: a repeat beginning there is not looked for', () => {
    const first = made(0, 200);
    const second = made(200, 600);
    const repeat = [...first.slice(150), ...second];
    const text = lines(...turns(first, 100), NEXT, ...turns(second, 100), NEXT, `Speaker 1: ${sentence(repeat)} Then we went home.`);
    assert.deepEqual(found(text), []);
    // Begun in the chunk before, the same length of repeat is found.
    const within = second.slice(-repeat.length + 50);
    const shorter = lines(...turns(first, 100), NEXT, ...turns(second, 100), NEXT, `Speaker 1: ${sentence(within)} Then we went home.`);
    assert.deepEqual(found(shorter), [[10, `${within.length} of ${within.length} words match.`]]);
  });
});
