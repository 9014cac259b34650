import type { ChunkMarkerKind } from '../model';

/*
 * The patterns a line is read by. Every regular expression is anchored and free of nested
 * ambiguous repetition, so a line is matched in time linear in its length (the ReDoS audit in
 * the tests checks `COMPOSED_PATTERNS`). The TextMate grammar mirrors them (`syntaxes/`).
 */

/**
 * A speaker label: capitalised first word, at most five words, the last capitalised or a number;
 * or a diarizer's `spk_1`. Words may hold `_` for diarizers' `SPEAKER_00`.
 */
export const LABEL = String.raw`(?:spk_\d+|[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\d'’.\-_]*(?: [\p{L}\p{M}\d'’.\-_]+){0,4})`;
export const STAMP = String.raw`\[(\d[^\[\]]{0,30})\]`;

export const STAMP_LABEL = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
export const LABEL_STAMP = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:[ \t]*${STAMP}`, 'u');
export const CAST = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*\(([^()]{1,80})\)[ \t]*:(?=\s|$)`, 'u');
export const BARE_LABEL = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:(?=\s|$)`, 'u');
export const WHOLE_LABEL = new RegExp(String.raw`^${LABEL}$`, 'u');
export const LAST_WORD_OK = /(?:^|[ ])[\p{Lu}\p{Lt}\p{Lo}\d][^ ]*$|^spk_\d+$/u;

export const MARKERS: ReadonlyArray<[RegExp, ChunkMarkerKind]> = [
  [/^This chunk continues in the next part\.?$/i, 'continues'],
  [/^\[This chunk continues in the next part\.?\]$/i, 'continues-bracketed'],
  [/^\[?This is the last chunk\.?\]?$/i, 'last'],
];

export const SENTIMENT_PREFIX = /^sentiment[ \t]*:[ \t]*/i;

/** A time as the layouts write it bare: `0:18`, `00:12:41`, `1:02:03.5`. */
const TIME = String.raw`\d{1,3}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** A cue time: fields of one or two digits, a fraction of up to three (`0:0:0.210` from Teams). */
const CUE_TIME = String.raw`\d{1,3}(?::\d{1,2}){1,2}[.,]\d{1,3}`;
/** Between a bold stamp and its text: `·`, `-`, `–`, `—`, `|`, or nothing. */
const SEPARATOR = String.raw`(?:[·•|\-–—][ \t]+)?`;

export const BOLD_LABEL = new RegExp(String.raw`^[ \t]*\*\*(${LABEL})(?:[ \t]*:[ \t]*\*\*|\*\*[ \t]*:)(?=\s|$)`, 'u');
export const BOLD_NAME_STAMP = new RegExp(String.raw`^[ \t]*\*\*(${LABEL})\*\*[ \t]*\[(\d[^\[\]]{0,30})\][ \t]*:?`, 'u');
export const BOLD_OTTER = new RegExp(String.raw`^[ \t]*\*\*(${LABEL})\*\*[ \t]{2,}(${TIME})[ \t]*$`, 'u');
export const BOLD_STAMP_LABEL = new RegExp(String.raw`^[ \t]*\*\*\[(\d[^\[\]]{0,30})\][ \t]*(${LABEL})[ \t]*:[ \t]*\*\*`, 'u');
export const BOLD_STAMP = new RegExp(String.raw`^[ \t]*\*\*(${TIME})\*\*[ \t]*${SEPARATOR}`, 'u');
export const LABEL_AFTER_STAMP = new RegExp(String.raw`^(${LABEL})[ \t]*:(?=\s|$)`, 'u');
export const BOLD_LABEL_AFTER_STAMP = new RegExp(String.raw`^\*\*(${LABEL})(?:[ \t]*:[ \t]*\*\*|\*\*[ \t]*:?)(?=\s|$)`, 'u');
/** `<v Dana Reyes>` (WebVTT's voice tag) after a stamp or at the start of a cue. */
export const VOICE_TAG = /^<v(?:\.[\w.-]+)?[ \t]([^>]{1,80})>/;
/** `[Speaker 1 00:00]`: label and stamp in one pair of brackets. */
export const BRACKETED_LABEL_STAMP = new RegExp(String.raw`^[ \t]*\[(${LABEL})[ \t]+(${TIME})\][ \t]*:?`, 'u');

