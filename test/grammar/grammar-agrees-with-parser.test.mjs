// The grammar colours what the parser reads: every speaker label, name, timestamp, sentiment label
// (with its polarity) and chunk marker the parser finds is coloured as such, and nothing else is.
// Checked on the snapshot fixtures, on generated transcripts and on random lines, with the same
// TextMate engine that vscode-tmgrammar-test (and VS Code) runs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { loadTranscriptGrammar } from './textmate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const snapshotsDir = fileURLToPath(new URL('./snapshots/', import.meta.url));

/**
 * The parser straight from its TypeScript source, so this test needs no prior compile step.
 * @returns {Promise<Pick<typeof import('../../server/src/service/parse/parser.ts'), 'parseTranscript'>>}
 */
async function loadParser() {
  const result = await esbuild.build({
    stdin: { contents: "export { parseTranscript } from './server/src/service/parse/parser';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  return /** @type {Promise<Pick<typeof import('../../server/src/service/parse/parser.ts'), 'parseTranscript'>>} */ (
    import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`)
  );
}

const [{ parseTranscript }, grammar] = await Promise.all([loadParser(), loadTranscriptGrammar()]);

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * What a character is, as far as colouring goes.
 * @param {string[]} scopes
 */
function kindOfScopes(scopes) {
  for (const scope of scopes) {
    if (scope.startsWith('entity.name.tag.speaker.')) return 'label';
    if (scope.startsWith('entity.name.function.speaker-name.')) return 'name';
    if (scope.startsWith('constant.numeric.timestamp.')) return 'stamp';
    if (scope.startsWith('invalid.illegal.timestamp.')) return 'bad-stamp';
    if (scope.startsWith('comment.line.chunk-marker.')) return 'marker';
    const sentiment = /^markup\.\w+\.sentiment\.(\w+)\./.exec(scope);
    if (sentiment) return `sentiment:${sentiment[1] === 'other' ? 'other' : sentiment[1]}`;
  }
  return '';
}

/** @param {string} text */
function grammarKinds(text) {
  /** @type {Parameters<typeof grammar.tokenizeLine>[1]} */
  let state = null;
  return text.split(LINE_BREAK).map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    const kinds = /** @type {string[]} */ (new Array(line.length).fill(''));
    for (const token of tokens) {
      const kind = kindOfScopes(token.scopes);
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) kinds[i] = kind;
    }
    return kinds;
  });
}

/** @typedef {import('../../server/src/service/index.ts').Range} Range */

/** @param {string} text */
function parserKinds(text) {
  const lines = text.split(LINE_BREAK);
  const model = parseTranscript(text);
  const kinds = lines.map((line) => /** @type {string[]} */ (new Array(line.length).fill('')));
  /**
   * @param {Range} range
   * @param {string} kind
   */
  const mark = (range, kind) => {
    for (let i = range.start.character; i < range.end.character; i++) kinds[range.start.line][i] = kind;
  };
  for (const turn of model.turns) {
    if (turn.labelRange) mark(turn.labelRange, 'label');
    if (turn.nameRange) mark(turn.nameRange, 'name');
    if (turn.timestamp) mark(turn.timestamp.valueRange, 'stamp');
    for (const sentiment of turn.sentiments) mark(sentiment.labelRange, `sentiment:${sentiment.polarity}`);
    // `Researcher:` after `[00:16:08] Speaker: Researcher`: the parser joins the line to the turn.
    if (turn.echoRange) mark(turn.echoRange, 'label');
  }
  for (const marker of model.markers) mark(marker.range, 'marker');
  /** @type {Set<number>} */
  const unconstrained = new Set();
  for (const problem of model.problems) {
    const { start, end } = problem.range;
    if (problem.code === 'timestamp-malformed') {
      mark({ start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } }, 'bad-stamp');
    }
    // The grammar reads each line on its own, so it cannot know that text after a sentiment note
    // belongs to no turn, or that a sentiment note follows none: it colours such lines anyway.
    if (problem.code === 'unrecognized-line' || problem.code === 'orphan-sentiment') unconstrained.add(start.line);
  }
  return { kinds, unconstrained, model };
}

/**
 * Differences between the grammar's and the parser's reading, blanks ignored (indentation is not
 * colour). VS Code takes a leading byte-order mark off before either sees the text, so this does too.
 * @param {string} source
 */
function disagreements(source) {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const expected = parserKinds(text);
  const actual = grammarKinds(text);
  const lines = text.split(LINE_BREAK);
  /** @type {string[]} */
  const found = [];
  lines.forEach((line, l) => {
    if (expected.unconstrained.has(l)) return;
    for (let i = 0; i < line.length; i++) {
      if (/\s/.test(line[i]) || line[i] === '\uFEFF') continue;
      if (expected.kinds[l][i] !== actual[l][i]) {
        found.push(`line ${l + 1} col ${i + 1} (${JSON.stringify(line)}): parser "${expected.kinds[l][i]}", grammar "${actual[l][i]}"`);
        return;
      }
    }
  });
  return found;
}

test('every snapshot fixture is coloured as the parser reads it', async () => {
  const files = (await readdir(snapshotsDir)).filter((f) => f.endsWith('.transcript'));
  assert.ok(files.length >= 3, 'the snapshot fixtures are there');
  for (const file of files) {
    const text = await readFile(`${snapshotsDir}${file}`, 'utf8');
    assert.deepEqual(disagreements(text), [], file);
  }
});

// ---- Generated transcripts: the seed's forms with random labels, stamps, bodies and notes ----

const sentimentWords = [
  'Positive',
  'negative',
  'Neutral',
  'MIXED',
  'Excited',
  'hopeful',
  'Frustrated',
  'worried',
  'Thoughtful',
  'Educational',
  'Bittersweet',
  'matter-of-fact',
  'Appreciative',
  'Concerned',
  'humble',
  'humbled',
];
const otherWords = [
  'Wistful',
  'very',
  'turning',
  'into',
  'of',
  'the',
  'model',
  'positively',
  'self-confident',
  'Sentiment',
  'sentiment',
  'CROSSTALK',
  'APPLAUSE',
  "model's",
  '😊',
  '王',
];
const word = fc.oneof(fc.constantFrom(...sentimentWords), fc.constantFrom(...otherWords));
const sentimentLabel = fc
  .tuple(fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', ' and ', '/', ' - ', '. ')), { maxLength: 4 }), word)
  .map(([pairs, last]) => pairs.map(([w, sep]) => w + sep).join('') + last);

const label = fc.constantFrom(
  'Speaker 1',
  'Speaker 12',
  'Speaker',
  'Host',
  'Bob McGrew',
  'Dr. Ann O’Neil',
  'Researcher',
  '王伟',
  'Zoë Ñúñez',
  'And then he said',
  'speaker 2',
  'One Two Three Four Five Six',
  'Sentiment',
  'A B C D 5',
);
const stamp = fc.oneof(
  fc.constantFrom('00:01:31', '1:02:03', '02:44', '123:04:05', '00:00:01.250', '00:00:01,250', '12:34.5'),
  fc.constantFrom('00:75:00', '1:2', '00:00:60', '1000:00', '00:00:01.2345', '3 minutes', '0'),
);
const plainText = fc.constantFrom(
  'All right, we are here.',
  'Is this too stupid to ask?',
  'It gave me 42 (CROSSTALK)',
  'we met at 12:30 and left',
  'Trade: a word with a colon',
  '你好 👋 朋友',
  'Researcher',
  'This chunk continues in the next part.',
);
const body = fc.oneof(
  plainText,
  plainText.map((t) => `"${t}"`),
  plainText.map((t) => `"${t}`),
  plainText.map((t) => `${t}"`),
);
const innerBlank = fc.constantFrom('', '', ' ', '\t', '\u00A0');
const trailingNote = fc.oneof(
  fc.constant(''),
  fc.tuple(sentimentLabel, innerBlank).map(([l, b]) => ` (${l} sentiment${b})`),
  sentimentLabel.map((l) => ` (Sentiment: ${l})`),
  fc.array(fc.constantFrom(...sentimentWords, 'Wistful'), { minLength: 1, maxLength: 4 }).map((ws) => ` (${ws.join(', ')})`),
);
const indent = fc.constantFrom('', '', '    ', '\t');
const header = fc.oneof(
  fc
    .tuple(label, fc.constantFrom('Mark Chen', 'Łukasz Kaiser', '  spaced  ', 'Bob (the) Host'), body, trailingNote)
    .map(([l, n, b, t]) => `${l} (${n}): ${b}${t}`),
  fc.tuple(indent, label, stamp, body, trailingNote).map(([i, l, s, b, t]) => `${i}${l}: [${s}] ${b}${t}`),
  fc.tuple(stamp, label, body, trailingNote).map(([s, l, b, t]) => `[${s}] ${l}: ${b}${t}`),
  fc.tuple(indent, label, body, trailingNote).map(([i, l, b, t]) => `${i}${l}: ${b}${t}`),
  fc.tuple(stamp, fc.constantFrom('Speaker', 'speaker', 'Speaker 1'), label).map(([s, a, n]) => `[${s}] ${a}: ${n}`),
);
const sentimentLine = fc.oneof(
  fc
    .tuple(indent, fc.constantFrom('Sentiment', 'sentiment', 'SENTIMENT'), fc.constantFrom(': ', ':', ' : '), sentimentLabel)
    .map(([i, k, c, l]) => `${i}${k}${c}${l}`),
  sentimentLabel.map((l) => `(Sentiment: ${l})`),
  fc.tuple(innerBlank, sentimentLabel, innerBlank).map(([a, l, b]) => `[${a}${l} sentiment${b}]`),
  fc.tuple(innerBlank, sentimentLabel, innerBlank).map(([a, l, b]) => `(${a}${l} sentiment${b})`),
  fc.constantFrom('Sentiment:', '[Positive]', '(Positive)', '(CROSSTALK)', '[ sentiment]'),
);
const marker = fc
  .tuple(
    indent,
    fc.constantFrom(
      'This chunk continues in the next part.',
      '[This chunk continues in the next part.]',
      'This is the last chunk.',
      '[This is the last chunk.]',
      'this chunk continues in the next part',
      '[This chunk continues in the next part.',
      'This chunk continues in the next part. And more.',
    ),
  )
  .map(([i, m]) => i + m);
const continuation = fc.tuple(body, trailingNote).map(([b, t]) => b + t);
const line = fc.oneof(
  { arbitrary: header, weight: 4 },
  { arbitrary: sentimentLine, weight: 3 },
  { arbitrary: continuation, weight: 2 },
  { arbitrary: marker, weight: 1 },
  { arbitrary: fc.constant(''), weight: 2 },
);
const transcript = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

test('generated transcripts in every form are coloured as the parser reads them', () => {
  fc.assert(
    fc.property(transcript, (text) => {
      assert.deepEqual(disagreements(text), []);
    }),
    { numRuns: 20000 },
  );
});

// ---- Random lines from the format's own pieces, to reach the corners of each pattern ----

const piece = fc.constantFrom(
  'Speaker',
  'Bob',
  'speaker',
  '1',
  'Sentiment',
  'sentiment',
  'Positive',
  'Frustrated',
  'Hopeful',
  'mixed',
  'calm',
  'This chunk continues in the next part',
  'This is the last chunk',
  '00:01:02',
  '1:2',
  '12:34',
  '.5',
  ':',
  ': ',
  '[',
  ']',
  '(',
  ')',
  '"',
  ' ',
  '  ',
  '\t',
  '.',
  ',',
  '/',
  '-',
  "'",
  '王',
  '😊',
  'a',
  'A',
  '\uFEFF',
  '\u00A0',
);
const randomLines = fc
  .array(
    fc.array(piece, { maxLength: 14 }).map((ps) => ps.join('')),
    { minLength: 1, maxLength: 6 },
  )
  .map((ls) => ls.join('\n'));

test('random lines made of the format’s pieces are coloured as the parser reads them', () => {
  fc.assert(
    fc.property(randomLines, (text) => {
      assert.deepEqual(disagreements(text), []);
    }),
    { numRuns: 2000 },
  );
});
