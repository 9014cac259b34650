import { applyEdits, countOf, createTranscriptService, dominantLineEnding, type TextEdit, type TranscriptLanguageService } from '../service';
import { parseCommandArgs } from './args';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors';
import { expandPaths, InputError, loadTranscript, transcriptDocument } from './files';
import { colors, printError, useColor, writeStdout } from './terminal';
import { unifiedDiff, writeFileAtomically } from './writeFiles';

export const FIX_HELP = `Usage: transcript fix [--names] [--dry-run] PATHS...

Applies every safe fix at once, as "Fix all" does in the editor: removes text
that a chunk repeats from the end of the previous chunk, and the like. Fixes
that need a person's judgement are left for the editor; 'transcript check'
lists what remains.

With --names, it first writes each chunk label of a person with a name as the
name, as "Name Speakers Across the Transcript" does in the editor: chunk 3's
"[00:01:31] Speaker 2:" becomes "[00:01:31] Hillary Clinton:" where the text
shows that Speaker 2 of chunk 3 is Hillary Clinton (a name, a repeat where
chunks meet, a sentence carried across, an introduction, how others address
them). A label whose turns would not read back as the name is left as it is.
Names come before the fixes because the repeats the fixes remove are evidence
of who is who.

PATHS are files, folders (searched recursively for *.transcript and
*.transcript.txt) and glob patterns. Only those files are ever written.

Each file is written atomically: the fixed text goes to a temporary file in the
same folder, which then replaces the file, so a failure never leaves a file
half-written or empty. Line endings and a byte-order mark are kept.

Options:
  --names      Also write each chunk label of a named person as the name
  --dry-run    Print a unified diff of what would change; write nothing
  --no-color   No colour in the diff
  -h, --help   Show this help

Exit status: 0 done (or nothing to fix), 1 with --dry-run when something would
change, 2 bad usage or a file could not be read or written (other files are
still fixed).

Examples:
  transcript fix interview.transcript
  transcript fix --dry-run transcripts/ > fixes.diff
  transcript fix --names interview.transcript
  transcript fix 'season-2/**/*.transcript.txt'
`;

export async function runFix(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('fix', args, {
    'dry-run': { type: 'boolean', default: false },
    names: { type: 'boolean', default: false },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await writeStdout(FIX_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('give at least one file, folder or glob to fix', 'fix');
  const dryRun = values['dry-run'];
  const c = colors(useColor(process.stdout, process.env, values['no-color']));

  const { files, errors } = await expandPaths(positionals);
  let failed = errors.length;
  for (const error of errors) printError(error.message);

  const service = createTranscriptService();
  let changed = 0;
  for (const file of files) {
    try {
      const { text, bom } = await loadTranscript(file);
      const naming = values.names ? namedText(service, file, text) : { text, named: 0, left: 0 };
      const fixed = fixedText(service, file, naming.text);
      if (fixed === text) continue;
      changed++;
      if (dryRun) {
        await writeStdout(unifiedDiff(file, text, fixed, c, 'fixed'));
      } else {
        await writeFileAtomically(file, fixed, { bom });
        await writeStdout(`${file}: fixed${namingNote(naming)}\n`);
      }
    } catch (error) {
      failed++;
      printError(error instanceof InputError ? error.message : `${file}: could not be fixed: ${(error as Error).message}`);
    }
  }

  const verb = dryRun ? 'would change' : 'changed';
  process.stderr.write(`${changed} of ${countOf(files.length, 'file')} ${verb}.\n`);
  if (failed > 0) return EXIT_ERROR;
  return dryRun && changed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The file's text with the service's fix-all applied; the analysis is dropped afterwards. */
function fixedText(service: TranscriptLanguageService, file: string, text: string): string {
  const document = transcriptDocument(service, file, text);
  try {
    return applyEdits(text, keepLineEndings(service.fixAll(document), dominantLineEnding(text)));
  } finally {
    service.forget(document.uri);
  }
}

interface Naming {
  readonly text: string;
  /** Chunk labels written as their person's name. */
  readonly named: number;
  /** Chunk labels of a named person left as written, as the name would not read back. */
  readonly left: number;
}

/**
 * The file's text with every chunk label of a named person written as the name: the editor's Name
 * Speakers Across the Transcript, all of it applied. The service parses the named text again and
 * leaves out a label that would not read back, so no turn changes but for its label.
 */
function namedText(service: TranscriptLanguageService, file: string, text: string): Naming {
  const document = transcriptDocument(service, file, text);
  try {
    const plan = service.nameSpeakers(document);
    const named = applyEdits(text, keepLineEndings(plan.edits, dominantLineEnding(text)));
    return { text: named, named: plan.namings.length, left: plan.left.length };
  } finally {
    service.forget(document.uri);
  }
}

/** ` (2 chunk labels named)`, and those left as written; nothing when --names found none. */
function namingNote({ named, left }: Naming): string {
  const parts = [
    ...(named > 0 ? [`${countOf(named, 'chunk label')} named`] : []),
    ...(left > 0 ? [`${left} left as written: the name would not read back`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** New text in an edit gets the file's own line ending, so a CRLF file stays CRLF throughout. */
function keepLineEndings(edits: readonly TextEdit[], eol: string): TextEdit[] {
  if (eol === '\n') return [...edits];
  return edits.map((edit) => ({ ...edit, newText: edit.newText.split(/\r\n|\r|\n/).join(eol) }));
}
