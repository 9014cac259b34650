import { describe, test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import {
  BROKEN,
  BROKEN_DIAGNOSTICS,
  CLEAN,
  cliPath,
  hasNoStackTrace,
  REPEATED,
  on,
  REPEATED_DIAGNOSTICS,
  runCli,
  sampleTranscript,
  tempFolder,
} from './cli-harness';

/*
 * `transcript check`: what CI jobs see. The expected reports are written out by hand (see
 * cli-harness.ts), never asked of the service the CLI runs.
 */

/** ESC, which starts every ANSI colour sequence; built, since a regex literal may not hold a control character. */
const ESC = String.fromCharCode(27);

describe('transcript check: exit codes and text output', () => {
  test('a clean transcript exits 0 and says so', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'clean.transcript'), CLEAN);
    const run = await runCli(['check', 'clean.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'No problems in 1 file.\n');
    assert.equal(run.stderr, '');
  });

  test('problems exit 1, one compiler-style line each with 1-based UTF-16 columns', async (t) => {
    const dir = await tempFolder(t);
    const file = join(dir, 'broken.transcript');
    await writeFile(file, BROKEN);
    const run = await runCli(['check', 'broken.transcript'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      [
        'broken.transcript:4:1 error timestamp-malformed [00:75:00] is not a valid time: minutes must be below 60.',
        // The open quote follows an emoji, two UTF-16 units: the column counts both.
        'broken.transcript:7:44 warning unterminated-quote This quotation mark is never closed in its turn.',
        '2 problems (1 error, 1 warning) in 1 of 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(run.stderr, '');
  });

  test('a repeated chunk opening and a loop: one line each, at the first repeated word', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'harbour.transcript'), REPEATED);
    const run = await runCli(['check', 'harbour.transcript'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      [
        'harbour.transcript:4:23 warning duplicate-overlap This text repeats the end of the previous chunk (line 2): 12 of 12 words match.',
        'harbour.transcript:6:60 warning repetition-loop “Thank you” 4 times in a row: speech-to-text repeating itself',
        '2 problems (2 warnings) in 1 of 1 file.',
        '',
      ].join('\n'),
    );
  });

  test('a missing file exits 2 with one line and no stack trace', async (t) => {
    const dir = await tempFolder(t);
    const run = await runCli(['check', 'nope.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'transcript: nope.transcript: file not found\n');
  });

  test('an I/O error wins over problems in the exit code, and other files are still checked', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'broken.transcript'), BROKEN);
    const run = await runCli(['check', 'broken.transcript', 'missing.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^broken\.transcript:4:1 error timestamp-malformed /m);
    assert.match(run.stderr, /missing\.transcript: file not found/);
  });

  test('colour only when asked for: never in a pipe, FORCE_COLOR turns it on, NO_COLOR wins', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'broken.transcript'), BROKEN);
    const plain = await runCli(['check', 'broken.transcript'], { cwd: dir });
    assert.doesNotMatch(plain.stdout, new RegExp(`${ESC}\\[`));
    const forced = await runCli(['check', 'broken.transcript'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.match(forced.stdout, new RegExp(`${ESC}\\[31merror${ESC}\\[39m`));
    const refused = await runCli(['check', 'broken.transcript'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.equal(refused.stdout, plain.stdout);
    const flag = await runCli(['check', '--no-color', 'broken.transcript'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.equal(flag.stdout, plain.stdout);
  });
});

/** Two information notes and nothing else: a line before the first turn, and a stamp given twice. */
const INFORMATION_ONLY = [
  '[00:00:01] Speaker 1: "Good morning, everyone."',
  'Sentiment: Positive',
  'Recorded on Tuesday in room 4',
  '',
  '[00:00:01] Speaker 2: "Morning. Shall we begin?"',
  'Sentiment: Neutral',
  '',
  '[00:00:04] Speaker 1: "Yes, let us."',
  'Sentiment: Neutral',
  '',
].join('\n');

/** Two warnings and nothing else: two stamps earlier than the first, by 5 and 6 seconds. */
const TWO_WARNINGS = [
  '[00:00:10] Speaker 1: "Good morning, everyone."',
  'Sentiment: Positive',
  '',
  '[00:00:05] Speaker 2: "Morning. Shall we begin?"',
  'Sentiment: Neutral',
  '',
  '[00:00:04] Speaker 1: "Yes, let us."',
  'Sentiment: Neutral',
  '',
].join('\n');

/** One error and nothing else: a stamp with 75 minutes. */
const ONE_ERROR = [
  '[00:00:01] Speaker 1: "Good morning, everyone."',
  'Sentiment: Positive',
  '',
  '[00:75:00] Speaker 2: "This stamp is broken."',
  'Sentiment: Neutral',
  '',
  '[00:00:09] Speaker 1: "Yes, let us."',
  'Sentiment: Neutral',
  '',
].join('\n');

describe('transcript check: which severities fail (--fail-on, --max-warnings)', () => {
  /** Writes the four transcripts; returns a runner of `check` on one of them with some flags. */
  async function fixtures(t: TestContext) {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'information.transcript'), INFORMATION_ONLY);
    await writeFile(join(dir, 'warnings.transcript'), TWO_WARNINGS);
    await writeFile(join(dir, 'error.transcript'), ONE_ERROR);
    await writeFile(join(dir, 'clean.transcript'), CLEAN);
    return (flags: readonly string[], ...files: string[]) => runCli(['check', ...flags, ...files.map((f) => `${f}.transcript`)], { cwd: dir });
  }

  test('the fixtures hold what their names say', async (t) => {
    const check = await fixtures(t);
    assert.equal(
      (await check([], 'warnings')).stdout,
      [
        'warnings.transcript:4:1 warning timestamp-order 00:00:05 is 5 s earlier than 00:00:10 (line 1)',
        // Measured from the latest stamp, not from the one before it.
        'warnings.transcript:7:1 warning timestamp-order 00:00:04 is 6 s earlier than 00:00:10 (line 1)',
        '2 problems (2 warnings) in 1 of 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(
      (await check([], 'error')).stdout,
      'error.transcript:4:1 error timestamp-malformed [00:75:00] is not a valid time: minutes must be below 60.\n1 problem (1 error) in 1 of 1 file.\n',
    );
    // INFORMATION_ONLY's report is spelled out in the next test.
  });

  test('by default information notes alone exit 0, yet are still reported', async (t) => {
    const check = await fixtures(t);
    const run = await check([], 'information');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'information.transcript:3:1 information unrecognized-line This text follows a sentiment note, so it belongs to no turn. Start it with a speaker label.',
        'information.transcript:5:1 information timestamp-repeated 00:00:01 repeats the stamp of the turn before (line 1)',
        '2 problems (2 information) in 1 of 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(run.stderr, '');
    assert.equal((await check([], 'warnings')).code, 1);
    assert.equal((await check([], 'error')).code, 1);
    assert.equal((await check([], 'information', 'clean')).code, 0);
    assert.equal((await check([], 'information', 'warnings')).code, 1);
  });

  test('--fail-on sets the least severe diagnostic that fails', async (t) => {
    const check = await fixtures(t);
    const expected: Array<[string, string, number]> = [
      ['error', 'information', 0],
      ['error', 'warnings', 0],
      ['error', 'error', 1],
      ['warning', 'information', 0],
      ['warning', 'warnings', 1],
      ['warning', 'error', 1],
      ['information', 'information', 1],
      ['information', 'warnings', 1],
      ['information', 'error', 1],
      ['information', 'clean', 0],
    ];
    for (const [level, file, code] of expected) {
      const run = await check(['--fail-on', level], file);
      assert.equal(run.code, code, `--fail-on ${level} on ${file}: ${run.stderr}`);
      assert.equal(run.stderr, '');
    }
    // The flag changes only the exit status: the report is the same.
    assert.equal((await check(['--fail-on', 'error'], 'warnings')).stdout, (await check([], 'warnings')).stdout);
    assert.equal((await check(['--fail-on=information', '--format', 'json'], 'information')).code, 1);
  });

  test('--max-warnings N fails on more than N warnings only, and says so on stderr', async (t) => {
    const check = await fixtures(t);
    const atLimit = await check(['--max-warnings', '2'], 'warnings');
    assert.equal(atLimit.code, 0, atLimit.stderr);
    assert.equal(atLimit.stderr, '');
    const over = await check(['--max-warnings', '1'], 'warnings');
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'transcript: too many warnings: 2, more than --max-warnings 1\n');
    assert.equal((await check(['--max-warnings', '0'], 'warnings')).code, 1);
    // Warnings of all files count together: 2 + 2 is more than 3.
    assert.equal((await check(['--max-warnings', '3'], 'warnings', 'information')).code, 0);
    const twoFiles = await runCli(['check', '--max-warnings', '3', 'warnings.transcript', 'copy.transcript'], {
      cwd: await (async () => {
        const dir = await tempFolder(t);
        await writeFile(join(dir, 'warnings.transcript'), TWO_WARNINGS);
        await writeFile(join(dir, 'copy.transcript'), TWO_WARNINGS);
        return dir;
      })(),
    });
    assert.equal(twoFiles.code, 1);
    assert.equal(twoFiles.stderr, 'transcript: too many warnings: 4, more than --max-warnings 3\n');
  });

  test('errors fail whatever --max-warnings allows', async (t) => {
    const check = await fixtures(t);
    assert.equal((await check(['--max-warnings', '100'], 'error')).code, 1);
    assert.equal((await check(['--max-warnings', '100', '--fail-on', 'error'], 'error')).code, 1);
    assert.equal((await check(['--max-warnings', '100'], 'error', 'warnings')).code, 1);
    assert.equal((await check(['--max-warnings', '100'], 'warnings')).code, 0);
  });

  test('the two flags combine: --max-warnings counts warnings whatever --fail-on says', async (t) => {
    const check = await fixtures(t);
    // --fail-on error lets warnings pass, until there are more than --max-warnings.
    assert.equal((await check(['--fail-on', 'error', '--max-warnings', '1'], 'warnings')).code, 1);
    assert.equal((await check(['--fail-on', 'error', '--max-warnings', '2'], 'warnings')).code, 0);
    // --fail-on information still fails on any information note, whatever the warnings' budget.
    assert.equal((await check(['--fail-on', 'information', '--max-warnings', '5'], 'warnings')).code, 0);
    assert.equal((await check(['--fail-on', 'information', '--max-warnings', '5'], 'information')).code, 1);
    assert.equal((await check(['--fail-on', 'warning', '--max-warnings', '5'], 'information', 'warnings')).code, 0);
  });

  test('a file that could not be checked exits 2 whatever the flags allow', async (t) => {
    const check = await fixtures(t);
    const run = await check(['--fail-on', 'error', '--max-warnings', '9'], 'clean', 'missing');
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'transcript: missing.transcript: file not found\n');
  });

  test('bad values exit 2 with one usage line', async (t) => {
    const check = await fixtures(t);
    const refused: Array<[string[], string]> = [
      [['--fail-on', 'hint'], "transcript: --fail-on takes error, warning or information, not 'hint' (see 'transcript check --help')\n"],
      [['--fail-on', 'Warning'], "transcript: --fail-on takes error, warning or information, not 'Warning' (see 'transcript check --help')\n"],
      [['--fail-on', ''], "transcript: --fail-on takes error, warning or information, not '' (see 'transcript check --help')\n"],
      [['--max-warnings=-1'], "transcript: --max-warnings takes a whole number from 0 to 1000000000, not '-1' (see 'transcript check --help')\n"],
      [
        ['--max-warnings', '1.5'],
        "transcript: --max-warnings takes a whole number from 0 to 1000000000, not '1.5' (see 'transcript check --help')\n",
      ],
      [
        ['--max-warnings', 'ten'],
        "transcript: --max-warnings takes a whole number from 0 to 1000000000, not 'ten' (see 'transcript check --help')\n",
      ],
      [['--max-warnings', ''], "transcript: --max-warnings takes a whole number from 0 to 1000000000, not '' (see 'transcript check --help')\n"],
    ];
    for (const [flags, stderr] of refused) {
      const run = await check(flags, 'clean');
      assert.equal(run.code, 2, flags.join(' '));
      assert.equal(run.stderr, stderr);
      assert.equal(run.stdout, '', 'nothing is checked');
    }
    // A flag with its value missing, or a value that looks like a flag, is refused by the argument parser.
    for (const flags of [['--fail-on'], ['--max-warnings'], ['--max-warnings', '-1']]) {
      const run = await check(flags, 'clean');
      assert.equal(run.code, 2, flags.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^transcript: .*--help'\)\n$/);
    }
  });
});

/** Two voices crossing: Bob's stamp is half a second before Ann's. */
const CROSSING = [
  '[00:01:10.5] Ann: So what I was saying is that',
  '[00:01:10.0] Bob: Right, right.',
  '[00:01:12] Ann: the budget is late.',
  '',
].join('\n');

describe('transcript check: --timestamp-tolerance', () => {
  test('a half-second crossing passes by default and is a warning at --timestamp-tolerance 0', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'crossing.transcript'), CROSSING);
    const byDefault = await runCli(['check', 'crossing.transcript'], { cwd: dir });
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.equal(byDefault.stdout, 'No problems in 1 file.\n');
    const strict = await runCli(['check', '--timestamp-tolerance', '0', 'crossing.transcript'], { cwd: dir });
    assert.equal(strict.code, 1, strict.stderr);
    assert.equal(
      strict.stdout,
      'crossing.transcript:2:1 warning timestamp-order 00:01:10 is 0.5 s earlier than 00:01:10.500 (line 1)\n1 problem (1 warning) in 1 of 1 file.\n',
    );
    // Exactly the gap is reported, a millisecond more lets it pass; '.5' is 0.5.
    assert.equal((await runCli(['check', '--timestamp-tolerance', '0.5', 'crossing.transcript'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['check', '--timestamp-tolerance', '.5', 'crossing.transcript'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['check', '--timestamp-tolerance=0.501', 'crossing.transcript'], { cwd: dir })).code, 0);
  });

  test('a larger tolerance lets a 3-second reversal pass', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'back.transcript'), '[00:01:10] Ann: So what I was saying is that\n[00:01:07] Bob: Right, right.\n');
    assert.equal((await runCli(['check', 'back.transcript'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['check', '--timestamp-tolerance', '3', 'back.transcript'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['check', '--timestamp-tolerance', '3.001', 'back.transcript'], { cwd: dir })).code, 0);
  });

  test('worker threads check with the same tolerance as the main thread', async (t) => {
    const dir = await tempFolder(t);
    // Enough files for a second thread; the first batch always goes to the worker.
    for (let i = 0; i < 60; i++) await writeFile(join(dir, `t${String(i).padStart(2, '0')}.transcript`), CROSSING);
    const single = await runCli(['check', '--format', 'json', '--jobs', '1', '--timestamp-tolerance', '0', '.'], { cwd: dir });
    const threaded = await runCli(['check', '--format', 'json', '--jobs', '2', '--timestamp-tolerance', '0', '.'], { cwd: dir });
    assert.equal(threaded.code, 1, threaded.stderr);
    assert.equal(threaded.stdout, single.stdout);
    const report = JSON.parse(threaded.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    assert.equal(report.files.length, 60);
    for (const file of report.files)
      assert.deepEqual(
        file.diagnostics.map((d) => d.code),
        ['timestamp-order'],
        file.path,
      );
    const quiet = await runCli(['check', '--format', 'json', '--jobs', '2', '.'], { cwd: dir });
    assert.equal(quiet.code, 0, quiet.stderr);
  });

  test('bad values exit 2 with one usage line', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'crossing.transcript'), CROSSING);
    for (const value of ['61', '-1', 'one', '', '1e0', '0x1', '1.']) {
      const run = await runCli(['check', `--timestamp-tolerance=${value}`, 'crossing.transcript'], { cwd: dir });
      assert.equal(run.code, 2, value);
      assert.equal(
        run.stderr,
        `transcript: --timestamp-tolerance takes seconds from 0 to 60, such as 0.5, not '${value}' (see 'transcript check --help')\n`,
      );
      assert.equal(run.stdout, '');
    }
  });
});

