import type { Colors } from 'picocolors/types';
import { countOf, type Severity, type TranscriptDiagnostic } from '../../service';
import type { FileCheck } from '../checkFiles';
import { problemCount, type CheckSummary } from './summary';

/**
 * Compiler-style lines, `file:line:col severity code message`, with 1-based lines and columns
 * (columns count UTF-16 code units, as editors do), so terminals and editors can jump to them.
 */
export function formatText(results: readonly FileCheck[], summary: CheckSummary, c: Colors): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) continue;
    for (const diagnostic of result.diagnostics) lines.push(diagnosticLine(result.path, diagnostic, c));
  }
  lines.push(summaryLine(summary, c));
  return `${lines.join('\n')}\n`;
}

const SEVERITY_STYLE: Record<Severity, keyof Pick<Colors, 'red' | 'yellow' | 'blue' | 'dim'>> = {
  error: 'red',
  warning: 'yellow',
  information: 'blue',
  hint: 'dim',
};

export function diagnosticLine(file: string, diagnostic: TranscriptDiagnostic, c: Colors): string {
  const { line, character } = diagnostic.range.start;
  const where = `${file}:${line + 1}:${character + 1}`;
  const severity = c[SEVERITY_STYLE[diagnostic.severity]](diagnostic.severity);
  // One line per diagnostic, whatever the message holds; a plain class keeps this linear.
  const message = diagnostic.message.replace(/[\r\n]+/g, ' ');
  return `${c.bold(where)} ${severity} ${c.dim(diagnostic.code)} ${message}`;
}

function summaryLine(summary: CheckSummary, c: Colors): string {
  const files = countOf(summary.files - summary.failed, 'file');
  const failed = summary.failed ? `; ${countOf(summary.failed, 'file')} could not be checked` : '';
  const total = problemCount(summary);
  if (total === 0) return `${c.green('No problems')} in ${files}${failed}.`;
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((severity) => summary[severity] > 0)
    .map((severity) => (severity === 'information' ? `${summary[severity]} information` : countOf(summary[severity], severity)));
  const headline = c.bold(`${countOf(total, 'problem')} (${parts.join(', ')})`);
  return `${headline} in ${summary.filesWithProblems} of ${files}${failed}.`;
}
