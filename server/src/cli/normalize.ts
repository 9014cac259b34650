import { createTranscriptService } from '../service';
import { parseCommandArgs } from './args';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors';
import { loadTranscript, transcriptDocument } from './files';
import { colors, useColor, writeStdout } from './terminal';
import { unifiedDiff, writeFileAtomically } from './writeFiles';

export const NORMALIZE_HELP = `Usage: transcript normalize [--dry-run] FILE [-o OUT]

Rewrites a transcript in one canonical layout made of the seed transcript's own
forms, keeping every turn, stamp, speaker label and name, sentiment label and
chunk boundary. Each chunk keeps the richest form for what its turns carry:

  Speaker 1 (Mark Chen): "text"      turns with names (no stamps)
  [00:01:31] Speaker 1: "text"       turns with stamps
  Speaker 1: "text"                  turns with neither
  [00:16:08] Speaker: Researcher     an announced speaker, then
  Researcher: "text"                 the text under the announced name

Text is always in double quotes; each sentiment note becomes a
"Sentiment: X" line after its turn; turns are separated by a blank line;
every chunk boundary is written as "This chunk continues in the next part."
(also where only the format changed), "This is the last chunk." stays; valid
stamps become [HH:MM:SS]. Malformed stamps and lines that belong to no turn
are kept as written. The byte-order mark and line endings are kept.

The result is parsed again before anything is written: if it would not give
the same turns, speakers, times and sentiment, nothing is written.

Options:
  -o, --output OUT   Write to OUT instead of rewriting FILE ('-' for standard output)
  --dry-run          Print a unified diff of what would change; write nothing
  -h, --help         Show this help

Exit status: 0 done (or nothing to change), 1 with --dry-run when something
would change, 2 bad usage or the file could not be read or written.

Examples:
  transcript normalize interview.transcript
  transcript normalize --dry-run interview.transcript
  transcript normalize raw.txt -o clean.transcript
`;

export async function runNormalize(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('normalize', args, {
    output: { type: 'string', short: 'o' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await writeStdout(NORMALIZE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one transcript to normalize', 'normalize');
  if (values['dry-run'] && values.output !== undefined) throw new UsageError('--dry-run writes nothing, so it takes no --output', 'normalize');
  const file = positionals[0]!;

  const { text, bom } = await loadTranscript(file);
  const service = createTranscriptService();
  const document = transcriptDocument(service, file, text);

  const outcome = service.normalize(document);
  if (outcome.outcome === 'would-change-content') {
    throw new CliError(`${file}: normalizing would change the transcript (${outcome.difference}); nothing was written`);
  }
  // Already normalized, or blank (a file with text but no turn was refused above).
  const normalized = outcome.outcome === 'normalized' ? outcome.text : text;

  if (values['dry-run']) {
    if (normalized === text) return EXIT_OK;
    await writeStdout(unifiedDiff(file, text, normalized, colors(useColor(process.stdout)), 'normalized'));
    return EXIT_PROBLEMS;
  }
  const output = values.output ?? file;
  if (output === '-') {
    await writeStdout(bom ? `\uFEFF${normalized}` : normalized);
    return EXIT_OK;
  }
  if (output === file && normalized === text) {
    process.stderr.write(`${file}: already normalized\n`);
    return EXIT_OK;
  }
  await writeFileAtomically(output, normalized, { bom });
  process.stderr.write(`${output}: normalized\n`);
  return EXIT_OK;
}
