import { Analysis, type Derivation } from '../analysis/analysis';
import { sectionEndAfter } from '../parse/sections';
import type { Problem, ProblemCode, Range, Turn } from '../model';
import type { Overlap } from '../checks/overlap/overlapResult';
import type { RepetitionLoop } from '../checks/repetition';
import { backwardsMessage, describeGap, type BackwardsStamp, type RepeatedStamp } from '../checks/timestamps';
import { sameSettings, type TranscriptSettings } from '../settings';
import { describeTime } from '../util/timestampFormat';
import { notATranscriptReason } from './notATranscript';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode = ProblemCode | 'timestamp-order' | 'timestamp-repeated' | 'duplicate-overlap' | 'repetition-loop' | 'not-a-transcript';

export interface RelatedInformation {
  readonly range: Range;
  readonly message: string;
}

/** A diagnostic in the service's own terms; the LSP adapter and the CLI map it for their users. */
export interface TranscriptDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The editor fades the range: text that can go. */
  readonly unnecessary?: boolean;
  readonly related?: readonly RelatedInformation[];
}

const PROBLEM_SEVERITY: Record<ProblemCode, Severity> = {
  'timestamp-malformed': 'error',
  'unterminated-quote': 'warning',
  'orphan-sentiment': 'warning',
  'unrecognized-line': 'information',
  'suspect-header': 'warning',
};

/** Where each code is explained, for `codeDescription` links and the CLI. */
export const DOCS_URL = 'https://github.com/transcript-editor/transcript-editor/blob/main/docs/diagnostics.md';

export function docsLink(code: DiagnosticCode): string {
  return `${DOCS_URL}#${code}`;
}

/**
 * The diagnostics of the text's first part alone: up to the end of the first section after
 * `characters`, checked on its own. Every check looks back, never ahead, and a section parses the
 * same whatever follows it, so these are the whole text's diagnostics in that part. Undefined when
 * there is no such part in the text's first half, or it has no turn (the whole may well have).
 */
export function firstPartDiagnostics(text: string, settings: TranscriptSettings, characters: number): TranscriptDiagnostic[] | undefined {
  const cut = sectionEndAfter(text, characters, text.length / 2 - characters);
  if (cut === undefined) return undefined;
  const part = new Analysis(text.slice(0, cut), settings);
  return part.model.turns.length === 0 ? undefined : computeDiagnostics(part);
}

