import type { Header, LineKind } from './lineKinds';
import { CUE_BLOCK, CUE_ID, FENCE, FRONT_MATTER, HEADING, REPORT, RULE, UNDERLINED_TITLE, isFrontMatterFence, type Furniture } from './furniture';
import { LAST_WORD_OK, WHOLE_LABEL } from './linePatterns';
import { skipBlanks, trimEnd } from '../util/text';
import { CueMarkup } from './cueMarkup';

/*
 * Layout sniffing: which of a section's header candidates are headers. A line is classified on its
 * own (`lineKinds.ts`), and on its own `Height: 400`, `Timestamps:` or a chapter list's
 * `1:24 - Introduction` reads as a header. Here the section's candidates are counted by family,
 * and a family much rarer than the section's most common one is read as text. The lines whose
 * meaning depends on their neighbours are found here too: front matter, WebVTT's header, NOTE and
 * STYLE blocks, cue numbers, and the text lines of a cue.
 *
 * A section is the lines from one chunk marker to the next, so that sniffing reads the same lines
 * whether the document is parsed whole or a section alone (`sections.ts`).
 */

type Family = 'plain' | 'bold' | 'bold-stamp' | 'bracketed' | 'rev' | 'otter' | 'label-stamp-line' | 'linked' | 'stamp-first' | 'segment' | 'cue';

/** A family needs at least this share of the most common family's count to be read as headers. */
const RARE_SHARE = 5;
/** Cues of one word make a word-level file when at least this share of cues are. */
const WORD_LEVEL_SHARE = 0.6;

export interface SectionLayout {
  /** The section is subtitles: a blank line ends a cue, and text outside cues belongs to no turn. */
  readonly cues: boolean;
  /** Word-level subtitles: consecutive cues join into sentences. */
  readonly joinCues: boolean;
  /**
   * Whether the section opens the document with front matter (which may have taken in cue timing
   * lines), and whether a fence closes it: an open one is closed by the first fence that comes
   * within reach, wherever it is typed.
   */
  readonly frontMatter: FrontMatter;
  /** Whether any line reads as a cue's timing line, subtitles or not: the lines after it up to a blank are read as its text. */
  readonly cueTimings: boolean;
  /**
   * In subtitles: how many cues there are, how many of them are one word (see `cuesJoin`), and
   * how many headers of each other family, for an edit that makes or unmakes cues to tell whether
   * the section still reads as it did (`cueSpanReread.ts`). Undefined elsewhere.
   */
  readonly cueCounts: CueCounts | undefined;
}

export interface CueCounts {
  readonly cues: number;
  readonly oneWordCues: number;
  readonly otherFamilies: readonly number[];
}

/**
 * Whether a section of subtitles with these counts, its cues now `cues`, is still subtitles whose
 * headers of other families are read as they were: a family much rarer than the most common one
 * is read as text.
 */
export function sameFamiliesRead(counts: CueCounts, cues: number): boolean {
  const mostBefore = Math.max(counts.cues, ...counts.otherFamilies);
  const mostAfter = Math.max(cues, ...counts.otherFamilies);
  return (
    counts.cues * RARE_SHARE >= mostBefore &&
    cues * RARE_SHARE >= mostAfter &&
    counts.otherFamilies.every((count) => count * RARE_SHARE >= mostBefore === count * RARE_SHARE >= mostAfter)
  );
}

/** Whether subtitles of these counts are word-level ones, whose consecutive cues join into sentences. */
export function cuesJoin({ cues, oneWordCues }: Omit<CueCounts, 'otherFamilies'>): boolean {
  return cues >= 10 && oneWordCues >= WORD_LEVEL_SHARE * cues;
}

export type FrontMatter = 'none' | 'closed' | 'open';

function familyOf(header: Header, line: string): Family {
  switch (header.form) {
    case 'bold':
      return header.stamp && line.charCodeAt(header.stamp.start + 1) === 0x2a /* ** before the time */ ? 'bold-stamp' : 'bold';
    case 'segment':
      return line.charCodeAt(header.stamp!.start) === 0x2a ? 'bold-stamp' : 'segment';
    case 'bracketed':
    case 'rev':
    case 'otter':
    case 'label-stamp-line':
    case 'linked':
    case 'stamp-first':
    case 'cue':
      return header.form;
    default:
      return 'plain';
  }
}

const furniture = (f: Furniture): LineKind => ({ kind: 'furniture', furniture: f });

/**
 * Decides the layout of the section's lines `kinds[from, to)` (`lines` alike), changing in place
 * the kinds of the lines that are furniture or text after all. `atDocumentStart`: the section
 * begins the document, where front matter may be.
 */
