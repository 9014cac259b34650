import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { analyze, lines, textAt } from './helpers';

const codes = (text: string, settings = {}) => computeDiagnostics(analyze(text, settings)).map((d) => d.code);

test('timestamp-order names both times, the gap and the line, and points at the stamp it contradicts', () => {
  const text = lines(
    '[00:02:46] Speaker 2: This model is really great.',
    '[00:02:50] Speaker 2: I think that there was a moment.',
    'This chunk continues in the next part.',
    '[00:02:44] Speaker 1: Something new entirely here.',
  );
  const [diagnostic] = computeDiagnostics(analyze(text)).filter((d) => d.code === 'timestamp-order');
  assert.equal(diagnostic!.message, '00:02:44 is 6 s earlier than 00:02:50 (line 2)');
  assert.equal(diagnostic!.severity, 'warning');
  assert.equal(textAt(text, diagnostic!.range), '[00:02:44]');
  assert.equal(textAt(text, diagnostic!.related![0]!.range), '[00:02:50]');
});

test('a stamp equal to the latest is not backwards, even at tolerance 0, and later stamps are measured against the first turn that reached it', () => {
  // 00:00:20 is reached on line 1, left on line 2 and returned to on line 3 (not a repeat of
  // line 2's stamp): line 3 goes back by nothing. Line 4 is measured against line 1's stamp.
  const text = lines(
    '[00:00:20] Ann: The hall is booked for the spring.',
    '[00:00:15] Bob: And the caterers, did they answer?',
    '[00:00:20] Ann: Not yet, I will call them again.',
    '[00:00:05] Bob: Then we wait for them.',
  );
  const backwards = computeDiagnostics(analyze(text, { timestampToleranceSeconds: 0 })).filter((d) => d.code === 'timestamp-order');
  assert.deepEqual(
    backwards.map((d) => d.message),
    ['00:00:15 is 5 s earlier than 00:00:20 (line 1)', '00:00:05 is 15 s earlier than 00:00:20 (line 1)'],
  );
});

/** Two voices crossing: the second stamp half a second before the first. */
const CROSSING = lines('[00:01:10.5] Ann: So what I was saying is that', '[00:01:10.0] Bob: Right, right.', '[00:01:12] Ann: the budget is late.');

test('a stamp half a second back is quiet by default (a crossing of voices), and reported at tolerance 0', () => {
  assert.deepEqual(codes(CROSSING), []);
  assert.deepEqual(codes(CROSSING, { timestampToleranceSeconds: 0 }), ['timestamp-order']);
  const [diagnostic] = computeDiagnostics(analyze(CROSSING, { timestampToleranceSeconds: 0 }));
  assert.equal(diagnostic!.message, '00:01:10 is 0.5 s earlier than 00:01:10.500 (line 1)');
  assert.equal(textAt(CROSSING, diagnostic!.range), '[00:01:10.0]');
  // Just over the gap is quiet, exactly the gap is not: "under" the tolerance is strict.
  assert.deepEqual(codes(CROSSING, { timestampToleranceSeconds: 0.501 }), []);
  assert.deepEqual(codes(CROSSING, { timestampToleranceSeconds: 0.5 }), ['timestamp-order']);
});

test('a stamp exactly 1 s back is reported at the default tolerance of 1 s; 999 ms back is not', () => {
  for (const [later, earlier] of [
    ['00:00:10', '00:00:09'],
    ['01:05', '01:04'],
    ['00:00:10.3', '00:00:09.3'],
    // 1.001 - 0.001 is 0.9999999999999999 in floating point: the gap is compared to the millisecond.
    ['00:00:01.001', '00:00:00.001'],
  ] as const) {
    assert.deepEqual(codes(lines(`[${later}] Ann: one`, `[${earlier}] Bob: two`)), ['timestamp-order'], `${later} then ${earlier}`);
  }
  assert.deepEqual(codes(lines('[00:00:10.000] Ann: one', '[00:00:09.001] Bob: two')), []);
  assert.deepEqual(codes(lines('[00:00:10.000] Ann: one', '[00:00:09.000] Bob: two')), ['timestamp-order']);
});

