import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeSpeaker, filterSpeakers, foldForSearch, speakerTooltip, turnDescription, turnLabel } from '../../client/src/speakerFormat';
import type { SpeakerSummary } from '../../protocol';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { hover } from '../../server/src/service/features/hover';
import { analyze } from './helpers';

const NO_MIX = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };

/** A speaker summary with the given counts, as the server would send it. */
function speaker(overrides: Partial<SpeakerSummary>): SpeakerSummary {
  return {
    key: 'name:x',
    displayName: 'X',
    label: 'X',
    chunkIndices: [0],
    resolved: true,
    turnCount: 0,
    talkSeconds: 0,
    sentimentMix: NO_MIX,
    turns: [],
    ...overrides,
  };
}

describe('describeSpeaker', () => {
  const stampedTurn = {
    turnIndex: 0,
    chunkIndex: 0,
    preview: 'Hi',
    seconds: 10,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
    headerRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
  };

  test('gives turns, talk time and sentiment mix', () => {
    const twelve = speaker({
      turnCount: 12,
      talkSeconds: 271,
      sentimentMix: { ...NO_MIX, positive: 8, neutral: 3, negative: 1 },
      turns: [stampedTurn],
    });
    assert.equal(describeSpeaker(twelve), '12 turns · 4 min 31 s · 8 positive, 3 neutral, 1 negative');
  });

  test('says "1 turn", and leaves out the talk time of a speaker without stamps', () => {
    assert.equal(describeSpeaker(speaker({ turnCount: 1, sentimentMix: { ...NO_MIX, positive: 1 } })), '1 turn · 1 positive');
  });

  test('reports the real speakers of a parsed transcript', () => {
    const text = [
      '[00:01:05] Speaker 1: The central question in this election is what kind of country we want.',
      'Sentiment: Neutral',
      '',
      '[00:01:40] Speaker 2: Our jobs are fleeing the country.',
      'Sentiment: Negative',
      '',
      '[00:02:15] Speaker 1: Well, I think that trade is an important issue.',
      'Sentiment: Positive',
      '',
    ].join('\n');
    const [first, second] = summarizeSpeakers(parseTranscript(text));
    // Speaker 1 talks from 1:05 to 1:40; the last turn has no later stamp to end it.
    assert.equal(describeSpeaker(first!), '2 turns · 35 s · 1 positive, 1 neutral');
    assert.equal(describeSpeaker(second!), '1 turn · 35 s · 1 negative');
  });

  test('gives talk time as the speaker hover does: one format everywhere', () => {
    const text = ['[00:00:00] Speaker 1: Hello there.', '[00:00:16] Speaker 2: Hi.', '[00:00:20] Speaker 1: Bye.'].join('\n');
    const analysis = analyze(text);
    const [first] = summarizeSpeakers(analysis.model, analysis.people);
    const talkTime = describeSpeaker(first!).split(' · ')[1]!;
    assert.equal(talkTime, '16 s');
    assert.ok(hover(analysis, { line: 0, character: 13 })!.contents.includes(`talk time ${talkTime}`));
  });
});

describe('speakerTooltip', () => {
  test('spells out the label, chunks, turns, talk time and each polarity in words', () => {
    const tooltip = speakerTooltip(
      speaker({
        displayName: 'Mark Chen',
        label: 'Speaker 1',
        name: 'Mark Chen',
        chunkIndices: [0, 2],
        turnCount: 3,
        talkSeconds: 75,
        sentimentMix: { ...NO_MIX, positive: 2, mixed: 1 },
        turns: [
          {
            turnIndex: 0,
            chunkIndex: 0,
            preview: '',
            seconds: 0,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            headerRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      }),
    );
    assert.equal(
      tooltip,
      ['Mark Chen', 'Label: Speaker 1', 'Chunks: 1, 3', 'Turns: 3', 'Talk time: 1 min 15 s', 'Sentiment: 2 positive, 1 mixed'].join('\n'),
    );
  });

  test('an unresolved label says why, then the suggestion as the service words it, once', () => {
    const tooltip = speakerTooltip(
      speaker({
        displayName: 'Speaker 1 (chunk 2)',
        label: 'Speaker 1',
        resolved: false,
        suggestion: 'Maybe the same person as Dana Reyes: the turn at line 3 repeats her words at line 1',
        chunkIndices: [1],
        turnCount: 1,
      }),
    );
    assert.deepEqual(tooltip.split('\n').slice(0, 3), [
      'Speaker 1 (chunk 2)',
      'Unresolved: labels restart in each chunk, and nothing ties this one to a person elsewhere.',
      'Maybe the same person as Dana Reyes: the turn at line 3 repeats her words at line 1',
    ]);
  });

  test('says when there are no stamps or no sentiment instead of showing zeros', () => {
    const tooltip = speakerTooltip(speaker({ displayName: 'Researcher', label: 'Researcher', turnCount: 1 }));
    assert.match(tooltip, /Talk time: unknown \(no timestamps\)/);
    assert.match(tooltip, /Sentiment: none noted/);
  });
});

describe('turn rows', () => {
  const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } };
  test('a stamped turn shows its time before its preview, and its sentiment with a mark', () => {
    const turn = {
      turnIndex: 1,
      chunkIndex: 0,
      preview: 'Our jobs are fleeing the country.',
      seconds: 100,
      range,
      headerRange: range,
      sentiment: { label: 'Negative', polarity: 'negative' as const },
    };
    assert.equal(turnLabel(turn), '00:01:40  Our jobs are fleeing the country.');
    assert.equal(turnDescription(turn), '− Negative');
  });

  test('a turn without stamp, text or sentiment still has a readable label', () => {
    const turn = { turnIndex: 1, chunkIndex: 0, preview: '', range, headerRange: range };
    assert.equal(turnLabel(turn), '(no text)');
    assert.equal(turnDescription(turn), '');
  });
});

describe('filterSpeakers', () => {
  const speakers = [
    speaker({ key: 'a', displayName: 'Łukasz Kaiser', label: 'Speaker 4', name: 'Łukasz Kaiser' }),
    speaker({ key: 'b', displayName: 'José Álvarez', label: 'Guest' }),
    speaker({ key: 'c', displayName: 'Speaker 1 · chunk 2', label: 'Speaker 1' }),
    speaker({ key: 'd', displayName: 'Bob McGrew', label: 'Host', name: 'Bob McGrew' }),
  ];
  const keys = (list: readonly SpeakerSummary[]) => list.map((s) => s.key);

  test('matches a substring of the name, ignoring case', () => {
    assert.deepEqual(keys(filterSpeakers(speakers, 'mcg')), ['d']);
    assert.deepEqual(keys(filterSpeakers(speakers, 'KAISER')), ['a']);
  });

  test('matches the label as written, too', () => {
    assert.deepEqual(keys(filterSpeakers(speakers, 'host')), ['d']);
    assert.deepEqual(keys(filterSpeakers(speakers, 'speaker')), ['a', 'c']);
  });

  test('ignores accents, including letters such as Ł that have no separate accent', () => {
    assert.deepEqual(keys(filterSpeakers(speakers, 'lukasz')), ['a']);
    assert.deepEqual(keys(filterSpeakers(speakers, 'jose alv')), ['b']);
    assert.equal(foldForSearch('Łódź'), 'lodz');
  });

  test('a blank filter keeps everyone, in order; no match keeps no one', () => {
    assert.deepEqual(keys(filterSpeakers(speakers, '  ')), ['a', 'b', 'c', 'd']);
    assert.deepEqual(keys(filterSpeakers(speakers, 'zzz')), []);
  });
});
