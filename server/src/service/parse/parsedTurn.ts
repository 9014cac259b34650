import type {
  Polarity,
  Range,
  Sentiment,
  SentimentForm,
  SentimentNormalization,
  TextSegment,
  Timestamp,
  TimestampFormat,
  Turn,
  TurnForm,
} from '../model';
import { shiftChunkIndex, shiftLine, shiftSpeakerIndex, shiftTurnIndex, type Shift } from './shift';
import type { SectionText } from './sourceText';
import type { SentimentMeaning } from './sentimentLexicon';
import { lineRange, range } from '../util/text';

/*
 * How the parser keeps turns: as numbers. A 20 MB transcript has some 80,000 turns, and as plain
 * objects each was about 35 of them (a range and two positions for its label, header, stamp,
 * every line of text and every sentiment note), 1.8 KB a turn: most of the model's heap and most
 * of what the garbage collector walked while a big file opened. Here a turn is one object of
 * numbers, with at most a stamp and its sentiment notes beside it; the ranges and text segments
 * of the `Turn` interface are made when a feature reads them. `toJSON` writes the same shape the
 * plain objects had, so the golden models read as before.
 */

const NO_PLACES: readonly number[] = Object.freeze([]);

export class ParsedTimestamp implements Timestamp {
  constructor(
    readonly seconds: number,
    readonly text: string,
    readonly format: TimestampFormat,
    private readonly line: number,
    /** Where the stamp starts, its opening delimiter included. */
    private readonly start: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.start + this.text.length);
  }

  /** Inside the delimiters: `[…]`, `(…)`, `**…**`, or none for a bare stamp. */
  get valueRange(): Range {
    const { text } = this;
    const open = text.startsWith('**') ? 2 : text.charCodeAt(0) === 0x5b || text.charCodeAt(0) === 0x28 ? 1 : 0;
    const close = text.endsWith('**') && open === 2 ? 2 : text.endsWith(']') || text.endsWith(')') ? 1 : 0;
    return lineRange(this.line, this.start + open, this.start + text.length - close);
  }

  toJSON(): Timestamp {
    return { seconds: this.seconds, text: this.text, range: this.range, valueRange: this.valueRange, format: this.format };
  }
}

/**
 * What a note says and where on its line it sits. Notes are mostly written alike (`Sentiment:
 * Positive` at the same indent, `(Neutral sentiment)` at the end of lines of one length), so the
 * shape is shared by every note of the same label, form and place, and a note is its shape and
 * its line.
 */
export class NoteShape {
  constructor(
    readonly meaning: SentimentMeaning,
    readonly form: SentimentForm,
    /** The whole note, on one line. */
    readonly start: number,
    readonly end: number,
    readonly labelStart: number,
  ) {}

  /** The shared shape, looked up among those of the same meaning and start (shared too), without building a key. */
  static of(meaning: SentimentMeaning, form: SentimentForm, start: number, end: number, labelStart: number): NoteShape {
    let byStart = shapesByMeaning.get(meaning);
    if (!byStart) shapesByMeaning.set(meaning, (byStart = new Map<number, NoteShape[]>()));
    let shapes = byStart.get(start);
    if (!shapes) {
      // Notes at endless places (a long session, or lines of every length) must not grow it without bound.
      if (byStart.size >= MAX_STARTS_PER_MEANING) byStart.clear();
      byStart.set(start, (shapes = []));
    }
    for (const shape of shapes) if (shape.end === end && shape.labelStart === labelStart && shape.form === form) return shape;
    const shape = new NoteShape(meaning, form, start, end, labelStart);
    shapes.push(shape);
    return shape;
  }
}

/** Meanings are shared and bounded in number (`sentimentMeaning`); their shapes go with them. */
const shapesByMeaning = new WeakMap<SentimentMeaning, Map<number, NoteShape[]>>();
const MAX_STARTS_PER_MEANING = 4096;

export class ParsedSentiment implements Sentiment {
  constructor(
    readonly shape: NoteShape,
    readonly line: number,
  ) {}

  get label(): string {
    return this.shape.meaning.label;
  }

  get polarity(): Polarity {
    return this.shape.meaning.polarity;
  }

  get normalization(): SentimentNormalization {
    return this.shape.meaning.normalization;
  }

  get evidence(): readonly string[] {
    return this.shape.meaning.evidence;
  }

  get form(): SentimentForm {
    return this.shape.form;
  }

