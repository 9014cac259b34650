import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { lines, textAt } from './helpers';
import { propertyRuns } from './propertyRuns';
import { lineRange, range } from '../../server/src/service/util/text';
import type { Turn } from '../../server/src/service/model';
import fc from 'fast-check';

test('a cast line gives a quoted turn with label, name and its sentiment line', () => {
  const model = parseTranscript('Speaker 1 (Mark Chen): "I\'m excited."\nSentiment: Positive\n');
  assert.equal(model.turns.length, 1);
  const turn = model.turns[0]!;
  assert.equal(turn.form, 'cast');
  assert.equal(turn.label, 'Speaker 1');
  assert.equal(turn.name, 'Mark Chen');
  assert.equal(turn.quoted, true);
  assert.deepEqual(
    turn.segments.map((s) => s.text),
    ["I'm excited."],
  );
  assert.deepEqual(
    turn.sentiments.map((s) => [s.label, s.polarity, s.form]),
    [['Positive', 'positive', 'line']],
  );
  assert.deepEqual(model.problems, []);
});

test('every turn header form of the format is recognised', () => {
  const text = lines(
    'Host (Ada Byron): "Welcome."',
    'Grace Hopper: [00:00:09] Thanks for having me.',
    '    Speaker: [00:00:22] Indented turn.',
    '[00:01:31] Speaker 1: Plain stamp first.',
    '[00:01:35] Speaker 2: "Quoted stamp first."',
    'Speaker 1: [00:13:36] Label then stamp. (Positive sentiment)',
    '[00:14:56] Speaker 1: Bare sentiment. (Positive)',
    'Speaker 2: No stamp at all.',
  );
  const model = parseTranscript(text);
  assert.deepEqual(
    model.turns.map((t) => [t.form, t.label, t.name ?? null, t.timestamp?.seconds ?? null]),
    [
      ['cast', 'Host', 'Ada Byron', null],
      ['label-stamp', 'Grace Hopper', null, 9],
      ['label-stamp', 'Speaker', null, 22],
      ['stamp-label', 'Speaker 1', null, 91],
      ['stamp-label', 'Speaker 2', null, 95],
      ['label-stamp', 'Speaker 1', null, 816],
      ['stamp-label', 'Speaker 1', null, 896],
      ['label', 'Speaker 2', null, null],
    ],
  );
  assert.deepEqual(model.problems, []);
});

test('the two-line announced form makes one turn with the announced name, stamp, sentiment and text', () => {
  const text = lines('[00:16:08] Speaker: Researcher', 'Sentiment: Neutral', 'Researcher: It gave me an answer.', '');
  const model = parseTranscript(text);
  assert.equal(model.turns.length, 1);
  const turn = model.turns[0]!;
  assert.equal(turn.form, 'announced');
  assert.equal(turn.name, 'Researcher');
  assert.equal(turn.timestamp?.seconds, 968);
  assert.deepEqual(
    turn.segments.map((s) => s.text),
    ['It gave me an answer.'],
  );
  assert.deepEqual(
    turn.sentiments.map((s) => s.label),
    ['Neutral'],
  );
  assert.equal(model.speakers[turn.speakerIndex]!.displayName, 'Researcher');
  assert.deepEqual(turn.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 33 } });
});

test('a turn runs over several lines until the next turn, sentiment line or marker', () => {
  const text = lines(
    '[00:00:01] Speaker 1: "First line',
    'second line',
    '',
    'third line after a blank."',
    'Sentiment: Positive',
    'stray text after the sentiment',
  );
  const model = parseTranscript(text);
  assert.deepEqual(
    model.turns[0]!.segments.map((s) => s.text),
    ['First line', 'second line', 'third line after a blank.'],
  );
  assert.equal(model.turns[0]!.quoted, true);
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line]),
    [['unrecognized-line', 5]],
  );
});

