import type { Turn } from '../model';
import { extendBack, extendToTailEnd, MAX_HEAD_SKIP, seedsOf } from '../checks/overlap/alignment';
import { wordCodesInto, type CodeSink } from '../checks/words';
import type { SectionText } from './sourceText';

/*
 * Joins of chunks that nothing marks: no marker line, no change of format. Pipelines that glue
 * their chunks together leave one sign there, the next chunk re-transcribing the end of the one
 * before, so a turn that opens by repeating the text before it starts a chunk. Real speech
 * repeats itself too (`I was against — I was against the war`, a question asked back), so a
 * join needs more than a chunk boundary's overlap does: more words, or a second sign (a stamp
 * that goes back, a label numbering that restarts).
 */

/** Words of the chunk's text before a turn that its opening may repeat. */
const TAIL_WORDS = 80;
/** Head positions whose first three words may seed a repeat (see `extendToTailEnd`). */
const SEED_POSITIONS = MAX_HEAD_SKIP + 3;
/** Exact word matches a join needs with no other sign (and then new words after the repeat), and with one. */
const MIN_MATCHES = 10;
const MIN_MATCHES_WITH_SIGN = 6;
/** Share of the longer side that must match exactly. */
const MIN_MATCH_RATIO = 0.6;

/** What reads a turn's text: a turn, or a draft not yet one (`draftText`). */
type TextReader = Pick<Turn, 'readSegments'>;

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
  private readonly ringWords = new Float64Array(TAIL_WORDS);
  private readonly ringStems = new Float64Array(TAIL_WORDS);
  /** Where the next word goes in the ring, and how many it holds. */
  private next = 0;
  private held = 0;
  private readonly turnEnd = new Codes(TAIL_WORDS);
  private readonly tail = new Codes(TAIL_WORDS);
  private readonly head = new Codes(TAIL_WORDS + 2 * MAX_HEAD_SKIP);

  startChunk(): void {
    this.held = 0;
    this.next = 0;
  }

  addTurn(turn: TextReader): void {
    // The turn's last words, read from its end back, go into the ring first word first.
    this.turnEnd.length = 0;
    wordCodesInto(turn, TAIL_WORDS, true, this.turnEnd);
    for (let k = this.turnEnd.length - 1; k >= 0; k--) {
      this.ringWords[this.next] = this.turnEnd.words[k]!;
      this.ringStems[this.next] = this.turnEnd.stems[k]!;
      this.next = (this.next + 1) % TAIL_WORDS;
      if (this.held < TAIL_WORDS) this.held++;
    }
  }

  /**
   * Whether the turn read by `turn` (the turns after it by `following`, as far as the repeat
   * needs) opens by repeating the end of the chunk's text so far. `sign`: a second sign of a
   * join, so fewer words suffice.
   */
  opensWithRepeat(turn: TextReader, following: (k: number) => TextReader | undefined, sign: boolean): boolean {
    if (this.held < MIN_MATCHES_WITH_SIGN) return false;
    this.head.length = 0;
    wordCodesInto(turn, SEED_POSITIONS + 2, false, this.head);
    const tail = this.tailCodes();
    const seeds = seedsOf(tail.words, this.head.words.subarray(0, this.head.length), SEED_POSITIONS);
    if (seeds.length === 0) return false;
    // The rest of the head, as long as the farthest seed's repeat can be.
    this.head.length = 0;
    const ownWords = wordCodesInto(turn, this.head.capacity, false, this.head);
    for (let k = 0; this.head.length < this.head.capacity; k++) {
      const more = following(k);
      if (!more) break;
      wordCodesInto(more, this.head.capacity - this.head.length, false, this.head);
    }
    const head = this.head.view();
    const minMatches = sign ? MIN_MATCHES_WITH_SIGN : MIN_MATCHES;
    for (const seed of seeds) {
      const extended = extendToTailEnd(tail, head, seed.tailStart, seed.headStart);
      if (!extended) continue;
      const alignment = extendBack(tail, head, extended);
      const longer = Math.max(alignment.tailEnd - alignment.tailStart, alignment.headEnd - alignment.headStart);
      if (alignment.headStart > MAX_HEAD_SKIP || alignment.matches < minMatches || alignment.matches < MIN_MATCH_RATIO * longer) continue;
      // With no other sign, the turn must go on past the repeat, as a chunk's opening turn goes
      // on to new speech: a turn said twice over, word for word and no more, is no join.
      if (sign || alignment.headEnd < ownWords) return true;
    }
    return false;
  }

  /** The ring's words in text order. */
  private tailCodes(): { words: Float64Array; stems: Float64Array } {
    this.tail.length = 0;
    const first = (this.next - this.held + TAIL_WORDS) % TAIL_WORDS;
    for (let k = 0; k < this.held; k++) this.tail.add(this.ringWords[(first + k) % TAIL_WORDS]!, this.ringStems[(first + k) % TAIL_WORDS]!);
    return this.tail.view();
  }
}
