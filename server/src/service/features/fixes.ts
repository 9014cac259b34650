import type { Analysis } from '../analysis/analysis';
import { backwardsDiagnostic, overlapDiagnostics } from './diagnostics';
import { applyEdits, lineOffsets, positionAt, type TextEdit } from '../util/edits';
import type { Range } from '../model';
import { comparePositions } from '../util/text';
import type { TranscriptCodeAction } from './codeAction';
import { deleteWords, keepMoreComplete, removeRepeat, type Deletion } from './overlapFixes';
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
    const more = keepMoreComplete(analysis, overlap);
    if (more) actions.push(more);
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
 * Every safe fix in one edit. First, the repeated words of every duplicated overlap are removed:
 * text that a `duplicate-overlap` diagnostic flags. Removing a repeat can bring the next turn to
 * the boundary, and in real speech that turn may repeat the earlier chunk too (a speaker who says
 * the same sentence twice); fix-all goes on to those only while the words it would delete all
 * occur elsewhere in the text, so no word is lost that was not flagged. The result is a fixed
 * point unless a further repeat holds a word found nowhere else; that one stays flagged.
 *
 * It does not keep the more complete copy, even where that is the preferred quick fix: deleting
 * an earlier copy exposes the text before it, which the later copy often repeats too. Times are
 * not changed: which time is right is a judgement, so those fixes stay one by one.
 */
export function fixAll(analysis: Analysis): TextEdit[] {
  // Repetition loops go too, in every round: a loop's fix keeps a copy of every word it deletes.
  const firstRound = withLoopDeletions(analysis, nonOverlapping(analysis.overlaps.flatMap((overlap) => removeRepeat(analysis, overlap).edits)));
  if (firstRound.length === 0) return [];
  let current = analysis.successor(applyEdits(analysis.text, firstRound), analysis.settings);
  let rounds = 1;
  for (; rounds < MAX_FIX_ALL_ROUNDS; rounds++) {
    const edits = withLoopDeletions(current, nonOverlapping(losslessDeletions(current).flatMap((deletion) => deletion.edits)));
    if (edits.length === 0) break;
    current = current.successor(applyEdits(current.text, edits), analysis.settings);
  }
  return rounds === 1 ? firstRound : [replaceChangedSpan(analysis.text, current.text)];
}

/** The repeats whose deletion leaves at least one copy of every word it deletes, taken together. */
function losslessDeletions(analysis: Analysis): Deletion[] {
  const left = new Map(analysis.wordFrequencies);
  const accepted: Deletion[] = [];
  for (const overlap of analysis.overlaps) {
    const deletion = deleteWords(analysis, overlap.repeat);
    const counts = new Map<string, number>();
    for (const word of deletion.deletedWords) counts.set(word.norm, (counts.get(word.norm) ?? 0) + 1);
    if (![...counts].every(([norm, count]) => (left.get(norm) ?? 0) - count >= 1)) continue;
    for (const [norm, count] of counts) left.set(norm, left.get(norm)! - count);
    accepted.push(deletion);
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
