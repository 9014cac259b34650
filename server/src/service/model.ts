/**
 * The transcript model: what the parser makes of a document, and what every feature reads.
 *
 * Positions are zero-based lines and UTF-16 code units, as in LSP and JavaScript strings, so the
 * LSP adapter can hand them on unchanged. This module has no editor or protocol dependency.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * A stamp as written: `[00:02:44]`, `(00:12)`, `**0:18**`, `00:12:41`, `12.3s`, or one end of a cue
 * range. `range` covers its delimiters (brackets, parentheses, bold marks; none for a bare stamp);
 * `valueRange` only the time.
 */
export interface Timestamp {
  /** Seconds from the start of the recording, fraction included. */
  readonly seconds: number;
  /** The source text, delimiters included, e.g. `[00:02:44]` or `00:12:41.000`. */
  readonly text: string;
  readonly range: Range;
  readonly valueRange: Range;
  /** How the stamp was written, so that a fix can write a new time in the same shape. */
  readonly format: TimestampFormat;
}

export interface TimestampFormat {
  /** `hms` for H:MM:SS (any number of hour digits), `ms` for MM:SS, `s` for seconds alone (`12.3s`, `0.00`). */
  readonly fields: 'hms' | 'ms' | 's';
  /** A unit written after the number (`12.3s`), when there is one. */
  readonly suffix?: 's';
  /** Digits in the leading field as written (`00` → 2, `0` → 1), to pad new values alike. */
  readonly leadingDigits: number;
  /** Fraction separator and digit count, when the stamp had one. */
  readonly fraction?: { readonly separator: '.' | ','; readonly digits: number };
}

export type Polarity = 'positive' | 'negative' | 'neutral' | 'mixed' | 'other';

/** How a sentiment note was written in the source. */
export type SentimentForm =
  /** `Sentiment: X` on a line of its own, indented or not. */
  | 'line'
  /** `(Sentiment: X)` on a line of its own or at the end of a turn line. */
  | 'parenthesized'
  /** `[X sentiment]` on a line of its own. */
  | 'bracketed'
  /** `(X sentiment)` at the end of a turn line. */
  | 'trailing'
  /** `(X)` at the end of a turn line, where X is a known sentiment word. */
  | 'trailing-bare';

/** How a label was mapped to a polarity, so a hover can explain unusual labels. */
export type SentimentNormalization =
  /** The label is itself a polarity word (`Positive`, `mixed`). */
  | 'exact'
  /** The label contains words of one polarity only (`Excited`, `Thoughtful, Educational`). */
  | 'keyword'
  /** The label contains words of opposite polarities (`Frustrated turning into Hopeful`). */
  | 'combined'
  /** No known word: polarity `other`. */
  | 'unknown';

export interface Sentiment {
  /** The label exactly as written, trimmed (`Frustrated turning into Hopeful`). */
  readonly label: string;
  readonly polarity: Polarity;
  readonly normalization: SentimentNormalization;
  /** The words that decided the polarity, lower-cased, in source order. */
  readonly evidence: readonly string[];
  readonly form: SentimentForm;
  /** The whole annotation, e.g. `(Positive sentiment)` or the `Sentiment: …` line without indent. */
  readonly range: Range;
  /** Only the label. */
  readonly labelRange: Range;
}

/**
 * How a turn's header was written. Indentation is not part of the form: the seed mixes an
 * unindented `Bob McGrew: [00:00:09]` with indented `Speaker: [00:00:22]` turns in one chunk.
 */
export type TurnForm =
  /** `Speaker 1 (Mark Chen): "…"` — a label with the speaker's name in parentheses. */
  | 'cast'
  /** `Bob McGrew: [00:00:09] text`, `Speaker 1: [00:13:36] text`. */
  | 'label-stamp'
  /** `[00:01:31] Speaker 1: text`. */
  | 'stamp-label'
  /** `Speaker 1: text` — no stamp. */
  | 'label'
  /** `[00:16:08] Speaker: Researcher` followed by `Researcher: text` — two lines, one turn. */
  | 'announced'
  /** Markdown bold: `**Dana Reyes:** text`, `**Dana Reyes** [4:05]`, `**[12:41] SPEAKER_01:** text`, `**0:18** · Name: text`. */
  | 'bold'
  /** `[Speaker 2] [12:41] text`: label and stamp each in brackets. */
  | 'bracketed'
  /** Rev: `Dana Reyes (00:12:41):` alone, text below; `(00:13:02):` goes on with the same speaker. */
  | 'rev'
  /** Otter: `Dana Reyes  12:41` (two or more spaces), text below. */
  | 'otter'
  /** `DR: 00:12:41` alone on its line, text below. */
  | 'label-stamp-line'
  /**
   * A podcast's page: `Dana Reyes [(00:12:41)](https://…) text`, the stamp a link to that moment of
   * the recording; `[(00:13:02)](https://…) text` goes on with the same speaker.
   */
  | 'linked'
  /** `0:12:41.5 **Dana Reyes** text`, `00:12:41 Dana Reyes: text`: a bare stamp, then the name. */
  | 'stamp-first'
  /** `00:12:41 text`, `[0.00 --> 3.96] text`: a stamp and text, the speaker (if any) from a heading above. */
  | 'segment'
  /** A WebVTT or SRT cue: a `start --> end` line, its text below, the voice from the text when it names one. */
  | 'cue';