test('timestamps: H:MM:SS, MM:SS, hours above 99 and fractions, with value and exact range', () => {
  const model = parseTranscript(
    lines('[0:01:02] A: one', '[03:04] B: two', '[123:00:00] A: three', '[00:00:01.250] B: four', '[00:00:02,5] A: five'),
  );
  assert.deepEqual(
    model.turns.map((t) => t.timestamp?.seconds),
    [62, 184, 442800, 1.25, 2.5],
  );
  const stamp = model.turns[3]!.timestamp!;
  assert.equal(stamp.text, '[00:00:01.250]');
  assert.deepEqual(stamp.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 14 } });
  assert.deepEqual(stamp.format, { fields: 'hms', leadingDigits: 2, fraction: { separator: '.', digits: 3 } });
  assert.deepEqual(model.turns[1]!.timestamp!.format, { fields: 'ms', leadingDigits: 2 });
});

test('malformed stamps are problems at the stamp, and the turn is still parsed', () => {
  const text = lines('[00:75:00] Speaker 1: Too many minutes.', 'Speaker 2: [1:2] Too few digits.');
  const model = parseTranscript(text);
  assert.equal(model.turns.length, 2);
  assert.equal(model.turns[0]!.timestamp, undefined);
  assert.deepEqual(
    model.problems.map((p) => [p.code, textAt(text, p.range)]),
    [
      ['timestamp-malformed', '[00:75:00]'],
      ['timestamp-malformed', '[1:2]'],
    ],
  );
  assert.match(model.problems[0]!.message, /minutes must be below 60/);
});

test('each malformed stamp says what is wrong with it', () => {
  const cases: Array<[string, string]> = [
    ['00:75:00', 'minutes must be below 60'],
    ['00:00:75', 'seconds must be below 60'],
    ['1:2:03', 'minutes need two digits'],
    ['01:02:3', 'seconds need two digits'],
    ['1:2', 'seconds need two digits'],
    ['1234:56', 'minutes in a MM:SS stamp have at most 3 digits'],
    ['00:00:09.1234', 'a fraction has at most 3 digits'],
    ['00:00:09.', 'expected HH:MM:SS, MM:SS or seconds such as 12.5s'],
    ['1:02:03:04', 'expected HH:MM:SS, MM:SS or seconds such as 12.5s'],
    ['12', 'expected HH:MM:SS, MM:SS or seconds such as 12.5s'],
    ['12:3a', 'expected HH:MM:SS, MM:SS or seconds such as 12.5s'],
    ['12::34', 'expected HH:MM:SS, MM:SS or seconds such as 12.5s'],
  ];
  for (const [inner, reason] of cases) {
    const model = parseTranscript(`[${inner}] Speaker 1: Hello.`);
    assert.deepEqual(
      model.problems.map((p) => p.message),
      [`[${inner}] is not a valid time: ${reason}.`],
      inner,
    );
  }
});

test('valid stamps are read as seconds in their own format, formats shared between stamps', () => {
  const cases: Array<[string, number, object]> = [
    ['00:00:09', 9, { fields: 'hms', leadingDigits: 2 }],
    ['1:02:03', 3723, { fields: 'hms', leadingDigits: 1 }],
    ['100:00:01', 360001, { fields: 'hms', leadingDigits: 3 }],
    ['00:01:02.5', 62.5, { fields: 'hms', leadingDigits: 2, fraction: { separator: '.', digits: 1 } }],
    ['00:01:02,125', 62.125, { fields: 'hms', leadingDigits: 2, fraction: { separator: ',', digits: 3 } }],
    ['12:34', 754, { fields: 'ms', leadingDigits: 2 }],
    ['123:45.06', 7425.06, { fields: 'ms', leadingDigits: 3, fraction: { separator: '.', digits: 2 } }],
    ['0000000000000000000001:00:00', 3600, { fields: 'hms', leadingDigits: 22 }],
  ];
  for (const [inner, seconds, format] of cases) {
    const stamp = parseTranscript(`[${inner}] Speaker 1: Hello.`).turns[0]!.timestamp!;
    assert.equal(stamp.seconds, seconds, inner);
    assert.deepEqual(stamp.format, format, inner);
  }
  const [a, b] = parseTranscript(lines('[00:00:01] A: one', '[12:34:56] B: two')).turns;
  assert.equal(a!.timestamp!.format, b!.timestamp!.format);
});

