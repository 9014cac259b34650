import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeTime, formatTime, parseTime } from '../../server/src/service/util/timestampFormat';

/*
 * Writing a time back in the format it was read in (what a timestamp fix writes), and the
 * `00:02:44` form messages use.
 */

/** The format `written` was read in. */
function formatOf(written: string) {
  const parsed = parseTime(written, true);
  assert.ok(parsed.ok, `${written} reads as a time`);
  return parsed;
}

test('a time is written back in the format it was read in, each field as wide as it was', () => {
  for (const written of ['01:02:03', '1:02:03', '01:02:03.500', '01:02:03,250', '02:03', '2:03.5', '12.5s', '75s']) {
    const { seconds, format } = formatOf(written);
    assert.equal(formatTime(seconds, format), written);
  }
});

test('another time in a format is rounded to its digits, never cut, and carries into the fields above', () => {
  assert.equal(formatTime(61.2346, formatOf('00:00:01.000').format), '00:01:01.235');
  assert.equal(formatTime(3599.9996, formatOf('00:00:01.000').format), '01:00:00.000');
  assert.equal(formatTime(90.26, formatOf('12.5s').format), '90.3s');
  assert.equal(formatTime(125, formatOf('02:03').format), '02:05');
  assert.equal(formatTime(-3, formatOf('02:03').format), '00:00');
});

test('messages write a time as hours, minutes and seconds, with milliseconds only where there are some', () => {
  assert.equal(describeTime(164), '00:02:44');
  assert.equal(describeTime(164.25), '00:02:44.250');
  assert.equal(describeTime(3 * 3600 + 5), '03:00:05');
  assert.equal(describeTime(164.0004), '00:02:44');
  assert.equal(describeTime(164.0006), '00:02:44.001');
});
