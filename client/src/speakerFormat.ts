/**
 * How speakers and their turns read in the speakers view and the Go to speaker pick: pure
 * string-making with no editor dependency, so it is unit-tested on its own.
 */
import {
  countOf,
  describeSentimentCounts,
  describeTalkTime,
  describeTime,
  polarityMark,
  type SpeakerMember,
  type SpeakerSummary,
  type TurnSummary,
} from '../../protocol';

/** True when at least one of the speaker's turns carries a stamp, so a talk time means something. */
function hasStamps(speaker: SpeakerSummary): boolean {
  return speaker.turns.some((turn) => turn.seconds !== undefined);
}

/**
 * A speaker row's description: `12 turns · 4 min 31 s · 8 positive, 3 neutral, 1 negative`,
 * without the parts it has no data for. The sentiment is in words: bare marks (`+8 ~3 −1`) left
 * people guessing what `~` meant.
 */
export function describeSpeaker(speaker: SpeakerSummary): string {
  const parts = [countOf(speaker.turnCount, 'turn')];
  if (hasStamps(speaker)) parts.push(describeTalkTime(speaker.talkSeconds));
  const mix = describeSentimentCounts(speaker.sentimentMix);
  if (mix) parts.push(mix);
  return parts.join(' · ');
}

/** A chunk label's row under its person: `Speaker 2 · chunk 5`, with the name it is given there. */
export function memberLabel(member: SpeakerMember): string {
  const name = member.name !== undefined && member.name !== member.label ? ` (${member.name})` : '';
  return `${member.label}${name} · chunk ${member.chunkIndex + 1}`;
}

/** A chunk label's description: how many turns, and why it is this person. */
export function describeMember(member: SpeakerMember): string {
  return [countOf(member.turnCount, 'turn'), member.reason ?? 'first found here'].join(' · ');
}

/** The full breakdown behind a speaker row, one fact a line. */
export function speakerTooltip(speaker: SpeakerSummary): string {
  const lines = [speaker.displayName];
  if (!speaker.resolved) lines.push('Unresolved: labels restart in each chunk, and nothing ties this one to a person elsewhere.');
  if (speaker.suggestion !== undefined) lines.push(speaker.suggestion);
  if (speaker.members) lines.push(`Labels: ${speaker.members.map(memberLabel).join(', ')}`);
  else if (speaker.name !== undefined && speaker.name !== speaker.label) lines.push(`Label: ${speaker.label}`);
  const chunks = speaker.chunkIndices.map((index) => index + 1);
  lines.push(`${chunks.length === 1 ? 'Chunk' : 'Chunks'}: ${chunks.join(', ')}`);
  lines.push(`Turns: ${speaker.turnCount}`);
  lines.push(hasStamps(speaker) ? `Talk time: ${describeTalkTime(speaker.talkSeconds)}` : 'Talk time: unknown (no timestamps)');
  const counts = describeSentimentCounts(speaker.sentimentMix);
  lines.push(counts ? `Sentiment: ${counts}` : 'Sentiment: none noted');
  return lines.join('\n');
}

/** A turn row's label: its time when it has one, then the start of what was said. */
export function turnLabel(turn: TurnSummary): string {
  const preview = turn.preview || '(no text)';
  return turn.seconds !== undefined ? `${describeTime(turn.seconds)}  ${preview}` : preview;
}

/** A turn row's description: its sentiment with its polarity mark, e.g. `+ Excited`. */
export function turnDescription(turn: TurnSummary): string {
  return turn.sentiment ? `${polarityMark(turn.sentiment.polarity)} ${turn.sentiment.label}` : '';
}

/** Letters that carry no combining mark to strip, mapped to the Latin letter people type for them. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/** Lower case without accents, so `lukasz` finds `Łukasz` and `jose` finds `José`. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđðıßæœþ]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/**
 * The speakers whose display name, label or name contains `query`, ignoring case and accents.
 * A blank query keeps everyone.
 */
export function filterSpeakers<T extends SpeakerSummary>(speakers: readonly T[], query: string): T[] {
  const needle = foldForSearch(query.trim());
  if (!needle) return [...speakers];
  return speakers.filter((speaker) =>
    [speaker.displayName, speaker.label, speaker.name ?? ''].some((field) => foldForSearch(field).includes(needle)),
  );
}
