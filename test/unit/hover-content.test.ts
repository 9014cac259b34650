import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/service/features/hover';
import { analyze, lines, withCursor } from './helpers';

/*
 * What each hover shows, word for word: on a sentiment note, a timestamp, a speaker label and a
 * repeated passage at a seam. The expected Markdown is written out by hand from what the hover
 * should say; transcript text in it is escaped (`\.`, `\-`, `` \` ``), the hover's own markup is not.
 */

const NEXT = 'This chunk continues in the next part.';

/** The hover's Markdown at the `$0` in `text`, or undefined when there is none. */
function hoverAt(text: string): string | undefined {
  const { text: source, position } = withCursor(text);
  return hover(analyze(source), position)?.contents;
}

// Sentiment notes

test('a label read from one known word quotes the label and says which word gave its polarity', () => {
  const { text, position } = withCursor(lines('Ann: Good morning.', 'Sentiment: Pleas$0ed'));
  const result = hover(analyze(text), position)!;
  assert.equal(
    result.contents,
    lines(
      '**+ Positive** sentiment',
      '',
      '> Pleased',
      '',
      'Read as **positive** from “pleased”.',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 positive (100 %)',
    ),
  );
  assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
});

test('a neutral word and a mixed word are each read as their own polarity', () => {
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Ca$0lm')),
    lines(
      '**~ Neutral** sentiment',
      '',
      '> Calm',
      '',
      'Read as **neutral** from “calm”.',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 neutral (100 %)',
    ),
  );
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Ambi$0valent')),
    lines(
      '**± Mixed** sentiment',
      '',
      '> Ambivalent',
      '',
      'Read as **mixed** from “ambivalent”.',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 mixed (100 %)',
    ),
  );
});

test('a label of several words of one polarity names each word it was read from', () => {
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Happy and grate$0ful')),
    lines(
      '**+ Positive** sentiment',
      '',
      '> Happy and grateful',
      '',
      'Read as **positive** from “happy”, “grateful”.',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 positive (100 %)',
    ),
  );
});

test('a plain polarity label among others gives the polarity and the mix, and nothing about how it was read', () => {
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Pleased', 'Ann: Bad news.', 'Sentiment: Nega$0tive')),
    lines('**− Negative** sentiment', '', '**Ann**: 2 sentiment notes in chunk 1: 1 positive (50 %) · 1 negative (50 %)'),
  );
});

test('a label with no known sentiment word says its polarity is other, and counts it as unrecognised', () => {
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Positive', 'Ann: Well.', 'Sentiment: Shru$0gging')),
    lines(
      '**? Unrecognised** sentiment',
      '',
      '> Shrugging',
      '',
      'No known sentiment word in this label, so its polarity is **other**.',
      '',
      '**Ann**: 2 sentiment notes in chunk 1: 1 positive (50 %) · 1 unrecognised (50 %)',
    ),
  );
});

test('a label with words of both polarities names them both', () => {
  assert.equal(
    hoverAt(lines('Ann: It was hard.', 'Sentiment: Frustrated but hop$0eful')),
    lines(
      '**± Mixed** sentiment',
      '',
      '> Frustrated but hopeful',
      '',
      'Read as **mixed**: the label has words of both polarities (“frustrated”, “hopeful”).',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 mixed (100 %)',
    ),
  );
});

test("the person's notes are counted in the chunks where they have notes, not every chunk they speak in", () => {
  // Ann speaks in both chunks (the same name makes her one person) but has a note only in chunk 1.
  assert.equal(
    hoverAt(lines('Ann: Good morning.', 'Sentiment: Pleas$0ed', NEXT, 'Ann: Hello again.', 'Bob: Hi.')),
    lines(
      '**+ Positive** sentiment',
      '',
      '> Pleased',
      '',
      'Read as **positive** from “pleased”.',
      '',
      '**Ann**: 1 sentiment note in chunk 1: 1 positive (100 %)',
    ),
  );
});

