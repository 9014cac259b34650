import { resolvePeople, type People } from '../people/people';
import type { TranscriptModel } from '../model';
import { carryOverlaps, findOverlaps } from '../checks/overlap/overlap';
import type { Overlap, OverlapCache } from '../checks/overlap/overlapResult';
import { carryLoops, findRepetitionLoops, type LoopCache, type RepetitionLoop } from '../checks/repetition';
import { checkTimestamps, type TimestampFindings } from '../checks/timestamps';
import { wordFrequencies } from '../checks/words';
import { parseDocument, reparseDocument, type MovedSections, type ParsedDocument } from '../parse/sections';
import { sameSettings, type TranscriptSettings } from '../settings';
import { splitLines } from '../util/text';
import { composeSpans, stringSnapshot, type ChangedSpan, type TextSnapshot } from '../document';

/**
 * Everything derived from one version of one document under one set of settings. Each part is
 * computed on first use and kept, so features that ask again (hover after diagnostics, code
 * actions after both) cost nothing. An analysis made from the one before (`successor`) parses
 * and checks again only the sections of the text that changed. The checks' results are kept
 * here; what features derive is kept through `derived` (see `Derivation`).
 */
export class Analysis {
  private cachedParse?: ParsedDocument;
  /** The last parse made before this version, to re-parse from; dropped once used. */
  private previousParse?: ParsedDocument;
  /** Where this text differs from `previousParse`'s, when the editor said (else the re-parse compares the texts). */
  private spanFromParse?: ChangedSpan;
  private cachedLines?: readonly string[];
  private cachedOverlaps?: readonly Overlap[];
  private cachedTimestamps?: TimestampFindings;
  private cachedFrequencies?: ReadonlyMap<string, number>;
  private cachedLoops?: readonly RepetitionLoop[];
  private cachedPeople?: People;
  private readonly overlapCache: OverlapCache;
  /** Each chunk's repetition loops, carried from version to version whatever the settings: the check has none. */
  private readonly loopCache: LoopCache;
  private readonly derivedEntries: Map<Derivation<unknown, unknown>, DerivedEntry>;
  /** This version's text: the checks read what they need of it; features that want it whole ask `text`. */
  readonly source: TextSnapshot;

  constructor(
    text: string | TextSnapshot,
    readonly settings: TranscriptSettings,
    carried?: {
      parse?: ParsedDocument;
      previousParse?: ParsedDocument;
      spanFromParse?: ChangedSpan;
      overlapCache?: OverlapCache;
      loopCache?: LoopCache;
      derived?: ReadonlyMap<Derivation<unknown, unknown>, DerivedEntry>;
    },
  ) {
    this.source = typeof text === 'string' ? stringSnapshot(text) : text;
    this.cachedParse = carried?.parse;
    this.previousParse = carried?.previousParse;
    this.spanFromParse = carried?.spanFromParse;
    this.overlapCache = carried?.overlapCache ?? new WeakMap();
    this.loopCache = carried?.loopCache ?? new WeakMap();
    // Each derivation's state goes on; its value becomes the next version's previous one.
    this.derivedEntries = new Map(
      [...(carried?.derived ?? [])].map(([derivation, entry]) => [
        derivation,
        { state: entry.state, previous: 'value' in entry ? entry.value : entry.previous },
      ]),
    );
  }

  /**
   * The analysis of the next version of the same document, built on what this one computed.
   * `span` is where `text` differs from this version's, from the changes the editor sent.
   */
  successor(text: string | TextSnapshot, settings: TranscriptSettings, span?: ChangedSpan): Analysis {
    // A version that was never parsed hands on the parse before it: the two spans together.
    const spanFromParse = this.cachedParse ? span : span && this.spanFromParse && composeSpans(this.spanFromParse, span);
    return new Analysis(text, settings, {
      previousParse: this.cachedParse ?? this.previousParse,
      ...(spanFromParse ? { spanFromParse } : {}),
      ...(sameSettings(settings, this.settings) ? { overlapCache: this.overlapCache } : {}),
      loopCache: this.loopCache,
      derived: this.derivedEntries,
    });
  }

