import type { TranscriptModel } from '../model';
import { parseTranscript } from '../parse/parser';
import { resolvePeopleOf, type People } from '../people/people';
import { cuesWithReport, type CueOptions } from './cues';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toSrt } from './srt';
import { toWebVtt } from './webvtt';

/*
 * Exports a transcript to the formats players and editors read. Pure functions of the model and
 * its people (who is who across chunks, which gives `Speaker 2` of a chunk its person's name), so
 * the CLI and the editor's export commands produce the same bytes.
 */

export { DEFAULT_LAST_CUE_SECONDS, timedCues, type Cue, type CueOptions, type CueReport } from './cues';
export { toJson, toJsonModel, type EvidenceJson, type PersonJson, type TranscriptJson } from './json';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { toSrt } from './srt';
export { toWebVtt } from './webvtt';
export { dominantLineEnding, normalizeOutcome, normalizeTranscript, normalizedContentDiff, type NormalizeOutcome } from './normalize';

export type ExportFormat = 'vtt' | 'srt' | 'json' | 'md';

export interface ExportFormatInfo {
  readonly format: ExportFormat;
  /** What a person calls it. */
  readonly label: string;
  /** The file extension, without the dot. */
  readonly extension: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'vtt', label: 'WebVTT', extension: 'vtt' },
  { format: 'srt', label: 'SRT', extension: 'srt' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'md', label: 'Markdown', extension: 'md' },
];

export function isExportFormat(value: string): value is ExportFormat {
  return EXPORT_FORMATS.some((info) => info.format === value);
}

export interface ExportOptions extends CueOptions {
  /** The Markdown title, usually the file's name. */
  readonly title?: string;
}

/** The model in `format`; `people` are the service's when it has them, else resolved from the model. */
export function exportModel(
  model: TranscriptModel,
  format: ExportFormat,
  options: ExportOptions = {},
  people: People = resolvePeopleOf(model),
): string {
  switch (format) {
    case 'vtt':
      return toWebVtt(model, options, people);
    case 'srt':
      return toSrt(model, options, people);
    case 'json':
      return toJson(model, options, people);
    case 'md':
      return toMarkdown(model, options.title !== undefined ? { title: options.title } : {}, people);
  }
}

/**
 * What an export leaves out or changes, in sentences for the editor's message and the CLI's
 * standard error; none when it carries every turn as written. Only the subtitle formats leave
 * turns out or change times; `backwardsStamps` (stamps earlier than one before them) put their
 * cues out of place in any case, as cues run in time order.
 */
export function exportNotes(
  model: TranscriptModel,
  format: ExportFormat,
  options: ExportOptions,
  people: People,
  backwardsStamps: number,
): ExportNotes {
  if (format !== 'vtt' && format !== 'srt') return { notes: [], leftOut: 0 };
  const { report } = cuesWithReport(model, options, people);
  const notes: string[] = [];
  const turns = (n: number) => (n === 1 ? '1 turn' : `${n} turns`);
  if (report.leftOut > 0) notes.push(`${turns(report.leftOut)} without a timestamp ${report.leftOut === 1 ? 'has' : 'have'} no cue`);
  if (report.estimated > 0)
    notes.push(
      `${turns(report.estimated)} without a timestamp got a time estimated from the timestamps around ${report.estimated === 1 ? 'it' : 'them'}`,
    );
  if (report.lengthened > 0) {
    const cues = report.lengthened === 1 ? '1 cue lasts' : `${report.lengthened} cues last`;
    notes.push(`${cues} as long as ${report.lengthened === 1 ? 'its' : 'their'} words take to say, as the next timestamp came too soon`);
  }
  if (backwardsStamps > 0) {
    notes.push(
      `${backwardsStamps === 1 ? '1 timestamp goes' : `${backwardsStamps} timestamps go`} backwards, so ${backwardsStamps === 1 ? 'its turn shows' : 'their turns show'} out of place in the cues: fix the timestamps first`,
    );
  }
  return { notes, leftOut: report.leftOut };
}

export interface ExportNotes {
  /** Sentences, without a full stop. */
  readonly notes: string[];
  /** Turns with text left out for want of a time. */
  readonly leftOut: number;
}

/**
 * What a transcript file is called without its extensions (`interview.transcript.txt` →
 * `interview`): the Markdown title and the default name of an export.
 */
export function transcriptTitle(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base.replace(/(\.transcript)?(\.txt)?$/i, '') || base;
}

export function exportTranscript(text: string, format: ExportFormat, options: ExportOptions = {}): string {
  return exportModel(parseTranscript(text), format, options);
}