test('sentiment forms: line, parenthesised, bracketed, trailing, bare; each attached with polarity and label', () => {
  const text = lines(
    'Speaker 1: one',
    '    Sentiment: Frustrated turning into Hopeful',
    'Speaker 2: two',
    '(Sentiment: Positive)',
    'Speaker 1: three',
    '[Neutral sentiment]',
    'Speaker 2: four (Negative sentiment)',
    'Speaker 1: five (Excited)',
    'Speaker 2: six (CROSSTALK)',
    'Speaker 1: seven',
    "Sentiment: Positive, appreciative of the model's capabilities. Acknowledgment of the challenges faced.",
  );
  const model = parseTranscript(text);
  const found = model.turns.map((t) => t.sentiments.map((s) => [s.form, s.label, s.polarity]));
  assert.deepEqual(found, [
    [['line', 'Frustrated turning into Hopeful', 'mixed']],
    [['parenthesized', 'Positive', 'positive']],
    [['bracketed', 'Neutral', 'neutral']],
    [['trailing', 'Negative', 'negative']],
    [['trailing-bare', 'Excited', 'positive']],
    [],
    [['line', "Positive, appreciative of the model's capabilities. Acknowledgment of the challenges faced.", 'positive']],
  ]);
  assert.deepEqual(
    model.turns[5]!.segments.map((s) => s.text),
    ['six (CROSSTALK)'],
  );
  const mixed = model.turns[0]!.sentiments[0]!;
  assert.equal(textAt(text, mixed.labelRange), 'Frustrated turning into Hopeful');
  assert.equal(mixed.normalization, 'combined');
  assert.equal(textAt(text, model.turns[3]!.sentiments[0]!.range), '(Negative sentiment)');
});

test('orphan sentiment, unterminated quote and a line that fits no form are problems', () => {
  const text = lines('Sentiment: Positive', 'Speaker 1: "never closed', 'Sentiment: Neutral', 'just some words');
  const model = parseTranscript(text);
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line]),
    [
      ['orphan-sentiment', 0],
      ['unterminated-quote', 1],
      ['unrecognized-line', 3],
    ],
  );
  assert.equal(model.turns.length, 1);
});

test('lines before the first turn are the preamble: a title or a description is not a problem, and no turn', () => {
  const text = lines('Interview with the harbour master', 'Recorded at the pier, March', '', 'Speaker 1: Shall we start?', 'a stray line');
  const model = parseTranscript(text);
  assert.deepEqual(
    model.turns.map((t) => t.headerRange.start.line),
    [3],
  );
  // The preamble ends at the first turn: text after it that belongs to no turn is a problem again.
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line]),
    [],
    'the stray line continues the turn: it has no sentiment note to close it',
  );
  const closed = parseTranscript(lines('A title', 'Speaker 1: Shall we start?', 'Sentiment: Neutral', 'a stray line'));
  assert.deepEqual(
    closed.problems.map((p) => [p.code, p.range.start.line]),
    [['unrecognized-line', 3]],
  );
});

test('chunks: explicit markers of all three kinds and implicit boundaries where the format changes', () => {
  const text = lines(
    'Speaker 1 (Ann Lee): "Hello."',
    'Sentiment: Positive',
    'This chunk continues in the next part.',
    '[00:00:05] Speaker 1: "Hi."',
    'Sentiment: Neutral',
    '[00:00:07] Speaker 2: "Hello again."',
    'Sentiment: Neutral',
    'Speaker 1: [00:00:09] Now another format. (Positive sentiment)',
    'Speaker 2: [00:00:10] Still this one. (Positive sentiment)',
    '[This chunk continues in the next part.]',
    'Speaker 2: [00:00:12] More. (Neutral sentiment)',
    'This is the last chunk.',
  );
  const model = parseTranscript(text);
  assert.deepEqual(
    model.chunks.map((c) => [c.boundary, c.turnIndices.length, c.endMarker?.kind ?? null]),
    [
      ['document-start', 1, 'continues'],
      ['explicit', 2, null],
      ['implicit', 2, 'continues-bracketed'],
      ['explicit', 1, 'last'],
    ],
  );
  assert.deepEqual(model.chunks[1]!.timeSpan, { start: 5, end: 7 });
});

