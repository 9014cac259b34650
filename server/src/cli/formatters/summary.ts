import type { Severity } from '../../service';
import type { FileCheck } from '../checkFiles';

export interface CheckSummary {
  readonly files: number;
  readonly filesWithProblems: number;
  /** Files that could not be checked. */
  readonly failed: number;
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export function summarize(results: readonly FileCheck[]): CheckSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithProblems = 0;
  let failed = 0;
  for (const result of results) {
    if ('error' in result) {
      failed++;
      continue;
    }
    if (result.diagnostics.length > 0) filesWithProblems++;
    for (const diagnostic of result.diagnostics) counts[diagnostic.severity]++;
  }
  return { files: results.length, filesWithProblems, failed, ...counts };
}

export function problemCount(summary: CheckSummary): number {
  return summary.error + summary.warning + summary.information + summary.hint;
}
