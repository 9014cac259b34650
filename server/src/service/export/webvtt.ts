import type { TranscriptModel } from '../model';
import type { People } from '../people/people';
import { cueTime, timedCues, type CueOptions } from './cues';

/**
 * WebVTT with one cue per timed turn and the speaker in a `<v>` voice span (none for a turn that
 * names no speaker). Text is escaped as the WebVTT cue text syntax requires, which also keeps a
 * `-->` in speech from ending a cue.
 */
export function toWebVtt(model: TranscriptModel, options: CueOptions = {}, people?: People): string {
  const blocks = ['WEBVTT'];
  for (const cue of timedCues(model, options, people)) {
    const text = cue.lines.map(escapeCueText).join('\n');
    const voice = cue.speaker !== undefined ? `<v ${escapeAnnotation(cue.speaker)}>` : '';
    blocks.push(`${cueTime(cue.start, '.')} --> ${cueTime(cue.end, '.')}\n${voice}${text}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A voice annotation ends at `>` and may not hold a line break. */
function escapeAnnotation(name: string): string {
  return escapeCueText(name.replace(/[\r\n]+/g, ' ').trim()) || 'Speaker';
}
