import { edgeWords, endsSentence, normalizeWord, turnWordCount, turnWords } from '../checks/words';
import type { Overlap } from '../checks/overlap/overlapResult';
import type { Speaker, TranscriptModel, Turn } from '../model';
import { isAnonymous, isGenericLabel, nameKey, nameOf } from './names';

/*
 * The evidence that two chunk speakers are one person, each kind found on its own. A link says
 * which speakers, how sure it is, where the evidence is, and why, in words a user reads in the
 * Speakers view and the hover.
 */

export type EvidenceKind = 'name' | 'seam' | 'continuation' | 'introduction' | 'address' | 'wording';

export interface Link {
  readonly kind: EvidenceKind;
  /** The speaker the evidence is about (the later one, for a link between two). */
  readonly from: number;
  /** The speaker it is the same person as; absent when the evidence gives only a name (`named`). */
  readonly to?: number;
  /** A name the speaker gives themselves that no speaker of the document has. */
  readonly named?: string;
  /** From 0 to 1. */
  readonly confidence: number;
  /** Where the evidence is: a zero-based line. */
  readonly line: number;
  /** Why, for the user: `its turn at line 141 repeats Donald Trump's words at line 130`. */
  readonly reason: string;
  /** Set on a suggestion that was not applied because both speakers speak in one chunk. */
  readonly conflict?: boolean;
}

/** How a speaker is shown in a reason: `Hillary Clinton`, or `chunk 3's Speaker 2`. */
function shown(speaker: Speaker): string {
  const name = nameOf(speaker);
  return name ?? `chunk ${speaker.chunkIndex + 1}'s ${speaker.label || 'unnamed speaker'}`;
}

/** Each name the document gives (compared as `nameKey` makes it), with the first speaker who goes by it. */
function firstSpeakerOfEachName(model: TranscriptModel): Map<string, Speaker> {
  const byName = new Map<string, Speaker>();
  for (const speaker of model.speakers) {
    const name = nameOf(speaker);
    if (name !== undefined && !byName.has(nameKey(name))) byName.set(nameKey(name), speaker);
  }
  return byName;
}

const anonymous = (model: TranscriptModel, turn: Turn) => isAnonymous(model.speakers[turn.speakerIndex]!);

function firstLine(model: TranscriptModel, speaker: Speaker): number {
  return model.turns[speaker.turnIndices[0]!]!.range.start.line;
}

/**
 * Names. One name is one person wherever it is written; a single-word name (`Clinton`) that is the
 * last word of exactly one longer name (`Hillary Clinton`) is that person, a little less surely; and
 * a label that is a role (`Moderator`), written with one name in one place (`Moderator (Lester
 * Holt)`), is that person where it stands alone.
 */
export function nameLinks(model: TranscriptModel): Link[] {
  const links: Link[] = [];
  const byName = new Map<string, Speaker[]>();
  for (const speaker of model.speakers) {
    const name = nameOf(speaker);
    if (name === undefined) continue;
    const key = nameKey(name);
    const list = byName.get(key);
    if (list) list.push(speaker);
    else byName.set(key, [speaker]);
  }
  for (const list of byName.values()) {
    for (let k = 1; k < list.length; k++) {
      links.push({
        kind: 'name',
        from: list[k]!.index,
        to: list[0]!.index,
        confidence: 1,
        line: firstLine(model, list[k]!),
        reason: `named ${nameOf(list[k]!)!} at line ${firstLine(model, list[k]!) + 1} too`,
      });
    }
  }
  // Surnames: `Clinton` for the one longer name that ends with it.
  const longNames = [...byName.keys()].filter((key) => key.includes(' '));
  for (const [key, list] of byName) {
    if (key.includes(' ')) continue;
    const full = longNames.filter((long) => long.endsWith(` ${key}`));
    if (full.length !== 1) continue;
    const target = byName.get(full[0]!)![0]!;
    links.push({
      kind: 'name',
      from: list[0]!.index,
      to: target.index,
      confidence: 0.9,
      line: firstLine(model, list[0]!),
      reason: `${nameOf(list[0]!)!} is ${nameOf(target)!}'s surname`,
    });
  }
  // Roles: a label given one name somewhere is that name where it stands alone.
  const namesOfRole = new Map<string, Set<string>>();
  for (const speaker of model.speakers) {
    if (speaker.name === undefined || speaker.label === '' || isGenericLabel(speaker.label)) continue;
    const role = nameKey(speaker.label);
    (namesOfRole.get(role) ?? namesOfRole.set(role, new Set()).get(role)!).add(nameKey(speaker.name));
  }
  for (const speaker of model.speakers) {
    // `Moderator:` alone, or `Speaker: Moderator` announced.
    const role = speaker.name ?? speaker.label;
    if (speaker.name !== undefined && speaker.label !== '' && !isGenericLabel(speaker.label)) continue;
    const names = namesOfRole.get(nameKey(role));
    if (names?.size !== 1) continue;
    const target = byName.get([...names][0]!)![0]!;
    links.push({
      kind: 'name',
      from: speaker.index,
      to: target.index,
      confidence: 0.85,
      line: firstLine(model, speaker),
      reason: `${role} is ${nameOf(target)!} where the label is given a name`,
    });
  }
  return links;
}

