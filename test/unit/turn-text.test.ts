import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lines } from './helpers';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { CueMarkup } from '../../server/src/service/parse/cueMarkup';

/*
 * What a turn's text is (docs/format.md): the spoken words, without the quotes around a quoted
 * turn, a cue's markup, or a trailing sentiment note; each segment where it stands in the line.
 */

/** Each turn's segments: line, character and text. */
const segmentsOf = (text: string) =>
  parseTranscript(text).turns.map((t) => t.segments.map((s) => [s.range.start.line, s.range.start.character, s.text]));

test('a quoted turn loses its opening and closing quotes, and a line left empty by them', () => {
  assert.deepEqual(segmentsOf(lines('Speaker 1: "Hello there.', 'And more."', 'Speaker 2: Ok.'))[0], [
    [0, 12, 'Hello there.'],
    [1, 0, 'And more.'],
  ]);
  assert.deepEqual(segmentsOf(lines('Speaker 1: "', 'Hello."', 'Speaker 2: Ok.'))[0], [[1, 0, 'Hello.']]);
  assert.deepEqual(segmentsOf(lines('Speaker 1: "Hello.', '"', 'Speaker 2: Ok.'))[0], [[0, 12, 'Hello.']]);
  assert.deepEqual(segmentsOf(lines('Speaker 1: "One', '"', 'two."', 'Speaker 2: Ok.'))[0], [
    [0, 12, 'One'],
    [1, 0, '"'],
    [2, 0, 'two.'],
  ]);
  // A quote inside the text stays.
  assert.deepEqual(segmentsOf(lines('Speaker 1: She said "no" twice.', 'Speaker 2: Ok.'))[0], [[0, 11, 'She said "no" twice.']]);
});

/** One cue with `text`, then another, so the file reads as subtitles. */
const cueWith = (...text: string[]) => lines('00:00:01.000 --> 00:00:02.000', ...text, '', '00:00:03.000 --> 00:00:04.000', 'Next.');

test("a cue's markup is not its text: tags and override codes go, each stretch between them a segment", () => {
  assert.deepEqual(segmentsOf(cueWith('<i>Hello</i> there {\\an8}friend.'))[0], [
    [1, 3, 'Hello'],
    [1, 13, 'there'],
    [1, 25, 'friend.'],
  ]);
  // A line of nothing but markup adds nothing.
  assert.deepEqual(segmentsOf(cueWith('<i></i>', 'Words.'))[0], [[2, 0, 'Words.']]);
});

test("a `<` or `{\\` that nothing closes on its line is text: the words after it are the cue's too", () => {
  assert.deepEqual(segmentsOf(cueWith('I <3 this song.'))[0], [[1, 0, 'I <3 this song.']]);
  assert.deepEqual(segmentsOf(cueWith('If a < b, then b > a.'))[0], [[1, 0, 'If a < b, then b > a.']]);
  assert.deepEqual(segmentsOf(cueWith('<i>Less</i> than 3 < 4'))[0], [
    [1, 3, 'Less'],
    [1, 12, 'than 3 < 4'],
  ]);
  assert.deepEqual(segmentsOf(cueWith('A {\\b1 that never closes'))[0], [[1, 0, 'A {\\b1 that never closes']]);
  // A `{` with no backslash after it is text wherever it is.
  assert.deepEqual(segmentsOf(cueWith('Say {laughs} twice.'))[0], [[1, 0, 'Say {laughs} twice.']]);
});

test('a tag opens with `<` and a letter from a to z, a `/` or a digit from 0 to 9; an override with `{\\`', () => {
  /** Where the markup starting at each `<` or `{` of `line` ends, or -1. */
  const ends = (line: string) => {
    const markup = new CueMarkup(line, line.length);
    return [...line].flatMap((c, at) => (c === '<' || c === '{' ? [markup.endAt(at)] : []));
  };
  assert.deepEqual(ends('<a><z><A><Z></i><0><9>'), [2, 5, 8, 11, 15, 18, 21]);
  // The characters either side of those ranges open none: `@` `[` `` ` `` `{` `.` `:`.
  assert.deepEqual(ends('<@><[><`><{><.><:>'), [-1, -1, -1, -1, -1, -1, -1]);
  assert.deepEqual(ends('{\\an8}{an8}{\\b1'), [5, -1, -1]);
  // Closed past the part of the line asked about: none.
  assert.equal(new CueMarkup('<i>x', 2).endAt(0), -1);
});

test('a sentiment note at the end of a line is taken off its text; brackets that are not a note stay', () => {
  const [noted, plain] = segmentsOf(lines('Speaker 1: We won. (Positive sentiment)', 'Speaker 2: Ok (really).'));
  assert.deepEqual(noted, [[0, 11, 'We won.']]);
  assert.deepEqual(plain, [[1, 11, 'Ok (really).']]);
});

test('a header followed by 200 lines and more than a fifth of its section with no other header is not a turn', () => {
  // `Summary:` over `body` lines of a report, then `turns` one-line turns: the section is
  // 1 + body + turns lines.
  const report = (body: number, turns: number) =>
    lines(
      'Summary: the meeting in short.',
      ...Array.from({ length: body }, (_, k) => `Line ${k} of the report.`),
      ...Array.from({ length: turns }, (_, k) => `${k % 2 ? 'Ben' : 'Ana'}: Turn ${k}.`),
    );
  const suspect = (text: string) => {
    const model = parseTranscript(text);
    return { problems: model.problems.filter((p) => p.code === 'suspect-header').map((p) => p.range.start.line), first: model.turns[0]!.label };
  };
  // 199 lines below it: a long turn. 200: not a turn, and a problem at its line.
  assert.deepEqual(suspect(report(199, 10)), { problems: [], first: 'Summary' });
  assert.deepEqual(suspect(report(200, 10)), { problems: [0], first: 'Ana' });
  // 200 lines of 999 are more than a fifth; of 1,000, a fifth exactly, and the header a turn.
  assert.deepEqual(suspect(report(200, 798)), { problems: [0], first: 'Ana' });
  assert.deepEqual(suspect(report(200, 799)), { problems: [], first: 'Summary' });
});
