import type { Position } from './messages';

/*
 * How the extension shows and orders what the server sends, so that the speakers view, the pickers
 * and the server's own messages read the same. Pure, with no editor dependency.
 */

/** `1 turn`, `3 turns`: a count with its noun, plural when the count is not one. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `00:02:44` style text for a time in seconds, with milliseconds when it has a fraction. */
export function describeTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const frac = seconds - whole;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const base = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return frac > 0.0005 ? `${base}.${String(Math.round(frac * 1000)).padStart(3, '0')}` : base;
}

/** Negative when `a` comes before `b` in a document, positive after, zero at the same place. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