describe('transcript check: JSON and SARIF', () => {
  test('JSON holds exactly the diagnostics the editor gets, with LSP ranges', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'a.transcript'), BROKEN);
    await writeFile(join(dir, 'b.transcript'), REPEATED);
    await writeFile(join(dir, 'c.transcript'), CLEAN);
    const run = await runCli(['check', '--format', 'json', 'a.transcript', 'b.transcript', 'c.transcript'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      version: number;
      files: Array<{ path: string; diagnostics: unknown[] }>;
      summary: Record<string, number>;
    };
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['a.transcript', 'b.transcript', 'c.transcript'],
    );
    assert.deepEqual(
      report.files.map((file) => file.diagnostics),
      [BROKEN_DIAGNOSTICS, REPEATED_DIAGNOSTICS, []],
    );
    assert.deepEqual(report.summary, { files: 3, filesWithProblems: 2, failed: 0, error: 1, warning: 3, information: 0, hint: 0 });
  });

  test('JSON: a file that could not be checked is listed with its error, and counts as failed', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'a.transcript'), INFORMATION_ONLY);
    const run = await runCli(['check', '--format', 'json', 'a.transcript', 'gone.transcript'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      // Paths that could not be read come first, then the files checked, in the order given.
      files: [
        { path: 'gone.transcript', error: 'file not found' },
        {
          path: 'a.transcript',
          diagnostics: [
            {
              code: 'unrecognized-line',
              severity: 'information',
              message: 'This text follows a sentiment note, so it belongs to no turn. Start it with a speaker label.',
              range: on(2, 0, 29),
            },
            {
              code: 'timestamp-repeated',
              severity: 'information',
              message: '00:00:01 repeats the stamp of the turn before (line 1)',
              range: on(4, 0, 10),
              related: [{ message: 'The same stamp, one turn earlier', range: on(0, 0, 10) }],
            },
          ],
        },
      ],
      summary: { files: 2, filesWithProblems: 1, failed: 1, error: 0, warning: 0, information: 2, hint: 0 },
    });
  });

  test('SARIF 2.1.0: rules from the codes with their docs links, 1-based regions, relative URIs', async (t) => {
    const dir = await tempFolder(t);
    await mkdir(join(dir, 'déjà vu'));
    const file = join(dir, 'déjà vu', 'my talk.transcript');
    await writeFile(file, BROKEN);
    const run = await runCli(['check', '--format', 'sarif', '.', 'gone.transcript'], { cwd: dir });
    assert.equal(run.code, 2, 'a missing file is still an error');
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema!, /sarif-2\.1\.0/);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun!.columnKind, 'utf16CodeUnits');
    const rules = sarifRun!.tool.driver.rules!;
    const docs = 'https://github.com/transcript-editor/transcript-editor/blob/main/docs/diagnostics.md';
    assert.deepEqual(
      rules.map((rule) => [rule.id, rule.helpUri, rule.defaultConfiguration?.level]),
      [
        ['timestamp-malformed', `${docs}#timestamp-malformed`, 'error'],
        ['unterminated-quote', `${docs}#unterminated-quote`, 'warning'],
      ],
    );
    const artifactLocation = { uri: 'd%C3%A9j%C3%A0%20vu/my%20talk.transcript', uriBaseId: '%SRCROOT%' };
    assert.deepEqual(sarifRun!.results, [
      {
        ruleId: 'timestamp-malformed',
        ruleIndex: 0,
        level: 'error',
        message: { text: '[00:75:00] is not a valid time: minutes must be below 60.' },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 11 } } }],
      },
      {
        ruleId: 'unterminated-quote',
        ruleIndex: 1,
        level: 'warning',
        message: { text: 'This quotation mark is never closed in its turn.' },
        // 1-based, in UTF-16 units: the emoji before the quote counts two.
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: 7, startColumn: 44, endLine: 7, endColumn: 45 } } }],
      },
    ]);
    const invocation = sarifRun!.invocations![0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications![0]!.message.text!, /gone\.transcript: file not found/);
  });
});