test('one turn of another shape is no chunk: a turn typed without its note yet, or one put in quotes', () => {
  const chunk = [
    '[00:01:31] Speaker 1: Whatever the task you are doing.',
    'Sentiment: Neutral',
    '[00:01:33] Speaker 2: How long have you been working on this?',
    'Sentiment: Neutral',
    '[00:01:35] Speaker 1: Since the spring.',
    'Sentiment: Positive',
    '[00:01:40] Speaker 1: And we saw it scale.',
    'Sentiment: Positive',
  ];
  const typed = [...chunk.slice(0, 4), '[00:01:34] Speaker 2: Right, that makes sense.', ...chunk.slice(4)];
  const quoted = chunk.map((line) =>
    line.replace('Speaker 2: How long have you been working on this?', 'Speaker 2: "How long have you been working on this?"'),
  );
  for (const text of [lines(...chunk), lines(...typed), lines(...quoted)]) {
    const model = parseTranscript(text);
    assert.equal(model.chunks.length, 1, text);
    assert.equal(model.speakers.length, 2, text);
  }
  // Two turns in the new format after two in the old are a join; so is one whose stamp goes back.
  const joined = [...chunk, '[00:01:44] Speaker 1: "Next part."', '[00:01:47] Speaker 2: "Yes."'];
  assert.deepEqual(
    parseTranscript(lines(...joined)).chunks.map((c) => [c.boundary, c.turnIndices.length]),
    [
      ['document-start', 4],
      ['implicit', 2],
    ],
  );
  const backwards = [...chunk, '[00:01:20] Speaker 1: "Said again."'];
  assert.deepEqual(
    parseTranscript(lines(...backwards)).chunks.map((c) => [c.boundary, c.turnIndices.length]),
    [
      ['document-start', 4],
      ['implicit', 1],
    ],
  );
});

test('speaker labels restart per chunk: the same label in two chunks is two speakers', () => {
  const text = lines(
    'Speaker 1 (Mark Chen): "One."',
    'This chunk continues in the next part.',
    'Speaker 1 (Bo Jin): "Two."',
    'Speaker 1 (Bo Jin): "Three."',
  );
  const model = parseTranscript(text);
  assert.equal(model.speakers.length, 2);
  assert.deepEqual(
    model.speakers.map((s) => [s.chunkIndex, s.label, s.name, s.turnIndices.length]),
    [
      [0, 'Speaker 1', 'Mark Chen', 1],
      [1, 'Speaker 1', 'Bo Jin', 2],
    ],
  );
});

test('continuation text that only looks like a label is not a turn', () => {
  const model = parseTranscript(lines('Speaker 1: He told me', 'and then he said: fine.'));
  assert.equal(model.turns.length, 1);
  assert.equal(model.turns[0]!.segments.length, 2);
});

test('CRLF line ends and a BOM: positions are the same as with LF and no BOM, but for the BOM unit', () => {
  const lf = lines('[00:00:01] Speaker 1: Hi.', '[00:75:00] Speaker 2: Bad.');
  const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
  const a = parseTranscript(lf);
  const b = parseTranscript(crlf);
  assert.equal(b.turns.length, 2);
  assert.equal(b.turns[0]!.label, 'Speaker 1');
  assert.deepEqual(b.turns[0]!.timestamp!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 11 } });
  assert.deepEqual(
    b.problems.map((p) => p.range),
    a.problems.map((p) => p.range),
  );
  assert.equal(b.turns[0]!.segments[0]!.text, 'Hi.');
});

