import type { Analysis } from '../analysis/analysis';
import { parseTranscript } from '../parse/parser';
import { applyEdits, type TextEdit } from '../util/edits';

/*
 * Writing a speaker's name into the text (Rename, This Is…, Name Speakers Across the Transcript)
 * must not change how the text reads: a colon, a bracket or a stamp in a name moves where a label
 * ends, so `Bad: Name: [00:00:22] …` reads as `Bad` saying `Name: [00:00:22] …`, and the turn
 * loses its time. So the text is parsed again with the names in, by the parser that read it, and
 * each rewritten turn is compared with what it was.
 */

/** A turn the edits rewrite, and the name it should read as once they are made. */
export interface ExpectedName {
  readonly turnIndex: number;
  readonly name: string;
}

/**
 * The turns of `expected` that, with `edits` made, no longer read as the same turn (the same lines,
 * form and stamp) said by their new name: as label or as given name, since a cast line keeps its
 * label and takes the name in parentheses. When the edits change how many turns the text has and
 * none of these is to blame, all of them, as then no turn can be trusted to be the one it was.
 */
export function turnsNotReadingBack(analysis: Analysis, edits: readonly TextEdit[], expected: readonly ExpectedName[]): Set<number> {
  if (expected.length === 0) return new Set();
  const before = analysis.model;
  const after = parseTranscript(applyEdits(analysis.text, edits));
  // A name is written on one line in place of another text, so every turn starts where it did.
  const turnAt = new Map(after.turns.map((turn) => [turn.range.start.line, turn]));
  const failing = new Set<number>();
  for (const { turnIndex, name } of expected) {
    const turn = before.turns[turnIndex]!;
    const now = turnAt.get(turn.range.start.line);
    const reads =
      now !== undefined &&
      now.range.end.line === turn.range.end.line &&
      now.form === turn.form &&
      now.timestamp?.seconds === turn.timestamp?.seconds &&
      (now.label === name || now.name === name);
    if (!reads) failing.add(turnIndex);
  }
  if (failing.size === 0 && after.turns.length !== before.turns.length) return new Set(expected.map((e) => e.turnIndex));
  return failing;
}
