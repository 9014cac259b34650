import type { TranscriptModel } from '../model';
import type { ParsedChunk, ParsedMarker, ParsedSpeaker } from './parsedChunk';
import type { ParsedTurn } from './parsedTurn';
import { shiftRange, type Shift } from './shift';
import type { SectionText } from './sourceText';

/** What a run of lines adds to the model: its chunks, turns and the rest, numbered from its base. */
export interface ModelPart extends Omit<TranscriptModel, 'lineCount' | 'chunks' | 'turns' | 'speakers' | 'markers'> {
  readonly chunks: readonly ParsedChunk[];
  readonly turns: readonly ParsedTurn[];
  readonly speakers: readonly ParsedSpeaker[];
  readonly markers: readonly ParsedMarker[];
}

/** A part of the model parsed at one base, as parsing it at the shifted base would give it; its turns read their text from `source`. */
export function shiftPart(part: ModelPart, shift: Shift, source: SectionText): ModelPart {
  const markers = new Map(part.markers.map((marker) => [marker, marker.moved(shift)]));
  return {
    chunks: part.chunks.map((chunk) => chunk.moved(shift, chunk.endMarker && (markers.get(chunk.endMarker) ?? chunk.endMarker.moved(shift)))),
    turns: part.turns.map((turn) => turn.moved(shift, source)),
    speakers: part.speakers.map((speaker) => speaker.moved(shift)),
    markers: [...markers.values()],
    problems: part.problems.map((problem) => ({ ...problem, range: shiftRange(problem.range, shift) })),
  };
}
