import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeDiagnostics, type TranscriptDiagnostic } from '../../server/src/service/features/diagnostics';
import { applyEdits } from '../../server/src/service/util/edits';
import { codeActions, fixAll, type TranscriptCodeAction } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { analyze, lines, withoutLines } from './helpers';
import { seedAboveMarkdown } from './overlapPassages';

const wholeDocument: Range = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

/** The lines where the repeated passages of `analysis` start, one a turn they touch. */
const overlapLines = (analysis: ReturnType<typeof analyze>) =>
  computeDiagnostics(analysis)
    .filter((d) => d.code === 'duplicate-overlap')
    .map((d) => d.range.start.line);

function action(text: string, title: RegExp) {
  const found = codeActions(analyze(text), wholeDocument).find((a) => title.test(a.title));
  assert.ok(found, `no action matching ${title}`);
  return found;
}

const PARTIAL_REPEAT = lines(
  '[00:00:01] Speaker 1: "We need to rebuild our roads and our bridges across the whole country, and quickly."',
  'Sentiment: Positive',
  'This chunk continues in the next part.',
  '',
  'Speaker 1: "our bridges across the whole country, and quickly. Then we fix the schools."',
  'Sentiment: Positive',
);

test('Remove repeated text deletes the repeated words and keeps the new content of the turn', () => {
  const fix = action(PARTIAL_REPEAT, /^Remove repeated text/);
  assert.equal(fix.title, 'Remove repeated text');
  const fixed = applyEdits(PARTIAL_REPEAT, fix.edits);
  assert.match(fixed, /\nSpeaker 1: "Then we fix the schools\."\nSentiment: Positive$/);
  assert.ok(fixed.startsWith(PARTIAL_REPEAT.split('\n').slice(0, 4).join('\n')));
});

test('Keep one copy keeps the later copy, and says so, when it has everything and more', () => {
  const text = lines(
    '[00:02:50] Speaker 2: I think that there was a certain moment in our...',
    'Sentiment: Neutral',
    'This chunk continues in the next part.',
    '[00:02:44] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
    'Sentiment: Positive',
  );
  const actions = codeActions(analyze(text), wholeDocument).filter((a) => a.diagnostics.some((d) => d.code === 'duplicate-overlap'));
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0]!.title, 'Keep one copy: keep the later copy, which adds “training process where it clicked.”, deleting a turn');
  const fixed = applyEdits(text, preferred[0]!.edits);
  assert.equal(
    fixed,
    lines(
      'This chunk continues in the next part.',
      '[00:02:44] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
      'Sentiment: Positive',
    ),
  );
});

test('a fix that would delete a word found nowhere else says so in its title', () => {
  const text = lines(
    '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country.',
    'This chunk continues in the next part.',
    '[00:00:02] Speaker 1: We need to rebuild our roads and our crumbling bridges across the whole country. Next topic.',
  );
  const fix = action(text, /^Remove repeated text/);
  assert.equal(fix.title, 'Remove repeated text (also deletes “crumbling”, found nowhere else)');
});

test("timestamp fixes keep each stamp's format: set, interpolate, shift", () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:05] A: three', '[01:30] B: four');
  const analysis = analyze(text);
  const onStamp: Range = { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } };
  const titles = codeActions(analysis, onStamp).map((a) => a.title);
  assert.deepEqual(titles, [
    'Set to the previous time (00:01:20)',
    'Interpolate between neighbours (01:25)',
    'Shift this and all following stamps by +15 s',
  ]);
  const [set, interpolate, shift] = codeActions(analysis, onStamp);
  assert.equal(applyEdits(text, set!.edits).split('\n')[2], '[01:20] A: three');
  assert.equal(applyEdits(text, interpolate!.edits).split('\n')[2], '[01:25] A: three');
  assert.deepEqual(applyEdits(text, shift!.edits).split('\n'), ['[01:10] A: one', '[01:20] B: two', '[01:20] A: three', '[01:45] B: four']);
});

/**
 * The diagnostics a fix leaves that `text` did not have, or that it was to resolve, by code and
 * line as `timestampFixes` tells them apart.
 */
function newProblems(text: string, fix: TranscriptCodeAction, settings = {}): string[] {
  const key = (d: TranscriptDiagnostic) => `${d.code}@${d.range.start.line}`;
  const resolved = fix.diagnostics.map(key);
  const before = computeDiagnostics(analyze(text, settings))
    .map(key)
    .filter((k) => !resolved.includes(k));
  return computeDiagnostics(analyze(applyEdits(text, fix.edits), settings))
    .map(key)
    .filter((k) => {
      const at = before.indexOf(k);
      if (at >= 0) before.splice(at, 1);
      return at < 0;
    });
}

