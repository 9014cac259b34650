import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { applyEdits } from '../../server/src/service/util/edits';
import { codeActions, fixAll } from '../../server/src/service/features/fixes';
import type { Range } from '../../server/src/service/model';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { splitLines } from '../../server/src/service/util/text';
import { turnWords } from '../../server/src/service/checks/words';
import { analyze } from './helpers';
import { EXPORT_FORMATS, exportModel, normalizeOutcome, normalizeTranscript, toJsonModel } from '../../server/src/service/export';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { isChunkMarker } from '../../server/src/service/parse/lineKinds';
import { isCueTiming } from '../../server/src/service/parse/layoutHeaders';
import type { TranscriptModel, Turn } from '../../server/src/service/model';
import { FAMILIES, SPOKEN_WORDS, applyEdit, edit, layoutDocument, seamDocument, type Edit } from './layoutArbitraries';
import { propertyRuns } from './propertyRuns';

/** A range is valid when it lies inside the document and no end falls inside a surrogate pair. */
function assertValidRange(lines: readonly string[], range: Range): void {
  for (const { line, character } of [range.start, range.end]) {
    assert.ok(line >= 0 && line < lines.length, `line ${line} outside the document`);
    const text = lines[line]!;
    assert.ok(character >= 0 && character <= text.length, `character ${character} outside line ${line}`);
    const before = text.charCodeAt(character - 1);
    const after = text.charCodeAt(character);
    assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), 'range splits a surrogate pair');
  }
}

const PIECES = [
  'Speaker 1 (Mark Chen): "',
  '[00:01:31] Speaker 1: ',
  'Speaker 2: [00:02:44] ',
  '    Speaker: [00:00:22] ',
  'Sentiment: Positive',
  '(Sentiment: Mixed)',
  '[Neutral sentiment]',
  ' (Positive sentiment)',
  ' (Positive)',
  'This chunk continues in the next part.',
  '[This chunk continues in the next part.]',
  'This is the last chunk.',
  '[00:16:08] Speaker: Researcher',
  'Researcher: ',
  '[00:75:00]',
  '[1:2]',
  '"',
  '(',
  '[',
  ']',
  ')',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\ufeff',
  '😀',
  '王小明',
  '\ud800',
  '\u0000',
  'we trained it and started talking to it, we asked it questions ',
  'and it was scoring higher on these math tests. ',
  'I do not say that. ',
  'Thank you. ',
  ' ',
  '\t',
];
const transcriptish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('the analysis is total on arbitrary text and every range it returns is valid', () => {
  fc.assert(
    fc.property(fc.oneof(transcriptish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      const analysis = analyze(text);
      const lines = splitLines(text);
      for (const diagnostic of computeDiagnostics(analysis)) {
        assertValidRange(lines, diagnostic.range);
        for (const related of diagnostic.related ?? []) assertValidRange(lines, related.range);
      }
      for (const chunk of documentSymbols(analysis.model)) {
        assertValidRange(lines, chunk.range);
        for (const turn of chunk.children) assertValidRange(lines, turn.range);
      }
      const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      for (const action of codeActions(analysis, everywhere)) for (const edit of action.edits) assertValidRange(lines, edit.range);
    }),
    { numRuns: propertyRuns(400) },
  );
});

