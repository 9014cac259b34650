import type { Turn } from '../model';
import {
  anySeedFollows,
  endsLikeARepeat,
  headWordsToRead,
  MAX_HEAD_SKIP,
  repeatFromSeeds,
  SEED_FOLLOW_WORDS,
  seedsOf,
  type Alignment,
} from '../checks/overlap/alignment';
import { wordCodesInto, type CodeSink } from '../checks/words';
import { isWhitespace } from '../util/text';
import type { SectionText } from './sourceText';

/*
 * Joins of chunks that nothing marks: no marker line, no change of format. Pipelines that glue
 * their chunks together leave one sign there, the next chunk re-transcribing the end of the one
 * before, so a turn that opens by repeating the text before it starts a chunk. Real speech
 * repeats itself too (`I was against — I was against the war`, a question asked back), so a
 * join needs more than a chunk boundary's overlap does: more words, or a second sign (a stamp
 * that goes back, a label numbering that restarts).
 */

/** Words of the chunk's text before a turn that its opening may repeat, with no further search. */
const TAIL_WORDS = 150;
/** Turns back whose first three words are kept: a copy of whole turns starts where one of them does. */
const TURN_STARTS = 32;
/** Words back the search goes when a second sign points to a join (see `Sign`), and seeds it tries. */
const LONG_TAIL_WORDS = 1500;
/** Words of a turn and the turns after it that a question reads at most: as far as the repeat may go. */
const HEAD_WORDS = headWordsToRead(LONG_TAIL_WORDS);
const MAX_LONG_SEEDS = 24;
/** Sentences back whose openings are kept (see `RecentOpenings`): some 1,500 words of speech. */
const RECENT_SENTENCES = 200;

/**
 * A sign of a join besides the repeat: `strong` (a stamp that goes back or stands still, a name
 * the chunk had under another label) lowers the words needed and lets the search look back
 * LONG_TAIL_WORDS; `weak` (a numbered label `1` after a higher one, as when labels restart, or as
 * when two people take turns) lets a turn that is all repeat count. With no sign, a join needs
 * more words, and the turn must go on past them.
 */
type Sign = 'none' | 'weak' | 'strong';
const SIGNS: readonly Sign[] = ['none', 'weak', 'strong'];

/** How a turn was asked (`opensWithRepeat`), as one small number, never 0: the sign, and whether its time moved on. */
export function joinQuestion(sign: Sign, timeMovesOn: boolean): number {
  return 1 + SIGNS.indexOf(sign) * 2 + (timeMovesOn ? 1 : 0);
}

/** Head positions whose first three words may seed a repeat (see `repeatFromSeeds`). */
const SEED_POSITIONS = MAX_HEAD_SKIP + 3;
/** Exact word matches a join needs with no other sign (and then new words after the repeat), and with one. */
const MIN_MATCHES = 10;
const MIN_MATCHES_WITH_SIGN = 6;
/** Words a turn must repeat word for word, with no other sign, when it does not go on past them. */
const MIN_MATCHES_VERBATIM = 12;
/** Words a repeat needs, with no other sign, to be a join whatever follows it. */
const MIN_MATCHES_LONG = 20;
/** Share of the longer side that must match exactly. */
const MIN_MATCH_RATIO = 0.6;
/** The same, without a strong sign. */
const MIN_MATCH_RATIO_WITHOUT_SIGN = 0.9;
/**
 * A re-transcription of a long passage, with words dropped and fillers added, matches less than
 * MIN_MATCH_RATIO_WITHOUT_SIGN; so many words of so many kinds, matched in order, are a join on
 * their own. Turns of one template match as well, but with a few kinds of word over and over.
 */
const MIN_MATCHES_RETRANSCRIBED = 40;
const MIN_MATCH_RATIO_RETRANSCRIBED = 0.7;
const MIN_DISTINCT_WORDS_RETRANSCRIBED = 24;

/**
 * The first OPENING_WORDS words of each sentence in the chunk's last RECENT_SENTENCES sentences,
 * as counts in a table of hashed slots: whether a turn opens with a sentence said a while before,
 * where a repeat that starts inside a turn may begin. Five words, as speech opens many sentences
 * alike (`I think that we`), and each match costs a search; a collision only costs one search for
 * nothing. Sentences, not every run of words: reading every word of every turn cost more than the
 * rest of the join search.
 */