test('a sentiment hover on a CRLF line after CJK and emoji: the range is in UTF-16 code units', () => {
  const { text, position } = withCursor('[00:00:01] 王小明: 你好 🙂 everyone.\r\nSentiment: 😀 Hap$0py\r\n[00:00:07] 王小明: Good.');
  const result = hover(analyze(text), position)!;
  assert.equal(
    result.contents,
    lines(
      '**+ Positive** sentiment',
      '',
      '> 😀 Happy',
      '',
      'Read as **positive** from “happy”.',
      '',
      '**王小明**: 1 sentiment note in chunk 1: 1 positive (100 %)',
    ),
  );
  // `Sentiment: ` is 11 units, the emoji two, then a space and `Happy`.
  assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 19 } });
});

// Timestamps

test('the first stamp of the transcript says so, even after turns without stamps', () => {
  const { text, position } = withCursor(lines('A: zero', '[00:0$01:10] B: two'));
  const result = hover(analyze(text), position)!;
  assert.equal(result.contents, lines('**00:01:10** (70 s from the start)', '', 'The first stamp of the transcript.'));
  assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
});

test('the gap is measured from the last stamp before, skipping turns that have none', () => {
  assert.equal(
    hoverAt(lines('[00:00:05] A: one', 'B: two', '[00:0$01:00] C: three')),
    lines('**00:01:00** (60 s from the start)', '', '55 s after the previous stamp 00:00:05 (line 1).'),
  );
});

test('an hour and more from the start reads with thousands separated, and the gap in hours and minutes', () => {
  assert.equal(
    hoverAt(lines('[00:00:10] A: one', '[01:0$01:10.25] C: three')),
    lines('**01:01:10.250** (3,670.25 s from the start)', '', '1 h 1 min after the previous stamp 00:00:10 (line 1).'),
  );
});

test('a stamp the same as the one before is 0 s after it, not before it', () => {
  assert.equal(
    hoverAt(lines('[00:00:05] A: one', '[00:0$00:05] B: two')),
    lines('**00:00:05** (5 s from the start)', '', '0 s after the previous stamp 00:00:05 (line 1).'),
  );
});

test('a backwards stamp elsewhere leaves the other stamps their gaps', () => {
  // 00:00:07 goes back and is reported; 00:00:20 after it is in order, measured from it.
  assert.equal(
    hoverAt(lines('[00:00:05] A: one', '[00:00:09] B: two', '[00:00:07] C: three', '[00:0$00:20] D: four')),
    lines('**00:00:20** (20 s from the start)', '', '13 s after the previous stamp 00:00:07 (line 3).'),
  );
});

// Speaker labels

test('a name that repeats its label is shown once', () => {
  const { text, position } = withCursor(lines('Jane Roe (Ja$0ne Roe): Hi.', 'Bob: Yo.'));
  const result = hover(analyze(text), position)!;
  assert.equal(result.contents, lines('**Jane Roe**', '', '1 turn in chunk 1 · talk time 0 s'));
  assert.deepEqual(result.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 18 } });
});

test('a label the seams tie to speakers of two other chunks says so, and why', () => {
  // Chunk 2's Speaker 1 repeats chunk 1's Speaker 2, and chunk 3's Speaker 3 repeats chunk 2's Speaker 1.
  const text = lines(
    'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
    'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
    NEXT,
    'Speaker 1: And nobody paid us a penny for any of that work on the wall.',
    'Speaker 2: Then the council finally noticed what we had done for the town.',
    'Speaker 1: Then we had a party on the quay with all of the neighbours there.',
    NEXT,
    'Speaker 3: Then we had a party on the quay with all of the neighbours there.',
    'Speaker 1: Good.',
  );
  assert.equal(
    hoverAt(text.replace('Speaker 3', 'Spe$0aker 3')),
    lines(
      '**Speaker 3**',
      '',
      '4 turns in 3 chunks · talk time 0 s',
      '',
      "chunk 3's `Speaker 3` is the same person as in 2 other chunks: the turn at line 8 repeats chunk 2's Speaker 1's words at line 6.",
    ),
  );
  assert.equal(
    hoverAt(text.replace('Speaker 1: And nobody', 'Spe$0aker 1: And nobody')),
    lines(
      '**Speaker 1**',
      '',
      '4 turns in 3 chunks · talk time 0 s',
      '',
      "chunk 2's `Speaker 1` is the same person as in 2 other chunks: the turn at line 4 repeats chunk 1's Speaker 2's words at line 2.",
    ),
  );
  assert.equal(
    hoverAt(
      lines(
        'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
        'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
        NEXT,
        'Spe$0aker 1: And nobody paid us a penny for any of that work on the wall.',
        'Speaker 2: Fine.',
      ),
    ),
    lines(
      '**Speaker 1**',
      '',
      '2 turns in 2 chunks · talk time 0 s',
      '',
      "chunk 2's `Speaker 1` is the same person as in 1 other chunk: the turn at line 4 repeats chunk 1's Speaker 2's words at line 2.",
    ),
    'one other chunk is `chunk`, not `chunks`',
  );
});

