import { lines } from './helpers';

/* Invented transcripts whose chunk labels the people resolve to a name, for the export and `fix --names` tests. */

/**
 * Chunk 1 names its speakers; chunk 2 restarts the labels and opens with Dana Reyes's last words
 * again, so its `Speaker 2` is her. Its `Speaker 1` is tied to no one.
 */
export const SEAM = lines(
  'Speaker 1 (Dana Reyes): "We rebuilt the harbour wall over three summers, stone by stone."',
  'Speaker 2 (Omar Haddad): "And the council never paid for a single stone of it."',
  'Speaker 1 (Dana Reyes): "Nobody paid us a penny for any of that work on the wall, not once."',
  'This chunk continues in the next part.',
  '[00:01:10] Speaker 2: "Nobody paid us a penny for any of that work on the wall, not once."',
  '[00:01:16] Speaker 1: "Then we should send the council the bill."',
  '[00:01:21] Speaker 2: "I will write it tonight."',
  '',
);

/** Chunk 2's `Speaker 2` says who she is; nothing is repeated, so `fix` has nothing else to do. */
export const INTRODUCTION = lines(
  'Speaker 1 (Dana Reyes): "We rebuilt the harbour wall over three summers."',
  'Speaker 2 (Omar Haddad): "And the council never paid for it."',
  'This chunk continues in the next part.',
  '[00:01:10] Speaker 1: "Welcome back to the harbour hour."',
  '[00:01:14] Speaker 2: "Thank you. I\'m Dana Reyes, and I still want that money."',
  '',
);
