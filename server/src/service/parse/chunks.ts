import type { BoundaryKind, Problem, SentimentForm, TurnForm } from '../model';
import { ParsedChunk, ParsedSpeaker, type ParsedMarker } from './parsedChunk';
import { ParsedTurn } from './parsedTurn';
import type { ModelPart } from './modelPart';
import type { ParseBase } from './parseBase';
import { Memo, ownString, type SectionText } from './sourceText';
import { NO_SENTIMENTS, opensWithQuote, unquote, type PlacedMarker, type TurnDraft } from './turns';
import { draftText, JoinFinder, joinQuestion } from './joins';
import { isDigit } from '../util/text';

/*
 * Chunk and speaker assembly: numbers the turn drafts, makes them turns, and cuts them into
 * chunks at markers and where the turn format changes (implicit boundaries); within a chunk, one
 * speaker per label.
 */

/**
 * The shape that implicit chunk boundaries are read from: header form, quoting and sentiment
 * form, as one small number (compared for every turn, so not a string).
 */
function signature(draft: TurnDraft, quoted: boolean): number {
  return signatureOf(draft.form, quoted, draft.notes[0]?.form);
}

/** A turn's signature (see `signature`) from its form, quoting and its first note's form. */
export function signatureOf(form: TurnForm, quoted: boolean, firstNote: SentimentForm | undefined): number {
  return (SIGNATURE_FORMS.indexOf(form) * 2 + (quoted ? 1 : 0)) * SIGNATURE_SENTIMENTS.length + SIGNATURE_SENTIMENTS.indexOf(firstNote ?? 'none');
}

/**
 * Whether two turns' signatures are one format, told apart only by what one has and the other
 * lacks: a stamp (`Label:` and `[time] Label:` or `Label: [time]`), a name (`Speaker 1 (Ana
 * Lima):`), quotes around the text, or sentiment notes. Turns with notes and turns without share a
 * chunk whenever a turn was cut off or its note not yet written, stamped and unstamped ones
 * wherever a stamp was missed, quoted and bare ones wherever a turn was quoted by hand; a chunk's
 * turns may differ so without a join.
 */
function sameFormat(a: number, b: number): boolean {
  if (a === b) return true;
  const kinds = SIGNATURE_SENTIMENTS.length;
  const notesA = a % kinds;
  const notesB = b % kinds;
  if (notesA !== notesB && notesA !== NO_NOTES && notesB !== NO_NOTES) return false;
  const formA = SIGNATURE_FORMS[Math.floor(a / kinds) >> 1]!;
  const formB = SIGNATURE_FORMS[Math.floor(b / kinds) >> 1]!;
  if (formA === formB) return true;
  // A stamp before the label and one after it are two formats, not one with a stamp missing.
  if (STAMPED.has(formA) && STAMPED.has(formB)) return false;
  return (BARE_FORM_OF[formA] ?? formA) === (BARE_FORM_OF[formB] ?? formB);
}

/** Whether two signatures differ in nothing but quotes around the text. */
function sameButQuoting(a: number, b: number): boolean {
  const kinds = SIGNATURE_SENTIMENTS.length;
  return a % kinds === b % kinds && Math.floor(a / kinds) >> 1 === Math.floor(b / kinds) >> 1;
}

function hasNotes(sig: number): boolean {
  return sig % SIGNATURE_SENTIMENTS.length !== NO_NOTES;
}

/** The form a pipeline header takes without its stamp, or its name (`Speaker 1 (Ana Lima):`). */
const BARE_FORM_OF: Partial<Record<TurnForm, TurnForm>> = { 'stamp-label': 'label', 'label-stamp': 'label', cast: 'label' };
const STAMPED: ReadonlySet<TurnForm> = new Set(['stamp-label', 'label-stamp']);

