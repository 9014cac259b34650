import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completions } from '../../server/src/service/features/completion';
import { documentSymbols, outline } from '../../server/src/service/features/symbols';
import { foldingRanges, limitFoldingRanges } from '../../server/src/service/features/folding';
import { hover } from '../../server/src/service/features/hover';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { prepareRename, references, renameEdits, type RenameOutcome } from '../../server/src/service/features/references';
import { semanticTokens } from '../../server/src/service/features/semanticTokens';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { wholeTurnRange } from '../../server/src/service/features/turnRanges';
import { applyEdits } from '../../server/src/service/util/edits';
import { analyze, lines, textAt, withCursor } from './helpers';

const TWO_CHUNKS = lines(
  'Speaker 1 (Mark Chen): "I am excited."',
  'Sentiment: Positive',
  'Speaker 2 (Ann Lee): "It has been hard."',
  'Sentiment: Frustrated turning into Hopeful',
  'This chunk continues in the next part.',
  '[00:01:00] Speaker 1: Welcome back.',
  'Sentiment: Neutral',
  '[00:01:30] Speaker 2: Thanks.',
  'Sentiment: Positive',
  '[00:01:40] Speaker 1: Next question.',
  'Sentiment: Positive',
);

test('outline: one symbol per chunk named with its time range, one child per turn with time, speaker and preview', () => {
  const symbols = documentSymbols(parseTranscript(TWO_CHUNKS));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Chunk 1 (no times)', 'Chunk 2 (00:01:00–00:01:40)'],
  );
  assert.deepEqual(
    symbols[1]!.children.map((c) => [c.name, c.detail]),
    [
      ['00:01:00 Speaker 1: Welcome back.', 'Neutral'],
      ['00:01:30 Speaker 2: Thanks.', 'Positive'],
      ['00:01:40 Speaker 1: Next question.', 'Positive'],
    ],
  );
  assert.match(symbols[1]!.detail, /speakers of this chunk: Speaker 1, Speaker 2/);
  assert.equal(symbols[0]!.children[0]!.name, 'Speaker 1 (Mark Chen): I am excited.');
});

test('folding: one range per chunk and per multi-line turn', () => {
  assert.deepEqual(
    foldingRanges(parseTranscript(TWO_CHUNKS)).map((f) => [f.kind, f.startLine, f.endLine]),
    [
      ['chunk', 0, 4],
      ['turn', 0, 1],
      ['turn', 2, 3],
      ['chunk', 5, 10],
      ['turn', 5, 6],
      ['turn', 7, 8],
      ['turn', 9, 10],
    ],
  );
});

test("folding within the client's limit keeps the chunks first, then the turns from the top, in document order", () => {
  const all = foldingRanges(parseTranscript(TWO_CHUNKS));
  const pairs = (ranges: readonly { kind: string; startLine: number }[]) => ranges.map((f) => [f.kind, f.startLine]);
  assert.deepEqual(pairs(limitFoldingRanges(all, 4)), [
    ['chunk', 0],
    ['turn', 0],
    ['turn', 2],
    ['chunk', 5],
  ]);
  assert.deepEqual(pairs(limitFoldingRanges(all, 1)), [['chunk', 0]]);
  assert.deepEqual(limitFoldingRanges(all, 100), all);
});

test('folding: a chunk of one line has no fold, and a turn that fills its chunk folds once, as the chunk', () => {
  const folds = (text: string) => foldingRanges(parseTranscript(text)).map((f) => [f.kind, f.startLine, f.endLine]);
  // The marker line belongs to the chunk it ends.
  assert.deepEqual(folds(lines('[00:00:01] Speaker 1: Two', 'lines.', 'This chunk continues in the next part.', '[00:00:09] Speaker 2: Bye.')), [
    ['chunk', 0, 2],
    ['turn', 0, 1],
  ]);
  assert.deepEqual(
    folds(
      lines('[00:00:01] Speaker 1: One.', 'This chunk continues in the next part.', '[00:00:09] Speaker 2: A turn that', 'fills the last chunk.'),
    ),
    [
      ['chunk', 0, 1],
      ['chunk', 2, 3],
    ],
  );
});

