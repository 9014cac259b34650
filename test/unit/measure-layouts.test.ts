import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempFolder } from './cli-harness';

/*
 * `scripts/measure-layouts.mjs` run as a user runs it, with `node`, on a folder the test writes.
 * The expectations are worked out by hand from the files' text, not asked of the service.
 */

const script = join(repoRoot, 'scripts', 'measure-layouts.mjs');

interface LayoutRow {
  file: string;
  chars: number;
  accepted: boolean;
  refusal: string | null;
  turns: number;
  speakers: number;
  timedTurns: number;
  timeShare: number | null;
  longestTurnChars: number;
  longestTurnLine: number | null;
  longestShare: number | null;
  problems: Record<string, number>;
  truthTurns: number | null;
  truthTimed: boolean | null;
  headersMatched: number | null;
  headerRecall: number | null;
  headerPrecision: number | null;
  missedHeaderLines: number[] | null;
  extraHeaderLines: number[] | null;
  criteria: Record<'accepted' | 'headers' | 'stamps' | 'longest' | 'refused', boolean | null> | null;
}

/** The fields of a row that truth.json fills, for a file it says nothing about. */
const NO_TRUTH = {
  truthTurns: null,
  truthTimed: null,
  headersMatched: null,
  headerRecall: null,
  headerPrecision: null,
  missedHeaderLines: null,
  extraHeaderLines: null,
  criteria: null,
} as const;

/** Runs the script from a folder that is not the repository's, so it finds its own way to the service. */
async function measure(folder: string, ...options: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, folder, ...options], { cwd: folder });
  return stdout;
}

/** Runs the script where it is expected to stop: its exit code and what it printed. */
async function measureFailing(folder: string): Promise<{ code: unknown; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, folder], { cwd: folder });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: unknown; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const round = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 1000);

/** Four turns in the project's format; the third goes back in time, the fourth has no stamp. 143 characters. */
const STAMPED = [
  '[00:00:01] Speaker 1: Hello there.', // 34
  '[00:00:05] Speaker 2: Hi, how are you?', // 38, the longest turn
  '[00:00:03] Speaker 1: Fine, thanks.', // 35, stamped before the turn above
  'Speaker 2: No stamp on this one.', // 32
  '',
].join('\n');

/** Notes with no speaker turn at all. */
const PROSE = ['This folder holds transcripts.', 'Nothing here is spoken by anyone.', ''].join('\n');

/**
 * A heading the parser cannot place, then `Summary:`, which reads as a speaker label, so that the
 * turn swallows every line after it: 8 of 100 characters are outside it.
 */
const SWALLOWED = [
  '# Notes', // 7 + 1
  'Summary: one label,', // 19 + 1
  'and every line after it', // 23 + 1
  'is text of its turn, up to', // 26 + 1
  'the end of the file.', // 20, then the final line break (not in the turn)
  '',
].join('\n');

async function corpus(folder: string, truth?: object): Promise<void> {
  await writeFile(join(folder, 'stamped.transcript'), STAMPED);
  await writeFile(join(folder, 'prose.txt'), PROSE);
  await writeFile(join(folder, 'empty.txt'), '');
  await writeFile(join(folder, 'swallowed.md'), SWALLOWED);
  // Not measured: a dotfile, the corpus's own description, a subfolder.
  await writeFile(join(folder, '.manifest.tsv'), 'file\tturns\n');
  await writeFile(join(folder, 'SOURCES.md'), 'Speaker 1: where these files came from\n');
  await mkdir(join(folder, 'nested'));
  await writeFile(join(folder, 'nested', 'deeper.transcript'), STAMPED);
  if (truth) await writeFile(join(folder, 'truth.json'), JSON.stringify(truth));
}

/** Three turns, on lines 1, 3 and 6 (the fourth line goes on the second turn). */
const TALK = ['Host: Welcome to the show.', '', 'Guest: Thanks for having me.', 'It is good to be here.', '', 'Host: Shall we begin?', ''].join('\n');

/** Six stamped turns on lines 1 to 6; the longest, line 3, is 33 of the 195 characters. */
const PANEL = [
  '[00:00:01] Ana: One two three.', // 30 + 1
  '[00:00:04] Ben: Four five six.', // 30 + 1
  '[00:00:07] Ana: Seven eight nine.', // 33 + 1
  '[00:00:10] Ben: Ten and eleven.', // 31 + 1
  '[00:00:13] Ana: Twelve thirteen.', // 32 + 1
  '[00:00:16] Ben: Fourteen fifteen.', // 33 + 1, then nothing
  '',
].join('\n');

