import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTranscript } from '../../server/src/service/parser';
import { turnWordCodes, turnWords } from '../../server/src/service/words';

/*
 * The overlap check compares words by their codes (`turnWordCodes`), made without strings for
 * ASCII words, while fixes and messages use `turnWords`. The two must see the same words in the
 * same order, and two codes must be equal exactly when the words compare equal.
 */

const TOKENS = ['Hello,', 'hello', '"HELLO"', 'héllo', 'Héllo!', '“Hello”', 'score', 'scoring', 'Łukasz', '(Łukasz)', '你好!', '你好',
  '😀word😀', 'word', '--', '...', 'it’s', "it's", 'A', 'a', '1,000', '1000', '\ud800x', 'x'];

const turnOf = (words: readonly string[]) => parseTranscript(`Speaker 1: ${words.join(' ')}`).turns[0]!;

test('word codes follow the words of a turn one for one, equal exactly when the compared forms are equal', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/\s/.test(s))), { minLength: 1, maxLength: 30 }), (tokens) => {
      const turn = turnOf(tokens);
      const words = turnWords(turn);
      const codes = turnWordCodes(turn);
      assert.equal(codes.words.length, words.length);
      for (let a = 0; a < words.length; a++) {
        for (let b = 0; b < words.length; b++) {
          assert.equal(codes.words[a] === codes.words[b], words[a]!.norm === words[b]!.norm, `${words[a]!.norm} / ${words[b]!.norm}`);
          const stemA = words[a]!.norm.length >= 4 ? words[a]!.norm.slice(0, 4) : undefined;
          const stemB = words[b]!.norm.length >= 4 ? words[b]!.norm.slice(0, 4) : undefined;
          assert.equal(codes.stems[a] !== -1 && codes.stems[a] === codes.stems[b], stemA !== undefined && stemA === stemB);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a quoted, capitalised or punctuated word has the code of the bare word, and near words share a stem', () => {
  const codes = turnWordCodes(turnOf(['Hello,', '"HELLO"', '“Hello”', 'hello', 'scoring', 'score', 'Łukasz', '(łukasz)']));
  assert.equal(new Set(Array.from(codes.words).slice(0, 4)).size, 1);
  assert.notEqual(codes.words[4], codes.words[5]);
  assert.equal(codes.stems[4], codes.stems[5]);
  assert.equal(codes.words[6], codes.words[7]);
});