test('positions count UTF-16 code units: emoji and CJK', () => {
  const text = lines('王小明 (Wang Xiaoming): "你好 😀 world"', '[00:00:02] Speaker 2: 😀 smile', '[00:75:00] 李雷: 好 😀');
  const model = parseTranscript(text);
  const first = model.turns[0]!;
  assert.equal(first.label, '王小明');
  assert.deepEqual(first.segments[0]!.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 33 } });
  assert.equal(textAt(text, first.segments[0]!.range), '你好 😀 world');
  assert.equal(textAt(text, model.turns[1]!.segments[0]!.range), '😀 smile');
  const bad = model.problems.find((p) => p.code === 'timestamp-malformed')!;
  assert.equal(textAt(text, bad.range), '[00:75:00]');
  assert.equal(model.turns[2]!.label, '李雷');
});

test('the parser never throws and every range stays inside the document', () => {
  const inputs = [
    '',
    '\n\n\n',
    '[',
    '['.repeat(10000),
    '[99999999999:00:00] A: x',
    '"'.repeat(99),
    '\u0000\ud800\udfff\ud800',
    'This is the last chunk.\n'.repeat(100),
  ];
  for (const input of inputs) {
    const model = parseTranscript(input);
    const lineCount = input.split(/\r\n|\r|\n/).length;
    for (const problem of model.problems) assert.ok(problem.range.end.line < lineCount);
  }
  assert.equal(parseTranscript('[99999999999:00:00] A: x').turns[0]!.timestamp!.seconds, 99999999999 * 3600);
});

test('words lose only their edge punctuation, whatever the script', async () => {
  const { normalizeWord } = await import('../../server/src/service/checks/words');
  assert.equal(normalizeWord('"Hello,'), 'hello');
  assert.equal(normalizeWord('(Łukasz)'), 'łukasz');
  assert.equal(normalizeWord('你好!'), '你好');
  assert.equal(normalizeWord('😀word😀'), 'word');
  assert.equal(normalizeWord('𝒜bc!'), '𝒜bc'.toLowerCase());
  assert.equal(normalizeWord("e-mails'"), 'e-mails');
  assert.equal(normalizeWord('!?'), '');
});

test('a byte-order mark at the start of a later line (chunk files joined together) is blank', () => {
  const model = parseTranscript(
    '\ufeffSpeaker 1: One.\nThis chunk continues in the next part.\n\ufeffSpeaker 1: Two.\n\ufeff\ufeffThis is the last chunk.',
  );
  assert.equal(model.turns.length, 2);
  assert.deepEqual(
    model.markers.map((m) => m.kind),
    ['continues', 'last'],
  );
  assert.deepEqual(model.turns[1]!.labelRange, { start: { line: 2, character: 1 }, end: { line: 2, character: 10 } });
  assert.deepEqual(model.problems, []);
});

test('turns read their own text in sections of every size: a few lines, past 65,536 characters, past 4,096 lines', () => {
  // Sections keep their line offsets packed into 16 bits when they fit, and as numbers when not.
  const turnLine = (n: number, width: number) => `Speaker ${(n % 3) + 1}: line ${n} ${'é'.repeat(width)} ✓`;
  const small = [0, 1, 2].map((n) => turnLine(n, 5));
  const wide = Array.from({ length: 300 }, (_, n) => turnLine(n, 400));
  const long = Array.from({ length: 5000 }, (_, n) => turnLine(n, 3));
  const text = [...small, 'This chunk continues in the next part.', ...wide, 'This chunk continues in the next part.', ...long].join('\r\n');
  const expected = [...small, ...wide, ...long].map((line) => line.slice(line.indexOf(': ') + 2));
  // The whole text as one piece, and as the service parses it: a section after each marker.
  for (const model of [parseTranscript(text), createTranscriptService().model(textDocument('file:///sizes.transcript', text))]) {
    assert.equal(model.turns.length, expected.length);
    model.turns.forEach((turn, i) => assert.equal(turn.segments[0]!.text, expected[i], `turn ${i}`));
  }
});