const OPENING_WORDS = 5;

const OPENING_SLOTS = 1 << 16;

class RecentOpenings {
  private readonly counts = new Uint16Array(OPENING_SLOTS);
  /** The slot of each run held, oldest first from `(next - held)`, in a ring. */
  private readonly ring: Int32Array;
  private next = 0;
  private held = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Int32Array(capacity);
  }

  /** Forgets every run held, leaving the table all zero. */
  clear(): void {
    for (let k = 0; k < this.held; k++) this.counts[this.ring[(this.next - 1 - k + this.capacity) % this.capacity]!]!--;
    this.next = 0;
    this.held = 0;
  }

  add(words: Float64Array): void {
    if (this.held === this.capacity) this.counts[this.ring[this.next]!]!--;
    else this.held++;
    const slot = openingSlot(words, 0);
    this.counts[slot]!++;
    this.ring[this.next] = slot;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
  }

  /** Whether the words at one of `words`' first `positions` opened a sentence in the window. */
  hasAny(words: Float64Array, positions: number): boolean {
    for (let q = 0; q + OPENING_WORDS <= words.length && q < positions; q++) {
      if (this.counts[openingSlot(words, q)]! > 0) return true;
    }
    return false;
  }
}

/** The slot of `RecentOpenings`' table for the OPENING_WORDS words from `at`: the low 32 bits of their codes (they differ from word to word), mixed. */
function openingSlot(words: Float64Array, at: number): number {
  let h = 0x2545f491;
  for (let k = at; k < at + OPENING_WORDS; k++) h = Math.imul(h ^ (words[k]! | 0), 0x9e3779b1) ^ (h >>> 13);
  return (h ^ (h >>> 15)) & (OPENING_SLOTS - 1);
}

/** What reads a turn's text: a turn, or a draft not yet one (`draftText`). */
type TextReader = Pick<Turn, 'readSegments'>;

/**
 * The turn asked about, and how far its head (its words, then the next turns') has been read into
 * `JoinFinder.head`: to `readTo` words, all there are if `complete`; `ownWords` of them its own.
 */
interface HeadRead {
  readonly turn: TextReader;
  readonly following: (k: number) => TextReader | undefined;
  readonly timeMovesOn: boolean;
  ownWords: number;
  readTo: number;
  complete: boolean;
}

/** A draft's text lines (line, start, end, …) as a reader, the way `ParsedTurn` reads its own. */
export function draftText(places: readonly number[], source: SectionText): TextReader {
  return {
    readSegments(visit, fromEnd = false) {
      const count = places.length / 3;
      const text = source.documentText;
      for (let k = 0; k < count; k++) {
        const s = fromEnd ? count - 1 - k : k;
        const line = places[3 * s]!;
        const at = source.lineOffset(line);
        if (visit(text, at + places[3 * s + 1]!, at + places[3 * s + 2]!, line, places[3 * s + 1]!) === true) return;
      }
    },
  };
}

/**
 * A draft's text lines (line, start, end, …) read from the lines themselves, `lines[0]` being line
 * `firstLine`: a turn read again, before its section's text is brought up to date.
 */
export function linesText(places: readonly number[], lines: readonly string[], firstLine: number): TextReader {
  return {
    readSegments(visit, fromEnd = false) {
      const count = places.length / 3;
      for (let k = 0; k < count; k++) {
        const s = fromEnd ? count - 1 - k : k;
        const line = places[3 * s]!;
        if (visit(lines[line - firstLine]!, places[3 * s + 1]!, places[3 * s + 2]!, line, places[3 * s + 1]!) === true) return;
      }
    },
  };
}

/**
 * Whether the join questions of a run of turns that is one chunk (`questions`, as `assemble` asked
 * them, 0 for a turn not asked) all get the same answer, no, after the text of turn `edited`
 * changed; `turnAt(i)` reads the run's `i`th turn, the edited one as it now is, and
 * `editedBefore` that one as it was. Only the questions that may read the edited turn's words are
 * asked again: those of the turns whose head reaches it (HEAD_WORDS), and of the turns after it
 * while the finder still remembers its words, or its gates where the edit changed them (see
 * `Remembered`). The finder is first fed the turns before them as far back as it remembers, so
 * that it holds what it held when the whole run was read.
 */
