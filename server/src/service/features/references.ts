import type { Range, TranscriptModel, Turn } from '../model';
import { speakerReferenceAt, type SpeakerPart } from './lookup';
import type { Position } from '../model';
import { personKey } from './speakers';

/** Where a turn names its speaker: the label, or for the announced form the name in both lines. */
export function speakerRanges(turn: Turn): Range[] {
  if (turn.form === 'announced') return [turn.nameRange!, ...(turn.echoRange ? [turn.echoRange] : [])];
  return turn.labelRange ? [turn.labelRange] : [];
}

/** The turns of the speaker under the cursor: the same person, as `personKey` defines it. */
export function speakerTurns(model: TranscriptModel, position: Position): Turn[] | undefined {
  const reference = speakerReferenceAt(model, position);
  if (!reference) return undefined;
  const key = personKey(model, reference.turn);
  return model.turns.filter((turn) => personKey(model, turn) === key);
}

/** Find all references: every turn of that speaker, at the place it names them. */
export function references(model: TranscriptModel, position: Position): Range[] {
  return (speakerTurns(model, position) ?? []).flatMap(speakerRanges);
}

export type RenameScope = 'chunk' | 'document';

export interface RenameTarget {
  readonly range: Range;
  readonly placeholder: string;
  readonly part: SpeakerPart;
}

export function prepareRename(model: TranscriptModel, position: Position): RenameTarget | undefined {
  const reference = speakerReferenceAt(model, position);
  return reference ? { range: reference.range, placeholder: reference.text, part: reference.part } : undefined;
}

/**
 * Renames a speaker. A label (`Speaker 1`) restarts in every chunk, so by default only that
 * chunk's turns change; with scope `document`, every turn with the same label does. A name
 * changes wherever the same chunk (or document) gives that label that name.
 */
export function renameEdits(
  model: TranscriptModel,
  position: Position,
  newName: string,
  scope: RenameScope,
): Array<{ range: Range; newText: string }> | undefined {
  const reference = speakerReferenceAt(model, position);
  const cleaned = newName.trim();
  if (!reference || !cleaned) return undefined;
  const { turn } = reference;
  const inScope = (other: Turn) => scope === 'document' || other.chunkIndex === turn.chunkIndex;
  const edits: Array<{ range: Range; newText: string }> = [];
  if (reference.part === 'label') {
    for (const other of model.turns) {
      if (other.form !== 'announced' && other.labelRange && other.label === turn.label && inScope(other)) {
        edits.push({ range: other.labelRange, newText: cleaned });
      }
    }
  } else {
    for (const other of model.turns) {
      if (other.name !== turn.name || !inScope(other)) continue;
      if (other.nameRange) edits.push({ range: other.nameRange, newText: cleaned });
      if (other.echoRange) edits.push({ range: other.echoRange, newText: cleaned });
    }
  }
  return edits;
}
