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
  const all: Counts = new Map();
  let allTotal = 0;
  const speakerCounts = model.speakers.map((speaker) => {
    const own = countsOfSpeaker(model, speaker);
    for (const [word, n] of own.counts) all.set(word, (all.get(word) ?? 0) + n);
    allTotal += own.total;
    return own;
  });
  if (allTotal === 0) return [];
  const share = (word: string) => (all.get(word) ?? 0) / allTotal;

  // The groups the evidence made so far, each with its words.
  const groups = new Map<number, { counts: Counts; total: number; named: boolean; speakers: number[] }>();
  for (const speaker of model.speakers) {
    if (isAnonymous(speaker)) continue;
    const root = grouping.find(speaker.index);
    const group = groups.get(root) ?? groups.set(root, { counts: new Map(), total: 0, named: false, speakers: [] }).get(root)!;
    const own = speakerCounts[speaker.index]!;
    for (const [word, n] of own.counts) group.counts.set(word, (group.counts.get(word) ?? 0) + n);
    group.total += own.total;
    group.speakers.push(speaker.index);
    if (nameOf(speaker) !== undefined) group.named = true;
  }
  // The voices to compare with: the named people who said enough, or where fewer than two are
  // named, the groups that said most.
  const large = [...groups].filter(([, group]) => group.total >= MIN_PROFILE_WORDS).sort((x, y) => y[1].total - x[1].total);
  const named = large.filter(([, group]) => group.named);
  const profiles = (named.length >= 2 ? named : large).slice(0, MAX_PROFILES);
  if (profiles.length < 2) return [];
  const isProfile = new Set(profiles.map(([root]) => root));

  const links: Link[] = [];
  for (const [root, group] of groups) {
    if (group.named || isProfile.has(root) || group.total < MIN_SPEAKER_WORDS) continue;
    // A group may be only someone who speaks in none of its chunks.
    const fits: Array<{ root: number; fit: number }> = [];
    for (const [profileRoot, profile] of profiles) {
      if (grouping.shareAChunk(root, profileRoot)) continue;
      let fit = 0;
      for (const [word, n] of group.counts) {
        const background = share(word);
        fit += n * Math.log(((profile.counts.get(word) ?? 0) + PRIOR_WORDS * background) / (profile.total + PRIOR_WORDS) / background);
      }
      fits.push({ root: profileRoot, fit });
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
