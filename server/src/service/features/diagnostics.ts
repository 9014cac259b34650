import type { Analysis } from '../analysis/analysis';
import type { ProblemCode, Range } from '../model';
import type { Overlap } from '../checks/overlap/overlapResult';
import type { RepetitionLoop } from '../checks/repetition';
import { backwardsMessage, describeGap, type BackwardsStamp } from '../checks/timestamps';
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

export function computeDiagnostics(analysis: Analysis): TranscriptDiagnostic[] {
  const refusal = notATranscriptReason(analysis.model, analysis.text);
  if (refusal) return [notATranscriptDiagnostic(analysis, refusal)];
  const diagnostics: TranscriptDiagnostic[] = analysis.model.problems.map((problem) => ({
    code: problem.code,
    severity: PROBLEM_SEVERITY[problem.code],
    message: problem.message,
    range: problem.range,
  }));

  const { backwards, repeated } = analysis.timestamps;
  for (const finding of backwards) diagnostics.push(backwardsDiagnostic(finding));
  if (analysis.settings.reportRepeatedTimestamps) {
    for (const finding of repeated) {
      diagnostics.push({
        code: 'timestamp-repeated',
        severity: 'information',
        message: `${describeTime(finding.stamp.seconds)} repeats the stamp of the turn before (line ${finding.previous.stamp.range.start.line + 1})`,
        range: finding.stamp.range,
        related: [{ range: finding.previous.stamp.range, message: 'The same stamp, one turn earlier' }],
      });
    }
  }
  for (const overlap of analysis.overlaps) diagnostics.push(...overlapDiagnostics(overlap));
  for (const loop of analysis.repetitionLoops) diagnostics.push(loopDiagnostic(loop));

  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
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
    related: [
      {
        range: finding.latest.stamp.range,
        message: `Earlier in the file, and ${describeGap(finding.gap)} later: ${describeTime(finding.latest.stamp.seconds)}`,
      },
    ],
  };
}

/** One diagnostic per turn the repeat touches, each covering only the repeated words. */
export function overlapDiagnostics(overlap: Overlap): TranscriptDiagnostic[] {
  const related = overlap.original.map((span) => ({ range: span.range, message: 'The original text' }));
  const originalLine = overlap.original[0]!.range.start.line;
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
