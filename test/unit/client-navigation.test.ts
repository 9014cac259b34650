import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  comparePositions,
  nextRangeAfter,
  nextTurn,
  nextTurnBySameSpeaker,
  previousTurn,
  turnAtOrBefore,
  turnsInOrder,
  type TurnLocation,
} from '../../client/src/navigationLogic';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';

/*
 * Two chunks of a debate, the second stamped. Turn header lines: 0, 3, 6 | 11, 14, 17.
 * Chunk 1: Lester Holt, Hillary Clinton, Lester Holt. Chunk 2: Speaker 1, Speaker 2, Speaker 1.
 */
const DEBATE = [
  'Moderator (Lester Holt): "Good evening from Hofstra University."',
  'Sentiment: Positive',
  '',
  'Candidate 1 (Hillary Clinton): "How are you, Donald?"',
  'Sentiment: Positive',
  '',
  'Moderator (Lester Holt): "Good luck to you."',
  'Sentiment: Positive',
  '',
  'This chunk continues in the next part.',
  '',
  '[00:01:05] Speaker 1: The central question in this election is what kind of country we want.',
  'Sentiment: Neutral',
  '',
  '[00:01:40] Speaker 2: Our jobs are fleeing the country.',
  'Sentiment: Negative',
  '',
  '[00:02:15] Speaker 1: Well, I think that trade is an important issue.',
  'Sentiment: Neutral',
  '',
  'This is the last chunk.',
  '',
].join('\n');

const turns = turnsInOrder(summarizeSpeakers(parseTranscript(DEBATE)));
const at = (line: number, character = 0) => ({ line, character });
const headerLine = (turn: TurnLocation | undefined) => turn?.headerRange.start.line;

describe('turnsInOrder', () => {
  test('lists every turn once, in document order, whatever order the speakers come in', () => {
    assert.deepEqual(turns.map(headerLine), [0, 3, 6, 11, 14, 17]);
    assert.deepEqual(
      turns.map((t) => t.turnIndex),
      [0, 1, 2, 3, 4, 5],
    );
  });

  test('the same name is one speaker across the document; a numbered label only within its chunk', () => {
    assert.equal(turns[0]!.speakerKey, turns[2]!.speakerKey);
    assert.equal(turns[3]!.speakerKey, turns[5]!.speakerKey);
    assert.notEqual(turns[3]!.speakerKey, turns[4]!.speakerKey);
  });
});

describe('comparePositions', () => {
  test('orders by line, then by UTF-16 column', () => {
    assert.ok(comparePositions(at(1, 9), at(2, 0)) < 0);
    assert.ok(comparePositions(at(2, 3), at(2, 1)) > 0);
    assert.equal(comparePositions(at(4, 4), at(4, 4)), 0);
  });
});

describe('next and previous turn', () => {
  test('next goes to the header of the turn after the one the cursor is in', () => {
    assert.equal(headerLine(nextTurn(turns, at(0, 0))), 3);
    assert.equal(headerLine(nextTurn(turns, at(1, 5))), 3);
    // From the chunk marker the next turn is the first of the next chunk.
    assert.equal(headerLine(nextTurn(turns, at(9, 4))), 11);
  });

  test('next stops at the last turn instead of wrapping', () => {
    assert.equal(nextTurn(turns, at(17, 0)), undefined);
    assert.equal(nextTurn(turns, at(21, 0)), undefined);
  });

  test('previous from inside a turn goes to its own header, from the header to the turn above', () => {
    assert.equal(headerLine(previousTurn(turns, at(15, 3))), 14);
    assert.equal(headerLine(previousTurn(turns, at(14, 0))), 11);
    assert.equal(headerLine(previousTurn(turns, at(11, 0))), 6);
  });

  test('previous stops at the first turn', () => {
    assert.equal(previousTurn(turns, at(0, 0)), undefined);
  });

  test('no turns: nothing to go to, and nothing breaks', () => {
    assert.equal(nextTurn([], at(0, 0)), undefined);
    assert.equal(previousTurn([], at(3, 0)), undefined);
    assert.equal(turnAtOrBefore([], at(3, 0)), undefined);
    assert.equal(nextTurnBySameSpeaker([], at(3, 0)), undefined);
  });
});

describe('turnAtOrBefore', () => {
  test('is the turn holding the cursor, or the one above a blank line or marker', () => {
    assert.equal(headerLine(turnAtOrBefore(turns, at(4, 2))), 3);
    assert.equal(headerLine(turnAtOrBefore(turns, at(5, 0))), 3);
    assert.equal(headerLine(turnAtOrBefore(turns, at(9, 0))), 6);
  });

  test('is nothing before the first turn', () => {
    const shifted = turnsInOrder(summarizeSpeakers(parseTranscript(`\n\n${DEBATE}`)));
    assert.equal(turnAtOrBefore(shifted, at(1, 0)), undefined);
    assert.equal(headerLine(turnAtOrBefore(shifted, at(2, 0))), 2);
  });
});

describe('nextTurnBySameSpeaker', () => {
  test("skips other speakers to the same person's next turn", () => {
    const result = nextTurnBySameSpeaker(turns, at(1, 0));
    assert.equal(headerLine(result?.current), 0);
    assert.equal(headerLine(result?.target), 6);
    assert.equal(result?.wrapped, false);
  });

  test("wraps from a speaker's last turn to their first", () => {
    const result = nextTurnBySameSpeaker(turns, at(6, 0));
    assert.equal(headerLine(result?.target), 0);
    assert.equal(result?.wrapped, true);
  });

  test('keeps Speaker 1 of the second chunk apart from other speakers', () => {
    assert.equal(headerLine(nextTurnBySameSpeaker(turns, at(12, 0))?.target), 17);
  });

  test('a speaker with one turn wraps onto that turn', () => {
    const result = nextTurnBySameSpeaker(turns, at(14, 5));
    assert.equal(headerLine(result?.target), 14);
    assert.equal(result?.wrapped, true);
  });
});

describe('nextRangeAfter', () => {
  const problem = (line: number, start: number, end: number) => ({ range: { start: at(line, start), end: at(line, end) } });
  const problems = [problem(14, 0, 10), problem(3, 5, 9), problem(3, 0, 4)];

  test('goes to the first problem starting after the cursor, in document order', () => {
    assert.deepEqual(nextRangeAfter(problems, at(0, 0)), { target: problems[2], wrapped: false });
    assert.deepEqual(nextRangeAfter(problems, at(3, 0)), { target: problems[1], wrapped: false });
    // Inside a problem, the next one is the one after it.
    assert.deepEqual(nextRangeAfter(problems, at(3, 6)), { target: problems[0], wrapped: false });
  });

  test('wraps to the first problem after the last', () => {
    assert.deepEqual(nextRangeAfter(problems, at(14, 0)), { target: problems[2], wrapped: true });
  });

  test('has nothing to go to without problems', () => {
    assert.equal(nextRangeAfter([], at(0, 0)), undefined);
  });
});