  get range(): Range {
    return lineRange(this.line, this.shape.start, this.shape.end);
  }

  get labelRange(): Range {
    return lineRange(this.line, this.shape.labelStart, this.shape.labelStart + this.label.length);
  }

  moved(shift: Shift): ParsedSentiment {
    return new ParsedSentiment(this.shape, shiftLine(this.line, shift));
  }

  toJSON(): Sentiment {
    const { label, polarity, normalization, evidence } = this.shape.meaning;
    return { label, form: this.form, range: this.range, labelRange: this.labelRange, polarity, normalization, evidence };
  }
}

/** A valid stamp: its time, format, line, and where it is (its delimiters included). */
export interface StampPlace {
  readonly seconds: number;
  readonly format: TimestampFormat;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** Everything a turn is made of, as the parser found it. */
export interface TurnFields {
  readonly index: number;
  readonly chunkIndex: number;
  readonly form: TurnForm;
  readonly speakerIndex: number;
  readonly label: string;
  readonly name: string | undefined;
  readonly quoted: boolean;
  readonly headerLine: number;
  /** The header's first and last characters (the label's or the stamp's start, the end of its text). */
  readonly headerStart: number;
  readonly headerEnd: number;
  /** Where the label is written: -1 when the turn writes none (a segment, a cue, Rev's `(00:13):`). */
  readonly labelStart: number;
  /** The line the label is on: the header's, or a cue's first line of text (`<v Dana Reyes>`). */
  readonly labelLine: number;
  /** Where the name starts on the header line; -1 without a name. */
  readonly nameStart: number;
  /** The announced form's `Researcher:` label: its line (-1 for other forms) and characters. */
  readonly echoLine: number;
  readonly echoStart: number;
  readonly echoEnd: number;
  /** Where the turn ends: its last line of text or sentiment. */
  readonly endLine: number;
  readonly endCharacter: number;
  readonly stamp: StampPlace | undefined;
  /** A cue's or a segment's end time. */
  readonly endStamp: StampPlace | undefined;
  /** Each line of text as three numbers: its line, first character and end. */
  readonly segmentPlaces: readonly number[];
  readonly sentiments: readonly ParsedSentiment[];
}

/** A turn's text as `segments` holds it, cut from what `readSegments` reads: one string and range a line. */
export function segmentsRead(turn: Pick<Turn, 'readSegments'>): TextSegment[] {
  const segments: TextSegment[] = [];
  turn.readSegments((text, start, end, line, character) => {
    segments.push({ text: text.slice(start, end), range: lineRange(line, character, character + end - start) });
  });
  return segments;
}

const FORMS: readonly TurnForm[] = [
  'cast',
  'label-stamp',
  'stamp-label',
  'label',
  'announced',
  'bold',
  'bracketed',
  'rev',
  'otter',
  'label-stamp-line',
  'stamp-first',
  'segment',
  'cue',
  'linked',
];
const QUOTED = 16;
const STAMP_PLACE = 64;

/** The announced form's `Researcher:` label on the line after the announcement. */
interface EchoPlace {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/*
 * Most of a turn's places are small: its label, stamp and text are on its header line or the next,
 * it ends a few lines on, and its label, name and text start near the start of the line. Four
 * such numbers (0 to 126) go in one small integer, seven bits each, where four fields would cost
 * 32 bytes a turn; a 20 MB transcript has some 80,000 turns.
 */
const SMALL_BITS = 7;
const SMALL_LIMIT = (1 << SMALL_BITS) - 1;

/** `a` to `d` in one number, or -1 when one of them is not in 0 to SMALL_LIMIT - 1. */
function packSmall(a: number, b: number, c: number, d: number): number {
  if (!(isSmall(a) && isSmall(b) && isSmall(c) && isSmall(d))) return -1;
  return a | (b << SMALL_BITS) | (c << (2 * SMALL_BITS)) | (d << (3 * SMALL_BITS));
}

function isSmall(value: number): boolean {
  return value >= 0 && value < SMALL_LIMIT;
}

/** The `index`th number (0 to 3) that `packSmall` packed. */
function smallAt(packed: number, index: number): number {
  return (packed >>> (index * SMALL_BITS)) & SMALL_LIMIT;
}

/** A turn's places in full, for the few whose places are not all small (see `packSmall`). */
class WidePlaces {
  constructor(
    readonly labelLine: number,
    readonly stampLine: number,
    readonly textLine: number,
    readonly endLine: number,
    readonly headerStart: number,
    readonly labelStart: number,
    readonly nameStart: number,
    readonly textStart: number,
    readonly echo: EchoPlace | undefined,
    readonly endStamp: StampPlace | undefined,
  ) {}
}

export class ParsedTurn implements Turn {
  readonly index: number;
  readonly chunkIndex: number;
  readonly speakerIndex: number;
  readonly label: string;
  readonly name: string | undefined;
  /** The form's place in FORMS, plus QUOTED when the text is quoted: one number for two fields. */
  private readonly kind: number;
  /**
   * Nearly every turn has one note, on its last line: that one as its shape alone, with no object
   * of its own; other turns keep their list (most often the shared empty one).
   */
  private readonly note: NoteShape | readonly ParsedSentiment[];
  private readonly headerLine: number;
  private readonly headerEnd: number;
  /** The label's, stamp's, first text's and last line, counted from the header's (`packSmall`). */
  private readonly lines: number;
  /** Where the header, the label and the name start, and the first line of text (`packSmall`). */
  private readonly columns: number;
  /**
   * The announced form's echo or a cue's end stamp (no turn has both), or, for the rare turn whose
   * `lines` or `columns` do not fit in small numbers, all of them in full (`WidePlaces`).
   */
  private readonly aside: EchoPlace | StampPlace | WidePlaces | undefined;
  private readonly endCharacter: number;
  /** The stamp's text is read from the source when asked for; without a stamp, the format is undefined. */
  private readonly stampFormat: TimestampFormat | undefined;
  private readonly stampSeconds: number;
  /**
   * Where the `[` is and how long the stamp is, as `start * STAMP_PLACE + length`: a stamp is at
   * most 33 characters (`[`, 31 inside, `]`), and the arithmetic is exact for any line length.
   */
  private readonly stampPlace: number;
  /**
   * The first line of text's end (its line and start are in `lines` and `columns`), the other
   * lines three numbers each: most turns are one line, and an array of three numbers costs twice
   * the three fields.
   */
  private readonly textEnd: number;
  private readonly moreSegmentPlaces: readonly number[];
  /** Not a field that equality compares: two parses of one text read it from different strings. */
  #source: SectionText;