export const BRACKETED = new RegExp(String.raw`^[ \t]*\[(${LABEL})\][ \t]*\[(\d[^\[\]]{0,30})\]`, 'u');
export const BRACKETED_SEGMENT = /^[ \t]*\[(\d[\d:.,]{0,15}s?)(?:[ \t]*-->[ \t]*(\d[\d:.,]{0,15}s?))?\][ \t]*/;
export const REV = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*\((${TIME})\)[ \t]*:(?=\s|$)`, 'u');
export const REV_CONTINUED = new RegExp(String.raw`^[ \t]*\((${TIME})\)[ \t]*:(?=\s|$)`, 'u');
export const OTTER = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]{2,}(${TIME})[ \t]*$`, 'u');
export const LABEL_STAMP_LINE = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*:[ \t]*(${TIME})[ \t]*$`, 'u');
export const QA_DOT = /^[ \t]*([QA])\.[ \t]+(?=\S)/;
/**
 * A podcast page's stamp, a Markdown link to that moment of the recording: `[(00:12:41)](https://…)`
 * or `[00:12:41](https://…)`, the time in group 1 or 2. The link's target holds no blank or parenthesis.
 */
const LINKED_STAMP = String.raw`\[(?:\((${TIME})\)|(${TIME}))\]\([^\s()]{1,2048}\)`;
/** `Dana Reyes [(00:12:41)](https://…) text`, a colon after the name or not. */
export const LINKED_LABEL = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*(?::[ \t]*)?${LINKED_STAMP}(?=\s|$)`, 'u');
/** `[(00:13:02)](https://…) text`: the speaker before goes on. */
export const LINKED_CONTINUED = new RegExp(String.raw`^[ \t]*${LINKED_STAMP}(?=\s|$)`);
export const CUE_TIMING = new RegExp(String.raw`^[ \t]*(${CUE_TIME})[ \t]+-->[ \t]+(${CUE_TIME})(?:[ \t].*)?$`);
/** A bare time and a blank; `layoutHeaders.ts` reads the separator and the text after it by hand. */
export const BARE_SEGMENT = new RegExp(String.raw`^[ \t]*(${TIME})(?=[ \t])`);

/** The other layouts' patterns (`layoutHeaders.ts`). */
const LAYOUT_PATTERNS: readonly RegExp[] = [
  BOLD_LABEL,
  BOLD_NAME_STAMP,
  BOLD_OTTER,
  BOLD_STAMP_LABEL,
  BOLD_STAMP,
  LABEL_AFTER_STAMP,
  BOLD_LABEL_AFTER_STAMP,
  BRACKETED,
  BRACKETED_LABEL_STAMP,
  BRACKETED_SEGMENT,
  REV,
  REV_CONTINUED,
  OTTER,
  LABEL_STAMP_LINE,
  QA_DOT,
  LINKED_LABEL,
  LINKED_CONTINUED,
  CUE_TIMING,
  BARE_SEGMENT,
];

/** `[Dana Reyes] text` or `Dana Reyes: text` at the start of a cue's text. */
export const CUE_LABEL = new RegExp(String.raw`^(?:\[(${LABEL})\][ \t]*:?|(${LABEL})[ \t]*:(?=\s))[ \t]*`, 'u');

/** The patterns built from parts above, for the ReDoS audit in the tests. */
export const COMPOSED_PATTERNS: readonly RegExp[] = [STAMP_LABEL, LABEL_STAMP, CAST, BARE_LABEL, WHOLE_LABEL, CUE_LABEL, ...LAYOUT_PATTERNS];

/** Labels that stand for "whoever speaks next" and so can announce a name on the next line. */
export const ANNOUNCING_LABELS = new Set(['speaker']);
