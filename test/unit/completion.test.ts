import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTranscriptService, textDocument, type TranscriptCompletion } from '../../server/src/service';
import { completions } from '../../server/src/service/features/completion';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { lines } from './helpers';

/*
 * What completion offers at a cursor: speaker labels and names where a turn starts, sentiment
 * labels after `Sentiment:` and in an open `(` or `[` on a turn's line. Each item says what it
 * inserts, what it is, and from which character of the line it replaces what was typed.
 */

const NEXT = 'This chunk continues in the next part.';

/** Three chunks: chunk 1 names its Speaker 1, chunk 3 its Speaker 2. */
const THREE_CHUNKS = lines(
  'Speaker 1 (Ada Byron): One.', // 0
  'Speaker 2: Two.',
  NEXT,
  'Speaker 3: Three.', // 3: chunk 2 starts
  'Speaker 1: Four.',
  NEXT,
  'Speaker 2 (Cy Young): Five.', // 6: chunk 3 starts
  'Speaker 4: Six.',
);

/** Completion on `line` of `text` with `linePrefix` typed before the cursor. */
function offered(text: string, line: number, linePrefix: string): TranscriptCompletion[] {
  return completions(parseTranscript(text), { line, character: linePrefix.length }, linePrefix);
}

const speakerRows = (items: readonly TranscriptCompletion[]) => items.map((item) => [item.label, item.insertText, item.detail]);

test("on a chunk's first line, that chunk's labels come first as written, then the chunk before, then the one after", () => {
  const items = offered(THREE_CHUNKS, 3, '');
  assert.deepEqual(speakerRows(items), [
    ['Speaker 3', 'Speaker 3: ', 'Speaker label in this chunk'],
    ['Speaker 1', 'Speaker 1: ', 'Speaker label in this chunk'],
    // Chunk 1's Speaker 1 adds only its name: the label is offered already, as chunk 2 has it.
    ['Ada Byron', 'Ada Byron: ', 'Speaker name (Speaker 1)'],
    ['Speaker 2', 'Speaker 2: ', 'Speaker label, chunk 1'],
    ['Cy Young', 'Cy Young: ', 'Speaker name (Speaker 2)'],
    ['Speaker 4', 'Speaker 4: ', 'Speaker label, chunk 3'],
  ]);
  assert.ok(items.every((item) => item.kind === 'speaker' && item.replaceFrom === 0));
});

test('in the last chunk, the nearest chunk comes before the farther one, and a label takes the name this chunk gives it', () => {
  assert.deepEqual(speakerRows(offered(THREE_CHUNKS, 7, '[00:01:00] S')), [
    ['Speaker 2', 'Speaker 2: ', 'Speaker label in this chunk: Cy Young'],
    ['Cy Young', 'Cy Young: ', 'Speaker name (Speaker 2)'],
    ['Speaker 4', 'Speaker 4: ', 'Speaker label in this chunk'],
    ['Speaker 3', 'Speaker 3: ', 'Speaker label, chunk 2'],
    ['Speaker 1', 'Speaker 1: ', 'Speaker label, chunk 2'],
    ['Ada Byron', 'Ada Byron: ', 'Speaker name (Speaker 1)'],
  ]);
});

test('what was typed of a label is replaced: from after the stamp, or from the start of the line', () => {
  assert.deepEqual([...new Set(offered(THREE_CHUNKS, 7, '[00:01:00] Spe').map((item) => item.replaceFrom))], [11]);
  assert.deepEqual([...new Set(offered(THREE_CHUNKS, 4, '  Speaker 1').map((item) => item.replaceFrom))], [2]);
});

test('a cue with no voice offers no empty label; the voices are offered', () => {
  const text = lines('WEBVTT', '', '00:00:01.000 --> 00:00:03.000', 'Hi there.', '', '00:00:04.000 --> 00:00:05.000', '<v Ann>Hello.</v>', '');
  assert.deepEqual(speakerRows(offered(text, 8, '')), [['Ann', 'Ann: ', 'Speaker label in this chunk']]);
});

