import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedDocument } from '../../server/src/lsp/chunkedDocument';
import { computeDiagnostics, firstPartDiagnostics } from '../../server/src/service/features/diagnostics';
import { sectionEndAfter } from '../../server/src/service/parse/sections';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { parseTranscript } from '../../server/src/service/parse/parser';
import { summarizeSpeakers } from '../../server/src/service/features/speakers';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { textDocument, type TranscriptDiagnostic } from '../../server/src/service';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import { analyze, lines } from './helpers';
import { propertyRuns } from './propertyRuns';
import { FIXTURES, LONG, SOURCES, asRead, assertSameModel, fixture } from './incrementalFixtures';
import { FAMILIES, applyEdit as applyLayoutEdit, courtRecord, edit as layoutEdit, layoutDocument, type Edit } from './layoutArbitraries';

/*
 * The service re-parses only the sections an edit touches and keeps the overlap results and
 * outline of chunks it did not touch (`sections.ts`). Whatever it keeps, each version must come
 * out exactly as a fresh analysis of the same text.
 */

/** What an edit may insert: the constructs whose appearance or loss moves chunk and section boundaries. */
const INSERTS = [
  'This chunk continues in the next part.',
  '[This chunk continues in the next part.]',
  'This is the last chunk.',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  'Speaker 2: ',
  '[00:00:01] Speaker 3: ',
  'Speaker 1 (Ada Lovelace): "',
  'Sentiment: Hopeful',
  ' (Negative sentiment)',
  '[Neutral sentiment]',
  '"',
  ':',
  '[',
  'x',
  '😀',
  '王',
  '\ufeff',
  '',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })),
});

function applyEdit(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const offset = Math.floor(at * text.length);
  return text.slice(0, offset) + insert + text.slice(offset + remove);
}

const document = fc.array(fc.constantFrom(...SOURCES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n'));

test('after any series of edits, the incremental analysis equals a fresh one: model, diagnostics and outline', () => {
  fc.assert(
    fc.property(document, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
      const analyses = new DocumentAnalyses();
      const service = languageServiceOver(analyses);
      const uri = 'file:///edited.transcript';
      let text = initial;
      service.diagnostics(textDocument(uri, text, 1));
      service.documentSymbols(textDocument(uri, text, 1));
      service.speakers(textDocument(uri, text, 1));
      edits.forEach((change, index) => {
        text = applyEdit(text, change);
        const version = textDocument(uri, text, index + 2);
        const fresh = analyze(text);
        assertSameModel(service.model(version), text);
        assert.deepEqual(service.diagnostics(version), computeDiagnostics(fresh));
        assert.deepEqual(asRead(service.documentSymbols(version)), asRead(documentSymbols(fresh.model)));
        assert.deepEqual(service.speakers(version), summarizeSpeakers(fresh.model));
      });
    }),
    { numRuns: propertyRuns(300) },
  );
});

/** The first `limit` by severity (errors first, each severity in document order), in document order: what VS Code keeps of a file's problems. */
function firstBySeverity(diagnostics: readonly TranscriptDiagnostic[], limit: number): TranscriptDiagnostic[] {
  const severities = ['error', 'warning', 'information', 'hint'];
  const kept = new Set(
    diagnostics
      .map((diagnostic, order) => ({ diagnostic, order }))
      .sort((a, b) => severities.indexOf(a.diagnostic.severity) - severities.indexOf(b.diagnostic.severity) || a.order - b.order)
      .slice(0, limit)
      .map(({ diagnostic }) => diagnostic),
  );
  return diagnostics.filter((diagnostic) => kept.has(diagnostic));
}

function countsByCode(diagnostics: readonly TranscriptDiagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnostics) counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1;
  return counts;
}

/** A range an editor may send: any line, any character, past a line's end or the text's end too. */
const position = fc.record({ line: fc.double({ min: 0, max: 1.05, noNaN: true }), character: fc.nat({ max: 90 }) });
const contentChange = fc.record({
  from: position,
  length: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 60 })),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 }), fc.constant('王😀\r\n王')),
});