  constructor(fields: TurnFields, source: SectionText) {
    this.index = fields.index;
    this.chunkIndex = fields.chunkIndex;
    this.speakerIndex = fields.speakerIndex;
    this.label = fields.label;
    this.name = fields.name;
    this.kind = FORMS.indexOf(fields.form) + (fields.quoted ? QUOTED : 0);
    const [only] = fields.sentiments;
    const oneOnLastLine = only && fields.sentiments.length === 1 && only.line === fields.endLine;
    // A list kept is copied at its size: the parser's grew by `push`, with room to spare.
    this.note = oneOnLastLine ? only.shape : fields.sentiments.length === 0 ? fields.sentiments : fields.sentiments.slice();
    this.headerLine = fields.headerLine;
    this.headerEnd = fields.headerEnd;
    const places = fields.segmentPlaces;
    const hasText = places.length > 0;
    const stampLine = fields.stamp?.line ?? fields.headerLine;
    const textLine = hasText ? places[0]! : -1;
    const textStart = hasText ? places[1]! : 0;
    const echo = fields.echoLine < 0 ? undefined : { line: fields.echoLine, start: fields.echoStart, end: fields.echoEnd };
    const header = fields.headerLine;
    // A turn without text counts its text line as 0, one with text from 1.
    const lines = packSmall(fields.labelLine - header, stampLine - header, hasText ? textLine - header + 1 : 0, fields.endLine - header);
    const columns = packSmall(fields.headerStart, fields.labelStart + 1, fields.nameStart + 1, textStart);
    if (lines < 0 || columns < 0 || (echo && fields.endStamp)) {
      this.lines = -1;
      this.columns = -1;
      this.aside = new WidePlaces(
        fields.labelLine,
        stampLine,
        textLine,
        fields.endLine,
        fields.headerStart,
        fields.labelStart,
        fields.nameStart,
        textStart,
        echo,
        fields.endStamp,
      );
    } else {
      this.lines = lines;
      this.columns = columns;
      this.aside = echo ?? fields.endStamp;
    }
    this.endCharacter = fields.endCharacter;
    this.stampFormat = fields.stamp?.format;
    this.stampSeconds = fields.stamp?.seconds ?? 0;
    this.stampPlace = fields.stamp ? fields.stamp.start * STAMP_PLACE + (fields.stamp.end - fields.stamp.start) : 0;
    this.textEnd = hasText ? places[2]! : 0;
    this.moreSegmentPlaces = places.length > 3 ? places.slice(3) : NO_PLACES;
    this.#source = source;
  }