/** Mutated transcripts: turns built from real-looking sentences, with cuts, duplicated spans and swapped stamps. */
const SENTENCES = [
  'We need to rebuild our roads and our bridges across the whole country.',
  'I think that there was a certain moment in our training process where it clicked.',
  'The ideas have come literally from everywhere on this team.',
  'Every time we scale a new thing up we see another host of problems.',
  'Thank you.',
  'I do not say that.',
  '(CROSSTALK)',
];
const mutatedTranscript = fc
  .array(
    fc.record({
      sentence: fc.integer({ min: 0, max: SENTENCES.length - 1 }),
      seconds: fc.integer({ min: 0, max: 4000 }),
      marker: fc.boolean(),
      repeatTail: fc.integer({ min: 0, max: 12 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((turns) => {
    const out: string[] = [];
    let previous = '';
    for (const [i, t] of turns.entries()) {
      const stamp = new Date(t.seconds * 1000).toISOString().slice(11, 19);
      const repeated = t.repeatTail > 0 ? previous.split(' ').slice(-t.repeatTail).join(' ') + ' ' : '';
      out.push(`[${stamp}] Speaker ${(i % 3) + 1}: ${repeated}${SENTENCES[t.sentence]} word${i}`);
      if (t.marker) out.push('This chunk continues in the next part.');
      previous = `${SENTENCES[t.sentence]} word${i}`;
    }
    return out.join('\n');
  });

/** How many times each compared word form is spoken in the turns of a model. */
function wordCounts(model: TranscriptModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const turn of model.turns) for (const word of turnWords(turn)) counts.set(word.norm, (counts.get(word.norm) ?? 0) + 1);
  return counts;
}

/**
 * Fix All on documents with seams of every kind in every layout (`seamDocument`): it may take
 * away the copies a seam or a loop added, and the words a re-transcription changed, and nothing
 * else. So each word spoken n times keeps at least n minus what the generator says may go: a mend
 * that deleted both copies of a passage, or words around it that are no copy, shows as a count
 * below that, even where the word is still said elsewhere. And never the last of a word (it, or a
 * form of it, stays); the result parses; a second run changes nothing.
 */
test('fix-all on seams of every kind in every layout: each word keeps every occurrence that is not a copy', () => {
  fc.assert(
    fc.property(seamDocument(), (document) => {
      const { text, removable } = document;
      const analysis = analyze(text);
      const fixed = applyEdits(text, fixAll(analysis));
      const after = analyze(fixed);
      assert.ok(after.model.turns.length > 0 || analysis.model.turns.length === 0, 'the fixed text has turns');
      const before = wordCounts(analysis.model);
      const left = wordCounts(after.model);
      const forms = [...left.keys()];
      for (const [word, count] of before) {
        if (!SPOKEN_WORDS.has(word)) continue;
        const kept = left.get(word) ?? 0;
        const required = count - (removable.get(word) ?? 0);
        assert.ok(kept >= required, `“${word}”: ${count} before, ${kept} after, but only ${removable.get(word) ?? 0} of them may go`);
        const aForm = kept > 0 || (word.length >= 3 && forms.some((form) => form.startsWith(word) || word.startsWith(form)));
        assert.ok(aForm, `fix-all lost the last “${word}”`);
      }
      assert.deepEqual(fixAll(after), [], 'a second run of fix-all changes nothing');
    }),
    // The bug this found (a mend that turned a kept turn into text, see fixes.test.ts) showed in
    // about one document in 150: enough runs to meet such a thing most times.
    { numRuns: propertyRuns(600) },
  );
});

test('the seam documents hold every family and every kind of seam and join, and most of their seams are mended', () => {
  const documents = fc.sample(seamDocument(), { numRuns: 300, seed: 22 });
  const families = new Set(documents.flatMap((d) => d.families));
  assert.deepEqual(
    [...FAMILIES].filter((family) => !families.has(family)),
    [],
    'families never drawn',
  );
  const seamKinds = new Set(documents.flatMap((d) => d.seams.map((seam) => `${seam.kind} ${seam.join}`)));
  for (const kind of ['exact', 'fuzzy', 'cut-off', 'none'])
    for (const join of ['marker', 'bracketed-marker', 'format-change', 'no-marker']) assert.ok(seamKinds.has(`${kind} ${join}`), `${kind} ${join}`);
  assert.ok(documents.some((d) => d.seams.some((seam) => seam.merged && seam.kind !== 'none')));
  // The property above says little if Fix All has nothing to do: most documents with a repeat are mended.
  const withRepeat = documents.filter((d) => d.seams.some((seam) => seam.kind !== 'none'));
  const mended = withRepeat.filter((d) => fixAll(analyze(d.text)).length > 0);
  assert.ok(mended.length > withRepeat.length / 2, `${mended.length} of ${withRepeat.length} documents with a repeat were mended`);
});

/** Whether (line, character) lies inside one of the ranges. */
function insideAny(ranges: readonly Range[], line: number, character: number): boolean {
  return ranges.some(
    (r) =>
      (r.start.line < line || (r.start.line === line && r.start.character <= character)) &&
      (r.end.line > line || (r.end.line === line && character < r.end.character)),
  );
}

test('every single fix on mutated transcripts: unflagged unique words survive, the result parses, stamps keep their shape', () => {
  fc.assert(
    fc.property(mutatedTranscript, (text) => {
      const analysis = analyze(text);
      const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
      for (const action of codeActions(analysis, everywhere)) {
        const fixed = applyEdits(text, action.edits);
        const after = analyze(fixed);
        assert.ok(after.model.turns.length > 0 || analysis.model.turns.length <= 1, `${action.title} left no turn`);
        // What the fix reports: the text of the diagnostics it resolves and what they point at.
        const reported = action.diagnostics.flatMap((d) => [d.range, ...(d.related ?? []).map((r) => r.range)]);
        for (const match of text.matchAll(/word\d+/g)) {
          if (text.split(match[0]).length !== 2) continue;
          const line = text.slice(0, match.index).split('\n').length - 1;
          const character = match.index - (text.lastIndexOf('\n', match.index - 1) + 1);
          if (insideAny(reported, line, character) || action.title.includes(`“${match[0]}”`)) continue;
          assert.ok(fixed.includes(match[0]), `${action.title} lost ${match[0]}`);
        }
        if (action.diagnostics.every((d) => d.code === 'timestamp-order') && !/repeated/.test(action.title)) {
          // Timestamp fixes touch stamps only: the text outside brackets is unchanged.
          assert.equal(fixed.replace(/\[[^\]]*\]/g, '[]'), text.replace(/\[[^\]]*\]/g, '[]'), action.title);
          assert.ok(
            after.model.problems.every((p) => p.code !== 'timestamp-malformed'),
            `${action.title} wrote a malformed stamp`,
          );
        }
      }
    }),
    { numRuns: propertyRuns(150) },
  );
});

/*
 * The layouts other tools write (docs/format.md): the parser never throws on them, and never loses
 * a line. Every line that is not blank is in a turn (its header, its text, its sentiment), is a
 * chunk marker, is reported as a problem, or is one of the lines the format says are neither:
 * document furniture and the preamble. The furniture below is written from docs/format.md, not
 * taken from the parser.
 */

/** Furniture a line is on its own (docs/format.md, "Document furniture and the preamble"). */
const RULE_LINE = /^[ \t\ufeff]*(?:-{3,}|\*{3,}|_{3,}|={3,}|\^{3,})[ \t]*$/;
const LINE_FURNITURE: readonly RegExp[] = [
  /^#{1,6}[ \t]/, // a Markdown heading, at the margin
  RULE_LINE, // a horizontal rule, `===` under a title
  /^\.\.(?:$|[ \t]+(?:[A-Za-z0-9][\w.+-]*::|_[^:\s][^:]*:|\[[^\]\s]+\]|\|[^|\s][^|]*\|))/, // reStructuredText's explicit markup, at the margin
  /^[ \t\ufeff]*!\[/, // an image
  /^[ \t\ufeff]*<!--/, // an HTML comment
  /^[ \t\ufeff]*<?https?:\/\/[^\s<>]+>?[ \t]*$/, // a line that is only a URL
  /^[ \t\ufeff]*[^:\s<>][^:<>]{0,40}:[ \t]*<?https?:\/\/[^\s<>]+>?[ \t]*$/, // `Website: https://…`
  /^[ \t\ufeff]*transcribed by\b/i, // the `Transcribed by …` footer
  /^[ \t\ufeff]*```/, // a code fence
];

const isBlank = (line: string) => /^[\s\ufeff]*$/.test(line);
const content = (line: string) => line.replace(/^[ \t\ufeff]+/, '').trimEnd();

/**
 * The lines of `lines` that the format says are neither turns nor problems, whatever the model:
 * furniture on its own, a title over a rule, the preamble (before the first turn, in the first section), front
 * matter, and in a section with cues WebVTT's header, NOTE and STYLE blocks, cue ids, and the
 * report after a WebVTT block.
 */
function furnitureLines(lines: readonly string[], model: TranscriptModel): Set<number> {
  const allowed = new Set<number>();
  lines.forEach((line, i) => {
    if (LINE_FURNITURE.some((pattern) => pattern.test(line))) allowed.add(i);
  });
  const firstTurn = model.turns[0]?.headerRange.start.line ?? lines.length;
  const firstMarker = lines.findIndex((line) => isChunkMarker(line));
  const preambleEnd = Math.min(firstTurn, firstMarker < 0 ? lines.length : firstMarker);
  for (let i = 0; i < preambleEnd; i++) allowed.add(i);

  // Front matter: `---` … `---` (or `...`) at the top.
  const top = lines.findIndex((line) => !isBlank(line));
  if (top >= 0 && content(lines[top]!) === '---') {
    const close = lines.findIndex((line, i) => i > top && (content(line) === '---' || content(line) === '...'));
    for (let i = top; close > 0 && i <= close; i++) allowed.add(i);
  }

  // Section by section (the lines between chunk markers).
  let from = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !isChunkMarker(lines[i]!)) continue;
    const to = i;
    // A title: a line after a blank (or the section's start) over a rule at least as long.
    for (let k = from; k + 1 < to; k++) {
      const title = lines[k]!.trim();
      const afterBlank = k === from || isBlank(lines[k - 1]!);
      if (afterBlank && title !== '' && RULE_LINE.test(lines[k + 1]!) && title.length <= lines[k + 1]!.trim().length) allowed.add(k);
    }
    if (lines.slice(from, to).some((line) => isCueTiming(line))) {
      let inBlock = false;
      let webvtt = -1;
      for (let k = from; k < to; k++) {
        const line = lines[k]!;
        if (isBlank(line)) {
          inBlock = false;
          continue;
        }
        const afterBlank = k === from || isBlank(lines[k - 1]!);
        if (afterBlank && /^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/.test(content(line))) inBlock = true;
        if (inBlock) allowed.add(k);
        if (webvtt < 0 && content(line).startsWith('WEBVTT')) webvtt = k;
        // A cue id: the line before a timing line, after a blank or at the section's start.
        if (k + 1 < to && isCueTiming(lines[k + 1]!) && afterBlank) allowed.add(k);
      }
      // A WebVTT block in a report: the report after the block (its closing fence, or the next heading, on) is furniture.
      if (webvtt >= 0) {
        const end = lines.findIndex((line, k) => k > webvtt && k < to && (/^[ \t\ufeff]*```/.test(line) || /^#{1,6}[ \t]/.test(line)));
        for (let k = end; end > 0 && k < to; k++) allowed.add(k);
      }
    }
    from = i + 1;
  }
  return allowed;
}

