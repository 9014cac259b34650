// Writes syntaxes/transcript.tmLanguage.json. The grammar is generated rather than hand-written
// because the speaker-label pattern appears in several rules and the sentiment word lists must
// stay exactly those of server/src/service/parse/sentimentLexicon.ts; both live here once.
//
//   node syntaxes/build-grammar.mjs          write the grammar
//   node syntaxes/build-grammar.mjs --check  fail if the committed grammar is not what this writes
//
// Patterns are Oniguruma (what VS Code runs), not JavaScript. Each one is anchored or starts at a
// delimiter it cannot contain, and no quantified group can match the same text in two ways, so a
// line is scanned in time linear in its length (docs/grammar.md, Performance).
import * as esbuild from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const grammarPath = fileURLToPath(new URL('./transcript.tmLanguage.json', import.meta.url));

/**
 * Loads the lexicon from its TypeScript source, so the grammar cannot use a stale copy.
 * @returns {Promise<Lexicon>}
 */
async function loadLexicon() {
  const result = await esbuild.build({
    entryPoints: [`${root}server/src/service/parse/sentimentLexicon.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return /** @type {Promise<Lexicon>} */ (import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`));
}

/** @typedef {'positive' | 'negative' | 'neutral' | 'mixed'} Polarity */
/**
 * What the grammar takes from `sentimentLexicon.ts`.
 * @typedef {{ KNOWN_SENTIMENT_WORDS: Iterable<string>, polarityOfWord(word: string): Polarity }} Lexicon
 */
/** @typedef {Record<Polarity, string[]>} WordsByPolarity */

/** @param {Lexicon} lexicon */
function wordsByPolarity(lexicon) {
  /** @type {WordsByPolarity} */
  const groups = { positive: [], negative: [], neutral: [], mixed: [] };
  for (const word of lexicon.KNOWN_SENTIMENT_WORDS) {
    if (!/^[a-z]+(?:-[a-z]+)*$/.test(word)) throw new Error(`sentiment word "${word}" needs regex escaping`);
    groups[lexicon.polarityOfWord(word)].push(word);
  }
  // Longest first, so `humbled` is tried before `humble` and the alternation rarely backtracks.
  for (const list of Object.values(groups)) list.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return groups;
}

// ---- Building blocks, mirroring the regular expressions in server/src/service/parse/parser.ts ----

/**
 * No byte-order mark: VS Code takes it off before the text reaches a grammar (or the language
 * server), so one here is a stray character, as it is to the parser after the first line.
 */
// A zero-width no-break space (U+FEFF, a stray byte-order mark) at a line's start is blank, as the parser reads it.
const LINE_START = `^[ \\t\uFEFF]*`;
/**
 * The parser's `\s` and `trim()` are JavaScript's, which counts U+FEFF as a blank and U+0085 not;
 * Oniguruma's `\s` is the other way round, so the set is spelt out.
 */
const BLANKS = String.raw`\t\n\v\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const BLANK = `[${BLANKS}]`;
const NOT_BLANK = `[^${BLANKS}]`;
const CAPITAL = String.raw`[\p{Lu}\p{Lt}\p{Lo}]`;
const LABEL_CHAR = String.raw`[\p{L}\p{M}0-9'’.\-]`;
/**
 * The parser's LABEL (capitalised first word, at most five words) together with its
 * `labelEndsWell` check (the last word is capitalised or a number), so `And then he said:` is not
 * a label here either. Words are separated by single spaces and cannot contain one, so each
 * possessive word match is the only possible one.
 */
const LABEL = `${CAPITAL}${LABEL_CHAR}*+(?:(?: ${LABEL_CHAR}++){0,3} [\\p{Lu}\\p{Lt}\\p{Lo}0-9]${LABEL_CHAR}*+)?`;
/** The parser's WHOLE_LABEL: an announced name, with no check on its last word. */
const WHOLE_LABEL = `${CAPITAL}${LABEL_CHAR}*+(?: ${LABEL_CHAR}++){0,4}`;
/** A stamp as the parser finds it; whether the time inside is valid is the `timestamp` rule's business. */
const STAMP = String.raw`\[[0-9][^\[\]]{0,30}\]`;
const COLON_THEN_BLANK = `(:)(?=${BLANK}|$)`;
const SENTIMENT_WORD = '(?i:sentiment)';
/** The parser trims every line's end before reading it. */
const LINE_END = `${BLANK}*$`;

/** Word boundaries as the normaliser sees them: it splits labels into runs of letters and hyphens. */
const wordFrom = (/** @type {string[]} */ list) => `(?<![\\p{L}-])(?i:${list.join('|')})(?![\\p{L}-])`;

/**
 * `X sentiment` inside `open`…`close`, the parser's `sentimentSuffix`: a blank-separated
 * `sentiment` ends the inside, and the label before it is trimmed and not empty. Words cannot
 * contain blanks, so the lazy word loop tries each word boundary once. `excluded` are the
 * characters the inside cannot hold.
 * @param {string} open
 * @param {string} close
 * @param {string} excluded
 */
function suffixNote(open, close, excluded) {
  const word = `[^${excluded}${BLANKS}]++`;
  return `(${open})${BLANK}*+(${word}(?:${BLANK}++${word})*?)${BLANK}*[ \\t](${SENTIMENT_WORD})${BLANK}*(${close})`;
}

// Sentiment notes in parentheses, whether alone on a line or ending a turn line. The inside is read
// as the parser's `sentimentNote`: `Sentiment: X`, else `X sentiment`, else `X` of known words.
const PAREN_END = `(\\))(?=${LINE_END})`;
// A note ending a turn line starts at the line's last `(`, so its inside may hold a `)`.
const PAREN_PREFIX_NOTE = `(\\()(${SENTIMENT_WORD})[ \\t]*(:)${BLANK}*([^(${BLANKS}](?:[^(\\n]*[^(${BLANKS}])?)${BLANK}*${PAREN_END}`;
const PAREN_SUFFIX_NOTE = `${suffixNote('\\(', '\\)', '(')}(?=${LINE_END})`;
const bareNote = (/** @type {string} */ known) => {
  const separator = `[${BLANKS},/]`;
  const word = `(?i:${known})(?=${separator}|\\))`;
  // The label is the trimmed inside, stray separators included, as the parser reports it.
  const label = `(?:[,/]${separator}*)?${word}(?:${separator}++${word}){0,2}(?:${separator}*[,/])?`;
  return `(\\()${BLANK}*+(${label})${BLANK}*+${PAREN_END}`;
};
const BRACKET_NOTE = suffixNote('\\[', '\\]', '\\[\\]');
const BRACKET_NOTE_LINE = `${LINE_START}${BRACKET_NOTE}${LINE_END}`;
const SENTIMENT_LINE = `${LINE_START}(${SENTIMENT_WORD})[ \\t]*(:)${BLANK}*(${NOT_BLANK}(?:.*${NOT_BLANK})?)${LINE_END}`;

const CONTINUES = '(?i:this chunk continues in the next part)\\.?';
const LAST = '(?i:this is the last chunk)\\.?';

/**
 * The start of a line the parser reads as a chunk marker, a sentiment note or a turn header. A
 * quotation left open ends there, as the parser's turn (and its unterminated-quote check) does.
 * @param {string} known the known sentiment words, as one alternation
 */
function structuralLineStart(known) {
  const afterLabel = `[ \\t]*(?::[ \\t]*${STAMP}|\\([^()]{1,80}\\)[ \\t]*:(?=${BLANK}|$)|:(?=${BLANK}|$))`;
  return [
    `${LINE_START}(?:`,
    `\\[?${LAST}\\]?${LINE_END}`,
    `|\\[${CONTINUES}\\]${LINE_END}|${CONTINUES}${LINE_END}`,
    `|${SENTIMENT_WORD}[ \\t]*:${BLANK}*${NOT_BLANK}`,
    `|${PAREN_PREFIX_NOTE}|${PAREN_SUFFIX_NOTE}|${bareNote(known)}`,
    `|${BRACKET_NOTE}${LINE_END}`,
    `|${STAMP}[ \\t]*${LABEL}[ \\t]*:(?=${BLANK}|$)`,
    `|${LABEL}${afterLabel}`,
    `)`,
  ].join('');
}

/** @param {WordsByPolarity} words */
function buildGrammar(words) {
  const known = [...words.positive, ...words.negative, ...words.neutral, ...words.mixed]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .join('|');
  const speaker = { name: 'entity.name.tag.speaker.transcript' };
  const speakerName = { name: 'entity.name.function.speaker-name.transcript' };
  const separator = { name: 'punctuation.separator.speaker.transcript' };
  const stamp = { patterns: [{ include: '#timestamp' }] };
  const label = { patterns: [{ include: '#sentiment-polarity' }] };
  const keyword = { name: 'keyword.other.sentiment.transcript' };
  const keySeparator = { name: 'punctuation.separator.key-value.sentiment.transcript' };
  const open = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.begin.transcript` });
  const close = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.end.transcript` });

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Transcript',
    scopeName: 'text.transcript',
    patterns: [
      { include: '#chunk-marker' },
      { include: '#sentiment-line' },
      { include: '#turn-header' },
      { include: '#sentiment-note' },
      { include: '#quoted-speech' },
    ],
    repository: {
      'chunk-marker': {
        patterns: [
          {
            name: 'comment.line.chunk-marker.transcript',
            match: `${LINE_START}(?:(\\[)(${CONTINUES})(\\])|(${CONTINUES}))${LINE_END}`,
            captures: { 1: open('comment'), 3: close('comment') },
          },
          {
            name: 'comment.line.chunk-marker.transcript',
            match: `${LINE_START}(\\[?)(${LAST})(\\]?)${LINE_END}`,
            captures: { 1: open('comment'), 3: close('comment') },
          },
        ],
      },
      'sentiment-line': {
        patterns: [
          {
            name: 'meta.sentiment.line.transcript',
            match: SENTIMENT_LINE,
            captures: { 1: keyword, 2: keySeparator, 3: label },
          },
          {
            name: 'meta.sentiment.bracketed.transcript',
            match: BRACKET_NOTE_LINE,
            captures: { 1: open('sentiment'), 2: label, 3: keyword, 4: close('sentiment') },
          },
        ],
      },
      'sentiment-note': {
        patterns: [
          {
            name: 'meta.sentiment.parenthesized.transcript',
            match: PAREN_PREFIX_NOTE,
            captures: { 1: open('sentiment'), 2: keyword, 3: keySeparator, 4: label, 5: close('sentiment') },
          },
          {
            name: 'meta.sentiment.trailing.transcript',
            match: PAREN_SUFFIX_NOTE,
            captures: { 1: open('sentiment'), 2: label, 3: keyword, 4: close('sentiment') },
          },
          {
            name: 'meta.sentiment.trailing.transcript',
            match: bareNote(known),
            captures: { 1: open('sentiment'), 2: label, 3: close('sentiment') },
          },
        ],
      },
      'sentiment-polarity': {
        // Applied to a captured label only, so `.*` ends where the label ends. The first rule that
        // matches at the label's start wins, which gives the normaliser's order: opposite
        // polarities or a mixed word make `mixed`, then positive, negative, neutral, else other.
        patterns: [
          {
            name: 'markup.changed.sentiment.mixed.transcript',
            match: `(?:(?=.*?${wordFrom(words.mixed)})|(?=.*?${wordFrom(words.positive)})(?=.*?${wordFrom(words.negative)})).+`,
          },
          { name: 'markup.inserted.sentiment.positive.transcript', match: `(?=.*?${wordFrom(words.positive)}).+` },
          { name: 'markup.deleted.sentiment.negative.transcript', match: `(?=.*?${wordFrom(words.negative)}).+` },
          { name: 'markup.other.sentiment.neutral.transcript', match: `(?=.*?${wordFrom(words.neutral)}).+` },
          { name: 'markup.other.sentiment.other.transcript', match: '.+' },
        ],
      },
      'turn-header': {
        // In the parser's order of precedence; each consumes the header and leaves the turn's text
        // to the top-level rules (quoted speech, a trailing sentiment note).
        patterns: [
          {
            name: 'meta.header.turn.announced.transcript',
            match: `${LINE_START}(${STAMP})[ \\t]*(S(?i:peaker))[ \\t]*(:)[ \\t]*(${WHOLE_LABEL})(?=${LINE_END})`,
            captures: { 1: stamp, 2: speaker, 3: separator, 4: speakerName },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${STAMP})[ \\t]*(${LABEL})[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: stamp, 2: speaker, 3: separator },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${LABEL})[ \\t]*(:)[ \\t]*(${STAMP})`,
            captures: { 1: speaker, 2: separator, 3: stamp },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${LABEL})[ \\t]*(\\()([^()]{1,80})(\\))[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: speaker, 2: open('speaker-name'), 3: speakerName, 4: close('speaker-name'), 5: separator },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${LABEL})[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: speaker, 2: separator },
          },
        ],
      },
      timestamp: {
        patterns: [
          {
            name: 'meta.timestamp.transcript',
            // H:MM:SS with hours of any length, or MM:SS with at most three minute digits; minutes and
            // seconds below 60, a fraction of at most three digits. Anything else is the parser's
            // `timestamp-malformed`.
            match: '(\\[)(?:((?:[0-9]++:[0-5][0-9]:[0-5][0-9]|[0-9]{1,3}:[0-5][0-9])(?:[.,][0-9]{1,3})?)(?=\\])|([^\\[\\]]*+))(\\])',
            captures: {
              1: open('timestamp'),
              2: { name: 'constant.numeric.timestamp.transcript' },
              3: { name: 'invalid.illegal.timestamp.transcript' },
              4: close('timestamp'),
            },
          },
        ],
      },
      'quoted-speech': {
        patterns: [
          {
            name: 'string.quoted.double.transcript',
            begin: '"',
            beginCaptures: { 0: { name: 'punctuation.definition.string.begin.transcript' } },
            end: `(")|(?=${structuralLineStart(known)})`,
            endCaptures: { 1: { name: 'punctuation.definition.string.end.transcript' } },
            patterns: [{ include: '#sentiment-note' }],
          },
        ],
      },
    },
  };
}

const words = wordsByPolarity(await loadLexicon());
const text = `${JSON.stringify(buildGrammar(words), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = await readFile(grammarPath, 'utf8').catch(() => '');
  if (current !== text) {
    console.error('syntaxes/transcript.tmLanguage.json is stale: run `node syntaxes/build-grammar.mjs`.');
    process.exit(1);
  }
} else {
  await writeFile(grammarPath, text);
}
