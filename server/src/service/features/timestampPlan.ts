import type { Analysis } from '../analysis/analysis';
import { describeGap } from '../checks/timestamps';
import type { Timestamp, TimestampFormat } from '../model';
import type { TextEdit } from '../util/edits';
import { countOf } from '../util/format';
import { describeTime, formatTime, parseTime } from '../util/timestampFormat';
import { coversTurn } from './timestampFixes';

/** One stamp a plan changes, and what a preview says of it. */
export interface StampChange {
  readonly edit: TextEdit;
  /** The fix it is part of, named as its quick fix is: `Interpolate between neighbours`, `Shift this and all following stamps`. */
  readonly fix: string;
  /** The finding it fixes: `Line 7: 00:10:18 → 00:10:38`, shared by the stamps a shift moves with it. */
  readonly label: string;
  /** How: `Interpolate between neighbours`, `Shift this and the 12 stamps after it by +15 s`. */
  readonly description: string;
}

export interface TimestampPlan {
  /** In document order, at most one a stamp; a caption cue's end stamp moves with its start. */
  readonly changes: readonly StampChange[];
  /** Backwards stamps left alone: on turns that repeat earlier text, which Remove this repeated turn fixes. */
  readonly repeatedTurns: number;
}

type FixKind = 'set' | 'interpolate' | 'shift';

const DESCRIPTIONS: Record<FixKind, string> = {
  set: 'Set to the previous time',
  interpolate: 'Interpolate between neighbours',
  shift: 'Shift this and all following stamps',
};

/**
 * The stamp changes that fix every backwards stamp together: what `timestampFixes` prefers for each
 * (the first of set, interpolate, shift that leaves no new problem), worked out in document order on
 * the stamps as the changes before it left them, so that no two changes conflict (an interpolation
 * between a stamp already moved and the next, shifts that add up). Where every change of a stamp
 * leaves a new problem, it is shifted: that puts it in order, and the stamps after it with it.
 *
 * It is one pass over the stamped turns, with each change judged by the stamps around it (a stamp
 * set or interpolated changes nothing beyond the next stamp; a shift keeps the order of those it
 * moves), not by checking the document again for each: a long transcript has thousands of backwards
 * stamps. Turns that repeat earlier text keep their stamps: removing them is their fix.
 */