/** Every diagnostic of the analysis, in document order. */
export function computeDiagnostics(analysis: Analysis): TranscriptDiagnostic[] {
  const refusal = notATranscriptReason(analysis.model, () => analysis.text);
  if (refusal) return [notATranscriptDiagnostic(analysis, refusal)];
  const diagnostics: TranscriptDiagnostic[] = analysis.model.problems.map(problemDiagnostic);
  const { backwards, repeated } = analysis.timestamps;
  for (const finding of backwards) diagnostics.push(backwardsDiagnostic(finding));
  if (analysis.settings.reportRepeatedTimestamps) for (const finding of repeated) diagnostics.push(repeatedDiagnostic(finding));
  for (const overlap of analysis.overlaps) diagnostics.push(...overlapDiagnostics(overlap));
  for (const loop of analysis.repetitionLoops) diagnostics.push(loopDiagnostic(loop));
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The diagnostics an editor shows of a version, and how many there are of each code. */
export interface ShownDiagnostics {
  /** The first `limit` by severity (errors first, each severity in document order), given in document order. */
  readonly shown: readonly TranscriptDiagnostic[];
  readonly total: number;
  readonly byCode: Readonly<Partial<Record<DiagnosticCode, number>>>;
}

/**
 * What `computeDiagnostics` gives, cut as VS Code cuts a file's problems (it keeps the first
 * 1,000 by severity), made without making the others: a 20 MB transcript has about 40,000, and
 * making them all after each keystroke took about 250 ms, keeping them all 25 MB.
 *
 * Each finding's place in the order (its severity and where it starts, one number) is kept while
 * the finding is: a parser problem, an overlap and a loop are objects the next version keeps while
 * the edit leaves their section alone, and a stamp's finding is known by its turn. So a keystroke
 * reads the places of what it touched, orders the numbers, and makes the diagnostics of the first
 * `limit`; those are kept too, so that a version whose shown problems did not change gives the
 * same objects (the server then answers a pull `unchanged`).
 */
export const SHOWN_DIAGNOSTICS: Derivation<(limit: number) => ShownDiagnostics, ShownState> = {
  initial: () => ({ places: new WeakMap(), made: new WeakMap() }),
  compute(analysis, state) {
    if (state.settings && !sameSettings(state.settings, analysis.settings)) {
      state.places = new WeakMap();
      state.made = new WeakMap();
    }
    state.settings = analysis.settings;
    const answers = new Map<number, ShownDiagnostics>();
    return (limit) => {
      let answer = answers.get(limit);
      if (!answer) answers.set(limit, (answer = shownDiagnostics(analysis, state, limit)));
      return answer;
    };
  },
};

interface ShownState {
  /** The settings the places and diagnostics below were made under. */
  settings?: TranscriptSettings;
  /** Each finding's place (`placeOf`); an overlap's, one per turn of its repeat; a stamp finding's, by its turn and kind. */
  places: WeakMap<object, number | readonly number[]>;
  /** The diagnostics made of findings shown, by finding (an overlap's, all of them). */
  made: WeakMap<object, TranscriptDiagnostic | readonly TranscriptDiagnostic[]>;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const LINE_UNIT = 2 ** 24;
const SEVERITY_UNIT = 2 ** 50;

/**
 * A finding's place as one number: its severity, then its line, then its character (up to 2^24:
 * past that on one line, diagnostics keep the order they were found in). Exact in a double.
 */
function placeOf(severity: Severity, { line, character }: { line: number; character: number }): number {
  return SEVERITY_RANK[severity] * SEVERITY_UNIT + line * LINE_UNIT + Math.min(character, LINE_UNIT - 1);
}

/** A stamp finding's own key: the turn's stamp is the finding, a backwards one and a repeated one apart. */
const BACKWARDS_KEYS = new WeakMap<Turn, object>();
const REPEATED_KEYS = new WeakMap<Turn, object>();
function stampKey(keys: WeakMap<Turn, object>, turn: Turn): object {
  let key = keys.get(turn);
  if (!key) keys.set(turn, (key = {}));
  return key;
}

function shownDiagnostics(analysis: Analysis, state: ShownState, limit: number): ShownDiagnostics {
  const refusal = notATranscriptReason(analysis.model, () => analysis.text);
  if (refusal) {
    const diagnostic = notATranscriptDiagnostic(analysis, refusal);
    return { shown: limit > 0 ? [diagnostic] : [], total: 1, byCode: { [diagnostic.code]: 1 } };
  }
  // Every finding with its place, in the order `computeDiagnostics` lists them before sorting, so
  // that ties keep that order: what it is (`kinds`, `findings`, and for an overlap which of its
  // diagnostics) and where. No closure or object is made per finding: there are 40,000 on 20 MB.
  // Counted first, so that the lists are made at their size (grown by `push`, they cost most of a
  // keystroke on 20 MB).
  const { backwards, repeated } = analysis.timestamps;
  const reportRepeated = analysis.settings.reportRepeatedTimestamps;
  let count = analysis.model.problems.length + backwards.length + (reportRepeated ? repeated.length : 0) + analysis.repetitionLoops.length;
  for (const overlap of analysis.overlaps) count += overlap.repeat.length;
  const places = new Float64Array(count);
  const kinds = new Uint8Array(count);
  const findings: object[] = new Array<object>(count);
  const spans = new Int32Array(count);
  let added = 0;
  const byCode: Partial<Record<DiagnosticCode, number>> = {};
  const add = (kind: Kind, finding: object, place: number, span = 0) => {
    places[added] = place;
    kinds[added] = kind;
    findings[added] = finding;
    spans[added++] = span;
  };
  const known = state.places;

  for (const problem of analysis.model.problems) {
    byCode[problem.code] = (byCode[problem.code] ?? 0) + 1;
    let place = known.get(problem) as number | undefined;
    if (place === undefined) known.set(problem, (place = placeOf(PROBLEM_SEVERITY[problem.code], problem.range.start)));
    add(Kind.Problem, problem, place);
  }
  if (backwards.length > 0) byCode['timestamp-order'] = backwards.length;
  for (const finding of backwards) {
    const key = stampKey(BACKWARDS_KEYS, finding.turn);
    let place = known.get(key) as number | undefined;
    if (place === undefined) known.set(key, (place = placeOf('warning', finding.stamp.range.start)));
    add(Kind.Backwards, finding, place);
  }
  if (reportRepeated) {
    if (repeated.length > 0) byCode['timestamp-repeated'] = repeated.length;
    for (const finding of repeated) {
      const key = stampKey(REPEATED_KEYS, finding.turn);
      let place = known.get(key) as number | undefined;
      if (place === undefined) known.set(key, (place = placeOf('information', finding.stamp.range.start)));
      add(Kind.Repeated, finding, place);
    }
  }
  for (const overlap of analysis.overlaps) {
    byCode['duplicate-overlap'] = (byCode['duplicate-overlap'] ?? 0) + overlap.repeat.length;
    let overlapPlaces = known.get(overlap) as readonly number[] | undefined;
    if (!overlapPlaces) known.set(overlap, (overlapPlaces = overlap.repeat.map((span) => placeOf('warning', span.range.start))));
    for (let span = 0; span < overlapPlaces.length; span++) add(Kind.Overlap, overlap, overlapPlaces[span]!, span);
  }
  for (const loop of analysis.repetitionLoops) {
    byCode['repetition-loop'] = (byCode['repetition-loop'] ?? 0) + 1;
    let place = known.get(loop) as number | undefined;
    if (place === undefined) known.set(loop, (place = placeOf('warning', loop.extra.start)));
    add(Kind.Loop, loop, place);
  }

  const total = added;
  // The first `limit` by place, ties in the order found: every finding placed before the
  // `limit`-th smallest place, then as many of those at that place as fit, in order. Sorting the
  // numbers alone finds that place faster than ordering the findings.
  const taken: number[] = [];
  if (limit > 0 && total > 0) {
    const sorted = places.slice(0, total).sort();
    const last = sorted[Math.min(limit, total) - 1]!;
    let atLast = limit - sorted.indexOf(last);
    for (let index = 0; index < total; index++) {
      const place = places[index]!;
      if (place < last || (place === last && atLast-- > 0)) taken.push(index);
    }
  }
  // Back in document order, ties in the order found.
  taken.sort((a, b) => (places[a]! % SEVERITY_UNIT) - (places[b]! % SEVERITY_UNIT) || a - b);
  return { shown: taken.map((index) => shownDiagnostic(state, kinds[index]! as Kind, findings[index]!, spans[index]!)), total, byCode };
}

const enum Kind {
  Problem,
  Backwards,
  Repeated,
  Overlap,
  Loop,
}

/** The diagnostic of a finding shown, made once and kept while the finding is. */
function shownDiagnostic(state: ShownState, kind: Kind, finding: object, span: number): TranscriptDiagnostic {
  const { made } = state;
  switch (kind) {
    case Kind.Problem: {
      const problem = finding as Problem;
      let diagnostic = made.get(problem) as TranscriptDiagnostic | undefined;
      if (!diagnostic) made.set(problem, (diagnostic = problemDiagnostic(problem)));
      return diagnostic;
    }
    case Kind.Backwards: {
      // Kept while the stamp it contradicts is the same turn, by the same gap.
      const stamp = finding as BackwardsStamp;
      const key = stampKey(BACKWARDS_KEYS, stamp.turn);
      const kept = made.get(key) as TranscriptDiagnostic | undefined;
      const madeOf = keptBackwards.get(key);
      if (kept && madeOf?.latest === stamp.latestTurn && madeOf.gap === stamp.gap) return kept;
      const fresh = backwardsDiagnostic(stamp);
      made.set(key, fresh);
      keptBackwards.set(key, { latest: stamp.latestTurn, gap: stamp.gap });
      return fresh;
    }
    case Kind.Repeated: {
      const stamp = finding as RepeatedStamp;
      const key = stampKey(REPEATED_KEYS, stamp.turn);
      const kept = made.get(key) as TranscriptDiagnostic | undefined;
      if (kept && keptRepeated.get(key) === stamp.previousTurn) return kept;
      const fresh = repeatedDiagnostic(stamp);
      made.set(key, fresh);
      keptRepeated.set(key, stamp.previousTurn);
      return fresh;
    }
    case Kind.Overlap: {
      const overlap = finding as Overlap;
      let diagnostics = made.get(overlap) as readonly TranscriptDiagnostic[] | undefined;
      if (!diagnostics) made.set(overlap, (diagnostics = overlapDiagnostics(overlap)));
      return diagnostics[span]!;
    }
    case Kind.Loop: {
      const loop = finding as RepetitionLoop;
      let diagnostic = made.get(loop) as TranscriptDiagnostic | undefined;
      if (!diagnostic) made.set(loop, (diagnostic = loopDiagnostic(loop)));
      return diagnostic;
    }
  }
}

/** What each kept stamp diagnostic was made of: the turn it contradicts (or repeats), and by how much. */
const keptBackwards = new WeakMap<object, { readonly latest: Turn; readonly gap: number }>();
const keptRepeated = new WeakMap<object, Turn>();

function problemDiagnostic(problem: Problem): TranscriptDiagnostic {
  return { code: problem.code, severity: PROBLEM_SEVERITY[problem.code], message: problem.message, range: problem.range };
}

function repeatedDiagnostic(finding: RepeatedStamp): TranscriptDiagnostic {
  return {
    code: 'timestamp-repeated',
    severity: 'information',
    message: `${describeTime(finding.stamp.seconds)} repeats the stamp of the turn before (line ${finding.previous.stamp.range.start.line + 1})`,
    range: finding.stamp.range,
    related: [{ range: finding.previous.stamp.range, message: 'The same stamp, one turn earlier' }],
  };
}

/**
 * A text with no turn at all gets this one note at its first line instead of one for every line
 * the parser could not place: a page of prose is not a transcript with hundreds of problems.
 */
function notATranscriptDiagnostic(analysis: Analysis, refusal: string): TranscriptDiagnostic {
  const line = Math.max(
    0,
    analysis.lines.findIndex((text) => /\S/.test(text)),
  );
  // `lines` has a line at least (an empty text has one): `line` is one of them.
  const text = analysis.lines[line]!;
  return {
    code: 'not-a-transcript',
    severity: 'information',
    message: `This does not look like a transcript: ${refusal.replace(/^not a transcript: /, '')}.`,
    range: { start: { line, character: 0 }, end: { line, character: text.length } },
  };
}

/** The `timestamp-order` diagnostic of one backwards stamp. */
export function backwardsDiagnostic(finding: BackwardsStamp): TranscriptDiagnostic {
  return {
    code: 'timestamp-order',
    severity: 'warning',
    message: backwardsMessage(finding),
    range: finding.stamp.range,
    related: [
      {
        range: finding.latest.stamp.range,
        message: `Earlier in the file, and ${describeGap(finding.gap)} later: ${describeTime(finding.latest.stamp.seconds)}`,
      },
    ],
  };
}

/**
 * One diagnostic per turn the repeat touches, each covering only the repeated words. Each points
 * at the original as one range, from its first word to its last: a long repeat touches dozens of
 * turns on both sides, and a location per turn of the original in each diagnostic made a
 * diagnostic of kilobytes (1.6 MB of JSON for 500 diagnostics).
 */
export function overlapDiagnostics(overlap: Overlap): TranscriptDiagnostic[] {
  const first = overlap.original[0]!.range;
  const last = overlap.original[overlap.original.length - 1]!.range;
  const related = [{ range: { start: first.start, end: last.end }, message: 'The original text' }];
  const originalLine = first.start.line;
  const compared = Math.max(overlap.repeatLength, overlap.originalLength);
  const turns = overlap.repeat.length;
  // The counts are the whole repeat's: on a repeat over several turns, each turn's problem says which part it is.
  const part = (index: number) => (turns > 1 ? ` (turn ${index + 1} of the ${turns} it spans)` : '');
  return overlap.repeat.map((span, index) => ({
    code: 'duplicate-overlap' as const,
    severity: 'warning' as const,
    message: `This text repeats the end of the previous chunk (line ${originalLine + 1}): ${overlap.matchedWords} of ${compared} words match${part(index)}.`,
    range: span.range,
    unnecessary: true,
    related,
  }));
}

/** Words of a loop's phrase a message quotes before it says `…`. */
const QUOTED_PHRASE_WORDS = 8;

/** The `repetition-loop` diagnostic of one loop: it covers, and fades, the copies after the first. */
export function loopDiagnostic(loop: RepetitionLoop): TranscriptDiagnostic {
  const words = loop.phrase.split(' ');
  const quoted = words.length > QUOTED_PHRASE_WORDS ? `${words.slice(0, QUOTED_PHRASE_WORDS).join(' ')} …` : loop.phrase;
  return {
    code: 'repetition-loop',
    severity: 'warning',
    message: `“${quoted}” ${loop.copies} times in a row: speech-to-text repeating itself`,
    range: loop.extra,
    unnecessary: true,
    related: [{ range: loop.first, message: 'The first copy, which Keep one copy keeps' }],
  };
}