/** The corpus above and two more files, with a truth.json that marks header lines (some on purpose where no turn starts). */
async function headerCorpus(folder: string): Promise<void> {
  await corpus(folder, {
    'talk.transcript': { turns: 2, headerLines: [3, 6] },
    'panel.transcript': { turns: 6, headerLines: [1, 2, 3, 4, 5, 6], timed: true },
    'stamped.transcript': { turns: 3, headerLines: [3, 4, 5], timed: true },
    'prose.txt': { turns: 0, headerLines: [] },
    'swallowed.md': { turns: 0, headerLines: [], timed: false },
  });
  await writeFile(join(folder, 'talk.transcript'), TALK);
  await writeFile(join(folder, 'panel.transcript'), PANEL);
}

describe('scripts/measure-layouts.mjs', () => {
  test('--json: a row per file, sorted by name, with the measures worked out by hand', async (t) => {
    const folder = await tempFolder(t);
    await corpus(folder);
    const rows = JSON.parse(await measure(folder, '--json')) as LayoutRow[];

    assert.deepEqual(
      rows.map((row) => ({ ...row, timeShare: round(row.timeShare), longestShare: round(row.longestShare) })),
      [
        {
          file: 'empty.txt',
          chars: 0,
          accepted: true,
          refusal: null,
          turns: 0,
          speakers: 0,
          timedTurns: 0,
          timeShare: null,
          longestTurnChars: 0,
          longestTurnLine: null,
          longestShare: null,
          problems: {},
          ...NO_TRUTH,
        },
        {
          file: 'prose.txt',
          chars: 65,
          accepted: false,
          refusal:
            'not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, podcast pages `Name [(00:12)](link)`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)',
          turns: 0,
          speakers: 0,
          timedTurns: 0,
          timeShare: null,
          longestTurnChars: 0,
          longestTurnLine: null,
          longestShare: null,
          problems: { 'not-a-transcript': 1 },
          ...NO_TRUTH,
        },
        {
          // `Speaker 2` twice (the unstamped turn starts a chunk of its own, where it is a second
          // speaker of the model's): two display names.
          file: 'stamped.transcript',
          chars: 143,
          accepted: true,
          refusal: null,
          turns: 4,
          speakers: 2,
          timedTurns: 3,
          timeShare: 0.75,
          longestTurnChars: 38,
          longestTurnLine: 2,
          longestShare: round(38 / 143), // 0.266
          problems: { 'timestamp-order': 1 },
          ...NO_TRUTH,
        },
        {
          file: 'swallowed.md',
          chars: 100,
          accepted: true,
          refusal: null,
          turns: 1,
          speakers: 1,
          timedTurns: 0,
          timeShare: 0,
          longestTurnChars: 91,
          longestTurnLine: 2,
          longestShare: 0.91,
          // Its title line is the preamble, not a problem.
          problems: {},
          ...NO_TRUTH,
        },
      ],
    );
  });

  test('the table: a row per file, the counts in the summary, and turns compared with truth.json', async (t) => {
    const folder = await tempFolder(t);
    // The older form of truth.json, turns alone: no header columns to fill, but the criteria that need only turns are checked.
    await corpus(folder, { 'stamped.transcript': { turns: 5 }, 'swallowed.md': { turns: 1 } });
    const lines = (await measure(folder)).trimEnd().split('\n');

    assert.match(
      lines[0]!,
      /^\| file \| verdict \| turns \| speakers \(distinct display names\) \|.*\| truth turns \(found − truth\) \| header recall \(matched\/marked\) \| header precision \(matched\/found\) \| criteria not met \|$/,
    );
    assert.deepEqual(
      lines.slice(2, 6).map((line) => line.split(' | ')[0]),
      ['| empty.txt', '| prose.txt', '| stamped.transcript', '| swallowed.md'],
    );
    assert.equal(lines[2], '| empty.txt | accepted | 0 | 0 | – | – | – | – | – | – | – |');
    assert.equal(lines[3], '| prose.txt | refused | 0 | 0 | – | – | not-a-transcript 1 | – | – | – | – |');
    // Five turns by the truth, so its longest turn, over a fifth of the file, counts against it.
    assert.equal(
      lines[4],
      '| stamped.transcript | accepted | 4 | 2 | 75.0 % (3/4) | 26.6 % (line 2) | timestamp-order 1 | 5 (−1) | – | – | longest |',
    );
    // One turn by the truth: its length is not held against it.
    assert.equal(lines[5], '| swallowed.md | accepted | 1 | 1 | 0.0 % (0/1) | 91.0 % (line 2) | – | 1 (=) | – | – | none |');
    assert.deepEqual(lines.slice(6), [
      '',
      'Files: 4, accepted: 3, refused: 1',
      '',
      'Done criteria (issue 16), over the 2 files truth.json describes:',
      '- every file with turns accepted: 2 of 2 met',
      '- header recall ≥ 95 % and precision ≥ 90 %: no file to check',
      '- stamps on ≥ 95 % of the turns where the file is timed: no file to check',
      '- longest turn ≤ a fifth of the file: 0 of 1 met; not met: stamped.transcript (26.6 %, line 2); not checked: swallowed.md (truth counts 1 turn, fewer than 5)',
      '- files with no turns refused: no file to check',
      'Every criterion met: 1 of 2 files.',
      'Not in truth.json, so not judged: 2 files.',
    ]);

    const rows = JSON.parse(await measure(folder, '--json')) as LayoutRow[];
    assert.deepEqual(
      rows.map((row) => [row.file, row.truthTurns]),
      [
        ['empty.txt', null],
        ['prose.txt', null],
        ['stamped.transcript', 5],
        ['swallowed.md', 1],
      ],
    );
  });

  test('--json with headerLines: recall, precision, the lines that miss and the criteria, worked out by hand', async (t) => {
    const folder = await tempFolder(t);
    await headerCorpus(folder);
    const rows = JSON.parse(await measure(folder, '--json')) as LayoutRow[];
    const judged = (file: string) => {
      const row = rows.find((r) => r.file === file)!;
      return {
        turns: row.turns,
        truthTurns: row.truthTurns,
        truthTimed: row.truthTimed,
        headersMatched: row.headersMatched,
        headerRecall: round(row.headerRecall),
        headerPrecision: round(row.headerPrecision),
        missedHeaderLines: row.missedHeaderLines,
        extraHeaderLines: row.extraHeaderLines,
        criteria: row.criteria,
      };
    };

    // Turns start on lines 1, 3 and 6; lines 3 and 6 are marked. Every marked line is found (2/2),
    // but one turn in three starts on a line nobody marked (2/3).
    assert.deepEqual(judged('talk.transcript'), {
      turns: 3,
      truthTurns: 2,
      truthTimed: null,
      headersMatched: 2,
      headerRecall: 1,
      headerPrecision: round(2 / 3),
      missedHeaderLines: [],
      extraHeaderLines: [1],
      criteria: { accepted: true, headers: false, stamps: null, longest: null, refused: null },
    });
    // Turns start on lines 1 to 4; lines 3, 4 and 5 are marked: 2 of 3 marked lines found, 2 of 4
    // turns marked. Stamped, 3 turns of 4: under the 95 % a timed file needs.
    assert.deepEqual(judged('stamped.transcript'), {
      turns: 4,
      truthTurns: 3,
      truthTimed: true,
      headersMatched: 2,
      headerRecall: round(2 / 3),
      headerPrecision: 0.5,
      missedHeaderLines: [5],
      extraHeaderLines: [1, 2],
      criteria: { accepted: true, headers: false, stamps: false, longest: null, refused: null },
    });
    // Six stamped turns, each line marked, none longer than 33 of the 195 characters: every criterion met.
    assert.deepEqual(judged('panel.transcript'), {
      turns: 6,
      truthTurns: 6,
      truthTimed: true,
      headersMatched: 6,
      headerRecall: 1,
      headerPrecision: 1,
      missedHeaderLines: [],
      extraHeaderLines: [],
      criteria: { accepted: true, headers: true, stamps: true, longest: true, refused: null },
    });
    // No turns marked and none found: nothing to divide, and refused as it should be.
    assert.deepEqual(judged('prose.txt'), {
      turns: 0,
      truthTurns: 0,
      truthTimed: null,
      headersMatched: 0,
      headerRecall: null,
      headerPrecision: null,
      missedHeaderLines: [],
      extraHeaderLines: [],
      criteria: { accepted: null, headers: null, stamps: null, longest: null, refused: true },
    });
    // No turns marked, one found on line 2: precision 0 of 1, and accepted when it should be refused.
    assert.deepEqual(judged('swallowed.md'), {
      turns: 1,
      truthTurns: 0,
      truthTimed: false,
      headersMatched: 0,
      headerRecall: null,
      headerPrecision: 0,
      missedHeaderLines: [],
      extraHeaderLines: [2],
      criteria: { accepted: null, headers: null, stamps: null, longest: null, refused: false },
    });
    assert.deepEqual(judged('empty.txt'), { turns: 0, ...NO_TRUTH });
  });

  test('the table with headerLines: recall and precision columns, the criteria not met, and the summary naming the files', async (t) => {
    const folder = await tempFolder(t);
    await headerCorpus(folder);
    const lines = (await measure(folder)).trimEnd().split('\n');
    const row = (file: string) =>
      lines
        .find((line) => line.startsWith(`| ${file} |`))
        ?.split(' | ')
        .slice(7);

    assert.deepEqual(row('talk.transcript'), ['2 (+1)', '100.0 % (2/2)', '66.7 % (2/3, first extra line 1)', 'headers |']);
    assert.deepEqual(row('stamped.transcript'), [
      '3 (+1)',
      '66.7 % (2/3, first missed line 5)',
      '50.0 % (2/4, first extra line 1)',
      'headers, stamps |',
    ]);
    assert.deepEqual(row('panel.transcript'), ['6 (=)', '100.0 % (6/6)', '100.0 % (6/6)', 'none |']);
    assert.deepEqual(row('prose.txt'), ['0 (=)', '–', '–', 'none |']);
    assert.deepEqual(row('swallowed.md'), ['0 (+1)', '–', '0.0 % (0/1, first extra line 2)', 'refused |']);
    assert.deepEqual(row('empty.txt'), ['–', '–', '–', '– |']);

    const summary = lines.slice(lines.indexOf('Done criteria (issue 16), over the 5 files truth.json describes:'));
    assert.deepEqual(summary, [
      'Done criteria (issue 16), over the 5 files truth.json describes:',
      '- every file with turns accepted: 3 of 3 met',
      '- header recall ≥ 95 % and precision ≥ 90 %: 1 of 3 met; not met: stamped.transcript (recall 66.7 %, precision 50.0 %), talk.transcript (recall 100.0 %, precision 66.7 %)',
      '- stamps on ≥ 95 % of the turns where the file is timed: 1 of 2 met; not met: stamped.transcript (75.0 % stamped)',
      '- longest turn ≤ a fifth of the file: 1 of 1 met; not checked: stamped.transcript (truth counts 3 turns, fewer than 5), talk.transcript (truth counts 2 turns, fewer than 5)',
      '- files with no turns refused: 1 of 2 met; not met: swallowed.md (accepted, 1 turn found)',
      'Every criterion met: 2 of 5 files.',
      'Not in truth.json, so not judged: 1 file.',
    ]);
  });

  test('a truth.json the script cannot use stops it with exit code 2 and one line saying why, before any table', async (t) => {
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{ "talk.transcript": ', /truth\.json: not valid JSON/],
      ['an array', '[1, 2]', /truth\.json: expected an object of file names/],
      ['no turns', JSON.stringify({ 'talk.transcript': { headerLines: [1] } }), /"talk\.transcript" needs \{ "turns": N \}, N a whole number/],
      [
        'lines not a list',
        JSON.stringify({ 'talk.transcript': { turns: 1, headerLines: '3' } }),
        /"headerLines" must be a list of 1-based line numbers/,
      ],
      ['line 0', JSON.stringify({ 'talk.transcript': { turns: 1, headerLines: [0] } }), /"headerLines" must be a list of 1-based line numbers/],
      ['a fraction', JSON.stringify({ 'talk.transcript': { turns: 1, headerLines: [1.5] } }), /"headerLines" must be a list of 1-based line numbers/],
      ['descending', JSON.stringify({ 'talk.transcript': { turns: 2, headerLines: [6, 3] } }), /ascending, without repeats/],
      ['a repeat', JSON.stringify({ 'talk.transcript': { turns: 2, headerLines: [3, 3] } }), /ascending, without repeats/],
      ['turns disagree', JSON.stringify({ 'talk.transcript': { turns: 3, headerLines: [3, 6] } }), /"turns" is 3 but "headerLines" lists 2 lines/],
      [
        'timed not a boolean',
        JSON.stringify({ 'talk.transcript': { turns: 2, headerLines: [3, 6], timed: 'yes' } }),
        /"timed" must be true or false/,
      ],
      // talk.transcript ends with a line break: 6 lines of text and an empty 7th.
      [
        'past the end',
        JSON.stringify({ 'talk.transcript': { turns: 1, headerLines: [8] } }),
        /"talk\.transcript": header line 8 is past the file's last line \(7\)/,
      ],
    ];
    const runs = await Promise.all(
      cases.map(async ([, truth]) => {
        const folder = await tempFolder(t);
        await writeFile(join(folder, 'talk.transcript'), TALK);
        await writeFile(join(folder, 'truth.json'), truth);
        return measureFailing(folder);
      }),
    );
    cases.forEach(([name, , message], i) => {
      const run = runs[i]!;
      assert.equal(run.code, 2, name);
      assert.equal(run.stdout, '', name);
      assert.match(run.stderr, /^measure-layouts: .*truth\.json: /, name);
      assert.match(run.stderr, message, name);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, `${name}: one line, no stack trace`);
    });
  });
});
