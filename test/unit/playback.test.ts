import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/service';
import { insertTime, setTurnTime, turnTimeline } from '../../server/src/service/features/playback';
import { analyze, lines, withCursor } from './helpers';

/*
 * What the player asks of the text: when each turn starts (its stamp, or an estimate from the
 * stamped turns around it), and the player's time written into a turn as the transcript writes
 * its stamps.
 */

/** The text after Set Stamp to Player Time at the cursor marker, or why not. */
function setAtCursor(marked: string, seconds: number): string {
  const { text, position } = withCursor(marked);
  const result = setTurnTime(analyze(text), position, seconds);
  if ('refused' in result) return `refused: ${result.refused}`;
  return applyEdits(text, result.edits);
}

describe('turnTimeline', () => {
  test('a stamped turn starts at its stamp; turns without one are placed between by the text before them', () => {
    const text = lines(
      '[00:00:10] Speaker 1: One two three four five six seven eight nine ten.',
      'Speaker 2: Short.',
      'Speaker 1: Eleven twelve thirteen fourteen.',
      '[00:00:40] Speaker 2: The end.',
    );
    const timeline = turnTimeline(analyze(text));
    assert.deepEqual(
      timeline.map((turn) => turn.headerRange.start.line),
      [0, 1, 2, 3],
    );
    assert.equal(timeline[0]!.seconds, 10);
    assert.equal(timeline[0]!.estimate, undefined);
    assert.equal(timeline[3]!.seconds, 40);
    const [, second, third] = timeline;
    assert.deepEqual(second!.estimate, { before: 10, after: 40 });
    assert.deepEqual(third!.estimate, { before: 10, after: 40 });
    // The long first turn takes most of the 30 s; the short second one little.
    assert.ok(second!.seconds > 25 && second!.seconds < 35, `second at ${second!.seconds}`);
    assert.ok(third!.seconds > second!.seconds && third!.seconds < 40, `third at ${third!.seconds}`);
  });

  test('before the first stamp the estimate counts from the start of the recording; after the last, at the stamps’ pace', () => {
    const text = lines(
      'Speaker 1: Hello there, this is before any stamp.',
      '[00:00:20] Speaker 2: Ten characters',
      '[00:00:30] Speaker 1: and then more.',
      'Speaker 2: After the last stamp.',
    );
    const timeline = turnTimeline(analyze(text));
    assert.equal(timeline[0]!.seconds, 0);
    assert.deepEqual(timeline[0]!.estimate, { after: 20 });
    assert.deepEqual(timeline[3]!.estimate, { before: 30 });
    assert.ok(timeline[3]!.seconds > 30, `after the last stamp: ${timeline[3]!.seconds}`);
  });

  test('a stamp that goes back is not interpolated towards', () => {
    const text = lines('[00:01:00] Speaker 1: First.', 'Speaker 2: Between.', '[00:00:30] Speaker 1: Backwards.');
    const [, between] = turnTimeline(analyze(text));
    assert.ok(between!.seconds >= 60, `between at ${between!.seconds}`);
    assert.deepEqual(between!.estimate, { before: 60 });
  });

  test('a transcript without stamps still has a timeline, from the start', () => {
    const timeline = turnTimeline(analyze(lines('Speaker 1: Hello.', 'Speaker 2: Hi.')));
    assert.equal(timeline.length, 2);
    assert.equal(timeline[0]!.seconds, 0);
    assert.ok(timeline[1]!.seconds > 0);
  });
});

describe('setTurnTime', () => {
  test('rewrites a stamped turn’s time in its own format, delimiters kept', () => {
    assert.equal(
      setAtCursor(lines('[00:00:10] Speaker 1: Hi.', '[00:00:05] Speaker 2: Back$0wards.'), 12.4),
      lines('[00:00:10] Speaker 1: Hi.', '[00:00:12] Speaker 2: Backwards.'),
    );
    assert.equal(setAtCursor(lines('**Dana Reyes** [4:05]', 'Text$0 here.'), 301.6), lines('**Dana Reyes** [5:02]', 'Text here.'));
    assert.equal(
      setAtCursor(lines('Bob McGrew: [00:00:09.250] One.', 'Ann Lee: [00:00:02.000] Two$0.'), 75.5),
      lines('Bob McGrew: [00:00:09.250] One.', 'Ann Lee: [00:01:15.500] Two.'),
    );
  });

  test('adds a stamp, written as the stamps near it, to a turn without one', () => {
    assert.equal(
      setAtCursor(lines('Speaker 1: [00:00:09] One.', 'Speaker 2: Two$0.'), 14),
      lines('Speaker 1: [00:00:09] One.', 'Speaker 2: [00:00:14] Two.'),
    );
    assert.equal(setAtCursor(lines('[00:01] Speaker 1: One.', 'Speaker 2: Two$0.'), 75), lines('[00:01] Speaker 1: One.', 'Speaker 2: [01:15] Two.'));
  });

  test('a stamp goes where the layout puts one: before a Rev colon, before a bold label', () => {
    assert.equal(
      setAtCursor(lines('Dana Reyes (00:00:01):', 'Hello.', '', 'Sam Ortiz:', 'No stamp$0 here.'), 75),
      lines('Dana Reyes (00:00:01):', 'Hello.', '', 'Sam Ortiz (00:01:15):', 'No stamp here.'),
    );
    assert.equal(
      setAtCursor(lines('**Dana Reyes:** Hello.', '**Sam Ortiz:** Hi$0.'), 75),
      lines('**Dana Reyes:** Hello.', '[00:01:15] **Sam Ortiz:** Hi.'),
    );
  });

  test('a layout with no place for a stamp is refused, saying so, and nothing is written', () => {
    assert.match(
      setAtCursor(lines('Speaker 1 (Mark Chen): "Hello there."', 'Speaker 2 (Ann Lee): "Hi$0."'), 75),
      /^refused: This turn's layout \(line 2\) has no place for a stamp/,
    );
  });

  test('a transcript without stamps gets the pipeline format', () => {
    assert.equal(setAtCursor(lines('Speaker 1: One.', 'Speaker 2: Two$0.'), 3725), lines('Speaker 1: One.', 'Speaker 2: [01:02:05] Two.'));
  });

  test('refuses before the first turn', () => {
    assert.match(setAtCursor(lines('$0', 'Speaker 1: One.'), 3), /^refused: .*before the first turn/);
  });
});

describe('insertTime', () => {
  test('writes the time at the cursor as the stamp before it is written', () => {
    const { text, position } = withCursor(lines('Speaker 1: [00:12.5] One $0two.'));
    const result = insertTime(analyze(text), position, 14);
    assert.ok(!('refused' in result));
    assert.equal(applyEdits(text, result.edits), lines('Speaker 1: [00:12.5] One [00:14.0]two.'));
  });
});
