#!/usr/bin/env node
/**
 * Measures the seam checks and Fix All against ground truth, over three corpora:
 *
 * - generated: `--transcripts N` transcripts of `--bytes` bytes from `scripts/generate-transcript.mjs`
 *   (seeds 1..N, default options: short and long repeats, every kind of join, loops);
 * - clean: `--clean N` ordinary transcripts (`clean: true`, each with another format, seed and
 *   start), where any seam or loop finding is a false alarm;
 * - real: with `--real DIR`, every file in DIR cut into chunks by `chunkLikePipeline` from
 *   `scripts/lib/chunkLikePipeline.mjs` (loaded only then), which gives its own truth and clean text.
 *
 *   node scripts/measure-checks.mjs [--transcripts 40] [--bytes 60000] [--clean 20] [--real DIR] [--json] [--self-check]
 *
 * (`--help` lists the rest.)
 *
 * What counts:
 * - `duplicate-overlap`: a diagnostic is true when its range shares a character with a truth
 *   overlap's repeat range or original range (ranges run from a copy's first word to its last,
 *   across the lines between), else false; precision = true / diagnostics. A truth overlap is
 *   found when a diagnostic's range shares a character with its repeat or original range; recall
 *   = found / truth overlaps, over all and by kind (exact or re-transcribed), length (words of the
 *   original: up to 60, 61 to 300, over 300), join (`explicit` marker, `implicit` format change,
 *   `unmarked`), and shape (original cut off, original begins inside a turn). A false diagnostic
 *   belongs to no truth overlap, so precision is given over all only; "diagnostics on them" counts
 *   the true ones that touch the overlaps of a row (one long repeat flagged in pieces counts each).
 * - `repetition-loop`: the same against `truth.loops` (a loop's range covers all its copies);
 *   n/a when no transcript got such a diagnostic.
 * - `timestamp-order`: a diagnostic is true when it is on a line where the truth has a backwards
 *   stamp; counted only for transcripts whose truth lists backwards stamps.
 * - False alarms on clean transcripts: every `duplicate-overlap` and `repetition-loop`, per 100 transcripts.
 * - Fix All: the service's `fixAll` edits applied to the text, compared with the truth's clean text
 *   by speech words: the words of the turns' text segments as the service's model gives them (no
 *   labels, stamps, sentiment notes or chunk markers; quotes excluded), each lower-cased with the
 *   punctuation around it taken off (`Deals.` → `deals`, `--` → nothing). A longest common
 *   subsequence (`diffArrays` of the `diff` package) pairs the two word sequences:
 *   - lost: clean words with no partner in the fixed text;
 *   - still repeated: fixed words with no partner in the clean text (a copy the fix left, or words
 *     it added), as a share of the clean words;
 *   - broken cuts: turns of the fixed text that start mid-sentence (first letter lower-case) or end
 *     mid-sentence (no `.`, `?`, `!` or `…` at the end, closing quotes and brackets aside; a word
 *     followed by `...` is a cut, not an end), unless the clean text has a turn that starts (ends)
 *     with the same words: the first (last) four agree, or all of the shorter turn's when one has
 *     fewer, immediate repeats such as loops collapsed in both. The speech itself has such turns;
 *   - fixed point: Fix All applied to its own result changes nothing.
 * `--self-check` also measures the measurement on every generated transcript: the clean text as
 * the fixed one must give 0 lost, 0 repeated and 0 broken; the unfixed text must give 0 lost and,
 * as still repeated, exactly the words of the copies and loop copies the truth says go.
 */
import { buildSync } from 'esbuild';
import { diffArrays } from 'diff';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CSV_PATH, generateTranscript, loadDebateRows, STYLES } from './generate-transcript.mjs';

