#!/usr/bin/env node
/**
 * Measures how the language service reads a folder of real transcripts in layouts it was not
 * written for: per file, whether it is refused as not a transcript (the CLI's rule), how many
 * turns and speakers it finds, how many turns have a time, how much of the file the longest turn
 * spans (a turn that swallows the rest of a file shows here), and the problems by code. Prints a
 * Markdown table, or the rows as JSON.
 *
 *   node scripts/measure-layouts.mjs FOLDER [--json]
 *
 * Every file directly in FOLDER is measured, except dotfiles, `SOURCES.md` and `truth.json`. When
 * FOLDER has a `truth.json`, `{ "file name": { "turns": N, "headerLines": [...], "timed": true } }`
 * (`headerLines` and `timed` optional), columns compare the turns found with N and the turns'
 * header lines with `headerLines` (recall and precision), and a summary after the table checks
 * the done criteria of issue 16 per file (see CRITERIA). The corpus this is meant for lives
 * outside the repository (see CONTRIBUTING.md).
 */
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: node scripts/measure-layouts.mjs FOLDER [--json]';
/** Files in the folder that describe the corpus rather than belong to it. */
const NOT_MEASURED = new Set(['SOURCES.md', 'truth.json']);

/** The done criteria's thresholds (issue 16). */
const CRITERIA = {
  /** Of the header lines a person marked, the share the parser also starts a turn on. */
  minRecall: 0.95,
  /** Of the turns the parser found, the share that start on a line a person marked. */
  minPrecision: 0.9,
  /** In a file whose turns carry stamps, the share of turns found with a stamp. */
  minTimeShare: 0.95,
  /** The longest turn's share of the file's characters... */
  maxLongestShare: 0.2,
  /**
   * ...checked only where the truth counts this many turns or more: in a file of two or four
   * turns, one of them covers more than a fifth of it however well it is read.
   */
  minTurnsForLongest: 5,
};

/**
 * What `truth.json` says about one file: the turns a person counted, and optionally the 1-based
 * lines their headers are on (ascending) and whether the file's turns carry stamps.
 * @typedef {{ turns: number, headerLines?: number[], timed?: boolean }} FileTruth
 */

/**
 * Which of the done criteria a file meets: true or false, null where the criterion does not
 * apply to it (see `criteria`).
 * @typedef {{
 *   accepted: boolean | null,
 *   headers: boolean | null,
 *   stamps: boolean | null,
 *   longest: boolean | null,
 *   refused: boolean | null,
 * }} Criteria
 */

/**
 * One file's measures. Shares are fractions (0 to 1), unrounded; null where there is nothing to
 * divide by (no turns, or an empty file).
 * @typedef {{
 *   file: string,
 *   chars: number,
 *   accepted: boolean,
 *   refusal: string | null,
 *   turns: number,
 *   speakers: number,
 *   timedTurns: number,
 *   timeShare: number | null,
 *   longestTurnChars: number,
 *   longestTurnLine: number | null,
 *   longestShare: number | null,
 *   problems: Record<string, number>,
 *   truthTurns: number | null,
 *   truthTimed: boolean | null,
 *   headersMatched: number | null,
 *   headerRecall: number | null,
 *   headerPrecision: number | null,
 *   missedHeaderLines: number[] | null,
 *   extraHeaderLines: number[] | null,
 *   criteria: Criteria | null,
 * }} LayoutRow
 *
 * The `truth…` and `header…` fields are null where truth.json says nothing about the file (or,
 * for the header fields, gives no `headerLines`). A turn's header line is
 * `turn.headerRange.start.line + 1`. `headersMatched` counts the marked lines some turn starts
 * on; recall divides it by the marked lines, precision by the turns found (so two turns on one
 * marked line count one match), each null where that is zero. `missedHeaderLines`: marked lines
 * no turn starts on; `extraHeaderLines`: the header lines of the turns that are not a match, in
 * order.
 */