export function noJoinAround(
  count: number,
  turnAt: (i: number) => TextReader,
  questions: Uint8Array,
  edited: number,
  editedBefore: TextReader,
): boolean {
  // Only the questions in reach are asked again, from the first to the last: the turns before
  // the first are fed to the finder as far back as it remembers in any case, and those after the
  // last are asked nothing. Most turns of captions and segments are never asked (a join there
  // needs a second sign), so where no question stands near, no turn is read but those that tell
  // how far the reach goes, and only on the side where a question is.
  const asked = (i: number) => questions[i] !== 0;
  let first = edited;
  if (questions.subarray(0, edited).some((question) => question !== 0)) {
    first = firstHeadReaching(turnAt, edited);
    while (first < edited && !asked(first)) first++;
  }
  let last = edited;
  if (questions.subarray(edited + 1, count).some((question) => question !== 0)) {
    // The turns after hold the edited turn's words in their long tail, and its gates, unless the
    // edit left them as they were, among the last turns' starts and the recent sentence openings.
    const gatesAlike = sameGates(editedBefore, turnAt(edited));
    const since = new Remembered(gatesAlike ? 'words' : 'words and starts');
    while (last + 1 < count && !since.forgotten()) since.add(turnAt(++last));
    // The openings are kept longest, for RECENT_SENTENCES sentences of five words or more, which
    // captions without full stops take thousands of turns to say; but a question reads them only
    // where its seeds fall in the slot of an opening the edit took away or made.
    if (!gatesAlike && openingsMayBeRead(count, turnAt, questions, last, [editedBefore, turnAt(edited)])) {
      since.keepOpenings();
      while (last + 1 < count && !since.forgotten()) since.add(turnAt(++last));
    }
    while (last > edited && !asked(last)) last--;
  }
  if (first === edited && last === edited && !asked(edited)) return true;
  let start = first;
  const before = new Remembered();
  while (start > 0 && !before.forgotten()) before.add(turnAt(--start));

  const finder = JoinFinder.take();
  try {
    for (let i = start; i < first; i++) finder.addTurn(turnAt(i));
    for (let i = first; i <= last; i++) {
      const question = questions[i]!;
      if (question !== 0) {
        const following = (k: number) => (i + 1 + k < count ? turnAt(i + 1 + k) : undefined);
        const earlier = (k: number) => (i - 1 - k >= 0 ? turnAt(i - 1 - k) : undefined);
        if (finder.opensWithRepeat(turnAt(i), following, SIGNS[(question - 1) >> 1]!, earlier, ((question - 1) & 1) === 1)) return false;
      }
      finder.addTurn(turnAt(i));
    }
    return true;
  } finally {
    finder.release();
  }
}

/**
 * Whether no asked turn (`questions`, as `assemble` asked them, 0 for a turn not asked) may read
 * the words of turns `[from, to]`, which an edit made anew (`changed` reads the turns it replaced,
 * and those it made): none among them, none before whose head reaches them (HEAD_WORDS), none
 * after while the finder remembers their words and turn starts, nor, further, one whose seeds fall
 * in the slot of one of their sentence openings. Then every question is answered as it was. It
 * looks at as few turns as telling takes, and says no where telling would take more.
 */
export function noQuestionReads(
  count: number,
  turnAt: (i: number) => TextReader,
  questions: Uint8Array,
  from: number,
  to: number,
  changed: readonly TextReader[],
): boolean {
  const asked = (i: number) => questions[i] !== 0;
  for (let i = from; i <= to; i++) if (asked(i)) return false;
  if (questions.subarray(0, from).some((question) => question !== 0)) {
    for (let i = firstHeadReaching(turnAt, from); i < from; i++) if (asked(i)) return false;
  }
  if (questions.subarray(to + 1, count).some((question) => question !== 0)) {
    const since = new Remembered('words and starts');
    let last = to;
    while (last + 1 < count && !since.forgotten()) since.add(turnAt(++last));
    for (let i = to + 1; i <= last; i++) if (asked(i)) return false;
    if (openingsMayBeRead(count, turnAt, questions, last, changed)) return false;
  }
  return true;
}