/** @typedef {import('../server/src/service/index.ts').Range} Range */
/** @typedef {import('../server/src/service/index.ts').Position} Position */
/** @typedef {import('../server/src/service/index.ts').TranscriptDiagnostic} Diagnostic */
/**
 * A truth overlap as the generator writes it; a real corpus's truth may leave out what it does not know.
 * @typedef {{
 *   repeat: { range: Range, parts?: { range: Range }[] }, original: { range: Range, parts?: { range: Range }[] },
 *   words: number, kind?: string, boundary?: string, cutOff?: boolean, beginsMidTurn?: boolean, kept?: string,
 * }} TruthOverlap
 */
/** @typedef {{ range: Range, phrase: string, times: number }} TruthLoop */
/** @typedef {{ overlaps: TruthOverlap[], loops?: TruthLoop[], backwardsStamps?: { line: number }[], turns?: { line: number, chunk: number, speaker: string }[] }} Truth */

const HELP = `Usage: node scripts/measure-checks.mjs [options]

  --transcripts N   generated transcripts, seeds 1..N (default 40)
  --bytes N         size of each (default 60000)
  --clean N         clean transcripts, for false alarms (default 20)
  --real DIR        also every file in DIR, chunked by scripts/lib/chunkLikePipeline.mjs
  --csv FILE        the debates CSV (default ../shared/data/debates-2016.csv)
  --json            print the figures as JSON, not tables
  --self-check      also check the measurement against the truth; exit 1 if it disagrees
  --show-broken     list the broken cuts Fix All leaves, on standard error
`;

const { values } = parseArgs({
  options: {
    transcripts: { type: 'string', default: '40' },
    bytes: { type: 'string', default: '60000' },
    clean: { type: 'string', default: '20' },
    real: { type: 'string' },
    csv: { type: 'string' },
    json: { type: 'boolean', default: false },
    'self-check': { type: 'boolean', default: false },
    'show-broken': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const count = (/** @type {string} */ name, /** @type {string} */ raw) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`measure-checks: --${name} takes a whole number, not ${raw}\n`);
    process.exit(2);
  }
  return n;
};
const transcripts = count('transcripts', values.transcripts);
const bytes = count('bytes', values.bytes);
const cleanCount = count('clean', values.clean);