test('folding over the limit takes every chunk before any turn, whatever the order they come in', () => {
  const all = foldingRanges(parseTranscript(TWO_CHUNKS));
  const pairs = (ranges: readonly { kind: string; startLine: number }[]) => ranges.map((f) => [f.kind, f.startLine]);
  // Both chunks, then the first turn: the second chunk comes before four of the turns it outranks.
  assert.deepEqual(pairs(limitFoldingRanges(all, 3)), [
    ['chunk', 0],
    ['turn', 0],
    ['chunk', 5],
  ]);
  assert.deepEqual(limitFoldingRanges(all, all.length), all);
});

test('semantic tokens in LSP relative form: lines from the last token, starts from the last token on the same line', () => {
  // Two cast lines (label and name each a token) around a stamped turn with a label only.
  // The last line is indented, so that its name's start counts from its label's, not from 0.
  const text = lines('Host (Ann Lee): "Hi."', '[00:00:05] Speaker 1: Thanks, and welcome.', '  Guest (Bo Jin): "Hello."');
  assert.deepEqual(
    semanticTokens(parseTranscript(text)),
    // prettier-ignore
    [
      0, 0, 4, 0, 0, // Host
      0, 6, 7, 0, 0, // Ann Lee, 6 on from Host on the same line
      1, 11, 9, 1, 0, // Speaker 1, a line down, 11 from the line's start
      1, 2, 5, 2, 0, // Guest, after two spaces
      0, 7, 6, 2, 0, // Bo Jin, 7 on from Guest
    ],
  );
});

test('a whole turn deleted (as a fix that removes a repeated turn does) takes its line break and leaves the blank lines as they were', () => {
  /** The text with the turn at `index` deleted over its whole-turn range. */
  const without = (text: string, index: number) => {
    const turn = parseTranscript(text).turns[index]!;
    return applyEdits(text, [{ range: wholeTurnRange(turn, text.split('\n')), newText: '' }]);
  };
  // Between turns with no blank lines, and between blank lines: one blank line stays.
  assert.equal(without(lines('Speaker 1: one.', 'Speaker 2: two.', 'Speaker 3: three.'), 1), lines('Speaker 1: one.', 'Speaker 3: three.'));
  assert.equal(
    without(lines('Speaker 1: one.', '', 'Speaker 2: two.', '', 'Speaker 3: three.'), 1),
    lines('Speaker 1: one.', '', 'Speaker 3: three.'),
  );
  // The first turn takes the blank line after it; the only turn leaves nothing.
  assert.equal(without(lines('Speaker 1: one.', '', 'Speaker 2: two.'), 0), 'Speaker 2: two.');
  assert.equal(without(lines('Speaker 1: one', 'and more.'), 0), '');
  // The last turn has no line break after it: it takes the one before, and the blank lines before that.
  assert.equal(without(lines('Speaker 1: one.', 'Speaker 2: two.'), 1), 'Speaker 1: one.');
  assert.equal(without(lines('Speaker 1: one.', '', '', '', 'Speaker 2: two.'), 1), lines('Speaker 1: one.', ''));
  // Only blank lines go with the last turn, not a turn before them.
  assert.equal(without(lines('Speaker 1: one.', '', 'Speaker 2: two.', 'Speaker 3: three.'), 2), lines('Speaker 1: one.', '', 'Speaker 2: two.'));
  // A line of spaces or tabs is a blank line too.
  assert.equal(
    without(lines('Speaker 1: one.', '  ', 'Speaker 2: two.', '\t', 'Speaker 3: three.'), 1),
    lines('Speaker 1: one.', '  ', 'Speaker 3: three.'),
  );
  // A blank last line is no blank line between turns: it stays, and the range ends inside the text.
  const blankLast = lines('Speaker 1: one.', '', 'Speaker 2: two.', '');
  assert.equal(without(blankLast, 1), lines('Speaker 1: one.', '', ''));
  assert.deepEqual(wholeTurnRange(parseTranscript(blankLast).turns[1]!, blankLast.split('\n')), {
    start: { line: 2, character: 0 },
    end: { line: 3, character: 0 },
  });
});

