import type { Chunk, Turn } from './model';
import { describeTime } from './timestampFormat';

/** `00:01:31–00:02:50`, or `no times` for a chunk without stamps. */
export function describeChunkTime(chunk: Chunk): string {
  if (!chunk.timeSpan) return 'no times';
  const { start, end } = chunk.timeSpan;
  return start === end ? describeTime(start) : `${describeTime(start)}–${describeTime(end)}`;
}

/** The first `max` characters of a turn's text, cut at a word, with an ellipsis when cut. */
export function previewText(turn: Turn, max = 48): string {
  const text = turn.segments.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}

/** How a turn's speaker reads in lists: `Speaker 1 (Mark Chen)`, `Bob McGrew`, `Researcher`. */
export function speakerTitle(turn: Turn): string {
  if (turn.form === 'announced') return turn.name ?? turn.label;
  return turn.name !== undefined ? `${turn.label} (${turn.name})` : turn.label;
}
