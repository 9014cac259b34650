import type { Chunk, Range, TranscriptModel, Turn } from '../model';
import type { MovedSections } from '../parse/sections';
import { shiftRange, shiftTurnIndex, type Shift } from '../parse/shift';
import { isWhitespace } from '../util/text';
import { normalizeWord, turnWords, wordCore, type Word } from './words';

/*
 * Repetition loops: speech-to-text that gets stuck writes one phrase again and again
 * (`thank you. thank you. thank you. thank you.`, `I think that I think that I think that`).
 * People repeat themselves too, and the rule is set so that they stay quiet. Measured on the
 * 2016 debates (real speech, transcribed by people):
 *
 * - Twice is how people restart (`we're going to -- we're going to`): the debates hold a hundred
 *   such doubles, some of seven words. A loop has three copies at least.
 * - Three short words in a row are emphasis or a stammer: `no, no, no`, `Russia, Russia,
 *   Russia`, `I -- I -- I`, `Thank you. Thank you. Thank you, Senator`. So the copies after the
 *   first must hold five words between them as well: a phrase of one word needs 6 copies
 *   (`yeah yeah yeah yeah yeah` is still speech), of two words 4 copies.
 * - A speaker cut off again and again restarts three times, and the transcript marks each
 *   restart: `We're going to -- we're going to -- we're going to...`, `And to add to it, and to
 *   add to it, and to add to it, we are a nation of immigrants` (both in the debates). A loop runs
 *   on instead. So three copies of a longer phrase are a loop only when nothing but a space stands
 *   between them (`I think that I think that I think that`); with a dash, a comma or a full stop
 *   between the copies it takes four. One word said with pauses between goes on longer: `This book
 *   was like, wait, wait, wait, wait, wait, wait, wait.` (seven, in a podcast transcribed by
 *   speech-to-text), and a chant ten: `Developers, developers, developers, …` (a podcast quoting
 *   one); so with punctuation between them one word takes twelve copies; loops of one word run to
 *   tens (`you` 22 times in lecture captions). A word joined to itself by `and` or `or` is the
 *   same emphasis (`lines and lines and lines and lines and lines and lines of code`, in a podcast),
 *   and takes as many.
 *
 * Words are compared as `normalizeWord` makes them (case and the punctuation around them
 * ignored), within one turn, and never across text that is not a line of the turn's speech (a
 * sentiment note between two lines of it).
 */

/** Copies in a row a loop has at least: with nothing between them, and with punctuation between them (of one word, and longer). */
export const MIN_LOOP_COPIES = 3;
export const MIN_MARKED_LOOP_COPIES = 4;
export const MIN_MARKED_WORD_COPIES = 12;
/** Words that, between copies of one word (`lines and lines and lines`), mark them as punctuation does. */
const JOINING_WORDS: ReadonlySet<string> = new Set(['and', 'or']);
/** Words the copies after the first hold together, at least. */
export const MIN_LOOP_EXTRA_WORDS = 5;
/** The longest phrase looked for, in words. */
export const MAX_LOOP_PHRASE_WORDS = 40;

/** The copies a loop of a phrase of `words` words needs; `marked` when punctuation stands between the copies. */
export function loopCopiesNeeded(words: number, marked: boolean): number {
  const copies = Math.max(MIN_LOOP_COPIES, 1 + Math.ceil(MIN_LOOP_EXTRA_WORDS / words));
  if (!marked) return copies;
  return words === 1 ? Math.max(copies, MIN_MARKED_WORD_COPIES) : Math.max(copies, MIN_MARKED_LOOP_COPIES);
}

/** A phrase said three times or more in a row in one turn, copy after copy. */
export interface RepetitionLoop {
  readonly turnIndex: number;
  /** The first copy as written, without the punctuation around it, for messages. */
  readonly phrase: string;
  readonly phraseWords: number;
  readonly copies: number;
  /** The first copy, from its first word to the end of its last. */
  readonly first: Range;
  /** The copies after the first: the text that can go. */
  readonly extra: Range;
  /**
   * What keeping one copy deletes: from the end of the first copy's last word to the end of the
   * last copy's, letters only, so that the text keeps the first copy's start (its capital) and the
   * last copy's punctuation, which belongs with what follows (`Thank you thank you thank you thank you.` → `Thank you.`).
   */
  readonly deletion: Range;
}

/**
 * Each chunk's loops, kept from one version to the next; in a long chunk, each turn's too. A chunk
 * or turn object is reused only with the text it was parsed with (`sections.ts` keeps or replaces
 * a section's objects together, and a turn read again is a new object), so one found in the cache
 * has the same text as when it was checked.
 */
