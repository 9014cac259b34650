import * as assert from 'node:assert/strict';
import { applyEdits, type TranscriptLanguageService } from '../../server/src/service';
import { Analysis } from '../../server/src/service/analysis/analysis';
import { normalizedContentDiff, normalizeTranscript, transcriptContent } from '../../server/src/service/export/normalize';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { textDocument } from '../../server/src/service/document';
import type { Position, Range } from '../../server/src/service/model';
import { DEFAULT_SETTINGS, type TranscriptSettings } from '../../server/src/service/settings';
import { splitLines } from '../../server/src/service/util/text';

/** The cursor marker in inline test documents. */
export const CURSOR = '$0';

/** Takes the cursor marker out of `text` and says where it was. */
export function withCursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf(CURSOR);
  if (offset < 0) throw new Error('test document has no cursor marker');
  const before = splitLines(text.slice(0, offset));
  return {
    text: text.slice(0, offset) + text.slice(offset + CURSOR.length),
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}

export function analyze(text: string, settings: Partial<TranscriptSettings> = {}): Analysis {
  return new Analysis(text, { ...DEFAULT_SETTINGS, ...settings });
}

/** The source text a range covers, lines joined by `\n`. */
export function textAt(text: string, range: Range): string {
  const lines = splitLines(text);
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line]!.slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]!);
  parts.push(lines[range.end.line]!.slice(0, range.end.character));
  return parts.join('\n');
}

/** Joins lines with `\n`, so test documents read like the files they stand for. */
export function lines(...content: string[]): string {
  return content.join('\n');
}

/** `text` (lines joined with `\n`) without its lines `from` to `to`, not counting `to`: what a fix that deletes them leaves. */
export function withoutLines(text: string, from: number, to: number): string {
  const all = text.split('\n');
  return [...all.slice(0, from), ...all.slice(to)].join('\n');
}

/**
 * Normalises `before` and checks that its content (turns, times, names, sentiment) stays the same
 * and that a second pass changes nothing; gives the normalised text.
 */
export function assertNormalizeKeepsContent(before: string, label = 'transcript'): string {
  const after = normalizeTranscript(before);
  assert.deepEqual(
    transcriptContent(parseTranscript(after), after),
    transcriptContent(parseTranscript(before), before),
    `${label}: normalising changed the content`,
  );
  assert.equal(normalizedContentDiff(before, after), undefined);
  assert.equal(normalizeTranscript(after), after, `${label}: normalising twice changed the text again`);
  return after;
}

/** Fix All on `text` leaves no repeated passage, and running it again changes nothing. */
export function assertFixAllSettles(service: TranscriptLanguageService, text: string): void {
  const fixed = applyEdits(text, service.fixAll(textDocument('file:///before-fix.transcript', text)));
  const after = textDocument('file:///fixed.transcript', fixed);
  assert.deepEqual(
    service.diagnostics(after).filter((d) => d.code === 'duplicate-overlap'),
    [],
  );
  assert.deepEqual(service.fixAll(after), []);
}
