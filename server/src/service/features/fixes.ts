import type { Analysis } from '../analysis/analysis';
import { backwardsDiagnostic, overlapDiagnostics, type TranscriptDiagnostic } from './diagnostics';
import { applyEdits, lineOffsets, positionAt, type TextEdit } from '../util/edits';
import type { Range, Timestamp, Turn } from '../model';
import type { Overlap, WordSpan } from '../checks/overlap/overlapResult';
import { comparePositions } from '../util/text';
import { describeGap, type BackwardsStamp } from '../checks/timestamps';
import { describeTime, formatTime } from '../util/timestampFormat';
import { turnWords, type Word } from '../checks/words';

export type FixKind = 'quickfix' | 'source.fixAll';

export interface TranscriptCodeAction {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
  /** The diagnostics this action resolves. */
  readonly diagnostics: readonly TranscriptDiagnostic[];
}

/* ------------------------------------------------------------------ deleting words and turns */

interface Deletion {
  readonly edits: TextEdit[];
  /** Every word the edits delete. */
  readonly deletedWords: Word[];
  readonly wholeTurns: number;
}

/**
 * Edits that delete a run of words, given as its part in each turn. A turn whose every word is in the run goes whole, header and
 * sentiment included (an empty turn helps no one); otherwise only the words go, and the text
 * around them (quotes, new content, a trailing sentiment note) stays.
 */
function deleteWords(analysis: Analysis, spans: readonly WordSpan[]): Deletion {
  const { model, lines } = analysis;
  const edits: TextEdit[] = [];
  const deletedWords: Word[] = [];
  let wholeTurns = 0;
  for (const span of spans) {
    const turn = model.turns[span.turnIndex]!;
    const all = turnWords(turn);
    const first = span.firstWord;
    const last = first + span.count - 1;
    const group = all.slice(first, last + 1);
    if (first === 0 && last === all.length - 1) {
      edits.push({ range: wholeTurnRange(turn, lines), newText: '' });
      deletedWords.push(...all);
      wholeTurns++;
      continue;
    }
    deletedWords.push(...group);
    const next = all[last + 1];
    const previous = all[first - 1];
    const range: Range = next
      ? { start: { line: group[0]!.line, character: group[0]!.start }, end: { line: next.line, character: next.start } }
      : {
          start: { line: previous!.line, character: previous!.end },
          end: { line: group[group.length - 1]!.line, character: group[group.length - 1]!.end },
        };
    edits.push({ range, newText: '' });
  }
  return { edits, deletedWords, wholeTurns };
}

const isBlank = (line: string | undefined) => line !== undefined && line.trim() === '';

/** The turn's lines with their line break, and one blank line after when blank lines surround it. */
function wholeTurnRange(turn: Turn, lines: readonly string[]): Range {
  const startLine = turn.range.start.line;
  const endLine = turn.range.end.line;
  if (endLine + 1 >= lines.length) {
    // The last line has no break to take: take the one before it instead.
    if (startLine === 0) return { start: { line: 0, character: 0 }, end: { line: endLine, character: lines[endLine]!.length } };
    let from = startLine - 1;
    while (from > 0 && isBlank(lines[from]) && isBlank(lines[from - 1])) from--;
    return { start: { line: from, character: lines[from]!.length }, end: { line: endLine, character: lines[endLine]!.length } };
  }
  let end = endLine + 1;
  if (isBlank(lines[end]) && end + 1 < lines.length && (startLine === 0 || isBlank(lines[startLine - 1]))) end++;
  return { start: { line: startLine, character: 0 }, end: { line: end, character: 0 } };
}

/** ` (also deletes “love”, “romantic”)`: words that occur nowhere else, which the fix would lose. */
function lossNote(analysis: Analysis, deletion: Deletion): string {
  const unique: string[] = [];
  for (const word of deletion.deletedWords) {
    if ((analysis.wordFrequencies.get(word.norm) ?? 0) <= 1 && !unique.includes(word.norm)) unique.push(word.norm);
  }
  if (unique.length === 0) return '';
  const shown = unique
    .slice(0, 3)
    .map((w) => `“${w}”`)
    .join(', ');
  return ` (also deletes ${shown}${unique.length > 3 ? ` and ${unique.length - 3} more words found nowhere else` : ', found nowhere else'})`;
}

function turnsNote(deletion: Deletion): string {
  return deletion.wholeTurns === 0 ? '' : deletion.wholeTurns === 1 ? ', with its turn' : `, with ${deletion.wholeTurns} turns`;
}

/* ------------------------------------------------------------------ overlap fixes */

function removeRepeat(analysis: Analysis, overlap: Overlap): TranscriptCodeAction {
  const deletion = deleteWords(analysis, overlap.repeat);
  return {
    title: `Remove repeated text${turnsNote(deletion)}${lossNote(analysis, deletion)}`,
    kind: 'quickfix',
    edits: deletion.edits,
    isPreferred: !overlap.laterIsMoreComplete,
    diagnostics: overlapDiagnostics(overlap),
  };
}

function keepMoreComplete(analysis: Analysis, overlap: Overlap): TranscriptCodeAction | undefined {
  if (!overlap.laterIsMoreComplete) return undefined;
  const deletion = deleteWords(analysis, overlap.original);
  return {
    title: `Keep the more complete copy (remove the earlier one${turnsNote(deletion)})${lossNote(analysis, deletion)}`,
    kind: 'quickfix',
    edits: deletion.edits,
    isPreferred: true,
    diagnostics: overlapDiagnostics(overlap),
  };
}

/* ------------------------------------------------------------------ timestamp fixes */

function setStamp(stamp: Timestamp, seconds: number): TextEdit {
  return { range: stamp.valueRange, newText: formatTime(seconds, stamp.format) };
}

function timestampFixes(analysis: Analysis, finding: BackwardsStamp, diagnostic: TranscriptDiagnostic): TranscriptCodeAction[] {
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
  const firstRound = nonOverlapping(analysis.overlaps.flatMap((overlap) => removeRepeat(analysis, overlap).edits));
  if (firstRound.length === 0) return [];
  let current = analysis.successor(applyEdits(analysis.text, firstRound), analysis.settings);
  let rounds = 1;
  for (; rounds < MAX_FIX_ALL_ROUNDS; rounds++) {
    const edits = nonOverlapping(losslessDeletions(current).flatMap((deletion) => deletion.edits));
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