test("after any series of LSP content changes, batches of several included, the incremental analysis of the server's chunked document equals a fresh one", () => {
  fc.assert(
    fc.property(
      document,
      fc.array(fc.record({ batch: fc.array(contentChange, { minLength: 1, maxLength: 3 }), analysed: fc.boolean() }), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.nat({ max: 12 }),
      (initial, versions, limit) => {
        const service = languageServiceOver(new DocumentAnalyses());
        const uri = 'file:///changed.transcript';
        let text = initial;
        // Chunks of a few characters, so that edits fall across chunk ends.
        const edited = new ChunkedDocument(uri, 'transcript', 1, text, 5);
        service.diagnostics(edited);
        service.documentSymbols(edited);
        versions.forEach(({ batch, analysed }, index) => {
          const version = index + 2;
          // Each change's range is in the text the change before it left, as LSP says.
          let scratch = TextDocument.create(uri, 'transcript', 0, text);
          const changes = batch.map(({ from, length, insert }) => {
            const start = { line: Math.floor(from.line * scratch.lineCount), character: from.character };
            const change = { range: { start, end: scratch.positionAt(scratch.offsetAt(start) + length) }, text: insert };
            scratch = TextDocument.create(uri, 'transcript', 0, TextDocument.update(scratch, [change], 0).getText());
            return change;
          });
          service.edited(uri, version, edited.update(changes, version));
          text = scratch.getText();
          assert.equal(edited.getText(), text);
          // Versions not analysed hand their changes on to the next one.
          if (!analysed && index < versions.length - 1) return;
          const fresh = analyze(text);
          // The service reads the chunked document's snapshot: only the parts the edits touched.
          const current = edited;
          assertSameModel(service.model(current), text);
          const all = computeDiagnostics(fresh);
          assert.deepEqual(service.diagnostics(current), all);
          // What the editor is sent: the first `limit` by severity, in document order, kept from version to version.
          const shown = service.shownDiagnostics(current, limit);
          assert.deepEqual(shown.shown, firstBySeverity(all, limit));
          assert.equal(shown.total, all.length);
          assert.deepEqual(shown.byCode, countsByCode(all));
          assert.deepEqual(asRead(service.documentSymbols(current)), asRead(documentSymbols(fresh.model)));
        });
      },
    ),
    { numRuns: propertyRuns(300) },
  );
});

test("a document's first part, checked alone, gets the whole document's diagnostics in that part", () => {
  const runs = propertyRuns(200);
  let parts = 0;
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...SOURCES), { minLength: 2, maxLength: 6 }).map((sources) => sources.join('\n')),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      (text, share) => {
        const characters = Math.floor(text.length * share);
        const part = firstPartDiagnostics(text, DEFAULT_SETTINGS, characters);
        const cut = sectionEndAfter(text, characters, text.length / 2 - characters);
        assert.equal(part === undefined, cut === undefined || parseTranscript(text.slice(0, cut)).turns.length === 0);
        if (!part || cut === undefined) return;
        const whole = computeDiagnostics(analyze(text));
        if (whole.some((diagnostic) => diagnostic.code === 'not-a-transcript')) return;
        parts++;
        const partLines = text.slice(0, cut).split(/\r\n|\r|\n/).length - 1;
        assert.deepEqual(
          part,
          whole.filter((diagnostic) => diagnostic.range.start.line < partLines),
        );
      },
    ),
    { numRuns: runs },
  );
  assert.ok(parts > runs / 4, `${parts} of ${runs} documents had a first part`);
});

