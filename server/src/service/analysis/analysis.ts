import type { TranscriptModel } from '../model';
import { acceptCheckedBoundaries, type CheckedBoundaries } from '../checks/overlap/boundaryHandover';
import { carryOverlaps, checkBoundaries, findOverlaps, type Overlap, type OverlapCache } from '../checks/overlap/overlap';
import { parseDocument, reparseDocument, type ParsedDocument, type ParseProgress } from '../parse/sections';
import { sameSettings, type TranscriptSettings } from '../settings';
import { splitLines } from '../util/text';
import { speakerTokens, type SpeakerToken } from '../features/semanticTokens';
import { checkTimestamps, type TimestampFindings } from '../checks/timestamps';
import { wordFrequencies } from '../checks/words';
import { carrySymbols, type SymbolCache } from '../features/symbols';
import { carryTurnSummaries, summarizeSpeakers, type SpeakerSummary, type TurnSummaryCache } from '../features/speakers';

/**
 * Everything derived from one version of one document under one set of settings. Each part is
 * computed on first use and kept, so features that ask again (hover after diagnostics, code
 * actions after both) cost nothing. An analysis made from the one before (`successor`) parses
 * and checks again only the sections of the text that changed.
 */
export class Analysis {
  private cachedParse?: ParsedDocument;
  /** The last parse made before this version, to re-parse from; dropped once used. */
  private previousParse?: ParsedDocument;
  private cachedLines?: readonly string[];
  private cachedOverlaps?: readonly Overlap[];
  private cachedTimestamps?: TimestampFindings;
  private cachedFrequencies?: ReadonlyMap<string, number>;
  private readonly overlapCache: OverlapCache;
  /** The outline of each chunk and the speakers-view row of each turn, kept across versions like the overlap results. */
  readonly symbolCache: SymbolCache;
  private readonly turnSummaryCache: TurnSummaryCache;
  private cachedSpeakers?: readonly SpeakerSummary[];
  private cachedTokens?: readonly SpeakerToken[];
  /** The speakers rows of the version before, whose unchanged rows this version keeps. */
  private previousSpeakers?: readonly SpeakerSummary[];

  constructor(
    readonly text: string,
    readonly settings: TranscriptSettings,
    carried?: {
      parse?: ParsedDocument;
      previousParse?: ParsedDocument;
      overlapCache?: OverlapCache;
      symbolCache?: SymbolCache;
      turnSummaryCache?: TurnSummaryCache;
      previousSpeakers?: readonly SpeakerSummary[];
    },
  ) {
    this.cachedParse = carried?.parse;
    this.previousParse = carried?.previousParse;
    this.overlapCache = carried?.overlapCache ?? new WeakMap();
    this.symbolCache = carried?.symbolCache ?? new WeakMap();
    this.turnSummaryCache = carried?.turnSummaryCache ?? new WeakMap();
    this.previousSpeakers = carried?.previousSpeakers;
  }

  /** The analysis of the next version of the same document, built on what this one computed. */
  successor(text: string, settings: TranscriptSettings): Analysis {
    return new Analysis(text, settings, {
      previousParse: this.cachedParse ?? this.previousParse,
      ...(sameSettings(settings, this.settings) ? { overlapCache: this.overlapCache } : {}),
      symbolCache: this.symbolCache,
      turnSummaryCache: this.turnSummaryCache,
      previousSpeakers: this.cachedSpeakers ?? this.previousSpeakers,
    });
  }

  /** The same analysis under other settings, reusing the parse. */
  withSettings(settings: TranscriptSettings): Analysis {
    return new Analysis(this.text, settings, {
      parse: this.parse,
      symbolCache: this.symbolCache,
      turnSummaryCache: this.turnSummaryCache,
      previousSpeakers: this.cachedSpeakers ?? this.previousSpeakers,
    });
  }

  private get parse(): ParsedDocument {
    return this.parsed();
  }

  /** The parse of this version, made now if it is not yet; a first parse tells `progress` after each section. */
  private parsed(progress?: ParseProgress): ParsedDocument {
    if (!this.cachedParse) {
      const parse = this.previousParse ? reparseDocument(this.previousParse, this.text) : parseDocument(this.text, progress);
      this.previousParse = undefined;
      const { moved, ...kept } = parse;
      if (moved) {
        carryOverlaps(this.overlapCache, moved);
        carrySymbols(this.symbolCache, moved);
        carryTurnSummaries(this.turnSummaryCache, moved);
      }
      // Not `moved`, which holds the objects of the version before.
      this.cachedParse = kept;
    }
    return this.cachedParse;
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

  /**
   * Parses now, telling `progress` after each section, if this version is parsed from scratch (a
   * document's first version); one parsed from the version before tells nothing.
   */
  parseWatched(progress: ParseProgress): void {
    this.parsed(progress);
  }

  /** Checks the boundaries of chunks [from, to) now, keeping the results for `overlaps`. */
  checkBoundaries(from: number, to: number): void {
    checkBoundaries(this.model, this.settings, this.overlapCache, from, to);
  }

  /** Keeps results another thread checked on this version's turns (`boundaryHandover.ts`) for `overlaps`, which checks them on use. */
  acceptCheckedBoundaries(checked: CheckedBoundaries): void {
    acceptCheckedBoundaries(this.model, this.overlapCache, checked);
  }

  /** Who speaks, for the speakers view and navigation. */
  get speakers(): readonly SpeakerSummary[] {
    if (!this.cachedSpeakers) {
      this.cachedSpeakers = summarizeSpeakers(this.model, this.turnSummaryCache, this.previousSpeakers);
      this.previousSpeakers = undefined;
    }
    return this.cachedSpeakers;
  }

  /** The speaker labels and names to colour: the editor asks again after every change. */
  get speakerTokens(): readonly SpeakerToken[] {
    return (this.cachedTokens ??= speakerTokens(this.model));
  }

  get timestamps(): TimestampFindings {
    return (this.cachedTimestamps ??= checkTimestamps(this.model));
  }

  /** How often each spoken word occurs, to tell which words a fix would delete for good. */
  get wordFrequencies(): ReadonlyMap<string, number> {
    return (this.cachedFrequencies ??= wordFrequencies(this.model));
  }
}