/** One stretch of a turn's spoken text on one line. */
export interface TextSegment {
  readonly text: string;
  readonly range: Range;
}

export interface Turn {
  /** Position in `TranscriptModel.turns`. */
  readonly index: number;
  readonly chunkIndex: number;
  readonly form: TurnForm;
  /** Index into `TranscriptModel.speakers`. */
  readonly speakerIndex: number;
  /**
   * The label as written (`Speaker 1`, `Bob McGrew`, `Speaker` in the announced form); for a turn
   * that writes none, the label of the turn before it that did (Rev's `(00:13:02):`, a segment under
   * a speaker's name), or empty when no speaker is named (stamped segments, unnamed cues).
   */
  readonly label: string;
  /** Where the label is written; absent when the turn writes none. */
  readonly labelRange?: Range;
  /** The name given in parentheses or by an announcement, when there is one. */
  readonly name?: string;
  readonly nameRange?: Range;
  /** In the announced form, the name again as the label of the text line (`Researcher:`). */
  readonly echoRange?: Range;
  /** A valid stamp; absent when the turn has none or its stamp is malformed. */
  readonly timestamp?: Timestamp;
  /** The valid stamp's time in seconds, read without making the stamp (the checks read it of every turn, every version). */
  readonly timestampSeconds: number | undefined;
  /** Where the turn ends in time, when the source says so (a cue's `--> end`). */
  readonly endTimestamp?: Timestamp;
  /** The spoken text, one segment per source line, quotes and trailing sentiment excluded. */
  readonly segments: readonly TextSegment[];
  /**
   * The same text without making a string or an object: calls `visit` with each segment as the
   * characters `[start, end)` of `text` (a string that holds it), and where the segment is, in
   * order or, `fromEnd`, from the last one back, until `visit` returns true. For the checks that
   * read tens of thousands of turns.
   */
  readSegments(visit: (text: string, start: number, end: number, line: number, character: number) => boolean | void, fromEnd?: boolean): void;
  /** True when the text is wrapped in double quotes. */
  readonly quoted: boolean;
  readonly sentiments: readonly Sentiment[];
  /** From the header's first character to the end of the turn's last line (sentiment included). */
  readonly range: Range;
  /** The header line. */
  readonly headerRange: Range;
}

export type ChunkMarkerKind =
  /** `This chunk continues in the next part.` */
  | 'continues'
  /** `[This chunk continues in the next part.]` */
  | 'continues-bracketed'
  /** `This is the last chunk.` */
  | 'last';

export interface ChunkMarker {
  readonly kind: ChunkMarkerKind;
  readonly text: string;
  readonly range: Range;
}

/**
 * How a chunk began: at the start of the document, after an explicit marker, at an implicit
 * boundary where the turn format changed with no marker, or where a turn opens by repeating the
 * end of the text before it, with no marker and no change of format (see `parse/joins.ts`).
 */
export type BoundaryKind = 'document-start' | 'explicit' | 'implicit' | 'repeat';

export interface Chunk {
  readonly index: number;
  readonly boundary: BoundaryKind;
  /** The marker that closes this chunk, when one does. */
  readonly endMarker?: ChunkMarker;
  /** Indices into `TranscriptModel.turns`, in document order: `turnCount` of them from `firstTurn`. */
  readonly turnIndices: readonly number[];
  /** The chunk's turns are consecutive: the first one's index (0 for a chunk without turns) and how many. */
  readonly firstTurn: number;
  readonly turnCount: number;
  /** First line of the chunk's first turn (or marker) to the end of its closing marker. */
  readonly range: Range;
  /** Earliest and latest valid stamps of the chunk's turns, when it has any. */
  readonly timeSpan?: { readonly start: number; readonly end: number };
  /** The format signature that decided implicit boundaries, as a short human string. */
  readonly format: string;
}

/**
 * A speaker within one chunk. Labels such as `Speaker 1` restart in every chunk, so two chunks'
 * `Speaker 1` are two speakers here, and only features that say so group them by name.
 */
export interface Speaker {
  readonly index: number;
  readonly chunkIndex: number;
  readonly label: string;
  /** The name the chunk gives this label (`Mark Chen` for `Speaker 1 (Mark Chen)`), if any. */
  readonly name?: string;
  /** `name` when known, otherwise `label`; `No speaker` for the turns that name none. */
  readonly displayName: string;
  readonly turnIndices: readonly number[];
}

export type ProblemCode = 'timestamp-malformed' | 'unterminated-quote' | 'orphan-sentiment' | 'unrecognized-line' | 'suspect-header';

/** Something the parser could not make sense of. Parsing goes on past every problem. */
export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly range: Range;
}

export interface TranscriptModel {
  readonly chunks: readonly Chunk[];
  readonly turns: readonly Turn[];
  readonly speakers: readonly Speaker[];
  readonly markers: readonly ChunkMarker[];
  readonly problems: readonly Problem[];
  readonly lineCount: number;
}
