import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTranscript } from '../../server/src/service/parse/parser';
import type { Turn } from '../../server/src/service/model';
import { edgeWords, normalizeWord, turnWordCount, turnWords, wordCodesInto, wordCore } from '../../server/src/service/checks/words';
import { propertyRuns } from './propertyRuns';

/*
 * The overlap check compares words by their codes (`wordCodesInto`), made without strings for
 * ASCII words, while fixes and messages use `turnWords`. The two must see the same words in the
 * same order, and two codes must be equal exactly when the words compare equal.
 */

const TOKENS = [
  'Hello,',
  'hello',
  '"HELLO"',
  'héllo',
  'Héllo!',
  '“Hello”',
  'score',
  'scoring',
  'Łukasz',
  '(Łukasz)',
  '你好!',
  '你好',
  '😀word😀',
  'word',
  '--',
  '...',
  'it’s',
  "it's",
  'A',
  'a',
  '1,000',
  '1000',
  '\ud800x',
  'x',
];

/** The codes `wordCodesInto` hands the overlap check, gathered in two arrays. */
function wordCodes(turn: Turn, limit: number, fromEnd: boolean): { words: number[]; stems: number[] } {
  const codes = { words: [] as number[], stems: [] as number[] };
  wordCodesInto(turn, limit, fromEnd, {
    add: (word, stem) => {
      codes.words.push(word);
      codes.stems.push(stem);
    },
  });
  return codes;
}

const turnOf = (words: readonly string[]) => parseTranscript(`Speaker 1: ${words.join(' ')}`).turns[0]!;

test('the codes of the first or last words of a turn are those of all its words, cut and (from the end) reversed', () => {
  const line = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '  ', '\t')), { maxLength: 12 }).map((t) => t.join(' '));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 15 }), (lines, limit) => {
      const turn = parseTranscript(`Speaker 1: ${lines.join('\n')}`).turns[0];
      if (!turn) return;
      const all = wordCodes(turn, Infinity, false);
      const first = wordCodes(turn, limit, false);
      const last = wordCodes(turn, limit, true);
      assert.deepEqual(Array.from(first.words), Array.from(all.words).slice(0, limit));
      assert.deepEqual(Array.from(first.stems), Array.from(all.stems).slice(0, limit));
      assert.deepEqual(Array.from(last.words), Array.from(all.words).reverse().slice(0, limit));
      assert.deepEqual(Array.from(last.stems), Array.from(all.stems).reverse().slice(0, limit));
    }),
    { numRuns: propertyRuns(300) },
  );
});

test("a turn's word count and its first and last words, read without making its words, are those of turnWords", () => {
  const line = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '  ', '\t')), { maxLength: 12 }).map((t) => t.join(' '));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
      const turn = parseTranscript(`Speaker 1: ${lines.join('\n')}`).turns[0];
      if (!turn) return;
      const words = turnWords(turn);
      assert.equal(turnWordCount(turn), words.length);
      assert.deepEqual(edgeWords(turn), words.length === 0 ? undefined : { first: words[0]!.raw, last: words[words.length - 1]!.raw });
    }),
    { numRuns: propertyRuns(300) },
  );
  assert.deepEqual(edgeWords(turnOf(['--', 'Well,', 'I', 'said', 'so.', '...'])), { first: 'Well,', last: 'so.' });
});

test('word codes follow the words of a turn one for one, equal exactly when the compared forms are equal', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.constantFrom(...TOKENS),
          fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/\s/.test(s)),
        ),
        { minLength: 1, maxLength: 30 },
      ),
      (tokens) => {
        const turn = turnOf(tokens);
        const words = turnWords(turn);
        const codes = wordCodes(turn, Infinity, false);
        assert.equal(codes.words.length, words.length);
        for (let a = 0; a < words.length; a++) {
          for (let b = 0; b < words.length; b++) {
            assert.equal(codes.words[a] === codes.words[b], words[a]!.norm === words[b]!.norm, `${words[a]!.norm} / ${words[b]!.norm}`);
            const stemA = words[a]!.norm.length >= 4 ? words[a]!.norm.slice(0, 4) : undefined;
            const stemB = words[b]!.norm.length >= 4 ? words[b]!.norm.slice(0, 4) : undefined;
            assert.equal(codes.stems[a] !== -1 && codes.stems[a] === codes.stems[b], stemA !== undefined && stemA === stemB);
          }
        }
      },
    ),
    { numRuns: propertyRuns(300) },
  );
});

