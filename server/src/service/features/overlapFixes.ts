import type { Analysis } from '../analysis/analysis';
import { overlapDiagnostics } from './diagnostics';
import type { TextEdit } from '../util/edits';
import type { Range } from '../model';
import { wholeTurnRange } from './turnRanges';
import { mendSeam, type Mend } from './seamMend';
import type { Overlap, WordSpan } from '../checks/overlap/overlapResult';
import { turnWords, type Word } from '../checks/words';
import type { TranscriptCodeAction } from './codeAction';
import { countOf } from '../util/format';

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
  return ` (also deletes ${shown}${unique.length > 3 ? ` and ${countOf(unique.length - 3, 'more word')} found nowhere else` : ', found nowhere else'})`;
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
    diagnostics: overlapDiagnostics(overlap),
  };
}

/** `“and the potential”`: a few words quoted, and how many more. */
function quoteWords(words: readonly string[], shown = 6): string {
  const text = words.slice(0, shown).join(' ');
  return `“${text}${words.length > shown ? ' …' : ''}”`;
}

/** What a mend keeps, in a few words: which copy, and what it has that the other lacked. */
export function describeMend(mend: Mend): string {
  const adds = mend.keptAdds.length > 0 ? `, which adds ${quoteWords(mend.keptAdds)}` : '';
  const had = mend.dropped.length > 0 ? `; the text removed had ${quoteWords(mend.dropped)}` : '';
  const which = mend.keeps === 'parts of both' ? 'the earlier copy up to a sentence, the later from there' : `the ${mend.keeps} copy`;
  const replaced = mend.replaced === undefined ? '' : `, in place of ${quoteWords([mend.replaced])}`;
  const carried = mend.carried.length > 0 ? `, its last sentence finished with ${quoteWords(mend.carried)} from the later${replaced}` : '';
  return `keep ${which}${carried}${adds}${had}`;
}

/**
 * The preferred fix of a seam: one copy of the passage, cut where sentences meet (see
 * `mendSeam`), saying which copy it keeps, what that copy adds, and any word it would lose.
 */
export function mendFix(analysis: Analysis, overlap: Overlap): TranscriptCodeAction | undefined {
  const mend = mendSeam(analysis, overlap);
  // One that would lose a word found nowhere else is no mend; `Remove repeated text` remains.
  if (!mend || mend.lostForGood.length > 0) return undefined;
  const turns = mend.wholeTurns === 0 ? '' : mend.wholeTurns === 1 ? ', deleting a turn' : `, deleting ${mend.wholeTurns} turns`;
  return {
    title: `Keep one copy: ${describeMend(mend)}${turns}`,
    kind: 'quickfix',
    edits: mend.edits,
    isPreferred: true,
    diagnostics: overlapDiagnostics(overlap),
  };
}
