import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { WebVTTParser, type VttCue, type VttNode } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import type { Range, Speaker, TextSegment, Timestamp, TranscriptModel, Turn, TurnForm } from '../../server/src/service/model';
import { parseTranscript } from '../../server/src/service/parse/parser';
import {
  DEFAULT_LAST_CUE_SECONDS,
  EXPORT_FORMATS,
  exportTranscript,
  timedCues,
  toJsonModel,
  toMarkdown,
  toSrt,
  toWebVtt,
  transcriptTitle,
} from '../../server/src/service/export';
import { propertyRuns } from './propertyRuns';

/*
 * The exporters are pure functions of the model. WebVTT output is validated with an independent
 * parser from npm, so "valid WebVTT" means what players mean by it, not what we think it means.
 */

function parseVtt(vtt: string) {
  return new WebVTTParser(entities).parse(vtt, 'metadata');
}

/** The voice and plain text of a parsed cue. */
function voiceOf(cue: VttCue): { voice: string | undefined; text: string } {
  const span = cue.tree.children.find((node) => node.type === 'object' && node.name === 'v');
  const collect = (nodes: readonly VttNode[] | undefined): string =>
    (nodes ?? []).map((node) => (node.type === 'text' ? (node.value ?? '') : collect(node.children))).join('');
  return { voice: span?.value, text: collect(cue.tree.children) };
}

/** Shaped like a pipeline's output: timed turns in two formats, an untimed chunk, stamps going back. */
const TIMED = [
  'Moderator: [00:00:05] Good evening and welcome to the forum. (Positive sentiment)',
  '',
  'Speaker 2: [00:00:12] Thank you. It is good to be here tonight. (Neutral sentiment)',
  '',
  'This chunk continues in the next part.',
  '',
  '[00:00:30] Speaker 1: "Our first question is about schools."',
  'Sentiment: Neutral',
  '',
  '[00:00:41] Speaker 2: "Schools need more teachers, & smaller classes <now>."',
  'Sentiment: Determined',
  '',
  'This chunk continues in the next part.',
  '',
  '[00:00:38] Speaker 1: "A repeated stamp -> going backwards."',
  'Sentiment: Neutral',
  '',
  'This is the last chunk.',
].join('\n');

describe('timed cues', () => {
  test('each cue ends where the next later one begins; the last lasts the default', () => {
    const cues = timedCues(parseTranscript(TIMED));
    assert.deepEqual(
      cues.map((cue) => [cue.start, cue.end]),
      [
        [5, 12],
        [12, 30],
        [30, 38],
        [38, 41],
        [41, 41 + DEFAULT_LAST_CUE_SECONDS],
      ],
    );
  });

  test('cues are in time order even where stamps run backwards, and name the chunk speaker', () => {
    const cues = timedCues(parseTranscript(TIMED));
    assert.deepEqual(
      cues.map((cue) => cue.speaker),
      ['Moderator', 'Speaker 2', 'Speaker 1', 'Speaker 1', 'Speaker 2'],
    );
    assert.match(cues[3]!.lines[0]!, /going backwards/);
  });

  test('turns with the same stamp both end at the next later stamp, never at zero length', () => {
    const text = '[00:01:00] A: one\n[00:01:00] B: two\n[00:01:04] A: three\n';
    assert.deepEqual(
      timedCues(parseTranscript(text), { lastCueSeconds: 2 }).map((c) => [c.start, c.end]),
      [
        [60, 64],
        [60, 64],
        [64, 66],
      ],
    );
  });

  test('untimed turns, empty turns and malformed stamps give no cue', () => {
    const text = 'Speaker 1: no stamp here\n[00:00:03] Speaker 2:\n[00:99:00] Speaker 3: broken stamp\n[00:00:09] Speaker 1: timed\n';
    const cues = timedCues(parseTranscript(text));
    assert.deepEqual(
      cues.map((c) => c.lines),
      [['timed']],
    );
  });
});

