// Pipelines often emit a whole transcript as one line. Colouring such a line must take time in
// proportion to its length: a pattern that backtracks quadratically or worse would freeze the
// editor. The bound below is some ten times what a linear scan needs on a busy machine, and
// far below what a quadratic one needs at this length.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadTranscriptGrammar } from './textmate.mjs';

const grammar = await loadTranscriptGrammar();
const LENGTH = 100_000;
const BUDGET_MS = 5_000;

const fill = (/** @type {string} */ unit, tail = '') => unit.repeat(Math.ceil(LENGTH / unit.length)) + tail;

const lines = {
  'a transcript joined into one line': fill('[00:01:31] Speaker 1: "It was, in a word, great." (Positive sentiment) Sentiment: Hopeful '),
  'a sentiment line whose label never ends': `Sentiment: ${fill('wistful and ')}`,
  'a sentiment label of blanks': `Sentiment: a${' '.repeat(LENGTH)}b`,
  'opening parentheses': `Bob: ${fill('(')}`,
  'a parenthesized note that is not at the end': `Bob: (${fill('a ')}sentiment) and more`,
  'a parenthesized note after a long run of words': `Bob: (${fill('a ')}sentiment)`,
  'a bare note of known words that never closes': `Bob: (${fill('positive, ')}`,
  'a bracketed note that is not one': `[${fill('a ')}sentiment] x`,
  'opening brackets': fill('['),
  'a stamp of digits': `[${fill('1')}] Speaker 1: x`,
  'words that look like a label but never reach a colon': fill('Speaker '),
  colons: fill(':'),
  'quotation marks': fill('" '),
  'a Markdown transcript joined into one line': fill('**Dana Reyes:** So where? **[12:41] SPEAKER_01:** fine **0:18** · on (00:13:02): '),
  asterisks: fill('*'),
  'blanks after a label and no stamp': `Dana Reyes${' '.repeat(LENGTH)}x`,
  'blanks after a bold label and no stamp': `**Dana Reyes**${' '.repeat(LENGTH)}x`,
  'a bracketed range that never closes': `[${fill('0.00 --> ')}`,
  'a stamp then blanks': `00:12:41${' '.repeat(LENGTH)}`,
  'cues joined into one line': fill('17 00:12:41,000 --> 00:12:44.500 align:start <v Dana Reyes>So where?</v> [Dana Reyes] '),
  'a voice that never closes': `<v ${fill('Dana ')}`,
  'a heading of words': `# ${fill('Budget ')}`,
  backticks: fill('`'),
};

for (const [name, line] of Object.entries(lines)) {
  test(`${name} (${line.length} characters) is coloured within the budget`, () => {
    const started = performance.now();
    const { tokens } = grammar.tokenizeLine(line, null);
    const elapsed = performance.now() - started;
    assert.ok(tokens.length > 0);
    assert.ok(elapsed < BUDGET_MS, `took ${Math.round(elapsed)} ms`);
  });
}

test('a quotation left open colours nothing past its own line', () => {
  let state = grammar.tokenizeLine('Speaker 1: "An open quote that never closes', null).ruleStack;
  for (let i = 0; i < 200; i++) {
    const line = grammar.tokenizeLine('And then he said Speaker Speaker Speaker: more text (Positive', state);
    assert.ok(
      line.tokens.every((token) => !token.scopes.includes('string.quoted.double.transcript')),
      `line ${i + 2} is coloured as quoted`,
    );
    state = line.ruleStack;
  }
});

test('an open quotation in a cue carried over many lines is coloured within the budget', () => {
  const started = performance.now();
  let state = grammar.tokenizeLine('00:12:41.000 --> 00:12:44.500', null).ruleStack;
  state = grammar.tokenizeLine('Dana Reyes: "An open quote', state).ruleStack;
  for (let i = 0; i < 5_000; i++) {
    state = grammar.tokenizeLine('And then he said Speaker Speaker Speaker: more text (Positive **Dana Reyes 00:12:41', state).ruleStack;
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BUDGET_MS, `took ${Math.round(elapsed)} ms`);
  const last = grammar.tokenizeLine('still quoted', state);
  assert.ok(last.tokens[0].scopes.includes('string.quoted.double.transcript'), 'the quote is still open');
});