describe('transcript check: SARIF levels', () => {
  test('information notes are SARIF notes, and a report with only notes runs successfully', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'notes.transcript'), INFORMATION_ONLY);
    const run = await runCli(['check', '--format', 'sarif', 'notes.transcript'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const [sarifRun] = (JSON.parse(run.stdout) as Sarif.Log).runs;
    assert.deepEqual(
      sarifRun!.tool.driver.rules!.map((rule) => [rule.id, rule.defaultConfiguration?.level]),
      [
        ['unrecognized-line', 'note'],
        ['timestamp-repeated', 'note'],
      ],
    );
    assert.deepEqual(
      sarifRun!.results!.map((result) => [result.ruleId, result.level, result.locations![0]!.physicalLocation!.region!.startLine]),
      [
        ['unrecognized-line', 'note', 3],
        ['timestamp-repeated', 'note', 5],
      ],
    );
    assert.equal(sarifRun!.invocations![0]!.executionSuccessful, true);
  });
});

describe('transcript check: which files', () => {
  test('a folder is searched for *.transcript and *.transcript.txt, skipping node_modules', async (t) => {
    const dir = await tempFolder(t);
    await mkdir(join(dir, 'talks', 'day 2', 'node_modules'), { recursive: true });
    await writeFile(join(dir, 'talks', 'a.transcript'), CLEAN);
    await writeFile(join(dir, 'talks', 'day 2', 'b.transcript.txt'), BROKEN);
    await writeFile(join(dir, 'talks', 'notes.txt'), 'not a transcript at all');
    await writeFile(join(dir, 'talks', 'day 2', 'node_modules', 'c.transcript'), BROKEN);
    const run = await runCli(['check', '--format', 'json', 'talks'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
    assert.deepEqual(
      report.files.map((f) => f.path),
      [join('talks', 'a.transcript'), join('talks', 'day 2', 'b.transcript.txt')],
    );
    assert.equal(run.code, 1);
  });

  test('a glob takes what it matches; a file that is no transcript gets a one-line reason', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'one.txt'), CLEAN);
    await writeFile(join(dir, 'two.txt'), 'Meeting notes\nnothing here is a turn\n');
    const run = await runCli(['check', '*.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'transcript: two.txt: not a transcript: no speaker turns found (turns are read as `Name: text`, `Name: [00:00:09] text`, `[00:00:09] Name: text`, `Speaker 1 (Name): text`, Markdown `**Name:** text`, Rev `Name (00:12):`, podcast pages `Name [(00:12)](link)`, Otter `Name  0:12`, diarizer `SPEAKER_00:`, `Q:`/`A:`, stamped segments `00:12 text`, WebVTT and SRT; see docs/format.md)\n',
    );
    assert.match(run.stdout, /No problems in 1 file; 1 file could not be checked\./);
  });

  test('a glob that matches nothing, and a folder without transcripts, are errors', async (t) => {
    const dir = await tempFolder(t);
    await mkdir(join(dir, 'empty'));
    const run = await runCli(['check', 'episodes/**/*.transcript', 'empty'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      'transcript: episodes/**/*.transcript: no files match this pattern',
      'transcript: empty: no *.transcript or *.transcript.txt files in this folder',
    ]);
  });

  test('a file whose name looks like a glob is taken as the file', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, '[draft] *final*.transcript'), BROKEN);
    const run = await runCli(['check', '[draft] *final*.transcript'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^\[draft\] \*final\*\.transcript:4:1 error timestamp-malformed/m);
  });

  test('the same file named twice is checked once', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'a.transcript'), BROKEN);
    const run = await runCli(['check', '--format', 'json', 'a.transcript', './a.transcript', '.'], { cwd: dir });
    assert.equal((JSON.parse(run.stdout) as { files: unknown[] }).files.length, 1);
  });
});

