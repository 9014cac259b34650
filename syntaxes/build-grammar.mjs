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

// ---- Building blocks of the layouts in docs/format.md's newer families (issue 16) ----

/** The labels diarizers write (`SPEAKER_00`, `spk_1`), which LABEL's letters cannot spell. */
const DIARIZED_LABEL = `(?i:speaker|spk)_[0-9]++`;
/** A speaker label in any layout: a diarizer's, else the parser's LABEL. */
const SPEAKER_LABEL = `(?:${DIARIZED_LABEL}|${LABEL})`;
/**
 * A clock time as the `timestamp` rule accepts it: H:MM:SS with hours of any length, or MM:SS with
 * at most three minute digits, and a fraction of at most three digits. Each use outside brackets
 * says what must follow it (a blank, `**`, `)`, the line's end), which keeps `12:345` and
 * `1:2` out.
 */
const CLOCK = String.raw`(?:[0-9]++:[0-5][0-9]:[0-5][0-9]|[0-9]{1,3}:[0-5][0-9])(?:[.,][0-9]{1,3})?`;
/** Seconds, `12.3` (in a range, `[0.00 --> 3.96]`) or `12.3s`. */
const SECONDS = String.raw`[0-9]++(?:\.[0-9]{1,3})?`;
/** What a bracketed stamp may hold on its own: a clock time, or seconds with their `s`. */
const STAMP_TIME = `(?:${CLOCK}|${SECONDS}s)`;
/** Either end of a range in brackets, `[0.00 --> 3.96]`: there a bare number is seconds too. */
const RANGE_TIME = `(?:${CLOCK}|${SECONDS}s?)`;
/** A bracketed stamp whose time is valid, a single time or a range: a segment's stamp. */
const VALID_STAMP = `\\[(?:${STAMP_TIME}|${RANGE_TIME}[ \\t]*+-->[ \\t]*+${RANGE_TIME})\\]`;
/** Markdown bold's delimiter. */
const BOLD = '\\*\\*';
/** Otter's gap between a name and its stamp: two or more spaces. */
const WIDE_GAP = ' {2,}';
/** A WebVTT or SRT cue timing line, `00:12:41.000 --> 00:12:44.500 align:start`. */
const CUE_TIMING = `${LINE_START}(${CLOCK})[ \\t]++(-->)[ \\t]++(${CLOCK})(?:[ \\t]++(${NOT_BLANK}(?:.*${NOT_BLANK})?))?${LINE_END}`;
/** A Markdown code fence's opening: three or more backticks or tildes. */
const FENCE = `^\uFEFF?[ ]{0,3}(\`{3,}|~{3,})`;
/**
 * A cue (and a WebVTT header, note or style block) ends at a blank line, or where the next cue's
 * timing begins, or at the fence that closes a WebVTT block pasted into Markdown.
 */
const CUE_END = `^(?=[ \\t\uFEFF]*$|${CUE_TIMING}|${FENCE})`;
/** A web link as a line of furniture holds it: `https://…` or `<https://…>`. */
const LINK = `<?https?://[^${BLANKS}<>]++>?`;

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
 * @param {string[]} layoutHeaders the header patterns of the newer layouts, whole
 */
