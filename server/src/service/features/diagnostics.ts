import { Analysis, type Derivation } from '../analysis/analysis';
import { sectionEndAfter } from '../parse/sections';
import type { Problem, ProblemCode, Range, Turn } from '../model';
import type { Overlap } from '../checks/overlap/overlapResult';
import type { RepetitionLoop } from '../checks/repetition';
import { backwardsMessage, type BackwardsStamp, type RepeatedStamp } from '../checks/timestamps';
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

/** Every diagnostic of the analysis, in document order, made afresh: what `DIAGNOSTICS` keeps equal to. */
export function computeDiagnostics(analysis: Analysis): TranscriptDiagnostic[] {
  return diagnosticsOf(analysis, initialState());
}

/**
 * The diagnostics of a version, kept with it, each made from its finding only when that finding
 * is new: a parser problem, an overlap and a repetition loop are objects that later versions keep
 * while the edit leaves their section alone, and a stamp's finding is known by its turn and the
 * turn it contradicts. So a keystroke makes the diagnostics of what it touched, and the others
 * are the same objects as in the version before (which lets the server keep their protocol form).
 */
export const DIAGNOSTICS: Derivation<readonly TranscriptDiagnostic[], DiagnosticsState> = {
  initial: initialState,
  compute: (analysis, state) => diagnosticsOf(analysis, state),
};

interface DiagnosticsState {
  /** The settings the diagnostics below were made under: messages and findings depend on them. */
  settings?: TranscriptSettings;
  problems: WeakMap<Problem, TranscriptDiagnostic>;
  backwards: WeakMap<Turn, { readonly latest: Turn; readonly gap: number; readonly diagnostic: TranscriptDiagnostic }>;
  repeated: WeakMap<Turn, { readonly previous: Turn; readonly diagnostic: TranscriptDiagnostic }>;
  overlaps: WeakMap<Overlap, readonly TranscriptDiagnostic[]>;
  loops: WeakMap<RepetitionLoop, TranscriptDiagnostic>;
}

function initialState(): DiagnosticsState {
  return { problems: new WeakMap(), backwards: new WeakMap(), repeated: new WeakMap(), overlaps: new WeakMap(), loops: new WeakMap() };
}

function diagnosticsOf(analysis: Analysis, state: DiagnosticsState): TranscriptDiagnostic[] {
  if (state.settings && !sameSettings(state.settings, analysis.settings)) Object.assign(state, initialState());
  state.settings = analysis.settings;
  const refusal = notATranscriptReason(analysis.model, analysis.text);
  if (refusal) return [notATranscriptDiagnostic(analysis, refusal)];
  const diagnostics: TranscriptDiagnostic[] = [];
  for (const problem of analysis.model.problems) {
    let diagnostic = state.problems.get(problem);
    if (!diagnostic) {
      diagnostic = { code: problem.code, severity: PROBLEM_SEVERITY[problem.code], message: problem.message, range: problem.range };
      state.problems.set(problem, diagnostic);
    }
    diagnostics.push(diagnostic);
  }

  const { backwards, repeated } = analysis.timestamps;
  for (const finding of backwards) {
    let kept = state.backwards.get(finding.turn);
    if (!kept || kept.latest !== finding.latestTurn || kept.gap !== finding.gap) {
      kept = { latest: finding.latestTurn, gap: finding.gap, diagnostic: backwardsDiagnostic(finding) };
      state.backwards.set(finding.turn, kept);
    }
    diagnostics.push(kept.diagnostic);
  }
  if (analysis.settings.reportRepeatedTimestamps) {
    for (const finding of repeated) {
      let kept = state.repeated.get(finding.turn);
      if (!kept || kept.previous !== finding.previousTurn) {
        kept = { previous: finding.previousTurn, diagnostic: repeatedDiagnostic(finding) };
        state.repeated.set(finding.turn, kept);
      }
      diagnostics.push(kept.diagnostic);
    }
  }
  for (const overlap of analysis.overlaps) {
    let made = state.overlaps.get(overlap);
    if (!made) state.overlaps.set(overlap, (made = overlapDiagnostics(overlap)));
    for (const diagnostic of made) diagnostics.push(diagnostic);
  }
  for (const loop of analysis.repetitionLoops) {
    let diagnostic = state.loops.get(loop);
    if (!diagnostic) state.loops.set(loop, (diagnostic = loopDiagnostic(loop)));
    diagnostics.push(diagnostic);
  }

  // Each kind comes in document order: the sort merges a few sorted runs.
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
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
  const text = analysis.lines[line] ?? '';
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
    related: [{ range: finding.latest.stamp.range, message: `The later time ${describeTime(finding.latest.stamp.seconds)} it contradicts` }],
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
  return overlap.repeat.map((span) => ({
    code: 'duplicate-overlap' as const,
    severity: 'warning' as const,
    message: `This text repeats the end of the previous chunk (line ${originalLine + 1}): ` + `${overlap.matchedWords} of ${compared} words match.`,
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