describe('transcript check: input that is not a transcript', () => {
  test('binary, UTF-16, invalid UTF-8 and huge files each get one line; an empty file is clean', async (t) => {
    const dir = await tempFolder(t);
    await writeFile(join(dir, 'binary.transcript'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'utf16.transcript'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]));
    await writeFile(join(dir, 'latin1.transcript'), Buffer.from('[00:00:01] Speaker 1: caf\xe9\n', 'latin1'));
    await writeFile(join(dir, 'empty.transcript'), '');
    // A sparse file: its size says huge without writing 200 MB to disk.
    const huge = await open(join(dir, 'huge.transcript'), 'w');
    await huge.truncate(300 * 1024 * 1024);
    await huge.close();
    const run = await runCli(['check', '.'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.ok(hasNoStackTrace(run.stderr), run.stderr);
    assert.deepEqual(run.stderr.trimEnd().split('\n').sort(), [
      'transcript: binary.transcript: not a transcript: it holds binary data',
      'transcript: huge.transcript: too large: 300 MB (the limit is 200 MB)',
      'transcript: latin1.transcript: not a transcript: not valid UTF-8 text',
      'transcript: utf16.transcript: not a transcript: UTF-16 text (save it as UTF-8)',
    ]);
    assert.match(run.stdout, /No problems in 1 file; 4 files could not be checked\./);
  });
});

describe('transcript check: many files', () => {
  test('threads give the same report, in the same order, as one thread', async (t) => {
    const dir = await tempFolder(t);
    const sampleText = await readFile(sampleTranscript, 'utf8');
    const texts = [CLEAN, BROKEN, sampleText];
    for (let i = 0; i < 60; i++) await writeFile(join(dir, `t${String(i).padStart(2, '0')}.transcript`), texts[i % 3]!);
    const single = await runCli(['check', '--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    const threaded = await runCli(['check', '--format', 'json', '--jobs', '2', '.'], { cwd: dir });
    assert.equal(single.code, 1);
    assert.equal(threaded.code, 1);
    assert.equal(threaded.stdout, single.stdout);
    const report = JSON.parse(threaded.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    assert.equal(report.files.length, 60);
    // Every third file is BROKEN, every third CLEAN, whichever thread checked it.
    report.files.forEach((file, i) => {
      if (i % 3 === 0) assert.deepEqual(file.diagnostics, [], file.path);
      if (i % 3 === 1) assert.deepEqual(file.diagnostics, BROKEN_DIAGNOSTICS, file.path);
    });
  });
});

describe('transcript check: a reader that stops early', () => {
  test('a closed pipe ends the output quietly, with the exit status of the check', async (t) => {
    const dir = await tempFolder(t);
    const sampleText = await readFile(sampleTranscript, 'utf8');
    for (let i = 0; i < 20; i++) await writeFile(join(dir, `t${i}.transcript`), sampleText);
    const child = spawn(process.execPath, [cliPath, 'check', '--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `| head -c 100`: read one chunk of a report far larger than a pipe holds, then close.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.equal(stderr, '');
  });
});

describe('transcript check: usage', () => {
  test('bad options and missing paths exit 2 with one line that points to --help', async () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'a'], ['check', '--bogus', 'a'], ['check', '--jobs', '0', 'a'], ['frobnicate']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr.split('\n').length, 2, run.stderr);
      assert.match(run.stderr, /^transcript: .*--help'\)\n$/);
    }
  });

  test('--help of every command exits 0 and shows examples', async () => {
    for (const command of [[], ['check'], ['fix'], ['export'], ['normalize']]) {
      const run = await runCli([...command, '--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: transcript/);
      assert.match(run.stdout, /Examples:\n {2}transcript /);
    }
    assert.match((await runCli(['check', '--help'])).stdout, /1-based/);
  });
});