test('a label whose speaker says their name is that person, and the reason quotes them, escaped', () => {
  assert.equal(
    hoverAt(lines('Spe$0aker 1: Hello everyone, my name is Mary-Jane Watson and I host this show.', 'Speaker 2: Thanks.', NEXT, 'Speaker 2: Hi.')),
    lines(
      '**Speaker 1**',
      '',
      '1 turn in chunk 1 · talk time 0 s',
      '',
      "chunk 1's `Speaker 1` is **Mary\\-Jane Watson**: chunk 1's Speaker 1 says “my name is Mary\\-Jane Watson” at line 1.",
    ),
  );
});

test('a surname in two chunks and the full name in one are one person, who goes by the full name', () => {
  // `Clinton` is said in two chunks, `Hillary Clinton` in one: the person goes by the fuller name.
  // The full name's own hover needs no reason; the surname's says what ties it to her.
  const text = lines('Hillary Clin$0ton: Hi.', 'Bob: Yo.', NEXT, 'Clinton: Again.', 'Bob: Yes.', NEXT, 'Clinton: Third.', 'Bob: Yes.');
  assert.equal(hoverAt(text), lines('**Hillary Clinton**', '', '3 turns in 3 chunks · talk time 0 s'));
  assert.equal(
    hoverAt(text.replace('Clin$0ton', 'Clinton').replace('Clinton: Again', 'Clin$0ton: Again')),
    lines(
      '**Clinton**',
      '',
      '3 turns in 3 chunks · talk time 0 s',
      '',
      "chunk 2's `Clinton` is **Hillary Clinton**: Clinton is Hillary Clinton's surname.",
    ),
  );
});

test('a role written with a name in one chunk and alone in another is the named person', () => {
  // `Moderator (Jane Roe)` in chunk 1 and `Moderator` in chunks 2 and 3 (more turns): she goes by her name, not the role.
  const text = lines(
    'Moderator (Jane Roe): Welcome.',
    'Bob: Thanks.',
    NEXT,
    'Mode$0rator: Next question.',
    'Bob: Yes.',
    NEXT,
    'Moderator: And the last.',
    'Bob: Yes.',
  );
  assert.equal(
    hoverAt(text),
    lines(
      '**Moderator**',
      '',
      '3 turns in 3 chunks · talk time 0 s',
      '',
      "chunk 2's `Moderator` is **Jane Roe**: Moderator is Jane Roe where the label is given a name.",
    ),
  );
});

test('an unknown label with a weak lead says what might tie it, as a guess', () => {
  // The turn repeats chunk 1's Speaker 2 and then goes on at length: not sure enough to join them.
  assert.equal(
    hoverAt(
      lines(
        'Speaker 1: We rebuilt the harbour wall over three summers, stone by stone.',
        'Speaker 2: And nobody paid us a penny for any of that work on the wall.',
        NEXT,
        'Spe$0aker 1: And nobody paid us a penny for any of that work on the wall, and I still think about it every single day when I walk along the harbour and look at the stones we laid.',
        'Speaker 2: Fine.',
      ),
    ),
    lines(
      '**Speaker 1**',
      '',
      '1 turn in chunk 2 · talk time 0 s',
      '',
      "Unknown person: nothing ties chunk 2's `Speaker 1` to a speaker of another chunk (labels restart in each chunk). Maybe the same person as Speaker 2 of chunk 1: the turn at line 4 repeats chunk 1's Speaker 2's words at line 2.",
    ),
  );
});