const coveredLines = (ranges: readonly Range[], into: Set<number>) => {
  for (const { start, end } of ranges) for (let line = start.line; line <= end.line; line++) into.add(line);
};

/**
 * The lines of a turn's stamps that are outside its range. Once a case the property found: a
 * speaker heading whose first segment holds only its stamp (`SPEAKER_00:` then `[12.3s]`), and in
 * word-level SRT a cue with no text that joins the sentence before it, left the stamp's line in
 * no turn and no problem.
 */
function stampLinesOutsideTurn(turn: Turn): number[] {
  const { start, end } = turn.range;
  return [turn.timestamp, turn.endTimestamp].flatMap((stamp) =>
    stamp && (stamp.range.start.line < start.line || stamp.range.start.line > end.line) ? [stamp.range.start.line] : [],
  );
}

/** Checks that `text` parses, checks, outlines, normalises and exports without throwing, and that no line is lost. */
function assertNothingLost(text: string): void {
  const analysis = analyze(text);
  const { model } = analysis;
  const lines = splitLines(text);
  computeDiagnostics(analysis);
  documentSymbols(model);
  normalizeTranscript(text);
  normalizeOutcome(model, text);
  for (const { format } of EXPORT_FORMATS) exportModel(model, format);
  // The JSON export lists every turn, with its text.
  const json = toJsonModel(model);
  assert.equal(json.turns.length, model.turns.length);
  json.turns.forEach((turn, i) => {
    const source = model.turns[i]!;
    assert.equal(turn.index, i);
    assert.equal(turn.label, source.label);
    assert.equal(turn.text, source.segments.map((segment) => segment.text).join('\n'));
  });

  const covered = new Set<number>();
  coveredLines(
    model.turns.map((turn) => turn.range),
    covered,
  );
  coveredLines(
    model.problems.map((problem) => problem.range),
    covered,
  );
  coveredLines(
    model.markers.map((marker) => marker.range),
    covered,
  );
  const allowed = furnitureLines(lines, model);
  lines.forEach((line, i) => {
    if (isBlank(line) || covered.has(i) || allowed.has(i)) return;
    assert.fail(`line ${i} is in no turn, no problem, no marker and is not furniture: ${JSON.stringify(line)}`);
  });
}

