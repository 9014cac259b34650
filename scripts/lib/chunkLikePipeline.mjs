/**
 * Cuts a real transcript into chunks the way speech-to-text/LLM pipelines hand them back, so that
 * the overlap check and Fix All can be measured on real speech instead of generated speech.
 *
 * The transcript is split between turns into chunks of a few hundred to about 1,500 words. Each
 * chunk after the first starts by repeating the end of the chunk before it, as a pipeline that
 * re-transcribes a little of the audio before each cut does:
 *
 * - the last one to three sentences of the last turn (its header written again), or the last one
 *   to three whole turns, copied line for line so the layout stays the file's own;
 * - about one seam in five repeats 60–150 words, and one in fifteen over 300 (several turns);
 * - about a third of the copies are re-transcribed: a word or two changed, dropped or added
 *   (never the first or last word);
 * - about a quarter of the seams cut the earlier chunk's last turn off mid-sentence (`moment in...`)
 *   and the next chunk repeats that turn whole; the words a re-transcription changes are then in
 *   the cut-off text, so that keeping the complete turn restores the original;
 * - about half of the seams have a marker line, `This chunk continues in the next part.`, with
 *   blank lines around it; the others have none.
 *
 * `clean` is the input unchanged: mending every seam (dropping each repeat, or for a cut-off seam
 * the cut-off original, and each marker) gives it back word for word.
 *
 * Ranges are LSP ranges in `text` as returned: zero-based lines and UTF-16 code units, a line
 * ending at `\r\n`, `\n` or `\r`, a byte-order mark counting as the first character of line 0 (no
 * range is ever on line 0, where a reader that strips the mark would count one less). A range runs
 * from the first character of its first word to the last character of its last word, a word being
 * a run of non-blank characters; a copy's header (label, stamp, cue timing) is part of it, as it is
 * part of what the pipeline wrote again.
 *
 * Same text, seed and options ⇒ the same output.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** @typedef {{ line: number, character: number }} Position */
/** @typedef {{ start: Position, end: Position }} Range */
/** @typedef {{ range: Range, text: string }} Located */
/**
 * One seam's ground truth.
 * - `boundary`: whether a marker line stands between the chunks.
 * - `kind`: `approximate` when words of the copy (or, cut off, of the earlier text) were changed.
 * - `words`: how many spoken words the repeat holds (headers, stamps and labels not counted).
 * - `cutOff`: the earlier chunk's last turn stops mid-sentence with `...`; `original` is that
 *   cut-off text and `repeat` the complete turn(s).
 * - `repeat`: the later copy; `original`: the earlier text it repeats. For a copy of the last
 *   sentences of a turn, `original` is those sentences and `repeat` holds the header written again.
 * @typedef {{
 *   boundary: 'marker' | 'unmarked', kind: 'exact' | 'approximate', words: number, cutOff: boolean,
 *   repeat: Located, original: Located,
 * }} Overlap
 */
/**
 * @typedef {{
 *   text: string, clean: string,
 *   truth: { overlaps: Overlap[], markers: Located[], chunks: number },
 * }} ChunkedTranscript
 */
/** What the module needs of the language service: its reading of the turns. */
/** @typedef {Pick<import('../../server/src/service/index.ts').TranscriptLanguageService, 'model'>} TurnReader */
/**
 * @typedef {object} ChunkOptions
 * @property {number} seed
 * @property {TurnReader} service the bundled language service (`createTranscriptService()`)
 * @property {readonly [number, number]} [chunkWords] the least and most spoken words a chunk aims at
 */

export const MARKER = 'This chunk continues in the next part.';
/** A text with fewer turns is not chunked. */
export const MIN_TURNS = 6;
export const DEFAULT_CHUNK_WORDS = /** @type {const} */ ([300, 1500]);

const MARKER_RATE = 0.5;
const CUT_OFF_RATE = 0.25;
const APPROXIMATE_RATE = 1 / 3;
const LONG_RATE = 1 / 15;
const MEDIUM_RATE = 1 / 5;
/** Spoken words of a medium and a long repeat: the long one is over 300 words. */
const MEDIUM_WORDS = /** @type {const} */ ([60, 150]);
const LONG_WORDS = /** @type {const} */ ([301, 600]);