const FORM_DESCRIPTIONS: Record<TurnForm, string> = {
  cast: 'Label (Name): text',
  'label-stamp': 'Label: [time] text',
  'stamp-label': '[time] Label: text',
  label: 'Label: text',
  announced: '[time] Speaker: Name, then Name: text',
  bold: '**Label:** text',
  bracketed: '[Label] [time] text',
  rev: 'Label (time):, text below',
  otter: 'Label  time, text below',
  'label-stamp-line': 'Label: time, text below',
  linked: 'Label [(time)](link) text',
  'stamp-first': 'time Label text',
  segment: 'time text',
  cue: 'start --> end, text below',
};
const SENTIMENT_DESCRIPTIONS: Record<SentimentForm | 'none', string> = {
  line: 'Sentiment: X lines',
  parenthesized: '(Sentiment: X)',
  bracketed: '[X sentiment]',
  trailing: '(X sentiment)',
  'trailing-bare': '(X)',
  none: 'no sentiment',
};
const SIGNATURE_FORMS = Object.keys(FORM_DESCRIPTIONS) as TurnForm[];
/** The forms of the chunked pipeline layout, whose chunks may show only by a change of format. */
const PIPELINE_FORMS: ReadonlySet<TurnForm> = new Set(['cast', 'label-stamp', 'stamp-label', 'label', 'announced']);
/** The forms that name a speaker a turn, where a join may show only by a repeat (see `JoinFinder`). */
const SPEAKER_FORMS: ReadonlySet<TurnForm> = new Set([...PIPELINE_FORMS, 'bold', 'bracketed', 'rev', 'otter', 'label-stamp-line', 'linked']);
const SIGNATURE_SENTIMENTS = Object.keys(SENTIMENT_DESCRIPTIONS) as Array<SentimentForm | 'none'>;
const NO_NOTES = SIGNATURE_SENTIMENTS.indexOf('none');

/** Each chunk's format in words, one string per signature. */
const DESCRIPTIONS: readonly string[] = SIGNATURE_FORMS.flatMap((form) =>
  [false, true].flatMap((quoted) =>
    SIGNATURE_SENTIMENTS.map((sentiment) => `${FORM_DESCRIPTIONS[form]}${quoted ? ', quoted' : ''}; ${SENTIMENT_DESCRIPTIONS[sentiment]}`),
  ),
);

/**
 * A copy of an array built by `push`, at its length. V8 gives a growing array room for 16 more
 * elements, and the model keeps tens of thousands of small arrays (the turn numbers of each
 * speaker of each chunk): spare room in all of them once was about a tenth of the model's heap.
 */
function exact<T>(array: T[]): T[] {
  return array.slice();
}

/**
 * A label or name lower-cased, to tell a chunk's speakers apart: the same few labels come back
 * in every chunk, and lower-casing each turn's anew made a string a turn.
 */
function lowerCased(label: string): string {
  return lowerCaseLabels.get(label, (own) => ownString(own.toLowerCase()));
}
const lowerCaseLabels = new Memo<string>(10_000);

/** The number a label ends with (`Speaker 3`, `SPEAKER_03`), or 0. */
function numberOf(label: string): number {
  let start = label.length;
  while (start > 0 && isDigit(label.charCodeAt(start - 1))) start--;
  return start < label.length ? Number(label.slice(start)) : 0;
}

/** The turn a draft makes, once it is numbered and its quotes are taken off (`unquote`). */
export function numberedTurn(
  draft: TurnDraft,
  quoted: boolean,
  index: number,
  chunkIndex: number,
  speakerIndex: number,
  source: SectionText,
): ParsedTurn {
  draft.index = index;
  draft.chunkIndex = chunkIndex;
  draft.speakerIndex = speakerIndex;
  draft.quoted = quoted;
  draft.segmentPlaces = draft.lines;
  draft.sentiments = draft.notes.length === 0 ? NO_SENTIMENTS : draft.notes;
  return new ParsedTurn(draft, source);
}

/**
 * The model's part of a run of lines; whether a join was looked for by its repeat (`JoinFinder`),
 * and how each turn was asked (`joinQuestion`, 0 for a turn not asked), so that the questions may
 * be asked again after an edit (`noJoinAround`).
 */
export interface Assembled {
  readonly part: ModelPart;
  readonly searchedForJoins: boolean;
  readonly joinQuestions: Uint8Array;
}

