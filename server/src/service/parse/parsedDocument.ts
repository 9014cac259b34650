import type { TranscriptModel } from '../model';
import type { CueCounts } from './layoutSniffing';
import type { ModelPart } from './modelPart';
import type { ParseBase } from './parseBase';
import type { Shift } from './shift';
import type { SectionText } from './sourceText';
import type { TextSnapshot } from '../document';

/*
 * A document as the incremental parse keeps it (`sections.ts`): its text, cut into sections
 * after each chunk marker, and the model their parts make.
 */

export interface Section {
  /** Offsets of the section in the text: from its first character to just past its last line break. */
  readonly start: number;
  readonly end: number;
  readonly base: ParseBase;
  /** Lines the section holds: one per line break, and the last section also the line after its last break. */
  readonly lineCount: number;
  /**
   * How many turns, chunks, speakers, markers and problems the section adds. Its objects are only
   * in the model's lists, from its base on: a 20 MB transcript has some 9,000 sections, and lists
   * of their own cost about 4 MB.
   */
  readonly turnCount: number;
  readonly chunkCount: number;
  readonly speakerCount: number;
  readonly markerCount: number;
  readonly problemCount: number;
  /**
   * Where its turns read their text: the text it was parsed from, or a later version's that keeps
   * it. A text kept in pieces is read in parts: an edited section's lines are then a copy of that
   * part alone, and the sections an edit left alone keep reading the text they were parsed from.
   */
  readonly source: SectionText;
  /** How its turns may be read again alone, after an edit inside one's text (`turnReread.ts`); undefined if they may not. */
  readonly rereadable: Rereadable | undefined;
}

/**
 * How a section's turns may be read again alone, after an edit inside one's text
 * (`turnReread.ts`): `cues`, each cue turn of subtitles whose cues do not join; `speakers`, each
 * turn of a run of speakers' turns. `joinQuestions`, in a section that is one chunk: how each turn
 * was asked for a join by repeat (`joinQuestion`, 0 for a turn not asked), so that the questions
 * that may read the edited turn are asked again; undefined where none was asked.
 */
export interface Rereadable {
  readonly kind: 'cues' | 'speakers';
  readonly joinQuestions: Uint8Array | undefined;
  /**
   * Subtitles whose only headers are cue timing lines: how many cues, and how many of one word,
   * so that an edit that makes or unmakes cues may read only the cues it touched (`cueSpanReread.ts`).
   */
  readonly cueCounts?: CueCounts | undefined;
}

export interface ParsedDocument {
  readonly text: TextSnapshot;
  readonly sections: readonly Section[];
  readonly model: ModelPart & Pick<TranscriptModel, 'lineCount'>;
  /**
   * What the parse did, for tests and the benchmark: sections parsed, kept as they were, and moved;
   * and, where only one turn was read again (`turnReread.ts`), that one; where the cues around an
   * edit were (`cueSpanReread.ts`), how many, and the lines read.
   */
  readonly stats: { readonly parsed: number; readonly kept: number; readonly moved: number; readonly reread?: number; readonly rereadLines?: number };
  /** The sections the edit moved, each before and after, so that caches can follow them. */
  readonly moved?: MovedSections;
}

export interface MovedSections {
  readonly shift: Shift;
  readonly parts: ReadonlyArray<{ readonly before: ModelPart; readonly after: ModelPart }>;
}

/** The last section that starts at or before `offset`. */
export function sectionAt(sections: readonly Section[], offset: number): number {
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sections[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