export type LoopCache = WeakMap<Chunk | Turn, readonly RepetitionLoop[]>;

const NO_LOOPS: readonly RepetitionLoop[] = Object.freeze([]);

/**
 * Chunks of this many turns keep each turn's loops as well. A real transcript without chunk
 * markers is one chunk, which an edit in any turn renews: its other turns' loops are then read
 * from the cache rather than found again (5 ms a keystroke on 9,780 cues). A chunk of the
 * pipeline's is a few dozen turns, checked again in well under a millisecond, and its turns would
 * only add entries to the heap.
 */
const LOOPS_KEPT_BY_TURN_FROM = 200;

/** The loops of the whole document, in document order: chunks and turns checked before are read from `cache`. */
export function findRepetitionLoops(model: TranscriptModel, cache: LoopCache): RepetitionLoop[] {
  const loops: RepetitionLoop[] = [];
  for (const chunk of model.chunks) {
    let found = cache.get(chunk);
    if (!found) {
      found = NO_LOOPS;
      const byTurn = chunk.turnCount >= LOOPS_KEPT_BY_TURN_FROM;
      for (let i = chunk.firstTurn; i < chunk.firstTurn + chunk.turnCount; i++) {
        const turn = model.turns[i]!;
        let inTurn = byTurn ? cache.get(turn) : undefined;
        if (!inTurn) {
          inTurn = turnLoops(turn);
          if (byTurn) cache.set(turn, inTurn.length ? inTurn : NO_LOOPS);
        }
        if (inTurn.length) found = found === NO_LOOPS ? inTurn : [...found, ...inTurn];
      }
      cache.set(chunk, found);
    }
    for (const loop of found) loops.push(loop);
  }
  return loops;
}

/** Carries the loops of the chunks and turns an edit moved over to their moved copies. */
export function carryLoops(cache: LoopCache, moved: MovedSections): void {
  const carry = (before: Chunk | Turn, after: Chunk | Turn) => {
    const loops = cache.get(before);
    if (loops) cache.set(after, loops.length ? loops.map((loop) => movedLoop(loop, moved.shift)) : NO_LOOPS);
  };
  for (const { before, after } of moved.parts) {
    // Turns moved without their chunk (`cueSpanReread.ts`): each may have its own entry.
    if (before.chunks.length === 0) before.turns.forEach((turn, i) => carry(turn, after.turns[i]!));
    before.chunks.forEach((chunk, i) => {
      carry(chunk, after.chunks[i]!);
      if (chunk.turnCount < LOOPS_KEPT_BY_TURN_FROM) return;
      // A part's turns are numbered from its first turn's index.
      const offset = chunk.firstTurn - before.turns[0]!.index;
      for (let k = offset; k < offset + chunk.turnCount; k++) carry(before.turns[k]!, after.turns[k]!);
    });
  }
}

function movedLoop(loop: RepetitionLoop, shift: Shift): RepetitionLoop {
  return {
    ...loop,
    turnIndex: shiftTurnIndex(loop.turnIndex, shift),
    first: shiftRange(loop.first, shift),
    extra: shiftRange(loop.extra, shift),
    deletion: shiftRange(loop.deletion, shift),
  };
}

/* ------------------------------------------------------------------ one turn */

/** A run found in the codes: `copies` copies of the `period` words from `start` (a part of one more copy may follow). */
interface Run {
  readonly start: number;
  readonly period: number;
  readonly copies: number;
}

/**
 * A turn's words as numbers, in arrays reused from turn to turn: a 20 MB transcript has millions
 * of words, nearly all in turns with no loop, which then cost no object. A word's code is a 32-bit
 * hash (FNV-1a) of what `normalizeWord` makes of it; ASCII words, nearly all, are hashed as they
 * are read, in one pass over the text, which is most of the check's cost (the words' characters are
 * read once). Two words share a code with odds of 1 in 2^32; a run is compared word by word before
 * it is reported, so a shared code can at worst hide a loop it borders.
 */
class Scratch {
  codes = new Int32Array(1024);
  count = 0;
  /** Where each stretch of words ends (see `turnLoops`). */
  stretchEnds: number[] = [];
  /** For each word, the end (exclusive) of a run found around it, its start and its period; 0 where none. */
  runEnd = new Int32Array(1024);
  runStart = new Int32Array(1024);
  runPeriod = new Int32Array(1024);
  private previousText: string | undefined;
  private previousEnd = 0;

