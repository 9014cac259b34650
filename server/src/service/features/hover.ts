import type { Analysis } from '../analysis/analysis';
import type { Polarity, Position, Range, Sentiment, Turn } from '../model';
import { sentimentAt, speakerReferenceAt, timestampAt } from './lookup';
import { suggestionFor, turnDurations } from './speakers';
import { describeGap } from '../checks/timestamps';
import { countOf, describeSentimentCounts, describeTalkTime, polarityMark, polarityWord, speakerName } from '../util/format';
import { describeTime } from '../util/timestampFormat';
import { comparePositions } from '../util/text';
import { mendSeam, type SeamWord } from './seamMend';
import { describeMend } from './overlapFixes';

export interface TranscriptHover {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

/** `+ Positive`, `± Mixed`: the mark the speakers view shows, and the word. */
function polarityTitle(polarity: Polarity): string {
  const word = polarityWord(polarity);
  return `${polarityMark(polarity)} ${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

export function hover(analysis: Analysis, position: Position): TranscriptHover | undefined {
  const { model } = analysis;
  const sentiment = sentimentAt(model, position);
  if (sentiment) {
    const contents = sentimentHover(analysis, sentiment.turn, sentiment.sentiment);
    return contents === undefined ? undefined : { contents, range: sentiment.sentiment.range };
  }
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

/**
 * Transcript text as a Markdown code span, shown as written. Backslashes do not escape inside a
 * code span (`SPEAKER\_00` would show its backslash), so the text goes in as it is, between runs
 * of backticks longer than any it holds, with a space inside them when it starts or ends with one.
 */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * What a sentiment note means: its polarity, how it was read when the label is more than a
 * polarity word, and the mix of the person's notes over the chunks the evidence ties to them.
 * Nothing when a lone `Positive` is all there is: the hover would only say it again.
 */
function sentimentHover(analysis: Analysis, turn: Turn, sentiment: Sentiment): string | undefined {
  const { model, people } = analysis;
  const parts = [`**${polarityTitle(sentiment.polarity)}** sentiment`];
  if (sentiment.normalization !== 'exact') parts.push('', `> ${escape(sentiment.label)}`);
  if (sentiment.normalization === 'combined') {
    parts.push('', `Read as **mixed**: the label has words of both polarities (${sentiment.evidence.map((w) => `“${escape(w)}”`).join(', ')}).`);
  } else if (sentiment.normalization === 'keyword') {
    parts.push('', `Read as **${sentiment.polarity}** from ${sentiment.evidence.map((w) => `“${escape(w)}”`).join(', ')}.`);
  } else if (sentiment.normalization === 'unknown') {
    parts.push('', 'No known sentiment word in this label, so its polarity is **other**.');
  }
  // The person the evidence makes this label, as the speakers view and the speaker hover count them.
  const person = people.personOfSpeaker[turn.speakerIndex];
  const counts: Record<Polarity, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0, other: 0 };
  const chunks = new Set<number>();
  let total = 0;
  for (const other of model.turns) {
    if (people.personOfSpeaker[other.speakerIndex] !== person || other.sentiments.length === 0) continue;
    chunks.add(other.chunkIndex);
    for (const s of other.sentiments) {
      counts[s.polarity]++;
      total++;
    }
  }
  if (sentiment.normalization === 'exact' && total === 1) return undefined;
  const scope = chunks.size === 1 ? `in chunk ${turn.chunkIndex + 1}` : `in ${chunks.size} chunks`;
  const mix = describeSentimentCounts(counts, { withShares: true });
  parts.push('', `**${escape(speakerName(model, turn))}**: ${countOf(total, 'sentiment note')} ${scope}: ${mix}`);
  return parts.join('\n');
}

/**
 * The time a stamp stands for and how far it is from the stamp before. A stamp reported as out
 * of order says no more: the editor shows the warning in the same hover.
 */
function timestampHover(analysis: Analysis, turn: Turn): string {
  const { model } = analysis;
  const stamp = turn.timestamp!;
  const time = `**${describeTime(stamp.seconds)}** (${stamp.seconds.toLocaleString('en-US')} s from the start)`;
  if (analysis.timestamps.backwards.some((b) => b.turn === turn)) return time;
  let previous: Turn | undefined;
  for (let i = turn.index - 1; i >= 0; i--) {
    if (model.turns[i]!.timestamp) {
      previous = model.turns[i];
      break;
    }
  }
  if (!previous) return `${time}\n\nThe first stamp of the transcript.`;
  const gap = stamp.seconds - previous.timestamp!.seconds;
  const where = `${describeTime(previous.timestamp!.seconds)} (line ${previous.timestamp!.range.start.line + 1})`;
  const said = gap >= 0 ? `${describeGap(gap)} after` : `${describeGap(-gap)} **before**`;
  return `${time}\n\n${said} the previous stamp ${where}.`;
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
  const parts = [title, '', `${countOf(turns, 'turn')}${scope} · talk time ${describeTalkTime(seconds)}`];
  const label = `chunk ${speaker.chunkIndex + 1}'s ${codeSpan(speaker.label)}`;
  const why = people.joinedBy[speaker.index]?.reason;
  if (person.name !== undefined && person.name !== speaker.name && person.name !== speaker.label) {
    parts.push('', `${label} is **${escape(person.name)}**${why ? `: ${escape(why)}` : ''}.`);
  } else if (person.speakers.length > 1 && why) {
    parts.push('', `${label} is the same person as in ${chunks.size - 1} other ${chunks.size === 2 ? 'chunk' : 'chunks'}: ${escape(why)}.`);
  } else if (!person.resolved) {
    const { suggestion } = suggestionFor(model, people, speaker.index);
    parts.push(
      '',
      `Unknown person: nothing ties ${label} to a speaker of another chunk (labels restart in each chunk).${suggestion ? ` ${escape(suggestion)}.` : ''}`,
    );
  }
  return parts.join('\n');
}