test('a turn far into its line, or running on for over a hundred lines, keeps every place exact, also when moved', () => {
  // Turns keep small places packed (up to 126 lines on, 126 characters in) and the rest in full.
  const paragraph = Array.from({ length: 140 }, (_, n) => `line ${n + 1} of the long answer`);
  const text = lines(
    'Host: [00:00:01] Welcome.',
    'This chunk continues in the next part.',
    `${' '.repeat(130)}Grace Hopper: [00:00:09] First words.`,
    ...paragraph,
    'Sentiment: Positive',
    'Speaker 2 (Ada Byron): "Short reply."',
    '',
  );
  const [, far, short] = parseTranscript(text).turns;
  assert.deepEqual(far!.labelRange, { start: { line: 2, character: 130 }, end: { line: 2, character: 142 } });
  assert.deepEqual(far!.timestamp!.range, { start: { line: 2, character: 144 }, end: { line: 2, character: 154 } });
  assert.equal(far!.segments.length, 141);
  assert.deepEqual(far!.segments[0]!.range, { start: { line: 2, character: 155 }, end: { line: 2, character: 167 } });
  assert.deepEqual(far!.segments[140], {
    text: 'line 140 of the long answer',
    range: { start: { line: 142, character: 0 }, end: { line: 142, character: 27 } },
  });
  assert.deepEqual(far!.range, { start: { line: 2, character: 130 }, end: { line: 143, character: 19 } });
  assert.deepEqual(
    far!.sentiments.map((s) => s.range.start.line),
    [143],
  );
  assert.deepEqual(short!.nameRange, { start: { line: 144, character: 11 }, end: { line: 144, character: 20 } });
  assert.deepEqual(short!.range, { start: { line: 144, character: 0 }, end: { line: 144, character: 37 } });
  assert.deepEqual(
    short!.segments.map((s) => s.range.start.character),
    [24],
  );

  // A line added in the first section moves the turns after the marker down one line, unparsed.
  const service = createTranscriptService();
  service.model(textDocument('file:///far.transcript', text, 1));
  const edited = `Title\n${text}`;
  const moved = service.model(textDocument('file:///far.transcript', edited, 2));
  assert.deepEqual(moved.turns[1]!.range, { start: { line: 3, character: 130 }, end: { line: 144, character: 19 } });
  assert.deepEqual(JSON.parse(JSON.stringify(moved.turns)), JSON.parse(JSON.stringify(parseTranscript(edited).turns)));
});

test('property: a turn at any indent and of any length keeps every place exact, also when moved', () => {
  const service = createTranscriptService();
  let version = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 1, max: 190 }),
      fc.constantFrom('Grace Hopper', 'Speaker 2'),
      (indent, textLines, label) => {
        const more = Array.from({ length: textLines - 1 }, (_, n) => `more words ${n}`);
        const text = lines(
          'Host: [00:00:01] Welcome.',
          'This chunk continues in the next part.',
          `${' '.repeat(indent)}${label}: [00:00:09] First words.`,
          ...more,
          'Sentiment: Positive',
          'Host: [00:10:00] Thanks.',
          '',
        );
        const check = (turn: Turn | undefined, headerLine: number) => {
          const stampStart = indent + label.length + 2;
          assert.deepEqual(turn?.labelRange, lineRange(headerLine, indent, indent + label.length));
          assert.deepEqual(turn.timestamp?.range, lineRange(headerLine, stampStart, stampStart + 10));
          assert.deepEqual(
            turn.segments.map((segment) => [segment.text, segment.range.start.line, segment.range.start.character]),
            [['First words.', headerLine, stampStart + 11], ...more.map((words, n) => [words, headerLine + 1 + n, 0])],
          );
          assert.deepEqual(turn.range, range(headerLine, indent, headerLine + textLines, 'Sentiment: Positive'.length));
          assert.deepEqual(
            turn.sentiments.map((sentiment) => sentiment.range.start.line),
            [headerLine + textLines],
          );
        };
        check(parseTranscript(text).turns[1], 2);
        // A line added before the marker moves the turn down a line without parsing it again.
        const uri = `file:///placed-${++version}.transcript`;
        service.model(textDocument(uri, text, 1));
        check(service.model(textDocument(uri, `Title\n${text}`, 2)).turns[1], 3);
        service.forget(uri);
      },
    ),
    { numRuns: propertyRuns(60) },
  );
});

