import type { Analysis } from '../analysis/analysis';
import type { Position, Range, Speaker, Turn } from '../model';
import { isAnonymousLabel, isGenericLabel, nameKey } from '../people/names';
import type { TextEdit } from '../util/edits';
import { rangeContains } from '../util/text';
import { speakerReferenceAt, type SpeakerPart, type SpeakerReference } from './lookup';
import { turnsNotReadingBack } from './readBack';

/*
 * Find All References and Rename on a speaker work on the person (`people/`): every chunk label
 * the evidence makes one person, wherever it is written. Both take their places from
 * `speakerPlaces`, so Rename changes exactly what Find All References lists.
 */

export type RenameScope = 'chunk' | 'document';

/**
 * Where a turn says who speaks: the name it gives (a cast line's `Mark Chen` in
 * `Speaker 1 (Mark Chen)`, an announcement's name and its echo), or else its label. A cast line's
 * label is only what the chunk calls the person; the name is who they are.
 */
export function placesNamingSpeaker(turn: Turn): Range[] {
  if (turn.nameRange) return [turn.nameRange, ...(turn.echoRange ? [turn.echoRange] : [])];
  return turn.labelRange ? [turn.labelRange] : [];
}

/** The person under the cursor and every place that names them. */
export interface SpeakerPlaces {
  readonly reference: SpeakerReference;
  /** The person's name, when the text gives one. */
  readonly name?: string;
  /** Whether anything ties the speakers down: a name, or labels of several chunks found to be one person. */
  readonly resolved: boolean;
  /** The chunk speakers that are the person, in document order. */
  readonly speakers: readonly Speaker[];
  /** Their turns, in document order. */
  readonly turns: readonly Turn[];
  /** Where those turns name them, in document order. */
  readonly places: readonly Range[];
}

/**
 * The person of the speaker at `position`, and where the text names them. A person the evidence
 * ties down (a name, or labels of several chunks) is the same whatever `scope` says. A lone
 * generic label (`Speaker 2` of one chunk, tied to no one) is its chunk's; with scope `document`,
 * also the same label of every other chunk where that label too is tied to no one, for pipelines
 * whose labels do not restart. A label the evidence gives to someone else is never taken along.
 */
export function speakerPlaces(analysis: Analysis, position: Position, scope: RenameScope): SpeakerPlaces | undefined {
  const { model, people } = analysis;
  const reference = speakerReferenceAt(model, position);
  if (!reference) return undefined;
  const personOf = (speaker: Speaker) => people.persons[people.personOfSpeaker[speaker.index]!]!;
  const speaker = model.speakers[reference.turn.speakerIndex]!;
  const person = personOf(speaker);
  let speakers = person.speakers.map((index) => model.speakers[index]!);
  if (!person.resolved && scope === 'document') {
    speakers = model.speakers.filter((other) => other.label === speaker.label && !personOf(other).resolved);
  }
  const turns = speakers
    .flatMap((s) => s.turnIndices)
    .sort((a, b) => a - b)
    .map((index) => model.turns[index]!);
  return {
    reference,
    ...(person.name !== undefined ? { name: person.name } : {}),
    resolved: person.resolved,
    speakers,
    turns,
    places: turns.flatMap(placesNamingSpeaker),
  };
}

/** Find All References: every place that names the person of the speaker at `position`. */
export function references(analysis: Analysis, position: Position, scope: RenameScope): Range[] {
  return [...(speakerPlaces(analysis, position, scope)?.places ?? [])];
}

export interface RenameTarget {
  readonly range: Range;
  readonly placeholder: string;
  readonly part: SpeakerPart;
}

/**
 * What a rename at `position` starts from: the place under the cursor, or, on a cast line's label,
 * the name beside it (the label is the chunk's, the name the person's). The placeholder is the
 * person's name when they have one, since that is what changes, even from a `Speaker 2` tied to them.
 */
export function prepareRename(analysis: Analysis, position: Position): RenameTarget | undefined {
  const reference = speakerReferenceAt(analysis.model, position);
  if (!reference) return undefined;
  const places = placesNamingSpeaker(reference.turn);
  const range = places.find((place) => rangeContains(place, position)) ?? places[0];
  if (!range) return undefined;
  const { people } = analysis;
  const name = people.persons[people.personOfSpeaker[reference.turn.speakerIndex]!]!.name;
  const { turn } = reference;
  return { range, placeholder: name ?? (turn.nameRange ? turn.name! : turn.label), part: reference.part };
}

export type RenameOutcome = { readonly edits: TextEdit[] } | { readonly refused: string };

/**
 * Renames the person at `position`: `newName` written at every place `speakerPlaces` finds (what
 * Find All References lists), or, when that would spoil the text, why not. Undefined where no
 * speaker is named.
 */
export function renameEdits(analysis: Analysis, position: Position, newName: string, scope: RenameScope): RenameOutcome | undefined {
  const found = speakerPlaces(analysis, position, scope);
  if (!found) return undefined;
  const name = newName.trim();
  const refused = refusal(analysis, found, newName, name);
  if (refused !== undefined) return { refused };
  const edits = found.places.map((range) => ({ range, newText: name }));
  const unreadable = turnsNotReadingBack(
    analysis,
    edits,
    found.turns.filter((turn) => placesNamingSpeaker(turn).length > 0).map((turn) => ({ turnIndex: turn.index, name })),
  );
  if (unreadable.size > 0) {
    const first = analysis.model.turns[Math.min(...unreadable)]!;
    return {
      refused:
        `“${name}” would change how the text reads: the turn at line ${first.range.start.line + 1} would not read as ${name} saying what it says ` +
        `(a colon, a bracket or a stamp in a name moves where the label ends).`,
    };
  }
  return { edits };
}

/** Why `newName` cannot be the person's name, read before the text is parsed again; undefined when it may. */
function refusal(analysis: Analysis, found: SpeakerPlaces, newName: string, name: string): string | undefined {
  if (name === '') return "A speaker's name cannot be blank.";
  if (/[\r\n\u2028\u2029]/.test(newName)) return "A speaker's name must fit on one line: the new name has a line break.";
  const who = found.name ?? found.reference.text;
  if (isAnonymousLabel(name)) return `“${name}” with no number or name is no one's label: several people share it in a chunk. Give a name.`;
  if (isGenericLabel(name) && found.resolved) {
    return (
      `“${name}” is a label that restarts in every chunk: as the new name of ${who} it would no longer say that these turns are one person. ` +
      `Give a name.`
    );
  }
  // Two speakers of one chunk under one name would read as one speaker.
  const renamed = new Set(found.speakers.map((speaker) => speaker.index));
  const chunks = new Set(found.turns.map((turn) => turn.chunkIndex));
  const key = nameKey(name);
  const clash = analysis.model.speakers.find(
    (other) =>
      chunks.has(other.chunkIndex) &&
      !renamed.has(other.index) &&
      other.turnIndices.length > 0 &&
      (nameKey(other.label) === key || (other.name !== undefined && nameKey(other.name) === key)),
  );
  if (clash) {
    return `Chunk ${clash.chunkIndex + 1} already has ${clash.displayName}: renaming ${who} to “${name}” would make two speakers of that chunk read as one.`;
  }
  return undefined;
}
