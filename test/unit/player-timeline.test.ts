import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/service';
import { insertTime, setTurnTime, turnTimeline } from '../../server/src/service/features/playback';
import { analyze, lines, withCursor } from './helpers';

/*
 * The player's timeline (when each turn starts: its stamp, or a time estimated from the stamped
 * turns around it) to the second, and the exact text after Set Stamp to Player Time and Insert
 * Player Time. The texts of the turns below are runs of one letter, so that the characters spoken
 * (the weight of a turn's share of time) can be counted by eye.
 */

/** Each turn's start and estimate: `[seconds, estimate]`. */
function timeline(text: string) {
  return turnTimeline(analyze(text)).map((turn) => [turn.seconds, turn.estimate]);
}

/** The text after Set Stamp to Player Time at the cursor marker, or why not. */
function setAtCursor(marked: string, seconds: number): string {
  const { text, position } = withCursor(marked);
  const result = setTurnTime(analyze(text), position, seconds);
  return 'refused' in result ? `refused: ${result.refused}` : applyEdits(text, result.edits);
}

function insertAtCursor(marked: string, seconds: number): string {
  const { text, position } = withCursor(marked);
  const result = insertTime(analyze(text), position, seconds);
  assert.ok(!('refused' in result));
  return applyEdits(text, result.edits);
}

test('turns between two stamps share the time between them by the characters spoken before each', () => {
  // 40 s over 10 + 20 + 10 characters: the second turn starts 10 characters (10 s) in, the third 30.
  const text = lines('[00:00:10] A: aaaaaaaaaa', 'B: bbbbbbbbbbbbbbbbbbbb', 'C: cccccccccc', '[00:00:50] D: dddddddddd');
  assert.deepEqual(timeline(text), [
    [10, undefined],
    [20, { before: 10, after: 50 }],
    [40, { before: 10, after: 50 }],
    [50, undefined],
  ]);
});

test('after the last stamp, turns go on at the pace the stamps show', () => {
  // 20 s for the first turn's 10 characters: 2 s a character; the 40 characters after 00:30 take 80 s.
  const text = lines('[00:00:10] A: aaaaaaaaaa', '[00:00:30] B: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'C: cccccccccc');
  assert.deepEqual(timeline(text), [
    [10, undefined],
    [30, undefined],
    [110, { before: 30 }],
  ]);
});

test('the pace counts only stamps that go forward: a repeated stamp adds no time', () => {
  // 00:10 twice, then 00:30: 20 s over the second turn's 10 characters, 2 s a character.
  const repeated = lines('[00:00:10] A: aaaaaaaaaa', '[00:00:10] B: bbbbbbbbbb', '[00:00:30] C: cccccccccc', 'D: dddddddddd');
  assert.deepEqual(timeline(repeated).at(-1), [50, { before: 30 }]);
  // 01:00 back to 00:30, then 00:50: 20 s over the 10 characters after 00:30.
  const backwards = lines('[00:01:00] A: aaaaaaaaaa', '[00:00:30] B: bbbbbbbbbb', '[00:00:50] C: cccccccccc', 'D: dddddddddd');
  assert.deepEqual(timeline(backwards).at(-1), [70, { before: 50 }]);
});

test('with no two stamps going forward, the pace is about 150 words a minute', () => {
  // 0.067 s a character: 10 characters after 00:10 take 0.67 s.
  const [, after] = timeline(lines('[00:00:10] A: aaaaaaaaaa', 'B: bbbbbbbbbb'));
  assert.equal((after![0] as number).toFixed(3), '10.670');
});

test('a turn between two stamps of the same time starts at that time', () => {
  assert.deepEqual(timeline(lines('[00:00:10] A: aaaaaaaaaa', 'B: bbbbbbbbbb', '[00:00:10] C: cccccccccc')), [
    [10, undefined],
    [10, { before: 10, after: 10 }],
    [10, undefined],
  ]);
});

test('Set Stamp to Player Time with the cursor at the very start of a turn sets that turn', () => {
  assert.equal(
    setAtCursor(lines('[00:00:10] Speaker 1: One.', '$0[00:00:05] Speaker 2: Two.'), 12),
    lines('[00:00:10] Speaker 1: One.', '[00:00:12] Speaker 2: Two.'),
  );
});

test('Set Stamp to Player Time on a caption cue moves its end with its start, keeping its length', () => {
  const cues = (start: string, end: string) => lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'One.', '', `${start} --> ${end}`, 'Two.', '');
  assert.equal(setAtCursor(cues('$000:00:05.000', '00:00:06.500'), 12.25), cues('00:00:12.250', '00:00:13.750'));
  assert.equal(setAtCursor(cues('$000:00:05.000', '00:00:06.500'), 3), cues('00:00:03.000', '00:00:04.500'));
});

test('a turn before every stamp is stamped as the first stamp after it is written', () => {
  assert.equal(
    setAtCursor(lines('Speaker 1: One$0.', 'Speaker 2: [00:12.5] Two.'), 3),
    lines('Speaker 1: [00:03.0] One.', 'Speaker 2: [00:12.5] Two.'),
  );
});

test('the stamp goes after the whitespace that follows the colon, a tab included', () => {
  assert.equal(
    setAtCursor(lines('Speaker 1: [00:00:09] One.', 'Speaker 2:\tTwo$0.'), 14),
    lines('Speaker 1: [00:00:09] One.', 'Speaker 2:\t[00:00:14] Two.'),
  );
});

test('an indented header keeps its indent when the stamp goes before the label', () => {
  assert.equal(
    setAtCursor(lines('  **Dana Reyes:** Hello.', '  **Sam Ortiz:** Hi$0.'), 75),
    lines('  **Dana Reyes:** Hello.', '  [00:01:15] **Sam Ortiz:** Hi.'),
  );
});

test('a label alone on its line takes the stamp after a space, as the other labels have theirs', () => {
  const text = (header: string, rest = 'The job was.') => lines('NK: 00:12:41', 'You said.', '', header, rest);
  assert.equal(setAtCursor(text('HB:', 'The job$0 was.'), 770), text('HB: 00:12:50'));
  assert.equal(setAtCursor(text('HB: ', 'The job$0 was.'), 770), text('HB: 00:12:50'));
});

test('Insert Player Time before the first turn writes the time as the first stamp is written; with no stamps, as [hh:mm:ss]', () => {
  assert.equal(insertAtCursor(lines('$0', '[00:12.5] Speaker 1: One.'), 14), lines('[00:14.0]', '[00:12.5] Speaker 1: One.'));
  assert.equal(insertAtCursor('$0', 3725), '[01:02:05]');
  assert.equal(insertAtCursor(lines('Speaker 1: 😀 One $0two.'), 14), lines('Speaker 1: 😀 One [00:00:14]two.'));
});
