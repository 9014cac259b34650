import * as path from 'node:path';
import { createTranscriptService, DEFAULT_LAST_CUE_SECONDS, EXPORT_FORMATS, isExportFormat, transcriptTitle, type ExportFormat } from '../service';
import { numberOption, parseCommandArgs } from './args';
import { EXIT_OK, UsageError } from './errors';
import { loadTranscript, transcriptDocument } from './files';
import { writeStdout } from './terminal';
import { writeFileAtomically } from './writeFiles';

export const EXPORT_HELP = `Usage: transcript export --to vtt|srt|json|md FILE [-o OUT]

Exports a transcript for players, editors and pipelines.

Formats:
  vtt   WebVTT. One cue per turn with a valid stamp, the speaker in a <v Name>
        voice tag: a chunk's "Speaker 2" found to be a person with a name is
        written as the name (in srt and md too). Each cue ends where the next later cue begins; the last cue
        lasts ${DEFAULT_LAST_CUE_SECONDS} seconds (see --last-cue-seconds), and a cue whose next
        stamp comes too soon to say its words lasts as long as they take. Cues
        are in time order even where the transcript's stamps run backwards.
        Turns without a stamp are left out (see --estimate-times); what is
        left out or out of place is said on standard error.
  srt   SubRip: the same cues, numbered from 1, with "Speaker: " before the text.
  json  The transcript's model: speakers, chunks and turns with their times (in
        seconds), text and sentiment labels with their polarity, and the people
        the speakers are, with the evidence and how sure it is.
  md    Markdown: stamps as headings, each turn a paragraph with the speaker in
        bold, sentiment in italics, chunks as "Part N" sections.

Options:
  --to FORMAT              vtt, srt, json or md (may be left out when OUT ends in
                           .vtt, .srt, .json or .md)
  -o, --output OUT         Write to OUT (atomically) instead of standard output
  --last-cue-seconds N     How long the last cue lasts (default: ${DEFAULT_LAST_CUE_SECONDS})
  --estimate-times         Give turns without a stamp cues at times estimated
                           from the stamps around them
  --title TEXT             Markdown title (default: the file's name)
  -h, --help               Show this help

Exit status: 0 exported, 2 bad usage or the file could not be read or written.

Examples:
  transcript export --to vtt interview.transcript -o interview.vtt
  transcript export --to srt interview.transcript > interview.srt
  transcript export interview.transcript -o interview.md
  transcript export --to json interview.transcript | jq '.turns[] | select(.start == null)'
  transcript export --to json interview.transcript | jq '.people[] | select(.confidence < 0.9)'
`;

export async function runExport(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'last-cue-seconds': { type: 'string' },
    'estimate-times': { type: 'boolean', default: false },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await writeStdout(EXPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one transcript to export', 'export');
  const file = positionals[0]!;
  const output = values.output;
  const format = exportFormat(values.to, output);
  const lastCueSeconds = numberOption('export', 'last-cue-seconds', values['last-cue-seconds']);
  if (output !== undefined && output !== '-' && path.resolve(output) === path.resolve(file)) {
    throw new UsageError('the output would replace the transcript itself; choose another OUT', 'export');
  }

  const { text } = await loadTranscript(file);
  const service = createTranscriptService();
  const document = transcriptDocument(service, file, text);

  const options = {
    title: values.title ?? transcriptTitle(file),
    ...(lastCueSeconds !== undefined ? { lastCueSeconds } : {}),
    ...(values['estimate-times'] ? { untimed: 'estimate' as const } : {}),
  };
  const exported = service.exportDocument(document, format, options);
  if (output === undefined || output === '-') await writeStdout(exported);
  else await writeFileAtomically(output, exported);
  // Said after the export is written, on standard error, so a pipeline still gets its file.
  const { notes, leftOut } = service.exportNotes(document, format, options);
  for (const note of notes) process.stderr.write(`transcript export: ${file}: ${note}.\n`);
  if (leftOut > 0) process.stderr.write(`transcript export: ${file}: --estimate-times gives them cues.\n`);
  return EXIT_OK;
}

function exportFormat(to: string | undefined, output: string | undefined): ExportFormat {
  if (to !== undefined) {
    if (isExportFormat(to)) return to;
    throw new UsageError(`--to takes vtt, srt, json or md, not '${to}'`, 'export');
  }
  const extension = output ? path.extname(output).slice(1).toLowerCase() : '';
  const inferred = EXPORT_FORMATS.find((info) => info.extension === extension);
  if (inferred) return inferred.format;
  throw new UsageError('say which format with --to vtt, srt, json or md', 'export');
}
