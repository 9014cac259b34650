import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lines } from './helpers';
import { parseTranscript } from '../../server/src/service/parse/parser';

/*
 * Sniffing (docs/format.md, "Sniffing", "Word-level SRT", "Speaker headings in Markdown",
 * "Document furniture"): what a section's other lines decide about each line, pinned where each
 * rule turns.
 */

/** Each turn's label and text, as a reader sees them. */
const turnsOf = (text: string) => parseTranscript(text).turns.map((t) => `${t.label}: ${t.segments.map((s) => s.text).join(' ')}`);

/** `count` turns of `**Name:** text`, two speakers taking turns. */
const boldTurns = (count: number) => Array.from({ length: count }, (_, k) => `**${k % 2 ? 'Ben' : 'Ana'}:** Point ${k + 1} of the plan.`);

test('a family of candidates a fifth as common as the most common is read; rarer, its lines are text of the turn above', () => {
  const note = 'Note: the recorder stopped here.';
  const fifth = turnsOf(lines(...boldTurns(5), note));
  assert.deepEqual(fifth.at(-1), 'Note: the recorder stopped here.');
  const rarer = turnsOf(lines(...boldTurns(6), note));
  assert.equal(rarer.length, 6);
  assert.equal(rarer.at(-1), 'Ben: Point 6 of the plan. Note: the recorder stopped here.');
});

test("a speaker's name alone above segment lines is read however rare, and text below it is not kept so", () => {
  const segments = (from: number) => Array.from({ length: 6 }, (_, k) => `[00:00:${String(from + 2 * k).padStart(2, '0')}] Line ${from + k} said.`);
  const text = lines('**SPEAKER_01:**', ...segments(10), '**SPEAKER_02:**', ...segments(30));
  const turns = parseTranscript(text).turns;
  assert.deepEqual([...new Set(turns.map((t) => t.label))], ['SPEAKER_01', 'SPEAKER_02']);
  assert.equal(turns.length, 12);
  // The same name above plain text, or with text after it on its line, among many segments, is rare: text.
  for (const name of [['**SPEAKER_02:**', 'Plain words under the name.'], ['**SPEAKER_02:** Plain words after the name.']]) {
    const rare = lines(...segments(10), ...name, ...segments(30));
    assert.ok(!parseTranscript(rare).turns.some((t) => t.label === 'SPEAKER_02'), name.join(' / '));
  }
});