test('layouts: the parser never throws and never loses a line of a document mixing the families', () => {
  fc.assert(
    fc.property(layoutDocument(), (document) => assertNothingLost(document.text)),
    { numRuns: propertyRuns(400) },
  );
});

for (const family of FAMILIES) {
  test(`layouts: no line of a ${family} document is lost`, () => {
    fc.assert(
      fc.property(layoutDocument([family], 3), (document) => assertNothingLost(document.text)),
      { numRuns: propertyRuns(50) },
    );
  });
}

test("layouts: a line that gives a turn only its stamp is inside the turn's range", () => {
  const heading = 'SPEAKER_00:\n[12.3s]';
  const [turn] = parseTranscript(heading).turns;
  assert.equal(turn?.timestamp?.seconds, 12.3);
  // Ten one-word cues but the last, which has no text and joins the sentence.
  const wordLevel = Array.from({ length: 10 }, (_, i) => {
    const time = (ms: number) => `00:00:0${(ms / 1000).toFixed(3).replace('.', ',')}`;
    return `${i + 1}\n${time(300 * i)} --> ${time(300 * i + 200)}${i < 9 ? '\nword' : ''}`;
  }).join('\n\n');
  const [sentence] = parseTranscript(wordLevel).turns;
  assert.equal(sentence?.endTimestamp?.seconds, 2.9);
  assert.deepEqual(
    [turn, sentence].map((t) => stampLinesOutsideTurn(t)),
    [[], []],
  );
});

test('layouts: edited documents of every family still lose no line', () => {
  fc.assert(
    fc.property(layoutDocument(), fc.array(edit, { minLength: 1, maxLength: 4 }), (document, edits: Edit[]) => {
      let text = document.text;
      for (const change of edits) for (text of applyEdit(text, change)) assertNothingLost(text);
    }),
    { numRuns: propertyRuns(200) },
  );
});