test('typing in many places keeps no earlier version of the text alive', () => {
  // A model that kept slices of the text would keep each version of it that a kept section was
  // parsed from: typing in ten sections of a 20 MB transcript would hold ten copies of it.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const heapAfterCollecting = () => {
    collect();
    return process.memoryUsage().heapUsed;
  };
  const uri = 'file:///typed-in-many-places.transcript';
  let text = LONG.repeat(3);
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const analyseAll = (version: number) => {
    const document = textDocument(uri, text, version);
    service.diagnostics(document);
    service.outline(document, 1_000_000);
    service.speakers(document);
  };
  const typeAt = (edit: number) => {
    const at = text.indexOf(' the ', Math.floor((text.length * edit) / 12)) + 2;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    analyseAll(edit + 1);
  };
  analyseAll(1);
  typeAt(1);
  const before = heapAfterCollecting();
  for (let edit = 2; edit <= 11; edit++) typeAt(edit);
  const grown = heapAfterCollecting() - before;
  // The text's heap: two bytes a character, as the fixtures' emoji make it.
  const oneVersion = 2 * text.length;
  assert.ok(
    grown < oneVersion,
    `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ten edits; one version of the text is ${(oneVersion / 1e6).toFixed(1)} MB`,
  );
});

/*
 * The layouts other tools write (docs/format.md, "Layouts"): documents generated in every family,
 * and the layout fixtures, edited as a person edits them: text spliced in and cut out (line
 * breaks included), whole lines replaced, a header typed a character at a time (each keystroke a
 * version), a blank line between two cues deleted.
 */

const LAYOUT_FIXTURES = readdirSync(join(FIXTURES, 'layouts'))
  .filter((name) => name !== 'expected.json')
  .map((name) => fixture(join('layouts', name)));

/** How the layout fixtures are put one after another: right after each other, or with a marker between. */
const MARKER_JOINS = ['\n', '\nThis chunk continues in the next part.\n', '\n[This chunk continues in the next part.]\n\n'];

/** Analyses each version in turn through one service, and checks each against a fresh analysis. */
/**
 * Applies `edits` one version at a time, twice: to a document given as its whole text (the service
 * compares the texts), and to the server's chunked document, each version's change sent as the
 * editor sends it (a range and its text; the service reads only what it touched). After each,
 * both analyses must equal a fresh one.
 */
