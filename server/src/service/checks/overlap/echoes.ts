import type { TranscriptModel } from '../../model';
import type { Overlap } from './overlapResult';

/*
 * People echo each other across a chunk boundary as anywhere else (`And, frankly, you should have
 * changed the laws.`, then `If you don't like what I did, you should have changed the laws.`).
 * A short repeat is told from a re-transcription by its stamps, where both turns have one: a
 * chunk's re-transcription starts when its original did, while an echo comes after it.
 */

/** Repeats this short (matched words) are judged by their stamps; longer ones no speaker echoes. */
const ECHO_WORDS = 16;
/** The original starts within this many words of its turn's stamp, so the stamp dates it. */
const DATED_WITHIN_WORDS = 3;
/** Seconds after the original's start beyond which a short repeat is an echo. */
const ECHO_SECONDS = 2;

/** Whether a short overlap is an echo by its stamps: its repeat starts well after its original did. */
export function isEcho(model: TranscriptModel, overlap: Overlap): boolean {
  if (overlap.matchedWords >= ECHO_WORDS) return false;
  const original = overlap.original[0]!;
  const repeat = overlap.repeat[0]!;
  // The repeat starts no earlier than its turn's stamp, wherever in the turn it is.
  if (original.firstWord > DATED_WITHIN_WORDS) return false;
  const originalTime = model.turns[original.turnIndex]?.timestamp?.seconds;
  const repeatTime = model.turns[repeat.turnIndex]?.timestamp?.seconds;
  if (originalTime === undefined || repeatTime === undefined) return false;
  return repeatTime - originalTime > ECHO_SECONDS;
}
