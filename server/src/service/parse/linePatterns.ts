import type { ChunkMarkerKind } from '../model';

/*
 * The patterns a line is read by. Every regular expression is anchored and free of nested
 * ambiguous repetition, so a line is matched in time linear in its length (the ReDoS audit in
 * the tests checks `COMPOSED_PATTERNS`). The TextMate grammar mirrors them (`syntaxes/`).
 */

/** A speaker label: capitalised first word, at most five words, the last capitalised or a number. */
export const LABEL = String.raw`[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\d'’.\-]*(?: [\p{L}\p{M}\d'’.\-]+){0,4}`;
export const STAMP = String.raw`\[(\d[^\[\]]{0,30})\]`;

export const STAMP_LABEL = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
export const LABEL_STAMP = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:[ \t]*${STAMP}`, 'u');
export const CAST = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*\(([^()]{1,80})\)[ \t]*:(?=\s|$)`, 'u');
export const BARE_LABEL = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
export const WHOLE_LABEL = new RegExp(String.raw`^${LABEL}$`, 'u');
export const LAST_WORD_OK = /(?:^|[ ])[\p{Lu}\p{Lt}\p{Lo}\d][^ ]*$/u;

export const MARKERS: ReadonlyArray<[RegExp, ChunkMarkerKind]> = [
  [/^This chunk continues in the next part\.?$/i, 'continues'],
  [/^\[This chunk continues in the next part\.?\]$/i, 'continues-bracketed'],
  [/^\[?This is the last chunk\.?\]?$/i, 'last'],
];

export const SENTIMENT_PREFIX = /^sentiment[ \t]*:[ \t]*/i;

/** The patterns built from parts above, for the ReDoS audit in the tests. */
export const COMPOSED_PATTERNS: readonly RegExp[] = [STAMP_LABEL, LABEL_STAMP, CAST, BARE_LABEL, WHOLE_LABEL];

/** Labels that stand for "whoever speaks next" and so can announce a name on the next line. */
export const ANNOUNCING_LABELS = new Set(['speaker']);
