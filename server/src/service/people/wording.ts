import { turnWords } from '../checks/words';
import type { TranscriptModel } from '../model';
import type { Link } from './evidence';
import type { Grouping } from './grouping';
import { isAnonymous, nameOf } from './names';

/*
 * The words people use. A person found across chunks by the other evidence has said enough for
 * a profile of their words; a chunk speaker left on its own is compared with each profile (how
 * much likelier its words are under the person's word use than under everyone's) and linked to
 * the one it is clearly most like, as a suggestion: a guess from style, weaker than any evidence
 * in the text, and it says so in its reason.
 */

/** Words a speaker must say to be compared, and a person to have a profile. */
const MIN_SPEAKER_WORDS = 40;
const MIN_PROFILE_WORDS = 300;
/** Smoothing of word counts: a word a profile never used is not impossible. */
const SMOOTHING = 0.5;
/**
 * How much better, per word, the best profile must fit than the next, to be suggested. Wording
 * is only ever suggested: on the generator's debates, 70 % of such guesses were right, and 85 %
 * of the twenty with the widest margins.
 */
const MIN_MARGIN = 0.1;
const WORDING_CONFIDENCE = 0.6;

type Counts = Map<string, number>;

export function wordingLinks(model: TranscriptModel, grouping: Grouping): Link[] {
  const countsOf = new Map<number, { counts: Counts; total: number }>();
  const all: Counts = new Map();
  let allTotal = 0;
  const add = (counts: Counts, word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  const speakerCounts = model.speakers.map((speaker) => {
    const counts: Counts = new Map();
    let total = 0;
    for (const index of speaker.turnIndices) {
      for (const word of turnWords(model.turns[index]!)) {
        add(counts, word.norm);
        add(all, word.norm);
        total++;
        allTotal++;
      }
    }
    return { counts, total };
  });
  for (const speaker of model.speakers) {
    const root = grouping.find(speaker.index);
    if (!grouping.isResolved(root) || isAnonymous(speaker)) continue;
    const group = countsOf.get(root) ?? countsOf.set(root, { counts: new Map(), total: 0 }).get(root)!;
    const own = speakerCounts[speaker.index]!;
    for (const [word, n] of own.counts) group.counts.set(word, (group.counts.get(word) ?? 0) + n);
    group.total += own.total;
  }
  const profiles = [...countsOf].filter(([, group]) => group.total >= MIN_PROFILE_WORDS);
  if (profiles.length < 2) return [];
  const vocabulary = all.size;
  const background = (word: string) => Math.log(((all.get(word) ?? 0) + SMOOTHING) / (allTotal + SMOOTHING * vocabulary));

  const links: Link[] = [];
  for (const speaker of model.speakers) {
    const root = grouping.find(speaker.index);
    if (grouping.isResolved(root) || isAnonymous(speaker) || nameOf(speaker) !== undefined) continue;
    const own = speakerCounts[speaker.index]!;
    if (own.total < MIN_SPEAKER_WORDS) continue;
    const fits: Array<[number, number]> = [];
    for (const [profileRoot, profile] of profiles) {
      // Never a person who already speaks in this chunk.
      if (grouping.chunksOfGroup(profileRoot).has(speaker.chunkIndex)) continue;
      let score = 0;
      for (const [word, n] of own.counts) {
        const p = Math.log(((profile.counts.get(word) ?? 0) + SMOOTHING) / (profile.total + SMOOTHING * vocabulary));
        score += n * (p - background(word));
      }
      fits.push([profileRoot, score / own.total]);
    }
    fits.sort((x, y) => y[1] - x[1]);
    const [best, second] = fits;
    if (!best) continue;
    const margin = second ? best[1] - second[1] : Infinity;
    if (margin < MIN_MARGIN) continue;
    const target = model.speakers[best[0]]!;
    const who = nameOf(target) ?? `chunk ${target.chunkIndex + 1}'s ${target.label}`;
    links.push({
      kind: 'wording',
      from: speaker.index,
      to: best[0],
      confidence: WORDING_CONFIDENCE,
      line: model.turns[speaker.turnIndices[0]!]!.range.start.line,
      reason: `the ${own.total} words of chunk ${speaker.chunkIndex + 1}'s ${speaker.label} are most like ${who}'s (a guess from wording)`,
    });
  }
  return links;
}