function stampFixes(text: string, line: number, settings = {}) {
  const onStamp: Range = { start: { line, character: 1 }, end: { line, character: 1 } };
  return codeActions(analyze(text, settings), onStamp).filter((a) => a.diagnostics.some((d) => d.code === 'timestamp-order'));
}

test('the preferred stamp fix is the first that leaves no new problem: interpolating, where setting the previous time repeats it', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:05] A: three', '[01:30] B: four');
  const fixes = stampFixes(text, 2);
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.isPreferred ?? false, newProblems(text, fix)]),
    [
      ['Set to the previous time (00:01:20)', false, ['timestamp-repeated@2']],
      ['Interpolate between neighbours (01:25)', true, []],
      ['Shift this and all following stamps by +15 s', false, ['timestamp-repeated@2']],
    ],
  );
  // With repeated stamps not reported, setting the previous time leaves nothing new, and comes first.
  const quiet = { reportRepeatedTimestamps: false };
  assert.deepEqual(
    stampFixes(text, 2, quiet).map((fix) => fix.isPreferred ?? false),
    [true, false, false],
  );
});

test('setting the previous time is preferred when the turn before is not the latest; shifting, when only it leaves nothing new', () => {
  const set = lines('[01:00] A: a', '[01:30] B: b', '[01:10] C: c', '[01:05] D: d', '[01:50] E: e');
  assert.deepEqual(
    stampFixes(set, 3).map((fix) => [fix.title, fix.isPreferred ?? false]),
    [
      ['Set to the previous time (00:01:30)', true],
      ['Interpolate between neighbours (01:30)', false],
      ['Shift this and all following stamps by +25 s', false],
    ],
  );
  // Setting 00:00:30 repeats the next stamp; the interpolation (00:21) is still before 00:00:30.
  const shift = lines('[00:30] A: one', '[00:12] B: two', '[00:10] C: three', '[00:30] D: four');
  const fixes = stampFixes(shift, 2);
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.isPreferred ?? false, newProblems(shift, fix)]),
    [
      ['Set to the previous time (00:00:30)', false, ['timestamp-repeated@3']],
      ['Interpolate between neighbours (00:21)', false, ['timestamp-order@2']],
      ['Shift this and all following stamps by +20 s', true, []],
    ],
  );
});

test('no stamp fix is preferred when each leaves a new problem', () => {
  const text = lines('[01:10] A: one', '[01:20] B: two', '[01:05] A: three');
  const fixes = stampFixes(text, 2);
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Set to the previous time (00:01:20)', 'Shift this and all following stamps by +15 s'],
  );
  assert.ok(fixes.every((fix) => !fix.isPreferred && newProblems(text, fix).length > 0));
});

test('a backwards stamp on a repeated turn offers removing the repeat first', () => {
  const text = lines(
    '[00:10:46] Speaker 1: It just produced the code and I asked where to paste this code.',
    '(Sentiment: Positive)',
    '[00:10:44] Speaker 1: "It just produced the code and I asked where to paste this code."',
    '[Neutral sentiment]',
  );
  const onStamp: Range = { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } };
  const actions = codeActions(analyze(text), onStamp).filter((a) => a.diagnostics.some((d) => d.code === 'timestamp-order'));
  assert.equal(actions[0]!.title, 'Remove this repeated turn');
  assert.equal(actions[0]!.isPreferred, true);
  assert.deepEqual(
    actions.filter((a) => a.isPreferred).map((a) => a.title),
    ['Remove this repeated turn'],
    'the stamp fixes are not preferred beside it',
  );
  assert.equal(
    applyEdits(text, actions[0]!.edits),
    lines('[00:10:46] Speaker 1: It just produced the code and I asked where to paste this code.', '(Sentiment: Positive)'),
  );
});

test('fix-all removes every overlap, keeps every unique word outside the flagged text, and is a fixed point', () => {
  const text = lines(
    PARTIAL_REPEAT,
    '[00:00:09] Speaker 2: I think that there was a certain moment in our...',
    'This chunk continues in the next part.',
    '[00:00:08] Speaker 1: "I think that there was a certain moment in our training process where it clicked."',
  );
  const analysis = analyze(text);
  assert.equal(overlapLines(analysis).length, 2);
  const fixed = applyEdits(text, fixAll(analysis));
  assert.deepEqual(overlapLines(analyze(fixed)), []);
  assert.deepEqual(fixAll(analyze(fixed)), []);
  for (const word of ['rebuild', 'schools', 'training', 'clicked', 'quickly']) assert.match(fixed, new RegExp(word));
});

