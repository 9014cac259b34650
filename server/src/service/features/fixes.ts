import type { Analysis } from '../analysis/analysis';
import { backwardsDiagnostic, overlapDiagnostics } from './diagnostics';
import { applyEdits, lineOffsets, positionAt, type TextEdit } from '../util/edits';
import type { Range } from '../model';
import { comparePositions } from '../util/text';
import type { TranscriptCodeAction } from './codeAction';
import { mendFix, removeRepeat } from './overlapFixes';
import { mendSeam, type Mend } from './seamMend';
import { keepOneCopy, withLoopDeletions } from './repetitionFixes';
import { timestampFixes } from './timestampFixes';

export type { FixKind, TranscriptCodeAction } from './codeAction';

/* ------------------------------------------------------------------ entry points */

function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Quick fixes for the diagnostics that touch `range`. */
export function codeActions(analysis: Analysis, range: Range): TranscriptCodeAction[] {
  const actions: TranscriptCodeAction[] = [];
  for (const overlap of analysis.overlaps) {
    const diagnostics = overlapDiagnostics(overlap);
    if (!diagnostics.some((d) => intersects(d.range, range))) continue;
    const mend = mendFix(analysis, overlap);
    if (mend) actions.push(mend);
    actions.push(removeRepeat(analysis, overlap));
  }
  for (const finding of analysis.timestamps.backwards) {
    if (!intersects(finding.stamp.range, range)) continue;
    actions.push(...timestampFixes(analysis, finding, backwardsDiagnostic(finding)));
  }
  for (const loop of analysis.repetitionLoops) {
    if (intersects(loop.extra, range) || intersects(loop.first, range)) actions.push(keepOneCopy(loop));
  }
  return actions;
}

const MAX_FIX_ALL_ROUNDS = 8;

/**
 * Every safe fix in one edit: each seam mended (see `mendSeam`: one copy of the passage, cut
 * where sentences meet), unless the mend would delete a word found nowhere else in the text;
 * that seam stays flagged for the user to judge. Mending a seam can bring further text to the
 * boundary that repeats the earlier chunk too, so Fix All goes on, round after round, until no
 * seam it may mend is left: its result is a fixed point. Repetition loops are cut to one copy
 * on the way. Times are not changed: which time is
 * right is a judgement, so those fixes stay one by one.
 */
export function fixAll(analysis: Analysis): TextEdit[] {
  let current = analysis;
  let rounds = 0;
  // The last round's edits: what Fix All gives when there was only one round.
  let lastRound: TextEdit[] = [];
  for (; rounds < MAX_FIX_ALL_ROUNDS; rounds++) {
    const round = fixRound(current);
    if (!round) break;
    lastRound = round.edits;
    current = round.next;
  }
  const tidied = withoutNewLeadingBlankLines(analysis.text, withoutEmptiedChunks(analysis, current) ?? current.text);
  if (tidied === current.text && rounds <= 1) return lastRound;
  return [replaceChangedSpan(analysis.text, tidied)];
}

/**
 * The fixed text without the blank lines it starts with where the text before did not: what is
 * left above the first chunk Fix All kept when it emptied every chunk before (its turns were the
 * earlier copy of the passage the next chunk has whole).
 */
function withoutNewLeadingBlankLines(before: string, after: string): string {
  const leadingBlank = /^(?:[ \t]*\r?\n)+/;
  const added = leadingBlank.exec(after)?.[0].length ?? 0;
  const had = leadingBlank.exec(before)?.[0].length ?? 0;
  return added > had ? after.slice(added - had) : after;
}

/**
 * The fixed text without the marker of each chunk Fix All emptied (every turn of it a copy),
 * which would stand under the marker before it with nothing between (for the last chunk, which
 * has none, the marker before it goes); undefined when there is none. Only a chunk that had
 * turns and has nothing left but blank lines and its marker loses the marker; a chunk the writer
 * left empty keeps it.
 */
function withoutEmptiedChunks(before: Analysis, after: Analysis): string | undefined {
  const chunksBefore = before.model.chunks;
  const chunks = after.model.chunks;
  // A last chunk emptied to nothing after its marker is no chunk at all.
  const lastGone = chunks.length === chunksBefore.length - 1;
  // A text with no turns at all (prose, a table of times) has no chunk to empty.
  if (chunks.length === 0 || (chunks.length !== chunksBefore.length && !lastGone)) return undefined;
  const lines = after.lines;
  const allBlank = (from: number, to: number) => {
    for (let line = from; line < to; line++) if (lines[line]!.trim() !== '') return false;
    return true;
  };
  /** Whether chunk `i` had turns, has none, and has nothing but blank lines after the marker before it. */
  const emptied = (i: number) => {
    const previousMarker = chunks[i - 1]?.endMarker;
    const chunk = chunks[i]!;
    if (!previousMarker || chunk.turnCount > 0 || chunksBefore[i]!.turnCount === 0) return false;
    return allBlank(previousMarker.range.end.line + 1, chunk.endMarker ? chunk.endMarker.range.start.line : lines.length);
  };
  const drop: Array<{ from: number; to: number }> = [];
  // The first chunk has no marker before it: emptied, it leaves its own marker at the top of the text.
  const firstMarker = chunks[0]!.endMarker;
  if (firstMarker && chunks.length > 1 && chunks[0]!.turnCount === 0 && chunksBefore[0]!.turnCount > 0 && allBlank(0, firstMarker.range.start.line)) {
    drop.push({ from: 0, to: firstMarker.range.end.line });
  }
  for (let i = 1; i < chunks.length; i++) {
    const marker = chunks[i]!.endMarker;
    if (marker && emptied(i)) drop.push({ from: chunks[i - 1]!.endMarker!.range.end.line + 1, to: marker.range.end.line });
  }
  // The last chunk has no marker of its own: emptied, it leaves the marker of the last chunk still
  // holding turns announcing a part that is not there, and that marker goes.
  let last = chunks.length - 1;
  const finalMarker = chunks[last]!.endMarker;
  if (lastGone ? finalMarker !== undefined && allBlank(finalMarker.range.end.line + 1, lines.length) : last > 0 && emptied(last)) {
    if (!lastGone) last--;
    while (last > 0 && emptied(last)) last--;
    const marker = chunks[last]!.endMarker!;
    drop.unshift({ from: marker.range.start.line, to: marker.range.end.line });
  }
  if (drop.length === 0) return undefined;
  drop.sort((a, b) => a.from - b.from);
  const offsets = lineOffsets(after.text);
  let text = '';
  let kept = 0;
  for (const { from, to } of drop) {
    text += after.text.slice(kept, offsets[from]);
    kept = offsets[to + 1] ?? after.text.length;
  }
  text += after.text.slice(kept);
  // A text that ended without a line break still does.
  return /[\r\n]$/.test(after.text) ? text : text.replace(/\r?\n$/, '');
}

