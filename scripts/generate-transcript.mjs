#!/usr/bin/env node
/**
 * Renders real debate speech (`../shared/data/debates-2016.csv`, CC0) into transcripts shaped
 * like the ones speech-to-text/LLM pipelines write: chunks in the seed's mixed formats, speaker
 * labels that restart per chunk, chunks that re-transcribe the end of the previous chunk (a few
 * words, or whole turns: more than 60 and more than 300 words), chunks joined with no marker and
 * no change of format, stamps that jump back where chunks meet, and speech-to-text loops inside
 * turns (`thank you. thank you. thank you.`). Alongside the text it writes the ground truth of
 * every overlap, loop and backwards stamp it made, and the text as it should read once mended,
 * so the checks and their fixes can be measured, not guessed.
 *
 * Same options and seed ⇒ byte-identical output. The committed sample was made with (the rates
 * at 0 switch off what came after it, so it stays as it was):
 *
 *   node scripts/generate-transcript.mjs --bytes 30000 --seed 2016 --malformed 2 \
 *     --long-repeat-rate 0 --very-long-repeat-rate 0 --unmarked-rate 0 --loop-rate 0 \
 *     --out sample/debate-2016.transcript --truth sample/debate-2016.truth.json
 *
 * Other uses:
 *   node scripts/generate-transcript.mjs --bytes 2000000 --seed 1 --out big.transcript --truth big.json
 *   node scripts/generate-transcript.mjs --clean --bytes 5000 --seed 7 --random-start   (an ordinary transcript)
 *   node scripts/generate-transcript.mjs --seed 3 --out t.transcript --mended t.mended.transcript
 *
 * As a module: `generateTranscript(options)` returns `{ text, truth, clean }`; see `DEFAULTS`.
 *
 * Truth positions are zero-based lines and UTF-16 code units, as LSP counts them. Overlap ranges
 * are word-aligned: from the first character of the first repeated word to the last character
 * of the last one, a word being a run of non-blank characters (punctuation attached to it, a
 * closing quote or trailing sentiment note not included). A repeat over several turns has a
 * range from its first word to its last, across the lines between, and `parts`, one range per
 * turn. A loop's range runs over all its copies.
 *
 * Where chunks meet (`truth.overlaps[].boundary`): `explicit` after a marker line, `implicit` where
 * only the format changes, `unmarked` where neither does; there the labels restart (`Speaker 1`
 * for someone the chunk before called otherwise) or a stamp goes back, or both
 * (`truth.chunks[].evidence`), as a reader would notice.
 *
 * `clean` is the text as a careful editor leaves it: the same chunks, markers, formats, labels,
 * stamps and sentiment notes, with one copy of each repeated passage and each loop reduced to
 * its first copy. Of the two copies of a passage it keeps the earlier (the original), unless the
 * earlier was cut off (its chunk ends mid-turn with `...`): then the later copy, which completes
 * it, stays and the earlier goes (`truth.overlaps[].kept`). Turns read whole after the mend:
 * - a turn that was only a copy goes; one that goes on with new speech keeps that speech;
 * - where the earlier, cut-off copy began inside a turn, that turn keeps its words up to the
 *   last sentence end before the copy, and the words of the unfinished sentence move to the
 *   start of the later copy (which is the same speaker's), so no word is lost and no turn ends
 *   or starts mid-sentence because of the mend.
 * Turns that begin or end mid-sentence for other reasons (a chunk cut off with no repeat, a long
 * sentence split across short turns) are left as the text has them. Stamps broken by
 * `--malformed` are whole in `clean`. With `--clean`, `clean` is the text itself.
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
 *   splitRate: number, longRepeatRate: number, veryLongRepeatRate: number, midTurnRate: number, unmarkedRate: number,
 *   loopRate: number, malformed: number, clean: boolean, cleanStyle: string, randomStart: boolean,
 *   formats: string[] | undefined, chunks: number | undefined,
 * }} GeneratorOptions
 */