test('after Sentiment:, the labels this transcript uses come first, then the known words in title case, each once', () => {
  const text = lines(
    'Ann: Hi.',
    'Sentiment: Positive turning into Frustrated',
    'Bob: Yo. (Calm)',
    'Ann: So.',
    'Sentiment: Positive',
    'Bob: And.',
    'Sentiment: Calm at first but worried about the test',
    'Ann: Then.',
    'Sentiment: Calm at first but worried about the tests',
  );
  const items = offered(text, 9, 'Sentiment: Fru');
  assert.deepEqual(
    items.slice(0, 6).map((item) => [item.label, item.insertText, item.detail]),
    [
      ['Positive turning into Frustrated', 'Positive turning into Frustrated', 'Used in this transcript (mixed)'],
      ['Calm', 'Calm', 'Used in this transcript (neutral)'],
      ['Positive', 'Positive', 'Used in this transcript (positive)'],
      // Forty characters: still offered. The forty-one of the next note are not.
      ['Calm at first but worried about the test', 'Calm at first but worried about the test', 'Used in this transcript (negative)'],
      ['Excited', 'Excited', 'Sentiment label'],
      ['Exciting', 'Exciting', 'Sentiment label'],
    ],
  );
  assert.ok(!items.some((item) => item.label === 'Calm at first but worried about the tests'));
  assert.deepEqual(
    items.filter((item) => ['Frustrated', 'Hopeful', 'Positive', 'Calm'].includes(item.label)).map((item) => [item.label, item.detail]),
    [
      ['Calm', 'Used in this transcript (neutral)'],
      ['Positive', 'Used in this transcript (positive)'],
      ['Hopeful', 'Sentiment label'],
      ['Frustrated', 'Sentiment label'],
    ],
  );
  assert.equal(new Set(items.map((item) => item.label)).size, items.length, 'each label once');
  assert.ok(items.every((item) => item.kind === 'sentiment' && item.replaceFrom === 11));
});

test('in a transcript with no notes, the known words are offered from the first, title case', () => {
  const items = offered('Ann: Hi.', 1, 'Sentiment: ');
  assert.deepEqual(
    items.slice(0, 3).map((item) => [item.label, item.insertText, item.detail]),
    [
      ['Positive', 'Positive', 'Sentiment label'],
      ['Excited', 'Excited', 'Sentiment label'],
      ['Exciting', 'Exciting', 'Sentiment label'],
    ],
  );
  // `Matter-of-fact`: the first letter only is capitalised.
  assert.ok(items.some((item) => item.label === 'Matter-of-fact'));
  assert.deepEqual(
    items.filter((item) => !/^\p{Lu}[\p{Ll}-]+$/u.test(item.label)),
    [],
    'each a known word with its first letter capitalised',
  );
});

test('in an open parenthesis or bracket on a turn line, the label is inserted with what closes it, replacing what was typed', () => {
  const inParen = offered('Ann: Hi.', 1, 'Ann: Yes (Exc');
  assert.deepEqual(
    inParen.slice(0, 2).map((item) => [item.label, item.insertText, item.replaceFrom]),
    [
      ['Positive', 'Positive)', 10],
      ['Excited', 'Excited)', 10],
    ],
  );
  const inBracket = offered('Ann: Hi.', 1, 'Ann: Yes. [Po');
  assert.deepEqual(
    inBracket.slice(0, 2).map((item) => [item.label, item.insertText, item.replaceFrom]),
    [
      ['Positive', 'Positive sentiment]', 11],
      ['Excited', 'Excited sentiment]', 11],
    ],
  );
});

test('an open parenthesis on a line with no speaker offers nothing: it is speech, not a note', () => {
  assert.deepEqual(offered('Ann: Hi.', 1, 'and then we went (lau'), []);
});

test('the service offers the same items at the cursor of an open document', () => {
  const service = createTranscriptService();
  const document = textDocument('file:///complete.transcript', THREE_CHUNKS);
  assert.deepEqual(service.completions(document, { line: 3, character: 3 }, 'Spe').slice(0, 2), [
    { label: 'Speaker 3', kind: 'speaker', insertText: 'Speaker 3: ', detail: 'Speaker label in this chunk', replaceFrom: 0 },
    { label: 'Speaker 1', kind: 'speaker', insertText: 'Speaker 1: ', detail: 'Speaker label in this chunk', replaceFrom: 0 },
  ]);
});
