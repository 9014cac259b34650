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
}

/** Runs the script from a folder that is not the repository's, so it finds its own way to the service. */
async function measure(folder: string, ...options: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, folder, ...options], { cwd: folder });
  return stdout;
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
          truthTurns: null,
        },
        {
          file: 'prose.txt',
          chars: 65,
          accepted: false,
          refusal:
            'not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)',
          turns: 0,
          speakers: 0,
          timedTurns: 0,
          timeShare: null,
          longestTurnChars: 0,
          longestTurnLine: null,
          longestShare: null,
          problems: { 'not-a-transcript': 1 },
          truthTurns: null,
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
          truthTurns: null,
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
          truthTurns: null,
        },
      ],
    );
  });

  test('the table: a row per file, the counts in the summary, and turns compared with truth.json', async (t) => {
    const folder = await tempFolder(t);
    await corpus(folder, { 'stamped.transcript': { turns: 5 }, 'swallowed.md': { turns: 1 } });
    const lines = (await measure(folder)).trimEnd().split('\n');

    assert.match(lines[0]!, /^\| file \| verdict \| turns \| speakers \(distinct display names\) \|.*\| truth turns \(found − truth\) \|$/);
    assert.deepEqual(
      lines.slice(2, 6).map((line) => line.split(' | ')[0]),
      ['| empty.txt', '| prose.txt', '| stamped.transcript', '| swallowed.md'],
    );
    assert.equal(lines[2], '| empty.txt | accepted | 0 | 0 | – | – | – | – |');
    assert.equal(lines[3], '| prose.txt | refused | 0 | 0 | – | – | not-a-transcript 1 | – |');
    assert.equal(lines[4], '| stamped.transcript | accepted | 4 | 2 | 75.0 % (3/4) | 26.6 % (line 2) | timestamp-order 1 | 5 (−1) |');
    assert.equal(lines[5], '| swallowed.md | accepted | 1 | 1 | 0.0 % (0/1) | 91.0 % (line 2) | – | 1 (=) |');
    assert.equal(lines.at(-1), 'Files: 4, accepted: 3, refused: 1');

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
});