test('a quiet crossing leaves the latest stamp the latest: the next stamp is still measured against it', () => {
  // 10.5, then 10.0 (0.5 s back, quiet), then 9.4 (1.1 s back from 10.5: reported against line 1).
  const text = lines('[00:00:10.5] Ann: one', '[00:00:10.0] Bob: two', '[00:00:09.4] Ann: three');
  const diagnostics = computeDiagnostics(analyze(text));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
    [['timestamp-order', 2, '00:00:09.400 is 1.1 s earlier than 00:00:10.500 (line 1)']],
  );
});

test('the tolerance is clamped to 0..60 s and read to the millisecond; anything else is the default', async () => {
  const { resolveSettings } = await import('../../server/src/service/settings');
  const tolerance = (value: unknown) => resolveSettings({ timestampToleranceSeconds: value }).timestampToleranceSeconds;
  assert.equal(tolerance(undefined), 1);
  assert.equal(tolerance('2'), 1);
  assert.equal(tolerance(Number.NaN), 1);
  assert.equal(tolerance(-3), 0);
  assert.equal(tolerance(1e9), 60);
  assert.equal(tolerance(0.25), 0.25);
  assert.equal(tolerance(0.0004), 0);
  assert.equal(tolerance(1.2345), 1.235);
});

test('turns without stamps are skipped, not taken as zero', () => {
  assert.deepEqual(codes(lines('[00:01:00] A: one', 'B: two', '[00:01:05] A: three')), []);
});

test('the same stamp twice in a row is timestamp-repeated, not an ordering error, and can be turned off', () => {
  const text = lines('[00:10:44] A: one', '[00:10:44] A: two');
  assert.deepEqual(codes(text), ['timestamp-repeated']);
  assert.deepEqual(codes(text, { reportRepeatedTimestamps: false }), []);
  assert.equal(computeDiagnostics(analyze(text))[0]!.severity, 'information');
});

test('a malformed stamp is an error', () => {
  const [diagnostic] = computeDiagnostics(analyze('[00:75:00] A: x'));
  assert.deepEqual([diagnostic!.code, diagnostic!.severity], ['timestamp-malformed', 'error']);
});

const ORIGINAL =
  'But one of these early models, when we trained it and started talking to it, we started asking it these questions and it was scoring higher on these math tests."';
const APPROXIMATE_REPEAT = 'When we trained the models and started talking to it, we asked it questions and it was scoring higher on math tests.';

test('an approximate re-transcription at a chunk start is a duplicate-overlap covering only the repeated words', () => {
  const text = lines(
    `[00:03:34] Speaker 3: "We tried many methods. ${ORIGINAL}`,
    'Sentiment: Frustrated turning into Hopeful',
    'This chunk continues in the next part.',
    `Speaker 1: "${APPROXIMATE_REPEAT} We could see how it was reasoning."`,
    'Sentiment: Positive',
  );
  const overlaps = computeDiagnostics(analyze(text)).filter((d) => d.code === 'duplicate-overlap');
  assert.equal(overlaps.length, 1);
  const [overlap] = overlaps;
  assert.equal(textAt(text, overlap!.range), APPROXIMATE_REPEAT);
  assert.equal(overlap!.unnecessary, true);
  assert.equal(
    textAt(text, overlap!.related![0]!.range),
    'when we trained it and started talking to it, we started asking it these questions and it was scoring higher on these math tests.',
  );
});

test('an overlap is found at an implicit boundary too (the format changes with no marker)', () => {
  const text = lines(
    '[00:11:58] Speaker 4: "And the cluster has to keep up."',
    '[Neutral sentiment]',
    '[00:12:05] Speaker 5: "Every time we scale a new thing up another order of magnitude, we see another host of problems both algorithmic and..."',
    '[Neutral sentiment]',
    '',
    '[00:12:08] Speaker 1: "Every time we scale a new thing up another order of magnitude, we see another host of problems, both algorithmic and infrastructure. We built a capacity."',
    '[00:12:20] Speaker 2: "That took a year."',
  );
  const model = analyze(text).model;
  assert.equal(model.chunks[1]!.boundary, 'implicit');
  assert.deepEqual(codes(text), ['duplicate-overlap']);
});