/** Words a re-transcription adds. */
const FILLERS = ['um', 'uh', 'like', 'so', 'just', 'really', 'actually', 'you know,'];
/** Words a re-transcription hears instead of another. */
const SUBSTITUTES = ['the', 'a', 'that', 'this', 'and', 'then', 'it', 'there', 'very', 'well'];
/** A word a re-transcription may change or drop: letters, no punctuation that ends a clause. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z'\u2019-]*$/;
/** A word that ends a sentence, closing quotes and brackets allowed after the mark. */
const SENTENCE_END = /[.!?]["'\u201d\u2019)\]]*$/;

/**
 * @param {string} text a transcript, as read from its file (a BOM and CRLF line ends are kept)
 * @param {ChunkOptions} options
 * @returns {ChunkedTranscript | undefined} undefined for a text with fewer than `MIN_TURNS` turns
 */
export function chunkLikePipeline(text, { seed, service, chunkWords = DEFAULT_CHUNK_WORDS }) {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const source = readSource(body, service);
  if (source.turns.length < MIN_TURNS) return undefined;
  const random = new Random(mixSeed(seed, body));
  const chunks = planChunks(source, random, chunkWords);
  const seams = chunks.slice(0, -1).map((chunk) => realizeSeam(source, chunk, random));
  return assemble(text, bom, source, chunks, seams);
}

// ---------------------------------------------------------------------------------------------
// The source: lines, and the turns as the language service reads them.

/**
 * @typedef {{ start: number, end: number }} Span offsets in the body (the text without its BOM)
 * @typedef {{ firstLine: number, lastLine: number, blockLine: number, cuttable: boolean, words: Span[], sentences: number[] }} SourceTurn
 *   `blockLine`: where the turn's block starts, the first non-blank line after the turn before it
 *   (a cue number or a heading before the turn is part of its block); `cuttable`: a chunk may start
 *   at this turn (it does not share a line with the turn before); `sentences`: the indices of the
 *   words that start a sentence.
 * @typedef {{ body: string, lineStarts: number[], eol: string, turns: SourceTurn[] }} Source
 */

/**
 * @param {string} body
 * @param {TurnReader} service
 * @returns {Source}
 */
function readSource(body, service) {
  const lineStarts = lineOffsets(body);
  const model = service.model({ uri: 'file:///chunk-like-pipeline.transcript', version: 1, getText: () => body });
  /** @param {Position} p */
  const offset = (p) => (lineStarts[p.line] ?? body.length) + p.character;
  /** @type {SourceTurn[]} */
  const turns = [];
  for (const turn of model.turns) {
    /** @type {Span[]} */
    const words = [];
    for (const segment of turn.segments) {
      const from = offset(segment.range.start);
      const to = offset(segment.range.end);
      for (const match of body.slice(from, to).matchAll(/\S+/g)) words.push({ start: from + match.index, end: from + match.index + match[0].length });
    }
    const previous = turns.at(-1);
    const firstLine = turn.range.start.line;
    const cuttable = previous === undefined || firstLine > previous.lastLine;
    let blockLine = firstLine;
    if (previous !== undefined && cuttable) {
      blockLine = previous.lastLine + 1;
      while (blockLine < firstLine && isBlank(body, lineStarts, blockLine)) blockLine++;
    }
    const sentences = words.length === 0 ? [] : [0];
    for (let w = 1; w < words.length; w++) {
      const before = /** @type {Span} */ (words[w - 1]);
      if (SENTENCE_END.test(body.slice(before.start, before.end))) sentences.push(w);
    }
    turns.push({ firstLine, lastLine: turn.range.end.line, blockLine, cuttable, words, sentences });
  }
  return { body, lineStarts, eol: dominantEol(body), turns };
}

/**
 * Line starts, a line ending at `\r\n`, `\n` or `\r`, as the language service counts lines.
 * @param {string} text
 */
function lineOffsets(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) starts.push(i + 1);
  }
  return starts;
}

