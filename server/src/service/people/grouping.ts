import type { TranscriptModel } from '../model';
import type { Link } from './evidence';
import { nameKey, nameOf } from './names';

export interface Person {
  readonly index: number;
  /** The person's name, when the text gives one. */
  readonly name?: string;
  /** Speaker indices (into `TranscriptModel.speakers`) that are this person, in document order. */
  readonly speakers: readonly number[];
  /**
   * Whether anything ties this person down: a name, or more than one speaker. A lone `Speaker 2`
   * of one chunk that no evidence links to anyone is unresolved.
   */
  readonly resolved: boolean;
}

export interface People {
  /** In the order they first speak. */
  readonly persons: readonly Person[];
  /** Per speaker index, the person's index. */
  readonly personOfSpeaker: Int32Array;
  /**
   * Per speaker index, the link that made it part of its person, if one did: the first link from
   * it, else the first to reach it from the other side.
   */
  readonly joinedBy: ReadonlyArray<Link | undefined>;
  /** Links not applied: not sure enough, or they would make two labels of one chunk, or two people named apart, one person. */
  readonly suggestions: readonly Link[];
  /**
   * Every link that joined two groups or gave one a name, in the order applied. `joinedBy` keeps
   * only the first link to reach each speaker, so a link between two groups already made (`A–B`,
   * `C–D`, then `B–D`) is found only here.
   */
  readonly applied: readonly Link[];
}

/** Links at least this sure are applied; the others are suggestions. */
export const APPLIED_CONFIDENCE = 0.8;

/**
 * Chunk speakers gathered into people as links are applied: a union-find over speaker indices
 * that keeps, per group, its chunks (two labels of one chunk are never one person) and the names
 * its speakers go by.
 */
export class Grouping {
  private readonly parent: Int32Array;
  private readonly chunksOf: Array<Set<number> | undefined>;
  private readonly namesOf: Array<Map<string, number> | undefined>;
  private readonly joinedBy: Array<Link | undefined>;
  private readonly suggestions: Link[] = [];
  private readonly applied: Link[] = [];

  constructor(private readonly model: TranscriptModel) {
    const count = model.speakers.length;
    this.parent = Int32Array.from({ length: count }, (_, i) => i);
    this.chunksOf = model.speakers.map((s) => new Set([s.chunkIndex]));
    this.namesOf = model.speakers.map(() => undefined);
    this.joinedBy = new Array<Link | undefined>(count).fill(undefined);
    for (const speaker of model.speakers) {
      const name = nameOf(speaker);
      if (name !== undefined) this.addName(speaker.index, name, speaker.turnIndices.length);
    }
  }

  /** The group a speaker is in, as its root speaker's index. */
  find(speaker: number): number {
    const parent = this.parent;
    while (parent[speaker] !== speaker) {
      parent[speaker] = parent[parent[speaker]!]!;
      speaker = parent[speaker]!;
    }
    return speaker;
  }