export function planTimestampFixes(analysis: Analysis): TimestampPlan {
  const { backwards } = analysis.timestamps;
  if (backwards.length === 0) return { changes: [], repeatedTurns: 0 };
  const { timestampToleranceSeconds, reportRepeatedTimestamps } = analysis.settings;
  const toleranceMs = Math.round(timestampToleranceSeconds * 1000);
  const isBackwards = (seconds: number, latest: number) => seconds < latest && Math.round((latest - seconds) * 1000) >= toleranceMs;
  const copies = copiedTurns(analysis, new Set(backwards.map((finding) => finding.turn.index)));

  const stamped = analysis.model.turns.filter((turn) => turn.timestamp);
  const changes: StampChange[] = [];
  /** What the shifts so far add to every stamp from here on, and what the preview says of the one that moved it last. */
  let shiftBy = 0;
  let shifted: Omit<StampChange, 'edit'> | undefined;
  /** The value of stamp `i` as the shifts before it leave it: as it is, where its format cannot write the shifted time. */
  const current = (i: number): Written => {
    const stamp = stamped[i]!.timestamp!;
    return (shiftBy !== 0 && written(stamp.seconds + shiftBy, stamp.format)) || { text: innerText(stamp), seconds: stamp.seconds };
  };
  let latest = -Infinity;
  let previous: number | undefined;
  for (let i = 0; i < stamped.length; i++) {
    const turn = stamped[i]!;
    const stamp = turn.timestamp!;
    let value = current(i);
    // A stamp changed by no fix of its own is moved by the last shift.
    let about = shifted;
    if (value.seconds !== previous && isBackwards(value.seconds, latest) && !copies.has(turn.index)) {
      const next = i + 1 < stamped.length ? current(i + 1) : undefined;
      // A next stamp equal to this one is a repeated stamp, not a backwards one, whatever the latest.
      const nextWasBackwards = next !== undefined && next.seconds !== value.seconds && isBackwards(next.seconds, latest);
      const gap = latest - value.seconds;
      const candidates: Array<{ kind: FixKind; value: Written | undefined }> = [{ kind: 'set', value: written(latest, stamp.format) }];
      if (previous !== undefined && next && next.seconds > previous) {
        candidates.push({ kind: 'interpolate', value: written((previous + next.seconds) / 2, stamp.format) });
      }
      const resolves = (candidate: (typeof candidates)[number]) =>
        candidate.value !== undefined && (candidate.value.seconds === previous || !isBackwards(candidate.value.seconds, latest));
      // Judged against the stamps either side. A change that resolves is never equal to the stamp it
      // replaces, so one equal to the next stamp makes a repeat that was not there.
      const leavesNoNewProblem = (candidate: (typeof candidates)[number]) => {
        if (!resolves(candidate)) return false;
        const changed = candidate.value!;
        if (reportRepeatedTimestamps && changed.seconds === previous) return false;
        if (!next) return true;
        if (next.seconds === changed.seconds) return !reportRepeatedTimestamps;
        return !isBackwards(next.seconds, Math.max(latest, changed.seconds)) || nextWasBackwards;
      };
      // Shifting comes last, and is taken whenever it resolves and neither of the others is clean: a
      // stamp no fix leaves clean mostly starts a run whose clock restarted (a chunk timed from zero),
      // and one shift puts the whole run in order, keeping its spacing.
      const shift = { kind: 'shift' as const, value: written(value.seconds + gap, stamp.format) };
      const chosen = candidates.find(leavesNoNewProblem) ?? [shift, ...candidates.reverse()].find(resolves);
      if (chosen) {
        value = chosen.value!;
        const line = stamp.range.start.line + 1;
        const label = `Line ${line}: ${describeTime(stamp.seconds)} → ${describeTime(value.seconds)}`;
        const fix = DESCRIPTIONS[chosen.kind];
        about = { fix, label, description: fix };
        if (chosen.kind === 'shift') {
          shiftBy += gap;
          about = shifted = {
            fix,
            label,
            description: `Shift line ${line} and ${countOf(stamped.length - i - 1, 'stamp')} after it by +${describeGap(gap)}`,
          };
        }
      }
    }
    if (value.text !== innerText(stamp)) {
      changes.push({ edit: { range: stamp.valueRange, newText: value.text }, ...about! });
      // A caption cue's end moves with its start, as its quick fixes move it (`moveStamp`).
      const end = turn.endTimestamp;
      const endValue = end && written(end.seconds + value.seconds - stamp.seconds, end.format);
      if (end && endValue && endValue.text !== innerText(end)) changes.push({ edit: { range: end.valueRange, newText: endValue.text }, ...about! });
    }
    latest = Math.max(latest, value.seconds);
    previous = value.seconds;
  }
  const repeatedTurns = backwards.filter((finding) => copies.has(finding.turn.index)).length;
  return { changes, repeatedTurns };
}

/** A time as a stamp of some format writes it, and the time that text reads as. */
interface Written {
  readonly text: string;
  readonly seconds: number;
}

function written(seconds: number, format: TimestampFormat): Written | undefined {
  const text = formatTime(seconds, format);
  const read = parseTime(text);
  return read.ok ? { text, seconds: read.seconds } : undefined;
}

/** The stamp's time as written, without its delimiters (the text of its `valueRange`). */
function innerText(stamp: Timestamp): string {
  const { range, valueRange, text } = stamp;
  const start = valueRange.start.character - range.start.character;
  return text.slice(start, start + valueRange.end.character - valueRange.start.character);
}

/** Of `turnIndices`, the turns whose every word an overlap repeats: a copy of earlier text. */
function copiedTurns(analysis: Analysis, turnIndices: ReadonlySet<number>): Set<number> {
  const copies = new Set<number>();
  for (const overlap of analysis.overlaps) {
    for (const span of overlap.repeat) if (turnIndices.has(span.turnIndex) && coversTurn(analysis, span)) copies.add(span.turnIndex);
  }
  return copies;
}