  /** Ready for the words of another turn. */
  reset(): void {
    this.count = 0;
    this.stretchEnds.length = 0;
    this.previousText = undefined;
  }

  /**
   * The turn is read: the scratch, which lives as long as the server, lets go of the text it was
   * read from (the whole document's, which it would otherwise keep after the document is closed).
   */
  doneReading(): void {
    this.previousText = undefined;
  }

  /** Reads one segment of the turn's text (`Turn.readSegments`). */
  readonly read = (text: string, start: number, end: number): void => {
    if (this.previousText !== undefined && !(text === this.previousText && onlyWhitespace(text, this.previousEnd, start))) {
      this.stretchEnds.push(this.count);
    }
    this.previousText = text;
    this.previousEnd = end;
    let i = start;
    while (i < end) {
      while (i < end && (text.charCodeAt(i) === 0x20 || isWhitespace(text.charCodeAt(i)))) i++;
      if (i === end) break;
      const tokenStart = i;
      // The hash of the token up to its last letter or digit, from its first: normalizeWord's part.
      let hash = FNV_OFFSET;
      let word = 0;
      let letters = false;
      let ascii = true;
      for (; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code <= 0x20 || code >= 0x80) {
          if (code === 0x20 || isWhitespace(code)) break;
          if (code >= 0x80) {
            ascii = false;
            break;
          }
        }
        if ((code | 0x20) - 0x61 < 26 && (code | 0x20) >= 0x61) {
          // A letter, hashed lower-cased.
          hash = Math.imul(hash ^ (code | 0x20), FNV_PRIME);
          word = hash;
          letters = true;
        } else if (code - 0x30 < 10 && code >= 0x30) {
          hash = Math.imul(hash ^ code, FNV_PRIME);
          word = hash;
          letters = true;
        } else if (letters) {
          hash = Math.imul(hash ^ code, FNV_PRIME);
        }
      }
      if (ascii) {
        if (letters) this.add(word);
      } else {
        while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
        const norm = normalizeWord(text.slice(tokenStart, i));
        if (norm !== '') this.add(hashString(norm));
      }
    }
  };

  private add(word: number): void {
    if (this.count === this.codes.length) {
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[this.count++] = word;
  }

  /** Room to mark the runs of `count` words, none marked yet. */
  clearRuns(count: number): void {
    if (this.runEnd.length < count) {
      this.runEnd = new Int32Array(this.codes.length);
      this.runStart = new Int32Array(this.codes.length);
      this.runPeriod = new Int32Array(this.codes.length);
    } else {
      this.runPeriod.fill(0, 0, count);
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The code of a word already normalised: what the one-pass hash above gives its ASCII form. */
function hashString(norm: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) hash = Math.imul(hash ^ norm.charCodeAt(i), FNV_PRIME);
  return hash;
}

const scratch = new Scratch();

/** The loops of one turn, in text order. */
export function turnLoops(turn: Turn): RepetitionLoop[] {
  // Stretches of words between which nothing but white space stands: a loop lies within one.
  scratch.reset();
  turn.readSegments(scratch.read);
  scratch.doneReading();
  const count = scratch.count;
  if (count < loopCopiesNeeded(1, false)) return [];
  scratch.stretchEnds.push(count);
  scratch.clearRuns(count);
  let runs: Run[] | undefined;
  let from = 0;
  for (const to of scratch.stretchEnds) {
    runs = findRuns(from, to, runs);
    from = to;
  }
  return runs ? loopsOf(turn, runs) : [];
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  if (to < from) return false;
  for (let i = from; i < to; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The runs of the codes `[from, to)` that may be loops: for each phrase length `k`, the stretches
 * where each word equals the word `k` before it. Such a stretch long enough to be a loop (at
 * least `2k` matches) holds one of every `k` positions, so only those are tried and a match is
 * then widened both ways: about `to - from` comparisons for all phrase lengths together, as a
 * match at a tried position is rare outside loops. A run that lies inside one already found at a
 * period dividing `k` is that run again, and is skipped across at once: a turn of a million
 * copies of one word costs a pass, not a pass per phrase length.
 */
function findRuns(from: number, to: number, runs: Run[] | undefined): Run[] | undefined {
  const { codes, runEnd, runStart, runPeriod } = scratch;
  const words = to - from;
  for (let k = 1; k <= MAX_LOOP_PHRASE_WORDS && MIN_LOOP_COPIES * k <= words; k++) {
    const needed = loopCopiesNeeded(k, false);
    if (needed * k > words) continue;
    const minMatches = (needed - 1) * k;
    for (let s = from + k; s < to; s += k) {
      if (codes[s] !== codes[s - k]) continue;
      let a = s;
      let b = s;
      // Inside a run of a period dividing k, each word equals the one k before it: no need to look.
      let insideStart = -1;
      let insideEnd = -1;
      const period = runPeriod[s]!;
      if (period > 0 && k % period === 0 && s >= runStart[s]! + k) {
        insideStart = runStart[s]!;
        insideEnd = runEnd[s]!;
        a = insideStart + k;
        b = insideEnd - 1;
      }
      while (a - 1 >= from + k && codes[a - 1] === codes[a - 1 - k]) a--;
      while (b + 1 < to && codes[b + 1] === codes[b + 1 - k]) b++;
      const matches = b - a + 1;
      const start = a - k;
      const end = b + 1;
      if (matches >= minMatches && !(start >= insideStart && end <= insideEnd)) {
        (runs ??= []).push({ start, period: k, copies: Math.floor((matches + k) / k) });
        for (let i = start; i < end; i++) {
          runStart[i] = start;
          runEnd[i] = end;
          runPeriod[i] = k;
        }
      }
      s = b;
    }
  }
  return runs;
}

/**
 * The runs to report, none overlapping another: the one whose copies cover the most words
 * first, and of those the shortest phrase (`thank you` four times, not `thank you thank you` twice).
 */
function chooseRuns(runs: readonly Run[]): Run[] {
  const ordered = [...runs].sort((a, b) => b.copies * b.period - a.copies * a.period || a.period - b.period || a.start - b.start);
  const chosen: Run[] = [];
  for (const run of ordered) {
    const end = run.start + run.copies * run.period;
    if (chosen.every((other) => end <= other.start || other.start + other.copies * other.period <= run.start)) chosen.push(run);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The runs that are loops, with where their copies are. Here, with the words made, the rule's
 * last part is applied (punctuation between the copies asks for one more), and a run whose words
 * differ (two words sharing a code) is dropped.
 */
function loopsOf(turn: Turn, runs: readonly Run[]): RepetitionLoop[] {
  const words = turnWords(turn);
  const segments = turn.segments;
  /** Whether anything but white space stands between the letters of word i - 1 and of word i. */
  const marked = (i: number) => {
    const before = words[i - 1]!;
    const after = words[i]!;
    if (wordCore(before.raw).end < before.raw.length || wordCore(after.raw).start > 0) return true;
    return segments.some(({ text, range }) => {
      const line = range.start.line;
      if (line < before.line || line > after.line) return false;
      const from = line === before.line ? before.end - range.start.character : 0;
      const to = line === after.line ? after.start - range.start.character : text.length;
      return text.slice(from, to).trim() !== '';
    });
  };
  const loops = runs.filter(({ start, period, copies }) => {
    const last = start + copies * period - 1;
    for (let i = start + period; i <= last; i++) if (words[i]!.norm !== words[i - period]!.norm) return false;
    // `lines and lines and …`: one word, marked.
    if (period === 2 && words.slice(start, start + 2).some((word) => JOINING_WORDS.has(word.norm))) return copies >= loopCopiesNeeded(1, true);
    if (copies >= loopCopiesNeeded(period, true)) return true;
    for (let copy = 1; copy < copies; copy++) if (marked(start + copy * period)) return false;
    return true;
  });
  return chooseRuns(loops).map(({ start, period, copies }) => {
    const last = start + copies * period - 1;
    const firstEnd = words[start + period - 1]!;
    const lastWord = words[last]!;
    return {
      turnIndex: turn.index,
      phrase: phraseOf(words.slice(start, start + period)),
      phraseWords: period,
      copies,
      first: span(words[start]!, firstEnd),
      extra: span(words[start + period]!, lastWord),
      deletion: {
        start: { line: firstEnd.line, character: letterEnd(firstEnd) },
        end: { line: lastWord.line, character: letterEnd(lastWord) },
      },
    };
  });
}

function span(from: Word, to: Word): Range {
  return { start: { line: from.line, character: from.start }, end: { line: to.line, character: to.end } };
}

/** Where a word's letters end, before the punctuation after them. */
function letterEnd(word: Word): number {
  return word.start + wordCore(word.raw).end;
}

/** The words as written, without the punctuation before the first and after the last. */
function phraseOf(words: readonly Word[]): string {
  const text = words.map((word) => word.raw).join(' ');
  const first = wordCore(words[0]!.raw).start;
  const last = words[words.length - 1]!;
  const trailing = last.raw.length - wordCore(last.raw).end;
  return text.slice(first, text.length - trailing);
}
