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
 * A section is read as numbered pages with at least this many lines numbered in order (counting
 * up, or starting a page again at 1): a page's worth, more than a numbered list in a talk has…
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
 * If the section's `lines` (`kinds` their classification, the first being document line
 * `firstLine`) are numbered pages, reads them so: each numbered line is classified again with its
 * number as blanks, each other line that is not blank is page furniture, and a caption's
 * `PARTY      :` (blanks before the colon, the colons of a case's caption set in a column) is text.
 * Answers the lines with their numbers blanked, or undefined when the section is not numbered
 * pages (then nothing is changed). A label alone on its line is a heading.
 */
export function readNumberedPages(lines: readonly string[], kinds: LineKind[], firstLine: number): string[] | undefined {
  if (!areNumberedPages(lines, kinds)) return undefined;
  const read = lines.slice();
  let page = 0;
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i]!;
    if (kind.kind === 'blank' || kind.kind === 'marker') continue;
    const line = lines[i]!;
    const number = lineNumberOf(line);
    if (!number || !followsOn(page, number.value)) {
      kinds[i] = PAGE_LINE;
      continue;
    }
    page = number.value;
    const blanked = ' '.repeat(number.end) + line.slice(number.end);
    read[i] = blanked;
    kinds[i] = marginRead(blanked, firstLine + i);
  }
  return read;
}

/**
 * Whether line number `number` goes on from the page's last, `page` (0 before the first): the
 * next one, or one or two further (a line the typist left out), or 1 on a new page. The first
 * may be any: a section may start in the middle of a page (a chunk of a record). A number out of
 * order is no line number: an index's entry for `30` after the last page.
 */
function followsOn(page: number, number: number): boolean {
  return page === 0 || number === 1 || (number > page && number <= page + MAX_SKIPPED + 1);
}

/** Whether the section's lines are numbered pages (see MIN_NUMBERED_LINES and after). */
function areNumberedPages(lines: readonly string[], kinds: readonly LineKind[]): boolean {
  let contentLines = 0;
  let inOrder = 0;
  let contentToLastInOrder = 0;
  let page = 0;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i]!.kind === 'blank') continue;
    contentLines++;
    const number = lineNumberOf(lines[i]!);
    if (number && followsOn(page, number.value)) {
      inOrder++;
      page = number.value;
      contentToLastInOrder = contentLines;
    }
    // Every section is asked: one whose first lines mostly have no number is turned away there.
    if (inOrder < MIN_NUMBERED_LINES && NUMBERED_SHARE * contentLines - inOrder > MIN_NUMBERED_LINES) return false;
  }
  return inOrder >= MIN_NUMBERED_LINES && inOrder >= NUMBERED_SHARE * contentToLastInOrder;
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