/**
 * @param {string} body
 * @param {number[]} lineStarts
 * @param {number} line
 */
function isBlank(body, lineStarts, line) {
  return body.slice(lineStarts[line], lineStarts[line + 1] ?? body.length).trim() === '';
}

/** @param {string} body */
function dominantEol(body) {
  const crlf = body.split('\r\n').length - 1;
  const lf = body.split('\n').length - 1 - crlf;
  const cr = body.split('\r').length - 1 - crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * The offset after a line's terminator (the next line's start, or the end of the text).
 * @param {Source} source
 * @param {number} line
 */
function lineNext(source, line) {
  return source.lineStarts[line + 1] ?? source.body.length;
}

/**
 * The end of a line's last non-blank character.
 * @param {Source} source
 * @param {number} line
 */
function lineContentEnd(source, line) {
  let end = lineNext(source, line);
  const start = source.lineStarts[line] ?? end;
  while (end > start && /\s/.test(source.body.charAt(end - 1))) end--;
  return end;
}

/**
 * The first non-blank character at or after `from`.
 * @param {string} body
 * @param {number} from
 */
function skipBlanks(body, from) {
  let at = from;
  while (at < body.length && /\s/.test(body.charAt(at))) at++;
  return at;
}

// ---------------------------------------------------------------------------------------------
// The plan: where chunks end, and what each seam repeats.

/**
 * @typedef {{ first: number, last: number, seam: SeamPlan }} Chunk turn indices, both included;
 *   `seam` is what happens where this chunk ends (drawn for the last chunk too, and not used).
 * @typedef {{ marker: boolean, size: 'short' | 'medium' | 'long', cutOff: boolean, approximate: boolean, unit: 'sentences' | 'turns', count: number }} SeamPlan
 */

/** @param {Random} random @returns {SeamPlan} */
function drawSeam(random) {
  const marker = random.chance(MARKER_RATE);
  const roll = random.int(0, 999_999) / 1_000_000;
  const size = roll < LONG_RATE ? 'long' : roll < LONG_RATE + MEDIUM_RATE ? 'medium' : 'short';
  const cutOff = random.chance(CUT_OFF_RATE);
  const approximate = random.chance(APPROXIMATE_RATE);
  const unit = random.chance(0.5) ? 'sentences' : 'turns';
  const count = random.int(1, 3);
  return { marker, size, cutOff, approximate, unit, count };
}

/**
 * @param {Source} source
 * @param {Random} random
 * @param {readonly [number, number]} chunkWords
 * @returns {Chunk[]}
 */
function planChunks(source, random, [least, most]) {
  const { turns } = source;
  const total = turns.reduce((sum, turn) => sum + turn.words.length, 0);
  /** @type {Chunk[]} */
  const chunks = [];
  let first = 0;
  let wordsLeft = total;
  while (first < turns.length) {
    const seam = drawSeam(random);
    // A long repeat needs a chunk with more than its 300 words to copy from.
    const floor = seam.size === 'long' ? Math.max(least, 2 * LONG_WORDS[0]) : least;
    const target = random.int(floor, Math.max(floor, most));
    let last = first;
    let words = /** @type {SourceTurn} */ (turns[first]).words.length;
    while (last + 1 < turns.length && (words < target || !(/** @type {SourceTurn} */ (turns[last + 1]).cuttable))) {
      last++;
      words += /** @type {SourceTurn} */ (turns[last]).words.length;
    }
    // What is left after this chunk is too little for a chunk of its own: it joins this one.
    if (wordsLeft - words < least / 2) last = turns.length - 1;
    chunks.push({ first, last, seam });
    wordsLeft -= words;
    first = last + 1;
  }
  if (chunks.length === 1) {
    // A short text still gets one seam, at the cuttable turn nearest its middle.
    const only = /** @type {Chunk} */ (chunks[0]);
    let middle = Math.floor(turns.length / 2);
    while (middle < turns.length - 1 && !(/** @type {SourceTurn} */ (turns[middle]).cuttable)) middle++;
    if (middle > 0 && /** @type {SourceTurn} */ (turns[middle]).cuttable) {
      return [
        { first: 0, last: middle - 1, seam: only.seam },
        { first: middle, last: turns.length - 1, seam: drawSeam(random) },
      ];
    }
  }
  return chunks;
}

