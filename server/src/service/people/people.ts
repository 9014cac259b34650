import { findOverlaps } from '../checks/overlap/overlap';
import type { Overlap } from '../checks/overlap/overlapResult';
import type { TranscriptModel } from '../model';
import { DEFAULT_SETTINGS } from '../settings';
import { addressLinks, continuationLinks, introductionLinks, nameLinks, seamLinks } from './evidence';
import { APPLIED_CONFIDENCE, Grouping, type People } from './grouping';
import { WordingRounds } from './wording';

/*
 * Who is who. The parser gives one speaker per label per chunk, as chunked pipelines restart
 * their labels (`Speaker 1`) in every chunk; a person is a set of those speakers. The text says
 * which belong together: names (a cast line, a name label, `Speaker 3 (Clinton)`), the repeated
 * text at a seam (whoever speaks the repeat spoke the original), a sentence carried on across a
 * join, a speaker introducing themselves, the names the speakers beside one use for it. Each
 * link has a confidence; the confident ones are applied, strongest first, and never so as to make
 * two labels of one chunk one person; the rest are offered as suggestions. Then the speakers left
 * on their own are compared, by the words they use, with the people found so far.
 */

export type { EvidenceKind, Link } from './evidence';
export { APPLIED_CONFIDENCE, type People, type Person } from './grouping';

/** Rounds of wording guesses at most: on the generator's debates, eight rounds found 0.2 points of recall more than four. */
const WORDING_ROUNDS = 4;

/** The people of a model, from its text and the overlaps found at its seams. */
export function resolvePeople(model: TranscriptModel, overlaps: readonly Overlap[]): People {
  const grouping = new Grouping(model);
  grouping.applyAll([
    ...nameLinks(model),
    ...seamLinks(model, overlaps),
    ...continuationLinks(model, overlaps),
    ...introductionLinks(model),
    ...addressLinks(model),
  ]);
  // Each person the wording joins says more for the next guesses: a few rounds, the sure guesses
  // applied in each, then the last round's others offered.
  const wording = new WordingRounds(model);
  for (let round = 0; ; round++) {
    const links = wording.links(grouping);
    const sure = links.filter((link) => link.confidence >= APPLIED_CONFIDENCE);
    if (sure.length === 0 || round === WORDING_ROUNDS - 1) {
      grouping.applyAll(links);
      break;
    }
    grouping.applyAll(sure);
  }
  return grouping.people();
}

/**
 * The people of a model with no analysis to ask: its seams found again with the default settings.
 * For a model parsed on its own (tests, `exportTranscript`); the service asks `Analysis.people`.
 */
export function resolvePeopleOf(model: TranscriptModel): People {
  return resolvePeople(model, findOverlaps(model, DEFAULT_SETTINGS));
}
