/** What the service needs of a document: the LSP `TextDocument` and plain objects both fit. */
export interface TranscriptDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Makes a document from text, for the CLI, tests and benchmarks. */
export function textDocument(uri: string, text: string, version = 1): TranscriptDocument {
  return { uri, version, getText: () => text };
}

/**
 * One change to a document's text, as an editor sends it: `text` replaces characters
 * `[start, end)` (UTF-16 offsets) of the text as it was just before this change. A batch of
 * changes is applied in order, each to the text the one before left.
 */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What two versions of a text share: their first `prefix` and last `suffix` characters are the
 * same (a lower bound: they may share more). What lies between is where they may differ.
 */
export interface ChangedSpan {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The span `changes` touched, from the `length` characters of the text before them: each change
 * keeps the characters before its start and after its end, and a series keeps what all of them
 * kept. Undefined if a change lies outside the text it is said to change (the changes and the
 * text disagree, and the texts must be compared instead).
 */
export function changedSpan(length: number, changes: readonly TextChange[], before?: ChangedSpan): ChangedSpan | undefined {
  let prefix = before?.prefix ?? length;
  let suffix = before?.suffix ?? length;
  for (const change of changes) {
    if (!(change.start >= 0 && change.start <= change.end && change.end <= length)) return undefined;
    prefix = Math.min(prefix, change.start);
    suffix = Math.min(suffix, length - change.end);
    length += change.text.length - (change.end - change.start);
  }
  return { prefix, suffix };
}

/** Two spans one after the other: what the first text and the last share. */
export function composeSpans(first: ChangedSpan, second: ChangedSpan): ChangedSpan {
  return { prefix: Math.min(first.prefix, second.prefix), suffix: Math.min(first.suffix, second.suffix) };
}
