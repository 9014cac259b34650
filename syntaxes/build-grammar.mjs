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
// Possessive: what follows it never begins with a blank, and a rule that fails after a long run of
// blanks must not try it again from each shorter one.
const LINE_START = `^[ \\t\uFEFF]*+`;
/**
 * The parser's `\s` and `trim()` are JavaScript's, which counts U+FEFF as a blank and U+0085 not;
 * Oniguruma's `\s` is the other way round, so the set is spelt out.
 */
const BLANKS = String.raw`\t\n\v\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const BLANK = `[${BLANKS}]`;
const NOT_BLANK = `[^${BLANKS}]`;
const CAPITAL = String.raw`[\p{Lu}\p{Lt}\p{Lo}]`;
const LABEL_CHAR = String.raw`[\p{L}\p{M}0-9'’.\-_]`;
/**
 * The parser's LABEL (capitalised first word, at most five words, `_` in words for diarizers'
 * `SPEAKER_00`) together with its `labelEndsWell` check (the last word is capitalised or a number),
 * so `And then he said:` is not a label here either. Words are separated by single spaces and
 * cannot contain one, so each possessive word match is the only possible one.
 */
const LABEL = `${CAPITAL}${LABEL_CHAR}*+(?:(?: ${LABEL_CHAR}++){0,3} [\\p{Lu}\\p{Lt}\\p{Lo}0-9]${LABEL_CHAR}*+)?`;
/** The parser's WHOLE_LABEL: an announced name, with no check on its last word. */
const WHOLE_LABEL = `(?:spk_[0-9]++|${CAPITAL}${LABEL_CHAR}*+(?: ${LABEL_CHAR}++){0,4})`;
/** A stamp as the parser finds it; whether the time inside is valid is the `timestamp` rule's business. */
const STAMP = String.raw`\[[0-9][^\[\]]{0,30}\]`;
const COLON_THEN_BLANK = `(:)(?=${BLANK}|$)`;
const SENTIMENT_WORD = '(?i:sentiment)';
/** The parser trims every line's end before reading it. */
const LINE_END = `${BLANK}*$`;

// ---- Building blocks of the layouts in docs/format.md's newer families (issue 16) ----

/**
 * A speaker label in any layout, as the parser's LABEL reads it: LABEL above (whose words may hold
 * `_`, for diarizers' `SPEAKER_00`), or a diarizer's lower-case `spk_1`.
 */
const SPEAKER_LABEL = `(?:spk_[0-9]++|${LABEL})`;
/**
 * A time as the parser's layouts write it bare (`0:18`, `00:12:41`, `1:02:03.5`; its TIME): one
 * to three digits, one or two fields of two, a fraction of at most three. A valid one is a stamp,
 * and one that is not (`00:75:00`) is the parser's `timestamp-malformed` (`bareTime` in
 * `buildGrammar`). Each use says what must follow it (a blank, `**`, `)`, the line's end).
 */
const TIME = String.raw`[0-9]{1,3}(?::[0-9]{2}){1,2}(?:[.,][0-9]{1,3})?`;
/** A time of TIME's shape that is valid: minutes and seconds after the first field below 60. */
const VALID_TIME_SHAPE = String.raw`[0-9]{1,3}(?::[0-5][0-9]){1,2}(?:[.,][0-9]{1,3})?`;
/**
 * A valid clock time: H:MM:SS with hours of any length, or MM:SS with at most three minute
 * digits; minutes and seconds below 60, a fraction of at most three digits.
 */
const CLOCK = String.raw`(?:[0-9]++:[0-5][0-9]:[0-5][0-9]|[0-9]{1,3}:[0-5][0-9])(?:[.,][0-9]{1,3})?`;
/** Valid seconds alone: a fraction of at most three digits, an `s`, or both (`12.3`, `14s`, `12.3s`). */
const SECONDS = String.raw`[0-9]++(?:\.[0-9]{1,3}s?|s)`;
/** What a stamp may hold and be a valid time: a clock time or seconds. */
const VALID_TIME = `(?:${CLOCK}|${SECONDS})`;
/**
 * A valid time as subtitles and the end of a range write it, where minutes and seconds may have
 * one digit (`0:0:1.130`): the parser reads those leniently.
 */
const LENIENT_TIME = String.raw`(?:(?:[0-9]++:[0-5]?[0-9]:[0-5]?[0-9]|[0-9]{1,3}:[0-5]?[0-9])(?:[.,][0-9]{1,3})?|${SECONDS})`;
/** A cue time as the parser finds one (its CUE_TIME): fields of one or two digits, a fraction. */
const CUE_TIME = String.raw`[0-9]{1,3}(?::[0-9]{1,2}){1,2}[.,][0-9]{1,3}`;
/** A cue time that is a valid time, as the parser reads it (leniently): its fields after the first below 60. */
const VALID_CUE_TIME = String.raw`[0-9]{1,3}(?::[0-5]?[0-9]){1,2}[.,][0-9]{1,3}`;
/** Either end of a segment's stamp in brackets (`[12.3s]`, `[0.00 --> 3.96]`), as the parser finds it. */
const SEGMENT_TIME = String.raw`[0-9][0-9:.,]{0,15}s?`;
/** Between a bold or bare stamp and its text: `·`, `-`, `–`, `—`, `|` or `•`. */
const STAMP_SEPARATOR = String.raw`[·•|\-–—]`;
/** Markdown bold's delimiter. */
const BOLD = '\\*\\*';
/** Otter's gap between a name and its stamp: two or more blanks. */
const WIDE_GAP = '[ \\t]{2,}';
/** The end of a line that holds nothing after its header, as the parser's layouts test it. */
const ALONE = '[ \\t]*$';
/**
 * A WebVTT or SRT cue timing line, `00:12:41.000 --> 00:12:44.500 align:start`: its start, valid
 * (group 1) or not (2), `-->` (3), its end when valid (4), its settings (5: whatever follows a
 * blank after the end). A start that is no
 * valid time is the parser's `timestamp-malformed`; an end that is none is no end, and no problem.
 * It takes the line's end, so that `\\G` holds at the start of the next line (see the `cue` rule).
 */
const CUE_TIMING = [
  `${LINE_START}(?:(${VALID_CUE_TIME})|(${CUE_TIME}))[ \\t]++(-->)[ \\t]++(?:(${VALID_CUE_TIME})|${CUE_TIME})`,
  `(?:[ \\t]++(.*))?\\n?$`,
].join('');
/** A Markdown code fence, as the parser reads one: three backticks, indented or not. */
const FENCE = `${LINE_START}(\`{3,})`;
const CONTINUES = '(?i:this chunk continues in the next part)\\.?';
const LAST = '(?i:this is the last chunk)\\.?';
/** A chunk marker's line, as the parser reads one. */
const MARKER_LINE = `${LINE_START}(?:\\[${CONTINUES}\\]|${CONTINUES}|\\[?${LAST}\\]?)${LINE_END}`;
/**
 * A cue ends at a blank line, where the next cue's timing begins, at the fence that closes a
 * WebVTT block pasted into Markdown, or at a chunk marker (which ends the parser's section).
 */
const CUE_END = `^(?=${BLANK}*$|${CUE_TIMING}|${FENCE}|${MARKER_LINE})`;
/** A WebVTT header, NOTE, STYLE or REGION block runs to a blank line or a chunk marker. */
const BLOCK_END = `^(?=${BLANK}*$|${MARKER_LINE})`;
/** A Markdown heading, as the parser reads one: at the margin, `#` to `######` and a blank. */
const HEADING = `^\uFEFF?(#{1,6})(?=[ \\t])`;
/** A web link as a line of furniture holds it: `https://…` or `<https://…>`. */
const LINK = `<?https?://[^${BLANKS}<>]++>?`;
/** `Website: https://…`: a short label (the parser's LABELLED_URL), a colon and a link, alone on its line. */
const LABELLED_LINK = `${LINE_START}[^:<>${BLANKS}][^:<>]{0,40}(:)[ \\t]*(${LINK})${LINE_END}`;
/** The line that begins a WebVTT section. */
const WEBVTT_LINE = `${LINE_START}WEBVTT(?:${BLANK}|$)`;

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

/**
 * The start of a line the parser reads as a turn header: the seed's forms, and the newer layouts'.
 * @param {string[]} layoutHeaders the header patterns of the newer layouts, whole
 */
function headerLineStart(layoutHeaders) {
  const afterLabel = `[ \\t]*(?::[ \\t]*${STAMP}|\\([^()]{1,80}\\)[ \\t]*:(?=${BLANK}|$)|:(?=${BLANK}|$))`;
  return [
    `(?:${LINE_START}(?:`,
    `${STAMP}[ \\t]*${SPEAKER_LABEL}[ \\t]*:(?=${BLANK}|$)`,
    `|${SPEAKER_LABEL}${afterLabel}`,
    `)`,
    ...layoutHeaders.map((header) => `|${header}`),
    `)`,
  ].join('');
}

/**
 * A part of a pattern: its text, or a capturing group (`g`).
 * @typedef {string | Group} Part
 * @typedef {{ readonly scope: Record<string, unknown>, readonly parts: readonly Part[] }} Group
 */
/**
 * A capturing group of a pattern, its match given `scope`.
 * @param {Record<string, unknown>} scope
 * @param {...Part} parts
 * @returns {Group}
 */
const g = (scope, ...parts) => ({ scope, parts });
/**
 * A pattern and its captures from parts, the groups numbered in the order they open, so that a
 * rule with many optional groups says each group's scope where the group is.
 * @param {...Part} parts
 */
function compose(...parts) {
  let count = 0;
  /** @type {Record<number, Record<string, unknown>>} */
  const captures = {};
  /** @param {readonly Part[]} list @returns {string} */
  const walk = (list) =>
    list
      .map((part) => {
        if (typeof part === 'string') return part;
        captures[++count] = part.scope;
        return `(${walk(part.parts)})`;
      })
      .join('');
  return { match: walk(parts), captures };
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
  const rangeSeparator = { name: 'punctuation.separator.range.transcript' };
  /** The `·` or `-` after a bold stamp. */
  const stampSeparator = { name: 'punctuation.separator.timestamp.transcript' };
  const label = { patterns: [{ include: '#sentiment-polarity' }] };
  const keyword = { name: 'keyword.other.sentiment.transcript' };
  const keySeparator = { name: 'punctuation.separator.key-value.sentiment.transcript' };
  const open = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.begin.transcript` });
  const close = (/** @type {string} */ what) => ({ name: `punctuation.definition.${what}.end.transcript` });
  /** The scope of a header in one of the newer forms (model `TurnForm`). */
  const form = (/** @type {string} */ name) => `meta.header.turn.${name}.transcript`;
  const invalidStamp = { name: 'invalid.illegal.timestamp.transcript' };
  /**
   * A time written without brackets (`00:12:41`, `**0:18**`), as the parser reads it: a stamp when
   * valid, malformed when not. What follows it in the pattern ends it.
   * @type {Part[]}
   */
  const bareTime = ['(?:', g(bareStamp, VALID_TIME_SHAPE), '|', g(invalidStamp, TIME), ')'];
  /**
   * A podcast page's stamp, a Markdown link to that moment of the recording, as the parser's
   * LINKED_STAMP reads it: `[(00:12:41)](https://…)` or `[00:12:41](https://…)`.
   */
  const linkedStamp = g(
    { name: 'meta.timestamp.transcript' },
    g(open('link'), '\\['),
    '(?:',
    g(open('timestamp'), '\\('),
    ...bareTime,
    g(close('timestamp'), '\\)'),
    '|',
    ...bareTime,
    ')',
    g(close('link'), '\\]'),
    g({ name: 'markup.underline.link.transcript' }, `\\([^${BLANKS}()]{1,2048}\\)`),
  );
  /** @type {Part[]} a label's colon, and a blank or the line's end after it */
  const colonThenBlank = [g(separator, ':'), `(?=${BLANK}|$)`];
  /**
   * A segment's stamp in brackets, as the parser's BRACKETED_SEGMENT reads it: `[12.3s]`, and when
   * `range`, `[0.00 --> 3.96]` too.
   * @param {boolean} range
   */
  const segmentStamp = (range) =>
    g(
      { name: 'meta.timestamp.transcript' },
      g(open('timestamp'), '\\['),
      `(?=${SEGMENT_TIME}(?:\\]${range ? '|[ \\t]*-->' : ''}))(?:`,
      g(bareStamp, VALID_TIME),
      '|',
      g(invalidStamp, SEGMENT_TIME),
      ')',
      ...(range
        ? ['(?:[ \\t]*+', g(rangeSeparator, '-->'), `[ \\t]*+(?=${SEGMENT_TIME}\\])(?:`, g(bareStamp, LENIENT_TIME), `|${SEGMENT_TIME}))?`]
        : []),
      g(close('timestamp'), '\\]'),
    );
  /** `(00:12:41)`, Rev's stamp. */
  const parenStamp = g({ name: 'meta.timestamp.transcript' }, g(open('timestamp'), '\\('), ...bareTime, g(close('timestamp'), '\\)'));

  /**
   * The newer layouts' headers (docs/grammar.md, Layouts), each anchored at a line's start like
   * the seed's, in the parser's order of precedence (`lineKinds.ts`, `layoutHeaders.ts`). A line
   * that starts with a label is read first as Rev, Otter, a label then a bare stamp, or `Q.`/`A.`,
   * and only then as the seed's forms: these go before the seed's rules (`labelFirst`). The others
   * begin where no seed form can (`**`, `(`, a digit, a `[` not followed by a label and a colon).
   */
  const labelFirst = [
    {
      // Rev: `Dana Reyes (00:12:41):`; a time in parentheses is a stamp, not a cast line's name.
      name: form('rev'),
      ...compose(LINE_START, g(speaker, SPEAKER_LABEL), '[ \\t]*', parenStamp, '[ \\t]*', ...colonThenBlank),
    },
    {
      // Otter: `Dana Reyes  12:41` alone, the text below. The parser looks for two spaces in a row
      // before it tries the pattern, whose gap may hold tabs.
      name: form('otter'),
      ...compose(LINE_START, '(?=.*?  )', g(speaker, SPEAKER_LABEL), WIDE_GAP, ...bareTime, `(?=${ALONE})`),
    },
    {
      // `DR: 00:12:41` alone, the text below.
      name: form('label-stamp-line'),
      ...compose(LINE_START, g(speaker, SPEAKER_LABEL), '[ \\t]*', g(separator, ':'), '[ \\t]*', ...bareTime, `(?=${ALONE})`),
    },
    {
      // A podcast's page: `Dana Reyes [(00:12:41)](https://…) text`, a colon after the name or not.
      name: form('linked'),
      ...compose(LINE_START, g(speaker, SPEAKER_LABEL), '[ \\t]*+(?:', g(separator, ':'), '[ \\t]*+)?+', linkedStamp, `(?=${BLANK}|$)`),
    },
    {
      // Court records and interviews: `Q.  So where…`, `A. We start…` (`Q:` is a bare label).
      // Before the seed's forms, as the parser reads it: `A. Okafor: text` is an answer.
      name: 'meta.header.turn.transcript',
      ...compose(LINE_START, g(speaker, '[QA]'), g(separator, '\\.'), `(?=[ \\t]++${NOT_BLANK})`),
    },
  ];
  /** @type {Part[]} a separator after a bold stamp (`·`, `-`, `|`…) and the blanks after it */
  const afterBoldStamp = ['(?:', g(stampSeparator, STAMP_SEPARATOR), '[ \\t]++)?+'];
  /**
   * After a bare stamp: blanks, then a separator with a blank after it, then blanks. The parser
   * takes the separator whenever a blank follows it, and reads the text after it.
   * @type {Part[]}
   */
  const afterBareStamp = ['[ \\t][ \\t\uFEFF]*+(?:', g(stampSeparator, STAMP_SEPARATOR), '[ \\t][ \\t\uFEFF]*+)?+'];
  /**
   * A name in bold, `**Dana Reyes:**` or `**Dana Reyes**:`, before a blank or the line's end; with
   * `colonAfterBold` `'?'`, also `**Dana Reyes**` (after a stamp, as the parser's BOLD_LABEL_AFTER_STAMP).
   * @param {'' | '?'} colonAfterBold
   * @returns {Part[]}
   */
  const boldName = (colonAfterBold) => [
    g(bold, BOLD),
    g(speaker, SPEAKER_LABEL),
    '(?:[ \\t]*',
    g(separator, ':'),
    '[ \\t]*',
    g(bold, BOLD),
    '|',
    g(bold, BOLD),
    '[ \\t]*',
    g(separator, ':'),
    `${colonAfterBold})(?=${BLANK}|$)`,
  ];
  /** @type {Part[]} a name in bold after a stamp: `**Dana Reyes:**`, `**Dana Reyes**:` or `**Dana Reyes**` */
  const boldNameAfterStamp = boldName('?');
  /** @type {Part[]} `Dana Reyes:` after a stamp */
  const nameAfterStamp = [g(speaker, SPEAKER_LABEL), '[ \\t]*', ...colonThenBlank];
  /**
   * WebVTT's voice tag, `<v Dana Reyes>`, as the parser's VOICE_TAG reads it,
   * `<v(?:\.[\w.-]+)?[ \t]([^>]{1,80})>`, the name trimmed.
   * @type {Part[]}
   */
  const voiceTag = [
    g(open('voice'), '<v(?:\\.[A-Za-z0-9_.\\-]++)?+'),
    `[ \\t](?=[^>]{1,80}>)${BLANK}*+`,
    g(speaker, `[^>${BLANKS}](?:[^>]*[^>${BLANKS}])?`),
    `${BLANK}*+`,
    g(close('voice'), '>'),
  ];
  const layoutHeaders = [
    {
      // `[(00:13:02)](https://…) text` on a podcast's page: the speaker before goes on.
      name: form('linked'),
      ...compose(LINE_START, linkedStamp, `(?=${BLANK}|$)`),
    },
    {
      // `(00:13:02):`: Rev's same speaker going on.
      name: form('rev'),
      ...compose(LINE_START, parenStamp, '[ \\t]*', ...colonThenBlank),
    },
    {
      // `[Speaker 2] [12:41] so where…`
      name: form('bracketed'),
      ...compose(LINE_START, g(open('speaker'), '\\['), g(speaker, SPEAKER_LABEL), g(close('speaker'), '\\]'), '[ \\t]*', g(stamp, STAMP)),
    },
    {
      // `[Speaker 1 00:00]`: a label and a bare time in one pair of brackets, the text on the line or below.
      name: form('bracketed'),
      ...compose(
        LINE_START,
        g(open('speaker'), '\\['),
        g(speaker, SPEAKER_LABEL),
        '[ \\t]++',
        ...bareTime,
        g(close('speaker'), '\\]'),
        '[ \\t]*+',
        g(separator, ':?'),
      ),
    },
    {
      // `**[12:41] SPEAKER_01:** so where…`
      name: form('bold'),
      ...compose(
        LINE_START,
        g(bold, BOLD),
        g(stamp, STAMP),
        '[ \\t]*',
        g(speaker, SPEAKER_LABEL),
        '[ \\t]*',
        g(separator, ':'),
        '[ \\t]*',
        g(bold, BOLD),
      ),
    },
    {
      // `**0:12:41** · Dana Reyes: So where…`, `**0:12:41** **Dana Reyes:** So where…`: a bold
      // stamp, an optional separator with a blank after it, then a name.
      name: form('bold'),
      ...compose(
        LINE_START,
        g(bold, BOLD),
        ...bareTime,
        g(bold, BOLD),
        '[ \\t]*+',
        ...afterBoldStamp,
        '(?:',
        ...nameAfterStamp,
        '|',
        ...boldNameAfterStamp,
        ')',
      ),
    },
    {
      // `**0:02** · So where…`: a bold stamp and no name is a segment.
      name: form('segment'),
      ...compose(LINE_START, g(bold, BOLD), ...bareTime, g(bold, BOLD), '[ \\t]*+', ...afterBoldStamp),
    },
    {
      // `**Dana Reyes:** text`, `**Dana Reyes**: text`, either alone. A stamp after either is text.
      name: form('bold'),
      ...compose(LINE_START, ...boldName('')),
    },
    {
      // `**Dana Reyes** [4:05] text`, and Otter's `**Dana Reyes**  12:41` alone.
      name: form('bold'),
      ...compose(
        LINE_START,
        g(bold, BOLD),
        g(speaker, SPEAKER_LABEL),
        g(bold, BOLD),
        '(?:[ \\t]*',
        g(stamp, STAMP),
        '|',
        WIDE_GAP,
        ...bareTime,
        `(?=${ALONE}))`,
      ),
    },
    {
      // `0:12:41.5 **Dana Reyes** So where…`, `00:12:41 Dana Reyes: So…`, `00:12:41 <v Dana>So…`:
      // a bare stamp, blanks, an optional separator with a blank after it, then a name.
      name: form('stamp-first'),
      ...compose(LINE_START, ...bareTime, ...afterBareStamp, '(?:', ...boldNameAfterStamp, '|', ...nameAfterStamp, '|', ...voiceTag, ')'),
    },
    {
      // `00:12:41 So where…`: a stamp and text, no speaker. With no text after it (after a
      // separator), the parser reads no header.
      name: form('segment'),
      ...compose(LINE_START, ...bareTime, `(?=[ \\t][ \\t\uFEFF]*+(?:${STAMP_SEPARATOR}[ \\t][ \\t\uFEFF]*+)?+${BLANK}*${NOT_BLANK})`),
    },
    {
      // `[00:17] **Ines:** Shall we start?`, `[00:17] <v Ines>Shall we start?`: a name after a
      // stamp in brackets (`[00:17] Ines:` is the seed's stamp then label).
      name: form('stamp-first'),
      ...compose(LINE_START, segmentStamp(false), '[ \\t]*+(?:', ...boldNameAfterStamp, '|', ...voiceTag, ')'),
    },
    {
      // `[00:12:41] So where…`, `[12.3s] So where…`, `[0.00 --> 3.96]  So where…`: digits and
      // `:.,` in brackets (so `[3 minutes] later` and `[Music] ♪` stay text). The start is a
      // stamp, valid or not; the end of a range is one when it is a valid time.
      name: form('segment'),
      ...compose(LINE_START, segmentStamp(true)),
    },
  ];
  const layoutHeaderStarts = [...labelFirst, ...layoutHeaders].map((rule) => rule.match).concat(CUE_TIMING);

  /**
   * Quoted speech ends with its line. A TextMate grammar cannot look past the line for the closing
   * mark, so a quotation that spanned lines would colour everything after one stray `"` (in prose,
   * the rest of the file). A quotation over several paragraphs reopens each one by convention, so
   * each line is coloured on its own. A mark that closes such a quotation (`so it closes here."`)
   * is not an opening one: an opening mark follows no letter, digit or closing punctuation and
   * comes before text.
   */
  const quotedSpeech = {
    name: 'string.quoted.double.transcript',
    begin: `(?<![\\p{L}\\p{N}.,;:!?…'’)\\]])"(?=[^\\s"])`,
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.transcript' } },
    end: '(")|$',
    endCaptures: { 1: { name: 'punctuation.definition.string.end.transcript' } },
    patterns: [{ include: '#sentiment-note' }],
  };

  /**
   * A cue's speaker, at the start of its first text line only (the parser reads the rest of the
   * cue as text): `[Dana Reyes] text` (`[Music]` too), `<v Dana Reyes>text</v>`, `Dana Reyes: text`.
   * `\\G` is where the cue's text begins: see the `cue` rule.
   */
  const cueVoices = [
    {
      // `[Dana Reyes] text`, `[Dana Reyes]: text`; `[Applause]` alone is a sound, not a voice.
      name: 'meta.voice.transcript',
      match: `\\G${LINE_START}(\\[)(${SPEAKER_LABEL})(\\])(?=[ \\t]*+:?+[ \\t]*+${BLANK}*${NOT_BLANK})`,
      captures: { 1: open('speaker'), 2: speaker, 3: close('speaker') },
    },
    { name: 'meta.voice.transcript', ...compose(`\\G${LINE_START}`, ...voiceTag) },
    {
      // `Dana Reyes: text`: the colon has text after it on the line.
      name: 'meta.voice.transcript',
      match: `\\G${LINE_START}(${SPEAKER_LABEL})[ \\t]*(:)(?=${BLANK}++${NOT_BLANK})`,
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
    { include: '#furniture-after-headers' },
    { include: '#sentiment-note' },
    { include: '#quoted-speech' },
  ];
  /** A line the parser reads as a sentiment note before it reads it as a header (`Sentiment: …`). */
  const sentimentLineStart = `${LINE_START}(?:${SENTIMENT_WORD}[ \\t]*:${BLANK}*${NOT_BLANK}|${PAREN_PREFIX_NOTE}|${PAREN_SUFFIX_NOTE}|${bareNote(known)}|${BRACKET_NOTE}${LINE_END})`;
  /**
   * Where the preamble ends: the first line the parser reads as a turn header (its shape; see
   * Approximations in docs/grammar.md) or a chunk marker. A `Label: link` line is furniture, and
   * `Sentiment: …` a note.
   */
  const PREAMBLE_END = `(?!${LABELLED_LINK}|${sentimentLineStart})(?:${MARKER_LINE}|${headerLineStart(layoutHeaderStarts)})`;

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Transcript',
    scopeName: 'text.transcript',
    patterns: [{ include: '#webvtt-file' }, { include: '#preamble' }, { include: '#webvtt-in-report' }, ...lineRules],
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
            match: `${LINE_START}(${STAMP})[ \\t]*(S(?i:peaker))[ \\t]*(:)(?=${BLANK})[ \\t]*(${WHOLE_LABEL})(?=${LINE_END})`,
            captures: { 1: stamp, 2: speaker, 3: separator, 4: speakerName },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${STAMP})[ \\t]*(${SPEAKER_LABEL})[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: stamp, 2: speaker, 3: separator },
          },
          ...labelFirst,
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*(:)[ \\t]*(${STAMP})`,
            captures: { 1: speaker, 2: separator, 3: stamp },
          },
          {
            name: 'meta.header.turn.transcript',
            match: `${LINE_START}(${SPEAKER_LABEL})[ \\t]*(\\()([^()]{1,80})(\\))[ \\t]*${COLON_THEN_BLANK}`,
            captures: { 1: speaker, 2: open('speaker-name'), 3: speakerName, 4: close('speaker-name'), 5: separator },
          },
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
            // digits; minutes and seconds below 60, a fraction of at most three digits), or seconds
            // (`12.3`, `14s`, `12.3s`). Anything else is the parser's `timestamp-malformed`, a range
            // `[0.00 --> 3.96]` too: only a segment reads one (`layoutHeaders`).
            match: `(\\[)(?:(${VALID_TIME})(?=\\])|([^\\[\\]]*+))(\\])`,
            captures: {
              1: open('timestamp'),
              2: bareStamp,
              3: { name: 'invalid.illegal.timestamp.transcript' },
              4: close('timestamp'),
            },
          },
        ],
      },
      'quoted-speech': { patterns: [quotedSpeech] },
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
            // A chunk marker ends the parser's section, and front matter that has not closed there is none.
            end: `^(---|\\.\\.\\.)${LINE_END}|(?=${MARKER_LINE})`,
            endCaptures: { 1: close('comment') },
          },
        ],
      },
      'webvtt-file': {
        // A WebVTT file: `WEBVTT` on the document's first line, to a code fence or the document's
        // end. Only in a WebVTT section are `NOTE` and `STYLE` blocks read.
        patterns: [
          {
            begin: `\\A(?=${WEBVTT_LINE})`,
            end: `(?=${FENCE})`,
            patterns: [{ include: '#webvtt-block' }, ...lineRules],
          },
        ],
      },
      'webvtt-in-report': {
        // A WebVTT block pasted or fenced into a report, from its `WEBVTT` line to a code fence or
        // a heading. The parser reads the report after it, to the next chunk marker, as furniture:
        // no turns there. A chunk marker ends both, as it ends the parser's section.
        patterns: [
          {
            begin: `^(?=${WEBVTT_LINE})`,
            end: `(?=${MARKER_LINE})`,
            patterns: [
              {
                begin: '\\G',
                end: `(?=${FENCE}|${HEADING}|${MARKER_LINE})`,
                patterns: [{ include: '#webvtt-block' }, ...lineRules],
              },
              { include: '#furniture' },
            ],
          },
        ],
      },
      'webvtt-block': {
        // `WEBVTT` and the header lines after it, `NOTE` and `STYLE` (and `REGION`) blocks: each
        // runs to a blank line, as the parser reads them (a cue's timing line before it is in the block).
        patterns: [
          {
            name: 'comment.block.webvtt.header.transcript',
            begin: `${LINE_START}(WEBVTT)(?=${BLANK}|$)`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: BLOCK_END,
          },
          {
            name: 'comment.block.webvtt.note.transcript',
            begin: `${LINE_START}(NOTE)(?=${BLANK}|$)`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: BLOCK_END,
          },
          {
            name: 'comment.block.webvtt.style.transcript',
            begin: `${LINE_START}(STYLE|REGION)(?=${BLANK}|$)`,
            beginCaptures: { 1: { name: 'keyword.other.webvtt.transcript' } },
            end: BLOCK_END,
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
              2: { name: 'invalid.illegal.timestamp.transcript' },
              3: rangeSeparator,
              4: bareStamp,
              5: { name: 'support.other.cue-settings.transcript' },
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
        // images and HTML comments, a line that is only a link or a `Label: link`. The parser reads
        // a link before a header (`Website: https://…` is no speaker), the others after: none of
        // them can be a header but Otter's footer, which is `#furniture-after-headers`.
        patterns: [
          {
            name: 'markup.heading.transcript',
            match: `${HEADING}(?:[ \\t]++(${NOT_BLANK}(?:.*${NOT_BLANK})?))?${LINE_END}`,
            captures: { 1: { name: 'punctuation.definition.heading.transcript' }, 2: { name: 'entity.name.section.transcript' } },
          },
          { name: 'meta.separator.transcript', match: `${LINE_START}(?:-{3,}|\\*{3,}|_{3,}|={3,})[ \\t]*$` },
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
          // The parser takes any line that begins with `![` for an image.
          { name: 'markup.underline.link.image.transcript', match: `${LINE_START}!\\[.*` },
          { name: 'markup.underline.link.transcript', match: `${LINE_START}(${LINK})${LINE_END}` },
          {
            name: 'meta.link.labelled.transcript',
            match: LABELLED_LINK,
            captures: { 1: { name: 'punctuation.separator.key-value.transcript' }, 2: { name: 'markup.underline.link.transcript' } },
          },
        ],
      },
      'furniture-after-headers': {
        // Otter's `Transcribed by https://otter.ai`, or any line that begins `Transcribed by`.
        patterns: [{ name: 'comment.line.footer.transcript', match: `${LINE_START}(?i:transcribed by)(?![A-Za-z0-9_]).*` }],
      },
      preamble: {
        // The lines before the document's first turn (a title, a description, a chapter list) are
        // neither turns nor problems to the parser: no note or quotation is read there. It runs
        // from the document's start (front matter included) to the first line that is a turn
        // header or a chunk marker.
        patterns: [
          {
            begin: `\\A(?!${PREAMBLE_END})`,
            end: `(?=${PREAMBLE_END})`,
            patterns: [
              { include: '#front-matter' },
              { include: '#webvtt-in-report' },
              { include: '#sentiment-line' },
              { include: '#cue-number' },
              { include: '#furniture' },
              { include: '#furniture-after-headers' },
            ],
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
