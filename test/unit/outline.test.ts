import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTranscriptService, textDocument, type TranscriptSymbol } from '../../server/src/service';
import { CHUNK_SYMBOLS, documentSymbols, outline, type SymbolCache } from '../../server/src/service/features/symbols';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { lines } from './helpers';

/*
 * The outline: a symbol per chunk (its number and time range; its turn count, how it starts and
 * its speakers) with a child per turn (time, speaker and the first words; its sentiment labels).
 * The outline is kept from one version to the next, and an edit that moves chunks carries their
 * entries to where they moved.
 */

const NEXT = 'This chunk continues in the next part.';

/** A chunk's or turn's outline entry in brief: name, detail, first and last line, the line its name points at. */
type Brief = [name: string, detail: string, lines: [number, number], points: number, children: Brief[]];
const brief = (symbol: TranscriptSymbol): Brief => [
  symbol.name,
  symbol.detail,
  [symbol.range.start.line, symbol.range.end.line],
  symbol.selectionRange.start.line,
  symbol.children.map(brief),
];

test('a turn with no speaker is its time and its words, and the chunk lists only the speakers it names', () => {
  // A cue with no voice is a turn without a label.
  const text = lines('WEBVTT', '', '00:00:01.000 --> 00:00:03.000', 'Hi there.', '', '00:00:04.000 --> 00:00:05.000', '<v Ann>Hello.</v>', '');
  const [chunk, ...more] = documentSymbols(parseTranscript(text));
  assert.equal(more.length, 0);
  assert.deepEqual(brief(chunk!), [
    'Chunk 1 (00:00:01–00:00:04)',
    '2 turns · speakers of this chunk: Ann',
    [2, 6],
    2,
    [
      ['00:00:01 Hi there.', '', [2, 3], 2, []],
      ['00:00:04 Ann: Hello.', '', [5, 6], 5, []],
    ],
  ]);
  assert.equal(chunk!.kind, 'chunk');
  assert.deepEqual(
    chunk!.children.map((turn) => turn.kind),
    ['turn', 'turn'],
  );
});

test('a chunk of turns with no speaker names no speakers', () => {
  const text = lines('WEBVTT', '', '00:00:01.000 --> 00:00:03.000', 'Hi there.', '', '00:00:04.000 --> 00:00:05.000', 'Hello.', '');
  assert.deepEqual(
    documentSymbols(parseTranscript(text)).map((chunk) => chunk.detail),
    ['2 turns'],
  );
});

test("a turn's sentiment notes are its detail, joined by semicolons; a turn with no words is its speaker alone", () => {
  const text = lines('Speaker 1:', 'Sentiment: Positive', 'Sentiment: Frustrated', 'Speaker 2: Fine.');
  assert.deepEqual(brief(documentSymbols(parseTranscript(text))[0]!), [
    'Chunk 1 (no times)',
    '2 turns · speakers of this chunk: Speaker 1, Speaker 2',
    [0, 3],
    0,
    [
      ['Speaker 1', 'Positive; Frustrated', [0, 2], 0, []],
      ['Speaker 2: Fine.', '', [3, 3], 3, []],
    ],
  ]);
});

test('an outline entry sent as JSON is a plain tree of names, details, kinds and ranges', () => {
  const text = lines('[00:00:01] Speaker 1: Hello 🙂 there.', 'Sentiment: Positive');
  assert.deepEqual(JSON.parse(JSON.stringify(documentSymbols(parseTranscript(text)))), [
    {
      name: 'Chunk 1 (00:00:01)',
      detail: '1 turn · speakers of this chunk: Speaker 1',
      kind: 'chunk',
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 19 } },
      selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 37 } },
      children: [
        {
          name: '00:00:01 Speaker 1: Hello 🙂 there.',
          detail: 'Positive',
          kind: 'turn',
          range: { start: { line: 0, character: 0 }, end: { line: 1, character: 19 } },
          selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 37 } },
          children: [],
        },
      ],
    },
  ]);
});

test('the outline is kept: asked again, a chunk that fits whole is the same entry, and a cut one does not replace it', () => {
  const text = lines('Speaker 1: One.', 'Speaker 2: Two.', NEXT, 'Speaker 1: Three.');
  const model = parseTranscript(text);
  const cache: SymbolCache = new WeakMap();
  const whole = documentSymbols(model, cache);
  // Room for chunk 1 and its two turns exactly.
  const exact = outline(model, 3, cache);
  assert.equal(exact.symbols.length, 1);
  assert.equal(exact.symbols[0], whole[0], 'a chunk that fits exactly is not copied');
  // Then chunk 2 without its turn.
  const cut = outline(model, 4, cache);
  assert.equal(cut.symbols[0], whole[0], 'a chunk that fits is not copied');
  assert.deepEqual(
    cut.symbols.map((chunk) => chunk.children.length),
    [2, 0],
  );
  assert.equal(documentSymbols(model, cache)[1], whole[1], 'the cut copy of chunk 2 is not kept in its place');
});

