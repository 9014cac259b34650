import type { TranscriptModel } from '../model';
import type { People } from '../people/people';
import { cueTime, timedCues, type CueOptions } from './cues';

/**
 * SubRip: numbered cues from 1, `HH:MM:SS,mmm` times, the speaker before the first line (`Name: `),
 * or the text alone for a turn that names no speaker.
 */
export function toSrt(model: TranscriptModel, options: CueOptions = {}, people?: People): string {
  return timedCues(model, options, people)
    .map((cue, i) => {
      const [first, ...rest] = cue.lines;
      const text = [cue.speaker !== undefined ? `${cue.speaker}: ${first}` : first, ...rest].join('\n');
      return `${i + 1}\n${cueTime(cue.start, ',')} --> ${cueTime(cue.end, ',')}\n${text}\n`;
    })
    .join('\n');
}
