#!/usr/bin/env node
/**
 * Types into a folder of real transcripts as the language server does, and checks what comes out.
 * Per file: the text is opened in the server's chunked document (`server/src/lsp/chunkedDocument.ts`)
 * and checked; then characters are typed, new lines typed and characters deleted at places spread
 * over the text, each sent as the editor sends it (a range and its text) and followed by the
 * diagnostics the server would send (`shownDiagnostics`). After each edit the model, every
 * diagnostic and the outline are compared with a fresh analysis of the same text (after every
 * tenth for files over 500,000 characters). Prints a Markdown table, or the rows as JSON.
 *
 *   node scripts/measure-typing.mjs FOLDER [--edits N] [--json]
 *
 * Every file directly in FOLDER is measured, except dotfiles, `SOURCES.md` and `truth.json`. The
 * corpus this is meant for lives outside the repository (see CONTRIBUTING.md). Times are wall
 * times in this process, after the file's own first check. Beside each, the bench's floor
 * (`bench-floor-server.mjs`) does its job on the same file and the same edits the way it does as
 * a server: the library's `TextDocument` updated with each change, the whole text split and
 * checked. Neither side is measured over LSP here (`npm run bench` does that, on generated
 * transcripts); the ratio shows what a keystroke costs on real layouts against the same floor.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { floorDiagnostics } from './bench-floor-server.mjs';

const USAGE = 'Usage: node scripts/measure-typing.mjs FOLDER [--edits N] [--json]';
const NOT_MEASURED = new Set(['SOURCES.md', 'truth.json']);
/** What the server asks the service for: the diagnostics VS Code shows. */
const SHOWN = 1000;
/** Files this long are compared with a fresh analysis after every tenth edit, not every one. */
const COMPARE_EVERY_EDIT_BELOW = 500_000;

/**
 * @typedef {typeof import('../server/src/service/index.ts') & { ChunkedDocument: typeof import('../server/src/lsp/chunkedDocument.ts').ChunkedDocument }} Bundle
 */

/** The service and the server's chunked document, bundled from their source so that the script measures the tree as it is. */
function load() {
  const folder = mkdtempSync(join(tmpdir(), 'measure-typing-'));
  try {
    const bundle = join(folder, 'typing.cjs');
    const root = fileURLToPath(new URL('..', import.meta.url));
    buildSync({
      stdin: {
        contents: "export * from './server/src/service'; export { ChunkedDocument } from './server/src/lsp/chunkedDocument';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'error',
    });
    return /** @type {Bundle} */ (createRequire(import.meta.url)(bundle));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A small seeded generator (mulberry32), so that a rerun types the same edits.
 * @param {number} seed
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {Bundle} lib
 * @param {string} name
 * @param {string} text
 * @param {number} edits
 */
function measureFile(lib, name, text, edits) {
  const uri = `file:///${encodeURIComponent(name)}`;
  const service = lib.createTranscriptService();
  const document = new lib.ChunkedDocument(uri, 'transcript', 1, text);
  let started = performance.now();
  service.shownDiagnostics(document, SHOWN);
  const openMs = performance.now() - started;
  const model = service.model(document);
  const row = {
    file: name,
    characters: text.length,
    lines: document.lineCount,
    turns: model.turns.length,
    diagnostics: service.diagnostics(document).length,
    openMs,
    edits: 0,
    compared: 0,
    mismatches: /** @type {string[]} */ ([]),
    keystrokeMs: /** @type {number[]} */ ([]),
    floorOpenMs: 0,
    floorKeystrokeMs: /** @type {number[]} */ ([]),
  };
  let floorDocument = TextDocument.create(uri, 'transcript', 1, text);
  started = performance.now();
  floorDiagnostics(floorDocument.getText());
  row.floorOpenMs = performance.now() - started;
  const next = random(text.length);
  const compareEvery = text.length < COMPARE_EVERY_EDIT_BELOW ? 1 : 10;
  for (let edit = 0; edit < edits; edit++) {
    const version = edit + 2;
    const roll = next();
    const at = document.positionAt(Math.floor(next() * document.length));
    // Mostly letters typed, some new lines, some characters deleted (forward, within the line when it can).
    const change =
      roll < 0.7
        ? { range: { start: at, end: at }, text: 'abcdefghij'[Math.floor(next() * 10)] }
        : roll < 0.85
          ? { range: { start: at, end: at }, text: '\n' }
          : { range: { start: at, end: document.positionAt(document.offsetAt(at) + 1) }, text: '' };
    started = performance.now();
    service.edited(uri, version, document.update([change], version));
    service.shownDiagnostics(document, SHOWN);
    row.keystrokeMs.push(performance.now() - started);
    started = performance.now();
    floorDocument = TextDocument.update(floorDocument, [change], version);
    floorDiagnostics(floorDocument.getText());
    row.floorKeystrokeMs.push(performance.now() - started);
    row.edits++;
    if (edit % compareEvery !== compareEvery - 1 && edit !== edits - 1) continue;
    const fresh = lib.createTranscriptService();
    const freshDocument = lib.textDocument(`${uri}.fresh`, document.getText(), 1);
    row.compared++;
    /** @type {Array<[string, () => unknown, () => unknown]>} */
    const compared = [
      ['model', () => service.model(document), () => fresh.model(freshDocument)],
      ['diagnostics', () => service.diagnostics(document), () => fresh.diagnostics(freshDocument)],
      ['outline', () => service.documentSymbols(document), () => fresh.documentSymbols(freshDocument)],
    ];
    for (const [what, ours, theirs] of compared) {
      if (JSON.stringify(ours()) !== JSON.stringify(theirs())) row.mismatches.push(`${what} after edit ${edit + 1}`);
    }
  }
  return row;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { edits: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } },
  });
  const edits = Number(values.edits);
  if (positionals.length !== 1 || !Number.isInteger(edits) || edits < 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const folder = resolve(positionals[0]);
  const lib = load();
  const names = readdirSync(folder)
    .filter((name) => !name.startsWith('.') && !NOT_MEASURED.has(name) && statSync(join(folder, name)).isFile())
    .sort();
  const rows = names.map((name) => measureFile(lib, name, readFileSync(join(folder, name), 'utf8'), edits));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
  const out = [
    '| file | characters | lines | turns | diagnostics | first check | floor | keystroke, median | floor | ours / floor | worst | floor | edits | compared with a fresh analysis | mismatches |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ours = median(row.keystrokeMs);
    const floor = median(row.floorKeystrokeMs);
    out.push(
      `| ${row.file} | ${row.characters.toLocaleString('en-US')} | ${row.lines.toLocaleString('en-US')} | ${row.turns.toLocaleString('en-US')} | ${row.diagnostics.toLocaleString('en-US')} | ${row.openMs.toFixed(1)} ms | ${row.floorOpenMs.toFixed(1)} ms | ${ours.toFixed(2)} ms | ${floor.toFixed(2)} ms | ${(ours / floor).toFixed(1)}× | ${Math.max(...row.keystrokeMs).toFixed(2)} ms | ${Math.max(...row.floorKeystrokeMs).toFixed(2)} ms | ${row.edits} | ${row.compared} | ${row.mismatches.length === 0 ? 'none' : row.mismatches.join('; ')} |`,
    );
  }
  const failed = rows.filter((row) => row.mismatches.length > 0).length;
  out.push('', `${rows.length} files, ${failed === 0 ? 'no mismatch' : `${failed} with mismatches`}.`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (failed > 0) process.exitCode = 1;
}

main();
