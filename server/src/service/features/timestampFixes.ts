import type { Analysis } from '../analysis/analysis';
import type { TranscriptDiagnostic } from './diagnostics';
import type { TextEdit } from '../util/edits';
import type { Timestamp } from '../model';
import { describeGap, type BackwardsStamp } from '../checks/timestamps';
import { describeTime, formatTime } from '../util/timestampFormat';
import { turnWords } from '../checks/words';
import type { TranscriptCodeAction } from './codeAction';
import { removeRepeat } from './overlapFixes';

function setStamp(stamp: Timestamp, seconds: number): TextEdit {
  return { range: stamp.valueRange, newText: formatTime(seconds, stamp.format) };
}

export function timestampFixes(analysis: Analysis, finding: BackwardsStamp, diagnostic: TranscriptDiagnostic): TranscriptCodeAction[] {
  const actions: TranscriptCodeAction[] = [];
  const { model } = analysis;

  // A repeated turn goes back in time because it is a copy: removing the copy is the real fix.
  for (const overlap of analysis.overlaps) {
    const wholeTurnCopied = overlap.repeat.some((span) => span.turnIndex === finding.turn.index && span.count === turnWords(finding.turn).length);
    if (wholeTurnCopied) {
      const fix = removeRepeat(analysis, overlap);
      const title = `Remove this repeated turn${fix.title.replace(/^Remove repeated text(, with (its turn|\d+ turns))?/, '')}`;
      actions.push({ ...fix, title, isPreferred: true, diagnostics: [diagnostic, ...fix.diagnostics] });
    }
  }

  const latest = finding.latest.stamp.seconds;
  actions.push({
    title: `Set to the previous time (${describeTime(latest)})`,
    kind: 'quickfix',
    edits: [setStamp(finding.stamp, latest)],
    diagnostics: [diagnostic],
  });

  const stamped = model.turns.filter((t) => t.timestamp);
  const position = stamped.indexOf(finding.turn);
  const before = stamped[position - 1]?.timestamp;
  const after = stamped[position + 1]?.timestamp;
  if (before && after && after.seconds > before.seconds) {
    const middle = (before.seconds + after.seconds) / 2;
    const written = formatTime(middle, finding.stamp.format);
    actions.push({
      title: `Interpolate between neighbours (${written})`,
      kind: 'quickfix',
      edits: [setStamp(finding.stamp, middle)],
      diagnostics: [diagnostic],
    });
  }

  const shift = finding.gap;
  actions.push({
    title: `Shift this and all following stamps by +${describeGap(shift)}`,
    kind: 'quickfix',
    edits: stamped.slice(position).map((turn) => setStamp(turn.timestamp!, turn.timestamp!.seconds + shift)),
    diagnostics: [diagnostic],
  });
  return actions;
}
