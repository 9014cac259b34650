import type { TranscriptModel, Turn } from '../model';
import { hasOnlyGenericLabel } from '../people/names';
import type { People } from '../people/people';
import { speakerName } from '../util/format';

/**
 * What the exports write before each turn's text: the turn's person's name where the chunk writes
 * only a label (chunk 3's `Speaker 2`, found to be Hillary Clinton, is `Hillary Clinton`), else
 * the chunk's own name or label; nothing for a turn that names no speaker. A label that is a name,
 * or is given one, stays as the chunk writes it, as Name Speakers Across the Transcript leaves it:
 * so a file exports the same before and after its names are written in.
 */
export function exportedSpeakers(model: TranscriptModel, people: People): (turn: Turn) => string | undefined {
  const names = model.speakers.map((speaker) => {
    const person = people.persons[people.personOfSpeaker[speaker.index] ?? -1];
    return person?.name !== undefined && hasOnlyGenericLabel(speaker) ? person.name : speaker.displayName;
  });
  return (turn) => (turn.label === '' ? undefined : (names[turn.speakerIndex] ?? speakerName(model, turn)));
}
