#!/usr/bin/env node
/**
 * Chunks every transcript in a folder the way pipelines do (`lib/chunkLikePipeline.mjs`), so that
 * the overlap check and Fix All can be measured on real speech. For each file it writes the chunked
 * text under the same name in OUTDIR, and `NAME.truth.json` beside it: the seams, with where each
 * repeat and the text it repeats are, and the marker lines. The original file is the clean text.
 *
 *   node scripts/chunk-corpus.mjs DIR OUTDIR [--seed N] [--min-words N] [--max-words N]
 *
 * Files with fewer than six turns are skipped. Same files and options ⇒ byte-identical output.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CHUNK_WORDS, chunkLikePipeline } from './lib/chunkLikePipeline.mjs';

const USAGE = 'Usage: node scripts/chunk-corpus.mjs DIR OUTDIR [--seed N] [--min-words N] [--max-words N]';
/** Notes that sit beside transcripts, not transcripts. */
const NOT_TRANSCRIPTS = new Set(['README.md', 'SOURCES.md']);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`chunk-corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function integer(value, name) {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number)) fail(`--${name} takes a whole number, not ${JSON.stringify(value)}`);
  return number;
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { seed: { type: 'string', default: '1' }, 'min-words': { type: 'string' }, 'max-words': { type: 'string' } },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const args = readArgs();
const [inDir, outDir, ...extra] = args.positionals;
if (inDir === undefined || outDir === undefined || extra.length > 0) fail('give the folder of transcripts and the folder to write to');
const seed = integer(args.values.seed, 'seed');
const least = args.values['min-words'] === undefined ? DEFAULT_CHUNK_WORDS[0] : integer(args.values['min-words'], 'min-words');
const most = args.values['max-words'] === undefined ? DEFAULT_CHUNK_WORDS[1] : integer(args.values['max-words'], 'max-words');
if (least < 1 || most < least) fail('chunk sizes need 1 <= --min-words <= --max-words');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = mkdtempSync(join(tmpdir(), 'chunk-corpus-'));
const bundle = join(bundleDir, 'service.cjs');
buildSync({
  entryPoints: [join(repoRoot, 'server/src/service/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
});
const { createTranscriptService } = /** @type {typeof import('../server/src/service/index.ts')} */ (createRequire(import.meta.url)(bundle));
rmSync(bundleDir, { recursive: true, force: true });

const names = readdirSync(inDir)
  .filter((name) => !NOT_TRANSCRIPTS.has(name) && !name.endsWith('.json') && statSync(join(inDir, name)).isFile())
  .sort();
mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const text = readFileSync(join(inDir, name), 'utf8');
  // One service a file: nothing of one file is held while the next is read.
  const chunked = chunkLikePipeline(text, { seed, service: createTranscriptService(), chunkWords: [least, most] });
  if (chunked === undefined) {
    console.log(`${name}: skipped, fewer than six turns`);
    continue;
  }
  const { overlaps } = chunked.truth;
  writeFileSync(join(outDir, name), chunked.text);
  writeFileSync(join(outDir, `${name}.truth.json`), `${JSON.stringify({ source: name, seed, ...chunked.truth }, null, 2)}\n`);
  const count = (/** @type {(o: (typeof overlaps)[number]) => boolean} */ test) => overlaps.filter(test).length;
  const words = overlaps.reduce((sum, o) => sum + o.words, 0);
  console.log(
    `${name}: ${overlaps.length} seams in ${chunked.truth.chunks} chunks (${count((o) => o.boundary === 'marker')} marked, ` +
      `${count((o) => o.kind === 'approximate')} approximate, ${count((o) => o.cutOff)} cut off), ${words} words repeated`,
  );
}
