import type { Analysis } from '../analysis/analysis';
import { computeDiagnostics, type TranscriptDiagnostic } from './diagnostics';
import { applyEdits, type TextEdit } from '../util/edits';
import type { Timestamp, Turn } from '../model';
import { describeGap, type BackwardsStamp } from '../checks/timestamps';
import { describeTime, formatTime } from '../util/timestampFormat';
import { turnWordCount } from '../checks/words';
import type { TranscriptCodeAction } from './codeAction';
import type { WordSpan } from '../checks/overlap/overlapResult';
import { removeRepeat } from './overlapFixes';

/** Whether a repeat's part in a turn is the whole turn: the turn is a copy of earlier text. */
export function coversTurn(analysis: Analysis, span: WordSpan): boolean {
  return span.count === turnWordCount(analysis.model.turns[span.turnIndex]!);
}

function setStamp(stamp: Timestamp, seconds: number): TextEdit {
  return { range: stamp.valueRange, newText: formatTime(seconds, stamp.format) };
}

/**
 * The edits that move a turn's stamp to `seconds`. A caption cue's end (`--> end`) moves with its
 * start, so the cue keeps its length: a start moved past the end would make a cue that ends before
 * it begins, which players drop.
 */
export function moveStamp(turn: Turn, seconds: number): TextEdit[] {
  const stamp = turn.timestamp!;
  const end = turn.endTimestamp;
  return end ? [setStamp(stamp, seconds), setStamp(end, end.seconds + seconds - stamp.seconds)] : [setStamp(stamp, seconds)];
}

/**
 * The fixes of a backwards stamp. Removing the turn is preferred when the turn is a copy of
 * earlier text; otherwise the first of the stamp changes that leaves no new problem: each is tried
 * on the next version of the document (`Analysis.successor`, which parses again only the sections
 * it touches), in the order offered. Setting the previous time, or shifting this and the following
 * stamps by the gap, often makes the stamp equal to the one before it (`timestamp-repeated`), which
 * interpolating between the neighbours does not.
 */
export function timestampFixes(analysis: Analysis, finding: BackwardsStamp, diagnostic: TranscriptDiagnostic): TranscriptCodeAction[] {
  const actions: TranscriptCodeAction[] = [];
  const { model } = analysis;

  // A repeated turn goes back in time because it is a copy: removing the copy is the real fix.
  for (const overlap of analysis.overlaps) {
    if (overlap.repeat.some((span) => span.turnIndex === finding.turn.index && coversTurn(analysis, span))) {
      const fix = removeRepeat(analysis, overlap);
      // The repeat may be several whole turns, all removed together: the title says so.
      const turns = /^Remove repeated text, with (\d+) turns/.exec(fix.title)?.[1];
      const what = turns ? `Remove the ${turns} repeated turns, this one included` : 'Remove this repeated turn';
      const title = `${what}${fix.title.replace(/^Remove repeated text(, with (its turn|\d+ turns))?/, '')}`;
      actions.push({ ...fix, title, isPreferred: true, diagnostics: [diagnostic, ...fix.diagnostics] });
    }
  }

  const stampFixes: TranscriptCodeAction[] = [];
  const latest = finding.latest.stamp.seconds;
  stampFixes.push({
    title: `Set to the previous time (${describeTime(latest)})`,
    kind: 'quickfix',
    edits: moveStamp(finding.turn, latest),
    diagnostics: [diagnostic],
  });

  const stamped = model.turns.filter((t) => t.timestamp);
  const position = stamped.indexOf(finding.turn);
  const before = stamped[position - 1]?.timestamp;
  const after = stamped[position + 1]?.timestamp;
  if (before && after && after.seconds > before.seconds) {
    const middle = (before.seconds + after.seconds) / 2;
    const written = formatTime(middle, finding.stamp.format);
    stampFixes.push({
      title: `Interpolate between neighbours (${written})`,
      kind: 'quickfix',
      edits: moveStamp(finding.turn, middle),
      diagnostics: [diagnostic],
    });
  }

  const shift = finding.gap;
  stampFixes.push({
    title: `Shift this and all following stamps by +${describeGap(shift)}`,
    kind: 'quickfix',
    edits: stamped.slice(position).flatMap((turn) => moveStamp(turn, turn.timestamp!.seconds + shift)),
    diagnostics: [diagnostic],
  });

  if (actions.length === 0) {
    const clean = leavesNoNewProblem(analysis, diagnostic);
    const preferred = stampFixes.findIndex((fix) => clean(fix.edits));
    if (preferred >= 0) stampFixes[preferred] = { ...stampFixes[preferred]!, isPreferred: true };
  }
  return [...actions, ...stampFixes];
}

/**
 * Whether edits leave the document with no problem it did not have, and without `fixed`.
 * Diagnostics are told apart by their code and line: a stamp's edit moves no line, and a message
 * that changes (a later stamp now measured against another) is the same problem.
 */
function leavesNoNewProblem(analysis: Analysis, fixed: TranscriptDiagnostic): (edits: readonly TextEdit[]) => boolean {
  const key = (diagnostic: TranscriptDiagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`;
  let had: Map<string, number> | undefined;
  return (edits) => {
    if (!had) {
      had = new Map();
      for (const diagnostic of computeDiagnostics(analysis)) had.set(key(diagnostic), (had.get(key(diagnostic)) ?? 0) + 1);
      had.set(key(fixed), had.get(key(fixed))! - 1);
    }
    const left = new Map(had);
    const after = analysis.successor(applyEdits(analysis.text, edits), analysis.settings);
    return computeDiagnostics(after).every((diagnostic) => {
      const count = left.get(key(diagnostic)) ?? 0;
      left.set(key(diagnostic), count - 1);
      return count > 0;
    });
  };
}