test('fix-all keeps CRLF line ends and never splits one', () => {
  const text = PARTIAL_REPEAT.replace(/\n/g, '\r\n');
  const fixed = applyEdits(text, fixAll(analyze(text)));
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  assert.match(fixed, /Speaker 1: "Then we fix the schools\."\r\nSentiment: Positive$/);
});

test('fix-all never mends a seam by turning a line it keeps into text: a lone seed turn above six Markdown turns stays a turn', () => {
  const text = seedAboveMarkdown(6);
  const analysis = analyze(text);
  assert.deepEqual(
    computeDiagnostics(analysis).map((d) => `${d.range.start.line}:${d.code}`),
    ['3:timestamp-repeated', '3:duplicate-overlap'],
  );
  // The seam's own fix deletes line 2's turn; then line 1 is no turn at all.
  const keepOne = action(text, /^Keep/);
  const mended = analyze(applyEdits(text, keepOne.edits));
  assert.notEqual(mended.model.turns[0]!.headerRange.start.line, 0, 'precondition: the mend alone makes line 1 text');
  // Fix All leaves that seam, flagged, for the user to judge.
  assert.deepEqual(fixAll(analysis), []);
  // With five Markdown turns the seed turn left stays a turn, and Fix All mends the seam.
  const fewer = seedAboveMarkdown(5);
  const fixed = applyEdits(fewer, fixAll(analyze(fewer)));
  assert.equal(
    fixed,
    lines(
      '[00:00:01] Speaker 1: We rebuilt the harbour wall.',
      '',
      '**[00:09] SPEAKER_00:** And the council never paid us a single penny for the work. So we sent the bill.',
      '',
      '**[00:15] SPEAKER_01:** They paid it the next week.',
      '',
      '**[00:20] SPEAKER_00:** Then the roof needed mending.',
      '',
      '**[00:25] SPEAKER_01:** Nobody came to help.',
      '',
      '**[00:30] SPEAKER_00:** We did it ourselves.',
      '',
    ),
  );
  assert.equal(analyze(fixed).model.turns[0]!.headerRange.start.line, 0);
});

test('Fix All deletes the loops outside a repeat it removes, not the one inside it, in document order; Keep One Copy names its loop', () => {
  const said = 'harbour granite lantern go go go go go go orchard velvet copper meadow thimble.';
  const text = lines(
    '[00:00:01] Speaker 1: We should go go go go go go now.',
    `[00:00:05] Speaker 2: We met in the small hall. ${said}`,
    'This chunk continues in the next part.',
    `[00:00:30] Speaker 2: ${said} Then we went home.`,
    '[00:00:40] Speaker 1: Bye bye bye bye bye bye.',
  );
  const analysis = analyze(text);
  const edits = fixAll(analysis);
  // The loop of the repeat goes with the repeat: deleting it as well would be two edits over one text.
  assert.deepEqual(
    edits.map((edit) => edit.range.start.line),
    [0, 1, 3, 4],
  );
  assert.equal(
    applyEdits(text, edits),
    lines(
      '[00:00:01] Speaker 1: We should go now.',
      '[00:00:05] Speaker 2: We met in the small hall. harbour granite lantern go orchard velvet copper meadow thimble.',
      'This chunk continues in the next part.',
      '[00:00:30] Speaker 2: Then we went home.',
      '[00:00:40] Speaker 1: Bye.',
    ),
  );
  const [keep, ...others] = codeActions(analysis, { start: { line: 0, character: 40 }, end: { line: 0, character: 40 } });
  assert.equal(others.length, 0);
  assert.equal(keep?.title, 'Keep one copy');
  assert.deepEqual(
    keep.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['repetition-loop', 0]],
  );
});

test('Fix All on a document with no turns (prose, a table of times, JSON) has nothing to do, rather than failing', () => {
  // The editor offers Fix All on save (`source.fixAll`) for any document in the language, and a
  // page of prose opened as a transcript has no chunk at all.
  for (const text of [
    '',
    'A page of prose about the episode.\n',
    'start\tend\ttext\n0\t1200\tHello there.\n',
    '[{"speaker": "A", "message": "Hi"}]\n',
  ]) {
    assert.equal(analyze(text).model.chunks.length, 0, JSON.stringify(text));
    assert.deepEqual(fixAll(analyze(text)), [], JSON.stringify(text));
  }
});

