import { turnWords } from '../checks/words';
import type { Speaker, TranscriptModel } from '../model';
import type { Link } from './evidence';
import type { Grouping } from './grouping';
import { isAnonymous, nameOf } from './names';

/*
 * The words people use. A person found across chunks by the other evidence has said enough for
 * a profile of their words; the labels of a chunk left on their own are compared with each
 * profile (how much likelier their words are under the person's word use than under everyone's)
 * and given people together, as two labels of a chunk are two people. A label clearly best
 * given one person is linked to it as a suggestion: a guess from style, weaker than any evidence
 * in the text, and it says so in its reason.
 */

/** Words a speaker must say to be compared, and a person to have a profile. */
const MIN_SPEAKER_WORDS = 40;
const MIN_PROFILE_WORDS = 300;
/** Smoothing of word counts: a word a profile never used is not impossible. */
const SMOOTHING = 0.5;
/**
 * How much better, per word, the best assignment must fit than the best that gives the label
 * another person, for the guess to be suggested. Wording is only ever suggested: on the
 * generator's debates, 82 % of the guesses this wide were right, and 95 % of the twenty widest.
 */
const MIN_MARGIN = 0.1;
const WORDING_CONFIDENCE = 0.6;

type Counts = Map<string, number>;

/**
 * Each speaker's word counts, kept from version to version: a speaker object is reused while its
 * section is unchanged (see `sections.ts`), so after a keystroke only the edited chunk's speakers
 * are counted again.
 */
const speakerCountsCache = new WeakMap<Speaker, { counts: Counts; total: number }>();

