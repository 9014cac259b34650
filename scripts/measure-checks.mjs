#!/usr/bin/env node
/**
 * Measures the checks against the generator's ground truth: precision and recall of
 * `duplicate-overlap` (a diagnostic counts as right when it overlaps a repeat the generator made)
 * and of `timestamp-order`, over many generated transcripts. Prints a table.
 *
 *   node scripts/measure-checks.mjs [--transcripts 40] [--bytes 60000]
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateTranscript, loadDebateRows } from './generate-transcript.mjs';

const { values } = parseArgs({ options: { transcripts: { type: 'string', default: '40' }, bytes: { type: 'string', default: '60000' } } });
const bundle = join(mkdtempSync(join(tmpdir(), 'measure-')), 'service.cjs');
buildSync({ entryPoints: ['server/src/service/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { createTranscriptService, textDocument } = /** @type {typeof import('../server/src/service/index.ts')} */ (
  createRequire(import.meta.url)(bundle)
);

/** @typedef {{ line: number, character: number }} Position */
/**
 * @param {Position} a
 * @param {Position} b
 */
const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
/**
 * @param {{ start: Position, end: Position }} a
 * @param {{ start: Position, end: Position }} b
 */
const intersects = (a, b) => before(a.start, b.end) && before(b.start, a.end);

const rows = loadDebateRows();
const tally = { overlap: { tp: 0, fp: 0, found: 0, truth: 0 }, order: { tp: 0, fp: 0, found: 0, truth: 0 } };
for (let seed = 1; seed <= Number(values.transcripts); seed++) {
  const { text, truth } = generateTranscript({ bytes: Number(values.bytes), seed }, rows);
  const diagnostics = createTranscriptService().diagnostics(textDocument(`file:///t${seed}`, text));
  const overlaps = diagnostics.filter((d) => d.code === 'duplicate-overlap');
  for (const d of overlaps) {
    if (truth.overlaps.some((o) => intersects(d.range, o.repeat.range))) tally.overlap.tp++;
    else tally.overlap.fp++;
  }
  tally.overlap.truth += truth.overlaps.length;
  tally.overlap.found += truth.overlaps.filter((o) => overlaps.some((d) => intersects(d.range, o.repeat.range))).length;
  const order = diagnostics.filter((d) => d.code === 'timestamp-order');
  const truthLines = new Set(truth.backwardsStamps.map((b) => b.line));
  for (const d of order) {
    if (truthLines.has(d.range.start.line)) tally.order.tp++;
    else tally.order.fp++;
  }
  tally.order.truth += truthLines.size;
  tally.order.found += [...truthLines].filter((line) => order.some((d) => d.range.start.line === line)).length;
}
/**
 * @param {number} n
 * @param {number} d
 */
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
console.log(`${values.transcripts} generated transcripts of ~${values.bytes} bytes each\n`);
console.log('| check | diagnostics | true | false | precision | truth items | found | recall |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, t] of Object.entries(tally)) {
  console.log(
    `| ${name === 'overlap' ? 'duplicate-overlap' : 'timestamp-order'} | ${t.tp + t.fp} | ${t.tp} | ${t.fp} | ${pct(t.tp, t.tp + t.fp)} | ${t.truth} | ${t.found} | ${pct(t.found, t.truth)} |`,
  );
}
