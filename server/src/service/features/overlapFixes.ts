import type { Analysis } from '../analysis/analysis';
import { overlapDiagnostics } from './diagnostics';
import type { TextEdit } from '../util/edits';
import type { Range, Turn } from '../model';
import type { Overlap, WordSpan } from '../checks/overlap/overlapResult';
import { turnWords, type Word } from '../checks/words';
import type { TranscriptCodeAction } from './codeAction';

/* ------------------------------------------------------------------ deleting words and turns */

export interface Deletion {
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
export function deleteWords(analysis: Analysis, spans: readonly WordSpan[]): Deletion {
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

export function removeRepeat(analysis: Analysis, overlap: Overlap): TranscriptCodeAction {
  const deletion = deleteWords(analysis, overlap.repeat);
  return {
    title: `Remove repeated text${turnsNote(deletion)}${lossNote(analysis, deletion)}`,
    kind: 'quickfix',
    edits: deletion.edits,
    isPreferred: !overlap.laterIsMoreComplete,
    diagnostics: overlapDiagnostics(overlap),
  };
}

export function keepMoreComplete(analysis: Analysis, overlap: Overlap): TranscriptCodeAction | undefined {
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