/**
 * One round of Fix All: the lossless mends and, in every round, the repetition loops (a loop's
 * fix keeps a copy of every word it deletes), applied; undefined when nothing is left to do.
 *
 * A mend must leave every turn it does not delete a turn. Deleting one changes its section's mix
 * of header families, and a family left with fewer than a fifth as many headers as the most
 * common one is read as text (`layoutSniffing.ts`): a seed turn left alone above six Markdown
 * turns became the document's title, its words in no turn (found by the Fix All property). A
 * mend that does that, applied alone, is left out; its seam stays flagged for the user.
 */
function fixRound(current: Analysis): { edits: TextEdit[]; next: Analysis } | undefined {
  let mends = losslessMends(current);
  for (;;) {
    const edits = withLoopDeletions(current, nonOverlapping(mends.flatMap((mend) => mend.edits)));
    if (edits.length === 0) return undefined;
    const next = current.successor(applyEdits(current.text, edits), current.settings);
    if (keepsOtherTurns(current, edits, next)) return { edits, next };
    if (mends.length === 0) return undefined;
    const spoiling = new Set(
      mends.filter((mend) => !keepsOtherTurns(current, mend.edits, current.successor(applyEdits(current.text, mend.edits), current.settings))),
    );
    // Each mend alone reads well, and together they do not: none of them this round.
    mends = spoiling.size === 0 ? [] : mends.filter((mend) => !spoiling.has(mend));
  }
}

/**
 * Whether `after` (the text with the edits, which do not overlap, applied) has exactly the turns
 * of `before` whose header no edit deletes: no other turn read as text, no text read as a turn.
 */
function keepsOtherTurns(before: Analysis, unsorted: readonly TextEdit[], after: Analysis): boolean {
  const edits = [...unsorted].sort((a, b) => comparePositions(a.range.start, b.range.start));
  let deleted = 0;
  let e = 0;
  for (const turn of before.model.turns) {
    const header = turn.headerRange;
    // An edit that ends where the header starts (the text before it deleted) does not hold it.
    while (e < edits.length && comparePositions(edits[e]!.range.end, header.start) <= 0) e++;
    const edit = edits[e];
    if (edit && comparePositions(edit.range.start, header.start) <= 0 && comparePositions(header.end, edit.range.end) <= 0) deleted++;
  }
  return after.model.turns.length === before.model.turns.length - deleted;
}

/** The mends that, taken together, leave at least one copy of every word they delete. */
function losslessMends(analysis: Analysis): Mend[] {
  const left = new Map(analysis.wordFrequencies);
  const accepted: Mend[] = [];
  // A turn one mend keeps may be one another deletes: such seams wait for the next round.
  const touched = new Set<number>();
  for (const overlap of analysis.overlaps) {
    const mend = mendSeam(analysis, overlap);
    if (!mend || mend.lostForGood.length > 0 || [...mend.turns].some((turn) => touched.has(turn))) continue;
    const counts = new Map<string, number>();
    for (const norm of mend.droppedNorms) counts.set(norm, (counts.get(norm) ?? 0) + 1);
    if (![...counts].every(([norm, count]) => (left.get(norm) ?? 0) - count >= 1)) continue;
    for (const [norm, count] of counts) left.set(norm, left.get(norm)! - count);
    for (const turn of mend.turns) touched.add(turn);
    accepted.push(mend);
  }
  return accepted;
}

/** Drops edits that overlap one kept before them (two overlaps can claim the same words). */
function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && comparePositions(edit.range.start, last.range.end) < 0) continue;
    kept.push(edit);
  }
  return kept;
}

/**
 * One edit that turns `before` into `after`, covering only the span where they differ: Fix All's
 * edit when it took several rounds. Exported for its tests: the cases it guards (a surrogate pair
 * or a CRLF at either end of the span) are hard to bring about through Fix All.
 */
export function replaceChangedSpan(before: string, after: string): TextEdit {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never cut a surrogate pair or a CRLF in two: positions inside either do not exist for editors.
  const splits = (text: string, at: number) => {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 0x0d && after === 0x0a);
  };
  while (prefix > 0 && splits(before, prefix)) prefix--;
  while (suffix > 0 && splits(before, before.length - suffix)) suffix--;
  const offsets = lineOffsets(before);
  return {
    range: { start: positionAt(offsets, prefix), end: positionAt(offsets, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}
