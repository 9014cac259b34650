import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/service/features/hover';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { analyze, lines, withCursor } from './helpers';

/*
 * Issue 21, item 8: a hover says what the editor does not already show, about the scope it
 * names, in marks any font has.
 */

const NEXT = 'This chunk continues in the next part.';

/** Any pictograph or emoji presentation: a hover must read the same without an emoji font. */
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}]/u;

test("a sentiment hover counts the person's notes in every chunk the evidence ties to them, and says where", () => {
  // Chunk 2's Speaker 1 repeats chunk 1's Speaker 2 at the seam: one person, two chunks.
  const { text, position } = withCursor(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
      'Sentiment: Positive',
      'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
      'Sentiment: Negative',
      NEXT,
      'Speaker 1: And nobody paid us a penny for any of that work on the wall.',
      'Sentiment: Frus$0trated',
      'Speaker 2: Then the council finally noticed what we had done.',
      'Sentiment: Positive',
    ),
  );
  const contents = hover(analyze(text), position)!.contents;
  assert.match(contents, /2 sentiment notes in 2 chunks: 2 negative \(100 %\)/);
  assert.doesNotMatch(contents, /across the transcript/, 'the person speaks in two chunks of two, but the count must not claim more than it covers');
  assert.doesNotMatch(contents, EMOJI);
});

test('a sentiment note of one chunk says it counts that chunk', () => {
  const { text, position } = withCursor(
    lines(
      'Speaker 1: We start.',
      'Sentiment: Excited',
      'Speaker 1: We go on.',
      'Sentiment: Pos$0itive',
      NEXT,
      'Speaker 1: Someone else.',
      'Sentiment: Negative',
    ),
  );
  const contents = hover(analyze(text), position)!.contents;
  assert.match(contents, /\*\*Speaker 1\*\*: 2 sentiment notes in chunk 1: 2 positive \(100 %\)/);
});

test('a plain polarity label is not repeated back: the hover gives the mix, or nothing when there is nothing to add', () => {
  const twice = withCursor(lines('Ann: Good morning.', 'Sentiment: Positive', 'Ann: Bad news.', 'Sentiment: Neg$0ative'));
  const contents = hover(analyze(twice.text), twice.position)!.contents;
  assert.doesNotMatch(contents, /^> /m, 'the label is not quoted when it is the polarity word itself');
  assert.match(contents, /1 positive \(50 %\) · 1 negative \(50 %\)/);

  const once = withCursor(lines('Ann: Good morning.', 'Sentiment: Posi$0tive'));
  assert.equal(hover(analyze(once.text), once.position), undefined, 'a lone `Positive` has nothing a hover could add');
});

test('polarity marks in hovers are plain characters, the same as the speakers view uses', () => {
  const { text, position } = withCursor(
    lines('Speaker 1: "Hard times."', 'Sentiment: Frustrated turning into Hop$0eful', 'Speaker 1: "Fine."', 'Sentiment: Positive'),
  );
  const contents = hover(analyze(text), position)!.contents;
  assert.match(contents, /\*\*± Mixed\*\* sentiment/);
  assert.match(contents, /1 positive \(50 %\) · 1 mixed \(50 %\)/);
  assert.doesNotMatch(contents, EMOJI);
});

test('the hover of a backwards stamp does not repeat the diagnostic the editor shows beside it', () => {
  const { text, position } = withCursor(lines('[00:02:50] A: one', '[00:02:$044] B: two'));
  const analysis = analyze(text);
  const [diagnostic] = computeDiagnostics(analysis);
  assert.equal(diagnostic?.message, '00:02:44 is 6 s earlier than 00:02:50 (line 1)');
  const contents = hover(analysis, position)!.contents;
  assert.match(contents, /\*\*00:02:44\*\*/);
  assert.doesNotMatch(contents, /6 s|00:02:50|Out of order/, `the hover restates the warning: ${contents}`);
  assert.doesNotMatch(contents, EMOJI);
});

test("the backwards stamp's related information reads as a sentence", () => {
  const text = lines('[00:02:50] A: one', '[00:02:44] B: two');
  const [diagnostic] = computeDiagnostics(analyze(text));
  assert.equal(diagnostic?.related?.[0]?.message, 'Earlier in the file, and 6 s later: 00:02:50');
});

test('the speaker hover gives talk time as the speakers view does, and no emoji', () => {
  const { text, position } = withCursor(lines('[00:00:00] Spea$0ker 1: Hello.', '[00:00:16] Speaker 2: Hi.', '[00:00:20] Speaker 1: Bye.'));
  const contents = hover(analyze(text), position)!.contents;
  assert.match(contents, /2 turns in chunk 1 · talk time 16 s/);
  assert.doesNotMatch(contents, EMOJI);
});
