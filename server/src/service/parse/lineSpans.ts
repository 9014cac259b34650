import type { Problem } from '../model';
import type { ModelPart } from './modelPart';
import type { Section } from './parsedDocument';
import type { ParsedTurn } from './parsedTurn';
import { shiftRange, type Shift } from './shift';
import type { SectionText } from './sourceText';
import { skipBlanks, splitLines, trimEnd } from '../util/text';

/*
 * What the parse needs to read a few lines of a section again after an edit, and to move what
 * comes after them (`turnReread.ts`, `cueSpanReread.ts`).
 */

export function isBlank(line: string): boolean {
  const start = skipBlanks(line, 0);
  return start >= trimEnd(line, start);
}

/** The lines of `text`; `endsWithBreak`: it ends with the line break before the next line, which starts no line of its own here. */
export function linesOf(text: string, endsWithBreak: boolean): string[] {
  const lines = splitLines(text);
  if (endsWithBreak) lines.pop();
  return lines;
}

/** Where each of `lines` but the first starts, from the section's start: `at` for the first, then after each line break of `text`. */
export function lineStartsOf(lines: readonly string[], at: number, text: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    offset += lines[k]!.length;
    offset += text.charCodeAt(offset) === 0x0d && text.charCodeAt(offset + 1) === 0x0a ? 2 : 1;
    starts.push(at + offset);
  }
  return starts;
}

/** Where a section's lines are in the document before an edit, read from its line offsets. */
export interface SectionLines {
  /** Where line `line` of the section starts in the document. */
  readonly lineStart: (line: number) => number;
  readonly lastLine: number;
  /** The line of the section that holds `offset`. */
  readonly lineOf: (offset: number) => number;
}

export function sectionLines(section: Section): SectionLines {
  const { source, base } = section;
  const firstOffset = source.lineOffset(base.line);
  const lineStart = (line: number) => section.start + source.lineOffset(line) - firstOffset;
  const lastLine = base.line + section.lineCount - 1;
  return { lineStart, lastLine, lineOf: (offset) => lineAtOffset(lineStart, base.line, lastLine, offset) };
}

/** The line in [first, last] that holds `offset`, by where each starts. */
function lineAtOffset(lineStart: (line: number) => number, first: number, last: number, offset: number): number {
  let low = first;
  let high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStart(middle) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The last turn of `turns[from, to)` whose header is at or before `line`, if any. */
export function turnHolding(turns: readonly ParsedTurn[], from: number, to: number, line: number): ParsedTurn | undefined {
  let low = from;
  let high = to - 1;
  let found: ParsedTurn | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle]!;
    if (turn.range.start.line <= line) {
      found = turn;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The first of `problems` (in order) that starts on `line` or after. */
export function firstProblemAt(problems: readonly Problem[], line: number): number {
  let low = 0;
  let high = problems.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (problems[middle]!.range.start.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What moves after the lines an edit read again: the turns after them, and the problems from their end on. */
export interface MovedOn {
  readonly shift: Shift;
  /** The turns after, as they were and where they are now (the same objects when nothing moved). */
  readonly following: readonly ParsedTurn[];
  readonly moved: readonly ParsedTurn[];
  readonly problems: readonly Problem[];
  /** For the caches kept by turn, when the turns moved. */
  readonly parts: ReadonlyArray<{ readonly before: ModelPart; readonly after: ModelPart }> | undefined;
}

/**
 * The turns from `after` on and the problems from line `to` on, `lines` lines and `turns` turns
 * further on after an edit before them; moved turns read their text from `source`.
 */
export function moveOn(
  model: { readonly turns: readonly ParsedTurn[]; readonly problems: readonly Problem[]; readonly speakers: readonly unknown[] },
  after: number,
  to: number,
  by: { readonly lines: number; readonly turns: number },
  source: SectionText,
): MovedOn {
  const shift: Shift = {
    from: { line: to, turn: after, chunk: 1, speaker: model.speakers.length },
    by: { line: by.lines, turn: by.turns, chunk: 0, speaker: 0 },
  };
  const following = model.turns.slice(after);
  const moves = by.lines !== 0 || by.turns !== 0;
  const moved = moves ? following.map((turn) => turn.moved(shift, source)) : following;
  const problemsAfter = model.problems.slice(firstProblemAt(model.problems, to));
  const problems = by.lines === 0 ? problemsAfter : problemsAfter.map((problem) => ({ ...problem, range: shiftRange(problem.range, shift) }));
  const part = (movedTurns: readonly ParsedTurn[]): ModelPart => ({ chunks: [], turns: movedTurns, speakers: [], markers: [], problems: [] });
  return { shift, following, moved, problems, parts: moves ? [{ before: part(following), after: part(moved) }] : undefined };
}
