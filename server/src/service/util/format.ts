import type { Chunk, Polarity, TranscriptModel, Turn } from '../model';
import { describeTime } from './timestampFormat';
import { isWhitespace } from './text';

/** `00:01:31–00:02:50`, or `no times` for a chunk without stamps. */
export function describeChunkTime(chunk: Chunk): string {
  if (!chunk.timeSpan) return 'no times';
  const { start, end } = chunk.timeSpan;
  return start === end ? describeTime(start) : `${describeTime(start)}–${describeTime(end)}`;
}

/**
 * The first `max` characters of a turn's text (its lines joined, each run of whitespace one
 * space, trimmed), cut at a word, with an ellipsis when cut. Only as much of the text is read as
 * the preview needs, and the preview is a string of its own: a slice of the whole joined speech
 * would keep all of it alive for as long as the outline keeps the preview.
 */
export function previewText(turn: Turn, max = 48): string {
  const codes: number[] = [];
  let space = false;
  reading: for (const [index, segment] of turn.segments.entries()) {
    if (index > 0) space = true;
    for (let i = 0; i < segment.text.length; i++) {
      const code = segment.text.charCodeAt(i);
      if (isWhitespace(code)) {
        space = true;
        continue;
      }
      if (space && codes.length > 0) codes.push(0x20);
      space = false;
      codes.push(code);
      // Two more than `max` tell whether it is cut, and where the last word before `max` ends.
      if (codes.length > max + 1) break reading;
    }
  }
  const text = String.fromCharCode(...codes);
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}

/** `1 turn`, `3 turns`: a count with its noun, plural when the count is not one. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The name of a turn's speaker within its chunk: `Mark Chen` for `Speaker 1 (Mark Chen)`, else the label. */
export function speakerName(model: TranscriptModel, turn: Turn): string {
  return model.speakers[turn.speakerIndex]?.displayName ?? turn.name ?? turn.label;
}

/** How a turn's speaker reads in lists: `Speaker 1 (Mark Chen)`, `Bob McGrew`, `Researcher`. */
/** What views call the speaker of turns that name none (stamped segments, cues without a voice). */
export const NO_SPEAKER = 'No speaker';

export function speakerTitle(turn: Turn): string {
  if (turn.form === 'announced') return turn.name ?? turn.label;
  if (turn.label === '') return NO_SPEAKER;
  return turn.name !== undefined ? `${turn.label} (${turn.name})` : turn.label;
}

/**
 * `16 s`, `4 min 31 s`, `1 h 3 min`: a length of time as people say it. Talk time and the gaps
 * between stamps read this way everywhere (views, hovers, messages), so that they never look like
 * the stamps `00:00:16` beside them.
 */
export function describeDuration(seconds: number): string {
  const rounded = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : 0;
  if (rounded < 60) return `${rounded} s`;
  const whole = Math.round(rounded);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

/** Talk time: a duration in whole seconds. */
export function describeTalkTime(seconds: number): string {
  return describeDuration(Number.isFinite(seconds) ? Math.round(seconds) : 0);
}

/**
 * Each polarity in the order lists give them, with a mark that every font has (no emoji: a
 * hover or a view must read the same where no colour-emoji font is installed) and its word.
 */
export const POLARITY_DISPLAY: readonly { readonly polarity: Polarity; readonly mark: string; readonly word: string }[] = [
  { polarity: 'positive', mark: '+', word: 'positive' },
  { polarity: 'neutral', mark: '~', word: 'neutral' },
  { polarity: 'mixed', mark: '±', word: 'mixed' },
  // U+2212 MINUS SIGN: a hyphen would read as a dash between the numbers.
  { polarity: 'negative', mark: '−', word: 'negative' },
  { polarity: 'other', mark: '?', word: 'unrecognised' },
];

export function polarityMark(polarity: Polarity): string {
  return POLARITY_DISPLAY.find((p) => p.polarity === polarity)?.mark ?? '?';
}

export function polarityWord(polarity: Polarity): string {
  return POLARITY_DISPLAY.find((p) => p.polarity === polarity)?.word ?? polarity;
}

/**
 * `8 positive, 3 neutral, 1 negative`: how many sentiment notes of each polarity, in words,
 * leaving out the polarities with none; `withShares` adds each one's share, `(67 %)`.
 */
export function describeSentimentCounts(counts: Readonly<Record<Polarity, number>>, options: { readonly withShares?: boolean } = {}): string {
  const total = POLARITY_DISPLAY.reduce((sum, { polarity }) => sum + (counts[polarity] ?? 0), 0);
  return POLARITY_DISPLAY.filter(({ polarity }) => (counts[polarity] ?? 0) > 0)
    .map(({ polarity, word }) => {
      const count = counts[polarity];
      return options.withShares ? `${count} ${word} (${Math.round((100 * count) / total)} %)` : `${count} ${word}`;
    })
    .join(options.withShares ? ' · ' : ', ');
}
