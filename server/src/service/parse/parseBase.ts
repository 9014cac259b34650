/**
 * Where a run of lines sits in its document: the number of its first line, and how many turns,
 * chunks and speakers come before it. A document is parsed from its start with all four at 0;
 * `sections.ts` re-parses only the sections an edit touches, each from its own base.
 */
export interface ParseBase {
  readonly line: number;
  readonly turn: number;
  readonly chunk: number;
  readonly speaker: number;
}

export const DOCUMENT_START: ParseBase = { line: 0, turn: 0, chunk: 0, speaker: 0 };
