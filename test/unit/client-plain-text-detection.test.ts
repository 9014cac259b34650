import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { turnLinesNearTheTop } from '../../client/src/transcriptSniffing';

/*
 * A plain text file offered as a transcript: turns below a title or blank lines are found with
 * the manifest's own `firstLine` pattern; notes with one `Key: value` line, and prose, are not.
 */

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { languages: Array<{ id: string; firstLine?: string }> };
};
const turnLine = new RegExp(manifest.contributes.languages.find((l) => l.id === 'transcript')!.firstLine!);

test('turns below a title line and a blank line are found, with their lines', () => {
  const lines = ['Transcript: Harbour council, 3 March', '', '[00:00:04] Speaker 1: Let us begin.', '[00:00:09] Speaker 2: Thank you.'];
  assert.deepEqual(turnLinesNearTheTop(lines, turnLine), [2, 3]);
});

test('turns after a blank first line are found', () => {
  assert.deepEqual(turnLinesNearTheTop(['', 'Dana Reyes: [00:00:01] Good evening.', '', 'Olu Mensah: [00:00:05] Evening.'], turnLine), [1, 3]);
});

test('prose, and notes with a single line that reads like a turn, are not a transcript', () => {
  const oneTurnLike = ['Shopping list', '[00:10:30] Dana: bring the ladder', 'eggs, flour'];
  assert.ok(turnLine.test(oneTurnLike[1]!), 'the line reads as a turn');
  assert.equal(turnLinesNearTheTop(oneTurnLike, turnLine), undefined);
  assert.equal(turnLinesNearTheTop(['It was a long meeting.', 'Nobody spoke for an hour.'], turnLine), undefined);
});
