import type { ProblemCode, Range, TranscriptModel } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode = ProblemCode;

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
  readonly unnecessary?: boolean;
  readonly related?: readonly RelatedInformation[];
}

const PROBLEM_SEVERITY: Record<ProblemCode, Severity> = {
  'timestamp-malformed': 'error',
  'unterminated-quote': 'warning',
  'orphan-sentiment': 'warning',
  'unrecognized-line': 'information',
};

/** Where each code is explained, for `codeDescription` links and the CLI. */
export const DOCS_URL = 'https://github.com/transcript-editor/transcript-editor/blob/main/docs/diagnostics.md';

export function docsLink(code: DiagnosticCode): string {
  return `${DOCS_URL}#${code}`;
}

export function computeDiagnostics(model: TranscriptModel): TranscriptDiagnostic[] {
  return model.problems.map((problem) => ({
    code: problem.code,
    severity: PROBLEM_SEVERITY[problem.code],
    message: problem.message,
    range: problem.range,
  }));
}
