import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange, TextSnapshot } from '../service';

/*
 * An open document, kept as a list of chunks of text rather than one string.
 *
 * vscode-languageserver-textdocument keeps one string and makes the next version by
 * concatenation; V8 then copies the whole text into one string again when it is next read, at
 * about 7 ns a character: 14 ms a keystroke on 2 MB, 140 ms on 20 MB, whatever the edit. Here an
 * edit copies the one chunk it falls in (a few thousand characters) and updates the line table,
 * as the library's does. The text is made one string only when someone asks for all of it
 * (`getText()` without a range), once per version.
 *
 * It behaves as the library's `TextDocument` does (positions, offsets, clamping), except that a
 * CR typed before an LF, or an LF after a CR, makes one line break in the line table, as it does
 * in the text, where the library's table counts two.
 */

/** Chunks are cut to this many characters when a text is opened or a long text is pasted. */
const CHUNK = 16_384;
const LF = 0x0a;
const CR = 0x0d;

export class ChunkedDocument implements TextDocument {
  private chunks: readonly string[] = [''];
  /** Where each chunk starts in the text. */
  private chunkStarts: readonly number[] = [0];
  private textLength = 0;
  /**
   * Where each line starts: 0, then just after each line break (`\n`, `\r\n` or a lone `\r`).
   * Made when first needed, as the library does: a document that is only read needs none.
   */
  private lineTable: number[] | undefined;
  /** This version's snapshot, made when first asked for. */
  private current: TextSnapshot | undefined;
  /** The text as one string, while the version is the one opened or last replaced whole: the chunks are views into it. */
  private opened: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    /** Tests make it small, so that edits fall across chunk ends. */
    private readonly chunkSize = CHUNK,
  ) {
    this.setText(text);
  }

  /** The whole text replaced, as when opened: the line table is made again when next needed. */
  private setText(text: string): void {
    this.current = undefined;
    this.opened = text;
    this.chunks = text.length > 0 ? cut(text, this.chunkSize) : [''];
    this.chunkStarts = startsOf(this.chunks);
    this.textLength = text.length;
    this.lineTable = undefined;
  }

  get version(): number {
    return this.currentVersion;
  }

  private get lineStarts(): number[] {
    return (this.lineTable ??= lineStartsOf(this.snapshot().whole()));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The number of characters (UTF-16 code units) in the text. */
  get length(): number {
    return this.textLength;
  }

  getText(range?: Range): string {
    if (!range) return this.snapshot().whole();
    return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** This version's text, for the service: it reads the parts an edit touched. */
  snapshot(): TextSnapshot {
    if (!this.current) {
      const { chunks, chunkStarts, textLength: length, opened } = this;
      let whole: string | undefined = opened;
      this.current = {
        length,
        text: opened,
        slice: (start: number, end: number) => sliceOf(chunks, chunkStarts, length, start, end),
        whole: () => (whole ??= chunks.join('')),
      };
    }
    return this.current;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.textLength), 0);
    const line = lastAtOrBefore(this.lineStarts, offset);
    const lineStart = this.lineStarts[line]!;
    return { line, character: this.beforeLineBreak(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const { lineStarts } = this;
    if (position.line >= lineStarts.length) return this.textLength;
    if (position.line < 0) return 0;
    const lineStart = lineStarts[position.line]!;
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! : this.textLength;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  /**
   * Applies an editor's changes in order, each to the text the one before left, and gives each
   * as offsets in the text just before it, which is what the service takes (`TextChange`).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): TextChange[] {
    const offsets: TextChange[] = [];
    for (const change of changes) {
      if ('range' in change) {
        const from = this.offsetAt(change.range.start);
        const to = this.offsetAt(change.range.end);
        const start = Math.min(from, to);
        const end = Math.max(from, to);
        this.replace(start, end, change.text);
        offsets.push({ start, end, text: change.text });
      } else {
        // The whole text: no table of the old one to update.
        offsets.push({ start: 0, end: this.textLength, text: change.text });
        this.setText(change.text);
      }
    }
    this.currentVersion = version;
    return offsets;
  }

  /** Characters `[start, end)`, clamped to the text; swapped if `end` is before `start`, as `substring` does. */
  private slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, end, this.textLength));
    const to = Math.min(this.textLength, Math.max(start, end, 0));
    return sliceOf(this.chunks, this.chunkStarts, this.textLength, from, to);
  }

  private codeAt(offset: number): number {
    if (offset < 0 || offset >= this.textLength) return -1;
    const index = lastAtOrBefore(this.chunkStarts, offset);
    return this.chunks[index]!.charCodeAt(offset - this.chunkStarts[index]!);
  }

  /** `offset` moved back before any line-break characters that end the line starting at `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const code = this.codeAt(offset - 1);
      if (code !== LF && code !== CR) break;
      offset--;
    }
    return offset;
  }

  /** Replaces characters `[start, end)` with `text`: the chunks they are in, and the line table. */
  private replace(start: number, end: number, text: string): void {
    // The table of the text before, to update: made now if it is not yet.
    const { lineStarts } = this;
    this.current = undefined;
    this.opened = undefined;
    const { chunks, chunkStarts } = this;
    const first = lastAtOrBefore(chunkStarts, start);
    const last = end > start ? lastAtOrBefore(chunkStarts, end - 1) : first;
    const joined = chunks[first]!.slice(0, start - chunkStarts[first]!) + text + chunks[last]!.slice(end - chunkStarts[last]!);
    const replaced = [...chunks.slice(0, first), ...cut(joined, this.chunkSize), ...chunks.slice(last + 1)];
    this.chunks = replaced.length > 0 ? replaced : [''];
    this.chunkStarts = startsOf(this.chunks);
    const delta = text.length - (end - start);
    this.textLength += delta;
    this.updateLineStarts(lineStarts, start, end, text, delta);
  }

  /**
   * The line table after `[start, end)` became `text` (the chunks already hold the new text). A
   * line starts after a break; the breaks that may have changed are those ending at the character
   * before the edit, in the new text, and at the character after it (an edit can part or join a
   * CR and an LF on either side). Lines before keep their starts; those after move by `delta`.
   */
  private updateLineStarts(lineStarts: number[], start: number, end: number, text: string, delta: number): void {
    const added: number[] = [];
    const after = start + text.length;
    const breakEndsAt = (at: number, code: number, next: number): void => {
      if (code === LF || (code === CR && next !== LF)) added.push(at + 1);
    };
    if (start > 0) breakEndsAt(start - 1, this.codeAt(start - 1), this.codeAt(start));
    for (let k = 0; k < text.length; k++)
      breakEndsAt(start + k, text.charCodeAt(k), k + 1 < text.length ? text.charCodeAt(k + 1) : this.codeAt(after));
    if (after < this.textLength) breakEndsAt(after, this.codeAt(after), this.codeAt(after + 1));

    // Old starts in [max(start, 1), end + 1] came from breaks that are found again above; line 0 stays.
    const from = firstAfter(lineStarts, Math.max(start, 1) - 1);
    const to = firstAfter(lineStarts, end + 1);
    if (delta !== 0) for (let index = to; index < lineStarts.length; index++) lineStarts[index]! += delta;
    if (added.length < 10_000) lineStarts.splice(from, to - from, ...added);
    else this.lineTable = [...lineStarts.slice(0, from), ...added, ...lineStarts.slice(to)];
  }
}