test('a word compares as its letters and digits, lower-cased, whole when its letters lie beyond the BMP', () => {
  // 𠀀 and 𠀁 (CJK, U+20000 and U+20001) and 𝐀 (U+1D400) are letters of two UTF-16 code units each:
  // read a unit at a time from the end, the last one would look like no letter and be cut off.
  assert.equal(normalizeWord('“𠀀𠀁”,'), '𠀀𠀁');
  assert.equal(normalizeWord('𝐀!'), '𝐀');
  // U+203FF, a letter whose low half is the last one there is, 0xDFFF.
  assert.equal(normalizeWord('\u{203ff}.'), '\u{203ff}');
  assert.deepEqual(wordCore('(𠀀)'), { start: 1, end: 3 });
  assert.equal(normalizeWord('(Łukasz)'), 'łukasz');
  // The examples of `wordCore`'s documentation, and tokens with no letter or digit.
  assert.deepEqual(wordCore('“thank'), { start: 1, end: 6 });
  assert.deepEqual(wordCore('you.”'), { start: 0, end: 3 });
  assert.deepEqual(wordCore('...'), { start: 3, end: 3 });
  assert.equal(normalizeWord('...'), '');
  assert.equal(normalizeWord(''), '');
  // Broken text: half of a surrogate pair on its own is no letter, whatever stands before it.
  assert.equal(normalizeWord('word\udc00'), 'word');
  assert.equal(normalizeWord('\ud800word'), 'word');
});

test('a quoted, capitalised or punctuated word has the code of the bare word, and near words share a stem', () => {
  const codes = wordCodes(turnOf(['Hello,', '"HELLO"', '“Hello”', 'hello', 'scoring', 'score', 'Łukasz', '(łukasz)']), Infinity, false);
  assert.equal(new Set(Array.from(codes.words).slice(0, 4)).size, 1);
  assert.notEqual(codes.words[4], codes.words[5]);
  assert.equal(codes.stems[4], codes.stems[5]);
  assert.equal(codes.words[6], codes.words[7]);
});

test('a turn preview is its text joined, whitespace runs as one space, trimmed, and cut at a word before 48 characters', async () => {
  const { previewText } = await import('../../server/src/service/util/format');
  /** The definition, on the whole text: what the preview must equal though it reads only the start. */
  const reference = (segments: readonly string[], max = 48) => {
    const text = segments.join(' ').replace(/\s+/g, ' ').trim();
    if (text.length <= max) return text;
    const cut = text.lastIndexOf(' ', max);
    return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
  };
  const piece = fc.oneof(fc.constantFrom(' ', '\t', '\u00a0', '\ufeff', 'word', 'Übermut', '你好', '😀', ',', '"'), fc.string({ maxLength: 12 }));
  fc.assert(
    fc.property(
      fc.array(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        { minLength: 1, maxLength: 4 },
      ),
      (lines) => {
        const turn = parseTranscript(`Speaker 1: x`).turns[0]!;
        const segments = lines.map((text) => ({ text, range: turn.range }));
        assert.equal(previewText({ ...turn, segments }), reference(lines));
      },
    ),
    { numRuns: propertyRuns(500) },
  );
});

test("isWhitespace is JavaScript's \\s on every UTF-16 code unit", async () => {
  const { isWhitespace } = await import('../../server/src/service/util/text');
  for (let code = 0; code <= 0xffff; code++) {
    assert.equal(isWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16).padStart(4, '0')}`);
  }
});