export function assemble(
  drafts: readonly TurnDraft[],
  markers: readonly PlacedMarker[],
  problems: Problem[],
  base: ParseBase,
  lines: readonly string[],
  source: SectionText,
): Assembled {
  const lineAt = (line: number) => lines[line - base.line]!;
  const turns: ParsedTurn[] = [];
  const chunks: ParsedChunk[] = [];
  const speakers: ParsedSpeaker[] = [];

  /** The chunk's turns so far: the first one's index, and how many. */
  let chunkFirstTurn = 0;
  let chunkTurnCount = 0;
  let chunkBoundary: BoundaryKind = base.chunk === 0 ? 'document-start' : 'explicit';
  let chunkSignature: number | undefined;
  /** How many of the chunk's turns are in its format (a missing stamp, name, quote or note aside). */
  let turnsInFormat = 0;
  /** The form of the turn that set `chunkSignature`. */
  let chunkForm: TurnForm | undefined;
  /** Earliest and latest valid stamps of the chunk's turns so far; -1 before the first. */
  let earliest = -1;
  let latest = -1;
  let chunkSpeakers = new Map<string, { index: number; turnIndices: number[]; name?: string; label: string }>();
  const joins = JoinFinder.take();
  let searchedForJoins = false;
  const joinQuestions = new Uint8Array(drafts.length);
  let previousLabel = '';

  const finishChunk = (endMarker: ParsedMarker | undefined) => {
    if (chunkTurnCount === 0 && !endMarker) return;
    const chunkIndex = base.chunk + chunks.length;
    const first = chunkTurnCount ? turns[chunkFirstTurn - base.turn]! : undefined;
    const last = chunkTurnCount ? turns[chunkFirstTurn + chunkTurnCount - 1 - base.turn]! : undefined;
    const { start } = first?.range ?? endMarker!.range;
    const { end } = endMarker?.range ?? last!.range;
    chunks.push(
      new ParsedChunk({
        index: chunkIndex,
        boundary: chunkBoundary,
        endMarker,
        firstTurn: chunkTurnCount ? chunkFirstTurn : 0,
        turnCount: chunkTurnCount,
        startLine: start.line,
        startCharacter: start.character,
        endLine: end.line,
        endCharacter: end.character,
        earliest,
        latest,
        format: chunkSignature === undefined ? 'no turns' : DESCRIPTIONS[chunkSignature]!,
      }),
    );
    for (const s of chunkSpeakers.values()) {
      speakers[s.index - base.speaker] = new ParsedSpeaker(s.index, chunkIndex, s.label, s.name, exact(s.turnIndices));
    }
    chunkTurnCount = 0;
    earliest = -1;
    latest = -1;
    chunkSignature = undefined;
    turnsInFormat = 0;
    chunkSpeakers = new Map();
    joins.startChunk();
  };

  /**
   * Whether a turn whose format differs from its chunk's starts a chunk. One turn of another
   * shape is not enough: a turn being typed (no sentiment note yet), or one turn put in quotes,
   * is still the chunk's, and so is a chunk's last turn cut off before its note. A join shows in
   * the chunk's format holding for two turns and the new one for two (or a stamp that goes back or
   * stands still); other joins show in the repeat that opens the next chunk (`JoinFinder`).
   */
  const formChangeIsJoin = (draft: TurnDraft, sig: number, i: number, nextMarker: number): boolean => {
    if (stampGoesBack(draft)) return true;
    // Unless the chunk's own format held for the two turns before, the new one holding says
    // nothing: the chunk's first turn may be the odd one, or the chunk a mix of shapes.
    return turnsInFormat >= 2 && nextHolds(sig, i, nextMarker);
  };
  /** Whether the turn after the `i`th, before the next marker, has the signature `sig` too. */
  const nextHolds = (sig: number, i: number, nextMarker: number): boolean => {
    const next = i + 1 < nextMarker ? drafts[i + 1] : undefined;
    return next !== undefined && sameButQuoting(signature(next, opensWithQuote(next, lineAt)), sig);
  };
  const stampGoesBack = (draft: TurnDraft) => draft.stamp !== undefined && latest >= 0 && draft.stamp.seconds <= latest;

  let markerIndex = 0;
  for (let i = 0; i <= drafts.length; i++) {
    while (markerIndex < markers.length && markers[markerIndex]!.turnsBefore === i) {
      finishChunk(markers[markerIndex]!.marker);
      chunkBoundary = 'explicit';
      markerIndex++;
    }
    const draft = drafts[i];
    if (!draft) break;

    const quoted = unquote(draft, lineAt);
    const sig = signature(draft, quoted);
    const nextMarker = markers[markerIndex]?.turnsBefore ?? drafts.length;
    // Only the chunked pipeline's own forms show a join by a change of format; in the other
    // layouts a turn's shape varies within one recording (a speaker's name over stamped
    // segments, a quoted cue), and a chunk there starts only at a marker.
    // A turn of another shape than the chunk's settled one, though no join on its own, makes one
    // likelier (see below).
    let formChanged = false;
    if (chunkSignature !== undefined && sig !== chunkSignature && PIPELINE_FORMS.has(draft.form) && PIPELINE_FORMS.has(chunkForm!)) {
      formChanged = turnsInFormat >= 2;
      if (formChangeIsJoin(draft, sig, i, nextMarker)) {
        finishChunk(undefined);
        chunkBoundary = 'implicit';
      } else if (chunkTurnCount === 1 && nextHolds(sig, i, nextMarker)) {
        // The chunk's first turn was the odd one out: the chunk's format is this one's.
        chunkSignature = sig;
        chunkForm = draft.form;
        turnsInFormat = 0;
      }
    }
    // A turn that opens by repeating the chunk's text before it starts a chunk: a join that
    // shows in nothing else.
    if (chunkTurnCount > 0) {
      // `Speaker 1 (Clinton)` in a chunk where Clinton was `Speaker 3`: the labels started over.
      const labelRestarts = draft.name !== undefined && [...chunkSpeakers.values()].some((s) => s.name === draft.name && s.label !== draft.label);
      // The turns after it up to the next marker: the same section, whichever way it is parsed.
      const following = (k: number) => {
        const next = i + 1 + k < nextMarker ? drafts[i + 1 + k] : undefined;
        return next && draftText(next.lines, source);
      };
      const earlier = (k: number) => (k < chunkTurnCount ? turns[turns.length - 1 - k] : undefined);
      // A stamp that goes back, or that stands still at the latest, is the same moment said twice.
      const labelsStartOver = numberOf(draft.label) === 1 && numberOf(previousLabel) > 1;
      // A turn in another shape than the two before it, though no join on its own, is as sure a
      // sign as a stamp that goes back: with a repeat, it is a join.
      const sign = stampGoesBack(draft) || labelRestarts || formChanged ? 'strong' : labelsStartOver ? 'weak' : 'none';
      // Captions and segments join only with a stamp that goes back: rolling captions repeat the
      // line before by design.
      const mayJoin = SPEAKER_FORMS.has(draft.form) || sign === 'strong';
      const timeMovesOn = draft.stamp !== undefined && latest >= 0 && draft.stamp.seconds > latest;
      searchedForJoins ||= mayJoin;
      if (mayJoin) joinQuestions[i] = joinQuestion(sign, timeMovesOn);
      if (mayJoin && joins.opensWithRepeat(draftText(draft.lines, source), following, sign, earlier, timeMovesOn)) {
        finishChunk(undefined);
        chunkBoundary = 'repeat';
      }
    }
    previousLabel = draft.label;
    if (chunkSignature === undefined) {
      chunkSignature = sig;
      chunkForm = draft.form;
    }
    // A turn of another shape is passed over: the chunk's format still holds around it.
    if (sameFormat(sig, chunkSignature)) {
      turnsInFormat++;
      // The chunk's format is its latest turn's that has notes: a turn cut off before its note
      // says nothing of the notes the chunk writes.
      if (hasNotes(sig)) {
        chunkSignature = sig;
        chunkForm = draft.form;
      }
    }

    const speakerKey = lowerCased(draft.form === 'announced' ? draft.name! : draft.label);
    let speaker = chunkSpeakers.get(speakerKey);
    if (!speaker) {
      speaker = { index: base.speaker + speakers.length + chunkSpeakers.size, turnIndices: [], label: draft.label };
      chunkSpeakers.set(speakerKey, speaker);
    }
    if (speaker.name === undefined && draft.name !== undefined) speaker.name = draft.name;
    const turnIndex = base.turn + turns.length;
    speaker.turnIndices.push(turnIndex);

    const turn = numberedTurn(draft, quoted, turnIndex, base.chunk + chunks.length, speaker.index, source);
    turns.push(turn);
    joins.addTurn(turn);
    if (chunkTurnCount++ === 0) chunkFirstTurn = turnIndex;
    const seconds = draft.stamp?.seconds;
    if (seconds !== undefined) {
      earliest = earliest < 0 ? seconds : Math.min(earliest, seconds);
      latest = latest < 0 ? seconds : Math.max(latest, seconds);
    }
  }
  finishChunk(undefined);
  joins.release();

  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // The lists are not kept (the model's take their objects), so they go as they are.
  return { part: { chunks, turns, speakers, markers: markers.map((m) => m.marker), problems }, searchedForJoins, joinQuestions };
}