/** @type {Readonly<GeneratorOptions>} */
export const DEFAULTS = Object.freeze({
  /** Stop adding chunks once the text reaches this many UTF-8 bytes. */
  bytes: 100_000,
  seed: 1,
  /** Share of chunk boundaries (those without a long repeat) where the next chunk repeats 6 to 28 words of the previous one's last turn. */
  overlapRate: 0.5,
  /** Share of those repeats that are re-transcribed (words dropped, added, changed). */
  approximateRate: 0.5,
  /** Share of chunks whose first stamp is set earlier than the latest stamp before it. */
  backwardsRate: 0.3,
  /** Share of boundaries with no marker, only a change of format (when the format does change). */
  implicitRate: 0.3,
  /** Share of chunks that end in the middle of a turn (`…a certain moment in...`). */
  splitRate: 0.35,
  /**
   * Share of boundaries where the next chunk opens by re-transcribing the last turns of the
   * previous one, 70 to 300 words of them, each turn in the new chunk's format and labels.
   * These come before `overlapRate`, which applies to the other boundaries.
   */
  longRepeatRate: 0.15,
  /** Likewise, more than 300 words (320 to 900): a chunk that starts well before the previous one ended. */
  veryLongRepeatRate: 0.08,
  /** Share of those long repeats that begin inside a turn; half of them mid-sentence, half at a sentence start. */
  midTurnRate: 0.5,
  /** Share of boundaries with no marker and no change of format (labels restart, or a stamp goes back). */
  unmarkedRate: 0.15,
  /**
   * Share of turns with a speech-to-text loop, a phrase of 1 to 6 words written 3 to 8 times in a
   * row, among the turns no repeat involves (about 1 in 40 of all turns on the debates).
   */
  loopRate: 0.065,
  /** How many stamps to break (`[00:75:00]`, `[1:2]`), so that problems show. */
  malformed: 0,
  /** One consistent format, explicit markers, no overlaps, no loops, no reordering, no broken stamps. */
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
 * @param {Draws} random
 * @param {RenderedTurn} turn
 */
function oneWordLabel(random, turn) {
  return turn.role === 'audience' ? CAPITALIZED_POLARITY[turn.polarity] : random.pick(ONE_WORD[turn.polarity]);
}

/**
 * A label for a `Sentiment: X` line, which takes anything from one word to sentences.
 * @param {Draws} random
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
 * @property {Draws} random
 * @property {(text: string, textStart?: number, stampInfo?: StampInfo) => Position} line
 *   Writes a line; returns where the turn text starts on it.
 */
/**
 * @typedef {object} Style
 * @property {string} signature
 * @property {boolean} stamped
 * @property {boolean} [sentences] Short, sentence-long turns.
 * @property {boolean} [named] Writes speakers' names, not the chunk's `Speaker N` labels.
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
    named: true,
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
    named: true,
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
    named: true,
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

/** Random choices, all made from `int`. */
class Draws {
  /**
   * @param {number} _min
   * @param {number} _max
   * @returns {number}
   */
  int(_min, _max) {
    throw new Error('Draws.int is abstract');
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

class Random extends Draws {
  /** @param {number} seed */
  constructor(seed) {
    super();
    this.rng = xoroshiro128plus(seed);
  }
  /**
   * @override
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return uniformInt(this.rng, min, max);
  }
}

/** Draws from `source`, noting each, so that a turn can be written again with the same sentiment label. */
class RecordedDraws extends Draws {
  /**
   * @param {Draws} source
   * @param {number[]} log
   */
  constructor(source, log) {
    super();
    this.source = source;
    this.log = log;
  }
  /**
   * @override
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    const value = this.source.int(min, max);
    this.log.push(value);
    return value;
  }
}

/** The draws a `RecordedDraws` noted, in order. */
class ReplayedDraws extends Draws {
  /** @param {readonly number[]} values */
  constructor(values) {
    super();
    this.values = values;
    this.next = 0;
  }
  /** @override */
  int() {
    if (this.next >= this.values.length) throw new Error('a turn written again drew more than the first time');
    return this.values[this.next++];
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

/** @typedef {'document-start' | 'implicit' | 'explicit' | 'unmarked'} Boundary */
/** @typedef {{ line: number, start: number, text: string, seconds: number, malformed?: boolean }} WrittenStamp */
/** @typedef {{ start: number, length: number, times: number }} Loop A phrase of `length` tokens from `start`, written `times` times. */
/**
 * A turn before it is written: `from` and `to` (token indexes in the utterance) only for one taken
 * whole from one utterance, not for a copy of earlier turns. `copyCount`: how many of a copy's
 * tokens repeat the earlier chunk (the rest is new speech).
 * @typedef {{ ordinal: number, tokens: string[], time: number, cut: boolean, copyCount?: number, loop?: Loop }
 *   & ({ from: number, to: number } | { from?: undefined, to?: undefined })} PlannedTurn
 */
/**
 * A turn as written. `clean` is its tokens in the clean text (undefined: the mend removes it);
 * `draws` what its sentiment note drew, so that the clean text writes the same note.
 * @typedef {{
 *   chunk: number, ordinal: number, label: string, time: number, tokens: string[], position: Position, draws: number[],
 *   from?: number, to?: number, copyCount: number, loop?: Loop, clean: string[] | undefined,
 * }} DocTurn
 */
/** @typedef {{ index: number, start: number }} OriginalTurn A turn of the earlier chunk that is repeated, from token `start`. */
/** @typedef {{ line: number, range: Range, text: string, seconds: number }} StampTruth */
/** @typedef {{ range: Range, text: string }} Located */
/** @typedef {Located & { parts: Located[] }} Copy One copy of a repeated passage: its range, and one range per turn. */
/**
 * @typedef {object} OverlapTruth
 * @property {number} chunk The chunk that opens with the repeat.
 * @property {Boundary} boundary
 * @property {'exact' | 'approximate'} kind
 * @property {number} words Words of the original.
 * @property {number} turns How many turns the repeat runs over.
 * @property {boolean} followedByNewContent The repeat's last turn goes on with new speech.
 * @property {boolean} cutOff The original ends its chunk mid-turn (`...`); the repeat completes it.
 * @property {boolean} beginsMidTurn The original begins inside a turn, not at its start.
 * @property {boolean} beginsMidSentence ... and not at a sentence start either.
 * @property {'original' | 'repeat'} kept Which copy the clean text keeps: the repeat when the original is cut off.
 * @property {Copy} repeat
 * @property {Copy} original
 */
/**
 * @typedef {object} Truth
 * @property {{ script: string, options: GeneratorOptions }} generator
 * @property {'utf-16'} positionEncoding
 * @property {number} lineCount
 * @property {{
 *   index: number, style: string, boundary: Boundary, startLine: number,
 *   endMarker?: { line: number, kind: MarkerKind }, evidence?: ('labels-restart' | 'stamp-back')[],
 * }[]} chunks
 * @property {OverlapTruth[]} overlaps
 * @property {{ chunk: number, range: Range, phrase: string, times: number }[]} loops
 * @property {(StampTruth & { latestBefore: { line: number, seconds: number } })[]} backwardsStamps
 * @property {(StampTruth & { previousLine: number })[]} repeatedStamps
 * @property {{ line: number, range: Range, text: string }[]} malformedStamps
 * @property {{ line: number, chunk: number, speaker: string }[]} turns Who speaks each turn (a line of its text, its chunk, the debate's speaker), whatever its label says.
 */

/** A token that ends a sentence: `.`, `?` or `!`, perhaps before a closing quote or bracket. */
const SENTENCE_END = /[.?!][\u201d)']?$/;

/**
 * Generates one transcript, its ground truth and the text it should become once mended (see the
 * header). `rows` defaults to the debates CSV. Pure: the same rows and options give the same result.
 * @param {Partial<GeneratorOptions>} [options]
 * @param {DebateRow[]} [rows]
 * @returns {{ text: string, truth: Truth, clean: string }}
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
    loops: [],
    backwardsStamps: [],
    repeatedStamps: [],
    malformedStamps: [],
    turns: [],
  };
  /** Every turn as written, in document order. @type {DocTurn[]} */
  const docTurns = [];

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
   * Whether the chunk may go on in the previous chunk's format with no marker: not after the
   * cast list, and with `formats` only where the list repeats a format.
   * @param {string} previousStyle
   * @param {number} chunkIndex
   */
  const mayJoinUnmarked = (previousStyle, chunkIndex) =>
    previousStyle !== 'cast' && (!o.formats?.length || o.formats[chunkIndex % o.formats.length] === previousStyle);

  /**
   * The previous chunk: its style and labels, its turns as written, the last one if it can be
   * repeated word for word, and the turns the next chunk is to repeat when a long repeat was planned.
   * @type {{
   *   styleName: string, endedMidTurn: boolean, labels: Map<string, string>, turns: DocTurn[],
   *   lastTurn: { index: number, ordinal: number, to: number, tokens: string[] } | undefined,
   *   originals: OriginalTurn[] | undefined,
   * } | undefined}
   */
  let previous;
  let latestShownSeconds = -1;

  const more = () => (o.chunks ? truth.chunks.length < o.chunks : bytes < o.bytes);
  while (truth.chunks.length === 0 || more()) {
    const chunkIndex = truth.chunks.length;

    /** @type {Boundary} */
    let boundary = 'document-start';
    /** @type {MarkerKind | undefined} */
    let markerKind;
    let styleName;
    if (previous && !o.clean && mayJoinUnmarked(previous.styleName, chunkIndex) && random.chance(o.unmarkedRate)) {
      styleName = previous.styleName;
      boundary = 'unmarked';
    } else {
      styleName = drawStyle(previous?.styleName, chunkIndex);
      if (previous) {
        const implicit = !o.clean && STYLES[previous.styleName].signature !== STYLES[styleName].signature && random.chance(o.implicitRate);
        if (implicit) {
          boundary = 'implicit';
        } else {
          boundary = 'explicit';
          markerKind = o.clean || random.chance(0.6) ? 'continues' : 'continues-bracketed';
        }
      }
    }
    const style = STYLES[styleName];

    const turnCount = styleName === 'cast' ? random.int(4, 9) : style.sentences ? random.int(5, 12) : random.int(3, 8);
    /** @type {PlannedTurn[]} */
    const turns = [];
    /**
     * The repeat this chunk opens with: which turns of the previous chunk it repeats, and how.
     * @type {{ originals: OriginalTurn[], approximate: boolean, followedByNewContent: boolean } | undefined}
     */
    let seam;

    // The opening: a repeat of the previous chunk's last turns, of its last turn's tail, the rest
    // of a turn cut off there, or new speech.
    const last = previous?.lastTurn;
    if (previous?.originals) {
      const approximate = random.chance(o.approximateRate);
      for (const { index, start } of previous.originals) {
        const turn = previous.turns[index];
        const from = /** @type {number} */ (turn.from) + start;
        const spoken = utteranceAt(turn.ordinal).tokens.slice(from, turn.to);
        // A re-transcription keeps the first and last words, so it needs three to change one.
        const copy = approximate && spoken.length >= 3 ? retranscribe(spoken, random) : spoken;
        turns.push({ ordinal: turn.ordinal, tokens: copy, time: timeOf(turn.ordinal, from), cut: false, copyCount: copy.length });
      }
      // A turn cut off at the end of the previous chunk is completed: the rest of it follows the copy.
      if (previous.endedMidTurn) {
        const final = turns[turns.length - 1];
        final.tokens = [...final.tokens, ...take(style.sentences).tokens];
      }
      seam = { originals: previous.originals, approximate, followedByNewContent: previous.endedMidTurn };
    } else {
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
          copyCount: repeatTokens.length,
        });
        seam = {
          originals: [{ index: last.index, start: last.tokens.length - taken }],
          approximate,
          followedByNewContent: continuation !== undefined,
        };
      }
    }

    // Whether the next chunk is to repeat many words of this one: then this one must have them.
    let target = 0;
    let most = Infinity;
    if (!o.clean && (o.longRepeatRate > 0 || o.veryLongRepeatRate > 0)) {
      const draw = random.int(0, 999_999);
      if (draw < o.veryLongRepeatRate * 1_000_000) {
        target = random.int(320, 900);
      } else if (draw < (o.veryLongRepeatRate + o.longRepeatRate) * 1_000_000) {
        target = random.int(70, 280);
        most = 300;
      }
      // A chunk that is likely the last one has no next chunk to repeat it: no need to make it longer.
      if (o.chunks ? chunkIndex + 1 >= o.chunks : bytes + 8 * target >= o.bytes) target = 0;
    }

    // New speech, at least two turns of it (one to keep when the next chunk repeats the rest), and
    // enough before the last turn for the planned repeat (the last turn may yet be cut short).
    let newTurns = 0;
    while (turns.length < turnCount || newTurns < 2 || (target > 0 && repeatableWords(turns) < target)) {
      const piece = take(style.sentences);
      turns.push({
        ordinal: piece.ordinal,
        tokens: piece.tokens,
        time: timeOf(piece.ordinal, piece.from),
        from: piece.from,
        to: piece.to,
        cut: false,
      });
      newTurns++;
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

    const originals = target > 0 ? locateOriginal(turns, target, most, o.midTurnRate, random) : undefined;

    // Loops, in turns of new speech that no repeat involves: not the last turn (the next chunk
    // may repeat its tail) nor any the next chunk is to repeat.
    const firstRepeatable = originals ? originals[0].index : turns.length - 1;
    for (let i = 0; i < firstRepeatable; i++) {
      const turn = turns[i];
      if (!o.clean && turn.from !== undefined && random.chance(o.loopRate)) addLoop(turn, random);
    }

    const latestBefore = latestShownSeconds;
    if (style.stamped) {
      // A chunk that starts before the previous one ended, as pipelines' chunk clocks do.
      if (!o.clean && latestShownSeconds >= 0 && random.chance(o.backwardsRate)) {
        turns[0].time = Math.max(0, Math.min(turns[0].time, latestShownSeconds - random.int(1, 12)));
      } else if (!seam) {
        // Sentence turns of a fast speaker can run ahead of the speech clock: never go back by accident.
        turns[0].time = Math.max(turns[0].time, latestShownSeconds + 1);
      }
      // Within a chunk stamps strictly increase.
      for (let i = 1; i < turns.length; i++) turns[i].time = Math.max(turns[i].time, turns[i - 1].time + 1);
      latestShownSeconds = Math.max(latestShownSeconds, ...turns.map((t) => t.time));
    }

    /** @type {Map<string, string>} */
    const labels = new Map();
    for (const turn of turns) {
      const { key } = utteranceAt(turn.ordinal);
      if (!labels.has(key)) labels.set(key, `Speaker ${labels.size + 1}`);
    }

    // A join with no marker and no change of format shows in the labels or the stamps; where
    // neither would show it, a stamp goes back, or (with no stamps) the join gets its marker.
    /** @type {('labels-restart' | 'stamp-back')[]} */
    const evidence = [];
    if (boundary === 'unmarked' && previous) {
      if (!style.named && labelsRestart(previous.labels, labels)) evidence.push('labels-restart');
      if (style.stamped && turns[0].time < latestBefore) evidence.push('stamp-back');
      if (evidence.length === 0 && style.stamped && latestBefore > 0) {
        turns[0].time = Math.max(0, latestBefore - random.int(1, 12));
        evidence.push('stamp-back');
      } else if (evidence.length === 0) {
        boundary = 'explicit';
        markerKind = 'continues';
      }
    }

    if (markerKind) {
      const markerLine = writer.line(MARKERS[markerKind]).line;
      writer.line('');
      truth.chunks[chunkIndex - 1].endMarker = { line: markerLine, kind: markerKind };
    }

    // Every renderer writes a turn's header first, so this is the chunk's first header line.
    const startLine = lines.length;
    /** @type {DocTurn[]} */
    const written = [];
    for (let i = 0; i < turns.length; i++) {
      const turn = turns[i];
      const u = utteranceAt(turn.ordinal);
      const tokens = turn.cut ? [...turn.tokens.slice(0, -1), cutMark(turn.tokens[turn.tokens.length - 1])] : turn.tokens;
      const label = /** @type {string} */ (labels.get(u.key));
      /** @type {number[]} */
      const draws = [];
      writer.random = new RecordedDraws(random, draws);
      const position = style.render({ ...u, label, indexInChunk: i, time: turn.time, tokens, text: tokens.join(' ') }, writer);
      writer.random = random;
      const { loop } = turn;
      const clean = loop ? [...tokens.slice(0, loop.start + loop.length), ...tokens.slice(loop.start + loop.length * loop.times)] : tokens;
      const docTurn = { chunk: chunkIndex, ordinal: turn.ordinal, label, time: turn.time, tokens, position, draws, from: turn.from, to: turn.to };
      written.push({ ...docTurn, copyCount: turn.copyCount ?? 0, loop, clean });
      truth.turns.push({ line: position.line, chunk: chunkIndex, speaker: u.key });
      if (loop) {
        truth.loops.push({
          chunk: chunkIndex,
          range: range(
            position.line,
            wordStart(position, tokens, loop.start),
            position.line,
            wordEnd(position, tokens, loop.start + loop.length * loop.times - 1),
          ),
          phrase: tokens.slice(loop.start, loop.start + loop.length).join(' '),
          times: loop.times,
        });
      }
    }
    docTurns.push(...written);
    if (lines[lines.length - 1] !== '') writer.line('');

    truth.chunks.push({ index: chunkIndex, style: styleName, boundary, startLine, ...(evidence.length ? { evidence } : {}) });

    if (seam && previous) {
      const before = previous.turns;
      const copies = written.slice(0, seam.originals.length);
      const originalTurns = seam.originals.map(({ index, start }) => ({ turn: before[index], start }));
      // Ranges run from the first to the last token with a letter or digit: a trailing `--` is no word.
      const repeat = copyOf(
        lines,
        copies.map((t) => [t, 0, lastWordIndex(t.tokens, t.copyCount)]),
      );
      const original = copyOf(
        lines,
        originalTurns.map(({ turn, start }) => [turn, start, lastWordIndex(turn.tokens, turn.tokens.length)]),
      );
      const [{ turn: first, start }] = originalTurns;
      const cutOff = previous.endedMidTurn;
      truth.overlaps.push({
        chunk: chunkIndex,
        boundary,
        kind: seam.approximate ? 'approximate' : 'exact',
        words: original.parts.reduce((n, part) => n + part.text.split(' ').filter(isWord).length, 0),
        turns: copies.length,
        followedByNewContent: seam.followedByNewContent,
        cutOff,
        beginsMidTurn: start > 0,
        beginsMidSentence: start > 0 && !SENTENCE_END.test(first.tokens[start - 1]),
        kept: cutOff ? 'repeat' : 'original',
        repeat,
        original,
      });
      mend(copies, originalTurns, cutOff);
    }

    const finalIndex = turns.length - 1;
    const finalTurn = turns[finalIndex];
    previous = {
      styleName,
      endedMidTurn,
      labels,
      turns: written,
      // Only a turn written whole from one utterance can be repeated word for word.
      lastTurn:
        finalTurn.from !== undefined
          ? { index: finalIndex, ordinal: finalTurn.ordinal, to: finalTurn.to, tokens: written[finalIndex].tokens }
          : undefined,
      originals,
    };
  }
  const lastMarkerLine = writer.line(MARKERS.last).line;
  truth.chunks[truth.chunks.length - 1].endMarker = { line: lastMarkerLine, kind: 'last' };

  breakStamps(lines, stamps, truth, o.malformed, random);
  recordStampOrder(stamps, truth);
  truth.lineCount = lines.length + 1;
  return { text: `${lines.join('\n')}\n`, truth, clean: writeClean(docTurns, truth, utteranceAt) };
}

/**
 * Words of the turns of new speech a repeat may take: all but the first (which the chunk keeps)
 * and the last (which may yet be cut short).
 * @param {PlannedTurn[]} turns
 */
function repeatableWords(turns) {
  const firstNew = turns.findIndex((t) => t.from !== undefined);
  if (firstNew < 0) return 0;
  return turns.slice(firstNew + 1, -1).reduce((n, t) => n + wordCount(t.tokens), 0);
}

/** @param {readonly string[]} tokens */
function wordCount(tokens) {
  return tokens.filter(isWord).length;
}

/**
 * Where a long repeat's original starts: back from the chunk's end over whole turns until it has
 * `target` words, the first of them kept out. It begins inside a turn when `midTurnRate` says so
 * or when the whole turn would take it past `most` words: then it has `target` words exactly, or
 * starts at the sentence start before that point (half the time, when that stays within `most`).
 * @param {PlannedTurn[]} turns
 * @param {number} target
 * @param {number} most
 * @param {number} midTurnRate
 * @param {Random} random
 * @returns {OriginalTurn[]}
 */
function locateOriginal(turns, target, most, midTurnRate, random) {
  const firstNew = turns.findIndex((t) => t.from !== undefined);
  let index = turns.length - 1;
  let after = 0;
  while (index > firstNew + 1 && after + wordCount(turns[index].tokens) < target) after += wordCount(turns[index--].tokens);
  const { tokens } = turns[index];
  const own = wordCount(tokens);
  let start = 0;
  if (own >= 2 && (after + own > most || random.chance(midTurnRate))) {
    // The word that leaves `need` words to the end of the turn, one at least kept before it.
    const need = Math.max(1, Math.min(own - 1, target - after));
    let seen = 0;
    start = tokens.length;
    while (seen < need) if (isWord(tokens[--start])) seen++;
    if (random.chance(0.5)) {
      let sentenceStart = start;
      while (sentenceStart > 0 && !SENTENCE_END.test(tokens[sentenceStart - 1])) sentenceStart--;
      while (sentenceStart > 0 && sentenceStart < start && !isWord(tokens[sentenceStart])) sentenceStart++;
      if (sentenceStart > 0 && after + wordCount(tokens.slice(sentenceStart)) <= most) start = sentenceStart;
    }
  }
  return turns.slice(index).map((_, i) => ({ index: index + i, start: i === 0 ? start : 0 }));
}

/**
 * Writes a phrase of 1 to 6 words of the turn 3 to 8 times in a row, as speech-to-text does when
 * it loops; half the time the phrase ends a sentence (`thank you.`).
 * @param {PlannedTurn} turn
 * @param {Random} random
 */
function addLoop(turn, random) {
  const { tokens } = turn;
  const length = random.int(1, Math.min(6, tokens.length));
  const ends = tokens.map((_, i) => i).filter((i) => i >= length - 1 && SENTENCE_END.test(tokens[i]));
  const end = ends.length > 0 && random.chance(0.5) ? random.pick(ends) : random.int(length - 1, tokens.length - 1);
  const phrase = tokens.slice(end - length + 1, end + 1);
  if (!isWord(phrase[0]) || !isWord(phrase[phrase.length - 1])) return;
  const times = random.int(3, 8);
  turn.tokens = [...tokens.slice(0, end + 1), ...Array.from({ length: times - 1 }, () => phrase).flat(), ...tokens.slice(end + 1)];
  turn.loop = { start: end - length + 1, length, times };
}

/**
 * Whether a reader sees the labels restart: someone labelled otherwise than in the chunk before,
 * or a label the chunk before gave someone else.
 * @param {Map<string, string>} before
 * @param {Map<string, string>} now
 */
function labelsRestart(before, now) {
  const whoBefore = new Map([...before].map(([key, label]) => [label, key]));
  return [...now].some(([key, label]) => (before.has(key) && before.get(key) !== label) || (whoBefore.has(label) && whoBefore.get(label) !== key));
}

/**
 * One copy of a passage, from `[turn, first token, last word's token]` per turn.
 * @param {string[]} lines
 * @param {[DocTurn, number, number][]} pieces
 * @returns {Copy}
 */
function copyOf(lines, pieces) {
  const parts = pieces.map(([turn, first, lastWord]) => {
    const { line } = turn.position;
    const start = wordStart(turn.position, turn.tokens, first);
    const end = wordEnd(turn.position, turn.tokens, lastWord);
    return { range: range(line, start, line, end), text: lines[line].slice(start, end) };
  });
  const { start } = parts[0].range;
  const { end } = parts[parts.length - 1].range;
  const text = lines
    .slice(start.line, end.line + 1)
    .join('\n')
    .slice(start.character, -(lines[end.line].length - end.character) || undefined);
  return { range: range(start.line, start.character, end.line, end.character), text, parts };
}

/**
 * Mends one seam in the clean text (see the header): drops the copy that goes, and where the
 * earlier, cut-off copy began mid-sentence, moves that sentence's first words to the later copy.
 * @param {DocTurn[]} copies The later chunk's turns that repeat.
 * @param {{ turn: DocTurn, start: number }[]} originals The earlier chunk's turns they repeat, each from `start`.
 * @param {boolean} cutOff
 */
function mend(copies, originals, cutOff) {
  if (!cutOff) {
    for (const copy of copies) copy.clean = copy.copyCount < copy.tokens.length ? copy.tokens.slice(copy.copyCount) : undefined;
    return;
  }
  for (const [n, { turn, start }] of originals.entries()) {
    if (n > 0 || start === 0) {
      turn.clean = undefined;
      continue;
    }
    let keep = start;
    while (keep > 0 && !SENTENCE_END.test(turn.tokens[keep - 1])) keep--;
    turn.clean = keep > 0 ? turn.tokens.slice(0, keep) : undefined;
    const fragment = turn.tokens.slice(keep, start);
    // The later copy's first word, as the original wrote it: it no longer starts the turn.
    const [first] = copies;
    if (fragment.length > 0 && first.clean) first.clean = [...fragment, turn.tokens[start], ...first.clean.slice(1)];
  }
}

/**
 * The clean text: every chunk with its marker, in its format, each turn with its label, stamp and
 * sentiment note as written, its words as the mend left them; turns the mend removed left out.
 * @param {DocTurn[]} docTurns
 * @param {Truth} truth
 * @param {(ordinal: number) => Utterance} utteranceAt
 */
function writeClean(docTurns, truth, utteranceAt) {
  /** @type {string[]} */
  const out = [];
  /** @type {Writer} */
  const writer = {
    random: new ReplayedDraws([]),
    line(text, textStart = 0) {
      out.push(text);
      return { line: out.length - 1, character: textStart };
    },
  };
  let next = 0;
  for (const chunk of truth.chunks) {
    const before = truth.chunks[chunk.index - 1]?.endMarker;
    if (before) {
      writer.line(MARKERS[before.kind]);
      writer.line('');
    }
    let indexInChunk = 0;
    for (; next < docTurns.length && docTurns[next].chunk === chunk.index; next++) {
      const turn = docTurns[next];
      if (!turn.clean || turn.clean.length === 0) continue;
      writer.random = new ReplayedDraws(turn.draws);
      const { clean: tokens } = turn;
      const rendered = {
        ...utteranceAt(turn.ordinal),
        label: turn.label,
        indexInChunk: indexInChunk++,
        time: turn.time,
        tokens,
        text: tokens.join(' '),
      };
      STYLES[chunk.style].render(rendered, writer);
    }
    if (out[out.length - 1] !== '') writer.line('');
  }
  writer.line(MARKERS.last);
  return `${out.join('\n')}\n`;
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
 * Where token `index` of a turn's text, written from `position` with single spaces, starts.
 * @param {Position} position
 * @param {string[]} tokens
 * @param {number} index
 */
function wordStart(position, tokens, index) {
  let c = position.character;
  for (let i = 0; i < index; i++) c += tokens[i].length + 1;
  return c;
}

/**
 * @param {Position} position
 * @param {string[]} tokens
 * @param {number} index
 */
function wordEnd(position, tokens, index) {
  return wordStart(position, tokens, index) + tokens[index].length;
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
  // A broken stamp can be shorter than the whole one: never on a line whose ranges the truth gives.
  const busy = new Set([
    ...truth.overlaps.flatMap((o) => [...o.repeat.parts, ...o.original.parts].map((p) => p.range.start.line)),
    ...truth.loops.map((l) => l.range.start.line),
  ]);
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
  --mended FILE          write the text as it should read with every seam mended and every loop reduced
  --overlap-rate R       share of boundaries that repeat the previous chunk's tail (${DEFAULTS.overlapRate})
  --approximate-rate R   share of repeats that are re-transcribed, not exact (${DEFAULTS.approximateRate})
  --backwards-rate R     share of chunks that start before the previous one ended (${DEFAULTS.backwardsRate})
  --implicit-rate R      share of boundaries with no marker, only a format change (${DEFAULTS.implicitRate})
  --split-rate R         share of chunks that end mid-turn (${DEFAULTS.splitRate})
  --long-repeat-rate R   share of boundaries where the next chunk repeats the last turns, 70-300 words (${DEFAULTS.longRepeatRate})
  --very-long-repeat-rate R
                         the same with 320-900 words (${DEFAULTS.veryLongRepeatRate})
  --mid-turn-rate R      share of those long repeats that begin inside a turn (${DEFAULTS.midTurnRate})
  --unmarked-rate R      share of boundaries with no marker and no format change (${DEFAULTS.unmarkedRate})
  --loop-rate R          share of turns outside repeats with a phrase looped 3-8 times, as speech-to-text does (${DEFAULTS.loopRate})
  --malformed N          break N stamps (${DEFAULTS.malformed})
  --clean                an ordinary transcript: one format, no overlaps, no loops, no reordering
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
      'long-repeat-rate': { type: 'string' },
      'very-long-repeat-rate': { type: 'string' },
      'mid-turn-rate': { type: 'string' },
      'unmarked-rate': { type: 'string' },
      'loop-rate': { type: 'string' },
      mended: { type: 'string' },
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
    longRepeatRate: numberOption(values, 'long-repeat-rate', DEFAULTS.longRepeatRate, rate),
    veryLongRepeatRate: numberOption(values, 'very-long-repeat-rate', DEFAULTS.veryLongRepeatRate, rate),
    midTurnRate: numberOption(values, 'mid-turn-rate', DEFAULTS.midTurnRate, rate),
    unmarkedRate: numberOption(values, 'unmarked-rate', DEFAULTS.unmarkedRate, rate),
    loopRate: numberOption(values, 'loop-rate', DEFAULTS.loopRate, rate),
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
  if (options.longRepeatRate + options.veryLongRepeatRate > 1)
    throw new UsageError('--long-repeat-rate and --very-long-repeat-rate add up to more than 1');
  const { text, truth, clean } = generateTranscript(options, loadDebateRows(values.csv ?? DEFAULT_CSV_PATH));
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  if (values.truth) writeFileSync(values.truth, `${JSON.stringify(truth, null, 1)}\n`);
  if (values.mended) writeFileSync(values.mended, clean);
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