function assertEditsKeepFreshAnalysis(initial: string, edits: readonly Edit[], uri: string): void {
  const service = languageServiceOver(new DocumentAnalyses());
  const chunkedService = languageServiceOver(new DocumentAnalyses());
  let version = 1;
  let text = initial;
  // Chunks of a few characters, so that edits fall across chunk ends.
  const chunked = new ChunkedDocument(uri, 'transcript', version, text, 7);
  for (const [analysed, document] of [
    [service, textDocument(uri, text, version)],
    [chunkedService, chunked],
  ] as const) {
    assertSameModel(analysed.model(document), text);
    analysed.diagnostics(document);
    analysed.documentSymbols(document);
    analysed.speakers(document);
  }
  for (const change of edits) {
    for (const next of applyLayoutEdit(text, change)) {
      // The change as one range of the text before it: what lies between the common ends.
      let prefix = 0;
      while (prefix < Math.min(text.length, next.length) && text[prefix] === next[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(text.length, next.length) - prefix && text[text.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
      // A position cannot stand between a CR and its LF (the editor's cannot either): widen the range past them.
      if (text[prefix - 1] === '\r' && text[prefix] === '\n') prefix--;
      if (text[text.length - suffix - 1] === '\r' && text[text.length - suffix] === '\n') suffix--;
      const before = TextDocument.create(uri, 'transcript', 0, text);
      const range = { start: before.positionAt(prefix), end: before.positionAt(text.length - suffix) };
      text = next;
      version++;
      chunkedService.edited(uri, version, chunked.update([{ range, text: next.slice(prefix, next.length - suffix) }], version));
      const fresh = analyze(text);
      for (const [analysed, document] of [
        [service, textDocument(uri, text, version)],
        [chunkedService, chunked],
      ] as const) {
        assert.equal(document.getText(), text);
        assertSameModel(analysed.model(document), text);
        assert.deepEqual(analysed.diagnostics(document), computeDiagnostics(fresh));
        assert.deepEqual(asRead(analysed.documentSymbols(document)), asRead(documentSymbols(fresh.model)));
        assert.deepEqual(analysed.speakers(document), summarizeSpeakers(fresh.model));
      }
    }
  }
}

test('layouts: after any series of edits to a document mixing the families, the incremental analysis equals a fresh one', () => {
  fc.assert(
    fc.property(layoutDocument(), fc.array(layoutEdit, { minLength: 1, maxLength: 6 }), (document, edits) => {
      assertEditsKeepFreshAnalysis(document.text, edits, 'file:///layouts.transcript');
    }),
    { numRuns: propertyRuns(300) },
  );
});

for (const family of FAMILIES) {
  test(`layouts: edits to ${family} sections keep the incremental analysis equal to a fresh one`, () => {
    fc.assert(
      fc.property(layoutDocument([family], 3), fc.array(layoutEdit, { minLength: 1, maxLength: 5 }), (document, edits) => {
        assertEditsKeepFreshAnalysis(document.text, edits, `file:///${family}.transcript`);
      }),
      { numRuns: propertyRuns(40) },
    );
  });
}

test("a court record's numbered pages: every line of speech is in a turn, and edits keep the incremental analysis equal to a fresh one", () => {
  fc.assert(
    fc.property(courtRecord, fc.array(layoutEdit, { minLength: 1, maxLength: 5 }), ({ text, speech }, edits) => {
      const model = parseTranscript(text);
      const said = model.turns.map((turn) => turn.segments.map((segment) => segment.text).join(' ')).join(' ');
      // A line of speech that opens with a label (`Note: the recorder stopped here`) is a turn of its
      // own, its label not text; a note at a line's end (`(Positive)`) is the turn's sentiment.
      const spoken = (line: string) => line.replace(/^\p{Lu}[^:]*:\s+/u, '').replace(/\s*\([^()]*\)$/, '');
      for (const line of speech) assert.ok(said.includes(spoken(line)), `“${line}” is in a turn`);
      assert.deepEqual(
        model.problems.filter((problem) => problem.code !== 'unterminated-quote'),
        [],
      );
      assertEditsKeepFreshAnalysis(text, edits, 'file:///court.transcript');
    }),
    { numRuns: propertyRuns(200) },
  );
});

test('layouts: edits to the layout fixtures keep the incremental analysis equal to a fresh one', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...LAYOUT_FIXTURES), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...MARKER_JOINS),
      fc.array(layoutEdit, { minLength: 1, maxLength: 5 }),
      (parts, join, edits) => {
        assertEditsKeepFreshAnalysis(parts.join(join), edits, 'file:///fixtures.transcript');
      },
    ),
    { numRuns: propertyRuns(150) },
  );
});

test('a turn typed into an empty chunk between two others is read by the next boundary check, which kept its result before', () => {
  // The check at the third chunk read the first chunk's turn across the empty second; the edit
  // parses the second again (a line of one space between two markers), keeps the first and moves
  // the third: both turns the check read are the same objects, each in its place, with a new turn
  // between them that the third repeats.
  const said = 'the ferry stopped running in the winter and the whole village rowed across';
  const before = lines(
    'Speaker 1: We built the harbour wall in the spring of that year.',
    'This chunk continues in the next part.',
    ' ',
    'This chunk continues in the next part.',
    `Speaker 2: ${said} every morning. Then the council paid for a new boat.`,
  );
  const typedAt = before.indexOf(' \n') + 1;
  const typed = `\nSpeaker 2: After that ${said}.`;
  const after = before.slice(0, typedAt) + typed + before.slice(typedAt);
  const uri = 'file:///typed-into-empty-chunk.transcript';
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  const overlapsOf = (diagnostics: readonly TranscriptDiagnostic[]) =>
    diagnostics.filter((d) => d.code === 'duplicate-overlap').map((d) => d.range.start.line);
  assert.deepEqual(overlapsOf(service.diagnostics(textDocument(uri, before, 1))), []);
  service.edited(uri, 2, [{ start: typedAt, end: typedAt, text: typed }]);
  const document = textDocument(uri, after, 2);
  const edited = service.diagnostics(document);
  assert.deepEqual(analyses.analysis(document).parseStats, { parsed: 1, kept: 1, moved: 1 });
  assert.deepEqual(edited, computeDiagnostics(analyze(after)));
  assert.deepEqual(overlapsOf(edited), [5]);
});
