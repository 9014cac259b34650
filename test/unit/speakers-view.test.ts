import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import type { Derivation } from '../../server/src/service/analysis/analysis';
import { SPEAKERS, suggestionFor, type SpeakerSummary, type TurnSummary, type TurnSummaryCache } from '../../server/src/service/features/speakers';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { resolvePeopleOf } from '../../server/src/service/people/people';
import type { Link } from '../../server/src/service/people/evidence';
import { lines } from './helpers';

/*
 * The Speakers view, row by row, for small transcripts of each layout: who it lists and in what
 * order, what each row is called, how long each person talks, each turn's preview, and what it
 * suggests for the labels no evidence ties to anyone. Every expected value is written from the
 * transcript, not from the view's output.
 */

const NEXT = 'This chunk continues in the next part.';
const NO_SENTIMENT = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };

/** The rows the service lists for `text`, as a fresh document. */
function speakersOf(text: string): readonly SpeakerSummary[] {
  return createTranscriptService().speakers(textDocument('file:///view.transcript', text, 1));
}

/** A range from line and character pairs. */
function at(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A turn written on one line with nothing after it: the turn and its header are that line. */
function oneLineTurn(line: number, text: string): Pick<TurnSummary, 'range' | 'headerRange'> {
  return { range: at(line, 0, line, text.length), headerRange: at(line, 0, line, text.length) };
}

// `Name: [00:00:09] text`, each turn with a sentiment line. Line 4's stamp cannot be read (61
// minutes); line 8's goes back before line 6's; line 12's equals line 10's.
const NAMED = [
  'Bob McGrew: [00:00:09] All right, I am Bob McGrew, and I lead research here at the lab.',
  'Sentiment: Hopeful',
  'Hyung Won Chung: [00:00:31] Hi, and I work on the new models with the team.',
  'Sentiment: Hopeful',
  'Bob McGrew: [00:61:00] So what exactly is this project?',
  'Sentiment: Neutral',
  'Hyung Won Chung: [00:01:10] A series of models that think before they answer.',
  'Sentiment: Frustrated turning into Hopeful',
  'Bob McGrew: [00:01:05] Wait, that is earlier than the last stamp.',
  'Sentiment: Puzzled',
  'Hyung Won Chung: [00:01:20] It is, yes.',
  'Sentiment: Angry',
  'Bob McGrew: [00:01:20] Then we are even.',
  'Sentiment: Neutral',
] as const;

test('`Name: [00:00:09] text`: one row per name, talk time from each stamp to the next later one, previews cut at a word', () => {
  const turn = (line: number, sentiment: string) => ({
    range: at(line, 0, line + 1, sentiment.length + 11),
    headerRange: at(line, 0, line, NAMED[line]!.length),
  });
  assert.deepEqual(speakersOf(lines(...NAMED)), [
    {
      key: 'name:bob mcgrew',
      displayName: 'Bob McGrew',
      label: 'Bob McGrew',
      name: 'Bob McGrew',
      chunkIndices: [0],
      resolved: true,
      turnCount: 4,
      // 0:09 to 0:31 is 22 s; the unreadable stamp gives its turn nothing; 1:05 to 1:20 is 15 s;
      // the last turn has no stamp after it.
      talkSeconds: 37,
      sentimentMix: { positive: 1, negative: 0, neutral: 2, mixed: 0, other: 1 },
      turns: [
        {
          turnIndex: 0,
          chunkIndex: 0,
          ...turn(0, 'Hopeful'),
          seconds: 9,
          preview: 'All right, I am Bob McGrew, and I lead research…',
          sentiment: { label: 'Hopeful', polarity: 'positive' },
        },
        {
          turnIndex: 2,
          chunkIndex: 0,
          ...turn(4, 'Neutral'),
          preview: 'So what exactly is this project?',
          sentiment: { label: 'Neutral', polarity: 'neutral' },
        },
        {
          turnIndex: 4,
          chunkIndex: 0,
          ...turn(8, 'Puzzled'),
          seconds: 65,
          preview: 'Wait, that is earlier than the last stamp.',
          sentiment: { label: 'Puzzled', polarity: 'other' },
        },
        {
          turnIndex: 6,
          chunkIndex: 0,
          ...turn(12, 'Neutral'),
          seconds: 80,
          preview: 'Then we are even.',
          sentiment: { label: 'Neutral', polarity: 'neutral' },
        },
      ],
    },
    {
      key: 'name:hyung won chung',
      displayName: 'Hyung Won Chung',
      label: 'Hyung Won Chung',
      name: 'Hyung Won Chung',
      chunkIndices: [0],
      resolved: true,
      turnCount: 3,
      // 0:31 to the next readable stamp, 1:10, is 39 s; 1:10 is followed by an earlier stamp and
      // 1:20 by an equal one: neither counts, and neither takes time off.
      talkSeconds: 39,
      sentimentMix: { positive: 1, negative: 1, neutral: 0, mixed: 1, other: 0 },
      turns: [
        {
          turnIndex: 1,
          chunkIndex: 0,
          ...turn(2, 'Hopeful'),
          seconds: 31,
          preview: 'Hi, and I work on the new models with the team.',
          sentiment: { label: 'Hopeful', polarity: 'positive' },
        },
        {
          turnIndex: 3,
          chunkIndex: 0,
          ...turn(6, 'Frustrated turning into Hopeful'),
          seconds: 70,
          preview: 'A series of models that think before they…',
          sentiment: { label: 'Frustrated turning into Hopeful', polarity: 'mixed' },
        },
        {
          turnIndex: 5,
          chunkIndex: 0,
          ...turn(10, 'Angry'),
          seconds: 80,
          preview: 'It is, yes.',
          sentiment: { label: 'Angry', polarity: 'negative' },
        },
      ],
    },
  ]);
});

// `[hh:mm:ss] Speaker N: text` in two chunks; the labels restart in the second.
const STAMPED = [
  '[00:00:05] Speaker 1: Good morning, and thank you for coming in so early today.',
  '[00:00:12] Speaker 2: Morning. Happy to be here.',
  '[00:00:20] Speaker 1: Shall we start with the budget?',
  NEXT,
  '[00:00:31] Speaker 1: Yes, the budget. It is short this year.',
  '[00:00:40] Speaker 2: Shorter than last year?',
] as const;

test('`[hh:mm:ss] Speaker N: text` in chunks: each chunk’s label is its own row, named by label and chunk, timed across the marker', () => {
  const row = (chunk: number, label: string, turnCount: number, talkSeconds: number, turns: TurnSummary[]) => ({
    key: `chunk:${chunk}:${label.toLowerCase()}`,
    displayName: `${label} · chunk ${chunk + 1}`,
    label,
    chunkIndices: [chunk],
    resolved: false,
    turnCount,
    talkSeconds,
    sentimentMix: NO_SENTIMENT,
    turns,
  });
  const turn = (turnIndex: number, chunkIndex: number, line: number, seconds: number, preview: string): TurnSummary => ({
    turnIndex,
    chunkIndex,
    ...oneLineTurn(line, STAMPED[line]!),
    seconds,
    preview,
  });
  assert.deepEqual(speakersOf(lines(...STAMPED)), [
    // 0:05 to 0:12, and 0:20 to 0:31 in the next chunk.
    row(0, 'Speaker 1', 2, 7 + 11, [
      turn(0, 0, 0, 5, 'Good morning, and thank you for coming in so…'),
      turn(2, 0, 2, 20, 'Shall we start with the budget?'),
    ]),
    row(0, 'Speaker 2', 1, 8, [turn(1, 0, 1, 12, 'Morning. Happy to be here.')]),
    row(1, 'Speaker 1', 1, 9, [turn(3, 1, 4, 31, 'Yes, the budget. It is short this year.')]),
    row(1, 'Speaker 2', 1, 0, [turn(4, 1, 5, 40, 'Shorter than last year?')]),
  ]);
});

test('CRLF line ends, a CJK name and an emoji: the rows are those of the LF text, the preview keeps the emoji whole', () => {
  const text = ['王小明: [00:00:01] 你好 😀 and welcome.', 'Sentiment: Hopeful', 'Ada: [00:00:04] Thank you.', 'Sentiment: Hopeful'];
  const rows = speakersOf(text.join('\r\n'));
  assert.deepEqual(rows, speakersOf(lines(...text)));
  assert.deepEqual(
    rows.map((row) => [row.key, row.displayName, row.talkSeconds, row.turns[0]!.preview, row.turns[0]!.headerRange]),
    [
      // The header is 34 UTF-16 code units: 王小明 three, the emoji two.
      ['name:王小明', '王小明', 3, '你好 😀 and welcome.', at(0, 0, 0, 34)],
      ['name:ada', 'Ada', 0, 'Thank you.', at(2, 0, 2, 26)],
    ],
  );
});

// Cast lines and labels in two chunks. Chunk 2's `Speaker 2` is named Ada Lovelace as chunk 1's
// `Speaker 1` is; chunk 2's `Speaker 1` opens by repeating the last words of chunk 1's
// `Speaker 2`; the two `Speaker 3`s are tied to no one.
const CAST = [
  'Speaker 3: "Before we start, the coffee is in the back."',
  'Speaker 1 (Ada Lovelace): "Shall we begin with the engine and its mill?"',
  'Speaker 2: "Yes. We rebuilt the harbour wall over three summers, stone by stone."',
  NEXT,
  'Speaker 1: "We rebuilt the harbour wall over three summers, stone by stone."',
  'Speaker 3: "Something else entirely, said only here."',
  'Speaker 2 (Ada Lovelace): "And the store keeps them."',
] as const;

test('labels restarting per chunk: a name joins its labels, a repeat at the seam joins two, and the labels no one is tied to come last', () => {
  const turn = (turnIndex: number, chunkIndex: number, line: number, preview: string): TurnSummary => ({
    turnIndex,
    chunkIndex,
    ...oneLineTurn(line, CAST[line]!),
    preview,
  });
  const seam = "the turn at line 5 repeats chunk 1's Speaker 2's words at line 3";
  const rows = speakersOf(lines(...CAST));
  assert.deepEqual(rows, [
    {
      key: 'name:ada lovelace',
      displayName: 'Ada Lovelace',
      label: 'Speaker 1',
      name: 'Ada Lovelace',
      chunkIndices: [0, 1],
      members: [
        { chunkIndex: 0, label: 'Speaker 1', name: 'Ada Lovelace', turnCount: 1 },
        { chunkIndex: 1, label: 'Speaker 2', name: 'Ada Lovelace', turnCount: 1, reason: 'named Ada Lovelace at line 7 too' },
      ],
      resolved: true,
      turnCount: 2,
      talkSeconds: 0,
      sentimentMix: NO_SENTIMENT,
      turns: [turn(1, 0, 1, 'Shall we begin with the engine and its mill?'), turn(5, 1, 6, 'And the store keeps them.')],
    },
    {
      key: 'group:0:speaker 2',
      displayName: 'Speaker 2 · chunks 1, 2',
      label: 'Speaker 2',
      chunkIndices: [0, 1],
      members: [
        { chunkIndex: 0, label: 'Speaker 2', turnCount: 1, reason: seam },
        { chunkIndex: 1, label: 'Speaker 1', turnCount: 1, reason: seam },
      ],
      resolved: true,
      turnCount: 2,
      talkSeconds: 0,
      sentimentMix: NO_SENTIMENT,
      turns: [turn(2, 0, 2, 'Yes. We rebuilt the harbour wall over three…'), turn(3, 1, 4, 'We rebuilt the harbour wall over three summers,…')],
    },
    {
      key: 'chunk:0:speaker 3',
      displayName: 'Speaker 3 · chunk 1',
      label: 'Speaker 3',
      chunkIndices: [0],
      resolved: false,
      turnCount: 1,
      talkSeconds: 0,
      sentimentMix: NO_SENTIMENT,
      turns: [turn(0, 0, 0, 'Before we start, the coffee is in the back.')],
    },
    {
      key: 'chunk:1:speaker 3',
      displayName: 'Speaker 3 · chunk 2',
      label: 'Speaker 3',
      chunkIndices: [1],
      resolved: false,
      turnCount: 1,
      talkSeconds: 0,
      sentimentMix: NO_SENTIMENT,
      turns: [turn(4, 1, 5, 'Something else entirely, said only here.')],
    },
  ]);
});

test('a label that is a name is one person in every chunk; a generic one is a person per chunk, and `SPEAKER 1` is `Speaker 1`', () => {
  const rows = speakersOf(
    lines(
      'Researcher: We measured it twice.',
      'Speaker 1: And?',
      'SPEAKER 1: Twice the same.',
      NEXT,
      'Researcher: Then once more.',
      'Speaker 1: Fine.',
    ),
  );
  assert.deepEqual(
    rows.map((row) => [row.key, row.displayName, row.turnCount, row.chunkIndices]),
    [
      ['name:researcher', 'Researcher', 2, [0, 1]],
      ['chunk:0:speaker 1', 'Speaker 1 · chunk 1', 2, [0]],
      ['chunk:1:speaker 1', 'Speaker 1 · chunk 2', 1, [1]],
    ],
  );
});

test('an unknown label’s row suggests who it may be, from either side of the evidence; a name suggested is offered for Accept', () => {
  // Chunk 2's label opens with the end of chunk 1's, then says more: not enough to join them.
  const rows = speakersOf(
    lines(
      'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone, when the weather let us.',
      NEXT,
      'Speaker 2: Stone by stone, when the weather let us. Not true. The council paid for half of it and you know that.',
    ),
  );
  const why = "the turn at line 3 repeats chunk 1's Speaker 1's words at line 1";
  assert.deepEqual(
    rows.map(({ key, resolved, suggestion, suggestedName }) => ({ key, resolved, suggestion, suggestedName })),
    [
      { key: 'chunk:0:speaker 1', resolved: false, suggestion: `Maybe the same person as Speaker 2 of chunk 2: ${why}`, suggestedName: undefined },
      { key: 'chunk:1:speaker 2', resolved: false, suggestion: `Maybe the same person as Speaker 1 of chunk 1: ${why}`, suggestedName: undefined },
    ],
  );
  // Neither side has a name to offer, so the rows carry none (not even as `undefined`).
  for (const row of rows) assert.ok(!('suggestedName' in row), row.key);

  const named = speakersOf(
    lines(
      'Speaker 1 (Dana Reyes): We rebuilt the harbour wall over three summers, stone by stone, when the weather let us.',
      NEXT,
      'Speaker 2: Stone by stone, when the weather let us. Not true. The council paid for half of it and you know that.',
    ),
  );
  // The named person's own row is resolved and suggests nothing.
  assert.ok(!('suggestion' in named[0]!) && !('suggestedName' in named[0]!));
  assert.equal(named[1]!.suggestedName, 'Dana Reyes');
  assert.equal(named[1]!.suggestion, "Maybe the same person as Dana Reyes: the turn at line 3 repeats Dana Reyes's words at line 1");
});

test('of several suggestions about a label, the surest is shown; one that names someone offers that name', () => {
  const model = parseTranscript(lines('Speaker 1: Good evening.', NEXT, 'Speaker 1: Welcome back.', NEXT, 'Speaker 1: And good night.'));
  const people = resolvePeopleOf(model);
  assert.deepEqual(people.suggestions, []);
  const link = (from: number, to: number, confidence: number, reason: string): Link => ({ kind: 'wording', from, to, confidence, line: 0, reason });
  // Speaker 0 is chunk 1's label, 1 chunk 2's, 2 chunk 3's.
  const suggestions = [link(2, 1, 0.6, 'c'), link(1, 0, 0.5, 'a'), link(2, 0, 0.7, 'b'), link(0, 2, 0.4, 'd')];
  const withSuggestions = { ...people, suggestions };
  assert.deepEqual(suggestionFor(model, withSuggestions, 0), { suggestion: 'Maybe the same person as Speaker 1 of chunk 3: b' });
  assert.deepEqual(suggestionFor(model, withSuggestions, 1), { suggestion: 'Maybe the same person as Speaker 1 of chunk 3: c' });
  assert.deepEqual(suggestionFor(model, withSuggestions, 2), { suggestion: 'Maybe the same person as Speaker 1 of chunk 1: b' });
  // Two equally sure: the first listed stays.
  const tie = { ...people, suggestions: [link(1, 0, 0.5, 'first'), link(2, 1, 0.5, 'second')] };
  assert.deepEqual(suggestionFor(model, tie, 1), { suggestion: 'Maybe the same person as Speaker 1 of chunk 1: first' });
  // A suggestion that gives a name, not another label.
  const naming: Link = {
    kind: 'introduction',
    from: 1,
    named: 'Dana Reyes',
    confidence: 0.6,
    line: 2,
    reason: 'chunk 2’s Speaker 1 says “My name is Dana Reyes”',
  };
  assert.deepEqual(suggestionFor(model, { ...people, suggestions: [naming] }, 1), {
    suggestion: 'maybe Dana Reyes: chunk 2’s Speaker 1 says “My name is Dana Reyes”',
    suggestedName: 'Dana Reyes',
  });
  assert.deepEqual(suggestionFor(model, { ...people, suggestions: [naming] }, 0), {});
});

test('each person keeps one colour: a name wherever it is written, a generic label only within its chunk', () => {
  const text = lines(
    'Speaker 1 (Ada Lovelace): "Hello."',
    'Speaker 2: "Hi."',
    'Researcher: "Notes."',
    NEXT,
    'Speaker 1: "Again."',
    'Ada Lovelace: "Yes."',
    'Researcher: "More notes."',
    'Speaker 2: "Bye."',
  );
  const source = text.split('\n');
  const tokens = createTranscriptService().speakerTokens(textDocument('file:///colours.transcript', text, 1));
  assert.deepEqual(
    tokens.map((token) => [token.line, source[token.line]!.slice(token.start, token.start + token.length), token.type]),
    [
      [0, 'Speaker 1', 0],
      [0, 'Ada Lovelace', 0],
      [1, 'Speaker 2', 1],
      [2, 'Researcher', 2],
      // Chunk 2's `Speaker 1` is not chunk 1's (who is Ada): a colour of its own.
      [4, 'Speaker 1', 3],
      // A label that is Ada's name is Ada, as her name in parentheses was.
      [5, 'Ada Lovelace', 0],
      [6, 'Researcher', 2],
      [7, 'Speaker 2', 4],
    ],
  );
});

/**
 * The rows after `before` is edited to `after` in one document, which must be what a fresh
 * document of `after` lists; and the rows of `before`.
 */
function edit(before: string, after: string): { was: readonly SpeakerSummary[]; now: readonly SpeakerSummary[] } {
  const service = createTranscriptService();
  const uri = 'file:///edited.transcript';
  const was = service.speakers(textDocument(uri, before, 1));
  const now = service.speakers(textDocument(uri, after, 2));
  assert.deepEqual(now, speakersOf(after), 'the rows after the edit are those of the edited text');
  return { was, now };
}

const rowOf = (rows: readonly SpeakerSummary[], key: string) => rows.find((row) => row.key === key)!;

test('after an edit the view shows what changed in a row, however small: talk time, a stamp, a preview, a sentiment', () => {
  const before = lines(...NAMED);
  const bob = 'name:bob mcgrew';
  const chung = 'name:hyung won chung';

  // A later stamp after Bob's first turn: Bob talks 10 s longer, Hyung Won 10 s less.
  let { was, now } = edit(before, before.replace('[00:00:31]', '[00:00:41]'));
  assert.deepEqual([rowOf(now, bob).talkSeconds, rowOf(now, chung).talkSeconds], [47, 29]);

  // Bob's last stamp: the time his last turn shows, and the 5 s Hyung Won's turn before it now lasts.
  ({ was, now } = edit(before, before.replace('[00:01:20] Then', '[00:01:25] Then')));
  assert.equal(rowOf(now, bob).turns[3]!.seconds, 85);
  assert.equal(rowOf(now, bob).talkSeconds, 37);
  assert.equal(rowOf(now, chung).talkSeconds, 44);

  // One word of Bob's last turn, the same length: its preview, and Hyung Won's row is untouched,
  // the very row the view had.
  ({ was, now } = edit(before, before.replace('we are even', 'we are done')));
  assert.equal(rowOf(now, bob).turns[3]!.preview, 'Then we are done.');
  assert.equal(rowOf(now, chung), rowOf(was, chung));

  // A sentiment of the same polarity: the turn shows the new label, the mix stays.
  ({ was, now } = edit(before, before.replace('Sentiment: Hopeful', 'Sentiment: Excited')));
  assert.deepEqual(rowOf(now, bob).turns[0]!.sentiment, { label: 'Excited', polarity: 'positive' });
  assert.deepEqual(rowOf(now, bob).sentimentMix, rowOf(was, bob).sentimentMix);
});

test('after an edit the view shows a second sentiment of a turn gained or lost, of each polarity', () => {
  // The turn's own note is `(Positive)`; the line after it is a second note, or, without its
  // colon, more of the turn's text, beyond what its preview shows.
  const turn = (second: string) =>
    lines(
      'Ben: [00:00:01] Hi.',
      'Sentiment: Hopeful',
      'Ada: [00:00:02] We rebuilt the harbour wall over three long summers, stone by stone. (Positive)',
      second,
    );
  const cases = [
    ['Hopeful', 'positive'],
    ['Angry', 'negative'],
    ['Neutral', 'neutral'],
    ['Frustrated turning into Hopeful', 'mixed'],
    ['Puzzled', 'other'],
  ] as const;
  for (const [label, polarity] of cases) {
    const { was, now } = edit(turn(`Sentiment: ${label}`), turn(`Sentiment; ${label}`));
    const expected = { ...NO_SENTIMENT, positive: 1 };
    assert.deepEqual(rowOf(was, 'name:ada').sentimentMix, { ...expected, [polarity]: expected[polarity] + 1 }, label);
    assert.deepEqual(rowOf(now, 'name:ada').sentimentMix, expected, label);
  }
});

test('after an edit the view shows a changed label, name, turn count or turn position of a person whose row stays', () => {
  const ada = 'name:ada lovelace';
  const first = lines('Speaker 1 (Ada Lovelace): "Hi there."', 'Speaker 2: "Hello."');
  assert.equal(rowOf(edit(first, first.replace('Speaker 1', 'Speaker 3')).now, ada).label, 'Speaker 3');
  const renamed = rowOf(edit(first, first.replace('Ada Lovelace', 'Ada LOVELACE')).now, ada);
  assert.deepEqual([renamed.displayName, renamed.name], ['Ada LOVELACE', 'Ada LOVELACE']);

  // A turn of chunk 1's `Speaker 1` removed: one turn left.
  const researcher = lines('Researcher: We measured it twice.', 'Speaker 1: And?', 'SPEAKER 1: Twice the same.', NEXT, 'Researcher: Then once more.');
  const fewer = rowOf(edit(researcher, researcher.replace('SPEAKER 1: Twice the same.\n', '')).now, 'chunk:0:speaker 1');
  assert.deepEqual([fewer.turnCount, fewer.turns.map((turn) => turn.preview)], [1, ['And?']]);

  // `cy: Three.` is not a label (it is lower-case): Ben's turn goes on, and Ada's last turn is
  // the third, where it was the fourth, on the same line.
  const abc = lines('Ada: One.', 'Ben: Two.', 'Cy: Three.', 'Ada: Four.');
  const { now } = edit(abc, abc.replace('Cy:', 'cy:'));
  assert.deepEqual(
    rowOf(now, 'name:ada').turns.map((turn) => [turn.turnIndex, turn.range.start.line]),
    [
      [0, 0],
      [2, 3],
    ],
  );
});

test('after an edit the view shows where a turn now starts and ends: indented, or a line longer', () => {
  const text = lines(
    'Ben: [00:00:01] Hi.',
    'Ada: [00:00:02] We rebuilt the harbour wall over three long summers, stone by stone.',
    'Sentiment: Hopeful',
  );
  // Indented by two, two letters shorter at the end: the same preview, the same end.
  const indented = rowOf(edit(text, text.replace('Ada:', '  Ada:').replace('stone.', 'ston')).now, 'name:ada').turns[0]!;
  assert.deepEqual([indented.range, indented.headerRange], [at(1, 2, 2, 18), at(1, 2, 1, 84)]);
  // A line of text more before the sentiment line.
  const longer = rowOf(edit(text, text.replace('\nSentiment', '\nwhen the weather let us\nSentiment')).now, 'name:ada').turns[0]!;
  assert.deepEqual([longer.range, longer.preview], [at(1, 0, 3, 18), 'We rebuilt the harbour wall over three long…']);
});

test('after an edit the view shows the labels under a person: how many, which, their names and turns', () => {
  const mark = 'name:mark chen';
  const membersAfter = (before: string, after: string) => rowOf(edit(before, after).now, mark).members;
  const reason = (line: number) => `named Mark Chen at line ${line} too`;

  // One label becomes two, both named Mark Chen in one chunk.
  const one = lines('Speaker 1 (Mark Chen): "Hi there."', 'Speaker 3: "Hello."', 'Speaker 1 (Mark Chen): "Bye."');
  assert.deepEqual(membersAfter(one, one.replace('Speaker 1 (Mark Chen): "Bye."', 'Speaker 2 (Mark Chen): "Bye."')), [
    { chunkIndex: 0, label: 'Speaker 1', name: 'Mark Chen', turnCount: 1 },
    { chunkIndex: 0, label: 'Speaker 2', name: 'Mark Chen', turnCount: 1, reason: reason(3) },
  ]);

  // The second label renumbered.
  const two = lines('Speaker 1 (Mark Chen): "Hi there."', 'Speaker 3: "Hello."', 'Speaker 2 (Mark Chen): "Bye."');
  assert.equal(membersAfter(two, two.replace('Speaker 2', 'Speaker 4'))![1]!.label, 'Speaker 4');

  // The first label's name written otherwise: the person keeps the name written more often.
  const named = lines('Speaker 1 (Mark Chen): "Hi there."', 'Speaker 2 (Mark Chen): "Hello."', 'Speaker 2 (Mark Chen): "Bye."');
  assert.deepEqual(membersAfter(named, named.replace('Mark Chen', 'MARK CHEN')), [
    { chunkIndex: 0, label: 'Speaker 1', name: 'MARK CHEN', turnCount: 1 },
    { chunkIndex: 0, label: 'Speaker 2', name: 'Mark Chen', turnCount: 2, reason: reason(2) },
  ]);

  // A turn passes from one label to the other.
  const turns = lines(
    'Speaker 1 (Mark Chen): "Hi there."',
    'Speaker 1 (Mark Chen): "Hello."',
    'Speaker 2 (Mark Chen): "Bye."',
    'Speaker 1 (Mark Chen): "Yes."',
  );
  assert.deepEqual(
    membersAfter(turns, turns.replace('Speaker 1 (Mark Chen): "Yes."', 'Speaker 2 (Mark Chen): "Yes."'))!.map((member) => member.turnCount),
    [2, 2],
  );
});

test('after an edit the view shows an unknown label’s new suggestion', () => {
  const text = lines(
    'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone, when the weather let us.',
    NEXT,
    'Speaker 2: Stone by stone, when the weather let us. Not true. The council paid for half of it and you know that.',
  );
  const { now } = edit(text, text.replace('Speaker 1', 'Speaker 4'));
  assert.equal(
    rowOf(now, 'chunk:1:speaker 2').suggestion,
    "Maybe the same person as Speaker 4 of chunk 1: the turn at line 3 repeats chunk 1's Speaker 4's words at line 1",
  );
});

test('the turns of the chunks an edit moved keep their rows, moved with them: as a fresh document makes them', () => {
  // What the speakers derivation holds for each turn when the edited version's rows are made.
  let held: Array<TurnSummary | undefined> = [];
  const probe: Derivation<readonly SpeakerSummary[], TurnSummaryCache> = {
    initial: () => SPEAKERS.initial(),
    move: (cache, moved) => SPEAKERS.move!(cache, moved),
    compute(analysis, cache, previous) {
      held = analysis.model.turns.map((turn) => cache.get(turn));
      return SPEAKERS.compute(analysis, cache, previous);
    },
  };
  const analyses = new DocumentAnalyses();
  const uri = 'file:///moved.transcript';
  const before = lines(...STAMPED, NEXT, '[00:00:50] Speaker 1: And the rest of it.');
  analyses.analysis(textDocument(uri, before, 1)).derived(probe);
  // A turn added to the first chunk: the second and third move a line down and a turn on.
  const after = before.replace('[00:00:20]', '[00:00:15] Speaker 2: One moment.\n[00:00:20]');
  const edited = analyses.analysis(textDocument(uri, after, 2));
  assert.deepEqual(edited.parseStats, { parsed: 1, kept: 0, moved: 2 });
  edited.derived(probe);
  const fresh = speakersOf(after)
    .flatMap((row) => row.turns)
    .sort((a, b) => a.turnIndex - b.turnIndex);
  // The first chunk's four turns are new; the moved chunks' three are carried, each with its
  // new index, chunk and lines.
  assert.deepEqual(held.slice(0, 4), [undefined, undefined, undefined, undefined]);
  assert.deepEqual(held.slice(4), fresh.slice(4));
  assert.deepEqual(
    held.slice(4).map((turn) => [turn!.turnIndex, turn!.chunkIndex, turn!.range.start.line, turn!.preview]),
    [
      [4, 1, 5, 'Yes, the budget. It is short this year.'],
      [5, 1, 6, 'Shorter than last year?'],
      [6, 2, 8, 'And the rest of it.'],
    ],
  );
});

test('after an edit earlier in the document leaves one chunk fewer, a person’s row shows the chunk they now speak in', () => {
  // The first three turns quoted, the next three not: a change of format, so two chunks before
  // the marker. Unquoted (the same length), all six are one chunk.
  const quoted = lines(
    'Ben: "Good evening."',
    'Cy: "Hello."',
    'Ben: "Welcome."',
    'Cy: Thanks.',
    'Ben: So.',
    'Cy: Yes.',
    NEXT,
    'Ada: We rebuilt the wall.',
    'Ben: Good.',
  );
  const plain = quoted.replace('"Good evening."', ' Good evening. ').replace('"Hello."', ' Hello. ').replace('"Welcome."', ' Welcome. ');
  const { was, now } = edit(quoted, plain);
  const chunksOf = (row: SpeakerSummary) => [row.chunkIndices, row.turns.map((turn) => turn.chunkIndex)];
  assert.deepEqual(chunksOf(rowOf(was, 'name:ada')), [[2], [2]]);
  assert.deepEqual(chunksOf(rowOf(now, 'name:ada')), [[1], [1]]);
});

test('after an edit the view shows the evidence under a person’s labels as it now is', () => {
  // Chunk 2's `Speaker 1` is Lester Holt: the speakers beside it call it Lester, six times (each
  // address counts for the turn before and the turn after). One `Lester` misspelt leaves four.
  const text = lines(
    'Moderator (Lester Holt): Good evening.',
    'Speaker 2 (Hillary Clinton): Thank you.',
    'Speaker 3 (Donald Trump): Thank you.',
    NEXT,
    'Speaker 1: Secretary Clinton, the first question of part 2 goes to you.',
    'Speaker 2: Thank you, Lester. I have a plan for jobs.',
    'Speaker 1: Mr. Trump, your response?',
    'Speaker 3: Well, Lester, she has no plan. Hillary has had thirty years.',
    'Speaker 1: Secretary Clinton?',
    'Speaker 2: Donald, you never paid a contractor.',
    'Speaker 1: Please go on.',
    'Speaker 3: Lester, that is not fair.',
    'Speaker 1: Time.',
  );
  const reason = (times: number) =>
    `the speakers beside chunk 2's Speaker 1 address it as Lester Holt ${times} times, and it never names Lester Holt`;
  const { was, now } = edit(text, text.replace('Well, Lester,', 'Well, Lister,'));
  const reasons = (rows: readonly SpeakerSummary[]) => rowOf(rows, 'name:lester holt').members!.map((member) => [member.label, member.reason]);
  assert.deepEqual(reasons(was), [
    ['Moderator', reason(6)],
    ['Speaker 1', reason(6)],
  ]);
  assert.deepEqual(reasons(now), [
    ['Moderator', reason(4)],
    ['Speaker 1', reason(4)],
  ]);
});