/**
 * @typedef {{ at: number, remove: number, insert: string, delta: number }} Edit a change to the
 *   body at offset `at`; `delta` is what it does to the spoken word count.
 * @typedef {{
 *   plan: SeamPlan, chunk: Chunk, from: number, sentenceWord: number | undefined,
 *   cutAt: number | undefined, copyEdits: Edit[], originalEdits: Edit[], copyWords: number,
 * }} Seam
 *   The copy repeats turns `from`..`chunk.last`, from word `sentenceWord` of the first one when it
 *   starts mid-turn (its header written before it); `cutAt` is where a cut-off turn stops.
 */

/**
 * @param {Source} source
 * @param {Chunk} chunk
 * @param {Random} random
 * @returns {Seam}
 */
function realizeSeam(source, chunk, random) {
  const plan = chunk.seam;
  const { turns } = source;
  /** @param {number} t */
  const turn = (t) => /** @type {SourceTurn} */ (turns[t]);
  const last = turn(chunk.last);
  const cutOff = plan.cutOff && last.words.length >= 3;
  /** @type {number} */
  let from = chunk.last;
  /** @type {number | undefined} */
  let sentenceWord;

  /** @param {number} lowest @param {number} highest @returns {boolean} */
  const byWords = (lowest, highest) => {
    let t = chunk.last;
    let sum = turn(t).words.length;
    while (sum < lowest && t > chunk.first) sum += turn(--t).words.length;
    if (sum < lowest) return false;
    from = t;
    if (sum > highest && !cutOff) {
      // Start inside the first turn, at the earliest sentence that keeps the repeat short enough.
      const first = turn(t);
      const rest = sum - first.words.length;
      for (const start of first.sentences) {
        const words = rest + first.words.length - start;
        if (start > 0 && words <= highest && words >= lowest) {
          sentenceWord = start;
          break;
        }
      }
    }
    return true;
  };

  let sized = false;
  if (plan.size === 'long') sized = byWords(LONG_WORDS[0], LONG_WORDS[1]);
  if (!sized && plan.size !== 'short') sized = byWords(MEDIUM_WORDS[0], MEDIUM_WORDS[1]);
  if (!sized) {
    if (plan.unit === 'sentences' && !cutOff && last.sentences.length > plan.count) {
      sentenceWord = /** @type {number} */ (last.sentences[last.sentences.length - plan.count]);
    } else {
      from = Math.max(chunk.first, chunk.last - plan.count + 1);
    }
  }
  // A repeat holds words: turns without any (a stamp alone, music) do not make one.
  while (from > chunk.first && sentenceWord === undefined && spokenWords(source, from, chunk.last, undefined).length === 0) from--;

  /** @type {number | undefined} */
  let cutAt;
  /** @type {Span[]} the words a re-transcription may touch */
  let editable;
  if (cutOff) {
    const { words, sentences } = last;
    const lastSentence = /** @type {number} */ (sentences.at(-1));
    const lowest = Math.max(1, lastSentence) <= words.length - 2 ? Math.max(1, lastSentence) : 1;
    const kept = /** @type {Span} */ (words[random.int(lowest, words.length - 2)]);
    const token = source.body.slice(kept.start, kept.end);
    const bare = token.replace(/[.,;:!?]+$/, '');
    cutAt = kept.start + (bare === '' ? token.length : bare.length);
    editable = spokenWords(source, from, chunk.last, undefined).filter((w) => w.end <= kept.end);
  } else {
    editable = spokenWords(source, from, chunk.last, sentenceWord);
  }
  const edits = plan.approximate ? drawEdits(source, editable, random) : [];
  const copyWords = spokenWords(source, from, chunk.last, sentenceWord).length + (cutOff ? 0 : edits.reduce((sum, e) => sum + e.delta, 0));
  return {
    plan: { ...plan, cutOff },
    chunk,
    from,
    sentenceWord,
    cutAt,
    copyEdits: cutOff ? [] : edits,
    originalEdits: cutOff ? edits : [],
    copyWords,
  };
}

