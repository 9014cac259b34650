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
  let firstRound: TextEdit[] = [];
  for (; rounds < MAX_FIX_ALL_ROUNDS; rounds++) {
    // Repetition loops go too, in every round: a loop's fix keeps a copy of every word it deletes.
    const edits = withLoopDeletions(current, nonOverlapping(losslessMends(current).flatMap((mend) => mend.edits)));
    if (edits.length === 0) break;
    if (rounds === 0) firstRound = edits;
    current = current.successor(applyEdits(current.text, edits), analysis.settings);
  }
  return rounds <= 1 ? firstRound : [replaceChangedSpan(analysis.text, current.text)];
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

/** One edit that turns `before` into `after`, covering only the span where they differ. */
function replaceChangedSpan(before: string, after: string): TextEdit {
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