test('a chunk label with backticks goes in a code span fenced by more backticks than it holds, padded where it starts or ends with one', () => {
  /** A WebVTT file of two parts, the voice `voice` in each. */
  const twoParts = (voice: string, cursorVoice: string) =>
    lines(
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:03.000',
      `<v ${voice}>Hi there.</v>`,
      '',
      NEXT,
      '',
      '00:00:04.000 --> 00:00:05.000',
      `<v ${cursorVoice}>Again.</v>`,
      '',
    );
  assert.equal(
    hoverAt(twoParts('``Ann`', '``A$0nn`')),
    lines(
      '**\\`\\`Ann\\`**',
      '',
      '2 turns in 2 chunks · talk time 3 s',
      '',
      "chunk 2's ``` ``Ann` ``` is the same person as in 1 other chunk: named \\`\\`Ann\\` at line 8 too.",
    ),
  );
  assert.equal(
    hoverAt(twoParts('`x` Ann', '`x` A$0nn')),
    lines(
      '**\\`x\\` Ann**',
      '',
      '2 turns in 2 chunks · talk time 3 s',
      '',
      "chunk 2's `` `x` Ann `` is the same person as in 1 other chunk: named \\`x\\` Ann at line 8 too.",
    ),
  );
  assert.equal(
    hoverAt(twoParts('Ann `x`', 'A$0nn `x`')),
    lines(
      '**Ann \\`x\\`**',
      '',
      '2 turns in 2 chunks · talk time 3 s',
      '',
      "chunk 2's `` Ann `x` `` is the same person as in 1 other chunk: named Ann \\`x\\` at line 8 too.",
    ),
  );
  assert.equal(
    hoverAt(twoParts('Ann', 'A$0nn')),
    lines(
      '**Ann**',
      '',
      '2 turns in 2 chunks · talk time 3 s',
      '',
      "chunk 2's `Ann` is the same person as in 1 other chunk: named Ann at line 8 too.",
    ),
  );
});

test('a speaker hover after CJK and emoji on a CRLF line: the label range is in UTF-16 code units', () => {
  const { text, position } = withCursor('[00:00:01] 王$0小明: 你好 🙂 everyone.\r\n[00:00:05] 李: Fine.\r\n[00:00:07] 王小明: Good.');
  const result = hover(analyze(text), position)!;
  assert.equal(result.contents, lines('**王小明**', '', '2 turns in chunk 1 · talk time 4 s'));
  assert.deepEqual(result.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 14 } });
});

// Repeated passages at a seam

const KETTLE = lines(
  'Speaker 1: The kettle was on the stove. We drank the tea in the garden before anyone else woke up.',
  NEXT,
  'Speaker 1: We drank the tea in the garden before anyone else woke up, and then the birds came.',
);

test('a repeated passage kept whole in the later copy: both copies, twelve shared words shown in full', () => {
  const result = hover(analyze(KETTLE), { line: 2, character: 14 })!;
  assert.equal(
    result.contents,
    lines(
      '**Repeated passage**: 12 of 12 words match',
      '',
      'Keep One Copy would keep the later copy, which adds “and then the birds came\\.”.',
      '',
      'Earlier copy (line 1): The kettle was on the stove\\. ~~We drank the tea in the garden before anyone else woke up\\.~~',
      '',
      'Later copy (line 3): We drank the tea in the garden before anyone else woke up, **and then the birds came\\.**',
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ),
  );
  // `We` … `up,` after `Speaker 1: `.
  assert.deepEqual(result.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 69 } });
});

