import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTranscriptService, textDocument } from '../../server/src/service';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { isExportFormat, timedCues } from '../../server/src/service/export';
import { lines } from './helpers';

/*
 * Subtitle exports say what they leave out or change: turns without a time, cues stretched past a
 * stamp that comes too soon, stamps that go backwards. Expected figures are worked out by hand.
 */

const THIRTY_WORDS = Array.from({ length: 30 }, (_, i) => `word${i + 1}`).join(' ');
const TEXT = lines(
  '[00:00:00] Speaker 1: One two three four.',
  'Speaker 2: Five six seven eight nine ten.',
  `[00:00:10] Speaker 1: ${THIRTY_WORDS}.`,
  '[00:00:11] Speaker 2: Short.',
  '[00:00:05] Speaker 1: Back in time.',
);

const cueTimes = (untimed?: 'estimate') =>
  timedCues(parseTranscript(TEXT), untimed ? { untimed } : {}).map((cue) => [
    cue.turnIndex,
    Number(cue.start.toFixed(4)),
    Number(cue.end.toFixed(4)),
  ]);

test('a turn without a stamp has no cue; a cue whose next stamp comes too soon lasts as long as its words take at 150 a minute', () => {
  assert.deepEqual(cueTimes(), [
    [0, 0, 5],
    [4, 5, 10],
    // 30 words cannot be said in the 1 s before 00:00:11: 30 words at 2.5 a second end at 22 s.
    [2, 10, 22],
    [3, 11, 16],
  ]);
});

test('with estimated times, the turn without a stamp is placed by the text spoken before it', () => {
  // 19 characters from 00:00:00 before it, 30 of its own, then 00:00:10: 10 × 19 / 49 s. Its
  // 6 words do not fit in the 1.12 s before 00:00:05, so it lasts 6 / 2.5 = 2.4 s.
  assert.deepEqual(cueTimes('estimate'), [
    [0, 0, 3.8776],
    [1, 3.8776, 6.2776],
    [4, 5, 10],
    [2, 10, 22],
    [3, 11, 16],
  ]);
});

test('the notes say each of these, for the subtitle formats only', () => {
  const service = createTranscriptService();
  const document = textDocument('file:///notes.transcript', TEXT);
  assert.deepEqual(service.exportNotes(document, 'vtt'), {
    notes: [
      '1 turn without a timestamp has no cue',
      '1 cue lasts as long as its words take to say, as the next timestamp came too soon',
      '1 timestamp goes backwards, so its turn shows out of place in the cues: fix the timestamps first',
    ],
    leftOut: 1,
  });
  assert.deepEqual(
    service.exportNotes(document, 'srt', { untimed: 'estimate' }).notes[0],
    '1 turn without a timestamp got a time estimated from the timestamps around it',
  );
  assert.deepEqual(service.exportNotes(document, 'json'), { notes: [], leftOut: 0 });
});

test('the notes count in words: two of each read in the plural, and none is said of a transcript that needs none', () => {
  const doubled = lines(
    '[00:00:00] Speaker 1: One two three four.',
    'Speaker 2: Five six seven eight nine ten.',
    'Speaker 1: Eleven twelve.',
    `[00:00:10] Speaker 1: ${THIRTY_WORDS}.`,
    '[00:00:11] Speaker 2: Short.',
    `[00:00:20] Speaker 1: ${THIRTY_WORDS}.`,
    '[00:00:21] Speaker 2: Short again.',
    '[00:00:05] Speaker 1: Back in time.',
    '[00:00:03] Speaker 2: Further back.',
  );
  const service = createTranscriptService();
  const document = textDocument('file:///plural.transcript', doubled);
  assert.deepEqual(service.exportNotes(document, 'srt'), {
    notes: [
      '2 turns without a timestamp have no cue',
      '2 cues last as long as their words take to say, as the next timestamp came too soon',
      '2 timestamps go backwards, so their turns show out of place in the cues: fix the timestamps first',
    ],
    leftOut: 2,
  });
  assert.equal(
    service.exportNotes(document, 'vtt', { untimed: 'estimate' }).notes[0],
    '2 turns without a timestamp got a time estimated from the timestamps around them',
  );
  const clean = textDocument('file:///clean.transcript', lines('[00:00:00] Speaker 1: One two three.', '[00:00:05] Speaker 2: Four five six.'));
  assert.deepEqual(service.exportNotes(clean, 'vtt'), { notes: [], leftOut: 0 });
});

test('each format is exported as itself, and the Markdown title is the one given', () => {
  const service = createTranscriptService();
  const document = textDocument('file:///formats.transcript', lines('[00:00:01] Speaker 1: Hello there.', '[00:00:04] Speaker 2: Hi.'));
  assert.match(service.exportDocument(document, 'vtt'), /^WEBVTT\n\n00:00:01\.000 --> 00:00:04\.000\n<v Speaker 1>Hello there\.\n/);
  assert.match(service.exportDocument(document, 'srt'), /^1\n00:00:01,000 --> 00:00:04,000\nSpeaker 1: Hello there\.\n/);
  assert.equal((JSON.parse(service.exportDocument(document, 'json')) as { turns: unknown[] }).turns.length, 2);
  assert.match(service.exportDocument(document, 'md', { title: 'Harbour meeting' }), /^# Harbour meeting\n/);
  assert.doesNotMatch(service.exportDocument(document, 'md'), /Harbour meeting/);
  assert.deepEqual(
    ['vtt', 'srt', 'json', 'md', 'txt', 'VTT', ''].map((format) => isExportFormat(format)),
    [true, true, true, true, false, false, false],
  );
});
