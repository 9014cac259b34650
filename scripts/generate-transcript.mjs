#!/usr/bin/env node
/**
 * Renders real debate speech (`../shared/data/debates-2016.csv`, CC0) into transcripts shaped
 * like the ones speech-to-text/LLM pipelines write: chunks in the seed's mixed formats, speaker
 * labels that restart per chunk, chunks that re-transcribe the tail of the previous chunk and
 * stamps that jump back where chunks meet. Alongside the text it writes the ground truth of
 * every overlap and every backwards stamp it made, so the checks can be measured, not guessed.
 *
 * Same options and seed ⇒ byte-identical output. The committed sample was made with:
 *
 *   node scripts/generate-transcript.mjs --bytes 30000 --seed 2016 --malformed 2 \
 *     --out sample/debate-2016.transcript --truth sample/debate-2016.truth.json
 *
 * Other uses:
 *   node scripts/generate-transcript.mjs --bytes 2000000 --seed 1 --out big.transcript --truth big.json
 *   node scripts/generate-transcript.mjs --clean --bytes 5000 --seed 7 --random-start   (an ordinary transcript)
 *
 * As a module: `generateTranscript(options)` returns `{ text, truth }`; see `DEFAULTS`.
 *
 * Truth positions are zero-based lines and UTF-16 code units, as LSP counts them. Overlap ranges
 * are word-aligned: from the first character of the first repeated word to the last character
 * of the last one, a word being a run of non-blank characters (punctuation attached to it, a
 * closing quote or trailing sentiment note not included).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** @typedef {'positive' | 'negative' | 'neutral' | 'mixed'} Polarity */
/** @typedef {'moderator' | 'candidate' | 'audience'} Role */
/** @typedef {{ name: string, role: Role }} Person */
/** @typedef {{ line: number, speaker: string, text: string, date: string }} DebateRow */
/** @typedef {Person & { key: string, tokens: string[], start: number, duration: number, polarity: Polarity }} Utterance */
/** @typedef {{ line: number, character: number }} Position */
/** @typedef {{ start: Position, end: Position }} Range */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The data sits in `shared/` beside the repository, on developer machines and in CI alike. */
export const DEFAULT_CSV_PATH = resolve(REPO_ROOT, '..', 'shared', 'data', 'debates-2016.csv');

/**
 * The generator's options; `DEFAULTS` says what each means.
 * @typedef {{
 *   bytes: number, seed: number, overlapRate: number, approximateRate: number, backwardsRate: number, implicitRate: number,
 *   splitRate: number, malformed: number, clean: boolean, cleanStyle: string, randomStart: boolean,
 *   formats: string[] | undefined, chunks: number | undefined,
 * }} GeneratorOptions
 */

/** @type {Readonly<GeneratorOptions>} */
export const DEFAULTS = Object.freeze({
  /** Stop adding chunks once the text reaches this many UTF-8 bytes. */
  bytes: 100_000,
  seed: 1,
  /** Share of chunk boundaries where the next chunk repeats the tail of the previous one. */
  overlapRate: 0.5,
  /** Share of those repeats that are re-transcribed (words dropped, added, changed). */
  approximateRate: 0.5,
  /** Share of chunks whose first stamp is set earlier than the latest stamp before it. */
  backwardsRate: 0.3,
  /** Share of boundaries with no marker, only a change of format (when the format does change). */
  implicitRate: 0.3,
  /** Share of chunks that end in the middle of a turn (`…a certain moment in...`). */
  splitRate: 0.35,
  /** How many stamps to break (`[00:75:00]`, `[1:2]`), so that problems show. */
  malformed: 0,
  /** One consistent format, explicit markers, no overlaps, no reordering, no broken stamps. */
  clean: false,
  /** The format of a clean transcript (a key of `STYLES`). */
  cleanStyle: 'stamp-sentiment-line',
  /** Start at an utterance chosen by the seed instead of the first one. */
  randomStart: false,
  /** A fixed sequence of chunk formats (keys of `STYLES`), one per chunk, repeated; else drawn at random. */
  formats: undefined,
  /** Stop after this many chunks instead of at `bytes`. */
  chunks: undefined,
});

// ---------------------------------------------------------------------------------------------
// The speech: CSV rows become utterances on one timeline.

/** @type {Record<string, Person>} */
const SPEAKERS = {
  Holt: { name: 'Lester Holt', role: 'moderator' },
  Quijano: { name: 'Elaine Quijano', role: 'moderator' },
  Cooper: { name: 'Anderson Cooper', role: 'moderator' },
  Raddatz: { name: 'Martha Raddatz', role: 'moderator' },
  Wallace: { name: 'Chris Wallace', role: 'moderator' },
  Clinton: { name: 'Hillary Clinton', role: 'candidate' },
  Trump: { name: 'Donald Trump', role: 'candidate' },
  Pence: { name: 'Mike Pence', role: 'candidate' },
  Kaine: { name: 'Tim Kaine', role: 'candidate' },
  Audience: { name: 'Audience', role: 'audience' },
  CANDIDATES: { name: 'Candidates', role: 'audience' },
  QUESTION: { name: 'Audience Member', role: 'audience' },
};

/** Roughly 150 words a minute, the pace of debate speech. */
const WORDS_PER_SECOND = 2.5;
const PAUSE_SECONDS = 1;
const GAP_BETWEEN_DEBATES_SECONDS = 15 * 60;
const FIRST_SECONDS = 9;

/**
 * Reads the debates CSV (columns Line, Speaker, Text, Date) into rows.
 * @returns {DebateRow[]}
 */