/**
 * The spoken words of turns `from`..`to`, from word `sentenceWord` of the first.
 * @param {Source} source
 * @param {number} from
 * @param {number} to
 * @param {number | undefined} sentenceWord
 */
function spokenWords(source, from, to, sentenceWord) {
  /** @type {Span[]} */
  const words = [];
  for (let t = from; t <= to; t++) {
    const turnWords = /** @type {SourceTurn} */ (source.turns[t]).words;
    words.push(...(t === from && sentenceWord !== undefined ? turnWords.slice(sentenceWord) : turnWords));
  }
  return words;
}

/**
 * One or two changes, never to the first or last word, each to a different word with a word
 * between them: a word changed, dropped or added.
 * @param {Source} source
 * @param {Span[]} words
 * @param {Random} random
 * @returns {Edit[]}
 */
function drawEdits(source, words, random) {
  const { body } = source;
  const inner = words.slice(1, -1).map((span, i) => ({ span, index: i + 1 }));
  const plain = inner.filter(({ span }) => PLAIN_WORD.test(body.slice(span.start, span.end)));
  if (inner.length === 0) return [];
  /** @type {Edit[]} */
  const edits = [];
  /** @type {number[]} */
  const used = [];
  const wanted = random.int(1, 2);
  for (let attempt = 0; attempt < 8 && edits.length < wanted; attempt++) {
    const kind = random.pick(/** @type {const} */ (['change', 'drop', 'add']));
    const pool = kind === 'add' ? inner : plain;
    if (pool.length === 0) continue;
    const { span, index } = random.pick(pool);
    if (used.some((u) => Math.abs(u - index) < 2)) continue;
    const word = body.slice(span.start, span.end);
    if (kind === 'add') {
      edits.push({ at: span.start, remove: 0, insert: `${random.pick(FILLERS)} `, delta: 1 });
    } else if (kind === 'change') {
      const options = SUBSTITUTES.filter((s) => s !== word.toLowerCase());
      const substitute = random.pick(options);
      const cased = /^[A-Z]/.test(word) ? substitute.charAt(0).toUpperCase() + substitute.slice(1) : substitute;
      edits.push({ at: span.start, remove: span.end - span.start, insert: cased, delta: 0 });
    } else {
      // Dropped with the blank after it, when the next word is on the same line; else the one before.
      const next = /** @type {Span} */ (words[index + 1]);
      const previous = /** @type {Span} */ (words[index - 1]);
      if (!/[\r\n]/.test(body.slice(span.end, next.start))) edits.push({ at: span.start, remove: next.start - span.start, insert: '', delta: -1 });
      else if (!/[\r\n]/.test(body.slice(previous.end, span.start)))
        edits.push({ at: previous.end, remove: span.end - previous.end, insert: '', delta: -1 });
      else continue;
    }
    used.push(index);
  }
  return edits.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------------------------
// The output.

/**
 * @param {string} text
 * @param {string} bom
 * @param {Source} source
 * @param {Chunk[]} chunks
 * @param {Seam[]} seams
 * @returns {ChunkedTranscript}
 */
function assemble(text, bom, source, chunks, seams) {
  const { body, lineStarts, eol, turns } = source;
  /** @param {number} t */
  const turn = (t) => /** @type {SourceTurn} */ (turns[t]);
  let out = bom;
  /** @type {{ seam: Seam, repeat: [number, number], original: [number, number] }[]} */
  const found = [];
  /** @type {[number, number][]} */
  const markers = [];

  for (let c = 0; c < chunks.length; c++) {
    const chunk = /** @type {Chunk} */ (chunks[c]);
    const seam = seams[c];
    const start = c === 0 ? 0 : /** @type {number} */ (lineStarts[turn(chunk.first).blockLine]);
    const end = seam === undefined ? body.length : lineNext(source, turn(chunk.last).lastLine);
    if (seam === undefined) {
      out += body.slice(start, end);
      continue;
    }
    const first = turn(seam.from);
    const blockStart = skipBlanks(body, /** @type {number} */ (lineStarts[first.blockLine]));
    const originalFrom = seam.sentenceWord === undefined ? blockStart : /** @type {Span} */ (first.words[seam.sentenceWord]).start;
    out += body.slice(start, originalFrom);
    const originalStart = out.length;
    if (seam.cutAt !== undefined) {
      out += withEdits(body, originalFrom, seam.cutAt, seam.originalEdits) + '...';
      const originalEnd = out.length;
      out += eol;
      found.push({ seam, repeat: [0, 0], original: [originalStart, originalEnd] });
    } else {
      const originalTo = lineContentEnd(source, turn(chunk.last).lastLine);
      out += body.slice(originalFrom, originalTo);
      found.push({ seam, repeat: [0, 0], original: [originalStart, out.length] });
      out += body.slice(originalTo, end);
    }

    const gap = body.slice(end, lineStarts[turn(chunk.last + 1).blockLine]);
    out += gap;
    if (seam.plan.marker) {
      if (!endsWithBlankLine(out)) out += eol;
      markers.push([out.length, out.length + MARKER.length]);
      out += MARKER + eol + eol;
    }
    const copyFrom = /** @type {number} */ (lineStarts[first.blockLine]);
    let copy;
    if (seam.sentenceWord === undefined) {
      copy = withEdits(body, copyFrom, end, seam.copyEdits);
    } else {
      const headerEnd = /** @type {Span} */ (first.words[0]).start;
      copy = body.slice(copyFrom, headerEnd) + withEdits(body, originalFrom, end, seam.copyEdits);
    }
    if (!/[\r\n]$/.test(copy)) copy += eol;
    const lead = copy.length - copy.trimStart().length;
    const repeatStart = out.length + lead;
    out += copy;
    /** @type {(typeof found)[number]} */ (found.at(-1)).repeat = [repeatStart, out.length - (copy.length - copy.trimEnd().length)];
    out += gap;
  }

  const starts = lineOffsets(out);
  /** @param {[number, number]} span @returns {Located} */
  const locate = ([from, to]) => ({ range: { start: positionAt(starts, from), end: positionAt(starts, to) }, text: out.slice(from, to) });
  return {
    text: out,
    clean: text,
    truth: {
      chunks: chunks.length,
      overlaps: found.map(({ seam, repeat, original }) => ({
        boundary: seam.plan.marker ? 'marker' : 'unmarked',
        kind: seam.copyEdits.length + seam.originalEdits.length > 0 ? 'approximate' : 'exact',
        words: seam.copyWords,
        cutOff: seam.cutAt !== undefined,
        repeat: locate(repeat),
        original: locate(original),
      })),
      markers: markers.map(locate),
    },
  };
}

/**
 * `body[from, to)` with the edits that fall inside it.
 * @param {string} body
 * @param {number} from
 * @param {number} to
 * @param {Edit[]} edits sorted by offset
 */
function withEdits(body, from, to, edits) {
  let result = '';
  let at = from;
  for (const edit of edits) {
    if (edit.at < from || edit.at + edit.remove > to) continue;
    result += body.slice(at, edit.at) + edit.insert;
    at = edit.at + edit.remove;
  }
  return result + body.slice(at, to);
}

/** @param {string} text */
function endsWithBlankLine(text) {
  return text === '' || /(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)$/.test(text);
}

/**
 * @param {number[]} starts
 * @param {number} offset
 * @returns {Position}
 */
function positionAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (/** @type {number} */ (starts[mid]) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - /** @type {number} */ (starts[low]) };
}

// ---------------------------------------------------------------------------------------------

/**
 * The seed and the text together, so that one seed cuts different files differently.
 * @param {number} seed
 * @param {string} body
 */
function mixSeed(seed, body) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
  return (seed ^ hash) | 0;
}

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
    return this.int(0, 999_999) < p * 1_000_000;
  }
  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  pick(list) {
    return /** @type {T} */ (list[this.int(0, list.length - 1)]);
  }
}
