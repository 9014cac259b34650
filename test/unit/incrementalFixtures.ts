import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '../../server/src/service/parse/parser';
import type { TranscriptModel } from '../../server/src/service';

/*
 * What the incremental tests (`incremental.test.ts`, its properties; `sections.test.ts`, its
 * examples) start from, and how they compare what the service kept with a fresh parse.
 */

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
export const SOURCES = [
  'seedlike.transcript',
  'all-forms.transcript',
  'crlf-bom.transcript',
  'unicode.transcript',
  'malformed.transcript',
  'overlap-approximate.transcript',
  'timestamps-backwards.transcript',
  'repetition-loops.transcript',
].map(fixture);

/** A long transcript: the seed-like fixture again and again, each copy ending in a marker. */
export const LONG = Array.from({ length: 40 }, () => `${SOURCES[0]!.trimEnd()}\nThis chunk continues in the next part.\n`).join('');

/** What a value reads as: the model and the outline keep numbers and make their ranges when read. */
export const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * The model the service kept equals a fresh parse of `text`: field for field (what the turns hold)
 * and as written (the ranges and text they give, read through each version's text).
 */
export function assertSameModel(kept: TranscriptModel, text: string): void {
  const fresh = parseTranscript(text);
  assert.deepEqual(kept, fresh);
  assert.deepEqual(asRead(kept), asRead(fresh));
}