describe('WebVTT', () => {
  test('the output parses without errors, one cue per timed turn, each with its voice', () => {
    const vtt = toWebVtt(parseTranscript(TIMED));
    const parsed = parseVtt(vtt);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.cues.length, 5);
    assert.deepEqual(
      parsed.cues.map((cue) => [cue.startTime, cue.endTime]),
      [
        [5, 12],
        [12, 30],
        [30, 38],
        [38, 41],
        [41, 46],
      ],
    );
    assert.deepEqual(voiceOf(parsed.cues[0]!), { voice: 'Moderator', text: 'Good evening and welcome to the forum.' });
  });

  test('markup characters in speech come through as text, and an arrow cannot end a cue', () => {
    const parsed = parseVtt(toWebVtt(parseTranscript(TIMED)));
    assert.deepEqual(parsed.errors, []);
    const texts = parsed.cues.map((cue) => voiceOf(cue).text);
    assert.ok(texts.includes('Schools need more teachers, & smaller classes <now>.'), texts.join(' | '));
    assert.ok(texts.includes('A repeated stamp -> going backwards.'));
  });

  test('a speaker name beyond ASCII is the voice, as written', () => {
    const parsed = parseVtt(toWebVtt(parseTranscript('[00:00:01] Łukasz Kaiser: hello there\n')));
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(voiceOf(parsed.cues[0]!), { voice: 'Łukasz Kaiser', text: 'hello there' });
  });

  test('a multi-line turn is one cue with its lines, and hours past 99 still parse', () => {
    const text = '[100:00:00] Speaker 1: first line\n  second line\n';
    const parsed = parseVtt(toWebVtt(parseTranscript(text)));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.cues[0]!.startTime, 360000);
    assert.equal(voiceOf(parsed.cues[0]!).text, 'first line\nsecond line');
  });

  test('a transcript without stamps gives a valid file with no cues', () => {
    const parsed = parseVtt(toWebVtt(parseTranscript('Speaker 1: "Hello."\nSentiment: Positive\n')));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.cues.length, 0);
  });
});

describe('SRT', () => {
  test('cues are numbered from 1 with comma milliseconds and the speaker before the text', () => {
    const srt = toSrt(parseTranscript(TIMED), { lastCueSeconds: 2.5 });
    const blocks = srt.trimEnd().split('\n\n');
    assert.equal(blocks.length, 5);
    assert.deepEqual(blocks[0]!.split('\n'), ['1', '00:00:05,000 --> 00:00:12,000', 'Moderator: Good evening and welcome to the forum.']);
    assert.deepEqual(blocks[4]!.split('\n').slice(0, 2), ['5', '00:00:41,000 --> 00:00:43,500']);
    blocks.forEach((block, i) => assert.equal(block.split('\n')[0], String(i + 1)));
  });
});

describe('JSON', () => {
  test('has speakers, chunks and turns with times, text and sentiment', () => {
    const json = toJsonModel(parseTranscript(TIMED));
    assert.equal(json.schema, 'transcript-editor/export/v1');
    assert.equal(json.turns.length, 5);
    assert.deepEqual(json.turns[0], {
      ...json.turns[0],
      label: 'Moderator',
      name: null,
      start: 5,
      end: 12,
      time: '00:00:05',
      text: 'Good evening and welcome to the forum.',
      sentiments: [{ label: 'Positive', polarity: 'positive' }],
    });
    assert.equal(json.chunks.length, 3);
    assert.deepEqual(
      json.chunks.map((c) => c.endMarker),
      ['continues', 'continues', 'last'],
    );
    const speaker = json.speakers[json.turns[3]!.speaker]!;
    assert.deepEqual([speaker.label, speaker.chunk], ['Speaker 2', 1]);
  });

  test('names from the cast form reach speakers and turns; untimed turns have null times', () => {
    const json = toJsonModel(parseTranscript('Speaker 1 (Ana Lima): "Hi."\nSentiment: Positive\n'));
    assert.deepEqual([json.turns[0]!.name, json.turns[0]!.start, json.turns[0]!.end], ['Ana Lima', null, null]);
    assert.equal(json.speakers[0]!.displayName, 'Ana Lima');
  });

  test('the JSON export is the same object, serialised', () => {
    assert.deepEqual(JSON.parse(exportTranscript(TIMED, 'json')), JSON.parse(JSON.stringify(toJsonModel(parseTranscript(TIMED)))));
  });
});

