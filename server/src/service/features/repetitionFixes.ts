import type { Analysis } from '../analysis/analysis';
import type { RepetitionLoop } from '../checks/repetition';
import type { TextEdit } from '../util/edits';
import { comparePositions } from '../util/text';
import type { TranscriptCodeAction } from './codeAction';
import { loopDiagnostic } from './diagnostics';

/** Deletes the copies of a loop after the first, keeping the first copy's start and the last one's punctuation. */
export function keepOneCopy(loop: RepetitionLoop): TranscriptCodeAction {
  return {
    title: 'Keep one copy',
    kind: 'quickfix',
    edits: [{ range: loop.deletion, newText: '' }],
    isPreferred: true,
    diagnostics: [loopDiagnostic(loop)],
  };
}

/**
 * `edits` and, added to them, the deletion of every loop that overlaps none of them, in document
 * order. A loop left out (its copies are part of a repeat being removed) is met again, if it is
 * still there, by the next round of Fix All.
 */
export function withLoopDeletions(analysis: Analysis, edits: readonly TextEdit[]): TextEdit[] {
  if (analysis.repetitionLoops.length === 0) return [...edits];
  const all = [...edits];
  for (const loop of analysis.repetitionLoops) {
    const { start, end } = loop.deletion;
    const clear = edits.every((edit) => comparePositions(end, edit.range.start) <= 0 || comparePositions(edit.range.end, start) <= 0);
    if (clear) all.push({ range: loop.deletion, newText: '' });
  }
  return all.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