export function loadDebateRows(csvPath = DEFAULT_CSV_PATH) {
  /** @type {Record<string, unknown>[]} */
  const records = parseCsv(readFileSync(csvPath), { columns: true, skip_empty_lines: true, trim: true });
  return records
    .filter((r) => typeof r.Text === 'string' && r.Text.trim() !== '')
    .map((r) => ({ line: Number(r.Line), speaker: String(r.Speaker), text: String(r.Text), date: String(r.Date) }));
}

/**
 * Straight double quotes inside speech become typographic ones: the transcript's own `"…"`
 * delimits quoted turns, and a quote cut in half at a chunk boundary must not read as an
 * unterminated one.
 * @param {string} text
 */
function curlQuotes(text) {
  let open = true;
  return text.replace(/"/g, () => {
    open = !open;
    return open ? '\u201d' : '\u201c';
  });
}

/** @param {DebateRow[]} rows */
function buildTimeline(rows) {
  /** @type {Utterance[]} */
  const utterances = [];
  let t = FIRST_SECONDS;
  let previousDate;
  for (const row of rows) {
    if (previousDate !== undefined && row.date !== previousDate) t += GAP_BETWEEN_DEBATES_SECONDS;
    previousDate = row.date;
    const tokens = curlQuotes(row.text).split(/\s+/).filter(Boolean);
    const duration = Math.max(1, Math.round(tokens.length / WORDS_PER_SECOND));
    /** @type {Person} */
    const person = Object.hasOwn(SPEAKERS, row.speaker) ? SPEAKERS[row.speaker] : { name: row.speaker, role: 'candidate' };
    utterances.push({ key: row.speaker, ...person, tokens, start: t, duration, polarity: polarityOf(row.text, person.role) });
    t += duration + PAUSE_SECONDS;
  }
  return { utterances, cycleSeconds: t + GAP_BETWEEN_DEBATES_SECONDS };
}

// ---------------------------------------------------------------------------------------------
// Sentiment labels, in the shapes the seed has: one word, a few words, a sentence or two.

const POSITIVE_CUES =
  /\b(great|good|thank|thanks|proud|hope|believe|strong|win|best|wonderful|love|honored|opportunity|together|congratulat\w*|respect|better)\b/gi;
const NEGATIVE_CUES =
  /\b(wrong|disaster|terrible|bad|problem|lies?|lying|crime|horrible|failed|attack\w*|weak|worst|dangerous|ugh|never|mess|nonsense|disgrace\w*)\b/gi;

/**
 * @param {string} text
 * @param {Role} role
 * @returns {Polarity}
 */
function polarityOf(text, role) {
  if (role === 'audience') return /APPLAUSE|LAUGHTER/.test(text) ? 'positive' : 'neutral';
  if (role !== 'candidate') return 'neutral';
  const positive = text.match(POSITIVE_CUES)?.length ?? 0;
  const negative = text.match(NEGATIVE_CUES)?.length ?? 0;
  if (positive && negative && Math.abs(positive - negative) <= 1) return 'mixed';
  if (positive > negative) return 'positive';
  if (negative > positive) return 'negative';
  return 'neutral';
}

// A table, several entries a line as it was written (Prettier would give each its own line).
// prettier-ignore
const TOPICS = [
  ['tax', 'taxes'], ['trade', 'trade'], ['job', 'jobs'], ['email', 'the emails'], ['nuclear', 'nuclear weapons'],
  ['isis', 'ISIS'], ['syria', 'Syria'], ['russia', 'Russia'], ['iraq', 'Iraq'], ['police', 'policing'],
  ['immigra', 'immigration'], ['court', 'the Supreme Court'], ['health', 'health care'], ['obamacare', 'health care'],
  ['economy', 'the economy'], ['debt', 'the national debt'], ['military', 'the military'], ['women', 'women'],
];

/** @param {string[]} tokens */
function topicOf(tokens) {
  const text = tokens.join(' ').toLowerCase();
  return TOPICS.find(([cue]) => text.includes(cue))?.[1] ?? 'the question';
}

/** @type {Record<Polarity, string[]>} */
const ONE_WORD = {
  positive: ['Positive', 'Positive', 'Confident', 'Hopeful', 'Determined', 'Appreciative', 'Optimistic', 'Proud'],
  negative: ['Negative', 'Negative', 'Critical', 'Combative', 'Dismissive', 'Frustrated', 'Defensive', 'Accusatory'],
  neutral: ['Neutral', 'Neutral', 'Informative', 'Procedural', 'Factual', 'Measured', 'Questioning'],
  mixed: ['Mixed'],
};
/** @type {Record<Polarity, string[]>} */
const FEW_WORDS = {
  positive: ['Reflective, Positive', 'Confident, Determined', 'Warm, Appreciative'],
  negative: ['Critical, Combative', 'Frustrated, Dismissive', 'Serious, Concerned'],
  neutral: ['Thoughtful, Informative', 'Calm, Procedural', 'Serious, Factual'],
  mixed: ['Frustrated turning into Hopeful', 'Defensive, then Confident', 'Critical but Hopeful'],
};
/** @type {Record<Polarity, (topic: string, role: Role) => string>} */
const SENTENCES = {
  positive: (topic) => `Positive, confident about ${topic} and appreciative of the audience. Emphasis on a hopeful vision for the country's future.`,
  negative: (topic) =>
    `Negative, critical of the opponent's record on ${topic}. Combative tone, with interruptions and a refusal to concede the point.`,
  neutral: (topic, role) =>
    role === 'moderator'
      ? `Neutral, procedural: the moderator keeps time and moves the discussion on to ${topic}.`
      : `Neutral, a measured explanation of ${topic}, with figures rather than attacks.`,
  mixed: (topic) =>
    `Mixed, defensive about ${topic} at first, then confident and forward-looking. Acknowledgment of the difficulty before turning to solutions.`,
};
/** @type {Record<Polarity, string>} */
const CAPITALIZED_POLARITY = { positive: 'Positive', negative: 'Negative', neutral: 'Neutral', mixed: 'Mixed' };

