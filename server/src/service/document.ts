/** What the service needs of a document: the LSP `TextDocument` and plain objects both fit. */
export interface TranscriptDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /**
   * This version's text, for a document that keeps it in pieces (the language server's): the
   * service then reads what an edit touched without making the whole text one string, which V8
   * does at some 7 ns a character (14 ms a keystroke on 2 MB). Documents without it are read
   * with `getText`.
   */
  snapshot?(): TextSnapshot;
}

/**
 * One version of a document's text. It never changes: a new version is a new snapshot, so that
 * two snapshots are the same text when they are the same object.
 */
export interface TextSnapshot {
  readonly length: number;
  /** The whole text, when it is one string already; else `whole` makes it. */
  readonly text: string | undefined;
  /** Characters `[start, end)`. */
  slice(start: number, end: number): string;
  /** The whole text as one string: made on the first call for a text kept in pieces, then kept. */
  whole(): string;
}

/** A text that is one string. */
export function stringSnapshot(text: string): TextSnapshot {
  return { length: text.length, text, slice: (start, end) => text.slice(start, end), whole: () => text };
}

/** The text of `document`'s version: its own snapshot, or one made from `getText`. */
export function snapshotOf(document: TranscriptDocument): TextSnapshot {
  return document.snapshot?.() ?? stringSnapshot(document.getText());
}

/**
 * Whether two snapshots hold the same text, as far as telling costs nothing: the same snapshot,
 * or the same string. Snapshots of one string made twice are the same text.
 */
export function sameSnapshot(a: TextSnapshot, b: TextSnapshot): boolean {
  return a === b || (a.text !== undefined && a.text === b.text);
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