/** Words a turn's part of a repeat has at least for its speaker to be linked; and, to be linked surely. */
const MIN_SEAM_WORDS = 4;
const SURE_SEAM_WORDS = 8;
/** Share of a repeated turn's words that must repeat one earlier speaker. */
const SEAM_AGREEMENT = 0.8;

/**
 * Seams: the later chunk's turns that repeat the earlier chunk's text are spoken by whoever spoke
 * it. The overlap check pairs the two copies as runs of words; a repeat word's partner is taken
 * at the same share of the way along the original, close enough to tell whose turn it falls in.
 */
export function seamLinks(model: TranscriptModel, overlaps: readonly Overlap[]): Link[] {
  const links: Link[] = [];
  for (const overlap of overlaps) {
    // Where each original span starts, in words from the original's start.
    const starts: number[] = [];
    let total = 0;
    for (const span of overlap.original) {
      starts.push(total);
      total += span.count;
    }
    if (total === 0 || overlap.repeatLength === 0) continue;
    const scale = total / overlap.repeatLength;
    let offset = 0;
    for (const span of overlap.repeat) {
      const at = offset;
      offset += span.count;
      if (span.count < MIN_SEAM_WORDS) continue;
      const votes = new Map<number, number>();
      for (let k = at; k < at + span.count; k++) {
        const position = Math.min(total - 1, Math.floor((k + 0.5) * scale));
        let s = starts.length - 1;
        while (s > 0 && starts[s]! > position) s--;
        const turnIndex = overlap.original[s]!.turnIndex;
        votes.set(turnIndex, (votes.get(turnIndex) ?? 0) + 1);
      }
      const [originalTurn, agreeing] = [...votes].reduce((best, vote) => (vote[1] > best[1] ? vote : best));
      if (agreeing < SEAM_AGREEMENT * span.count) continue;
      const later = model.turns[span.turnIndex]!;
      const earlier = model.turns[originalTurn]!;
      if (later.speakerIndex === earlier.speakerIndex || anonymous(model, later) || anonymous(model, earlier)) continue;
      // A turn that goes on past the repeat with speech of its own may be the next speaker's,
      // the repeat run into it: sure only when the repeat is most of the turn.
      const wholeTurn = span.count >= turnWordCount(later) - 2;
      links.push({
        kind: 'seam',
        from: later.speakerIndex,
        to: earlier.speakerIndex,
        confidence: span.count >= SURE_SEAM_WORDS && wholeTurn ? 0.95 : 0.7,
        line: later.range.start.line,
        reason: `the turn at line ${later.range.start.line + 1} repeats ${shown(model.speakers[earlier.speakerIndex]!)}'s words at line ${earlier.range.start.line + 1}`,
      });
    }
  }
  return links;
}

/**
 * A sentence carried across a join: a chunk whose last turn breaks off mid-sentence, and a next
 * chunk whose first turn opens in the middle of one, with nothing repeated between them.
 */
export function continuationLinks(model: TranscriptModel, overlaps: readonly Overlap[]): Link[] {
  const seams = new Set(overlaps.map((o) => o.chunkIndex));
  const links: Link[] = [];
  for (const chunk of model.chunks) {
    if (chunk.index === 0 || chunk.turnCount === 0 || seams.has(chunk.index)) continue;
    const before = model.chunks[chunk.index - 1]!;
    if (before.turnCount === 0) continue;
    const last = model.turns[before.firstTurn + before.turnCount - 1]!;
    const first = model.turns[chunk.firstTurn]!;
    if (anonymous(model, last) || anonymous(model, first) || last.speakerIndex === first.speakerIndex) continue;
    const lastWords = edgeWords(last);
    const firstWords = edgeWords(first);
    if (!lastWords || !firstWords) continue;
    if (endsSentence(lastWords.last) || !/^\P{L}*\p{Ll}/u.test(firstWords.first)) continue;
    links.push({
      kind: 'continuation',
      from: first.speakerIndex,
      to: last.speakerIndex,
      confidence: 0.85,
      line: first.range.start.line,
      reason: `the turn at line ${first.range.start.line + 1} goes on with the sentence ${shown(model.speakers[last.speakerIndex]!)} broke off at line ${last.range.end.line + 1}`,
    });
  }
  return links;
}