/** Chunk 1; chunk 2 and chunk 3 (where the format changes) in one section; an empty chunk 4; chunk 5. */
const SECTIONS = lines(
  'Speaker 1: Opening words.',
  NEXT,
  '[00:00:01] Speaker 1: "Hello."',
  'Sentiment: Positive',
  '[00:00:03] Speaker 2: "Hi."',
  'Sentiment: Positive',
  'Speaker 1: [00:00:05] Next part. (Neutral sentiment)',
  'Speaker 2: [00:00:07] And on. (Neutral sentiment)',
  NEXT,
  NEXT,
  'Speaker 1: Closing words.',
);

const SPEAKERS_1_2 = 'speakers of this chunk: Speaker 1, Speaker 2';

test("a line added in the first chunk moves every later chunk's entry down a line, each with its own turns", () => {
  const service = createTranscriptService();
  const uri = 'file:///sections.transcript';
  // The outline of the first version is made, so that the second carries it.
  service.documentSymbols(textDocument(uri, SECTIONS, 1));
  const edited = SECTIONS.replace('Opening words.', 'Opening words.\nAnd more.');
  assert.deepEqual(service.documentSymbols(textDocument(uri, edited, 2)).map(brief), [
    ['Chunk 1 (no times)', '1 turn · speakers of this chunk: Speaker 1', [0, 2], 0, [['Speaker 1: Opening words. And more.', '', [0, 1], 0, []]]],
    [
      'Chunk 2 (00:00:01–00:00:03)',
      `2 turns · ${SPEAKERS_1_2}`,
      [3, 6],
      3,
      [
        ['00:00:01 Speaker 1: Hello.', 'Positive', [3, 4], 3, []],
        ['00:00:03 Speaker 2: Hi.', 'Positive', [5, 6], 5, []],
      ],
    ],
    [
      'Chunk 3 (00:00:05–00:00:07)',
      `2 turns · starts where the format changes · ${SPEAKERS_1_2}`,
      [7, 9],
      7,
      [
        ['00:00:05 Speaker 1: Next part.', 'Neutral', [7, 7], 7, []],
        ['00:00:07 Speaker 2: And on.', 'Neutral', [8, 8], 8, []],
      ],
    ],
    ['Chunk 4 (no times)', '0 turns', [10, 10], 10, []],
    ['Chunk 5 (no times)', '1 turn · speakers of this chunk: Speaker 1', [11, 11], 11, [['Speaker 1: Closing words.', '', [11, 11], 11, []]]],
  ]);
});

test('an edit that moves chunks carries their entries over, and the outline is not made again for them', () => {
  const analyses = new DocumentAnalyses();
  const uri = 'file:///carried.transcript';
  const first = analyses.analysis(textDocument(uri, SECTIONS, 1));
  assert.equal(documentSymbols(first.model, first.derived(CHUNK_SYMBOLS)).length, 5);
  const second = analyses.analysis(textDocument(uri, SECTIONS.replace('Opening words.', 'Opening words.\nAnd more.'), 2));
  const cache = second.derived(CHUNK_SYMBOLS);
  // Chunks 2 to 5 moved a line down: each has its entry already, under its moved chunk.
  const moved = second.model.chunks.slice(1);
  assert.deepEqual(
    moved.map((chunk) => cache.get(chunk)?.name),
    ['Chunk 2 (00:00:01–00:00:03)', 'Chunk 3 (00:00:05–00:00:07)', 'Chunk 4 (no times)', 'Chunk 5 (no times)'],
  );
  assert.deepEqual(
    moved.map((chunk) => cache.get(chunk)!.selectionRange.start.line),
    [3, 7, 10, 11],
  );
});

test('a chunk marker typed in the first chunk numbers the later chunks afresh', () => {
  const service = createTranscriptService();
  const uri = 'file:///renumbered.transcript';
  service.documentSymbols(textDocument(uri, SECTIONS, 1));
  const edited = SECTIONS.replace('Opening words.', `Opening words.\n${NEXT}\nSpeaker 2: Between.`);
  assert.deepEqual(
    service.documentSymbols(textDocument(uri, edited, 2)).map((chunk) => [chunk.name, chunk.range.start.line, chunk.children.length]),
    [
      ['Chunk 1 (no times)', 0, 1],
      ['Chunk 2 (no times)', 2, 1],
      ['Chunk 3 (00:00:01–00:00:03)', 4, 2],
      ['Chunk 4 (00:00:05–00:00:07)', 8, 2],
      ['Chunk 5 (no times)', 11, 0],
      ['Chunk 6 (no times)', 12, 1],
    ],
  );
});