export function sniffSection(lines: readonly string[], kinds: LineKind[], from: number, to: number, atDocumentStart: boolean): SectionLayout {
  const content = (i: number) => {
    const line = lines[i]!;
    const start = skipBlanks(line, 0);
    return line.slice(start, trimEnd(line, start));
  };
  const nextContent = (i: number) => {
    while (i < to && kinds[i]!.kind === 'blank') i++;
    return i;
  };

  const first = nextContent(from);
  const opensWithFence = atDocumentStart && first < to && isFrontMatterFence(content(first), false);
  const frontMatter: FrontMatter = !opensWithFence ? 'none' : markFrontMatter(kinds, content, first, to) ? 'closed' : 'open';

  // Subtitles: a timing line's cue runs to the next blank line; the line just before it, after a blank, is its number.
  let cueCount = 0;
  let oneWordCues = 0;
  for (let i = from; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind !== 'header' || kind.header.form !== 'cue') continue;
    cueCount++;
    if (i > from && kinds[i - 1]!.kind !== 'blank' && (i - 1 === from || kinds[i - 2]!.kind === 'blank')) kinds[i - 1] = furniture(CUE_ID);
    let words = 0;
    let j = i + 1;
    for (; j < to && !endsCue(kinds[j]!); j++) {
      const k = kinds[j]!;
      if (k.kind !== 'text') kinds[j] = { kind: 'text', start: skipBlanks(lines[j]!, 0) };
      // Only whether the cue is one word counts: a line is read no further than its second word.
      if (words < 2) words += wordsUpTo(2 - words, lines[j]!);
    }
    if (words === 1) oneWordCues++;
    i = j - 1;
  }
  if (cueCount > 0) {
    markCueBlocks(lines, kinds, content, from, to);
    markReportAroundCues(kinds, content, first, to);
  }

  markSpeakerHeadings(lines, kinds, from, to);

  // Count the candidates by family.
  const counts = new Map<Family, number>();
  for (let i = from; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind !== 'header') continue;
    const family = familyOf(kind.header, lines[i]!);
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  let most = 0;
  for (const count of counts.values()) most = Math.max(most, count);
  const accepted = (family: Family) => (counts.get(family) ?? 0) * RARE_SHARE >= most;
  const isSegment = (kind: LineKind | undefined, line: string | undefined) =>
    kind?.kind === 'header' && kind.header.form === 'segment' && accepted(familyOf(kind.header, line!));

  for (let i = from; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind !== 'header' || accepted(familyOf(kind.header, lines[i]!))) continue;
    // A speaker's name alone on its line, over stamped segments (`**SPEAKER_01:**`, then `[0.6s] …`).
    const next = nextContent(i + 1);
    const heading = kind.header.alone && kind.header.label !== '' && !kind.header.stamp;
    if (heading && isSegment(kinds[next], lines[next])) continue;
    kinds[i] = { kind: 'text', start: skipBlanks(lines[i]!, 0) };
  }

  markUnderlinedTitles(lines, kinds, from, to);

  const cues = accepted('cue') && cueCount > 0;
  const otherFamilies = [...counts].flatMap(([family, count]) => (family === 'cue' ? [] : [count]));
  const counted: CueCounts = { cues: cueCount, oneWordCues, otherFamilies };
  return { cues, joinCues: cues && cuesJoin(counted), frontMatter, cueTimings: cueCount > 0, cueCounts: cues ? counted : undefined };
}

/**
 * A WebVTT block inside a report (fenced, or pasted under a heading): the report after the block
 * is furniture too, as the report before it is the preamble. The block ends at its closing fence,
 * or, pasted, at the next heading.
 */
function markReportAroundCues(kinds: LineKind[], content: (i: number) => string, first: number, to: number): void {
  let webvtt = -1;
  for (let i = first; i < to; i++) {
    if (kinds[i]!.kind !== 'blank' && content(i).startsWith('WEBVTT')) {
      webvtt = i;
      break;
    }
  }
  if (webvtt <= first) return;
  let end = to;
  for (let i = webvtt + 1; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind === 'furniture' && (kind.furniture === FENCE || kind.furniture === HEADING)) {
      end = i;
      break;
    }
  }
  for (let i = end; i < to; i++) if (kinds[i]!.kind !== 'blank' && kinds[i]!.kind !== 'marker') kinds[i] = furniture(REPORT);
}

/** Whether a cue whose text is `lines` is one word, as the sniff counts words for word-level subtitles. */
export function isOneWordCue(lines: readonly string[]): boolean {
  let words = 0;
  for (const line of lines) if (words < 2) words += wordsUpTo(2 - words, line);
  return words === 1;
}

/**
 * A title over a line of `=`, `-` or `^` at least as long, a blank line (or the section's start)
 * before it: reStructuredText's section title, and Markdown's setext heading. Read as text, it
 * ended the turn before it (`…I'll sit here quietly.`, then `Jonathan Reynolds` over dashes, the
 * next witness). Only a line of text after a blank line: the last line of a paragraph over a rule is speech.
 */
