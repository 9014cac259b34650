import type { TranscriptModel } from '../model';
import { assemble } from './chunks';
import type { ModelPart } from './modelPart';
import type { Rereadable } from './parsedDocument';
import { DOCUMENT_START, type ParseBase } from './parseBase';
import { SectionText } from './sourceText';
import { readTurns } from './turns';
import { lineOffsets } from '../util/edits';
import { splitLines } from '../util/text';

/*
 * The parser reads a transcript line by line. Each line is classified on its own (blank, chunk
 * marker, sentiment note, turn header or text: `lineKinds.ts`), then a small state machine
 * gathers lines into turns (`turns.ts`), and a second pass cuts the turns into chunks
 * (`chunks.ts`). Nothing here throws on input: what does not fit becomes a `Problem` and parsing
 * goes on.
 */

export { isChunkMarker } from './lineKinds';
export type { ModelPart } from './modelPart';
export { DOCUMENT_START, type ParseBase } from './parseBase';

export function parseTranscript(text: string): TranscriptModel {
  const lines = splitLines(text);
  return { ...parseLines(lines, DOCUMENT_START, new SectionText(text, 0, 0, lineOffsets(text))), lineCount: lines.length };
}

/**
 * Parses lines that begin a chunk: the first lines of a document, or the lines after a chunk
 * marker, where nothing before can carry on (a marker closes every turn and chunk). The turns
 * read their text from `source` later, so nothing made here keeps `lines` alive.
 */
export function parseLines(lines: readonly string[], base: ParseBase, source: SectionText): ModelPart {
  return parseSection(lines, base, source).part;
}

/** What `parseLines` gives, and how its turns may be read again alone (see `Rereadable`). */
export interface ParsedSection {
  readonly part: ModelPart;
  readonly rereadable: Rereadable | undefined;
}

export function parseSection(lines: readonly string[], base: ParseBase, source: SectionText): ParsedSection {
  const { drafts, markers, problems, standAlone, cueCounts } = readTurns(lines, base);
  const { part, searchedForJoins, joinQuestions } = assemble(drafts, markers, problems, base, lines, source);
  // Cues that no join was looked for at stand alone, whatever the markers. Where one was, a turn's
  // text bears on the questions of the turns around it, which are asked again; in one chunk only,
  // as one that starts anew is a join found.
  let rereadable: Rereadable | undefined;
  if (standAlone === 'cues' && !searchedForJoins) rereadable = { kind: 'cues', joinQuestions: undefined, cueCounts };
  else if (standAlone && markers.length === 0 && part.chunks.length === 1) {
    rereadable = { kind: standAlone, joinQuestions: searchedForJoins ? joinQuestions : undefined, ...(standAlone === 'cues' ? { cueCounts } : {}) };
  }
  return { part, rereadable };
}
