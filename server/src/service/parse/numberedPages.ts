import { classifyLine, type LineKind } from './lineKinds';
import { HEADING, PAGE } from './furniture';
import { isDigit, skipBlanks } from '../util/text';

/*
 * Court transcripts and depositions are typed on numbered pages: every line of a page starts with
 * its number on the page (1 to 25 or so) in a margin, and the page's number, the reporter's name
 * and a running head stand between the pages on lines of their own, with no number.
 *
 *      4                GENERAL VERRILLI:                No, that --
 *      5                JUSTICE ALITO:              And if that's true, why
 *      6   isn't it equally artificial to say that somebody who is
 *
 * Read line by line, `4 GENERAL VERRILLI:` starts with a digit and is no header, and the whole
 * argument is text. A section whose lines are mostly numbered so, counting up and starting again
 * at 1 on each page, is read with each line's number taken as margin, as blanks: the header and
 * text after it read as they would at the margin. Its lines without a number are the pages'
 * furniture, which leaves a turn open: speech runs on from one page to the next.
 */

/** A line's number on its page: one or two digits near the margin, then a blank or the line's end. */
const LINE_NUMBER = /^[ \t]{0,4}(\d{1,2})(?=[ \t]|$)/;
/** Pages have at most this many lines. */
const MAX_LINE_NUMBER = 30;
/**
 * A section is read as numbered pages with at least this many lines numbered in order (see
 * `linesInOrder`): a page's worth, more than a numbered list read out in a talk has…
 */
const MIN_NUMBERED_LINES = 20;
/**
 * …that make at least this share of its lines that are not blank, up to the last of them (an
 * index after the last page, which may be longer than a short hearing, does not count).
 */
const NUMBERED_SHARE = 0.6;
/** A page's numbered lines may skip at most this many numbers (a line left out). */
const MAX_SKIPPED = 2;
/**
 * Numbered lines in order stand at most this many lines apart: a page's lines are all numbered,
 * and between pages stand the page's number, the reporter and a running head.
 */
const MAX_GAP = 6;

/**
 * If the section's `lines` (`kinds` their classification, the first being document line
 * `firstLine`) are numbered pages, reads them so: each numbered line is classified again with its
 * number as blanks, each other line that is not blank is page furniture, and a caption's
 * `PARTY      :` (blanks before the colon, the colons of a case's caption set in a column) is text.
 * Answers the lines with their numbers blanked, or undefined when the section is not numbered
 * pages (then nothing is changed). A label alone on its line is a heading.
 */
export function readNumberedPages(lines: readonly string[], kinds: LineKind[], firstLine: number): string[] | undefined {
  const inOrder = linesInOrder(lines, kinds);
  if (!inOrder) return undefined;
  const read = lines.slice();
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i]!;
    if (kind.kind === 'blank' || kind.kind === 'marker') continue;
    const end = inOrder[i]!;
    if (end === NOT_IN_ORDER) {
      kinds[i] = PAGE_LINE;
      continue;
    }
    const blanked = ' '.repeat(end) + lines[i]!.slice(end);
    read[i] = blanked;
    kinds[i] = marginRead(blanked, firstLine + i);
  }
  return read;
}

/** In `linesInOrder`'s answer, a line that has no number in the page's order. */
const NOT_IN_ORDER = -1;

/**
 * Where the number of each line numbered in order ends (NOT_IN_ORDER for the others), if the
 * section is numbered pages (see MIN_NUMBERED_LINES and after); else undefined.
 *
 * A number is in order when it follows the one before (`followsOn`), or when the next numbered
 * line follows it: a new page's 1, a section that starts in the middle of a page, and a chunk of
 * a record that repeats the end of the one before, whose copy goes on from its own number (`18`,
 * then `19`), not from the page it was pasted after. Either way the two stand close together. A
 * number out of order, with none after it that follows on, is no line number: an index's entry
 * for `30` after the last page.
 */