function countsOfSpeaker(model: TranscriptModel, speaker: Speaker): { counts: Counts; total: number } {
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

export function wordingLinks(model: TranscriptModel, grouping: Grouping): Link[] {
  const countsOf = new Map<number, { counts: Counts; total: number }>();
  const all: Counts = new Map();
  let allTotal = 0;
  const speakerCounts = model.speakers.map((speaker) => {
    const own = countsOfSpeaker(model, speaker);
    for (const [word, n] of own.counts) all.set(word, (all.get(word) ?? 0) + n);
    allTotal += own.total;
    return own;
  });
  for (const speaker of model.speakers) {
    const root = grouping.find(speaker.index);
    if (!grouping.isResolved(root) || isAnonymous(speaker)) continue;
    const group = countsOf.get(root) ?? countsOf.set(root, { counts: new Map(), total: 0 }).get(root)!;
    const own = speakerCounts[speaker.index]!;
    for (const [word, n] of own.counts) group.counts.set(word, (group.counts.get(word) ?? 0) + n);
    group.total += own.total;
  }
  // The people who said most: enough to tell a transcript's regular voices apart, and a bound on the work.
  const profiles = [...countsOf]
    .filter(([, group]) => group.total >= MIN_PROFILE_WORDS)
    .sort((x, y) => y[1].total - x[1].total)
    .slice(0, MAX_PROFILES);
  if (profiles.length < 2) return [];
  const vocabulary = all.size;
  const background = (word: string) => Math.log(((all.get(word) ?? 0) + SMOOTHING) / (allTotal + SMOOTHING * vocabulary));

  const links: Link[] = [];
  // Per chunk, its lone labels are given people all at once: two labels of a chunk are never one
  // person, so the best assignment of the chunk's labels to people (or to no one) is sought, and a
  // label is linked by how much the best assignment beats the best one that gives it another.
  const lone = new Map<number, number[]>();
  for (const speaker of model.speakers) {
    const root = grouping.find(speaker.index);
    if (grouping.isResolved(root) || isAnonymous(speaker) || nameOf(speaker) !== undefined) continue;
    if (speakerCounts[speaker.index]!.total < MIN_SPEAKER_WORDS) continue;
    (lone.get(speaker.chunkIndex) ?? lone.set(speaker.chunkIndex, []).get(speaker.chunkIndex)!).push(speaker.index);
  }
  for (const [chunk, speakerList] of lone) {
    const candidates = profiles.filter(([root]) => !grouping.chunksOfGroup(root).has(chunk));
    if (candidates.length < 2 || speakerList.length > MAX_JOINT_LABELS) continue;
    // fit[s][p]: how much likelier the label's words are under person p than under everyone.
    const fit = speakerList.map((index) => {
      const own = speakerCounts[index]!;
      return candidates.map(([, profile]) => {
        let score = 0;
        for (const [word, n] of own.counts) {
          const p = Math.log(((profile.counts.get(word) ?? 0) + SMOOTHING) / (profile.total + SMOOTHING * vocabulary));
          score += n * (p - background(word));
        }
        return score;
      });
    });
    // Relative to the label's average fit: a small profile fits any words worse than everyone's
    // speech does, so only how the people compare says anything.
    for (const row of fit) {
      const mean = row.reduce((sum, value) => sum + value, 0) / row.length;
      for (let p = 0; p < row.length; p++) row[p]! -= mean;
    }
    // The search tries every assignment: to the people each label fits best, a few of them.
    const shortlist = shortlistOf(fit, MAX_JOINT_PEOPLE);
    const narrowed = fit.map((row) => shortlist.map((p) => row[p]!));
    const best = bestAssignment(narrowed, shortlist.length, -1, -1);
    speakerList.forEach((index, s) => {
      const q = best.choice[s]!;
      if (q < 0) return;
      const p = shortlist[q]!;
      const other = bestAssignment(narrowed, shortlist.length, s, q);
      const margin = (best.total - other.total) / speakerCounts[index]!.total;
      if (margin < MIN_MARGIN) return;
      const speaker = model.speakers[index]!;
      const target = model.speakers[candidates[p]![0]]!;
      const who = nameOf(target) ?? `chunk ${target.chunkIndex + 1}'s ${target.label}`;
      links.push({
        kind: 'wording',
        from: index,
        to: candidates[p]![0],
        confidence: WORDING_CONFIDENCE,
        line: model.turns[speaker.turnIndices[0]!]!.range.start.line,
        reason: `the ${speakerCounts[index]!.total} words of chunk ${speaker.chunkIndex + 1}'s ${speaker.label} are most like ${who}'s (a guess from wording)`,
      });
    });
  }
  return links;
}

/** Labels of one chunk assigned jointly, and people they are assigned among, at most: the search tries every assignment. */
const MAX_JOINT_LABELS = 4;
const MAX_JOINT_PEOPLE = 6;
/** People with a profile, at most: those who said most. */
const MAX_PROFILES = 16;

/** The columns that are some row's best `per` columns, as few as that makes, at most `limit`. */
function shortlistOf(fit: number[][], limit: number): number[] {
  const chosen = new Set<number>();
  const ranked = fit.map((row) => row.map((_, p) => p).sort((a, b) => row[b]! - row[a]!));
  for (let rank = 0; chosen.size < limit && ranked.some((order) => rank < order.length); rank++) {
    for (const order of ranked) if (rank < order.length && chosen.size < limit) chosen.add(order[rank]!);
  }
  return [...chosen];
}

/**
 * The assignment of labels (rows of `fit`) to distinct people (columns), or to no one (scoring
 * 0), with the greatest total fit; `barredLabel` may not take `barredPerson`.
 */
function bestAssignment(fit: number[][], people: number, barredLabel: number, barredPerson: number): { total: number; choice: number[] } {
  let best = { total: -Infinity, choice: [] as number[] };
  const choice: number[] = [];
  const taken = new Array<boolean>(people).fill(false);
  const visit = (s: number, total: number) => {
    if (s === fit.length) {
      if (total > best.total) best = { total, choice: [...choice] };
      return;
    }
    choice.push(-1);
    visit(s + 1, total);
    choice.pop();
    for (let p = 0; p < people; p++) {
      if (taken[p] || (s === barredLabel && p === barredPerson)) continue;
      taken[p] = true;
      choice.push(p);
      visit(s + 1, total + fit[s]![p]!);
      choice.pop();
      taken[p] = false;
    }
  };
  visit(0, 0);
  return best;
}