/** The first turn whose head (HEAD_WORDS, read on into the turns after it) reaches turn `index`. */
function firstHeadReaching(turnAt: (i: number) => TextReader, index: number): number {
  let reach = index;
  for (let between = 0; reach > 0; reach--) {
    between += wordCount(turnAt(reach - 1), HEAD_WORDS - between);
    if (between >= HEAD_WORDS) break;
  }
  return reach;
}

const NO_CODES: CodeSink = { add: () => undefined };

/** How many words (as the finder counts them) `turn` has, at most `limit`. */
function wordCount(turn: TextReader, limit: number): number {
  return wordCodesInto(turn, limit, false, NO_CODES);
}

/** Asked turns after a place that `openingsMayBeRead` looks at one by one; where more follow, it answers yes. */
const MAX_QUESTIONS_LOOKED_AT = 64;

/**
 * Whether a question after turn `after` may read one of the sentence openings of `readings` (the
 * edited turn as it was and as it is) in the finder's recent openings: whether one of its seeds
 * (`opensWithRepeat` asks `RecentOpenings.hasAny` of the five words at each of its first
 * SEED_POSITIONS) falls in the slot of one of them. Yes also where more questions follow than it
 * looks at: those are turns of speech, whose openings are forgotten within a few dozen turns.
 */
function openingsMayBeRead(
  count: number,
  turnAt: (i: number) => TextReader,
  questions: Uint8Array,
  after: number,
  readings: readonly TextReader[],
): boolean {
  const slots = new Set<number>();
  for (const reading of readings) {
    forEachGate(reading, new Codes(OPENING_WORDS), (words, isTurnStart) => {
      if (!isTurnStart) slots.add(openingSlot(words, 0));
    });
  }
  const head = new Codes(SEED_POSITIONS + OPENING_WORDS);
  let looked = 0;
  for (let i = after + 1; i < count; i++) {
    if (questions[i] === 0) continue;
    if (++looked > MAX_QUESTIONS_LOOKED_AT) return true;
    // The question's head, its turn's words then the next turns', as far as its seeds' five words go.
    head.length = 0;
    for (let k = i; k < count && head.length < head.capacity; k++) wordCodesInto(turnAt(k), head.capacity - head.length, false, head);
    for (let q = 0; q < SEED_POSITIONS && q + OPENING_WORDS <= head.length; q++) if (slots.has(openingSlot(head.words, q))) return true;
  }
  return false;
}

/**
 * What the finder keeps of a run of turns (`JoinFinder.read`), counted until it has all gone: the
 * last LONG_TAIL_WORDS words (the long tail holds the most), the openings of the last TURN_STARTS
 * turns of three words or more, and the last RECENT_SENTENCES sentence openings.
 */
class Remembered {
  private words = 0;
  private turnStarts = 0;
  private openings = 0;
  private readonly scratch = new Codes(OPENING_WORDS);

  /**
   * What must be forgotten: the words alone (the gates of the turns before being as they were, see
   * `sameGates`), the words and the turns' starts, or all of it.
   */
  constructor(private kept: 'words' | 'words and starts' | 'all' = 'all') {}

  /** From now on the sentence openings must be forgotten too; they were counted with the turns' starts. */
  keepOpenings(): void {
    if (this.kept === 'words') throw new Error('the openings of the turns added were not counted');
    this.kept = 'all';
  }

  add(turn: TextReader): void {
    this.words += wordCount(turn, LONG_TAIL_WORDS);
    if (this.kept === 'words') return;
    forEachGate(turn, this.scratch, (_, isTurnStart) => (isTurnStart ? this.turnStarts++ : this.openings++));
  }

  /** Whether a turn read after these no longer remembers anything of the turns before them. */
  forgotten(): boolean {
    if (this.words < LONG_TAIL_WORDS) return false;
    if (this.kept === 'words') return true;
    return this.turnStarts >= TURN_STARTS && (this.kept === 'words and starts' || this.openings >= RECENT_SENTENCES);
  }
}