/** @typedef {typeof import('../server/src/service/index.ts')} ServiceModule */
/** @typedef {import('../server/src/service/index.ts').TranscriptLanguageService} TranscriptLanguageService */

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`measure-layouts: ${message}`);
  process.exit(2);
}

/** The language service, bundled from its source so that the script measures the tree as it is. */
function loadService() {
  const folder = mkdtempSync(join(tmpdir(), 'measure-layouts-'));
  try {
    const bundle = join(folder, 'service.cjs');
    const entry = fileURLToPath(new URL('../server/src/service/index.ts', import.meta.url));
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
    return /** @type {ServiceModule} */ (createRequire(import.meta.url)(bundle));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The optional `truth.json`: file name → what a person counted.
 * @param {string} folder
 * @returns {Map<string, FileTruth> | undefined}
 */
function readTruth(folder) {
  const path = join(folder, 'truth.json');
  if (!existsSync(path)) return undefined;
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail(`${path}: expected an object of file names`);
  /** @type {Map<string, FileTruth>} */
  const truth = new Map();
  for (const [file, value] of Object.entries(parsed)) {
    const entry =
      typeof value === 'object' && value !== null ? /** @type {{ turns?: unknown, headerLines?: unknown, timed?: unknown }} */ (value) : {};
    const { turns, headerLines, timed } = entry;
    if (typeof turns !== 'number' || !Number.isInteger(turns) || turns < 0) return fail(`${path}: "${file}" needs { "turns": N }, N a whole number`);
    /** @type {FileTruth} */
    const fileTruth = { turns };
    if (headerLines !== undefined) {
      const ascending =
        Array.isArray(headerLines) &&
        headerLines.every(
          (line, i) =>
            typeof line === 'number' && Number.isInteger(line) && line >= 1 && (i === 0 || line > /** @type {number} */ (headerLines[i - 1])),
        );
      if (!ascending) return fail(`${path}: "${file}": "headerLines" must be a list of 1-based line numbers, ascending, without repeats`);
      const lines = /** @type {number[]} */ (headerLines);
      if (lines.length !== turns) return fail(`${path}: "${file}": "turns" is ${turns} but "headerLines" lists ${lines.length} lines`);
      fileTruth.headerLines = lines;
    }
    if (timed !== undefined) {
      if (typeof timed !== 'boolean') return fail(`${path}: "${file}": "timed" must be true or false`);
      fileTruth.timed = timed;
    }
    truth.set(file, fileTruth);
  }
  return truth;
}

/**
 * Compares the turns' header lines with the lines a person marked.
 * @param {readonly number[]} marked 1-based, ascending
 * @param {readonly number[]} found 1-based, one per turn found, in document order
 */
function compareHeaders(marked, found) {
  const markedSet = new Set(marked);
  /** @type {Set<number>} */
  const matchedSet = new Set();
  /** @type {number[]} */
  const extra = [];
  for (const line of found) {
    if (markedSet.has(line) && !matchedSet.has(line)) matchedSet.add(line);
    else extra.push(line);
  }
  const matched = matchedSet.size;
  return {
    headersMatched: matched,
    headerRecall: marked.length === 0 ? null : matched / marked.length,
    headerPrecision: found.length === 0 ? null : matched / found.length,
    missedHeaderLines: marked.filter((line) => !matchedSet.has(line)),
    extraHeaderLines: extra,
  };
}

/**
 * Which done criteria the file meets, given what truth.json says of it.
 * @param {Omit<LayoutRow, 'criteria'>} row
 * @param {FileTruth} truth
 * @returns {Criteria}
 */
function criteria(row, truth) {
  const hasTurns = truth.turns > 0;
  return {
    // Every file with turns is accepted.
    accepted: hasTurns ? row.accepted : null,
    // Recall and precision of the header lines, where a person marked them.
    headers:
      hasTurns && truth.headerLines !== undefined
        ? row.headerRecall !== null &&
          row.headerRecall >= CRITERIA.minRecall &&
          row.headerPrecision !== null &&
          row.headerPrecision >= CRITERIA.minPrecision
        : null,
    // Stamps on the turns, where the file's turns carry them.
    stamps: hasTurns && truth.timed === true ? row.timeShare !== null && row.timeShare >= CRITERIA.minTimeShare : null,
    // No turn swallows the file; not checked where no turn was found (the file is refused, see `accepted`).
    longest: truth.turns >= CRITERIA.minTurnsForLongest && row.longestShare !== null ? row.longestShare <= CRITERIA.maxLongestShare : null,
    // A file with no turns is refused.
    refused: hasTurns ? null : !row.accepted,
  };
}

/**
 * Where each line starts, in UTF-16 code units, with the line breaks the service counts (CRLF, LF, CR).
 * @param {string} text
 */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The file's text as the CLI reads it (UTF-8, the byte-order mark dropped), or why it cannot be read as text.
 * @param {Uint8Array} bytes
 * @returns {{ text: string } | { refusal: string }}
 */
function decode(bytes) {
  if (bytes.includes(0)) return { refusal: 'not a transcript: it holds binary data' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { refusal: 'not a transcript: not valid UTF-8 text' };
  }
}

/**
 * @param {ServiceModule} lib
 * @param {TranscriptLanguageService} service
 * @param {string} path
 * @param {string} file
 * @param {FileTruth | undefined} truth
 * @returns {LayoutRow}
 */
function measure(lib, service, path, file, truth) {
  const decoded = decode(readFileSync(path));
  /** @type {Omit<LayoutRow, 'accepted' | 'refusal' | 'criteria'>} */
  const empty = {
    file,
    chars: 0,
    turns: 0,
    speakers: 0,
    timedTurns: 0,
    timeShare: null,
    longestTurnChars: 0,
    longestTurnLine: null,
    longestShare: null,
    problems: {},
    truthTurns: truth?.turns ?? null,
    truthTimed: truth?.timed ?? null,
    headersMatched: null,
    headerRecall: null,
    headerPrecision: null,
    missedHeaderLines: null,
    extraHeaderLines: null,
  };
  /**
   * The row with the header comparison and the criteria, once the rest is measured.
   * @param {Omit<LayoutRow, 'criteria'>} measured
   * @param {readonly number[]} headerLines the header line of each turn found, 1-based
   * @returns {LayoutRow}
   */
  const judged = (measured, headerLines) => {
    const compared = truth?.headerLines === undefined ? {} : compareHeaders(truth.headerLines, headerLines);
    const row = { ...measured, ...compared };
    return { ...row, criteria: truth === undefined ? null : criteria(row, truth) };
  };
  if ('refusal' in decoded) return judged({ ...empty, accepted: false, refusal: decoded.refusal }, []);

  const { text } = decoded;
  const document = lib.textDocument(pathToFileURL(path).href, text);
  const model = service.model(document);
  const refusal = lib.notATranscriptReason(model, text);

  const starts = lineStarts(text);
  const pastTheEnd = truth?.headerLines?.find((line) => line > starts.length);
  if (pastTheEnd !== undefined) {
    fail(`${join(dirname(path), 'truth.json')}: "${file}": header line ${pastTheEnd} is past the file's last line (${starts.length})`);
  }
  /** @param {{ line: number, character: number }} p */
  const offset = (p) => (starts[p.line] ?? text.length) + p.character;
  let longest = 0;
  /** @type {number | null} */
  let longestLine = null;
  for (const turn of model.turns) {
    const span = offset(turn.range.end) - offset(turn.range.start);
    if (span > longest || longestLine === null) {
      longest = span;
      longestLine = turn.range.start.line + 1;
    }
  }

  /** @type {Map<string, number>} */
  const byCode = new Map();
  for (const diagnostic of service.diagnostics(document)) {
    byCode.set(diagnostic.code, (byCode.get(diagnostic.code) ?? 0) + 1);
  }
  const turns = model.turns.length;
  const timedTurns = model.turns.filter((turn) => turn.timestamp !== undefined).length;
  /** @type {Omit<LayoutRow, 'criteria'>} */
  const row = {
    ...empty,
    chars: text.length,
    accepted: refusal === undefined,
    refusal: refusal ?? null,
    turns,
    speakers: new Set(model.speakers.map((speaker) => speaker.displayName)).size,
    timedTurns,
    timeShare: turns === 0 ? null : timedTurns / turns,
    longestTurnChars: longest,
    longestTurnLine: longestLine,
    longestShare: turns === 0 || text.length === 0 ? null : longest / text.length,
    problems: Object.fromEntries([...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  service.forget(document.uri);
  return judged(
    row,
    model.turns.map((turn) => turn.headerRange.start.line + 1),
  );
}

/** @param {number} share */
const percent = (share) => `${(100 * share).toFixed(1)} %`;
/** @param {string} cell */
const escapeCell = (cell) => cell.replace(/\|/g, '\\|');

/** The done criteria in the order the summary lists them, as the table's last column names them and as the summary says them. */
const CRITERION_TEXT = /** @type {const} */ ([
  ['accepted', 'every file with turns accepted'],
  ['headers', `header recall ≥ ${100 * CRITERIA.minRecall} % and precision ≥ ${100 * CRITERIA.minPrecision} %`],
  ['stamps', `stamps on ≥ ${100 * CRITERIA.minTimeShare} % of the turns where the file is timed`],
  ['longest', 'longest turn ≤ a fifth of the file'],
  ['refused', 'files with no turns refused'],
]);

/**
 * A share with the counts it divides, and the first line that keeps it from 100 %.
 * @param {number | null} share
 * @param {number | null} matched
 * @param {number} of
 * @param {number[] | null} off lines that count against the share
 * @param {string} offName
 */
function shareCell(share, matched, of, off, offName) {
  if (share === null) return '–';
  const first = off?.[0];
  return `${percent(share)} (${matched}/${of}${first === undefined ? '' : `, first ${offName} line ${first}`})`;
}

/**
 * @param {LayoutRow[]} rows
 * @param {boolean} withTruth
 */
function table(rows, withTruth) {
  const header = [
    'file',
    'verdict',
    'turns',
    'speakers (distinct display names)',
    'turns with a time',
    'longest turn (share of file, line)',
    'problems by code',
  ];
  if (withTruth) header.push('truth turns (found − truth)', 'header recall (matched/marked)', 'header precision (matched/found)', 'criteria not met');
  const lines = [`| ${header.join(' | ')} |`, `|---|---|---:|---:|---:|---:|---|${withTruth ? '---:|---:|---:|---|' : ''}`];
  for (const row of rows) {
    const cells = [
      escapeCell(row.file),
      row.accepted ? 'accepted' : 'refused',
      String(row.turns),
      String(row.speakers),
      row.timeShare === null ? '–' : `${percent(row.timeShare)} (${row.timedTurns}/${row.turns})`,
      row.longestShare === null ? '–' : `${percent(row.longestShare)} (line ${row.longestTurnLine})`,
      Object.entries(row.problems)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ') || '–',
    ];
    if (withTruth) {
      const t = row.truthTurns;
      const difference = t === null ? 0 : row.turns - t;
      cells.push(t === null ? '–' : `${t} (${difference === 0 ? '=' : difference > 0 ? `+${difference}` : `−${-difference}`})`);
      const marked = row.missedHeaderLines === null ? 0 : /** @type {number} */ (row.headersMatched) + row.missedHeaderLines.length;
      cells.push(
        shareCell(row.headerRecall, row.headersMatched, marked, row.missedHeaderLines, 'missed'),
        shareCell(row.headerPrecision, row.headersMatched, row.turns, row.extraHeaderLines, 'extra'),
      );
      const criteria = row.criteria;
      const unmet = criteria === null ? [] : CRITERION_TEXT.filter(([key]) => criteria[key] === false).map(([key]) => key);
      cells.push(criteria === null ? '–' : unmet.length === 0 ? 'none' : unmet.join(', '));
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Per done criterion, the files of truth.json that meet it and those that do not.
 * @param {LayoutRow[]} rows
 */
function criteriaSummary(rows) {
  const judged = rows.filter((row) => row.criteria !== null);
  const lines = [`Done criteria (issue 16), over the ${judged.length} files truth.json describes:`];
  for (const [key, text] of CRITERION_TEXT) {
    const applies = judged.filter((row) => row.criteria?.[key] !== null);
    const unmet = applies.filter((row) => row.criteria?.[key] === false);
    const parts = [`- ${text}: `];
    parts.push(applies.length === 0 ? 'no file to check' : `${applies.length - unmet.length} of ${applies.length} met`);
    if (unmet.length > 0)
      parts.push(`; not met: ${unmet.map((row) => (key === 'accepted' ? row.file : `${row.file} (${why(row, key)})`)).join(', ')}`);
    if (key === 'longest') {
      const unchecked = judged.filter((row) => (row.truthTurns ?? 0) > 0 && row.criteria?.longest === null);
      if (unchecked.length > 0) {
        const reasons = unchecked.map((row) =>
          (row.truthTurns ?? 0) < CRITERIA.minTurnsForLongest
            ? `${row.file} (truth counts ${row.truthTurns} turn${row.truthTurns === 1 ? '' : 's'}, fewer than ${CRITERIA.minTurnsForLongest})`
            : `${row.file} (no turn found)`,
        );
        parts.push(`; not checked: ${reasons.join(', ')}`);
      }
    }
    lines.push(parts.join(''));
  }
  const allMet = judged.filter((row) => row.criteria !== null && Object.values(row.criteria).every((met) => met !== false)).length;
  lines.push(`Every criterion met: ${allMet} of ${judged.length} files.`);
  const untold = rows.length - judged.length;
  if (untold > 0) lines.push(`Not in truth.json, so not judged: ${untold} file${untold === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

/**
 * Why a file does not meet a criterion other than `accepted` (which says it all), in a few words.
 * @param {LayoutRow} row
 * @param {Exclude<keyof Criteria, 'accepted'>} key
 */
function why(row, key) {
  switch (key) {
    case 'headers':
      return `recall ${row.headerRecall === null ? '–' : percent(row.headerRecall)}, precision ${row.headerPrecision === null ? '– (no turn found)' : percent(row.headerPrecision)}`;
    case 'stamps':
      return row.timeShare === null ? 'no turn found' : `${percent(row.timeShare)} stamped`;
    case 'longest':
      return `${row.longestShare === null ? '–' : percent(row.longestShare)}, line ${row.longestTurnLine}`;
    case 'refused':
      return `accepted, ${row.turns} turn${row.turns === 1 ? '' : 's'} found`;
  }
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1 || positionals[0] === undefined) fail(USAGE);
const folder = resolve(/** @type {string} */ (positionals[0]));
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${folder}: not a folder`);

const truth = readTruth(folder);
const files = readdirSync(folder)
  .filter((name) => !name.startsWith('.') && !NOT_MEASURED.has(name) && statSync(join(folder, name)).isFile())
  // Code-unit order, not the locale's: the same on every machine.
  .sort();
for (const name of [...(truth?.keys() ?? [])].sort()) {
  if (!files.includes(name)) console.error(`measure-layouts: truth.json names ${name}, which is not a file measured here`);
}

const lib = loadService();
const service = lib.createTranscriptService();
const rows = files.map((name) => measure(lib, service, join(folder, name), name, truth?.get(name)));

if (values.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const accepted = rows.filter((row) => row.accepted).length;
  console.log(table(rows, truth !== undefined));
  console.log(`\nFiles: ${rows.length}, accepted: ${accepted}, refused: ${rows.length - accepted}`);
  if (truth !== undefined) console.log(`\n${criteriaSummary(rows)}`);
}
