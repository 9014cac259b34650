import fc from 'fast-check';

/*
 * How many cases a property tries. Unset, `PROPERTY_RUNS` changes nothing: each property runs as
 * many cases as it asks for, from a fresh seed each time.
 *
 * Mutation testing sets it (stryker.config.mjs). A mutant no test kills runs every test file that
 * reaches it, and the property tests are most of that time. Set to N, a property tries at most N
 * cases, from one fixed seed, so a mutant's verdict is the same on every run and the incremental
 * mode may keep it. What that gives up: a bug that shows in one generated document in hundreds can
 * pass, so a mutant only such a document would kill counts as survived. `npm run test:unit` still
 * runs every property in full.
 */

/** The seed every property uses when the runs are capped (a property that names its own keeps it). */
export const CAPPED_SEED = 22;

const cap = readCap(process.env['PROPERTY_RUNS']);
// The global numRuns is only a default, for a property that asks for no number; the others ask
// through `propertyRuns`.
if (cap !== undefined) fc.configureGlobal({ seed: CAPPED_SEED, numRuns: cap });

function readCap(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`PROPERTY_RUNS must be a whole number above 0, not ${JSON.stringify(value)}`);
  return runs;
}

/** The number of cases a property that asks for `asked` tries: `asked`, or the cap if lower. */
export function propertyRuns(asked: number): number {
  return cap === undefined ? asked : Math.min(asked, cap);
}