/**
 * The gates a turn leaves in the finder, which open the search further back (`opensWithRepeat`):
 * its first three words, if it has three, and the first OPENING_WORDS words of each sentence that
 * has that many; each visited as codes in `scratch`.
 */
function forEachGate(turn: TextReader, scratch: Codes, visit: (words: Float64Array, isTurnStart: boolean) => void): void {
  scratch.length = 0;
  wordCodesInto(turn, 3, false, scratch);
  if (scratch.length === 3) visit(scratch.words, true);
  forEachSentenceStart(turn, (reader) => {
    scratch.length = 0;
    wordCodesInto(reader, OPENING_WORDS, false, scratch);
    if (scratch.length === OPENING_WORDS) visit(scratch.words, false);
  });
}

/** Whether two readings of a turn leave the same gates (`forEachGate`), in the same order. */
function sameGates(a: TextReader, b: TextReader): boolean {
  const codes = (turn: TextReader) => {
    const out: number[] = [];
    forEachGate(turn, new Codes(OPENING_WORDS), (words, isTurnStart) =>
      out.push(isTurnStart ? 3 : OPENING_WORDS, ...words.subarray(0, isTurnStart ? 3 : OPENING_WORDS)),
    );
    return out;
  };
  const [x, y] = [codes(a), codes(b)];
  return x.length === y.length && x.every((code, k) => code === y[k]);
}

/** Word codes in text order, at most `capacity` of them. */
class Codes implements CodeSink {
  readonly words: Float64Array;
  readonly stems: Float64Array;
  length = 0;

  constructor(readonly capacity: number) {
    this.words = new Float64Array(capacity);
    this.stems = new Float64Array(capacity);
  }

  add(word: number, stem: number): void {
    if (this.length === this.capacity) return;
    this.words[this.length] = word;
    this.stems[this.length++] = stem;
  }

  view(): { words: Float64Array; stems: Float64Array } {
    return { words: this.words.subarray(0, this.length), stems: this.stems.subarray(0, this.length) };
  }
}

/**
 * Finds the joins in one run of turns, fed in order: `addTurn` after each turn of a chunk,
 * `startChunk` where a chunk starts, and `opensWithRepeat` to ask of the next turn before it is
 * added. The last TAIL_WORDS words of the chunk so far are kept as codes, in a ring.
 */
export class JoinFinder {
  private readonly ring = new CodeRing(TAIL_WORDS);
  private readonly turnEnd = new Codes(TAIL_WORDS);
  private readonly head = new Codes(HEAD_WORDS);
  private readonly turnWords = new Codes(LONG_TAIL_WORDS);
  /**
   * The last LONG_TAIL_WORDS words of the chunk as of the last long search, in a ring, and how many
   * turns were added since. Each long search reads only those turns, where it once read 1,500 words
   * back from scratch: segments stamped to the second, whose stamps stand still line after line,
   * ask for one nearly every turn (about half of the parse of a 105 KB podcast transcript).
   */
  private readonly longRing = new CodeRing(LONG_TAIL_WORDS);
  private turnsSinceLongTail = 0;
  /** The turns added and not read yet (see `addTurn`). */
  private readonly unread: TextReader[] = [];
  /** The first three word codes of each of the chunk's last TURN_STARTS turns, in a ring. */
  private readonly turnStarts = new Float64Array(3 * TURN_STARTS);
  private turnStartsHeld = 0;
  private turnStartsNext = 0;
  private readonly recent = new RecentOpenings(RECENT_SENTENCES);
  private readonly opening = new Codes(OPENING_WORDS);

  /**
   * One finder serves every run of turns: a document is parsed section by section, one at a time,
   * and a finder's arrays (some 105 KB, besides its table of openings) made anew for each of the
   * 465 sections of a 2 MB transcript were 49 MB to allocate and collect. A finder taken and not
   * given back (an exception) is left to the collector, and the next one taken is new. The stock
   * is held weakly: it lasts through a parse (a finder taken is held until the parse's job ends),
   * and the heap a server holds between edits has none of it.
   */
  private static stock: WeakRef<JoinFinder> | undefined;