  private get wide(): WidePlaces | undefined {
    return this.lines < 0 ? (this.aside as WidePlaces) : undefined;
  }

  private get labelLine(): number {
    return this.wide?.labelLine ?? this.headerLine + smallAt(this.lines, 0);
  }

  /** The stamp's line: the header's, or the first segment's under a speaker's name alone on its line. */
  private get stampLine(): number {
    return this.wide?.stampLine ?? this.headerLine + smallAt(this.lines, 1);
  }

  /** -1 without text. */
  private get textLine(): number {
    const wide = this.wide;
    if (wide) return wide.textLine;
    const counted = smallAt(this.lines, 2);
    return counted === 0 ? -1 : this.headerLine + counted - 1;
  }

  /** Where the turn ends: its last line of text or sentiment. */
  private get endLine(): number {
    return this.wide?.endLine ?? this.headerLine + smallAt(this.lines, 3);
  }

  private get headerStart(): number {
    return this.wide?.headerStart ?? smallAt(this.columns, 0);
  }

  /** -1 when the turn writes no label. */
  private get labelStart(): number {
    return this.wide?.labelStart ?? smallAt(this.columns, 1) - 1;
  }

  /** -1 without a name. */
  private get nameStart(): number {
    return this.wide?.nameStart ?? smallAt(this.columns, 2) - 1;
  }

  private get textStart(): number {
    return this.wide?.textStart ?? smallAt(this.columns, 3);
  }

  /** Only the announced form has one. */
  private get echo(): EchoPlace | undefined {
    const aside = this.aside;
    if (aside instanceof WidePlaces) return aside.echo;
    return aside !== undefined && !('seconds' in aside) ? aside : undefined;
  }

  /** Only cues and ranged segments have one. */
  private get endStamp(): StampPlace | undefined {
    const aside = this.aside;
    if (aside instanceof WidePlaces) return aside.endStamp;
    return aside !== undefined && 'seconds' in aside ? aside : undefined;
  }

  /** Made on each read when there is one note on the last line. */
  get sentiments(): readonly ParsedSentiment[] {
    return this.note instanceof NoteShape ? [new ParsedSentiment(this.note, this.endLine)] : this.note;
  }

  get timestampSeconds(): number | undefined {
    return this.stampFormat ? this.stampSeconds : undefined;
  }

  /** Made on each read. */
  get timestamp(): ParsedTimestamp | undefined {
    if (!this.stampFormat) return undefined;
    const text = this.#source.slice(this.stampLine, this.stampStart, this.stampEnd);
    return new ParsedTimestamp(this.stampSeconds, text, this.stampFormat, this.stampLine, this.stampStart);
  }