test('the seam hover covers each copy from its first character to its last, and nothing around it', () => {
  const at = (line: number, character: number) => hover(analyze(KETTLE), { line, character })?.range;
  const later = { start: { line: 2, character: 11 }, end: { line: 2, character: 69 } };
  const earlier = { start: { line: 0, character: 40 }, end: { line: 0, character: 98 } };
  assert.deepEqual(at(2, 11), later);
  assert.deepEqual(at(2, 69), later);
  assert.equal(at(2, 10), undefined, 'the space after the label is not the passage');
  assert.equal(at(2, 70), undefined, 'the words after the passage are not it');
  assert.deepEqual(at(0, 40), earlier);
  assert.deepEqual(at(0, 98), earlier);
  assert.equal(at(0, 39), undefined);
});

test('a word only the earlier copy has, which the mend deletes, is struck and bold, and the count compares the longer copy', () => {
  assert.equal(
    hover(
      analyze(
        lines(
          'Speaker 1: We drank the tea in the garden zebra before anyone else woke up.',
          NEXT,
          'Speaker 1: We drank the tea in the garden before anyone else woke up, and then the birds came.',
        ),
      ),
      { line: 2, character: 14 },
    )!.contents,
    lines(
      '**Repeated passage**: 12 of 13 words match',
      '',
      'No mend keeps every word; Remove Repeated Text would keep the later copy, which adds “and then the birds came\\.”; the text removed had “zebra”.',
      '',
      'Earlier copy (line 1): ~~We drank the tea in the garden~~ ~~**zebra**~~ ~~before anyone else woke up\\.~~',
      '',
      'Later copy (line 3): We drank the tea in the garden before anyone else woke up, **and then the birds came\\.**',
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ),
  );
});

const GARDEN = 'We drank the tea in the garden by the old stone wall before anyone else in the house woke up';

test('long runs of kept shared words are cut to the six words that touch a change', () => {
  const result = hover(
    analyze(
      lines(
        `Speaker 1: The kettle was on the stove in the kitchen of the cottage by the sea that summer. ${GARDEN}.`,
        NEXT,
        `Speaker 1: ${GARDEN}, and then the birds came.`,
      ),
    ),
    { line: 2, character: 14 },
  )!;
  assert.equal(
    result.contents,
    lines(
      '**Repeated passage**: 20 of 20 words match',
      '',
      'Keep One Copy would keep the later copy, which adds “and then the birds came\\.”.',
      '',
      // Struck runs are never cut: they are what goes.
      `Earlier copy (line 1): … cottage by the sea that summer\\. ~~${GARDEN}\\.~~`,
      '',
      'Later copy (line 3): … else in the house woke up, **and then the birds came\\.**',
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ),
  );
});

test('a copy kept whole and unchanged shows its first six and last six words', () => {
  const contents = hover(analyze(lines(`Speaker 1: ${GARDEN}.`, NEXT, `Speaker 1: ${GARDEN}.`, 'Speaker 2: Lovely.')), {
    line: 2,
    character: 14,
  })!.contents;
  assert.equal(
    contents,
    lines(
      '**Repeated passage**: 20 of 20 words match',
      '',
      'Keep One Copy would keep the earlier copy.',
      '',
      'Earlier copy (line 1): We drank the tea in the … else in the house woke up\\.',
      '',
      `Later copy (line 3): ~~${GARDEN}\\.~~`,
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ),
  );
});

test('a long run between two changes keeps six words each side; one that ends the copy keeps its first six', () => {
  const between = hover(analyze(lines(`Speaker 1: The kettle was on. ${GARDEN}.`, NEXT, `Speaker 1: Um, ${GARDEN}, and then the birds came.`)), {
    line: 2,
    character: 18,
  })!.contents.split('\n');
  assert.equal(between[6], 'Later copy (line 3): **Um,** We drank the tea in the … else in the house woke up, **and then the birds came\\.**');

  const last = hover(
    analyze(
      lines(`Speaker 1: The kettle was on. ${GARDEN} and it was cold.`, NEXT, `Speaker 1: Yes, ${GARDEN} and it was cold. Then the birds came.`),
    ),
    { line: 2, character: 18 },
  )!.contents.split('\n');
  assert.equal(last[6], 'Later copy (line 3): **Yes,** We drank the tea in the …');
});