/** A chunk whose last turn (`followed harbour garden harbour.`) the next chunk does not say again; it says the two before. */
function stopsShortOfTheEnd(closing: string): string {
  return lines(
    '[00:00:02] Speaker 2: Harbour followed harbour garden harbour.',
    '',
    'This chunk continues in the next part.',
    '',
    '[00:00:04] Speaker 1: Harbour planted harbour closed harbour.',
    '',
    '[00:00:06] Speaker 1: Harbour built harbour table harbour.',
    '',
    '',
    '[00:00:02] Speaker 2: followed harbour garden harbour.',
    '',
    `[00:00:04] Speaker 1: Harbour planted harbour closed harbour. Harbour built harbour table harbour.${closing}`,
    '',
    '[00:00:09] Speaker 1: Bridge harbour.',
    '',
    '[00:00:11] Speaker 1: Harbour bitter harbour ticket bridge.',
  );
}

test('a repeat that stops short of its original’s end is not carried there on common words, and Fix All keeps the turn after it', () => {
  // Only `harbour` of the original's last four words follows the repeat: that reads the next turn
  // as the rest of the copy, and the mend deleted `Bridge harbour.` (found by the Fix All property).
  const text = stopsShortOfTheEnd('');
  const analysis = analyze(text);
  assert.deepEqual(overlapLines(analysis), []);
  assert.equal(applyEdits(text, fixAll(analysis)), text);
  // Said again, the original's last words make the passage a repeat of the chunk's end, and Fix All takes the copy away.
  const saidAgain = stopsShortOfTheEnd(' Followed harbour garden harbour.');
  const repeated = analyze(saidAgain);
  assert.deepEqual(overlapLines(repeated), [11]);
  const fixed = applyEdits(saidAgain, fixAll(repeated));
  assert.match(fixed, /Speaker 1: Bridge harbour\./);
  assert.doesNotMatch(fixed, /closed harbour\. Harbour built/);
});

test('Fix All that empties the first chunk (the earlier copy of what the next says whole) leaves no marker or blank line at the top', () => {
  const text = lines(
    'Speaker 1: We fixed the lantern on the pier. It was the last one left.',
    'This chunk continues in the next part.',
    'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
    'Speaker 2: Then the rain came.',
  );
  const kept = lines(
    'Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
    'Speaker 2: Then the rain came.',
  );
  assert.equal(applyEdits(text, fixAll(analyze(text))), kept);
  // With CRLF line ends, which stay as they were (the CLI takes a byte-order mark off before, and puts it back).
  const crlf = text.replace(/\n/g, '\r\n');
  assert.equal(applyEdits(crlf, fixAll(analyze(crlf))), kept.replace(/\n/g, '\r\n'));
  // With no marker, the chunks set apart by blank lines and stamps that go back.
  const unmarked = lines(
    '[00:00:04] Speaker 1: We fixed the lantern on the pier. It was the last one left.',
    '',
    '',
    '[00:00:04] Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
    '',
    '[00:00:09] Speaker 2: Then the rain came.',
  );
  assert.equal(
    applyEdits(unmarked, fixAll(analyze(unmarked))),
    lines(
      '[00:00:04] Speaker 1: We fixed the lantern on the pier. It was the last one left, and we are proud of it.',
      '',
      '[00:00:09] Speaker 2: Then the rain came.',
    ),
  );
});

test('a reply that takes up the question’s words after a word of its own is no repeat: Fix All mends the seam before it and keeps the reply whole', () => {
  const question = 'You accept that the ferry must keep to the timetable set by the council?';
  // The reply's other words are said elsewhere too, as in any long record: deleting them would lose
  // no word the document lacks, so nothing but the check keeps Fix All from deleting the reply.
  const said = '**Witness**: Certainly, but one that works must also be set by the council.';
  const text = lines(
    said,
    '',
    `**Counsel**: We have heard a great deal this week about the ferry. ${question}`,
    '',
    'This chunk continues in the next part.',
    '',
    `**Counsel**: ${question}`,
    '',
    '**Witness**: Certainly. The ferry must keep to the timetable set by the council but the council must also set one that works.',
  );
  const analysis = analyze(text);
  // The question said again is a repeat; the reply that takes up its words is not.
  assert.deepEqual(overlapLines(analysis), [6]);
  // Fix All deletes the question said again, and nothing else.
  assert.equal(applyEdits(text, fixAll(analysis)), withoutLines(text, 6, 8));
});
