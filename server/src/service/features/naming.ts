import type { Analysis } from '../analysis/analysis';
import type { Speaker } from '../model';
import { hasOnlyGenericLabel, nameKey, nameOf } from '../people/names';
import type { TextEdit } from '../util/edits';
import { turnsNotReadingBack } from './readBack';

/*
 * Name Speakers Across the Transcript: where a person has a name, each chunk label that is that
 * person but says only `Speaker 2` is written as the name, in that chunk's own layout (the label
 * replaced where each turn writes it: `[00:01:31] Speaker 2:` becomes `[00:01:31] Hillary
 * Clinton:`, `[Speaker 2] [12:41]` becomes `[Hillary Clinton] [12:41]`). The text is parsed again
 * with the names in; a label whose turns would not read back as that name, or would read as other
 * turns, is left as it was.
 */

/** One chunk label the naming writes a name for. */
export interface SpeakerNaming {
  readonly chunkIndex: number;
  readonly label: string;
  readonly name: string;
  readonly turnCount: number;
  /** Why the label is this person: the evidence's own words. */
  readonly reason?: string;
  /** The label replaced where each of its turns writes it. */
  readonly edits: readonly TextEdit[];
}

export interface NamingPlan {
  /** Every naming's edits, in document order of the labels named. */
  readonly edits: TextEdit[];
  readonly namings: readonly SpeakerNaming[];
  /** Labels that are a named person but cannot be written as the name without changing how the text reads. */
  readonly left: readonly SpeakerNaming[];
}

/** A chunk's label, as the Speakers view names it. */
export interface ChunkLabel {
  readonly chunkIndex: number;
  readonly label: string;
}

/**
 * "This is…" and "Merge With…": chunk labels written as `name` (a person's, or a new one), as one
 * edit. A label already going by the name needs nothing; a label given another name in its chunk
 * (`Speaker 3 (Clinton)`) and a label whose turns would not read back as the name are left as
 * they are, and said to be. Refused when nothing could be written.
 */
export function nameLabels(
  analysis: Analysis,
  labels: readonly ChunkLabel[],
  name: string,
): { edits: TextEdit[]; left: readonly string[] } | { refused: string } {
  const cleaned = name.trim();
  if (!cleaned) return { refused: 'a name cannot be blank' };
  const candidates: Array<{ speaker: Speaker; naming: SpeakerNaming }> = [];
  const left: string[] = [];
  const shown = ({ chunkIndex, label }: ChunkLabel) => `${label} of chunk ${chunkIndex + 1}`;
  for (const which of labels) {
    const speaker = analysis.model.speakers.find((s) => s.chunkIndex === which.chunkIndex && s.label === which.label);
    if (!speaker) return { refused: `chunk ${which.chunkIndex + 1} has no label ${which.label}` };
    const current = nameOf(speaker);
    if (current !== undefined && nameKey(current) === nameKey(cleaned)) continue;
    if (speaker.name !== undefined) {
      left.push(`${shown(which)} is given the name ${speaker.name} in its chunk`);
      continue;
    }
    const edits = labelEdits(analysis, speaker, cleaned);
    if (edits.length === 0) {
      left.push(`${shown(which)} is not written where it could be replaced`);
      continue;
    }
    candidates.push({
      speaker,
      naming: { chunkIndex: which.chunkIndex, label: which.label, name: cleaned, turnCount: speaker.turnIndices.length, edits },
    });
  }
  const failing = new Set(
    unreadable(
      analysis,
      candidates,
      candidates.flatMap(({ naming }) => naming.edits),
    ),
  );
  const kept = candidates.filter(({ speaker }) => !failing.has(speaker.index));
  for (const { naming } of candidates.filter(({ speaker }) => failing.has(speaker.index))) {
    left.push(
      `“${cleaned}” would change how the turns of ${shown(naming)} read (a colon, a bracket or a stamp in a name changes where the label ends)`,
    );
  }
  if (kept.length === 0) {
    return { refused: left.length > 0 ? left.join('; ') : `every label already goes by “${cleaned}”` };
  }
  return { edits: kept.flatMap(({ naming }) => naming.edits), left };
}

/** "This is…" for one chunk label: the edits, or why not. */
export function nameLabel(analysis: Analysis, chunkIndex: number, label: string, name: string): { edits: TextEdit[] } | { refused: string } {
  const result = nameLabels(analysis, [{ chunkIndex, label }], name);
  return 'refused' in result ? result : { edits: result.edits };
}

export function planNaming(analysis: Analysis): NamingPlan {
  const { model, people } = analysis;
  const candidates: Array<{ speaker: Speaker; naming: SpeakerNaming }> = [];
  for (const person of people.persons) {
    if (person.name === undefined) continue;
    for (const index of person.speakers) {
      const speaker = model.speakers[index]!;
      // A label that is already a name, or is given one, stays as written.
      if (!hasOnlyGenericLabel(speaker) || speaker.turnIndices.length === 0) continue;
      const reason = people.joinedBy[index]?.reason;
      const naming: SpeakerNaming = {
        chunkIndex: speaker.chunkIndex,
        label: speaker.label,
        name: person.name,
        turnCount: speaker.turnIndices.length,
        ...(reason ? { reason } : {}),
        edits: labelEdits(analysis, speaker, person.name),
      };
      if (naming.edits.length > 0) candidates.push({ speaker, naming });
    }
  }
  const left: SpeakerNaming[] = [];
  let kept = candidates;
  // Renamings that do not read back are dropped, and the rest checked again.
  for (;;) {
    const edits = kept.flatMap(({ naming }) => naming.edits);
    const failing = new Set(unreadable(analysis, kept, edits));
    if (failing.size === 0) return { edits, namings: kept.map((k) => k.naming), left };
    for (const candidate of kept) if (failing.has(candidate.speaker.index)) left.push(candidate.naming);
    kept = kept.filter((candidate) => !failing.has(candidate.speaker.index));
  }
}

/** The label of each of the speaker's turns, replaced by `name`. */
function labelEdits(analysis: Analysis, speaker: Speaker, name: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const index of speaker.turnIndices) {
    const turn = analysis.model.turns[index]!;
    if (turn.form !== 'announced' && turn.labelRange) edits.push({ range: turn.labelRange, newText: name });
  }
  return edits;
}

/** The speakers whose turns, with the edits made, no longer read as the same turns under the new name. */
function unreadable(analysis: Analysis, kept: ReadonlyArray<{ speaker: Speaker; naming: SpeakerNaming }>, edits: readonly TextEdit[]): number[] {
  const expected = kept.flatMap(({ speaker, naming }) => speaker.turnIndices.map((turnIndex) => ({ turnIndex, name: naming.name })));
  const failing = turnsNotReadingBack(analysis, edits, expected);
  return kept.filter(({ speaker }) => speaker.turnIndices.some((index) => failing.has(index))).map(({ speaker }) => speaker.index);
}