/**
 * @param {Random} random
 * @param {RenderedTurn} turn
 */
function oneWordLabel(random, turn) {
  return turn.role === 'audience' ? CAPITALIZED_POLARITY[turn.polarity] : random.pick(ONE_WORD[turn.polarity]);
}

/**
 * A label for a `Sentiment: X` line, which takes anything from one word to sentences.
 * @param {Random} random
 * @param {RenderedTurn} turn
 * @param {number} sentenceRate
 */
function lineLabel(random, turn, sentenceRate) {
  const { polarity, tokens } = turn;
  // Applause and laughter get plain labels: `Determined` applause would read as a bug.
  if (turn.role === 'audience') return CAPITALIZED_POLARITY[polarity];
  if (random.chance(sentenceRate)) return SENTENCES[polarity](topicOf(tokens), turn.role);
  if (random.chance(0.2)) return random.pick(FEW_WORDS[polarity]);
  return random.pick(ONE_WORD[polarity]);
}

// ---------------------------------------------------------------------------------------------
// Chunk formats. Each renders one turn and says where its text starts, so that word positions
// are known exactly. `signature` is the parser's idea of a format (header form, quoting,
// sentiment form): an implicit boundary is only possible between different signatures.

/** @typedef {Utterance & { label: string, indexInChunk: number, time: number, text: string }} RenderedTurn A turn as a renderer gets it. */
/** @typedef {{ start: number, text: string, seconds: number }} StampInfo Where on its line a stamp was written. */
/**
 * @typedef {object} Writer
 * @property {Random} random
 * @property {(text: string, textStart?: number, stampInfo?: StampInfo) => Position} line
 *   Writes a line; returns where the turn text starts on it.
 */
/**
 * @typedef {object} Style
 * @property {string} signature
 * @property {boolean} stamped
 * @property {boolean} [sentences] Short, sentence-long turns.
 * @property {(turn: RenderedTurn, out: Writer) => Position} render
 */

/**
 * `[HH:MM:SS]`, the hours growing past two digits when a long file runs past 99 hours.
 * @param {number} seconds
 */
function stamp(seconds) {
  const s = Math.floor(seconds);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `[${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}]`;
}

/**
 * Writes `[00:02:44] Speaker 1: text`, quoted and with a trailing note when asked; returns where the text starts.
 * @param {RenderedTurn} turn
 * @param {Writer} out
 * @param {{ quoted?: boolean, trailing?: string }} [how]
 */
function writeStampFirst(turn, out, { quoted = false, trailing = '' } = {}) {
  const stampText = stamp(turn.time);
  const quote = quoted ? '"' : '';
  const head = `${stampText} ${turn.label}: ${quote}`;
  return out.line(`${head}${turn.text}${quote}${trailing}`, head.length, { start: 0, text: stampText, seconds: turn.time });
}

/**
 * Writes `Speaker 1: [00:13:36] text` with an optional trailing note; returns where the text starts.
 * @param {RenderedTurn} turn
 * @param {Writer} out
 */
function writeLabelFirst(turn, out, trailing = '') {
  const stampText = stamp(turn.time);
  const head = `${turn.label}: ${stampText} `;
  return out.line(`${head}${turn.text}${trailing}`, head.length, { start: turn.label.length + 2, text: stampText, seconds: turn.time });
}

/**
 * Each renderer gets the turn and a writer; it writes the turn's lines and returns the line and
 * character where the turn's text starts. `turn.stampAt` records where a stamp was written.
 * @type {Record<string, Style>}
 */