function structuralLineStart(known, layoutHeaders) {
  const afterLabel = `[ \\t]*(?::[ \\t]*${STAMP}|\\([^()]{1,80}\\)[ \\t]*:(?=${BLANK}|$)|:(?=${BLANK}|$))`;
  return [
    `(?:${LINE_START}(?:`,
    `\\[?${LAST}\\]?${LINE_END}`,
    `|\\[${CONTINUES}\\]${LINE_END}|${CONTINUES}${LINE_END}`,
    `|${SENTIMENT_WORD}[ \\t]*:${BLANK}*${NOT_BLANK}`,
    `|${PAREN_PREFIX_NOTE}|${PAREN_SUFFIX_NOTE}|${bareNote(known)}`,
    `|${BRACKET_NOTE}${LINE_END}`,
    `|${STAMP}[ \\t]*${SPEAKER_LABEL}[ \\t]*:(?=${BLANK}|$)`,
    `|${SPEAKER_LABEL}${afterLabel}`,
    `)`,
    ...layoutHeaders.map((header) => `|${header}`),
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
  /** A stamp written without brackets: `00:12:41`, `**0:18**`, a cue's times. */
  const bareStamp = { name: 'constant.numeric.timestamp.transcript' };
  const bold = { name: 'punctuation.definition.bold.transcript' };
  const range = { name: 'punctuation.separator.range.transcript' };
  /** The `·` or `-` after a bold stamp. */
  const stampSeparator = { name: 'punctuation.separator.timestamp.transcript' };
  const label = { patterns: [{ include: '#sentiment-polarity' }] };
  const keyword = { name: 'keyword.other.sentiment.transcript' };
  const keySeparator = { name: 'punctuation.separator.key-value.sentiment.transcript' };
  const open = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.begin.transcript` });
  const close = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.end.transcript` });
  /** The scope of a header in one of the newer forms (model `TurnForm`). */
  const form = (/** @type {string} */ name) => `meta.header.turn.${name}.transcript`;
  /** `(00:12:41)`, Rev's stamp: four groups, the whole and its parts. */
  const PAREN_STAMP = `((\\()(${CLOCK})(\\)))`;
  const parenStamp = (/** @type {number} */ first) => ({
    [first]: { name: 'meta.timestamp.transcript' },
    [first + 1]: open('timestamp'),
    [first + 2]: bareStamp,
    [first + 3]: close('timestamp'),
  });

  /**
   * The newer layouts' headers (docs/grammar.md, Layouts), each anchored at a line's start like
   * the seed's. Before the seed's bare label: Rev (before the cast form, whose parentheses it
   * would otherwise read as a name) and a label followed by a bare stamp.
   */
  const rev = {
    name: form('rev'),
    match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*${PAREN_STAMP}[ \\t]*${COLON_THEN_BLANK}`,
    captures: { 1: speaker, ...parenStamp(2), 6: separator },
  };
  const labelStampLine = {
    name: form('label-stamp-line'),
    match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*(:)[ \\t]*(${CLOCK})(?=${LINE_END})`,
    captures: { 1: speaker, 2: separator, 3: bareStamp },
  };
  const layoutHeaders = [
    {
      // `(00:13:02):` alone: Rev's same speaker going on.
      name: form('rev'),
      match: `${LINE_START}${PAREN_STAMP}[ \\t]*(:)(?=${LINE_END})`,
      captures: { ...parenStamp(1), 5: separator },
    },
    {
      // Court records and interviews: `Q.  So where…`, `A. We start…` (`Q:` is a bare label).
      name: 'meta.header.turn.transcript',
      match: `${LINE_START}([QA])(\\.)(?=[ \\t]++${NOT_BLANK})`,
      captures: { 1: speaker, 2: separator },
    },
    {
      // Otter: `Dana Reyes  12:41` alone, the text below.
      name: form('otter'),
      match: `${LINE_START}(${SPEAKER_LABEL})${WIDE_GAP}(${CLOCK})(?=${LINE_END})`,
      captures: { 1: speaker, 2: bareStamp },
    },
    {
      // `[Speaker 2] [12:41] so where…`
      name: form('bracketed'),
      match: `${LINE_START}(\\[)(${SPEAKER_LABEL})(\\])[ \\t]*(${STAMP})`,
      captures: { 1: open('speaker'), 2: speaker, 3: close('speaker'), 4: stamp },
    },
    {
      // `**[12:41] SPEAKER_01:** so where…`
      name: form('bold'),
      match: `${LINE_START}(${BOLD})[ \\t]*(${STAMP})[ \\t]*(${SPEAKER_LABEL})[ \\t]*(:)[ \\t]*(${BOLD})`,
      captures: { 1: bold, 2: stamp, 3: speaker, 4: separator, 5: bold },
    },
    {
      // `**Dana Reyes:** text`, `**Dana Reyes**: text`, either alone. A stamp after either is text.
      name: form('bold'),
      match: `${LINE_START}(${BOLD})(${SPEAKER_LABEL})[ \\t]*(?:(:)[ \\t]*(${BOLD})|(${BOLD})[ \\t]*${COLON_THEN_BLANK})`,
      captures: { 1: bold, 2: speaker, 3: separator, 4: bold, 5: bold, 6: separator },
    },
    {
      // `**Dana Reyes** [4:05] text`, and Otter's `**Dana Reyes**  12:41` alone.
      name: form('bold'),
      match: `${LINE_START}(${BOLD})(${SPEAKER_LABEL})(${BOLD})(?:[ \\t]*(${STAMP})|${WIDE_GAP}(${CLOCK})(?=${LINE_END}))`,
      captures: { 1: bold, 2: speaker, 3: bold, 4: stamp, 5: bareStamp },
    },
    {
      // `**0:12:41** · Dana Reyes: So where…`: a bold stamp, then a label.
      name: form('bold'),
      match: `${LINE_START}(${BOLD})(${CLOCK})(${BOLD})[ \\t]*+(?:([·\\-])[ \\t]*+)?(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
      captures: { 1: bold, 2: bareStamp, 3: bold, 4: stampSeparator, 5: speaker, 6: separator },
    },
    {
      // `**0:02** · So where…`: a bold stamp and no label is a segment.
      name: form('segment'),
      match: `${LINE_START}(${BOLD})(${CLOCK})(${BOLD})(?:[ \\t]*+([·\\-])(?=${BLANK}|$))?`,
      captures: { 1: bold, 2: bareStamp, 3: bold, 4: stampSeparator },
    },
    {
      // `0:12:41.5 **Dana Reyes** So where…`, `0:12:41.5 **Dana Reyes**: So where…`
      name: form('stamp-first'),
      match: `${LINE_START}(${CLOCK})[ \\t]++(${BOLD})(${SPEAKER_LABEL})(${BOLD})(?:[ \\t]*${COLON_THEN_BLANK})?`,
      captures: { 1: bareStamp, 2: bold, 3: speaker, 4: bold, 5: separator },
    },
    {
      // `00:12:41 Dana Reyes: So…`
      name: form('stamp-first'),
      match: `${LINE_START}(${CLOCK})[ \\t]++(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
      captures: { 1: bareStamp, 2: speaker, 3: separator },
    },
    {
      // `00:12:41 So where…`: a stamp and text, no speaker.
      name: form('segment'),
      match: `${LINE_START}(${CLOCK})(?=[ \\t]++${NOT_BLANK})`,
      captures: { 1: bareStamp },
    },
    {
      // `[00:12:41] So where…`, `[12.3s] So where…`, `[0.00 --> 3.96]  So where…`: only a valid
      // stamp, so `[3 minutes] later` and `[Music] ♪` stay text.
      name: form('segment'),
      match: `${LINE_START}(${VALID_STAMP})(?=[ \\t]*+${NOT_BLANK})`,
      captures: { 1: stamp },
    },
  ];
  const layoutHeaderStarts = [rev, labelStampLine, ...layoutHeaders].map((rule) => rule.match).concat(CUE_TIMING);

  const quotedSpeech = (/** @type {string} */ alsoEndAt) => ({
    name: 'string.quoted.double.transcript',
    begin: '"',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.transcript' } },
    end: `(")|(?=${structuralLineStart(known, layoutHeaderStarts)})${alsoEndAt}`,
    endCaptures: { 1: { name: 'punctuation.definition.string.end.transcript' } },
    patterns: [{ include: '#sentiment-note' }],
  });

  /**
   * A cue's speaker, at the start of its first text line only (the parser reads the rest of the
   * cue as text): `[Dana Reyes] text` (`[Music]` too), `<v Dana Reyes>text</v>`, `Dana Reyes: text`.
   * `\\G` is where the cue's text begins: see the `cue` rule.
   */
  const cueVoices = [
    {
      name: 'meta.voice.transcript',
      match: `\\G${LINE_START}(\\[)(${SPEAKER_LABEL})(\\])`,
      captures: { 1: open('speaker'), 2: speaker, 3: close('speaker') },
    },
    {
      name: 'meta.voice.transcript',
      match: `\\G${LINE_START}(<v(?:\\.[^.<>${BLANKS}]++)*+)[ \\t]++([^<>${BLANKS}](?:[^<>]*[^<>${BLANKS}])?)${BLANK}*+(>)`,
      captures: { 1: open('voice'), 2: speaker, 3: close('voice') },
    },
    {
      name: 'meta.voice.transcript',
      match: `\\G${LINE_START}(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
      captures: { 1: speaker, 2: separator },
    },
  ];

  /** What every line is read for, in a WebVTT section or not. */
  const lineRules = [
    { include: '#chunk-marker' },
    { include: '#sentiment-line' },
    { include: '#cue' },
    { include: '#cue-number' },
    { include: '#furniture' },
    { include: '#turn-header' },
    { include: '#sentiment-note' },
    { include: '#quoted-speech' },
  ];

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Transcript',
    scopeName: 'text.transcript',
    patterns: [{ include: '#front-matter' }, { include: '#webvtt-section' }, ...lineRules],
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
        // to the top-level rules (quoted speech, a trailing sentiment note). The newer layouts'
        // headers begin where none of the seed's can, but for Rev and a label then a bare stamp,
        // which go before the forms that would read part of them.
        patterns: [
          {
            name: 'meta.header.turn.announced.transcript',
            match: `${LINE_START}(${STAMP})[ \\t]*(S(?i:peaker))[ \\t]*(:)[ \\t]*(${WHOLE_LABEL})(?=${LINE_END})`,
            captures: { 1: stamp, 2: speaker, 3: separator, 4: speakerName },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${STAMP})[ \\t]*(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: stamp, 2: speaker, 3: separator },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*(:)[ \\t]*(${STAMP})`,
            captures: { 1: speaker, 2: separator, 3: stamp },
          },
          rev,
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*(\\()([^()]{1,80})(\\))[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: speaker, 2: open('speaker-name'), 3: speakerName, 4: close('speaker-name'), 5: separator },
          },
          labelStampLine,
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: speaker, 2: separator },
          },
          ...layoutHeaders,
        ],
      },
      'voice-end': {
        patterns: [{ name: 'punctuation.definition.voice.end.transcript', match: '</v>' }],
      },
      timestamp: {
        patterns: [
          {
            name: 'meta.timestamp.transcript',
            // A clock time (H:MM:SS with hours of any length, or MM:SS with at most three minute
            // digits; minutes and seconds below 60, a fraction of at most three digits), seconds
            // with an `s` (`12.3s`), or a range of either or bare seconds (`0.00 --> 3.96`).
            // Anything else is the parser's `timestamp-malformed`.
            match: `(\\[)(?:(${STAMP_TIME})(?=\\])|(${RANGE_TIME})[ \\t]*+(-->)[ \\t]*+(${RANGE_TIME})(?=\\])|([^\\[\\]]*+))(\\])`,
            captures: {
              1: open('timestamp'),
              2: bareStamp,
              3: bareStamp,
              4: range,
              5: bareStamp,
              6: { name: 'invalid.illegal.timestamp.transcript' },
              7: close('timestamp'),
            },
          },
        ],
      },
      'quoted-speech': { patterns: [quotedSpeech('')] },
      // In a cue, a quotation left open ends with the cue's text; nothing else in it is read.
      'cue-quoted-speech': {
        patterns: [
          {
            name: 'string.quoted.double.transcript',
            begin: '"',
            beginCaptures: { 0: { name: 'punctuation.definition.string.begin.transcript' } },
            end: `(")|${CUE_END}`,
            endCaptures: { 1: { name: 'punctuation.definition.string.end.transcript' } },
          },
        ],
      },
      'front-matter': {
        patterns: [
          {
            name: 'comment.block.front-matter.transcript',
            begin: `\\A\uFEFF?(---)${LINE_END}`,
            beginCaptures: { 1: open('comment') },
            end: `^(---|\\.\\.\\.)${LINE_END}`,
            endCaptures: { 1: close('comment') },
          },
        ],
      },
      'webvtt-section': {
        // A WebVTT file, or a WebVTT block pasted or fenced into a report: from its `WEBVTT` line
        // to a code fence or the document's end. Only there are `NOTE` and `STYLE` blocks read.
        patterns: [
          {
            begin: `^(?=\uFEFF?WEBVTT(?:[ \\t]|$))`,
            end: `(?=${FENCE})`,
            patterns: [{ include: '#webvtt-block' }, ...lineRules],
          },
        ],
      },
      'webvtt-block': {
        // `WEBVTT` and the header lines after it, `NOTE` and `STYLE` (and `REGION`) blocks: each
        // runs to a blank line, or to a cue's timing line when a blank line is missing.
        patterns: [
          {
            name: 'comment.block.webvtt.header.transcript',
            begin: `^\uFEFF?(WEBVTT)(?=[ \\t]|$)`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: CUE_END,
          },
          {
            name: 'comment.block.webvtt.note.transcript',
            begin: `^\uFEFF?(NOTE)(?=[ \\t]|$)`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: CUE_END,
          },
          {
            name: 'comment.block.webvtt.style.transcript',
            begin: `^\uFEFF?(STYLE|REGION)(?=${LINE_END})`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: CUE_END,
          },
        ],
      },
      cue: {
        // A WebVTT or SRT cue: its timing line, then its text up to a blank line. The timing line's
        // match takes the line's end, so `\G` holds at the next line's start, where the inner rule
        // begins; in it, `\G` holds at the start of the first text line only, where the cue's
        // speaker may stand (`cueVoices`).
        patterns: [
          {
            name: 'meta.cue.transcript',
            begin: CUE_TIMING,
            beginCaptures: {
              0: { name: form('cue') },
              1: bareStamp,
              2: range,
              3: bareStamp,
              4: { name: 'support.other.cue-settings.transcript' },
            },
            end: CUE_END,
            patterns: [
              {
                begin: '\\G(?=.)',
                end: CUE_END,
                patterns: [...cueVoices, { include: '#voice-end' }, { include: '#cue-quoted-speech' }],
              },
            ],
          },
        ],
      },
      'cue-number': {
        // An SRT cue's number, or a WebVTT cue identifier that is a number: a line of digits.
        patterns: [
          {
            name: 'meta.cue-identifier.transcript',
            match: `${LINE_START}([0-9]++)${LINE_END}`,
            captures: { 1: { name: 'constant.numeric.cue-number.transcript' } },
          },
        ],
      },
      furniture: {
        // What is neither a turn nor a problem to the parser: Markdown headings, rules, fences,
        // images and HTML comments, a line that is only a link or a `Label: link`, Otter's footer.
        patterns: [
          {
            name: 'markup.heading.transcript',
            match: `^\uFEFF?[ ]{0,3}(#{1,6})(?:[ \\t]++(${NOT_BLANK}(?:.*${NOT_BLANK})?))?${LINE_END}`,
            captures: { 1: { name: 'punctuation.definition.heading.transcript' }, 2: { name: 'entity.name.section.transcript' } },
          },
          { name: 'meta.separator.transcript', match: `^\uFEFF?[ ]{0,3}(?:-{3,}|\\*{3,}|_{3,}|={3,})${LINE_END}` },
          {
            name: 'meta.fence.transcript',
            match: `${FENCE}[ \\t]*+([^\`${BLANKS}]*+)`,
            captures: { 1: { name: 'punctuation.definition.fence.transcript' }, 2: { name: 'fenced_code.block.language.transcript' } },
          },
          {
            // One line: the parser reads the lines of a comment that spans several as it reads any.
            name: 'comment.block.html.transcript',
            match: `${LINE_START}(<!--)(?:.*?(-->)|.*)`,
            captures: { 1: open('comment'), 2: close('comment') },
          },
          { name: 'markup.underline.link.image.transcript', match: `${LINE_START}(!\\[[^\\[\\]]*+\\]\\([^()]*+\\))${LINE_END}` },
          { name: 'markup.underline.link.transcript', match: `${LINE_START}(${LINK})${LINE_END}` },
          {
            name: 'meta.link.labelled.transcript',
            match: `${LINE_START}${LABEL}[ \\t]*(:)[ \\t]*(${LINK})${LINE_END}`,
            captures: { 1: { name: 'punctuation.separator.key-value.transcript' }, 2: { name: 'markup.underline.link.transcript' } },
          },
          { name: 'comment.line.footer.transcript', match: `${LINE_START}Transcribed by${BLANK}++${NOT_BLANK}.*$` },
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