test('real repetition is not overlap: a repeated short sentence, interjections, and repeats inside a chunk', () => {
  const text = lines(
    '[00:00:01] Speaker 1: I do not say that.',
    '[00:00:03] Speaker 2: (CROSSTALK)',
    '[00:00:04] Speaker 1: I do not say that. I do not say that.',
    '[00:00:06] Speaker 2: Thank you.',
    'This chunk continues in the next part.',
    '[00:00:08] Speaker 1: Thank you. I do not say that.',
    '[00:00:09] Speaker 2: (CROSSTALK)',
    '[00:00:10] Speaker 1: We will make the economy grow again and we will bring the jobs back home.',
    '[00:00:15] Speaker 1: We will make the economy grow again and we will bring the jobs back home.',
  );
  assert.deepEqual(codes(text), []);
});

test('the minimum of matched words is a setting', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads.',
    'This chunk continues in the next part.',
    '[00:00:02] Speaker 1: We need to rebuild our roads. And our bridges.',
  );
  assert.deepEqual(codes(text), ['duplicate-overlap']);
  assert.deepEqual(codes(text, { overlapMinWords: 7 }), []);
});

test('a repeat spanning several turns gives one diagnostic per turn, each inside its turn', () => {
  const text = lines(
    '[00:01:00] Speaker: The more you think about it, the better the outcome, whatever the task you are doing.',
    '[00:01:31] Speaker 2: How long have you guys been working on this project?',
    'This chunk continues in the next part.',
    '[00:01:31] Speaker 1: Whatever the task you are doing.',
    '[00:01:33] Speaker 2: How long have you guys been working on this project? Since the start.',
  );
  const diagnostics = computeDiagnostics(analyze(text)).filter((d) => d.code === 'duplicate-overlap');
  assert.deepEqual(
    diagnostics.map((d) => textAt(text, d.range)),
    ['Whatever the task you are doing.', 'How long have you guys been working on this project?'],
  );
});

test('a page of prose gets one note at its first line, naming the layouts read, not a problem per line', () => {
  const prose = lines('', '  # Release notes', 'We fixed the exporter.', 'Thanks to everyone who reported it.', 'Sentiment: Positive');
  const diagnostics = computeDiagnostics(analyze(prose));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
    [['not-a-transcript', 'information', 1]],
  );
  assert.equal(textAt(prose, diagnostics[0]!.range), '  # Release notes');
  assert.match(
    diagnostics[0]!.message,
    /^This does not look like a transcript: no speaker turns found \(turns are read as `Name: text`.*see docs\/format\.md\)\.$/,
  );
  // A blank text is an empty transcript, and one turn is enough for the lines around it to be problems of their own.
  assert.deepEqual(codes(lines('', '   ', '')), []);
  assert.deepEqual(codes(lines('Speaker 1: Hello there.', 'Sentiment: Positive', 'A stray line.')), ['unrecognized-line']);
});

test('prose with a stamped turn in it gets one note, not a warning per paragraph; a transcript with a few stray lines keeps one on each', () => {
  const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1} of an essay about rivers, with no speaker in it.`);
  const essay = lines('[00:00:01] Speaker 1: Hello there.', 'Sentiment: Positive', '', ...paragraphs.flatMap((p) => [p, '']));
  const diagnostics = computeDiagnostics(analyze(essay));
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['not-a-transcript'],
  );
  assert.match(
    diagnostics[0]!.message,
    /^This does not look like a transcript: 200 lines are in no speaker turn, more than the 1 speaker turn found \(turns are read as/,
  );
  // Twelve stray lines among twenty turns: a transcript with faults, each shown where it is.
  const turns = Array.from({ length: 20 }, (_, i) => `Speaker ${(i % 2) + 1}: Turn ${i + 1}.`);
  const strays = Array.from({ length: 12 }, (_, i) => `A stray line ${i + 1}.`);
  const faulty = lines(...turns.flatMap((turn, i) => (i < 12 ? [turn, 'Sentiment: Neutral', strays[i]!] : [turn, 'Sentiment: Neutral'])));
  assert.deepEqual(
    codes(faulty),
    Array.from({ length: 12 }, () => 'unrecognized-line'),
  );
});