/** `my name is Dana Reyes`, `I'm Bob McGrew`: up to three capitalised words after it. */
const INTRODUCTION = /\b([Mm]y name is|I'm|I’m|I am)\s+(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2})/u;
/** Characters of a turn's opening looked at for an introduction. */
const INTRODUCTION_REACH = 200;

/**
 * Self-introductions by a speaker with no name. `My name is …` names them; `I'm …` only when it
 * gives a name the document has (`I'm Sorry` is no one).
 */
export function introductionLinks(model: TranscriptModel): Link[] {
  const byName = firstSpeakerOfEachName(model);
  const links: Link[] = [];
  const done = new Set<number>();
  for (const turn of model.turns) {
    const speaker = model.speakers[turn.speakerIndex]!;
    if (done.has(speaker.index) || nameOf(speaker) !== undefined || isAnonymous(speaker)) continue;
    const match = INTRODUCTION.exec(openingText(turn));
    if (!match) continue;
    const words = match[2]!.split(' ');
    // The longest run of the words that is a name the document has.
    let known: Speaker | undefined;
    let said = '';
    for (let n = words.length; n > 0 && !known; n--) {
      said = words.slice(0, n).join(' ');
      known = byName.get(nameKey(said));
    }
    const line = turn.range.start.line;
    const quote = `“${match[1]} ${known ? said : match[2]}”`;
    if (known) {
      done.add(speaker.index);
      links.push({
        kind: 'introduction',
        from: speaker.index,
        to: known.index,
        confidence: 0.9,
        line,
        reason: `${shown(speaker)} says ${quote} at line ${line + 1}`,
      });
    } else if (match[1]!.toLowerCase() === 'my name is') {
      done.add(speaker.index);
      links.push({
        kind: 'introduction',
        from: speaker.index,
        named: match[2]!,
        confidence: 0.9,
        line,
        reason: `${shown(speaker)} says ${quote} at line ${line + 1}`,
      });
    }
  }
  return links;
}

function openingText(turn: Turn): string {
  let text = '';
  for (const segment of turn.segments) {
    text += (text ? ' ' : '') + segment.text;
    if (text.length >= INTRODUCTION_REACH) break;
  }
  return text.slice(0, INTRODUCTION_REACH);
}

/** Words of a turn's opening and end where a name set off by punctuation addresses someone. */
const ADDRESS_OPENING = 8;
const ADDRESS_END = 4;
/** Votes a speaker needs for one name, and how far ahead of the next name, to be linked to it. */
const MIN_ADDRESS_VOTES = 3;
const ADDRESS_MARGIN = 2;

/**
 * Direct address. A name set off by punctuation at a turn's start or end (`Secretary Clinton, two
 * minutes.`, `Well, Donald, I know…`, `…thank you, Lester.`) speaks to someone else: the speaker
 * before or the speaker after, one vote each. And a speaker who names someone anywhere is not that
 * someone. A chunk speaker whose votes point to one name, clearly and often, is that person.
 */
export function addressLinks(model: TranscriptModel): Link[] {
  const variants = nameVariants(model);
  if (variants.size === 0) return [];
  const votes = new Map<number, Map<string, number>>();
  const named = new Map<number, Set<string>>();
  const vote = (turn: Turn | undefined, name: string) => {
    if (!turn || anonymous(model, turn)) return;
    const forSpeaker = votes.get(turn.speakerIndex) ?? votes.set(turn.speakerIndex, new Map()).get(turn.speakerIndex)!;
    forSpeaker.set(name, (forSpeaker.get(name) ?? 0) + 1);
  };
  const turns = model.turns;
  const signature = [...variants].join('\u0000');
  const nameWords = [...new Set([...variants.keys()].flatMap((variant) => variant.split(' ')))];
  for (const turn of turns) {
    const { mentioned, addressed } = namesIn(turn, variants, signature, nameWords);
    const mentions = named.get(turn.speakerIndex) ?? named.set(turn.speakerIndex, new Set()).get(turn.speakerIndex)!;
    for (const name of mentioned) mentions.add(name);
    for (const name of addressed) {
      // The turns before and after, by another label, in the same chunk.
      const before = turns[turn.index - 1];
      const after = turns[turn.index + 1];
      if (before && before.chunkIndex === turn.chunkIndex && before.speakerIndex !== turn.speakerIndex) vote(before, name);
      if (after && after.chunkIndex === turn.chunkIndex && after.speakerIndex !== turn.speakerIndex) vote(after, name);
    }
  }
  const speakerOfName = firstSpeakerOfEachName(model);
  const links: Link[] = [];
  for (const [speakerIndex, counts] of votes) {
    const speaker = model.speakers[speakerIndex]!;
    if (nameOf(speaker) !== undefined) continue;
    const mentioned = named.get(speakerIndex) ?? new Set<string>();
    const ranked = [...counts].filter(([name]) => !mentioned.has(name)).sort((x, y) => y[1] - x[1]);
    const [best, second] = ranked;
    if (!best || best[1] < MIN_ADDRESS_VOTES || (second && best[1] < ADDRESS_MARGIN * second[1])) continue;
    const target = speakerOfName.get(best[0]);
    if (!target) continue;
    links.push({
      kind: 'address',
      from: speakerIndex,
      to: target.index,
      confidence: 0.85,
      line: firstLine(model, speaker),
      reason: `the speakers beside ${shown(speaker)} address it as ${nameOf(target)!} ${best[1]} times, and it never names ${nameOf(target)!}`,
    });
  }
  return links;
}

/**
 * The names a turn says, and those it addresses (set off by punctuation near its start or end),
 * kept per turn object from version to version while the document's names stay the same: after a
 * keystroke only the edited turns are read again.
 */
const namesInTurns = new WeakMap<Turn, { signature: string; mentioned: string[]; addressed: string[] }>();

function namesIn(
  turn: Turn,
  variants: ReadonlyMap<string, string>,
  signature: string,
  nameWords: readonly string[],
): { mentioned: string[]; addressed: string[] } {
  const cached = namesInTurns.get(turn);
  if (cached?.signature === signature) return cached;
  const mentioned: string[] = [];
  const addressed: string[] = [];
  // Most turns say no name: those whose text holds none of the names' words are not cut into words.
  const words = mayName(turn, nameWords) ? turnWords(turn) : [];
  for (let k = 0; k < words.length; k++) {
    const two = k + 1 < words.length ? variants.get(`${words[k]!.norm} ${words[k + 1]!.norm}`) : undefined;
    const name = two ?? variants.get(words[k]!.norm);
    if (name === undefined) continue;
    const last = two !== undefined ? k + 1 : k;
    mentioned.push(name);
    const setOff = /[,?.!]$/.test(words[last]!.raw) || (k > 0 && words[k - 1]!.raw.endsWith(','));
    if (setOff && (k < ADDRESS_OPENING || last >= words.length - ADDRESS_END)) addressed.push(name);
    k = last;
  }
  const result = { signature, mentioned, addressed };
  namesInTurns.set(turn, result);
  return result;
}

/**
 * Whether a turn's text, lower-cased, holds one of `nameWords`. A turn without one names no one:
 * a word's compared form (`normalizeWord`) is its token lower-cased, punctuation taken off, and so
 * a part of its line lower-cased. Where a file is re-parsed whole on each keystroke (no chunk
 * marker cuts it), every turn is a new object and read again here: cutting every turn into words
 * was most of the speakers view's time on an 845 KB WebVTT file.
 */
function mayName(turn: Turn, nameWords: readonly string[]): boolean {
  let found = false;
  turn.readSegments((text, start, end) => {
    const lower = text.slice(start, end).toLowerCase();
    found = nameWords.some((word) => lower.includes(word));
    return found;
  });
  return found;
}

/**
 * The ways a person with a name of two words or more is addressed: the whole name, the first
 * word, the last (`Secretary Clinton` ends with it), each kept only where it points to one name.
 */
function nameVariants(model: TranscriptModel): Map<string, string> {
  const names = new Set<string>();
  for (const speaker of model.speakers) {
    const name = nameOf(speaker);
    if (name !== undefined && /\s/.test(name.trim())) names.add(nameKey(name));
  }
  const variants = new Map<string, string | null>();
  const add = (variant: string, name: string) => {
    const had = variants.get(variant);
    variants.set(variant, had === undefined || had === name ? name : null);
  };
  for (const name of names) {
    const words = name.split(' ').map(normalizeWord);
    add(name, name);
    if (words.length >= 2) add(`${words[words.length - 2]} ${words[words.length - 1]}`, name);
    add(words[0]!, name);
    add(words[words.length - 1]!, name);
  }
  const unique = new Map<string, string>();
  for (const [variant, name] of variants) if (name !== null && variant.length > 1) unique.set(variant, name);
  return unique;
}