  /** Made on each read. */
  get endTimestamp(): ParsedTimestamp | undefined {
    const end = this.endStamp;
    if (!end) return undefined;
    return new ParsedTimestamp(end.seconds, this.#source.slice(end.line, end.start, end.end), end.format, end.line, end.start);
  }

  get form(): TurnForm {
    return FORMS[this.kind % QUOTED]!;
  }

  get quoted(): boolean {
    return this.kind >= QUOTED;
  }

  private get stampStart(): number {
    return Math.floor(this.stampPlace / STAMP_PLACE);
  }

  private get stampEnd(): number {
    return this.stampStart + (this.stampPlace % STAMP_PLACE);
  }

  /** Absent when the turn writes no label (its speaker, if any, is the one before it). */
  get labelRange(): Range | undefined {
    return this.labelStart < 0 ? undefined : lineRange(this.labelLine, this.labelStart, this.labelStart + this.label.length);
  }

  get nameRange(): Range | undefined {
    return this.name === undefined ? undefined : lineRange(this.headerLine, this.nameStart, this.nameStart + this.name.length);
  }

  get echoRange(): Range | undefined {
    return this.echo && lineRange(this.echo.line, this.echo.start, this.echo.end);
  }

  get range(): Range {
    return range(this.headerLine, this.headerStart, this.endLine, this.endCharacter);
  }

  get headerRange(): Range {
    return lineRange(this.headerLine, this.headerStart, this.headerEnd);
  }

  /** Made on each read: keep the array while you use it. */
  get segments(): TextSegment[] {
    return segmentsRead(this);
  }

  readSegments(visit: (text: string, start: number, end: number, line: number, character: number) => boolean | void, fromEnd = false): void {
    if (this.textLine < 0) return;
    const more = this.moreSegmentPlaces;
    const count = 1 + more.length / 3;
    const text = this.#source.documentText;
    for (let k = 0; k < count; k++) {
      const s = fromEnd ? count - 1 - k : k;
      const line = s === 0 ? this.textLine : more[3 * s - 3]!;
      const start = s === 0 ? this.textStart : more[3 * s - 2]!;
      const end = s === 0 ? this.textEnd : more[3 * s - 1]!;
      const at = this.#source.lineOffset(line);
      if (visit(text, at + start, at + end, line, start) === true) return;
    }
  }

  /** Every line of text as three numbers, as in `TurnFields`. */
  private segmentPlaces(): number[] {
    return this.textLine < 0 ? [] : [this.textLine, this.textStart, this.textEnd, ...this.moreSegmentPlaces];
  }

  /**
   * Keeps this turn reading the version of the text it was made from, while its section goes on
   * to read a later version where the turn was read again (`turnReread.ts`): the model it belongs
   * to stays as it was. `frozen`: a copy of its section's text as it is now, which many turns may share.
   */
  keepText(frozen: SectionText = this.#source.atLine(this.#source.firstLine)): void {
    this.#source = frozen;
  }

  /** The same turn where `shift` moves it, reading its text from `source`. */
  moved(shift: Shift, source: SectionText): ParsedTurn {
    // Every field written out: a spread into this literal made V8 build each copy the slow way.
    return new ParsedTurn(
      {
        index: shiftTurnIndex(this.index, shift),
        chunkIndex: shiftChunkIndex(this.chunkIndex, shift),
        speakerIndex: shiftSpeakerIndex(this.speakerIndex, shift),
        form: this.form,
        label: this.label,
        name: this.name,
        quoted: this.quoted,
        headerLine: shiftLine(this.headerLine, shift),
        headerStart: this.headerStart,
        headerEnd: this.headerEnd,
        labelStart: this.labelStart,
        labelLine: shiftLine(this.labelLine, shift),
        nameStart: this.nameStart,
        echoLine: this.echo ? shiftLine(this.echo.line, shift) : -1,
        echoStart: this.echo?.start ?? 0,
        echoEnd: this.echo?.end ?? 0,
        endLine: shiftLine(this.endLine, shift),
        endCharacter: this.endCharacter,
        stamp: this.stampFormat
          ? {
              seconds: this.stampSeconds,
              format: this.stampFormat,
              start: this.stampStart,
              end: this.stampEnd,
              line: shiftLine(this.stampLine, shift),
            }
          : undefined,
        endStamp: this.endStamp && { ...this.endStamp, line: shiftLine(this.endStamp.line, shift) },
        segmentPlaces: this.segmentPlaces().map((value, i) => (i % 3 === 0 ? shiftLine(value, shift) : value)),
        sentiments: this.sentiments.map((sentiment) => sentiment.moved(shift)),
      },
      source,
    );
  }

  /** The plain shape of `Turn`, optional fields only when present, in the order of the golden models. */
  toJSON(): Turn {
    const json: { -readonly [K in keyof Turn]?: Turn[K] } = {
      index: this.index,
      chunkIndex: this.chunkIndex,
      form: this.form,
      speakerIndex: this.speakerIndex,
      label: this.label,
    };
    const labelRange = this.labelRange;
    if (labelRange) json.labelRange = labelRange;
    if (this.name !== undefined) {
      json.name = this.name;
      json.nameRange = this.nameRange!;
    }
    const echoRange = this.echoRange;
    if (echoRange) json.echoRange = echoRange;
    const timestamp = this.timestamp;
    if (timestamp) json.timestamp = timestamp;
    const endTimestamp = this.endTimestamp;
    if (endTimestamp) json.endTimestamp = endTimestamp;
    json.segments = this.segments;
    json.quoted = this.quoted;
    json.sentiments = this.sentiments;
    json.range = this.range;
    json.headerRange = this.headerRange;
    return json as Turn;
  }
}