  /** Whether two groups speak in one chunk, and so are two people. */
  shareAChunk(rootA: number, rootB: number): boolean {
    const a = this.chunksOf[rootA]!;
    const b = this.chunksOf[rootB]!;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const chunk of small) if (large.has(chunk)) return true;
    return false;
  }

  /** Whether a group has a name, or more than one speaker. */
  isResolved(root: number): boolean {
    return this.namesOf[root] !== undefined || this.chunksOf[root]!.size > 1;
  }

  /** Applies the links at least APPLIED_CONFIDENCE sure, strongest first (in document order among equals); keeps the rest as suggestions. */
  applyAll(links: readonly Link[]): void {
    const sorted = [...links].sort((x, y) => y.confidence - x.confidence || x.line - y.line);
    for (const link of sorted) {
      if (link.confidence < APPLIED_CONFIDENCE) this.suggestions.push(link);
      else this.apply(link);
    }
  }

  private apply(link: Link): void {
    if (link.named !== undefined) {
      this.addName(this.find(link.from), link.named, 1);
      this.explain(link.from, link);
      this.applied.push(link);
      return;
    }
    const a = this.find(link.from);
    const b = this.find(link.to!);
    if (a === b) return;
    const chunksA = this.chunksOf[a]!;
    const chunksB = this.chunksOf[b]!;
    // Two labels of one chunk are two people; a shared name is the one exception (`Mark Chen:`
    // and `Speaker 1 (Mark Chen)` in one chunk).
    if (link.kind !== 'name' && (this.shareAChunk(a, b) || this.namedApart(a, b))) {
      this.suggestions.push({ ...link, conflict: true });
      return;
    }
    const [root, child] = chunksA.size >= chunksB.size ? [a, b] : [b, a];
    this.parent[child] = root;
    const rootChunks = this.chunksOf[root]!;
    for (const chunk of this.chunksOf[child]!) rootChunks.add(chunk);
    this.chunksOf[child] = undefined;
    for (const [name, weight] of this.namesOf[child] ?? []) this.addName(root, name, weight);
    this.namesOf[child] = undefined;
    this.applied.push(link);
    // The link explains the speaker it is about, unless a link of its own did before; and the
    // other side too where nothing did, unless that one has the name the link is about. A label
    // tied to another (a seam) and then found to be someone (its words) is explained by the
    // second: that is why it is that person.
    this.explain(link.from, link);
    if (link.kind !== 'name') this.explain(link.to!, link);
  }

  /**
   * Makes `link` the speaker's reason where it has none, or, for a link from the speaker itself,
   * where its reason is only a link that reached it from the other side (whose `from` is another).
   */
  private explain(speaker: number, link: Link): void {
    const held = this.joinedBy[speaker];
    if (held === undefined || (link.from === speaker && held.from !== speaker)) this.joinedBy[speaker] = link;
  }

  /**
   * Whether two groups go by different full names (`Dana Reyes`, `Olu Mensah`): the text says
   * they are two people, whatever a repeat or their words suggest. A one-word name may be a role
   * (`Moderator`, `Host`) that a named person takes, so it does not keep groups apart.
   */
  private namedApart(a: number, b: number): boolean {
    const fullNames = (root: number) => [...(this.namesOf[root]?.keys() ?? [])].filter(isFullName).map(nameKey);
    const namesA = fullNames(a);
    const namesB = new Set(fullNames(b));
    return namesA.length > 0 && namesB.size > 0 && !namesA.some((name) => namesB.has(name));
  }

  private addName(root: number, name: string, weight: number): void {
    const names = (this.namesOf[root] ??= new Map());
    names.set(name, (names.get(name) ?? 0) + weight);
  }

  /** The people the links applied so far make, in the order they first speak. */
  people(): People {
    const { speakers, turns } = this.model;
    const personOfRoot = new Map<number, number>();
    const members: number[][] = [];
    const roots: number[] = [];
    const personOf = (speaker: number) => {
      const root = this.find(speaker);
      let person = personOfRoot.get(root);
      if (person === undefined) {
        personOfRoot.set(root, (person = members.length));
        members.push([]);
        roots.push(root);
      }
      return person;
    };
    for (const turn of turns) personOf(turn.speakerIndex);
    const personOfSpeaker = new Int32Array(speakers.length);
    for (const speaker of speakers) {
      const person = personOf(speaker.index);
      personOfSpeaker[speaker.index] = person;
      members[person]!.push(speaker.index);
    }
    const persons = members.map((speakerList, index): Person => {
      const name = bestName(this.namesOf[roots[index]!]);
      return {
        index,
        ...(name !== undefined ? { name } : {}),
        speakers: speakerList,
        resolved: name !== undefined || speakerList.length > 1,
      };
    });
    return { persons, personOfSpeaker, joinedBy: this.joinedBy, suggestions: this.suggestions, applied: this.applied };
  }
}

/**
 * The name a person is shown by: a full name before a one-word name, which may be a role she
 * takes (`Jane Roe` over `Moderator`, however often the role is written); then the name given
 * most (by turns); on a tie the longer (`Hillary Clinton` over `Clinton`), then the first given.
 */
function bestName(names: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let weight = 0;
  for (const [name, w] of names ?? []) {
    if (best === undefined || isBetterName(name, w, best, weight)) {
      best = name;
      weight = w;
    }
  }
  return best;
}

function isBetterName(name: string, weight: number, than: string, thanWeight: number): boolean {
  const full = isFullName(name);
  if (full !== isFullName(than)) return full;
  return weight !== thanWeight ? weight > thanWeight : name.length > than.length;
}

function isFullName(name: string): boolean {
  return /\S\s+\S/.test(name);
}