export const STYLES = {
  /** `Speaker 1 (Lester Holt): "…"` then `Sentiment: X`, as the seed's opening cast list. */
  cast: {
    signature: 'cast|quoted|line',
    stamped: false,
    render(turn, out) {
      const label = turn.role === 'moderator' ? `Moderator (${turn.name})` : `${turn.label} (${turn.name})`;
      const head = `${label}: "`;
      const at = out.line(`${head}${turn.text}"`, head.length);
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0.05)}`);
      out.line('');
      return at;
    },
  },
  /** `Lester Holt: [00:00:09] text`, then indented `    Speaker: [00:00:22] text` turns and `    Sentiment:` lines. */
  'named-indented': {
    signature: 'label-stamp|plain|line',
    stamped: true,
    render(turn, out) {
      const indent = turn.indexInChunk === 0 ? '' : '    ';
      const who = turn.indexInChunk === 0 ? turn.name : 'Speaker';
      const stampText = stamp(turn.time);
      const head = `${indent}${who}: ${stampText} `;
      const at = out.line(`${head}${turn.text}`, head.length, { start: indent.length + who.length + 2, text: stampText, seconds: turn.time });
      out.line('');
      out.line(`    Sentiment: ${lineLabel(out.random, turn, 0.05)}`);
      out.line('');
      return at;
    },
  },
  /** `[00:01:35] Speaker 1: text` with `Sentiment: X` on the next line; short, sentence-long turns. */
  'stamp-sentiment-line': {
    signature: 'stamp-label|plain|line',
    stamped: true,
    sentences: true,
    render(turn, out) {
      const at = writeStampFirst(turn, out);
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0)}`);
      out.line('');
      return at;
    },
  },
  /** `[00:02:44] Speaker 1: "…"`, a blank line, `Sentiment: X`, a blank line. */
  'stamp-quoted-sentiment-line': {
    signature: 'stamp-label|quoted|line',
    stamped: true,
    render(turn, out) {
      const at = writeStampFirst(turn, out, { quoted: true });
      out.line('');
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0.1)}`);
      out.line('');
      return at;
    },
  },
  /** `Speaker 1: "…"` with no stamp; here the long, sentence-like labels are most common. */
  'quoted-sentiment-line': {
    signature: 'label|quoted|line',
    stamped: false,
    render(turn, out) {
      const head = `${turn.label}: "`;
      const at = out.line(`${head}${turn.text}"`, head.length);
      out.line('');
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0.35)}`);
      out.line('');
      return at;
    },
  },
  /** `[00:09:24] Speaker 1: "…"` with `(Sentiment: Positive)` on the next line. */
  'stamp-quoted-parenthesized': {
    signature: 'stamp-label|quoted|parenthesized',
    stamped: true,
    render(turn, out) {
      const at = writeStampFirst(turn, out, { quoted: true });
      const label = out.random.chance(0.15) ? out.random.pick(FEW_WORDS[turn.polarity]) : CAPITALIZED_POLARITY[turn.polarity];
      out.line(`(Sentiment: ${label})`);
      out.line('');
      return at;
    },
  },
  /** `[00:10:55] Speaker 2: "…"` with `[Positive sentiment]` on the next line. */
  'stamp-quoted-bracketed': {
    signature: 'stamp-label|quoted|bracketed',
    stamped: true,
    render(turn, out) {
      const at = writeStampFirst(turn, out, { quoted: true });
      out.line(`[${out.random.chance(0.8) ? CAPITALIZED_POLARITY[turn.polarity] : oneWordLabel(out.random, turn)} sentiment]`);
      out.line('');
      return at;
    },
  },
  /** `[00:13:04] Speaker 2: "…"` with no sentiment at all. */
  'stamp-quoted-plain': {
    signature: 'stamp-label|quoted|none',
    stamped: true,
    render(turn, out) {
      const at = writeStampFirst(turn, out, { quoted: true });
      out.line('');
      return at;
    },
  },
  /** `Speaker 1: [00:13:36] text (Positive sentiment)`. */
  'label-stamp-trailing': {
    signature: 'label-stamp|plain|trailing',
    stamped: true,
    render(turn, out) {
      const at = writeLabelFirst(turn, out, ` (${CAPITALIZED_POLARITY[turn.polarity]} sentiment)`);
      out.line('');
      return at;
    },
  },
  /** `[00:14:56] Speaker 1: text (Positive)`, one line per turn with no blank lines between. */
  'stamp-trailing-bare': {
    signature: 'stamp-label|plain|trailing-bare',
    stamped: true,
    sentences: true,
    render(turn, out) {
      return writeStampFirst(turn, out, { trailing: ` (${CAPITALIZED_POLARITY[turn.polarity]})` });
    },
  },
  /** `[00:16:08] Speaker: Moderator`, `Sentiment: Neutral`, `Moderator: text`: one turn on three lines. */
  announced: {
    signature: 'announced|plain|line',
    stamped: true,
    render(turn, out) {
      const name = turn.role === 'moderator' ? 'Moderator' : turn.name;
      const stampText = stamp(turn.time);
      out.line(`${stampText} Speaker: ${name}`, 0, { start: 0, text: stampText, seconds: turn.time });
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0.05)}`);
      const head = `${name}: `;
      const at = out.line(`${head}${turn.text}`, head.length);
      out.line('');
      return at;
    },
  },
  /** `Speaker 1: text (Positive sentiment)` with no stamp. */
  'label-trailing': {
    signature: 'label|plain|trailing',
    stamped: false,
    render(turn, out) {
      const head = `${turn.label}: `;
      const at = out.line(`${head}${turn.text} (${oneWordLabel(out.random, turn)} sentiment)`, head.length);
      out.line('');
      return at;
    },
  },
  /** `Speaker 1: [00:20:46] text`, a blank line, `Sentiment: X`, a blank line. */
  'label-stamp-sentiment-line': {
    signature: 'label-stamp|plain|line',
    stamped: true,
    render(turn, out) {
      const at = writeLabelFirst(turn, out);
      out.line('');
      out.line(`Sentiment: ${lineLabel(out.random, turn, 0.05)}`);
      out.line('');
      return at;
    },
  },
};

/** @typedef {keyof typeof MARKERS} MarkerKind */
const MARKERS = {
  continues: 'This chunk continues in the next part.',
  'continues-bracketed': '[This chunk continues in the next part.]',
  last: 'This is the last chunk.',
};

// ---------------------------------------------------------------------------------------------
// Re-transcription: how a pipeline's second pass over the same audio differs from the first.

// A table, as TOPICS is.
// prettier-ignore
const VARIANTS = new Map(Object.entries({
  going: ['gonna'], want: ['wanna'], "it's": ['it', 'is'], "don't": ['do', 'not'], "we're": ['we', 'are'],
  "I'm": ['I', 'am'], "that's": ['that', 'is'], "can't": ['cannot'], because: ["'cause"], these: ['the'],
  those: ['the'], very: ['really'], we: ['we,'], "they're": ['they', 'are'], "you're": ['you', 'are'],
  "we've": ['we', 'have'], okay: ['OK'], all: ['all', 'of'], said: ['says'], is: ['was'],
}));
const FILLERS = ['uh,', 'um,', 'like,', 'so,', 'you know,'];

/**
 * Re-transcribes a run of words: some dropped, some changed, some fillers added, never the first
 * or the last word (so the repeat's ends are words of the original) and at most a quarter of
 * them, so the repeat stays recognisably the same speech. At least one word changes.
 * @param {string[]} tokens
 * @param {Random} random
 */
