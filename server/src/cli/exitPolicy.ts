import type { CheckSummary } from './formatters/summary';

/** The severities `--fail-on` takes, most severe first. Hints never fail a check. */
export const FAIL_LEVELS = ['error', 'warning', 'information'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

/**
 * When `check` exits 1, as ESLint decides it: errors always fail; warnings fail when there are
 * more of them than `maxWarnings`; information notes fail only at `--fail-on information`.
 */
export interface ExitPolicy {
  /** The least severe diagnostic that fails the check (default `warning`). */
  readonly failOn: FailLevel;
  /**
   * How many warnings pass; one more fails. Without it, none pass at `--fail-on warning` or
   * `information`, and any number at `--fail-on error`. Given, it holds whatever `--fail-on` says.
   */
  readonly maxWarnings?: number;
}

export const DEFAULT_EXIT_POLICY: ExitPolicy = { failOn: 'warning' };

/** The warnings that pass under the policy. */
export function warningBudget(policy: ExitPolicy): number {
  return policy.maxWarnings ?? (policy.failOn === 'error' ? Infinity : 0);
}

/** Whether the diagnostics counted in `summary` fail the check. Files that failed are not counted here. */
export function failsCheck(summary: CheckSummary, policy: ExitPolicy): boolean {
  if (summary.error > 0) return true;
  if (summary.warning > warningBudget(policy)) return true;
  return policy.failOn === 'information' && summary.information > 0;
}