  private constructor() {}

  static take(): JoinFinder {
    const finder = JoinFinder.stock?.deref() ?? new JoinFinder();
    JoinFinder.stock = undefined;
    return finder;
  }

  /** Done with this run of turns: the finder forgets it (holding none of its turns) and goes back to stock. */
  release(): void {
    this.startChunk();
    JoinFinder.stock = new WeakRef(this);
  }

  startChunk(): void {
    this.unread.length = 0;
    this.ring.clear();
    this.longRing.clear();
    this.turnsSinceLongTail = 0;
    this.turnStartsHeld = 0;
    this.turnStartsNext = 0;
    this.recent.clear();
  }

  /**
   * Notes the chunk's next turn. Its words are read when a turn is next asked about: in captions
   * and segments, which may join only with a second sign, most chunks never are (reading every
   * turn of a 845 KB WebVTT file was a fifth of its parse).
   */
  addTurn(turn: TextReader): void {
    this.turnsSinceLongTail++;
    this.unread.push(turn);
  }

  /** Reads the turns added since the last question, in order. */
  private readAdded(): void {
    for (const turn of this.unread) this.read(turn);
    this.unread.length = 0;
  }

  private read(turn: TextReader): void {
    forEachGate(turn, this.opening, (words, isTurnStart) => {
      if (!isTurnStart) return this.recent.add(words);
      this.turnStarts.set(words.subarray(0, 3), 3 * this.turnStartsNext);
      this.turnStartsNext = (this.turnStartsNext + 1) % TURN_STARTS;
      this.turnStartsHeld = Math.min(TURN_STARTS, this.turnStartsHeld + 1);
    });
    // The turn's last words, read from its end back, go into the ring first word first.
    this.turnEnd.length = 0;
    wordCodesInto(turn, TAIL_WORDS, true, this.turnEnd);
    for (let k = this.turnEnd.length - 1; k >= 0; k--) this.ring.add(this.turnEnd.words[k]!, this.turnEnd.stems[k]!);
  }

  /**
   * Whether the turn read by `turn` (the turns after it by `following`, as far as the repeat
   * needs) opens by repeating the end of the chunk's text so far. `sign`: a second sign of a
   * join, so fewer words suffice.
   */
  opensWithRepeat(
    turn: TextReader,
    following: (k: number) => TextReader | undefined,
    sign: Sign,
    earlier: (k: number) => TextReader | undefined,
    timeMovesOn = false,
  ): boolean {
    this.readAdded();
    if (this.ring.held < MIN_MATCHES_WITH_SIGN) return false;
    this.head.length = 0;
    // The seeds are three words in a row at one of the head's first positions within the turn
    // (a repeat that begins after it is the next turn's join): a turn of fewer words than three
    // (`You know,` cut off by the next speaker) completes its runs with the turns after it.
    const own = wordCodesInto(turn, SEED_POSITIONS + 2, false, this.head);
    if (own === 0) return false;
    const positions = Math.min(SEED_POSITIONS, own);
    for (let k = 0; this.head.length < positions + 2; k++) {
      const more = following(k);
      if (!more) break;
      wordCodesInto(more, positions + 2 - this.head.length, false, this.head);
    }
    const seedWords = this.head.words.slice(0, this.head.length);
    const headRead: HeadRead = { turn, following, timeMovesOn, ownWords: 0, readTo: 0, complete: false };
    if (this.repeatsTail(this.ring.inOrder(), seedWords, positions, SEED_POSITIONS, headRead, sign)) return true;
    // The repeat may be longer than the ring: look further back with a sign of a join, or where
    // the turn opens as one of the chunk's last turns did (a copy of whole turns). Where it opens
    // only with words said inside a turn a while before, the repeat must be long: speakers
    // quote themselves.
    if (sign === 'strong' || this.opensAsARecentTurn(seedWords)) {
      return this.repeatsTail(this.longTailCodes(earlier), seedWords, positions, MAX_LONG_SEEDS, headRead, sign);
    }
    return (
      this.recent.hasAny(seedWords, positions) &&
      this.repeatsTail(this.longTailCodes(earlier), seedWords, positions, MAX_LONG_SEEDS, headRead, sign, MIN_MATCHES_LONG)
    );
  }