function retranscribe(tokens, random) {
  const maxEdits = Math.max(1, Math.floor(tokens.length / 4));
  /** @type {string[]} */
  const out = [];
  let edits = 0;
  const edit = (/** @type {number} */ i) => {
    const token = tokens[i];
    const variant = VARIANTS.get(token) ?? VARIANTS.get(token.toLowerCase());
    const choice = random.int(0, 2);
    if (choice === 0) return [];
    if (choice === 1 && variant) return variant;
    return [...random.pick(FILLERS).split(' '), token];
  };
  for (let i = 0; i < tokens.length; i++) {
    const inner = i > 0 && i < tokens.length - 1;
    if (inner && edits < maxEdits && random.chance(0.18)) {
      out.push(...edit(i));
      edits++;
    } else {
      out.push(tokens[i]);
    }
  }
  if (edits === 0) {
    // Short runs may come through untouched: force one change in the middle.
    const i = Math.floor(tokens.length / 2);
    out.splice(i, 1, ...[...random.pick(FILLERS).split(' '), tokens[i]]);
  }
  out[0] = capitalize(out[0]);
  return out;
}

/** @param {string} word */
function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Where a chunk ends mid-turn the text stops at a word, trailing punctuation replaced by `...`.
 * @param {string} token
 */
function cutMark(token) {
  return `${token.replace(/[.,;:!?]+$/, '')}...`;
}

// ---------------------------------------------------------------------------------------------

