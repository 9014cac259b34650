import type { Analysis } from '../analysis/analysis';
import type { Polarity, Position, Range, Sentiment, TranscriptModel, Turn } from '../model';
import { sentimentAt, speakerReferenceAt, timestampAt } from './lookup';
import { personKey, suggestionFor, turnDurations } from './speakers';
import { describeGap } from '../checks/timestamps';
import { countOf, speakerName } from '../util/format';
import { describeTime } from '../util/timestampFormat';
import { comparePositions } from '../util/text';
import { mendSeam, type SeamWord } from './seamMend';
import { describeMend } from './overlapFixes';

export interface TranscriptHover {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

const POLARITY_SYMBOL: Record<Polarity, string> = {
  positive: '🟢 Positive',
  negative: '🔴 Negative',
  neutral: '⚪ Neutral',
  mixed: '🟡 Mixed',
  other: '❔ Other',
};

const POLARITY_ORDER: readonly Polarity[] = ['positive', 'negative', 'mixed', 'neutral', 'other'];

export function hover(analysis: Analysis, position: Position): TranscriptHover | undefined {
  const { model } = analysis;
  const sentiment = sentimentAt(model, position);
  if (sentiment) return { contents: sentimentHover(model, sentiment.turn, sentiment.sentiment), range: sentiment.sentiment.range };
  const stamp = timestampAt(model, position);
  if (stamp) return { contents: timestampHover(analysis, stamp.turn), range: stamp.stamp.range };
  const speaker = speakerReferenceAt(model, position);
  if (speaker) return { contents: speakerHover(analysis, speaker.turn), range: speaker.range };
  return seamHover(analysis, position);
}

/** Within either copy of a repeated passage: both copies word by word, as Keep one copy leaves them. */
function seamHover(analysis: Analysis, position: Position): TranscriptHover | undefined {
  for (const overlap of analysis.overlaps) {
    const span = [...overlap.repeat, ...overlap.original].find((s) => contains(s.range, position));
    if (!span) continue;
    const mend = mendSeam(analysis, overlap);
    if (!mend) return undefined;
    const compared = Math.max(overlap.repeatLength, overlap.originalLength);
    const parts = [
      `**Repeated passage**: ${overlap.matchedWords} of ${compared} words match`,
      '',
      `${mend.lostForGood.length > 0 ? 'No mend keeps every word; Remove Repeated Text would' : 'Keep One Copy would'} ${escape(describeMend(mend))}.`,
      '',
      `Earlier copy (line ${mend.earlierCopy[0]!.line + 1}): ${copyMarkdown(mend.earlierCopy)}`,
      '',
      `Later copy (line ${mend.laterCopy[0]!.line + 1}): ${copyMarkdown(mend.laterCopy)}`,
      '',
      '~~Struck~~ words go; **bold** words are in one copy only.',
    ];
    return { contents: parts.join('\n'), range: span.range };
  }
  return undefined;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Plain words kept and shared by both copies, in runs longer than this, are shown by their ends. */
const PLAIN_RUN = 12;

/** A copy's words with what goes struck through and what only it has in bold; long plain runs elided. */
function copyMarkdown(words: readonly SeamWord[]): string {
  const pieces: string[] = [];
  for (let k = 0; k < words.length;) {
    const { deleted, unpaired } = words[k]!;
    let end = k + 1;
    while (end < words.length && words[end]!.deleted === deleted && words[end]!.unpaired === unpaired) end++;
    let run = words.slice(k, end).map((w) => escape(w.raw));
    if (!deleted && !unpaired && run.length > PLAIN_RUN) {
      // The ends that touch a change stay: the last words of a first run, the first of a last one.
      const whole = k === 0 && end === words.length;
      const head = k === 0 && !whole ? [] : run.slice(0, 6);
      const tail = end === words.length && !whole ? [] : run.slice(-6);
      run = [...head, '…', ...tail];
    }
    const text = run.join(' ');
    pieces.push(deleted && unpaired ? `~~**${text}**~~` : deleted ? `~~${text}~~` : unpaired ? `**${text}**` : text);
    k = end;
  }
  return pieces.join(' ');
}

/** Markdown-safe text: transcript content is data, never markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function sentimentHover(model: TranscriptModel, turn: Turn, sentiment: Sentiment): string {
  const parts = [`**${POLARITY_SYMBOL[sentiment.polarity]}** sentiment`, '', `> ${escape(sentiment.label)}`];
  if (sentiment.normalization === 'combined') {
    parts.push('', `Read as **mixed**: the label has words of both polarities (${sentiment.evidence.map((w) => `“${escape(w)}”`).join(', ')}).`);
  } else if (sentiment.normalization === 'keyword') {
    parts.push('', `Read as **${sentiment.polarity}** from ${sentiment.evidence.map((w) => `“${escape(w)}”`).join(', ')}.`);
  } else if (sentiment.normalization === 'unknown') {
    parts.push('', 'No known sentiment word in this label, so its polarity is **other**.');
  }
  const key = personKey(model, turn);
  const counts: Record<Polarity, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };
  let total = 0;
  for (const other of model.turns) {
    if (personKey(model, other) !== key) continue;
    for (const s of other.sentiments) {
      counts[s.polarity]++;
      total++;
    }
  }
  const mix = POLARITY_ORDER.filter((p) => counts[p] > 0)
    .map((p) => `${POLARITY_SYMBOL[p]} ${counts[p]} (${Math.round((100 * counts[p]) / total)} %)`)
    .join(' · ');
  parts.push('', `**${escape(speakerName(model, turn))}** across the transcript: ${mix}`);
  return parts.join('\n');
}

function timestampHover(analysis: Analysis, turn: Turn): string {
  const { model } = analysis;
  const stamp = turn.timestamp!;
  const parts = [`**${describeTime(stamp.seconds)}** (${stamp.seconds.toLocaleString('en-US')} s from the start)`];
  let previous: Turn | undefined;
  for (let i = turn.index - 1; i >= 0; i--) {
    if (model.turns[i]!.timestamp) {
      previous = model.turns[i];
      break;
    }
  }
  if (previous) {
    const gap = stamp.seconds - previous.timestamp!.seconds;
    const where = `${describeTime(previous.timestamp!.seconds)} (line ${previous.timestamp!.range.start.line + 1})`;
    parts.push(
      '',
      gap >= 0 ? `${describeGap(gap)} after the previous stamp ${where}.` : `${describeGap(-gap)} **before** the previous stamp ${where}.`,
    );
  } else {
    parts.push('', 'The first stamp of the transcript.');
  }
  const backwards = analysis.timestamps.backwards.find((b) => b.turn === turn);
  if (backwards) {
    parts.push(
      '',
      `⚠️ **Out of order:** ${describeGap(backwards.gap)} earlier than ${describeTime(backwards.latest.stamp.seconds)} (line ${backwards.latest.stamp.range.start.line + 1}).`,
    );
  }
  return parts.join('\n');
}

/**
 * Who a label is: the person the evidence makes it (with why), or that it is not known, and the
 * person's turns and talk time across the transcript.
 */
function speakerHover(analysis: Analysis, turn: Turn): string {
  const { model, people } = analysis;
  const speaker = model.speakers[turn.speakerIndex]!;
  const person = people.persons[people.personOfSpeaker[speaker.index]!]!;
  const durations = turnDurations(model);
  let turns = 0;
  let seconds = 0;
  const chunks = new Set<number>();
  for (const other of model.turns) {
    if (people.personOfSpeaker[other.speakerIndex] !== person.index) continue;
    turns++;
    seconds += durations[other.index]!;
    chunks.add(other.chunkIndex);
  }
  const title =
    speaker.name !== undefined && speaker.name !== speaker.label
      ? `**${escape(speaker.name)}** (${escape(speaker.label)})`
      : `**${escape(speaker.displayName)}**`;
  const scope = chunks.size === 1 ? ` in chunk ${speaker.chunkIndex + 1}` : ` in ${chunks.size} chunks`;
  const parts = [title, '', `${countOf(turns, 'turn')}${scope} · talk time ${describeTime(seconds)}`];
  const label = `chunk ${speaker.chunkIndex + 1}'s \`${escape(speaker.label)}\``;
  const why = people.joinedBy[speaker.index]?.reason;
  if (person.name !== undefined && person.name !== speaker.name && person.name !== speaker.label) {
    parts.push('', `ℹ️ ${label} is **${escape(person.name)}**${why ? `: ${escape(why)}` : ''}.`);
  } else if (person.speakers.length > 1 && why) {
    parts.push('', `ℹ️ ${label} is the same person as in ${chunks.size - 1} other ${chunks.size === 2 ? 'chunk' : 'chunks'}: ${escape(why)}.`);
  } else if (!person.resolved) {
    const { suggestion } = suggestionFor(model, people, speaker.index);
    parts.push(
      '',
      `ℹ️ Unknown person: nothing ties ${label} to a speaker of another chunk (labels restart in each chunk).${suggestion ? ` Perhaps: ${escape(suggestion)}.` : ''}`,
    );
  }
  return parts.join('\n');
}
