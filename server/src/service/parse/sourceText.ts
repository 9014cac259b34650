/*
 * Where the model's text comes from. The model keeps no copy of the spoken text and no string
 * cut from the document: V8 keeps a whole string alive for as long as any slice of it lives, so
 * a model that kept slices across versions (the incremental parse keeps most of its objects from
 * one version to the next) would keep every version of a 20 MB document it had ever seen. A turn
 * reads its text through its section's `SectionText` instead, which each version points at its
 * own text.
 */

/**
 * A section's lines in the current text of the document. Sections an edit left alone keep their
 * content, so pointing one at the next version's text (`moveTo`) changes no line it reads; a
 * section an edit moved to other line numbers gets a new one (`atLine`).
 */
export class SectionText {
  /**
   * Offset of each of the section's lines from `start`. A section is mostly a few dozen lines
   * and a few kilobytes, so its offsets fit 16 bits: they are kept as the character codes of a
   * string, two bytes each, where an array of numbers costs eight and a typed array of a few
   * dozen elements costs more in its headers (20 MB's 9,000 sections: 0.6 MB instead of 3.4 MB).
   */
  private lineStarts: string | readonly number[];

  constructor(
    private text: string,
    /** Offset of the section's first line in `text`. */
    private start: number,
    /** The number of the section's first line in the document. */
    readonly firstLine: number,
    lineStarts: readonly number[] | string,
  ) {
    this.lineStarts = typeof lineStarts === 'string' ? lineStarts : packedOffsets(lineStarts);
  }

  /** Characters `[from, to)` of a document line of this section. */
  slice(line: number, from: number, to: number): string {
    const at = this.lineOffset(line);
    return this.text.slice(at + from, at + to);
  }

  /**
   * The text the section reads its lines from: the whole document's, or a part of it that holds
   * the section (a text kept in pieces). Read it at `lineOffset`, do not keep it.
   */
  get documentText(): string {
    return this.text;
  }

  /** Where a document line of this section starts in `documentText` (not an offset in the document). */
  lineOffset(line: number): number {
    const index = line - this.firstLine;
    return this.start + (typeof this.lineStarts === 'string' ? this.lineStarts.charCodeAt(index) : this.lineStarts[index]!);
  }

  /** The same lines, now at `start` in `text`. */
  moveTo(text: string, start: number): void {
    this.text = text;
    this.start = start;
  }

  /**
   * The same lines, now at `start` in `text`, except that line `line` (a line of this section)
   * grew by `delta` characters, with no line break added or taken: the lines after it start
   * `delta` later.
   */
  lineEdited(text: string, start: number, line: number, delta: number): void {
    const index = line - this.firstLine;
    const packed = this.lineStarts;
    // Read code unit by code unit: an offset may be half of what a string's iterator reads as one character.
    const starts = typeof packed === 'string' ? Array.from({ length: packed.length }, (_, k) => packed.charCodeAt(k)) : packed.slice();
    for (let k = index + 1; k < starts.length; k++) starts[k]! += delta;
    this.lineStarts = packedOffsets(starts);
    this.moveTo(text, start);
  }

  /**
   * The section after an edit that replaced its lines `[from, to)` with lines starting at
   * `starts` (offsets from the section's start in the new text), now at `start` in `text`: the
   * lines after them start `delta` characters later, as many lines later as `starts` has more.
   */
  linesReplaced(text: string, start: number, from: number, to: number, starts: readonly number[], delta: number): void {
    const packed = this.lineStarts;
    const count = packed.length;
    const offsetOf = (index: number) => (typeof packed === 'string' ? packed.charCodeAt(index) : packed[index]!);
    const next: number[] = [];
    for (let k = 0; k < from - this.firstLine; k++) next.push(offsetOf(k));
    for (const offset of starts) next.push(offset);
    for (let k = to - this.firstLine; k < count; k++) next.push(offsetOf(k) + delta);
    // A new list, not the old one changed: a copy made before (`atLine`) still reads the old lines.
    this.lineStarts = packedOffsets(next);
    this.moveTo(text, start);
  }

  /** The same lines at other line numbers, at `start` in `text` (by default where they are now). */
  atLine(firstLine: number, text = this.text, start = this.start): SectionText {
    return new SectionText(text, start, firstLine, this.lineStarts);
  }
}

/** Offsets below 2^16 as a string of their character codes; others stay numbers. */
function packedOffsets(offsets: readonly number[]): string | readonly number[] {
  const fits = offsets.length <= MAX_PACKED_OFFSETS && (offsets.length === 0 || offsets[offsets.length - 1]! <= 0xffff);
  return fits ? String.fromCharCode(...offsets) : offsets;
}

/** Sections longer than this are rare (a transcript with few markers); they keep numbers, and spreading them would overflow the stack. */
const MAX_PACKED_OFFSETS = 4096;

/**
 * A string the model may keep for good: a copy when `value` is long enough for V8 to have made it
 * a view into the document (13 characters or more), so that it does not keep the document alive.
 */
export function ownString(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/**
 * Values made once per distinct string key and shared after: labels, names, words and formats
 * repeat across tens of thousands of turns. The memo keeps its own copy of each key (`ownString`),
 * not a view into some version of a document, and is emptied when it holds `limit` keys, so that
 * text of endless distinct keys cannot grow it without bound.
 */
export class Memo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` (given the memo's own copy of the key) the first time. */
  get(key: string, make: (ownKey: string) => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      const ownKey = ownString(key);
      value = make(ownKey);
      this.values.set(ownKey, value);
    }
    return value;
  }
}

const sharedStrings = new Memo<string>(50_000);

/** `value` as a string the model may keep (see `ownString`), the same object for the same text. */
export function sharedString(value: string): string {
  return sharedStrings.get(value, (own) => own);
}