class Random {
  /** @param {number} seed */
  constructor(seed) {
    this.rng = xoroshiro128plus(seed);
  }
  /**
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return uniformInt(this.rng, min, max);
  }
  /** @param {number} p */
  chance(p) {
    return p > 0 && this.int(0, 999_999) < p * 1_000_000;
  }
  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  pick(list) {
    return list[this.int(0, list.length - 1)];
  }
  /**
   * @template T
   * @param {readonly T[]} list
   */
  shuffled(list) {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/**
 * Token groups of at most ~30 words that end at a sentence end, for the short-turn formats.
 * @param {string[]} tokens
 * @param {number} from
 */
function nextSentenceEnd(tokens, from) {
  for (let i = from; i < tokens.length; i++) {
    if (i - from + 1 >= 30) return i + 1;
    if (/[.?!][\u201d)']?$/.test(tokens[i]) && i - from + 1 >= 3) return i + 1;
  }
  return tokens.length;
}

/**
 * @param {number} line
 * @param {number} start
 * @param {number} endLine
 * @param {number} end
 * @returns {Range}
 */
function range(line, start, endLine, end) {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** @typedef {'document-start' | 'implicit' | 'explicit'} Boundary */
/** @typedef {{ line: number, start: number, text: string, seconds: number, malformed?: boolean }} WrittenStamp */
/** @typedef {Position & { tokens: string[] }} WrittenTurn A turn's words and where the first one starts. */
/** @typedef {{ ordinal: number, to: number, tokens: string[], position: WrittenTurn }} LastTurn */
/**
 * A turn before it is written: `from` and `to` (token indexes in the utterance) only for one taken
 * whole from one utterance.
 * @typedef {{ ordinal: number, tokens: string[], time: number, cut: boolean }
 *   & ({ from: number, to: number } | { from?: undefined, to?: undefined })} PlannedTurn
 */
/** @typedef {{ line: number, range: Range, text: string, seconds: number }} StampTruth */
/**
 * @typedef {object} Truth
 * @property {{ script: string, options: GeneratorOptions }} generator
 * @property {'utf-16'} positionEncoding
 * @property {number} lineCount
 * @property {{ index: number, style: string, boundary: Boundary, startLine: number, endMarker?: { line: number, kind: MarkerKind } }[]} chunks
 * @property {{
 *   chunk: number, boundary: Boundary, kind: 'exact' | 'approximate', words: number, followedByNewContent: boolean,
 *   repeat: { range: Range, text: string }, original: { range: Range, text: string },
 * }[]} overlaps
 * @property {(StampTruth & { latestBefore: { line: number, seconds: number } })[]} backwardsStamps
 * @property {(StampTruth & { previousLine: number })[]} repeatedStamps
 * @property {{ line: number, range: Range, text: string }[]} malformedStamps
 */

/**
 * Generates one transcript and its ground truth. `rows` defaults to the debates CSV.
 * Pure: the same rows and options give the same result.
 * @param {Partial<GeneratorOptions>} [options]
 * @param {DebateRow[]} [rows]
 * @returns {{ text: string, truth: Truth }}
 */
export function generateTranscript(options = {}, rows = loadDebateRows()) {
  const o = { ...DEFAULTS, ...options };
  for (const name of [o.cleanStyle, ...(o.formats ?? [])]) {
    if (!Object.hasOwn(STYLES, name)) throw new Error(`Unknown format ${name}; one of ${Object.keys(STYLES).join(', ')}`);
  }
  if (rows.length === 0) throw new Error('The CSV has no rows of speech.');
  const random = new Random(o.seed);
  const { utterances, cycleSeconds } = buildTimeline(rows);

  // The speech stream: `ordinal` counts utterances across cycles through the debates, each
  // cycle shifted by the length of one, so time only moves forward.
  const utteranceAt = (/** @type {number} */ ordinal) => utterances[ordinal % utterances.length];
  const cursor = { ordinal: o.randomStart ? random.int(0, utterances.length - 1) : 0, token: 0 };
  // The recording starts with its first utterance, wherever in the debates that is.
  const origin = utterances[cursor.ordinal].start - FIRST_SECONDS;
  /**
   * @param {number} ordinal
   * @param {number} token
   */
  const timeOf = (ordinal, token) => {
    const u = utteranceAt(ordinal);
    return Math.floor(ordinal / utterances.length) * cycleSeconds + u.start - origin + Math.floor((token * u.duration) / u.tokens.length);
  };
  /**
   * Takes the rest of the current utterance, or its next sentence for short-turn formats.
   * @param {boolean | undefined} bySentence
   */
  const take = (bySentence) => {
    const u = utteranceAt(cursor.ordinal);
    const from = cursor.token;
    const to = bySentence ? nextSentenceEnd(u.tokens, from) : u.tokens.length;
    const piece = { ordinal: cursor.ordinal, from, to, tokens: u.tokens.slice(from, to) };
    if (to >= u.tokens.length) {
      cursor.ordinal++;
      cursor.token = 0;
    } else {
      cursor.token = to;
    }
    return piece;
  };

  /** @type {string[]} */
  const lines = [];
  let bytes = 0;
  /** @type {WrittenStamp[]} */
  const stamps = [];
  /** @type {Writer} */
  const writer = {
    random,
    /** Writes a line; returns where the turn text starts on it. */
    line(text, textStart = 0, stampInfo) {
      const lineNumber = lines.length;
      lines.push(text);
      bytes += Buffer.byteLength(text) + 1;
      if (stampInfo) {
        stamps.push({ line: lineNumber, start: stampInfo.start, text: stampInfo.text, seconds: stampInfo.seconds });
      }
      return { line: lineNumber, character: textStart };
    },
  };

  /** @type {Truth} */
  const truth = {
    generator: { script: 'scripts/generate-transcript.mjs', options: o },
    positionEncoding: 'utf-16',
    lineCount: 0,
    chunks: [],
    overlaps: [],
    backwardsStamps: [],
    repeatedStamps: [],
    malformedStamps: [],
  };

  const styleNames = Object.keys(STYLES).filter((s) => s !== 'cast');
  /** @type {string[]} */
  let deck = [];
  /**
   * @param {string | undefined} previous
   * @param {number} chunkIndex
   * @returns {string}
   */
  const drawStyle = (previous, chunkIndex) => {
    if (o.clean) return o.cleanStyle;
    if (o.formats?.length) return o.formats[chunkIndex % o.formats.length];
    if (!previous) return 'cast'; // The seed opens with its cast list.
    if (deck.length === 0) deck = random.shuffled(styleNames);
    // The deck is not empty here: pop() returns a format.
    if (deck[deck.length - 1] === previous && deck.length > 1) deck.unshift(/** @type {string} */ (deck.pop()));
    return /** @type {string} */ (deck.pop());
  };

  /**
   * The previous chunk: its style, its last turn's words and where they were written.
   * @type {{ styleName: string, endedMidTurn: boolean, lastTurn: LastTurn | undefined } | undefined}
   */
  let previous;
  let latestShownSeconds = -1;

  const more = () => (o.chunks ? truth.chunks.length < o.chunks : bytes < o.bytes);
  while (truth.chunks.length === 0 || more()) {
    const chunkIndex = truth.chunks.length;
    const styleName = drawStyle(previous?.styleName, chunkIndex);
    const style = STYLES[styleName];

    /** @type {Boundary} */
    let boundary = 'document-start';
    if (previous) {
      const implicit = !o.clean && STYLES[previous.styleName].signature !== style.signature && random.chance(o.implicitRate);
      if (implicit) {
        boundary = 'implicit';
      } else {
        boundary = 'explicit';
        const kind = o.clean || random.chance(0.6) ? 'continues' : 'continues-bracketed';
        const markerLine = writer.line(MARKERS[kind]).line;
        writer.line('');
        truth.chunks[chunkIndex - 1].endMarker = { line: markerLine, kind };
      }
    }

    /** @type {Map<string, string>} */
    const labels = new Map();
    const labelOf = (/** @type {string} */ key) => {
      let label = labels.get(key);
      if (label === undefined) {
        label = `Speaker ${labels.size + 1}`;
        labels.set(key, label);
      }
      return label;
    };

    const turnCount = styleName === 'cast' ? random.int(4, 9) : style.sentences ? random.int(5, 12) : random.int(3, 8);
    /** @type {PlannedTurn[]} */
    const turns = [];
    /** @type {{ taken: number, repeatTokens: number, approximate: boolean, followedByNewContent: boolean } | undefined} */
    let overlap;

    // The opening turn: a repeat of the previous chunk's tail, the rest of a turn cut off there, or new speech.
    const last = previous?.lastTurn;
    let taken = 0;
    if (last && !o.clean && random.chance(o.overlapRate)) {
      const spoken = utteranceAt(last.ordinal).tokens;
      taken = Math.min(last.tokens.length, random.int(6, 28));
      // A repeat starts on a word, not on a dash; and it needs a few words to be more than chance.
      while (taken < last.tokens.length && !isWord(spoken[last.to - taken])) taken++;
      if (spoken.slice(last.to - taken, last.to).filter(isWord).length < 5) taken = 0;
    }
    if (taken > 0 && last && previous) {
      const originalTokens = utteranceAt(last.ordinal).tokens.slice(last.to - taken, last.to);
      const approximate = random.chance(o.approximateRate);
      const repeatTokens = approximate ? retranscribe(originalTokens, random) : originalTokens;
      let continuation;
      if (previous.endedMidTurn || random.chance(0.5)) continuation = take(style.sentences);
      const ordinal = continuation?.ordinal ?? last.ordinal;
      turns.push({
        ordinal,
        tokens: [...repeatTokens, ...(continuation?.tokens ?? [])],
        time: timeOf(last.ordinal, last.to - taken),
        cut: false,
      });
      overlap = { taken, repeatTokens: repeatTokens.length, approximate, followedByNewContent: continuation !== undefined };
    }

    while (turns.length < turnCount) {
      const piece = take(style.sentences);
      turns.push({
        ordinal: piece.ordinal,
        tokens: piece.tokens,
        time: timeOf(piece.ordinal, piece.from),
        from: piece.from,
        to: piece.to,
        cut: false,
      });
    }

    // Maybe stop in the middle of the last turn; the next chunk picks up from the cut.
    let endedMidTurn = false;
    const final = turns[turns.length - 1];
    if (!o.clean && final.from !== undefined && final.tokens.length >= 12 && random.chance(o.splitRate)) {
      let keep = random.int(Math.ceil(final.tokens.length * 0.4), Math.floor(final.tokens.length * 0.75));
      while (keep > 1 && !isWord(final.tokens[keep - 1])) keep--;
      final.to = final.from + keep;
      final.tokens = final.tokens.slice(0, keep);
      final.cut = true;
      cursor.ordinal = final.ordinal;
      cursor.token = final.to;
      endedMidTurn = true;
    }

    if (style.stamped) {
      // A chunk that starts before the previous one ended, as pipelines' chunk clocks do.
      if (!o.clean && latestShownSeconds >= 0 && random.chance(o.backwardsRate)) {
        turns[0].time = Math.max(0, Math.min(turns[0].time, latestShownSeconds - random.int(1, 12)));
      } else if (!overlap) {
        // Sentence turns of a fast speaker can run ahead of the speech clock: never go back by accident.
        turns[0].time = Math.max(turns[0].time, latestShownSeconds + 1);
      }
      // Within a chunk stamps strictly increase.
      for (let i = 1; i < turns.length; i++) turns[i].time = Math.max(turns[i].time, turns[i - 1].time + 1);
      latestShownSeconds = Math.max(latestShownSeconds, ...turns.map((t) => t.time));
    }

    // Every renderer writes a turn's header first, so this is the chunk's first header line.
    const startLine = lines.length;
    /** @type {WrittenTurn[]} */
    const positions = [];
    for (let i = 0; i < turns.length; i++) {
      const turn = turns[i];
      const u = utteranceAt(turn.ordinal);
      const tokens = turn.cut ? [...turn.tokens.slice(0, -1), cutMark(turn.tokens[turn.tokens.length - 1])] : turn.tokens;
      const text = tokens.join(' ');
      const at = style.render({ ...u, label: labelOf(u.key), indexInChunk: i, time: turn.time, tokens, text }, writer);
      positions.push({ ...at, tokens });
    }
    if (lines[lines.length - 1] !== '') writer.line('');

    truth.chunks.push({ index: chunkIndex, style: styleName, boundary, startLine });

    if (overlap && last) {
      const firstTurn = positions[0];
      // Ranges run from the first to the last token with a letter or digit: a trailing `--` is no word.
      const repeatEnd = wordEnd(firstTurn, lastWordIndex(firstTurn.tokens, overlap.repeatTokens));
      const originalStart = wordStart(last.position, last.tokens.length - overlap.taken);
      const originalEnd = wordEnd(last.position, lastWordIndex(last.tokens, last.tokens.length));
      const originalText = lines[last.position.line].slice(originalStart, originalEnd);
      truth.overlaps.push({
        chunk: chunkIndex,
        boundary,
        kind: overlap.approximate ? 'approximate' : 'exact',
        words: originalText.split(' ').filter(isWord).length,
        followedByNewContent: overlap.followedByNewContent,
        repeat: {
          range: range(firstTurn.line, firstTurn.character, firstTurn.line, repeatEnd),
          text: lines[firstTurn.line].slice(firstTurn.character, repeatEnd),
        },
        original: {
          range: range(last.position.line, originalStart, last.position.line, originalEnd),
          text: originalText,
        },
      });
    }

    const finalTurn = turns[turns.length - 1];
    const finalPosition = positions[positions.length - 1];
    previous = {
      styleName,
      endedMidTurn,
      // Only a turn written whole from one utterance can be repeated word for word.
      lastTurn:
        finalTurn.from !== undefined
          ? { ordinal: finalTurn.ordinal, to: finalTurn.to, tokens: finalPosition.tokens, position: finalPosition }
          : undefined,
    };
  }
  const lastMarkerLine = writer.line(MARKERS.last).line;
  truth.chunks[truth.chunks.length - 1].endMarker = { line: lastMarkerLine, kind: 'last' };

  breakStamps(lines, stamps, truth, o.malformed, random);
  recordStampOrder(stamps, truth);
  truth.lineCount = lines.length + 1;
  return { text: `${lines.join('\n')}\n`, truth };
}

/** @param {string} token */
function isWord(token) {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * The index of the last token with a letter or digit among the first `count`.
 * @param {string[]} tokens
 * @param {number} count
 */
function lastWordIndex(tokens, count) {
  let i = count - 1;
  while (i > 0 && !isWord(tokens[i])) i--;
  return i;
}

/**
 * @param {WrittenTurn} position
 * @param {number} index
 */
function wordStart(position, index) {
  let c = position.character;
  for (let i = 0; i < index; i++) c += position.tokens[i].length + 1;
  return c;
}

/**
 * @param {WrittenTurn} position
 * @param {number} index
 */
function wordEnd(position, index) {
  return wordStart(position, index) + position.tokens[index].length;
}

/**
 * Breaks `count` stamps so problems show, each in a way the issue names: minutes out of range,
 * or fields too short. Only stamps on lines the overlap truth does not point into are chosen,
 * so every recorded range stays exact.
 * @param {string[]} lines
 * @param {WrittenStamp[]} stamps
 * @param {Truth} truth
 * @param {number} count
 * @param {Random} random
 */
function breakStamps(lines, stamps, truth, count, random) {
  if (count <= 0) return;
  const busy = new Set(truth.overlaps.flatMap((o) => [o.repeat.range.start.line, o.original.range.start.line]));
  const firstChunkEnd = truth.chunks[0].endMarker?.line ?? 0;
  const candidates = stamps.filter((s) => !busy.has(s.line) && s.line > firstChunkEnd);
  /** @type {Set<number>} */
  const chosen = new Set();
  while (chosen.size < Math.min(count, candidates.length)) chosen.add(random.int(0, candidates.length - 1));
  [...chosen]
    .sort((a, b) => a - b)
    .forEach((index, n) => {
      const s = candidates[index];
      const [h, m, sec] = s.text.slice(1, -1).split(':');
      const broken = n % 2 === 0 ? `[${h}:${60 + (Number(m) % 40)}:${sec}]` : `[${Number(m)}:${Number(sec) % 10}]`;
      const line = lines[s.line];
      lines[s.line] = line.slice(0, s.start) + broken + line.slice(s.start + s.text.length);
      s.text = broken;
      s.malformed = true;
      truth.malformedStamps.push({ line: s.line, range: range(s.line, s.start, s.line, s.start + broken.length), text: broken });
    });
}

/**
 * Records every valid stamp earlier than the latest stamp before it (what the order check must
 * flag) and every stamp equal to the one just before it (a repeat, not an ordering error).
 * @param {WrittenStamp[]} stamps
 * @param {Truth} truth
 */
function recordStampOrder(stamps, truth) {
  let latest;
  let previous;
  for (const s of stamps) {
    if (s.malformed) continue;
    const where = { line: s.line, range: range(s.line, s.start, s.line, s.start + s.text.length), text: s.text, seconds: s.seconds };
    if (latest && s.seconds < latest.seconds) {
      truth.backwardsStamps.push({ ...where, latestBefore: { line: latest.line, seconds: latest.seconds } });
    } else if (previous && s.seconds === previous.seconds) {
      truth.repeatedStamps.push({ ...where, previousLine: previous.line });
    }
    if (!latest || s.seconds > latest.seconds) latest = s;
    previous = s;
  }
}

// ---------------------------------------------------------------------------------------------
// Command line.

const HELP = `Usage: node scripts/generate-transcript.mjs [options]

  --bytes N              target size in bytes (default ${DEFAULTS.bytes})
  --seed N               PRNG seed (default ${DEFAULTS.seed}); same seed, same output
  --out FILE             write the transcript here (default: standard output)
  --truth FILE           write the ground truth JSON here
  --overlap-rate R       share of boundaries that repeat the previous chunk's tail (${DEFAULTS.overlapRate})
  --approximate-rate R   share of repeats that are re-transcribed, not exact (${DEFAULTS.approximateRate})
  --backwards-rate R     share of chunks that start before the previous one ended (${DEFAULTS.backwardsRate})
  --implicit-rate R      share of boundaries with no marker, only a format change (${DEFAULTS.implicitRate})
  --split-rate R         share of chunks that end mid-turn (${DEFAULTS.splitRate})
  --malformed N          break N stamps (${DEFAULTS.malformed})
  --clean                an ordinary transcript: one format, no overlaps, no reordering
  --style NAME           the format of a clean transcript (${DEFAULTS.cleanStyle}); one of
                         ${Object.keys(STYLES).join(', ')}
  --random-start         start at an utterance the seed picks
  --formats A,B,...      chunk formats in this order, one per chunk, repeated (default: drawn at random)
  --chunks N             stop after N chunks instead of at --bytes
  --csv FILE             the debates CSV (default ../shared/data/debates-2016.csv)
`;

/**
 * @template {number | undefined} F
 * @param {Record<string, string | boolean | undefined>} values
 * @param {string} name
 * @param {F} fallback
 * @param {{ integer?: boolean, min?: number, max?: number }} [limits]
 * @returns {number | F}
 */
function numberOption(values, name, fallback, { integer = false, min = 0, max = Infinity } = {}) {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not ${raw}`);
  }
  return n;
}

class UsageError extends Error {}

export function main(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      bytes: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
      'overlap-rate': { type: 'string' },
      'approximate-rate': { type: 'string' },
      'backwards-rate': { type: 'string' },
      'implicit-rate': { type: 'string' },
      'split-rate': { type: 'string' },
      malformed: { type: 'string' },
      clean: { type: 'boolean' },
      style: { type: 'string' },
      'random-start': { type: 'boolean' },
      formats: { type: 'string' },
      chunks: { type: 'string' },
      csv: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const rate = { min: 0, max: 1 };
  const options = {
    bytes: numberOption(values, 'bytes', DEFAULTS.bytes, { integer: true, min: 1 }),
    seed: numberOption(values, 'seed', DEFAULTS.seed, { integer: true, min: -(2 ** 31), max: 2 ** 31 - 1 }),
    overlapRate: numberOption(values, 'overlap-rate', DEFAULTS.overlapRate, rate),
    approximateRate: numberOption(values, 'approximate-rate', DEFAULTS.approximateRate, rate),
    backwardsRate: numberOption(values, 'backwards-rate', DEFAULTS.backwardsRate, rate),
    implicitRate: numberOption(values, 'implicit-rate', DEFAULTS.implicitRate, rate),
    splitRate: numberOption(values, 'split-rate', DEFAULTS.splitRate, rate),
    malformed: numberOption(values, 'malformed', DEFAULTS.malformed, { integer: true }),
    clean: values.clean ?? false,
    cleanStyle: values.style ?? DEFAULTS.cleanStyle,
    randomStart: values['random-start'] ?? false,
    formats: values.formats
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    chunks: numberOption(values, 'chunks', undefined, { integer: true, min: 1 }),
  };
  for (const name of [options.cleanStyle, ...(options.formats ?? [])]) {
    if (!Object.hasOwn(STYLES, name)) throw new UsageError(`--style and --formats take ${Object.keys(STYLES).join(', ')}; not ${name}`);
  }
  const { text, truth } = generateTranscript(options, loadDebateRows(values.csv ?? DEFAULT_CSV_PATH));
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  if (values.truth) writeFileSync(values.truth, `${JSON.stringify(truth, null, 1)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
    const usage = error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`generate-transcript: ${message}\n${usage ? 'Try --help.\n' : ''}`);
    process.exit(usage ? 2 : 1);
  }
}
