import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import type { Turn } from '../../server/src/service/model';

/*
 * One fixture per layout family (test/fixtures/layouts/, invented text), and what a person reading
 * each expects the parser to find: written by hand in expected.json from the layout's rules
 * before the parser read any of them, not produced by the parser.
 */

interface ExpectedTurn {
  readonly line: number;
  readonly label: string;
  readonly seconds: number | null;
  readonly endSeconds: number | null;
  readonly firstWords: string;
}

interface ExpectedFixture {
  readonly form: string;
  readonly turns: readonly ExpectedTurn[];
  readonly speakers: readonly string[];
}

const folder = path.resolve(__dirname, '../../../test/fixtures/layouts');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, ExpectedFixture>;

/** The first words of a turn's text, as a person reads them: segments joined, split at blanks. */
function firstWords(turn: Turn, count: number): string {
  return turn.segments
    .map((segment) => segment.text)
    .join(' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, count)
    .join(' ');
}

const close = (a: number | undefined, b: number | null) => (b === null ? a === undefined : a !== undefined && Math.abs(a - b) < 1e-6);

for (const [file, fixture] of Object.entries(expected)) {
  test(`layout fixture ${file}: its turns, speakers and stamps`, () => {
    const model = parseTranscript(readFileSync(path.join(folder, file), 'utf8'));
    const found = model.turns.map((turn) => ({
      line: turn.headerRange.start.line,
      label: turn.label,
      seconds: turn.timestamp?.seconds,
      endSeconds: turn.endTimestamp?.seconds,
      firstWords: firstWords(turn, fixture.turns.find((t) => t.line === turn.headerRange.start.line)?.firstWords.split(' ').length ?? 3),
    }));
    assert.deepEqual(
      found.map((t) => t.line),
      fixture.turns.map((t) => t.line),
      'header lines',
    );
    fixture.turns.forEach((want, i) => {
      const got = found[i]!;
      assert.equal(got.label, want.label, `label of the turn at line ${want.line}`);
      assert.ok(close(got.seconds, want.seconds), `start of the turn at line ${want.line}: ${got.seconds} ≠ ${want.seconds}`);
      assert.ok(close(got.endSeconds, want.endSeconds), `end of the turn at line ${want.line}: ${got.endSeconds} ≠ ${want.endSeconds}`);
      assert.equal(got.firstWords, want.firstWords, `text of the turn at line ${want.line}`);
    });
    const speakers = [...new Set(model.turns.map((t) => t.label).filter((label) => label !== ''))];
    assert.deepEqual(speakers, fixture.speakers, 'speakers in order of first appearance');
    assert.ok(
      model.turns.some((t) => t.form === fixture.form),
      `some turn has the family's form ${fixture.form}: ${[...new Set(model.turns.map((t) => t.form))].join(', ')}`,
    );
    assert.deepEqual(
      model.problems.filter((p) => p.code !== 'unterminated-quote').map((p) => `${p.code} ${p.range.start.line}`),
      [],
      'no problems: furniture, cue numbers and NOTE blocks are not problems',
    );
  });
}

test('the stamp of each layout’s header: its text with its delimiters, where it stands, its value and its time', () => {
  // Two turns of each layout (docs/format.md's examples, shortened), so that the layout is the
  // document's; the second turn's stamp is checked.
  const layouts: Array<[text: string, form: string, label: string, stamp: string, value: string, at: number, seconds: number]> = [
    [
      '**Lena Brandt** [7:12] So the toaster came in.\n\n**Osei Mensah** [10:03]\nSecond Saturday.\n',
      'bold',
      'Osei Mensah',
      '[10:03]',
      '10:03',
      16,
      603,
    ],
    [
      '**[59:12] SPEAKER_00:** thirty days sounds fair\n\n**[1:00:02] SPEAKER_01:** no objection\n',
      'bold',
      'SPEAKER_01',
      '[1:00:02]',
      '1:00:02',
      2,
      3602,
    ],
    ['**Ruth Adeyemi**  0:18\nNineteen is more.\n\n**Carmen Ibarra**   0:22\nA lot of it.\n', 'bold', 'Carmen Ibarra', '0:22', '0:22', 20, 22],
    [
      '**0:00:19** · Jonah Whitfield: How far up?\n**0:00:35** - Marisol Duarte: Do we bag glass?\n',
      'bold',
      'Marisol Duarte',
      '**0:00:35**',
      '0:00:35',
      0,
      35,
    ],
    ["[Speaker 1] [00:31] repair it\n[Speaker 2] [00:38] okay I'd say repair it\n", 'bracketed', 'Speaker 2', '[00:38]', '00:38', 12, 38],
    ['Marek Silva (58:10):\nI live two doors away.\n\n(58:31):\nI timed it once.\n', 'rev', 'Marek Silva', '(58:31)', '58:31', 0, 3511],
    [
      'Ines Carvalho [(00:00:00)](https://example.org/v?t=0) Welcome back.\n\nTomasz Wolny [(00:00:21)](https://example.org/v?t=21) Seven.\n',
      'linked',
      'Tomasz Wolny',
      '(00:00:21)',
      '00:00:21',
      14,
      21,
    ],
    [
      'Ines Carvalho [(00:00:00)](https://example.org/v?t=0) Welcome back.\n[01:02](https://example.org/v?t=62) The swarm chose us.\n',
      'linked',
      'Ines Carvalho',
      '[01:02]',
      '01:02',
      0,
      62,
    ],
    ["Imogen Clarke  0:44\nRoad over the hill.\n\nBashir Haddad    10:04\nMe. I'll bring it.\n", 'otter', 'Bashir Haddad', '10:04', '10:04', 17, 604],
    [
      'NK: 00:13:05\nDid you ever drop it?\n\nSpeaker 2: 00:14:10\nSorry to jump in.\n',
      'label-stamp-line',
      'Speaker 2',
      '00:14:10',
      '00:14:10',
      11,
      850,
    ],
    [
      '0:00:17.4 **Wren Castillo** Good.\n00:04:11 Samir Aziz: How much dairy came in?\n',
      'stamp-first',
      'Samir Aziz',
      '00:04:11',
      '00:04:11',
      0,
      251,
    ],
    ['00:00:29 The sheds are flats now.\n00:00:37 If you turn to face the water.\n', 'segment', '', '00:00:37', '00:00:37', 0, 37],
    ['[00:00:37] If you turn.\n[00:00:41] The red buoy marks it.\n', 'segment', '', '[00:00:41]', '00:00:41', 0, 41],
    ['**0:02** · Good evening.\n**0:05** · Tonight is about compost.\n', 'segment', '', '**0:05**', '0:05', 0, 5],
    ['[12.3s] Tonight is about compost.\n[14.0s] And about worms.\n', 'segment', '', '[14.0s]', '14.0s', 0, 14],
    ['[0.00 --> 3.96]  Good evening.\n[3.96 --> 6.10]  Tonight is about compost.\n', 'segment', '', '3.96', '3.96', 1, 3.96],
  ];
  for (const [text, form, label, stamp, value, at, seconds] of layouts) {
    const turn = parseTranscript(text).turns[1]!;
    const line = text.split('\n')[turn.headerRange.start.line]!;
    const { timestamp } = turn;
    assert.ok(timestamp, text);
    const slice = (r: { start: { character: number }; end: { character: number } }) => line.slice(r.start.character, r.end.character);
    assert.deepEqual(
      [
        turn.form,
        turn.label,
        timestamp.text,
        slice(timestamp.range),
        slice(timestamp.valueRange),
        timestamp.range.start.character,
        timestamp.seconds,
      ],
      [form, label, stamp, stamp, value, at, seconds],
      text,
    );
  }
  // A range's end is a stamp of its own.
  const range = parseTranscript('[0.00 --> 3.96]  Good evening.\n[3.96 --> 6.10]  Tonight.\n').turns[1]!;
  assert.deepEqual([range.endTimestamp?.text, range.endTimestamp?.range.start.character, range.endTimestamp?.seconds], ['6.10', 10, 6.1]);
});