function linesInOrder(lines: readonly string[], kinds: readonly LineKind[]): number[] | undefined {
  if (mostlyUnnumbered(lines, kinds)) return undefined;
  const numbers = lines.map((line, i) => (kinds[i]!.kind === 'blank' ? undefined : lineNumberOf(line)));
  // Each line's place among the lines that are not blank.
  const places: number[] = [];
  let contentLines = 0;
  for (let i = 0; i < lines.length; i++) places.push(kinds[i]!.kind === 'blank' ? contentLines : contentLines++);
  const ends = new Array<number>(lines.length).fill(NOT_IN_ORDER);
  let inOrder = 0;
  let contentToLastInOrder = 0;
  let page = 0;
  let pagePlace = -Infinity;
  let next = -1;
  for (let i = 0; i < lines.length; i++) {
    const number = numbers[i];
    if (!number) continue;
    if (next <= i) for (next = i + 1; next < lines.length && !numbers[next]; next++);
    const following = numbers[next]?.value;
    // Close by: an index's entries for `4`, `5` and `7` count up too, a dozen lines apart.
    const goesOn = places[i]! - pagePlace <= MAX_GAP && followsOn(page, number.value);
    const restarts = following !== undefined && places[next]! - places[i]! <= MAX_GAP && followsOn(number.value, following);
    if (goesOn || restarts) {
      ends[i] = number.end;
      inOrder++;
      page = number.value;
      pagePlace = places[i]!;
      contentToLastInOrder = places[i]! + 1;
    } else if (number.value === 1) {
      // A page of one line (the last, most often) is read as one; it counts for nothing else, as
      // an index's entry for `1` may be read so too.
      ends[i] = number.end;
    }
  }
  return inOrder >= MIN_NUMBERED_LINES && inOrder >= NUMBERED_SHARE * contentToLastInOrder ? ends : undefined;
}

/**
 * Whether line number `number` goes on from `page`, the number before it: the next one, or one or
 * two further (a line the typist left out).
 */
function followsOn(page: number, number: number): boolean {
  return number > page && number <= page + MAX_SKIPPED + 1;
}

/**
 * Whether the section's first lines mostly have no number, so that it is no numbered pages: every
 * section is asked, and most are turned away here, after a few dozen lines and without a list.
 */
function mostlyUnnumbered(lines: readonly string[], kinds: readonly LineKind[]): boolean {
  let contentLines = 0;
  let numbered = 0;
  for (let i = 0; i < lines.length && numbered < MIN_NUMBERED_LINES; i++) {
    if (kinds[i]!.kind === 'blank') continue;
    contentLines++;
    if (lineNumberOf(lines[i]!)) numbered++;
    if (NUMBERED_SHARE * contentLines - numbered > MIN_NUMBERED_LINES) return true;
  }
  return numbered < MIN_NUMBERED_LINES;
}

/** A line's number on its page and where it ends, if it has one. */
function lineNumberOf(line: string): { value: number; end: number } | undefined {
  // A line with no digit near the margin is passed over without the pattern.
  if (!isDigit(line.charCodeAt(skipBlanks(line, 0)))) return undefined;
  const m = LINE_NUMBER.exec(line);
  const value = m ? Number(m[1]) : 0;
  return value >= 1 && value <= MAX_LINE_NUMBER ? { value, end: m!.index + m![0].length } : undefined;
}

const PAGE_LINE: LineKind = { kind: 'furniture', furniture: PAGE };
const HEADING_LINE: LineKind = { kind: 'furniture', furniture: HEADING };

/** A numbered line, its number blanked, as a line at the margin reads. */
function marginRead(line: string, lineNumber: number): LineKind {
  const kind = classifyLine(line, lineNumber);
  switch (kind.kind) {
    // A marker after a line number did not end the section (`isChunkMarker` reads the line as it is): it is text.
    case 'marker':
      return { kind: 'text', start: skipBlanks(line, 0) };
    case 'header': {
      const { header } = kind;
      if (header.form !== 'label' || header.labelStart < 0) return kind;
      // A court's typist puts what is said after the label, on its line: a label alone is a
      // heading (`APPEARANCES:`, `BY MR. OKAFOR:` over an examination's questions).
      if (header.alone) return HEADING_LINE;
      const captionColumn = /^[ \t]{2,}:/.test(line.slice(header.labelStart + header.label.length));
      return captionColumn ? { kind: 'text', start: header.labelStart } : kind;
    }
    default:
      return kind;
  }
}
