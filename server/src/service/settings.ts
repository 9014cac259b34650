/** User settings that change what the service reports. The LSP adapter reads them per document. */
export interface TranscriptSettings {
  /** Report the same stamp twice in a row (`timestamp-repeated`). */
  readonly reportRepeatedTimestamps: boolean;
  /**
   * Seconds a stamp may go back without a `timestamp-order` warning: two people talking over each
   * other give stamps a moment apart in the "wrong" order. A gap under it (strictly) is quiet; a
   * gap of exactly this much is reported. 0 reports every backwards stamp.
   */
  readonly timestampToleranceSeconds: number;
  /** Exactly matching words an overlap needs before it is reported. */
  readonly overlapMinWords: number;
  /** Words looked at on each side of a chunk boundary; bounds the alignment's cost per boundary. */
  readonly overlapWindowWords: number;
  /** What renaming a speaker label changes: that chunk's turns (labels restart per chunk) or all. */
  readonly renameScope: 'chunk' | 'document';
  /**
   * The most chunks and turns the outline lists, as VS Code's `json.maxItemsComputed` bounds
   * JSON's: the whole outline of a 20 MB transcript is 28 MB of JSON each time the editor asks.
   */
  readonly outlineMaxItems: number;
}

/** The largest tolerance: beyond a minute a stamp going back is no crossing of voices. */
export const MAX_TIMESTAMP_TOLERANCE_SECONDS = 60;

export const DEFAULT_SETTINGS: TranscriptSettings = {
  reportRepeatedTimestamps: true,
  timestampToleranceSeconds: 1,
  overlapMinWords: 5,
  overlapWindowWords: 60,
  renameScope: 'chunk',
  outlineMaxItems: 10_000,
};

/** Fills in defaults and clamps values a settings file may hold, so the checks never see nonsense. */
export function resolveSettings(partial: Partial<Record<keyof TranscriptSettings, unknown>> | undefined): TranscriptSettings {
  const wholeNumber = (value: unknown, fallback: number, min: number, max: number) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
  // Stamps are read to the millisecond, so a tolerance is too.
  const seconds = (value: unknown, fallback: number, min: number, max: number) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value * 1000) / 1000)) : fallback;
  return {
    reportRepeatedTimestamps:
      typeof partial?.reportRepeatedTimestamps === 'boolean' ? partial.reportRepeatedTimestamps : DEFAULT_SETTINGS.reportRepeatedTimestamps,
    timestampToleranceSeconds: seconds(
      partial?.timestampToleranceSeconds,
      DEFAULT_SETTINGS.timestampToleranceSeconds,
      0,
      MAX_TIMESTAMP_TOLERANCE_SECONDS,
    ),
    overlapMinWords: wholeNumber(partial?.overlapMinWords, DEFAULT_SETTINGS.overlapMinWords, 2, 1000),
    overlapWindowWords: wholeNumber(partial?.overlapWindowWords, DEFAULT_SETTINGS.overlapWindowWords, 10, 1000),
    renameScope: partial?.renameScope === 'document' ? 'document' : 'chunk',
    outlineMaxItems: wholeNumber(partial?.outlineMaxItems, DEFAULT_SETTINGS.outlineMaxItems, 100, 1_000_000),
  };
}

/** Whether two settings ask for the same analysis (they often are equal objects, not one object). */
export function sameSettings(a: TranscriptSettings, b: TranscriptSettings): boolean {
  return (Object.keys(a) as Array<keyof TranscriptSettings>).every((key) => a[key] === b[key]);
}