  /** The same analysis under other settings, reusing the parse. */
  withSettings(settings: TranscriptSettings): Analysis {
    return new Analysis(this.source, settings, { parse: this.parse, loopCache: this.loopCache, derived: this.derivedEntries });
  }

  /** The parse of this version, made now if it is not yet. */
  private get parse(): ParsedDocument {
    if (!this.cachedParse) {
      const parse = this.previousParse ? reparseDocument(this.previousParse, this.source, this.spanFromParse) : parseDocument(this.source);
      this.previousParse = undefined;
      this.spanFromParse = undefined;
      const { moved, ...kept } = parse;
      if (moved) {
        carryOverlaps(this.overlapCache, moved);
        carryLoops(this.loopCache, moved);
        for (const [derivation, entry] of this.derivedEntries) derivation.move?.(entry.state, moved);
      }
      // Not `moved`, which holds the objects of the version before.
      this.cachedParse = kept;
    }
    return this.cachedParse;
  }

  /**
   * The whole text as one string. For a document the server keeps in pieces, the first call
   * makes it (a copy of the whole text), so the checks that run on every keystroke never ask.
   */
  get text(): string {
    return this.source.whole();
  }

  get model(): TranscriptModel {
    return this.parse.model;
  }

  /** The text's lines, for fixes that need the text around a turn. */
  get lines(): readonly string[] {
    return (this.cachedLines ??= splitLines(this.text));
  }

  /** Sections parsed, kept and moved by the parse of this version (see `sections.ts`). */
  get parseStats(): ParsedDocument['stats'] {
    return this.parse.stats;
  }

  get overlaps(): readonly Overlap[] {
    return (this.cachedOverlaps ??= findOverlaps(this.model, this.settings, this.overlapCache));
  }

  get timestamps(): TimestampFindings {
    return (this.cachedTimestamps ??= checkTimestamps(this.model, this.settings));
  }

  /** Who is who: the chunk speakers resolved into people (see `people/people.ts`). */
  get people(): People {
    return (this.cachedPeople ??= resolvePeople(this.model, this.overlaps));
  }

  /** Phrases said again and again in one turn (`repetition-loop`), in document order. */
  get repetitionLoops(): readonly RepetitionLoop[] {
    return (this.cachedLoops ??= findRepetitionLoops(this.model, this.loopCache));
  }

  /** How often each spoken word occurs, to tell which words a fix would delete for good. */
  get wordFrequencies(): ReadonlyMap<string, number> {
    return (this.cachedFrequencies ??= wordFrequencies(this.model));
  }

  /** What `derivation` makes of this version, made on first use and kept. */
  derived<Value, State>(derivation: Derivation<Value, State>): Value {
    const key = derivation as Derivation<unknown, unknown>;
    let entry = this.derivedEntries.get(key);
    if (!entry) this.derivedEntries.set(key, (entry = { state: derivation.initial() }));
    if (!('value' in entry)) {
      // Parsed first, so that the state has been moved over this version's edit.
      void this.parse;
      entry.value = derivation.compute(this, entry.state as State, entry.previous as Value | undefined);
      delete entry.previous;
    }
    return entry.value as Value;
  }
}

/**
 * Something a feature derives from a version of a document (the speakers view's rows, the
 * outline's entries), made on first use and kept with that version's analysis. `State` is what
 * the feature keeps from version to version to make the next one cheaply: results per chunk or
 * per turn, which an edit that moves sections moves with them (`move`). The analysis holds the
 * state and the value without knowing what they are, so that it depends on no feature.
 */
export interface Derivation<Value, State> {
  /** The state of a document's first version. */
  initial(): State;
  /** Carries the state over an edit that moved sections to other lines and indices. */
  move?(state: State, moved: MovedSections): void;
  /** The value for `analysis`; `previous` is the value of the version before, when it was made. */
  compute(analysis: Analysis, state: State, previous: Value | undefined): Value;
}

/** A derivation's state, and its value for one version once made. */
export interface DerivedEntry {
  readonly state: unknown;
  value?: unknown;
  /** The value of the version before, until this version's is made. */
  previous?: unknown;
}