  /** Whether the head's first three words are those of one of the chunk's last turns. */
  private opensAsARecentTurn(seedWords: Float64Array): boolean {
    if (seedWords.length < 3) return false;
    for (let k = 0; k < this.turnStartsHeld; k++) {
      const at = 3 * k;
      if (this.turnStarts[at] === seedWords[0] && this.turnStarts[at + 1] === seedWords[1] && this.turnStarts[at + 2] === seedWords[2]) return true;
    }
    return false;
  }

  /** Whether the head, seeded by its first words, repeats the end of `tail`; reads the head in full at the first seed. */
  private repeatsTail(
    tail: { words: Float64Array; stems: Float64Array },
    seedWords: Float64Array,
    positions: number,
    maxSeeds: number,
    headRead: HeadRead,
    sign: Sign,
    leastMatches = 0,
  ): boolean {
    const seeds = seedsOf(tail.words, seedWords, positions, maxSeeds);
    if (seeds.length === 0) return false;
    // The head, as long as the farthest seed's repeat can be (`headWordsToRead`: up to 2,260
    // words, for a re-transcription half as long again as 1,500), read on into the turns after. Most seeds are three common words said again (`I don't know`), turned away by
    // the few words after them; the head is read that far first, and in full only when a seed
    // goes on matching (in a 328 KB inquiry record, 57 of the 285 searches that found seeds).
    const headLimit = Math.min(this.head.capacity, headWordsToRead(tail.words.length));
    let farthestSeed = 0;
    for (const seed of seeds) farthestSeed = Math.max(farthestSeed, seed.headStart);
    this.readHead(headRead, Math.min(headLimit, farthestSeed + SEED_FOLLOW_WORDS));
    if (!anySeedFollows(tail.words, this.head.view().words, seeds)) return false;
    this.readHead(headRead, headLimit);
    const head = this.head.view();
    const minMatches = Math.max(leastMatches, sign === 'strong' ? MIN_MATCHES_WITH_SIGN : MIN_MATCHES);
    const accept = (alignment: Alignment): boolean => {
      const longer = Math.max(alignment.tailEnd - alignment.tailStart, alignment.headEnd - alignment.headStart);
      if (alignment.headStart > MAX_HEAD_SKIP || alignment.matches < minMatches || alignment.matches < MIN_MATCH_RATIO * longer) return false;
      if (!endsLikeARepeat(tail, head, alignment)) return false;
      // Without a strong sign, a join must be nearly word for word, or long and varied: turns of
      // one template (`Turn number 5 of a long talk.`, `Turn number 6 …`) match six words in seven.
      if (sign !== 'strong' && alignment.matches < MIN_MATCH_RATIO_WITHOUT_SIGN * longer) {
        return (
          alignment.matches >= MIN_MATCHES_RETRANSCRIBED &&
          alignment.matches >= MIN_MATCH_RATIO_RETRANSCRIBED * longer &&
          distinctWords(head.words, alignment.headStart, alignment.headEnd) >= MIN_DISTINCT_WORDS_RETRANSCRIBED
        );
      }
      // A stamp that moves on is a speaker saying it again later (`You don't have a place to put
      // it, you gotta choose.` ten seconds after the one before said it); a join's stamp goes back
      // or stands still. Only a long repeat outweighs it.
      if (sign !== 'strong' && headRead.timeMovesOn && alignment.matches < MIN_MATCHES_LONG) return false;
      // With no other sign, the turn must go on past the repeat, as a chunk's opening turn goes
      // on to new speech: a turn that repeats part of the one before and stops is speech.
      if (sign !== 'none' || alignment.headEnd < headRead.ownWords) return true;
      // Or it is word for word the text before, and long: the same turns pasted twice; or so long
      // a repeat that no speaker says it again.
      if (alignment.matches >= MIN_MATCHES_VERBATIM && alignment.matches === longer) return true;
      return alignment.matches >= MIN_MATCHES_LONG;
    };
    return repeatFromSeeds(tail, head, seeds, accept) !== undefined;
  }

