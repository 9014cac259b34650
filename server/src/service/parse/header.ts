import type { TurnForm } from '../model';
import { skipBlanks, trimEnd } from '../util/text';

/* What a turn's header line says, as `lineKinds.ts` and `layoutHeaders.ts` read it. */

/** A stamp on a line: its time as written, where the time starts, and where its delimiters (if any) start and end. */
export interface StampText {
  readonly inner: string;
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
}

/** A turn's header line as read, in characters of that line. */
export interface Header {
  readonly form: Exclude<TurnForm, 'announced'>;
  /** The label as written; empty when the header names no speaker (a segment, a cue, Rev's `(00:13):`). */
  readonly label: string;
  /** -1 when the header names no speaker. */
  readonly labelStart: number;
  readonly name?: string;
  readonly nameStart?: number;
  readonly stamp?: StampText;
  /** A cue's or a segment's end time (`--> 00:12:44.500`). */
  readonly endStamp?: StampText;
  /** Where the turn's text begins on the header line. */
  readonly bodyStart: number;
  /** Nothing follows the header on its line: its text, if any, is on the lines below. */
  readonly alone: boolean;
}

/** The parts of a header that its reader found. */
export interface HeaderParts {
  readonly label?: string;
  readonly labelStart?: number;
  readonly name?: string;
  readonly nameStart?: number;
  readonly stamp?: StampText;
  readonly endStamp?: StampText;
}

/**
 * A header whose text starts after the blanks that follow `matched`. Every header is made here,
 * with its fields in one order, so that the parser's code sees one shape of object (the seed's
 * thousands of header lines pass through it while a big file opens).
 */
export function makeHeader(form: Header['form'], text: string, matched: number, parts: HeaderParts, alone?: boolean): Header {
  const bodyStart = skipBlanks(text, matched);
  return {
    form,
    label: parts.label ?? '',
    labelStart: parts.label === undefined ? -1 : parts.labelStart!,
    name: parts.name,
    nameStart: parts.nameStart,
    stamp: parts.stamp,
    endStamp: parts.endStamp,
    bodyStart,
    alone: alone ?? trimEnd(text, bodyStart) <= bodyStart,
  };
}
