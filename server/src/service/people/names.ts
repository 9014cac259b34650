import type { Speaker } from '../model';

/** Labels that number or name a role rather than a person (`Speaker 2`, `SPEAKER_01`, `Unknown`); they restart with every chunk. */
const GENERIC_LABEL = /^(?:speaker|person|voice|participant|unknown|spk)(?:[\s_-]*\d+)?$/i;

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL.test(label);
}

/** The name a speaker goes by in the text: its given name, or a label that is a name. */
export function nameOf(speaker: Speaker): string | undefined {
  if (speaker.name !== undefined) return speaker.name;
  return speaker.label === '' || isGenericLabel(speaker.label) ? undefined : speaker.label;
}

/**
 * Whether a speaker is written only as a generic label (`Speaker 2`), the chunk giving it no name:
 * the speakers that take their person's name when names are written in or exported. A label that
 * is a name, or is given one, stays as the chunk writes it.
 */
export function hasOnlyGenericLabel(speaker: Speaker): boolean {
  return speaker.name === undefined && isGenericLabel(speaker.label);
}

/** Two names are one when they differ only in case and spacing. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A label with no number that several people share in one chunk (`Speaker:` under a name line): it tells no one apart. */
const ANONYMOUS_LABEL = /^(?:speaker|person|voice|participant|unknown|spk)$/i;

/** Whether a label, as written, is anonymous: `Speaker`, `Unknown`, with no number or name. */
export function isAnonymousLabel(label: string): boolean {
  return ANONYMOUS_LABEL.test(label);
}

/** Whether a speaker is only an anonymous label (no name): evidence about it says nothing of one person. */
export function isAnonymous(speaker: Speaker): boolean {
  return speaker.name === undefined && (speaker.label === '' || isAnonymousLabel(speaker.label));
}