  /** Reads the head into `head` to `limit` words, unless it holds them or all there are already. */
  private readHead(headRead: HeadRead, limit: number): void {
    if (headRead.complete || headRead.readTo >= limit) return;
    this.head.length = 0;
    headRead.ownWords = wordCodesInto(headRead.turn, limit, false, this.head);
    for (let k = 0; this.head.length < limit; k++) {
      const more = headRead.following(k);
      if (!more) break;
      wordCodesInto(more, limit - this.head.length, false, this.head);
    }
    headRead.readTo = limit;
    headRead.complete = this.head.length < limit;
  }

  /**
   * The last LONG_TAIL_WORDS words of the chunk's turns before, in text order: the ring of the
   * last long search with the words of the turns added since, read back turn by turn from
   * `earlier(0)`, the last, as far as they reach.
   */
  private longTailCodes(earlier: (k: number) => TextReader | undefined): { words: Float64Array; stems: Float64Array } {
    const words: number[] = [];
    const stems: number[] = [];
    for (let k = 0; k < this.turnsSinceLongTail && words.length < LONG_TAIL_WORDS; k++) {
      const turn = earlier(k);
      if (!turn) break;
      this.turnWords.length = 0;
      wordCodesInto(turn, LONG_TAIL_WORDS - words.length, true, this.turnWords);
      for (let w = 0; w < this.turnWords.length; w++) {
        words.push(this.turnWords.words[w]!);
        stems.push(this.turnWords.stems[w]!);
      }
    }
    this.turnsSinceLongTail = 0;
    // Read from the end back: into the ring in text order, after what it held.
    for (let w = words.length - 1; w >= 0; w--) this.longRing.add(words[w]!, stems[w]!);
    return this.longRing.inOrder();
  }
}

/** The last `capacity` word codes added, in a ring: the chunk's last words. */
class CodeRing {
  private readonly words: Float64Array;
  private readonly stems: Float64Array;
  /** Where the next word goes, and how many the ring holds. */
  private next = 0;
  held = 0;
  private readonly ordered: Codes;

  constructor(private readonly capacity: number) {
    this.words = new Float64Array(capacity);
    this.stems = new Float64Array(capacity);
    this.ordered = new Codes(capacity);
  }

  add(word: number, stem: number): void {
    this.words[this.next] = word;
    this.stems[this.next] = stem;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.held < this.capacity) this.held++;
  }

  clear(): void {
    this.next = 0;
    this.held = 0;
  }

  /** The words held, oldest first. */
  inOrder(): { words: Float64Array; stems: Float64Array } {
    this.ordered.length = 0;
    const first = (this.next - this.held + this.capacity) % this.capacity;
    for (let k = 0; k < this.held; k++) this.ordered.add(this.words[(first + k) % this.capacity]!, this.stems[(first + k) % this.capacity]!);
    return this.ordered.view();
  }
}

/** How many different words `words[from, to)` has. */
function distinctWords(words: Float64Array, from: number, to: number): number {
  return new Set(words.subarray(from, to)).size;
}

/** Whether a character code is `.`, `?` or `!`; and one of the quotes and brackets that may close a sentence after it. */
const isFullStop = (code: number) => code === 0x2e || code === 0x3f || code === 0x21;
const isCloser = (code: number) => code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0x29 || code === 0x5d;

/**
 * Calls `visit` with a reader of the text from each sentence start in the turn on to the end of
 * its line: each line's start (a turn's lines are its paragraphs), and after each `.`, `?` or
 * `!` (closing quotes and brackets after it) followed by white space.
 */
function forEachSentenceStart(turn: TextReader, visit: (reader: TextReader) => void): void {
  turn.readSegments((text, start, end, line, character) => {
    const from = (at: number): TextReader => ({
      readSegments: (read) => {
        read(text, at, end, line, character + at - start);
      },
    });
    visit(from(start));
    for (let i = start; i < end - 1; i++) {
      if (!isFullStop(text.charCodeAt(i))) continue;
      let k = i + 1;
      while (k < end && isCloser(text.charCodeAt(k))) k++;
      if (k < end && isWhitespace(text.charCodeAt(k))) visit(from(k));
      i = k;
    }
  });
}