describe('Markdown', () => {
  test('times are headings, speakers bold, sentiment in italics, chunks as parts', () => {
    const md = toMarkdown(parseTranscript(TIMED), { title: 'Forum' });
    const lines = md.split('\n');
    assert.equal(lines[0], '# Forum');
    assert.ok(lines.includes('## Part 1') && lines.includes('## Part 3'));
    assert.ok(lines.includes('### 00:00:05'));
    assert.ok(lines.includes('**Moderator:** Good evening and welcome to the forum.'));
    assert.ok(lines.includes('*Sentiment: Positive*'));
    assert.ok(lines.indexOf('### 00:00:05') < lines.indexOf('**Moderator:** Good evening and welcome to the forum.'));
  });

  test('speech that looks like Markdown stays text', () => {
    const md = toMarkdown(parseTranscript('Speaker 1: *not bold* and [not a link](x) <b>\n  # not a heading\n'));
    assert.ok(md.includes('\\*not bold\\* and \\[not a link\\](x) \\<b\\>'), md);
    assert.ok(md.includes('\n\\# not a heading'), md);
  });

  test('the default title is the file name without its transcript extensions', () => {
    assert.deepEqual(['interview.transcript.txt', '/a/b/Day 2.transcript', 'C:\\x\\notes.TXT', 'plain', '.transcript'].map(transcriptTitle), [
      'interview',
      'Day 2',
      'notes',
      'plain',
      '.transcript',
    ]);
  });

  test('one chunk gets no part headings', () => {
    assert.doesNotMatch(toMarkdown(parseTranscript('Speaker 1: hello\n')), /## Part/);
  });
});

/*
 * The layouts of issue 16 (cues, segments) give turns an end time of their own and turns with
 * no speaker (label ''). The parser does not make such turns yet, so these tests build the model
 * by hand; the expected files are written out by hand, not taken from the exporter.
 */

/** A turn as these tests describe it: its header's stamp and end, then one line per text line. */
interface HandTurn {
  readonly form: TurnForm;
  readonly label: string;
  readonly start: number;
  readonly end?: number;
  readonly lines: readonly string[];
}

function range(line: number, from: number, to: number, endLine = line): Range {
  return { start: { line, character: from }, end: { line: endLine, character: to } };
}

function handStamp(seconds: number, line: number, from: number): Timestamp {
  const text = '00:00:00.000';
  return {
    seconds,
    text,
    range: range(line, from, from + text.length),
    valueRange: range(line, from, from + text.length),
    format: { fields: 'hms', leadingDigits: 2, fraction: { separator: '.', digits: 3 } },
  };
}

/**
 * One chunk of turns laid out like cues: a `start --> end` header line, the text lines below, a
 * blank line. The chunk's speakers are its distinct labels, '' (no speaker) included.
 */
function handModel(turns: readonly HandTurn[]): TranscriptModel {
  const labels = [...new Set(turns.map((turn) => turn.label))];
  let line = 0;
  const built = turns.map((hand, index): Turn => {
    const header = line;
    const segments: TextSegment[] = hand.lines.map((text, i) => ({ text, range: range(header + 1 + i, 0, text.length) }));
    const lastLine = header + hand.lines.length;
    line = lastLine + 2;
    return {
      index,
      chunkIndex: 0,
      form: hand.form,
      speakerIndex: labels.indexOf(hand.label),
      label: hand.label,
      labelRange: range(header, 0, 0),
      timestamp: handStamp(hand.start, header, 0),
      timestampSeconds: hand.start,
      ...(hand.end !== undefined ? { endTimestamp: handStamp(hand.end, header, 17) } : {}),
      segments,
      readSegments(visit, fromEnd) {
        const order = fromEnd ? [...segments].reverse() : segments;
        for (const segment of order) {
          if (visit(segment.text, 0, segment.text.length, segment.range.start.line, segment.range.start.character)) return;
        }
      },
      quoted: false,
      sentiments: [],
      range: range(header, 0, (hand.lines.at(-1) ?? '').length, lastLine),
      headerRange: range(header, 0, 29),
    };
  });
  const speakers: Speaker[] = labels.map((label, index) => ({
    index,
    chunkIndex: 0,
    label,
    displayName: label,
    turnIndices: built.filter((turn) => turn.label === label).map((turn) => turn.index),
  }));
  const starts = turns.map((turn) => turn.start);
  return {
    chunks: [
      {
        index: 0,
        boundary: 'document-start',
        turnIndices: built.map((turn) => turn.index),
        firstTurn: 0,
        turnCount: built.length,
        range: range(0, 0, 0, Math.max(0, line - 2)),
        timeSpan: { start: Math.min(...starts), end: Math.max(...starts) },
        format: 'start --> end, text below',
      },
    ],
    turns: built,
    speakers,
    markers: [],
    problems: [],
    lineCount: Math.max(1, line - 1),
  };
}

/**
 * Dana's cue ends after the unattributed cue that follows has begun (subtitles may overlap), the
 * unattributed one has two lines, Sam's cue gives no end, and a segment without a speaker ends
 * the file.
 */
const CUES = handModel([
  { form: 'cue', label: 'Dana Reyes', start: 761, end: 764.5, lines: ['So where do we start?'] },
  { form: 'cue', label: '', start: 764, end: 767.25, lines: ['With the budget,', 'I think.'] },
  { form: 'cue', label: 'Sam Okafor', start: 768, lines: ['Fine, the budget.'] },
  { form: 'segment', label: '', start: 770, lines: ['And the schedule after that.'] },
]);

describe('exports of cues and of turns without a speaker', () => {
  test('a cue ends at its own end time when it has one, else where the next later cue begins', () => {
    assert.deepEqual(
      timedCues(CUES).map((cue) => [cue.start, cue.end, cue.speaker]),
      [
        [761, 764.5, 'Dana Reyes'],
        [764, 767.25, undefined],
        [768, 770, 'Sam Okafor'],
        [770, 770 + DEFAULT_LAST_CUE_SECONDS, undefined],
      ],
    );
  });

  test('an end time that is not after the start is ignored, as if the cue gave none', () => {
    const model = handModel([
      { form: 'cue', label: 'A', start: 10, end: 10, lines: ['one'] },
      { form: 'cue', label: 'B', start: 12, end: 11, lines: ['two'] },
    ]);
    assert.deepEqual(
      timedCues(model, { lastCueSeconds: 2 }).map((cue) => [cue.start, cue.end]),
      [
        [10, 12],
        [12, 14],
      ],
    );
  });

  test('WebVTT: own end times, and no voice span for a turn without a speaker', () => {
    const expected = [
      'WEBVTT',
      '',
      '00:12:41.000 --> 00:12:44.500',
      '<v Dana Reyes>So where do we start?',
      '',
      '00:12:44.000 --> 00:12:47.250',
      'With the budget,',
      'I think.',
      '',
      '00:12:48.000 --> 00:12:50.000',
      '<v Sam Okafor>Fine, the budget.',
      '',
      '00:12:50.000 --> 00:12:55.000',
      'And the schedule after that.',
      '',
    ].join('\n');
    const vtt = toWebVtt(CUES);
    assert.equal(vtt, expected);
    const parsed = parseVtt(vtt);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(voiceOf(parsed.cues[1]!), { voice: undefined, text: 'With the budget,\nI think.' });
  });

  test('SRT: own end times, and no `Name:` before the text of a turn without a speaker', () => {
    const expected = [
      '1',
      '00:12:41,000 --> 00:12:44,500',
      'Dana Reyes: So where do we start?',
      '',
      '2',
      '00:12:44,000 --> 00:12:47,250',
      'With the budget,',
      'I think.',
      '',
      '3',
      '00:12:48,000 --> 00:12:50,000',
      'Sam Okafor: Fine, the budget.',
      '',
      '4',
      '00:12:50,000 --> 00:12:55,000',
      'And the schedule after that.',
      '',
    ].join('\n');
    assert.equal(toSrt(CUES), expected);
  });

  test('cue times are rounded to the nearest millisecond, never cut', () => {
    const model = handModel([
      // 0.5005 s is 500.49999999999994 ms in floating point; its digits say 501.
      { form: 'cue', label: 'A', start: 0.5005, end: 4 + 0.007, lines: ['one'] },
      // 4 + 0.007, as a stamp's fields add up, is 4006.9999999999995 ms.
      { form: 'segment', label: '', start: 12.3456, end: 12.9994, lines: ['two'] },
    ]);
    assert.equal(
      toWebVtt(model),
      ['WEBVTT', '', '00:00:00.501 --> 00:00:04.007', '<v A>one', '', '00:00:12.346 --> 00:00:12.999', 'two', ''].join('\n'),
    );
    assert.equal(toSrt(model), ['1', '00:00:00,501 --> 00:00:04,007', 'A: one', '', '2', '00:00:12,346 --> 00:00:12,999', 'two', ''].join('\n'));
  });

  test('Markdown: a turn without a speaker is its text alone, with no empty bold label', () => {
    const expected = [
      '# Budget',
      '',
      '### 00:12:41',
      '',
      '**Dana Reyes:** So where do we start?',
      '',
      '### 00:12:44',
      '',
      'With the budget,',
      'I think.',
      '',
      '### 00:12:48',
      '',
      '**Sam Okafor:** Fine, the budget.',
      '',
      '### 00:12:50',
      '',
      'And the schedule after that.',
      '',
    ].join('\n');
    assert.equal(toMarkdown(CUES, { title: 'Budget' }), expected);
  });

  test('JSON: a turn without a speaker keeps its empty label, and its end is the cue end', () => {
    const json = toJsonModel(CUES);
    assert.deepEqual(
      json.turns.map((turn) => [turn.label, turn.name, turn.start, turn.end, turn.form, turn.text]),
      [
        ['Dana Reyes', null, 761, 764.5, 'cue', 'So where do we start?'],
        ['', null, 764, 767.25, 'cue', 'With the budget,\nI think.'],
        ['Sam Okafor', null, 768, 770, 'cue', 'Fine, the budget.'],
        ['', null, 770, 775, 'segment', 'And the schedule after that.'],
      ],
    );
    assert.doesNotMatch(JSON.stringify(json), /\*\*/);
  });
});

describe('exports of arbitrary text', () => {
  /** Timed turn headers and markup-heavy speech, mixed with anything at all. */
  const line = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('[00:00:01]', '[00:01:00]', '[1:00:00.5]', '[00:00:30]', '[9:99]'),
        fc.constantFrom('Speaker 1', 'Host', 'Ana Lima'),
        fc.string({ maxLength: 40 }),
      )
      .map(([stamp, label, text]) => `${stamp} ${label}: ${text}`),
    fc.constantFrom('<v Evil>', '-->', '00:00:01.000 --> 00:00:02.000', 'WEBVTT', '&amp; & < >', 'NOTE x', ''),
    fc.string({ maxLength: 40 }),
  );

  test('WebVTT is always valid, and every format exports without throwing', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = lines.join('\n');
        const parsed = parseVtt(toWebVtt(parseTranscript(text)));
        assert.deepEqual(parsed.errors, [], text);
        for (const info of EXPORT_FORMATS) assert.equal(typeof exportTranscript(text, info.format), 'string');
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

test('Markdown: a line that would start a heading, a list or an underline is escaped, a figure is not; the title is trimmed, or “Transcript”', () => {
  const cue = ['Hello there.', '# not a heading', '- not a list', '12. not a list', '3) not a list', '1.5 million', '+ plus', '= equals', '1.'];
  const text = [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    `<v Ana>${cue[0]}`,
    ...cue.slice(1),
    '',
    '00:00:05.000 --> 00:00:06.000',
    '<v Ben>   ',
    '',
  ].join('\n');
  const body = [
    '### 00:00:01',
    '',
    '**Ana:** Hello there.',
    '\\# not a heading',
    '\\- not a list',
    '12\\. not a list',
    '3\\) not a list',
    '1.5 million',
    '\\+ plus',
    '\\= equals',
    '1\\.',
    '',
    '### 00:00:05',
    '',
    '**Ben:**',
    '',
  ].join('\n');
  assert.equal(exportTranscript(text, 'md', { title: '  Harbour  ' }), `# Harbour\n\n${body}`);
  assert.equal(exportTranscript(text, 'md', { title: '   ' }), `# Transcript\n\n${body}`);
});