/** An SRT cue: its number, its times (from second `start` for `length` seconds) and its text. */
function cue(n: number, start: number, text: string, length = 0.3): string {
  const time = (s: number) => `00:00:${String(Math.floor(s)).padStart(2, '0')},${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;
  return lines(String(n), `${time(start)} --> ${time(start + length)}`, text, '');
}
/** `count` cues half a second apart, their texts from `texts` in turn. */
const cues = (count: number, texts: (k: number) => string) => lines(...Array.from({ length: count }, (_, k) => cue(k + 1, 1 + k * 0.5, texts(k))));

test('word-level subtitles: ten cues or more, six in ten of one word, are joined into sentences', () => {
  // Six of ten cues hold one word; the others two.
  const words = (k: number) => (k % 5 < 3 ? 'word' : 'two words');
  assert.equal(parseTranscript(cues(10, words)).turns.length, 1);
  // Five of ten: each cue a turn.
  assert.equal(parseTranscript(cues(10, (k) => (k % 2 ? 'word' : 'two words'))).turns.length, 10);
  // Nine cues, all of one word: too few to tell.
  assert.equal(parseTranscript(cues(9, () => 'word')).turns.length, 9);
});

test('word-level cues join until a sentence ends or a pause of more than 1.5 s; the turn runs from the first cue to the last', () => {
  // Ten one-word cues; the fifth ends a sentence in each way a sentence may end.
  for (const end of ['.', '?', '!', '."', ".'", '.\u201d', '.\u2019', '.)']) {
    const turns = parseTranscript(cues(10, (k) => (k === 4 ? `five${end}` : `w${k + 1}`))).turns;
    assert.deepEqual(
      turns.map((t) => t.segments.map((s) => s.text).join(' ')),
      [`w1 w2 w3 w4 five${end}`, 'w6 w7 w8 w9 w10'],
      end,
    );
  }
  // A colon or a comma ends none.
  assert.equal(parseTranscript(cues(10, (k) => (k === 4 ? 'five,' : `w${k + 1}`))).turns.length, 1);
  // Cues 0.3 s long: a next cue 1.5 s after one ends goes on its sentence; 1.6 s, it starts another.
  const paused = (gap: number) => lines(...Array.from({ length: 10 }, (_, k) => cue(k + 1, 1 + k * 0.5 + (k >= 5 ? gap - 0.2 : 0), `w${k + 1}`)));
  assert.equal(parseTranscript(paused(1.5)).turns.length, 1);
  const [first, second] = parseTranscript(paused(1.6)).turns;
  assert.equal(first!.timestamp!.seconds, 1);
  assert.equal(first!.endTimestamp!.seconds, 3.3);
  assert.equal(second!.timestamp!.seconds, 4.9);
});

test("a cue's words are counted without its markup, and each Chinese or Japanese character is a word", () => {
  for (const text of [
    '<i>word</i>',
    '{\\an8}word',
    '{\\pos(10, 20)}word',
    '<c.yellow>word</c>',
    '<font color="#ffff00">word</font>',
    '{\\c&H00FFFF&}word{\\c}',
    'word ',
    '\u3042',
    '\u4e00',
    'μ',
    '안녕하세요',
  ]) {
    assert.equal(parseTranscript(cues(10, () => text)).turns.length, 1, `one word: ${JSON.stringify(text)}`);
  }
  for (const text of [
    'two\twords',
    'two  words',
    '<i>two</i> words',
    '{laughs} twice',
    '日本',
    'ひら',
    'カタ',
    '\u3400\u3400',
    '\u4dbf\u4dbf',
    '\u4e00\u4e00',
    '\u9fff\u9fff',
  ]) {
    assert.equal(parseTranscript(cues(10, () => text)).turns.length, 10, `two words: ${JSON.stringify(text)}`);
  }
  // A cue's lines count together: two lines of a word each are two words; a line of markup alone adds none.
  assert.equal(parseTranscript(cues(10, () => 'one\nword')).turns.length, 10, 'two lines of a word each');
  assert.equal(parseTranscript(cues(10, () => 'one\n<i></i>')).turns.length, 1, 'a word, then a line of markup alone');
});

test("WebVTT's NOTE, STYLE and REGION blocks between cues are neither turns nor problems, whatever their lines look like", () => {
  for (const keyword of ['NOTE', 'STYLE', 'REGION', '  NOTE']) {
    const model = parseTranscript(
      lines(
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        '<v Ana>Hello there.',
        '',
        keyword,
        'Host: a line that reads as a turn',
        'id:fred',
        '',
        '00:00:03.000 --> 00:00:04.000',
        '<v Ben>Hello back.',
      ),
    );
    assert.deepEqual(
      model.turns.map((t) => t.label),
      ['Ana', 'Ben'],
      keyword,
    );
    assert.deepEqual(model.problems, [], keyword);
  }
  // A word that only starts like one opens no block: its cue-less lines are problems.
  const notABlock = parseTranscript(
    lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Hello.', '', 'NOTES', 'a line', '', '00:00:03.000 --> 00:00:04.000', 'Bye.'),
  );
  assert.equal(notABlock.problems.length > 0, true);
});

test('Markdown headings that repeat as labels are speakers: two labels, four headings in all', () => {
  const part = (name: string, k: number) => [`#### ${name}`, '', `Part ${k} of what ${name} said.`, ''];
  // A heading said once among them (`Summary`) stays a heading.
  const speakers = lines(...part('Jamie', 1), ...part('Zac', 2), ...part('Jamie', 3), ...part('Zac', 4), '#### Summary', '', 'What was agreed.');
  assert.deepEqual(
    parseTranscript(speakers).turns.map((t) => t.label),
    ['Jamie', 'Zac', 'Jamie', 'Zac'],
  );
  // One label said twice and another once; one label said four times: a report's headings.
  for (const names of [
    ['Jamie', 'Zac', 'Jamie'],
    ['Jamie', 'Jamie', 'Jamie', 'Jamie'],
  ]) {
    const report = lines(...names.flatMap((name, k) => part(name, k)), 'Ana: A turn, so that the text is a transcript.');
    assert.deepEqual(
      parseTranscript(report).turns.map((t) => t.label),
      ['Ana'],
      names.join(', '),
    );
  }
});

test('front matter is furniture at the top of the document when it closes within 500 lines', () => {
  // Lines inside it that would be turns anywhere else.
  const frontMatter = (inside: number) =>
    lines('---', ...Array.from({ length: inside }, (_, k) => `Ana: Line ${k}.`), '---', 'Ana: Hello there.', 'Ben: Hello.');
  assert.equal(parseTranscript(frontMatter(3)).turns.length, 2);
  assert.equal(parseTranscript(frontMatter(498)).turns.length, 2);
  // Closed on the 501st line: not front matter, and its lines are turns.
  assert.equal(parseTranscript(frontMatter(499)).turns.length, 501);
  // Below the first line it is no front matter either.
  assert.equal(parseTranscript(lines('Ben: First.', ...frontMatter(3).split('\n'))).turns.length, 6);
});
