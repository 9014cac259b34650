import { turnWords } from '../checks/words';
import type { Speaker, TranscriptModel } from '../model';
import type { Link } from './evidence';
import type { Grouping } from './grouping';
import { isAnonymous, nameOf } from './names';

/*
 * The words people use. The people the text names have said enough for a profile of their words
 * (or, where fewer than two are named, the groups that said most). Every other group of labels,
 * a lone label or labels the evidence tied together, is compared with each profile it could be
 * (one who speaks in none of its chunks): how much likelier its words are under the person's
 * word use than under everyone's. A group clearly best given one person is linked to it: applied when the
 * margin is wide, else suggested, and the reason says it is a guess from wording. Each person
 * the guesses join says more for the next round (see `people.ts`).
 */

/** Words a group must say to be compared, and a person to have a profile. */
const MIN_SPEAKER_WORDS = 40;
const MIN_PROFILE_WORDS = 300;
/**
 * A profile's word shares are drawn toward everyone's as if this many words of everyone's speech
 * were added: a word a person never used is not impossible, and a rare one says little.
 */
const PRIOR_WORDS = 500;
/**
 * How much better, per word, the best person must fit than the next, for the guess to be
 * suggested, and for it to be applied. Set on the generator's debates (`measure-checks`): applied
 * from 0.25, the people stay above 95 % precision (96.3 %, recall 16.5 %); from 0.2 they are at 95.1 % (recall 19.9 %).
 */
const MIN_MARGIN = 0.1;
const SURE_MARGIN = 0.25;
const WORDING_CONFIDENCE = 0.6;
const SURE_WORDING_CONFIDENCE = 0.8;
/** People with a profile, at most: those who said most. */
const MAX_PROFILES = 16;

type Counts = Map<string, number>;

/**
 * Each speaker's word counts, kept from version to version: a speaker object is reused while its
 * section is unchanged (see `sections.ts`), so after a keystroke only the edited chunk's speakers
 * are counted again.
 */
const speakerCountsCache = new WeakMap<Speaker, SpeakerCounts>();

interface SpeakerCounts {
  readonly counts: Counts;
  readonly total: number;
}

function countsOfSpeaker(model: TranscriptModel, speaker: Speaker): SpeakerCounts {
  let cached = speakerCountsCache.get(speaker);
  if (!cached) {
    const counts: Counts = new Map();
    let total = 0;
    for (const index of speaker.turnIndices) {
      for (const word of turnWords(model.turns[index]!)) {
        counts.set(word.norm, (counts.get(word.norm) ?? 0) + 1);
        total++;
      }
    }
    speakerCountsCache.set(speaker, (cached = { counts, total }));
  }
  return cached;
}

/** Word counts summed over a set of speakers. Its order is not the speakers': no fit sums over it (see `tallyOf`). */
interface Tally {
  /** The speakers counted, each with the counts that were added. */
  readonly members: ReadonlyMap<Speaker, SpeakerCounts>;
  readonly counts: Counts;
  readonly total: number;
}

/**
 * The last tallies made, each under every speaker it counts: everyone's words (`everyone`), and a
 * profile's (`profiles`). The next tally of nearly the same speakers starts from one: a keystroke
 * replaces the speakers of one chunk, and a round of guesses adds a few labels to a person, so
 * summing every speaker's counts again, as each of the four rounds of each version once did, cost
 * about 40 ms a round on the 2 MB bench transcript. Weak, so a tally goes with its speakers.
 */
const everyoneTallies = new WeakMap<Speaker, Tally>();
const profileTallies = new WeakMap<Speaker, Tally>();

/**
 * The summed counts of `members`, made from the tally of one of them in `tallies` when it
 * shares most of its speakers (the others' counts taken off, the new ones' added), else afresh.
 * A count that falls to zero leaves its word in the map: lookups read it as 0 either way. The map's
 * order is then not what summing the speakers afresh gives; it only numbers the words
 * (`WordingRounds`), and the fits add their logarithms in each group's own order.
 */