test('an outline over its limit keeps the first chunks and turns in document order, and says how many there were', () => {
  const model = parseTranscript(TWO_CHUNKS);
  const symbols = documentSymbols(model);
  const total = symbols.reduce((sum, chunk) => sum + 1 + chunk.children.length, 0);
  const cut = outline(model, 5);
  assert.deepEqual([cut.shown, cut.total], [5, total]);
  assert.deepEqual(
    cut.symbols.map((chunk) => [chunk.name, chunk.children.length]),
    [
      [symbols[0]!.name, 2],
      [symbols[1]!.name, 1],
    ],
  );
  assert.deepEqual(cut.symbols[0], symbols[0]);
  assert.deepEqual(outline(model, total), { symbols, shown: total, total });
  assert.deepEqual(outline(model, total + 10), { symbols, shown: total, total });
  // A cut that ends on a chunk's own item shows the chunk without its turns.
  assert.deepEqual(
    outline(model, symbols[0]!.children.length + 2).symbols.map((chunk) => chunk.children.length),
    [symbols[0]!.children.length, 0],
  );
});

test("sentiment hover: polarity symbol, full label, how it was normalised, and the speaker's distribution", () => {
  const { text, position } = withCursor(TWO_CHUNKS.replace('Frustrated turning', 'Frus$0trated turning'));
  const result = hover(analyze(text), position)!;
  assert.match(result.contents, /± Mixed/);
  assert.match(result.contents, /> Frustrated turning into Hopeful/);
  assert.match(result.contents, /both polarities \(“frustrated”, “hopeful”\)/);
  assert.match(result.contents, /\*\*Ann Lee\*\*: 1 sentiment note in chunk 1: 1 mixed \(100 %\)/);
  assert.equal(textAt(text, result.range), 'Sentiment: Frustrated turning into Hopeful');
});

test('timestamp hover: the time and the gap from the previous stamp; a stamp reported out of order leaves that to its warning', () => {
  const { text, position } = withCursor(lines('[00:02:44] A: one', '[00:02:$050] B: two'));
  const result = hover(analyze(text), position)!;
  assert.match(result.contents, /\*\*00:02:50\*\*/);
  assert.match(result.contents, /6 s after the previous stamp 00:02:44 \(line 1\)/);
  const backwards = withCursor(lines('[00:02:50] A: one', '[00:02:$044] B: two'));
  assert.equal(hover(analyze(backwards.text), backwards.position)!.contents, '**00:02:44** (164 s from the start)');
});

test('a stamp that crosses the one before by less than the tolerance: the hover gives the gap, warns only when it is reported, and offers no fix', async () => {
  const { codeActions } = await import('../../server/src/service/features/fixes');
  const { text, position } = withCursor(lines('[00:02:50.5] A: one', '[00:02:$050.0] B: two'));
  const quiet = hover(analyze(text), position)!;
  assert.match(quiet.contents, /0\.5 s \*\*before\*\* the previous stamp 00:02:50\.500 \(line 1\)/);
  assert.doesNotMatch(quiet.contents, /Out of order/);
  const onStamp = { start: position, end: position };
  assert.deepEqual(codeActions(analyze(text), onStamp), []);

  const strict = analyze(text, { timestampToleranceSeconds: 0 });
  // Reported, the warning says it beside the hover, which no longer gives the gap.
  assert.doesNotMatch(hover(strict, position)!.contents, /0\.5 s/);
  assert.deepEqual(
    codeActions(strict, onStamp).map((a) => a.title),
    ['Set to the previous time (00:02:50.500)', 'Shift this and all following stamps by +0.5 s'],
  );
});

test('the service gives the hover under the settings it is passed', async () => {
  const { createTranscriptService, resolveSettings, textDocument } = await import('../../server/src/service');
  const service = createTranscriptService();
  const { text, position } = withCursor(lines('[00:02:50.5] A: one', '[00:02:$050.0] B: two'));
  const document = textDocument('file:///crossing.transcript', text);
  assert.match(service.hover(document, position, resolveSettings({ timestampToleranceSeconds: 1 }))!.contents, /before\*\* the previous stamp/);
  assert.doesNotMatch(
    service.hover(document, position, resolveSettings({ timestampToleranceSeconds: 0 }))!.contents,
    /before\*\* the previous stamp/,
  );
});