test('readSegments reads the text of each turn where it is, forwards and back, and stops when asked; segments cut the same', () => {
  const text =
    '\uFEFFSpeaker 1 (Ann Lee): "First line 😀\r\n  goes on here\r\n  and ends."\r\nSentiment: Positive\r\n' +
    '[00:00:05] Speaker 2: 中文 text\nmore\rlast\n' +
    'This chunk continues in the next part.\n[00:16:08] Speaker: Researcher\nResearcher: announced text\n';
  const documentLines = text.split(/\r\n|\r|\n/);
  for (const model of [parseTranscript(text), createTranscriptService().model(textDocument('file:///read.transcript', text))]) {
    assert.deepEqual(
      model.turns.map((turn) => turn.segments.map((s) => s.text)),
      [['First line 😀', 'goes on here', 'and ends.'], ['中文 text', 'more', 'last'], ['announced text']],
    );
    for (const turn of model.turns) {
      // Each segment's range picks its text out of the document's own lines.
      for (const { text: spoken, range } of turn.segments) {
        assert.equal(documentLines[range.start.line]!.slice(range.start.character, range.end.character), spoken);
      }
      const expected = turn.segments.map((s) => [s.text, s.range.start.line, s.range.start.character]);
      const read = (fromEnd: boolean) => {
        const found: unknown[] = [];
        turn.readSegments((source, start, end, line, character) => void found.push([source.slice(start, end), line, character]), fromEnd);
        return found;
      };
      assert.deepEqual(read(false), expected);
      assert.deepEqual(read(true), [...expected].reverse());
      let visits = 0;
      turn.readSegments(() => ++visits === 1);
      assert.equal(visits, Math.min(1, expected.length));
    }
  }
});

test('a sentiment note on a line of its own: each form, the label and where it stands, and the lines that are no note', () => {
  /** The note after a turn, as [label, form, where its label starts and ends on the line]. */
  const noteOf = (line: string) =>
    parseTranscript(`Speaker 1: Hello there.\n${line}\n`).turns[0]!.sentiments.map((s) => [
      s.label,
      s.form,
      s.labelRange.start.character,
      s.labelRange.end.character,
    ]);
  const notes: Array<[line: string, note: Array<[string, string, number, number]>]> = [
    ['Sentiment: Positive', [['Positive', 'line', 11, 19]]],
    ['Sentiment:    Positive  ', [['Positive', 'line', 14, 22]]],
    ['(Sentiment: Positive)', [['Positive', 'parenthesized', 12, 20]]],
    ['(Sentiment:   Mixed )', [['Mixed', 'parenthesized', 14, 19]]],
    ['[Positive sentiment]', [['Positive', 'bracketed', 1, 9]]],
    ['[ Positive   sentiment ]', [['Positive', 'bracketed', 2, 10]]],
    ['(Positive\tsentiment)', [['Positive', 'trailing', 1, 9]]],
    ['[  Positive sentiment]', [['Positive', 'bracketed', 3, 11]]],
    // No blank before `sentiment`, no label, a bracket inside, `Sentiment:` or a bare word in
    // square brackets: none is a note.
    ['[Positivesentiment]', []],
    ['[sentiment]', []],
    ['[ sentiment]', []],
    ['(Sentiment: )', []],
    ['(Positive (really))', []],
    ['(Sentiment: Positive (mostly))', []],
    ['[Sentiment: Positive]', []],
    ['[Positive]', []],
  ];
  for (const [line, note] of notes) assert.deepEqual(noteOf(line), note, line);
});