function tallyOf(model: TranscriptModel, members: readonly Speaker[], tallies: WeakMap<Speaker, Tally>): Tally {
  const memberCounts = new Map(members.map((speaker) => [speaker, countsOfSpeaker(model, speaker)]));
  let earlier: Tally | undefined;
  for (const speaker of members) if ((earlier = tallies.get(speaker))) break;
  let tally: Tally | undefined;
  if (earlier) {
    const gone = [...earlier.members].filter(([speaker]) => !memberCounts.has(speaker));
    const added = [...memberCounts].filter(([speaker]) => !earlier.members.has(speaker));
    if (gone.length + added.length < members.length) {
      const counts = new Map(earlier.counts);
      let total = earlier.total;
      for (const [, own] of gone) total -= addCounts(counts, own, -1);
      for (const [, own] of added) total += addCounts(counts, own, 1);
      tally = { members: memberCounts, counts, total };
    }
  }
  if (!tally) {
    const counts: Counts = new Map();
    let total = 0;
    for (const own of memberCounts.values()) total += addCounts(counts, own, 1);
    tally = { members: memberCounts, counts, total };
  }
  for (const speaker of members) tallies.set(speaker, tally);
  return tally;
}

/** Adds a speaker's counts to `counts`, `sign` times; returns how many words that was. */
function addCounts(counts: Counts, own: SpeakerCounts, sign: 1 | -1): number {
  for (const [word, n] of own.counts) counts.set(word, (counts.get(word) ?? 0) + sign * n);
  return own.total;
}

/**
 * The wording guesses of one resolution of a version's people, round by round: `links` once a
 * round, with the groups the evidence and the rounds before made. What the rounds share is made
 * once: everyone's word counts, each word's number and share of everything said, and each group
 * compared so far as its words' numbers and counts. Each person compared with is a row of counts
 * by word number, so that the fit reads numbers from arrays rather than strings from maps (about
 * half of the speakers view's time after a keystroke on the 2 MB bench transcript).
 */
export class WordingRounds {
  private readonly everyone: Tally;
  private readonly wordNumbers = new Map<string, number>();
  /** Each word's share of everything said, by its number. */
  private readonly background: Float64Array;
  private readonly groupWords = new Map<string, { words: Int32Array; counts: Float64Array }>();
  /** The rows of the people compared with in the last round, and the words written in each, to clear. */
  private readonly profileRows: Array<{ counts: Float64Array; written: number[] }> = [];

  constructor(private readonly model: TranscriptModel) {
    this.everyone = tallyOf(model, model.speakers, everyoneTallies);
    this.background = new Float64Array(this.everyone.counts.size);
    for (const [word, n] of this.everyone.counts) {
      this.background[this.wordNumbers.size] = n / this.everyone.total;
      this.wordNumbers.set(word, this.wordNumbers.size);
    }
  }

