import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FORMAT_DOCS, LAYOUTS_READ, notATranscriptReason } from '../../server/src/service/features/notATranscript';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { lines } from './helpers';

/*
 * When a text is refused as no transcript, at the edges of each rule: ten lines in no turn that
 * outnumber the turns, and `Key: value` lines (six labels said once and no time, or turns holding
 * less than half of the lines with words).
 */

const reason = (text: string) => notATranscriptReason(parseTranscript(text), text);

/** `n` paragraphs after a sentiment note: text in no turn. */
const strays = (n: number) => Array.from({ length: n }, (_, i) => [`A stray line ${i + 1}.`, '']).flat();

const strayRefusal = (stray: number, turns: string) =>
  `not a transcript: ${stray} lines are in no speaker turn, more than the ${turns} found (turns are read as ${LAYOUTS_READ}; see ${FORMAT_DOCS})`;

test('ten lines in no turn, more than the turns, make a text prose; nine do not', () => {
  assert.equal(reason(lines('[00:00:01] Speaker 1: Hello there.', 'Sentiment: Positive', '', ...strays(10))), strayRefusal(10, '1 speaker turn'));
  assert.equal(reason(lines('[00:00:01] Speaker 1: Hello there.', 'Sentiment: Positive', '', ...strays(9))), undefined);
  assert.equal(
    reason(lines('[00:00:01] Speaker 1: Hello there.', '[00:00:02] Speaker 2: Hi.', 'Sentiment: Positive', '', ...strays(10))),
    strayRefusal(10, '2 speaker turns'),
  );
});

test('as many stray lines as turns is a transcript with faults', () => {
  const turns = Array.from({ length: 10 }, (_, i) => [
    `Speaker ${(i % 2) + 1}: Turn ${i + 1}.`,
    'Sentiment: Neutral',
    `A stray line ${i + 1}.`,
  ]).flat();
  assert.equal(reason(lines(...turns)), undefined);
});

test('only lines in no turn count as stray, not other problems such as a malformed stamp', () => {
  const text = lines('[00:00:01] Speaker 1: Hello there.', '[00:99:99] Speaker 2: Hi.', 'Sentiment: Positive', '', ...strays(9));
  assert.equal(reason(text), undefined);
});

test('six labels said once with no time read as a report; five such lines do not', () => {
  const report = ['Episode: 14', 'Generated: today', 'Primary: yes', 'Secondary: no', 'Host: Ann', 'Guest: Bob'];
  assert.equal(
    reason(lines(...report)),
    "not a transcript: its 6 `Label: text` lines name 6 different labels and no time, as a report's `Key: value` lines do; in a conversation someone speaks twice (see docs/format.md)",
  );
  assert.equal(reason(lines(...report.slice(0, 5))), undefined);
});

test('a few labels said once are a report when their lines are under half of the lines with words; blank lines do not count', () => {
  // Two turn lines of four with words: half, a transcript.
  assert.equal(reason(lines('Notes', 'More notes', 'Ann: Hello.', 'Bob: Hi.')), undefined);
  assert.equal(reason(lines('Notes', '  ', '\t', '  ', 'Ann: Hello.', 'Bob: Hi.')), undefined);
  // Two of five: a page of notes.
  assert.match(
    reason(lines('Notes', 'More notes', 'And more', 'Ann: Hello.', 'Bob: Hi.')) ?? '',
    /^not a transcript: its 2 `Label: text` lines name 2 different labels/,
  );
});
