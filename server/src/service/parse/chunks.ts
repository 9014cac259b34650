import type { BoundaryKind, Problem, SentimentForm, TurnForm } from '../model';
import { ParsedChunk, ParsedSpeaker, type ParsedMarker } from './parsedChunk';
import { ParsedTurn } from './parsedTurn';
import type { ModelPart } from './modelPart';
import type { ParseBase } from './parseBase';
import { Memo, ownString, type SectionText } from './sourceText';
import { NO_SENTIMENTS, unquote, type PlacedMarker, type TurnDraft } from './turns';
import { draftText, JoinFinder } from './joins';

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
  const sentiment = draft.notes[0]?.form ?? 'none';
  return (SIGNATURE_FORMS.indexOf(draft.form) * 2 + (quoted ? 1 : 0)) * SIGNATURE_SENTIMENTS.length + SIGNATURE_SENTIMENTS.indexOf(sentiment);
}

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
const SPEAKER_FORMS: ReadonlySet<TurnForm> = new Set([...PIPELINE_FORMS, 'bold', 'bracketed', 'rev', 'otter', 'label-stamp-line']);
const SIGNATURE_SENTIMENTS = Object.keys(SENTIMENT_DESCRIPTIONS) as Array<SentimentForm | 'none'>;

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
  while (start > 0 && label.charCodeAt(start - 1) >= 0x30 && label.charCodeAt(start - 1) <= 0x39) start--;
  return start < label.length ? Number(label.slice(start)) : 0;
}

export function assemble(
  drafts: readonly TurnDraft[],
  markers: readonly PlacedMarker[],
  problems: Problem[],
  base: ParseBase,
  lines: readonly string[],
  source: SectionText,
): ModelPart {
  const lineAt = (line: number) => lines[line - base.line]!;
  const turns: ParsedTurn[] = [];
  const chunks: ParsedChunk[] = [];
  const speakers: ParsedSpeaker[] = [];

  /** The chunk's turns so far: the first one's index, and how many. */
  let chunkFirstTurn = 0;
  let chunkTurnCount = 0;
  let chunkBoundary: BoundaryKind = base.chunk === 0 ? 'document-start' : 'explicit';
  let chunkSignature: number | undefined;
  /** The form of the turn that set `chunkSignature`. */
  let chunkForm: TurnForm | undefined;
  /** Earliest and latest valid stamps of the chunk's turns so far; -1 before the first. */
  let earliest = -1;
  let latest = -1;
  let chunkSpeakers = new Map<string, { index: number; turnIndices: number[]; name?: string; label: string }>();
  const joins = new JoinFinder();
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
    chunkSpeakers = new Map();
    joins.startChunk();
  };

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
    // Only the chunked pipeline's own forms show a join by a change of format; in the other
    // layouts a turn's shape varies within one recording (a speaker's name over stamped
    // segments, a quoted cue), and a chunk there starts only at a marker.
    if (chunkSignature !== undefined && sig !== chunkSignature && PIPELINE_FORMS.has(draft.form) && PIPELINE_FORMS.has(chunkForm!)) {
      finishChunk(undefined);
      chunkBoundary = 'implicit';
    }
    // A turn that opens by repeating the chunk's text before it starts a chunk: a join that
    // shows in nothing else.
    if (chunkTurnCount > 0) {
      // A stamp that goes back, or that stands still at the latest: the same moment said twice.
      const stampGoesBack = draft.stamp !== undefined && latest >= 0 && draft.stamp.seconds <= latest;
      // `Speaker 1 (Clinton)` in a chunk where Clinton was `Speaker 3`: the labels started over.
      const labelRestarts = draft.name !== undefined && [...chunkSpeakers.values()].some((s) => s.name === draft.name && s.label !== draft.label);
      // The turns after it up to the next marker: the same section, whichever way it is parsed.
      const nextMarker = markers[markerIndex]?.turnsBefore ?? drafts.length;
      const following = (k: number) => {
        const next = i + 1 + k < nextMarker ? drafts[i + 1 + k] : undefined;
        return next && draftText(next.lines, source);
      };
      const earlier = (k: number) => (k < chunkTurnCount ? turns[turns.length - 1 - k] : undefined);
      const sign = stampGoesBack || labelRestarts ? 'strong' : numberOf(draft.label) === 1 && numberOf(previousLabel) > 1 ? 'weak' : 'none';
      // Captions and segments join only with a stamp that goes back: rolling captions repeat the
      // line before by design.
      const mayJoin = SPEAKER_FORMS.has(draft.form) || sign === 'strong';
      const timeMovesOn = draft.stamp !== undefined && latest >= 0 && draft.stamp.seconds > latest;
      if (mayJoin && joins.opensWithRepeat(draftText(draft.lines, source), following, sign, earlier, timeMovesOn)) {
        finishChunk(undefined);
        chunkBoundary = 'repeat';
      }
    }
    previousLabel = draft.label;
    if (chunkSignature === undefined || PIPELINE_FORMS.has(draft.form)) {
      chunkSignature = sig;
      chunkForm = draft.form;
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

    draft.index = turnIndex;
    draft.chunkIndex = base.chunk + chunks.length;
    draft.speakerIndex = speaker.index;
    draft.quoted = quoted;
    draft.segmentPlaces = draft.lines;
    draft.sentiments = draft.notes.length === 0 ? NO_SENTIMENTS : draft.notes;
    const turn = new ParsedTurn(draft, source);
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
  return { chunks, turns, speakers, markers: markers.map((m) => m.marker), problems };
}
