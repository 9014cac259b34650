import type { TranscriptDiagnostic } from '../../service';
import type { FileCheck } from '../checkFiles';
import type { CheckSummary } from './summary';

/**
 * Machine-readable results. Each diagnostic is exactly what the language service gives the
 * editor: the same code, severity and message, and an LSP range (0-based line, UTF-16 column).
 */
export interface CheckJson {
  readonly version: 1;
  readonly files: ReadonlyArray<
    { readonly path: string; readonly diagnostics: readonly TranscriptDiagnostic[] } | { readonly path: string; readonly error: string }
  >;
  readonly summary: CheckSummary;
}

export function formatJson(results: readonly FileCheck[], summary: CheckSummary): string {
  const report: CheckJson = { version: 1, files: results, summary };
  return `${JSON.stringify(report, null, 2)}\n`;
}
