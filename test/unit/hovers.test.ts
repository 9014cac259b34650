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

/*
 * Labels, names and sentiment labels are the transcript's text, never Markdown: a hover shows them
 * as written. Outside a code span each Markdown character is escaped with a backslash; inside one
 * (the chunk label), backslashes do not escape, so the text goes in as it is, fenced by more
 * backticks than it holds. The expected hovers are written out by hand; `displayed` reads them
 * back as a Markdown renderer would, and refuses a markup character nothing escaped.
 */

/**
 * The text a line of hover Markdown shows: code spans verbatim (CommonMark: a run of n backticks to
 * the next run of exactly n, one space trimmed from each end when both ends have one), backslash
 * escapes taken as the character, and `**` (the hover's own bold) dropped. Throws on `*`, `_`, `[`,
 * `]` or a backtick that would be markup: a character of the transcript that was not escaped.
 */
function displayed(line: string): string {
  let shown = '';
  for (let i = 0; i < line.length;) {
    const character = line[i]!;
    if (character === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1]!)) {
      shown += line[i + 1];
      i += 2;
    } else if (character === '`') {
      let run = 0;
      while (line[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = line.indexOf(fence, i + run);
      while (close >= 0 && (line[close + run] === '`' || line[close - 1] === '`')) close = line.indexOf(fence, close + 1);
      if (close < 0) throw new Error(`an unmatched backtick at ${i}: ${line}`);
      const content = line.slice(i + run, close);
      shown += content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '' ? content.slice(1, -1) : content;
      i = close + run;
    } else if (line.startsWith('**', i)) {
      i += 2;
    } else if ('*_[]'.includes(character)) {
      throw new Error(`markup character ${character} at ${i} is not escaped: ${line}`);
    } else {
      shown += character;
      i++;
    }
  }
  return shown;
}

/** A cast name with every Markdown character a name may hold. */
const MARKED_NAME = 'Dr. *Star* [Ann_B] `x`';

test('displayed: reads escapes and code spans back, and refuses markup nothing escaped', () => {
  assert.equal(displayed('**Dr\\. \\*Star\\***'), 'Dr. *Star*');
  assert.equal(displayed("chunk 1's ``Ann `Bo` *x*`` here"), "chunk 1's Ann `Bo` *x* here");
  assert.equal(displayed('`` `x` ``'), '`x`');
  assert.throws(() => displayed('**Dr. *Star***'), /markup character \*/);
  assert.throws(() => displayed('SPEAKER_00'), /markup character _/);
  assert.throws(() => displayed('`open'), /unmatched backtick/);
});

test("a diarizer label's underscore is escaped in bold, and shown as written in the chunk label's code span", () => {
  const { text, position } = withCursor(lines('SPEA$0KER_00: Hello there.', 'SPEAKER_01: Hi.'));
  const contents = hover(analyze(text), position)!.contents;
  assert.equal(
    contents,
    lines(
      '**SPEAKER\\_00**',
      '',
      '1 turn in chunk 1 · talk time 0 s',
      '',
      "Unknown person: nothing ties chunk 1's `SPEAKER_00` to a speaker of another chunk (labels restart in each chunk).",
    ),
  );
  assert.deepEqual(contents.split('\n').map(displayed), [
    'SPEAKER_00',
    '',
    '1 turn in chunk 1 · talk time 0 s',
    '',
    "Unknown person: nothing ties chunk 1's SPEAKER_00 to a speaker of another chunk (labels restart in each chunk).",
  ]);
});

test('a WebVTT voice with backticks and asterisks is escaped in the speaker hover', () => {
  const { text, position } = withCursor(
    lines(
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:03.000',
      '<v A$0nn `Bo` *x*>Hi there.</v>',
      '',
      '00:00:03.000 --> 00:00:04.000',
      '<v Cy>Hello.</v>',
      '',
    ),
  );
  const contents = hover(analyze(text), position)!.contents;
  assert.equal(contents, lines('**Ann \\`Bo\\` \\*x\\***', '', '1 turn in chunk 1 · talk time 2 s'));
  assert.equal(displayed(contents.split('\n')[0]!), 'Ann `Bo` *x*');
});

test('a cast name with *, [, _ and a backtick: every one escaped in the speaker hover', () => {
  const { text, position } = withCursor(lines(`Speaker 1 (Dr. *St$0ar* [Ann_B] \`x\`): "Hi."`, 'Sentiment: Positive', 'Speaker 2: "Hello."'));
  const contents = hover(analyze(text), position)!.contents;
  assert.equal(contents, lines('**Dr\\. \\*Star\\* \\[Ann\\_B\\] \\`x\\`** (Speaker 1)', '', '1 turn in chunk 1 · talk time 0 s'));
  assert.equal(displayed(contents.split('\n')[0]!), `${MARKED_NAME} (Speaker 1)`);
});

test("a sentiment label and the speaker's name with Markdown in them are escaped in the sentiment hover", () => {
  const { text, position } = withCursor(
    lines(`Speaker 1 (${MARKED_NAME}): "Hi."`, 'Sentiment: *Very* [hap$0py]_now', `Speaker 1 (${MARKED_NAME}): "Again."`, 'Sentiment: Positive'),
  );
  const shown = hover(analyze(text), position)!.contents.split('\n');
  assert.ok(shown.includes('> \\*Very\\* \\[happy\\]\\_now'), shown.join('\n'));
  assert.ok(shown.includes('**Dr\\. \\*Star\\* \\[Ann\\_B\\] \\`x\\`**: 2 sentiment notes in chunk 1: 2 positive (100 %)'), shown.join('\n'));
  for (const line of shown) displayed(line.replace(/^> /, ''));
});