const bundleDir = mkdtempSync(join(tmpdir(), 'measure-'));
const bundle = join(bundleDir, 'service.cjs');
buildSync({ entryPoints: ['server/src/service/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { createTranscriptService, textDocument, applyEdits, isGenericLabel } = /** @type {typeof import('../server/src/service/index.ts')} */ (
  createRequire(import.meta.url)(bundle)
);
rmSync(bundleDir, { recursive: true, force: true });
const service = createTranscriptService();

// ---------------------------------------------------------------------------------------------
// Ranges.

/**
 * @param {Position} a
 * @param {Position} b
 */
const compare = (a, b) => a.line - b.line || a.character - b.character;
/**
 * Whether two ranges share a character; an empty range counts as the point it is.
 * @param {Range} a
 * @param {Range} b
 */
function intersects(a, b) {
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return compare(a.start, b.start) === 0;
  if (aEmpty) return compare(b.start, a.start) <= 0 && compare(a.start, b.end) < 0;
  if (bEmpty) return intersects(b, a);
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

// ---------------------------------------------------------------------------------------------
// Speech words, as the service reads the turns.

/** @param {string} token */
const normalize = (token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

let documents = 0;
/**
 * Runs `use` on a document of `text`, then lets the service forget it.
 * @template T
 * @param {string} text
 * @param {(document: import('../server/src/service/index.ts').TranscriptDocument) => T} use
 * @returns {T}
 */
function withDocument(text, use) {
  const uri = `file:///measure/${documents++}.transcript`;
  try {
    return use(textDocument(uri, text));
  } finally {
    service.forget(uri);
  }
}

/**
 * The turns' text and words, each word with where it is.
 * @param {string} text
 */
function speech(text) {
  return withDocument(text, (document) =>
    service.model(document).turns.map((turn) => {
      /** @type {{ word: string, line: number, start: number, end: number }[]} */
      const words = [];
      for (const segment of turn.segments) {
        for (const match of segment.text.matchAll(/\S+/g)) {
          const word = normalize(match[0]);
          const start = segment.range.start.character + match.index;
          if (word) words.push({ word, line: segment.range.start.line, start, end: start + match[0].length });
        }
      }
      return { text: turn.segments.map((s) => s.text).join(' '), words };
    }),
  );
}

/** @param {string} turnText */
const startsMidSentence = (turnText) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(turnText);
/** @param {string} turnText */
const endsMidSentence = (turnText) =>
  !/[.?!\u2026]["'\u201d\u2019)\]]*$/u.test(turnText) || /[\p{L}\p{N}]\.\.\.["'\u201d\u2019)\]]*$/u.test(turnText);
const EDGE_WORDS = 4;

/**
 * Words with every immediate repetition of a run of 1 to 6 words taken out (`going to going to` → `going to`).
 * @param {string[]} words
 */
function collapseRepeats(words) {
  /** @type {string[]} */
  const out = [];
  for (const word of words) {
    out.push(word);
    for (let n = 1; n <= 6 && 2 * n <= out.length; n++) {
      if (out.slice(-n).every((w, i) => w === out[out.length - 2 * n + i])) {
        out.length -= n;
        n = 0;
      }
    }
  }
  return out;
}

/**
 * Which turns start (or end) with the same words as one of `turns`: the first (last) four words
 * agree, or all the words of the shorter turn when one has fewer; loops and other immediate
 * repeats collapsed in both (a loop the fix left at a turn's end is still repeated, not a broken cut).
 * @param {{ words: { word: string }[] }[]} turns
 * @param {'start' | 'end'} side
 */
function edgeIndex(turns, side) {
  const edge = (/** @type {{ word: string }[]} */ words) => {
    const collapsed = collapseRepeats(words.map((w) => w.word));
    return side === 'start' ? collapsed.slice(0, EDGE_WORDS) : collapsed.slice(-EDGE_WORDS).reverse();
  };
  /** Edges of each length 1..4, and the whole edges of turns shorter than four words. */
  const prefixes = new Set();
  const whole = new Set();
  for (const turn of turns) {
    const words = edge(turn.words);
    if (words.length === 0) prefixes.add('');
    for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(' '));
    if (words.length < EDGE_WORDS) whole.add(words.join(' '));
  }
  return {
    /** @param {{ word: string }[]} words */
    has(words) {
      const mine = edge(words);
      if (mine.length < EDGE_WORDS) return prefixes.has(mine.join(' '));
      return prefixes.has(mine.join(' ')) || mine.some((_, n) => n > 0 && whole.has(mine.slice(0, n).join(' ')));
    },
  };
}

/**
 * Compares a fixed text with the clean text it should be, by speech words (see the header).
 * @param {string} fixed
 * @param {string} clean
 */
function compareSpeech(fixed, clean) {
  const fixedTurns = speech(fixed);
  const cleanTurns = speech(clean);
  const fixedWords = fixedTurns.flatMap((t) => t.words.map((w) => w.word));
  const cleanWords = cleanTurns.flatMap((t) => t.words.map((w) => w.word));
  let lost = 0;
  let extra = 0;
  for (const change of diffArrays(cleanWords, fixedWords)) {
    if (change.removed) lost += change.count;
    else if (change.added) extra += change.count;
  }
  const starts = edgeIndex(cleanTurns, 'start');
  const ends = edgeIndex(cleanTurns, 'end');
  /** @type {string[]} */
  const broken = [];
  for (const turn of fixedTurns) {
    const badStart = startsMidSentence(turn.text) && !starts.has(turn.words);
    const badEnd = endsMidSentence(turn.text) && !ends.has(turn.words);
    if (badStart || badEnd) broken.push(turn.text);
  }
  return { cleanWords: cleanWords.length, lost, extra, broken };
}

/**
 * The speech words of `text` that the truth says the mend removes: the copy that goes at each
 * seam, and every loop copy after the first.
 * @param {string} text
 * @param {Truth} truth
 */
function wordsToRemove(text, truth) {
  /** @type {Range[]} */
  const dropped = [];
  for (const o of truth.overlaps) {
    const copy = o.kept === 'repeat' ? o.original : o.repeat;
    dropped.push(...(copy.parts ?? [copy]).map((p) => p.range));
  }
  for (const loop of truth.loops ?? []) {
    dropped.push({ start: { ...loop.range.start, character: loop.range.start.character + loop.phrase.length + 1 }, end: loop.range.end });
  }
  return speech(text)
    .flatMap((t) => t.words)
    .filter((w) => dropped.some((r) => intersects(r, { start: { line: w.line, character: w.start }, end: { line: w.line, character: w.end } })))
    .length;
}

// ---------------------------------------------------------------------------------------------
// Tallies.

/** @param {number} words */
const lengthBucket = (words) => (words <= 60 ? 'up to 60 words' : words <= 300 ? '61-300 words' : 'over 300 words');

function newTally() {
  return {
    files: 0,
    overlap: {
      diagnostics: 0,
      true: 0,
      false: 0,
      truth: 0,
      found: 0,
      groups: /** @type {Record<string, { truth: number, found: number, diagnostics: number }>} */ ({}),
    },
    loop: { diagnostics: 0, true: 0, false: 0, truth: 0, found: 0 },
    order: { diagnostics: 0, true: 0, false: 0, truth: 0, found: 0 },
    fix: { files: 0, cleanWords: 0, lost: 0, extra: 0, brokenTurns: 0, brokenByFix: 0, fixedPoint: 0, changed: 0 },
    /** Pairs of turns in different chunks: said by one person (truth), put under one person (people, and names and labels alone), both. */
    people: { files: 0, truePairs: 0, found: { pairs: 0, right: 0 }, byName: { pairs: 0, right: 0 }, shown: 0, byNameShown: 0, real: 0 },
    /** @type {{ file: string, seams: number, found: number, falseAlarms: number, lost: number, extra: number, broken: number, fixedPoint: boolean }[]} */
    perFile: [],
    /** @type {string[]} */
    skipped: [],
    /** @type {string[]} */
    selfCheck: [],
  };
}
/** @typedef {ReturnType<typeof newTally>} Tally */

/**
 * The groups a truth overlap falls in, for the breakdown.
 * @param {TruthOverlap} o
 */
function groupsOf(o) {
  const groups = [lengthBucket(o.words)];
  if (o.kind) groups.push(o.kind === 'exact' ? 'exact' : 're-transcribed');
  if (o.boundary) groups.push(`${o.boundary} join`);
  if (o.cutOff) groups.push('original cut off');
  if (o.beginsMidTurn) groups.push('begins mid-turn');
  return groups;
}

/**
 * Checks one transcript and mends it with Fix All; adds what it finds to `tally`.
 * @param {Tally} tally
 * @param {string} name
 * @param {string} text
 * @param {Truth} truth
 * @param {string} clean
 */
function measure(tally, name, text, truth, clean) {
  tally.files++;
  const diagnostics = withDocument(text, (document) => service.diagnostics(document));
  const overlaps = diagnostics.filter((d) => d.code === 'duplicate-overlap');
  const loops = diagnostics.filter((d) => d.code === /** @type {string} */ ('repetition-loop'));
  const touches = (/** @type {Diagnostic} */ d, /** @type {TruthOverlap} */ o) =>
    intersects(d.range, o.repeat.range) || intersects(d.range, o.original.range);

  const t = tally.overlap;
  let falseAlarms = 0;
  for (const d of overlaps) {
    t.diagnostics++;
    if (truth.overlaps.some((o) => touches(d, o))) t.true++;
    else {
      t.false++;
      falseAlarms++;
    }
  }
  let found = 0;
  for (const o of truth.overlaps) {
    const on = overlaps.filter((d) => touches(d, o)).length;
    t.truth++;
    if (on > 0) found++;
    for (const group of groupsOf(o)) {
      const g = (t.groups[group] ??= { truth: 0, found: 0, diagnostics: 0 });
      g.truth++;
      g.diagnostics += on;
      if (on > 0) g.found++;
    }
  }
  t.found += found;

  const truthLoops = truth.loops ?? [];
  for (const d of loops) {
    tally.loop.diagnostics++;
    if (truthLoops.some((l) => intersects(d.range, l.range))) tally.loop.true++;
    else {
      tally.loop.false++;
      falseAlarms++;
    }
  }
  tally.loop.truth += truthLoops.length;
  tally.loop.found += truthLoops.filter((l) => loops.some((d) => intersects(d.range, l.range))).length;

  // Only where the truth lists the backwards stamps: a real corpus's truth may not.
  const order = truth.backwardsStamps ? diagnostics.filter((d) => d.code === 'timestamp-order') : [];
  const backwards = new Set((truth.backwardsStamps ?? []).map((b) => b.line));
  for (const d of order) {
    tally.order.diagnostics++;
    if (backwards.has(d.range.start.line)) tally.order.true++;
    else tally.order.false++;
  }
  tally.order.truth += backwards.size;
  tally.order.found += [...backwards].filter((line) => order.some((d) => d.range.start.line === line)).length;

  const fixed = withDocument(text, (document) => applyEdits(text, service.fixAll(document)));
  const again = withDocument(fixed, (document) => applyEdits(fixed, service.fixAll(document)));
  const compared = compareSpeech(fixed, clean);
  const f = tally.fix;
  f.files++;
  f.cleanWords += compared.cleanWords;
  f.lost += compared.lost;
  f.extra += compared.extra;
  f.brokenTurns += compared.broken.length;
  // Those the fix made: a turn of the input left as it was is not the fix's doing (a chunk that
  // opens with the rest of a sentence cut off before it, with nothing repeated).
  const inputTurns = new Set(speech(text).map((turn) => turn.text));
  const brokenByFix = compared.broken.filter((turn) => !inputTurns.has(turn));
  f.brokenByFix += brokenByFix.length;
  if (again === fixed) f.fixedPoint++;
  if (values['show-broken'])
    for (const b of compared.broken)
      process.stderr.write(
        `${name}: broken cut${brokenByFix.includes(b) ? ' (by the fix)' : ''}: ${b.length > 130 ? `${b.slice(0, 60)} … ${b.slice(-60)}` : b}\n`,
      );
  if (fixed !== text) f.changed++;
  tally.perFile.push({
    file: name,
    seams: truth.overlaps.length,
    found,
    falseAlarms,
    lost: compared.lost,
    extra: compared.extra,
    broken: compared.broken.length,
    fixedPoint: again === fixed,
  });

  if (truth.turns) measurePeople(tally, text, truth.turns);

  if (values['self-check']) {
    const itself = compareSpeech(clean, clean);
    if (itself.lost || itself.extra || itself.broken.length)
      tally.selfCheck.push(`${name}: the clean text against itself: ${JSON.stringify(itself)}`);
    const unfixed = compareSpeech(text, clean);
    const expected = wordsToRemove(text, truth);
    if (unfixed.lost !== 0 || unfixed.extra !== expected) {
      tally.selfCheck.push(`${name}: the text as it is: ${unfixed.lost} lost, ${unfixed.extra} still repeated; the truth removes ${expected}`);
    }
  }
}

/**
 * Who is who, against the truth's speaker of each turn: over pairs of turns in different chunks,
 * how many the service puts under one person, how many of those one person said (precision), and
 * how many of the pairs one person said it finds (recall); also by names and labels alone (a
 * name, or a label that is one, is a person; `Speaker 2` is one only within its chunk).
 * @param {Tally} tally
 * @param {string} text
 * @param {{ line: number, chunk: number, speaker: string }[]} truthTurns
 */
function measurePeople(tally, text, truthTurns) {
  const t = tally.people;
  t.files++;
  withDocument(text, (document) => {
    const model = service.model(document);
    const people = service.people(document);
    /** @type {Map<number, number>} */
    const turnOfLine = new Map();
    for (const turn of model.turns) for (let line = turn.range.start.line; line <= turn.range.end.line; line++) turnOfLine.set(line, turn.index);
    /** @type {Map<number, string>} */
    const speakerOfTurn = new Map();
    for (const truthTurn of truthTurns) {
      const index = turnOfLine.get(truthTurn.line);
      if (index !== undefined && !speakerOfTurn.has(index)) speakerOfTurn.set(index, truthTurn.speaker);
    }
    /** @param {import('../server/src/service/index.ts').Speaker} speaker */
    const byName = (speaker) =>
      speaker.name !== undefined
        ? `name:${speaker.name.toLowerCase()}`
        : speaker.label !== '' && !isGenericLabel(speaker.label)
          ? `name:${speaker.label.toLowerCase()}`
          : `chunk:${speaker.chunkIndex}:${speaker.label.toLowerCase()}`;
    /** @type {{ person: string, name: string, truth: string, chunk: number }[]} */
    const turns = [];
    for (const [index, truthSpeaker] of speakerOfTurn) {
      const turn = model.turns[index];
      turns.push({
        person: String(people.personOfSpeaker[turn.speakerIndex]),
        name: byName(model.speakers[turn.speakerIndex]),
        truth: truthSpeaker,
        chunk: turn.chunkIndex,
      });
    }
    /**
     * Pairs of turns in different chunks that agree on every key `keys` gives.
     * @param {(turn: (typeof turns)[number]) => string} keyOf
     */
    const pairsAcrossChunks = (keyOf) => {
      /** @type {Map<string, number>} */
      const all = new Map();
      /** @type {Map<string, number>} */
      const inChunk = new Map();
      for (const turn of turns) {
        const key = keyOf(turn);
        all.set(key, (all.get(key) ?? 0) + 1);
        inChunk.set(`${key}\u0000${turn.chunk}`, (inChunk.get(`${key}\u0000${turn.chunk}`) ?? 0) + 1);
      }
      const pairs = (/** @type {number} */ n) => (n * (n - 1)) / 2;
      let total = 0;
      for (const n of all.values()) total += pairs(n);
      for (const n of inChunk.values()) total -= pairs(n);
      return total;
    };
    t.truePairs += pairsAcrossChunks((turn) => turn.truth);
    t.found.pairs += pairsAcrossChunks((turn) => turn.person);
    t.found.right += pairsAcrossChunks((turn) => `${turn.person}\u0000${turn.truth}`);
    t.byName.pairs += pairsAcrossChunks((turn) => turn.name);
    t.byName.right += pairsAcrossChunks((turn) => `${turn.name}\u0000${turn.truth}`);
    t.shown += new Set(turns.map((turn) => turn.person)).size;
    t.byNameShown += new Set(turns.map((turn) => turn.name)).size;
    t.real += new Set(turns.map((turn) => turn.truth)).size;
  });
}

/** @param {Tally} tally */
function peopleTable(tally) {
  const t = tally.people;
  if (t.files === 0) return [];
  return [
    '| who is who (pairs of turns in different chunks) | put under one person | of them, one person | precision | recall | people shown (truly) |',
    '|---|---:|---:|---:|---:|---:|',
    `| people | ${t.found.pairs} | ${t.found.right} | ${pct(t.found.right, t.found.pairs)} | ${pct(t.found.right, t.truePairs)} | ${t.shown} (${t.real}) |`,
    `| names and labels alone | ${t.byName.pairs} | ${t.byName.right} | ${pct(t.byName.right, t.byName.pairs)} | ${pct(t.byName.right, t.truePairs)} | ${t.byNameShown} (${t.real}) |`,
    '',
  ];
}

// ---------------------------------------------------------------------------------------------
// The corpora.

const rows = loadDebateRows(values.csv ?? DEFAULT_CSV_PATH);

const generated = newTally();
for (let seed = 1; seed <= transcripts; seed++) {
  const { text, truth, clean } = generateTranscript({ bytes, seed }, rows);
  measure(generated, `generated seed ${seed}`, text, truth, clean);
}

const cleanTally = newTally();
const styles = Object.keys(STYLES);
for (let i = 0; i < cleanCount; i++) {
  const options = { bytes, seed: 1000 + i, clean: true, cleanStyle: styles[i % styles.length], randomStart: i % 3 !== 0 };
  const { text, truth, clean } = generateTranscript(options, rows);
  measure(cleanTally, `clean ${options.cleanStyle} seed ${options.seed}`, text, truth, clean);
}

/** @type {Tally | undefined} */
let realTally;
if (values.real) {
  realTally = newTally();
  // Another branch writes this module: named by a URL so that this script type-checks and runs without it.
  /** @type {{ chunkLikePipeline: (text: string, options: { seed: number, service: typeof service }) => { text: string, clean: string, truth: Truth } | undefined }} */
  const { chunkLikePipeline } = await import(new URL('./lib/chunkLikePipeline.mjs', import.meta.url).href).catch((error) => {
    process.stderr.write(`measure-checks: --real needs scripts/lib/chunkLikePipeline.mjs (${error.message})\n`);
    process.exit(2);
  });
  const dir = resolve(values.real);
  const files = readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  for (const [index, file] of files.entries()) {
    const chunked = chunkLikePipeline(readFileSync(join(dir, file), 'utf8'), { seed: index + 1, service });
    if (!chunked) realTally.skipped.push(file);
    else measure(realTally, file, chunked.text, chunked.truth, chunked.clean);
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

/**
 * @param {number} n
 * @param {number} d
 */
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
/** The same with two decimals, for shares of words that are small but not nothing. */
const pct2 = (/** @type {number} */ n, /** @type {number} */ d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)} %`);
/** @param {{ diagnostics: number, true: number, false: number, truth: number, found: number }} t */
const rates = (t) => ({ ...t, precision: t.diagnostics ? t.true / t.diagnostics : null, recall: t.truth ? t.found / t.truth : null });
/** @param {Tally} tally */
function summary(tally) {
  const loopSeen = tally.loop.diagnostics > 0;
  return {
    files: tally.files,
    duplicateOverlap: { ...rates(tally.overlap), groups: tally.overlap.groups },
    repetitionLoop: loopSeen ? rates(tally.loop) : { ...rates(tally.loop), precision: null, recall: null, note: 'no repetition-loop diagnostic' },
    timestampOrder: rates(tally.order),
    falseAlarmsPer100: tally.files ? (100 * (tally.overlap.false + tally.loop.false)) / tally.files : null,
    fixAll: {
      ...tally.fix,
      lostShare: tally.fix.cleanWords ? tally.fix.lost / tally.fix.cleanWords : null,
      extraShare: tally.fix.cleanWords ? tally.fix.extra / tally.fix.cleanWords : null,
    },
    people: tally.people,
    perFile: tally.perFile,
    skipped: tally.skipped,
    selfCheck: values['self-check'] ? tally.selfCheck : undefined,
  };
}

/** @param {Tally} tally */
function checksTable(tally) {
  const out = ['| check | diagnostics | true | false | precision | truth items | found | recall |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  /** @type {[string, { diagnostics: number, true: number, false: number, truth: number, found: number }][]} */
  const rowsOf = [
    ['duplicate-overlap', tally.overlap],
    ['repetition-loop', tally.loop],
    ['timestamp-order', tally.order],
  ];
  for (const [name, t] of rowsOf) {
    if (name === 'repetition-loop' && t.diagnostics === 0) {
      out.push(`| ${name} | 0 | n/a | n/a | n/a | ${t.truth} | n/a | n/a (no such diagnostic) |`);
      continue;
    }
    out.push(
      `| ${name} | ${t.diagnostics} | ${t.true} | ${t.false} | ${pct(t.true, t.diagnostics)} | ${t.truth} | ${t.found} | ${pct(t.found, t.truth)} |`,
    );
  }
  return out;
}

const GROUP_ORDER = [
  'up to 60 words',
  '61-300 words',
  'over 300 words',
  'exact',
  're-transcribed',
  'explicit join',
  'implicit join',
  'unmarked join',
  'original cut off',
  'begins mid-turn',
];
/** @param {Tally} tally */
function groupsTable(tally) {
  const out = ['| duplicate-overlap by seam | truth items | found | recall | diagnostics on them |', '|---|---:|---:|---:|---:|'];
  const groups = tally.overlap.groups;
  const names = [...GROUP_ORDER.filter((g) => groups[g]), ...Object.keys(groups).filter((g) => !GROUP_ORDER.includes(g))];
  for (const name of names) {
    const g = groups[name];
    out.push(`| ${name} | ${g.truth} | ${g.found} | ${pct(g.found, g.truth)} | ${g.diagnostics} |`);
  }
  return out;
}

/** @param {Tally} tally */
function fixTable(tally) {
  const f = tally.fix;
  return [
    '| Fix All | files | changed | clean words | lost | still repeated | broken cuts (turns) | of which the fix made | fixed point |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| against the clean text | ${f.files} | ${f.changed} | ${f.cleanWords} | ${f.lost} (${pct2(f.lost, f.cleanWords)}) | ${f.extra} (${pct2(f.extra, f.cleanWords)}) | ${f.brokenTurns} | ${f.brokenByFix} | ${f.fixedPoint} of ${f.files} |`,
  ];
}

if (values.json) {
  const report = {
    generated: { transcripts, bytes, ...summary(generated) },
    clean: summary(cleanTally),
    real: realTally && { dir: values.real, ...summary(realTally) },
  };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
} else {
  const out = [`${transcripts} generated transcripts of ~${bytes} bytes each`, '', ...checksTable(generated), '', ...groupsTable(generated), ''];
  out.push(...fixTable(generated), '', ...peopleTable(generated));
  const falseAlarms = cleanTally.overlap.false + cleanTally.loop.false;
  const withAny = cleanTally.perFile.filter((f) => f.falseAlarms > 0).length;
  out.push(`${cleanTally.files} clean transcripts (one format, no seams, no loops)`, '');
  out.push('| clean | duplicate-overlap | repetition-loop | false alarms per 100 transcripts | transcripts with any |', '|---|---:|---:|---:|---:|');
  out.push(
    `| false alarms | ${cleanTally.overlap.diagnostics} | ${cleanTally.loop.diagnostics} | ${cleanTally.files ? ((100 * falseAlarms) / cleanTally.files).toFixed(1) : 'n/a'} | ${withAny} |`,
    '',
  );
  out.push(...fixTable(cleanTally), '');
  if (realTally) {
    out.push(`${realTally.files} real transcripts from ${values.real}, chunked like a pipeline`, '');
    if (realTally.skipped.length) out.push(`Not chunked (chunkLikePipeline gave nothing): ${realTally.skipped.join(', ')}`, '');
    out.push(...checksTable(realTally), '', ...groupsTable(realTally), '', ...fixTable(realTally), '');
    out.push(
      '| file | seams | found | false alarms | lost | still repeated | broken cuts | fixed point |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const f of realTally.perFile) {
      out.push(`| ${f.file} | ${f.seams} | ${f.found} | ${f.falseAlarms} | ${f.lost} | ${f.extra} | ${f.broken} | ${f.fixedPoint ? 'yes' : 'no'} |`);
    }
    out.push('');
  }
  if (values['self-check']) {
    const failures = [generated, cleanTally, ...(realTally ? [realTally] : [])].flatMap((t) => t.selfCheck);
    out.push(
      failures.length
        ? `Self-check FAILED:\n${failures.join('\n')}`
        : `Self-check passed on ${generated.files + cleanTally.files + (realTally?.files ?? 0)} transcripts.`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
if (values['self-check'] && [generated, cleanTally, ...(realTally ? [realTally] : [])].some((t) => t.selfCheck.length > 0)) process.exit(1);