  links(grouping: Grouping): Link[] {
    const { model } = this;
    if (this.everyone.total === 0) return [];

    // The groups the evidence made so far, each with its speakers; their words are summed only for
    // the groups compared below.
    const groups = new Map<number, { total: number; named: boolean; speakers: number[] }>();
    for (const speaker of model.speakers) {
      if (isAnonymous(speaker)) continue;
      const root = grouping.find(speaker.index);
      const group = groups.get(root) ?? groups.set(root, { total: 0, named: false, speakers: [] }).get(root)!;
      group.total += countsOfSpeaker(model, speaker).total;
      group.speakers.push(speaker.index);
      if (nameOf(speaker) !== undefined) group.named = true;
    }
    // The voices to compare with: the named people who said enough, or where fewer than two are
    // named, the groups that said most.
    const large = [...groups].filter(([, group]) => group.total >= MIN_PROFILE_WORDS).sort((x, y) => y[1].total - x[1].total);
    const named = large.filter(([, group]) => group.named);
    const chosen = (named.length >= 2 ? named : large).slice(0, MAX_PROFILES);
    if (chosen.length < 2) return [];
    const isProfile = new Set(chosen.map(([root]) => root));
    const profiles = chosen.map(([root, group], k) => {
      const tally = tallyOf(model, speakersOf(model, group.speakers), profileTallies);
      return { root, total: tally.total, counts: this.profileRow(k, tally) };
    });

    const links: Link[] = [];
    for (const [root, group] of groups) {
      if (group.named || isProfile.has(root) || group.total < MIN_SPEAKER_WORDS) continue;
      const { words, counts } = this.wordsOf(group.speakers);
      // A group may be only someone who speaks in none of its chunks.
      const fits: Array<{ root: number; fit: number }> = [];
      for (const profile of profiles) {
        if (grouping.shareAChunk(root, profile.root)) continue;
        let fit = 0;
        for (let i = 0; i < words.length; i++) {
          const word = words[i]!;
          const background = this.background[word]!;
          fit += counts[i]! * Math.log((profile.counts[word]! + PRIOR_WORDS * background) / (profile.total + PRIOR_WORDS) / background);
        }
        fits.push({ root: profile.root, fit });
      }
      if (fits.length < 2) continue;
      fits.sort((x, y) => y.fit - x.fit);
      const margin = (fits[0]!.fit - fits[1]!.fit) / group.total;
      if (margin < MIN_MARGIN) continue;
      const speaker = model.speakers[group.speakers[0]!]!;
      const target = model.speakers[fits[0]!.root]!;
      const who = nameOf(target) ?? `chunk ${target.chunkIndex + 1}'s ${target.label}`;
      const whose =
        group.speakers.length > 1
          ? `chunk ${speaker.chunkIndex + 1}'s ${speaker.label} and the labels tied to it`
          : `chunk ${speaker.chunkIndex + 1}'s ${speaker.label}`;
      links.push({
        kind: 'wording',
        from: speaker.index,
        to: target.index,
        confidence: margin >= SURE_MARGIN ? SURE_WORDING_CONFIDENCE : WORDING_CONFIDENCE,
        line: model.turns[speaker.turnIndices[0]!]!.range.start.line,
        reason: `the ${group.total} words of ${whose} are most like ${who}'s (a guess from wording)`,
      });
    }
    return links;
  }

  /** The `k`th person's counts by word number, in the row kept for the `k`th person of each round. */
  private profileRow(k: number, tally: Tally): Float64Array {
    const row = (this.profileRows[k] ??= { counts: new Float64Array(this.background.length), written: [] });
    for (const word of row.written) row.counts[word] = 0;
    row.written.length = 0;
    for (const [text, n] of tally.counts) {
      // A word no one says now is left at 0; it may linger in a tally as a count taken back to 0.
      const word = this.wordNumbers.get(text);
      if (word === undefined) continue;
      row.counts[word] = n;
      row.written.push(word);
    }
    return row.counts;
  }

  /** A group's words and how often it says each, summed in its speakers' order: the fit adds a logarithm a word, in this order. */
  private wordsOf(speakers: readonly number[]): { words: Int32Array; counts: Float64Array } {
    const key = speakers.join(' ');
    let found = this.groupWords.get(key);
    if (!found) {
      const summed: Counts = new Map();
      for (const speaker of speakersOf(this.model, speakers)) addCounts(summed, countsOfSpeaker(this.model, speaker), 1);
      found = { words: new Int32Array(summed.size), counts: new Float64Array(summed.size) };
      let i = 0;
      for (const [text, n] of summed) {
        found.words[i] = this.wordNumbers.get(text)!;
        found.counts[i++] = n;
      }
      this.groupWords.set(key, found);
    }
    return found;
  }
}

function speakersOf(model: TranscriptModel, indices: readonly number[]): Speaker[] {
  return indices.map((index) => model.speakers[index]!);
}
