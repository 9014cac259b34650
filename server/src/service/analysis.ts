import type { TranscriptModel } from './model';
import { findOverlaps, type Overlap } from './overlap';
import { parseTranscript } from './parser';
import type { TranscriptSettings } from './settings';
import { splitLines } from './text';
import { checkTimestamps, type TimestampFindings } from './timestamps';
import { wordFrequencies } from './words';

/**
 * Everything derived from one version of one document under one set of settings. Each part is
 * computed on first use and kept, so features that ask again (hover after diagnostics, code
 * actions after both) cost nothing.
 */
export class Analysis {
  private cachedModel?: TranscriptModel;
  private cachedLines?: readonly string[];
  private cachedOverlaps?: readonly Overlap[];
  private cachedTimestamps?: TimestampFindings;
  private cachedFrequencies?: ReadonlyMap<string, number>;

  constructor(
    readonly text: string,
    readonly settings: TranscriptSettings,
    model?: TranscriptModel,
  ) {
    if (model) this.cachedModel = model;
  }

  get model(): TranscriptModel {
    return (this.cachedModel ??= parseTranscript(this.text));
  }

  get lines(): readonly string[] {
    return (this.cachedLines ??= splitLines(this.text));
  }

  get overlaps(): readonly Overlap[] {
    return (this.cachedOverlaps ??= findOverlaps(this.model, this.settings));
  }

  get timestamps(): TimestampFindings {
    return (this.cachedTimestamps ??= checkTimestamps(this.model));
  }

  /** How often each spoken word occurs, to tell which words a fix would delete for good. */
  get wordFrequencies(): ReadonlyMap<string, number> {
    return (this.cachedFrequencies ??= wordFrequencies(this.model));
  }

  /** The same analysis under other settings, reusing the parse. */
  withSettings(settings: TranscriptSettings): Analysis {
    return new Analysis(this.text, settings, this.model);
  }
}