/** `text` cut into chunks of `size` characters (views into it: no copy); none for no text. */
function cut(text: string, size: number): string[] {
  if (text.length <= 2 * size) return text.length > 0 ? [text] : [];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    // A chunk does not end between the two halves of a surrogate pair, so that no piece is ill-formed.
    let end = Math.min(at + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

function startsOf(chunks: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunk.length;
  }
  return starts;
}

function sliceOf(chunks: readonly string[], starts: readonly number[], length: number, start: number, end: number): string {
  if (start >= end || start >= length) return '';
  const first = lastAtOrBefore(starts, start);
  const last = lastAtOrBefore(starts, end - 1);
  if (first === last) return chunks[first]!.slice(start - starts[first]!, end - starts[first]!);
  let text = chunks[first]!.slice(start - starts[first]!);
  for (let index = first + 1; index < last; index++) text += chunks[index]!;
  return text + chunks[last]!.slice(0, end - starts[last]!);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Most texts: their breaks found with indexOf, several times faster than a loop over characters.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === LF || (code === CR && text.charCodeAt(at + 1) !== LF)) starts.push(at + 1);
  }
  return starts;
}

/** The index of the last of the ascending `values` at or before `value` (0 if none is). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  return Math.max(0, firstAfter(values, value) - 1);
}

/** The index of the first of the ascending `values` after `value` (their length if none is). */
function firstAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