test('speaker hover: name, turn count and talk time, and that nothing says who an unnamed label is', () => {
  const { text, position } = withCursor(TWO_CHUNKS.replace('[00:01:00] Speaker 1', '[00:01:00] Spea$0ker 1'));
  const result = hover(analyze(text), position)!;
  assert.match(result.contents, /\*\*Speaker 1\*\*/);
  assert.match(result.contents, /2 turns in chunk 2 · talk time 30 s/);
  assert.match(result.contents, /Unknown person: nothing ties chunk 2's `Speaker 1` to a speaker of another chunk/);
  // A guess is not stated as a fact: chunk 1's Speaker 1 is Mark Chen, this one may not be.
  assert.doesNotMatch(result.contents, /different people/);
});

test("references of a label are that speaker's turns in that chunk only", () => {
  const { text, position } = withCursor(TWO_CHUNKS.replace('[00:01:40] Speaker 1', '[00:01:40] Speaker$0 1'));
  const found = references(analyze(text), position, 'chunk');
  assert.deepEqual(
    found.map((r) => r.start.line),
    [5, 9],
  );
});

/** The edits of a rename that is not refused. */
function editsOf(outcome: RenameOutcome | undefined) {
  assert.ok(outcome && 'edits' in outcome, `the rename was refused: ${outcome && 'refused' in outcome ? outcome.refused : 'no speaker'}`);
  return outcome.edits;
}

test('rename: a lone label within its chunk by default, with the same lone label of every chunk on request; names too', () => {
  const { text, position } = withCursor(TWO_CHUNKS.replace('[00:01:00] Speaker 1', '[00:01:00] $0Speaker 1'));
  const analysis = analyze(text);
  assert.deepEqual(prepareRename(analysis, position), {
    range: { start: { line: 5, character: 11 }, end: { line: 5, character: 20 } },
    placeholder: 'Speaker 1',
    part: 'label',
  });
  const inChunk = applyEdits(text, editsOf(renameEdits(analysis, position, 'Host', 'chunk')));
  assert.deepEqual(
    inChunk.split('\n').filter((l) => /Host|Speaker 1/.test(l)),
    ['Speaker 1 (Mark Chen): "I am excited."', '[00:01:00] Host: Welcome back.', '[00:01:40] Host: Next question.'],
  );
  // Chunk 1's Speaker 1 is Mark Chen, someone the text names: a document-wide rename of chunk 2's
  // lone label leaves him be and takes the lone Speaker 1 of a third chunk along.
  const withThird = lines(text, 'This chunk continues in the next part.', '[00:02:00] Speaker 1: Last one.');
  const everywhere = applyEdits(withThird, editsOf(renameEdits(analyze(withThird), position, 'Host', 'document')));
  assert.deepEqual(
    everywhere.split('\n').filter((l) => /Host|Speaker 1/.test(l)),
    ['Speaker 1 (Mark Chen): "I am excited."', '[00:01:00] Host: Welcome back.', '[00:01:40] Host: Next question.', '[00:02:00] Host: Last one.'],
  );
  const onName = withCursor(TWO_CHUNKS.replace('(Mark Chen)', '(Mark $0Chen)'));
  const renamed = applyEdits(onName.text, editsOf(renameEdits(analyze(onName.text), onName.position, 'Mark Chén', 'chunk')));
  assert.match(renamed, /^Speaker 1 \(Mark Chén\): "I am excited\."/);
});

test('rename of an announced speaker changes the announcement and the text line', () => {
  const { text, position } = withCursor(lines('[00:16:08] Speaker: Resea$0rcher', 'Sentiment: Neutral', 'Researcher: It gave me an answer.'));
  const renamed = applyEdits(text, editsOf(renameEdits(analyze(text), position, 'Scientist', 'chunk')));
  assert.equal(renamed, lines('[00:16:08] Speaker: Scientist', 'Sentiment: Neutral', 'Scientist: It gave me an answer.'));
});

test('completion: speakers at the start of a turn, sentiment labels after Sentiment: and in ( or [ forms', () => {
  const model = parseTranscript(TWO_CHUNKS);
  const atStart = completions(model, { line: 11, character: 11 }, '[00:02:00] ');
  assert.ok(atStart.some((c) => c.label === 'Speaker 1' && c.insertText === 'Speaker 1: '));
  assert.ok(atStart.some((c) => c.label === 'Mark Chen'));
  const afterSentiment = completions(model, { line: 11, character: 14 }, 'Sentiment: Fru');
  assert.equal(afterSentiment[0]!.replaceFrom, 11);
  assert.ok(afterSentiment.some((c) => c.label === 'Frustrated turning into Hopeful'));
  const inBracket = completions(model, { line: 11, character: 20 }, 'Speaker 1: Yes. [Po');
  assert.ok(inBracket.some((c) => c.insertText === 'Positive sentiment]'));
  const inParen = completions(model, { line: 11, character: 20 }, 'Speaker 1: Yes. (Po');
  assert.ok(inParen.some((c) => c.insertText === 'Positive)'));
  assert.deepEqual(completions(model, { line: 11, character: 20 }, 'Speaker 1: plain words'), []);
});

test('semantic tokens: each person keeps one token type throughout the document', () => {
  const text = lines('Host (Ann Lee): "Hi."', 'Guest (Bo Jin): "Hello."', 'Host (Ann Lee): "Welcome."');
  const data = semanticTokens(parseTranscript(text));
  const types: number[] = [];
  for (let i = 3; i < data.length; i += 5) types.push(data[i]!);
  // label and name of turn 1, of turn 2, of turn 3
  assert.deepEqual(types, [0, 0, 1, 1, 0, 0]);
});

test('speakers summary: named people merge across chunks, generic labels stay per chunk, talk time from stamps', () => {
  const summary = summarizeSpeakers(parseTranscript(TWO_CHUNKS));
  assert.deepEqual(
    summary.map((s) => [s.displayName, s.turnCount, s.talkSeconds]),
    [
      ['Mark Chen', 1, 0],
      ['Ann Lee', 1, 0],
      ['Speaker 1 · chunk 2', 2, 30],
      ['Speaker 2 · chunk 2', 1, 10],
    ],
  );
  assert.deepEqual(summary[2]!.sentimentMix, { positive: 1, negative: 0, neutral: 1, mixed: 0, other: 0 });
});

test("completion inside a chunk offers that chunk's labels first, described as they are there", () => {
  const text = lines(
    'Speaker 1 (Mark Chen): "I am excited."',
    'Speaker 2 (Ann Lee): "It has been hard."',
    'This chunk continues in the next part.',
    '[00:01:00] Speaker 3: Welcome back.',
    '[00:01:30] Speaker 1: Thanks.',
    '',
    '[00:01:50] Speaker 3: Next question.',
  );
  const model = parseTranscript(text);
  const inChunk2 = completions(model, { line: 5, character: 11 }, '[00:01:43] ');
  assert.deepEqual(
    inChunk2.slice(0, 2).map((c) => [c.label, c.detail]),
    [
      ['Speaker 3', 'Speaker label in this chunk'],
      ['Speaker 1', 'Speaker label in this chunk'],
    ],
  );
  const inChunk1 = completions(model, { line: 1, character: 0 }, '');
  assert.deepEqual(
    inChunk1.slice(0, 2).map((c) => [c.label, c.detail]),
    [
      ['Speaker 1', 'Speaker label in this chunk: Mark Chen'],
      ['Mark Chen', 'Speaker name (Speaker 1)'],
    ],
  );
});

test('outline: a chunk without turns is listed as 0 turns, its name pointing at its marker', () => {
  // Two markers in a row leave a chunk with no turns; a marker on the first line, another.
  const text = lines(
    'This chunk continues in the next part.',
    '[00:00:01] Speaker 1: Hello.',
    'This chunk continues in the next part.',
    'This chunk continues in the next part.',
    '[00:00:05] Speaker 1: Again.',
  );
  const symbols = documentSymbols(parseTranscript(text));
  assert.deepEqual(
    symbols.map((chunk) => [chunk.name, chunk.detail, chunk.children.length, chunk.selectionRange.start.line]),
    [
      ['Chunk 1 (no times)', '0 turns', 0, 0],
      ['Chunk 2 (00:00:01)', '1 turn · speakers of this chunk: Speaker 1', 1, 1],
      ['Chunk 3 (no times)', '0 turns', 0, 3],
      ['Chunk 4 (00:00:05)', '1 turn · speakers of this chunk: Speaker 1', 1, 4],
    ],
  );
  assert.deepEqual(
    symbols.filter((chunk) => chunk.children.length === 0).map((chunk) => [chunk.range.start.line, chunk.range.end.line]),
    [
      [0, 0],
      [3, 3],
    ],
  );
  // Each counts as an item of the outline's limit, in document order: chunk 1, chunk 2 and its
  // turn, chunk 3, then chunk 4 and its turn.
  const cut = outline(parseTranscript(text), 4);
  assert.deepEqual([cut.shown, cut.total], [4, 6]);
  assert.deepEqual(
    cut.symbols.map((chunk) => [chunk.name, chunk.children.length]),
    [
      ['Chunk 1 (no times)', 0],
      ['Chunk 2 (00:00:01)', 1],
      ['Chunk 3 (no times)', 0],
    ],
  );
});