function markUnderlinedTitles(lines: readonly string[], kinds: LineKind[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind !== 'furniture' || kind.furniture !== RULE || kinds[i - 1]!.kind !== 'text') continue;
    if (i - 1 > from && kinds[i - 2]!.kind !== 'blank') continue;
    const title = lines[i - 1]!.trim();
    if (title.length > 0 && title.length <= lines[i]!.trim().length) kinds[i - 1] = furniture(UNDERLINED_TITLE);
  }
}

/** A cue's text runs to a blank line, the next cue's timing line, or a code fence that closes the block it is in. */
function endsCue(kind: LineKind): boolean {
  return (
    kind.kind === 'blank' ||
    kind.kind === 'marker' ||
    (kind.kind === 'header' && kind.header.form === 'cue') ||
    (kind.kind === 'furniture' && kind.furniture === FENCE)
  );
}

/**
 * `#### Jamie`, then the text, then `#### Zac`: Markdown headings that are speakers' names. A
 * heading is read so when its text is a label and two or more such labels each head two or more
 * parts of the section (a report's headings rarely repeat; speakers do).
 */
function markSpeakerHeadings(lines: readonly string[], kinds: LineKind[], from: number, to: number): void {
  const byLabel = new Map<string, number[]>();
  for (let i = from; i < to; i++) {
    const kind = kinds[i]!;
    if (kind.kind !== 'furniture' || kind.furniture !== HEADING) continue;
    const line = lines[i]!;
    const start = skipBlanks(line, line.indexOf(' '));
    const label = line.slice(start, trimEnd(line, start));
    if (!WHOLE_LABEL.test(label) || !LAST_WORD_OK.test(label)) continue;
    const places = byLabel.get(label) ?? [];
    places.push(i);
    byLabel.set(label, places);
  }
  const repeated = [...byLabel.values()].filter((places) => places.length >= 2);
  if (repeated.length < 2) return;
  for (const [label, places] of byLabel) {
    if (places.length < 2) continue;
    for (const i of places) {
      const line = lines[i]!;
      const end = trimEnd(line, 0);
      kinds[i] = { kind: 'header', header: { form: 'label', label, labelStart: line.lastIndexOf(label, end), bodyStart: end, alone: true } };
    }
  }
}

/** Marks the front matter that opens on line `first`, if a fence closes it; says whether one does. */
function markFrontMatter(kinds: LineKind[], content: (i: number) => string, first: number, to: number): boolean {
  for (let i = first + 1; i < to && i < first + 500; i++) {
    if (!isFrontMatterFence(content(i), true)) continue;
    for (let k = first; k <= i; k++) if (kinds[k]!.kind !== 'marker') kinds[k] = furniture(FRONT_MATTER);
    return true;
  }
  return false;
}

/** WebVTT's header block (`WEBVTT` and the lines up to a blank) and its NOTE, STYLE and REGION blocks. */
function markCueBlocks(lines: readonly string[], kinds: LineKind[], content: (i: number) => string, from: number, to: number): void {
  let inBlock = false;
  for (let i = from; i < to; i++) {
    // A chunk marker ends a block as a blank line does (it ends the section too).
    if (kinds[i]!.kind === 'blank' || kinds[i]!.kind === 'marker') {
      inBlock = false;
      continue;
    }
    const startsBlock = (i === from || kinds[i - 1]!.kind === 'blank') && mayOpenBlock(lines[i]!) && BLOCK_START.test(content(i));
    if (startsBlock) inBlock = true;
    if (inBlock) kinds[i] = furniture(CUE_BLOCK);
  }
}

const BLOCK_START = /^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/;

/**
 * Whether a line's first character is one a block's keyword starts with (W, N, S or R): every
 * cue's number and timing line follows a blank line, and is passed over without being cut out.
 */
function mayOpenBlock(line: string): boolean {
  const first = line.charCodeAt(skipBlanks(line, 0));
  return first === 0x57 || first === 0x4e || first === 0x53 || first === 0x52;
}

/**
 * Words of a cue line, its markup (`<i>`, `{\c&H..&}`) aside, counted up to `limit`: a scan, as a
 * tag left open must not cost a pass per character. Chinese and Japanese put no space between
 * words: each of their characters counts as one, so that a sentence of them is not read as a
 * one-word cue (a file of such cues was read as word-level subtitles and its cues joined into one
 * turn).
 */
function wordsUpTo(limit: number, line: string): number {
  let words = 0;
  let inWord = false;
  const markup = new CueMarkup(line, line.length);
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const tagEnd = markup.endAt(i);
    if (tagEnd >= 0) {
      inWord = false;
      i = tagEnd;
    } else if (code === 0x20 || code === 0x09) {
      inWord = false;
    } else if (isHanOrKana(code)) {
      inWord = false;
      if (++words === limit) return words;
    } else if (!inWord) {
      inWord = true;
      if (++words === limit) return words;
    }
  }
  return words;
}

/** Kana, and the Han ideographs of the Basic Multilingual Plane (the unified ideographs and extension A). */
function isHanOrKana(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
}
