import type { Chunk, TranscriptModel, Turn } from '../model';
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
