import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  changedSpan,
  composeSpans,
  sameSnapshot,
  snapshotOf,
  stringSnapshot,
  textDocument,
  type TextChange,
  type TextSnapshot,
  type TranscriptDocument,
} from '../../server/src/service/document';
import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import { languageServiceOver } from '../../server/src/service/languageService';
import { applyEdits } from '../../server/src/service/util/edits';
import { resolveSettings } from '../../server/src/service/settings';
import { lines } from './helpers';

/*
 * Typing, as the language server passes it on: the editor's changes (`edited`) tell the service
 * where the next version differs, so that it parses only that section and never compares or
 * joins the whole text. Whatever the changes say, the analysis must be the one a fresh service
 * makes of the text.
 */

const URI = 'file:///typing.transcript';

/** Three chunks, so that an edit in one leaves the other two to be kept or moved. */
const TEXT = lines(
  '[00:00:01] Speaker 1: We need to rebuild our roads and our bridges across the whole country.',
  '[00:00:09] Speaker 2: And the schools, which have waited long enough for it.',
  'This chunk continues in the next part.',
  '[00:00:05] Speaker 1: our roads and our bridges across the whole country. Then the schools.',
  '[00:00:20] Speaker 2: thank you thank you thank you thank you.',
  'This chunk continues in the next part.',
  '[00:00:30] Speaker 1: That is all from me today.',
);

/** A text kept in pieces, as the server's documents are: it counts what the service reads of it. */
function countedSnapshot(text: string): TextSnapshot & { wholeReads: number; sliced: number } {
  const snapshot = {
    length: text.length,
    text: undefined,
    wholeReads: 0,
    sliced: 0,
    slice(start: number, end: number) {
      snapshot.sliced += end - start;
      return text.slice(start, end);
    },
    whole() {
      snapshot.wholeReads++;
      return text;
    },
  };
  return snapshot;
}

function documentOf(text: string, version: number, snapshot?: TextSnapshot): TranscriptDocument {
  return { uri: URI, version, getText: () => text, ...(snapshot ? { snapshot: () => snapshot } : {}) };
}

/** The text after `changes`, each applied to what the one before left. */
function applied(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((before, { start, end, text: inserted }) => before.slice(0, start) + inserted + before.slice(end), text);
}

/** A service that has checked version 1 of `TEXT`, as the server has once the document is open. */
function openedOnText() {
  const analyses = new DocumentAnalyses();
  const service = languageServiceOver(analyses);
  service.diagnostics(documentOf(TEXT, 1));
  return { analyses, service };
}

/** What a fresh service reports for `text`. */
function fresh(text: string) {
  return languageServiceOver(new DocumentAnalyses()).diagnostics(textDocument(URI, text, 1));
}

test('changedSpan: what a series of changes keeps at both ends, each change read against the text the one before left', () => {
  // One change in the middle of 100 characters: 40 before it, 50 after it stay.
  assert.deepEqual(changedSpan(100, [{ start: 40, end: 50, text: 'xyz' }]), { prefix: 40, suffix: 50 });
  // An insertion at the very start, then a deletion at the end of the 103 characters it left.
  assert.deepEqual(
    changedSpan(100, [
      { start: 0, end: 0, text: 'abc' },
      { start: 98, end: 103, text: '' },
    ]),
    { prefix: 0, suffix: 0 },
  );
  // Two changes: the second's end is read against the 95 characters the first left.
  assert.deepEqual(
    changedSpan(100, [
      { start: 60, end: 70, text: 'xxxxx' },
      { start: 10, end: 20, text: '' },
    ]),
    { prefix: 10, suffix: 30 },
  );
  // A span already pending narrows with the next changes.
  assert.deepEqual(changedSpan(100, [{ start: 90, end: 95, text: '' }], { prefix: 30, suffix: 80 }), { prefix: 30, suffix: 5 });
  // No change keeps the whole text at both ends.
  assert.deepEqual(changedSpan(100, []), { prefix: 100, suffix: 100 });
  // Changes that do not fit the text they are said to change: none of them is trusted.
  for (const change of [
    { start: -1, end: 0, text: 'a' },
    { start: 5, end: 4, text: 'a' },
    { start: 99, end: 101, text: '' },
  ]) {
    assert.equal(changedSpan(100, [change]), undefined, JSON.stringify(change));
  }
  // At the text's very end is in it.
  assert.deepEqual(changedSpan(100, [{ start: 100, end: 100, text: '!' }]), { prefix: 100, suffix: 0 });
  assert.deepEqual(composeSpans({ prefix: 10, suffix: 70 }, { prefix: 30, suffix: 20 }), { prefix: 10, suffix: 20 });
});

test('two snapshots are the same text when they are one snapshot or hold one string, and are not taken to be otherwise', () => {
  const text = 'Speaker 1: Hello.';
  const counted = countedSnapshot(text);
  assert.equal(sameSnapshot(counted, counted), true);
  assert.equal(sameSnapshot(stringSnapshot(text), stringSnapshot(text)), true);
  assert.equal(sameSnapshot(stringSnapshot(text), stringSnapshot(`${text} `)), false);
  // A text in pieces has no string to compare without joining it: not known to be the same.
  assert.equal(sameSnapshot(countedSnapshot(text), countedSnapshot(text)), false);
  assert.equal(sameSnapshot(stringSnapshot(text), counted), false);
  assert.equal(counted.wholeReads, 0);
  assert.equal(snapshotOf(documentOf(text, 1, counted)), counted);
  assert.equal(snapshotOf(textDocument(URI, text)).whole(), text);
});

test('typed into one chunk, the next version parses that chunk alone and reads no more of the text than it', () => {
  const { analyses, service } = openedOnText();
  // A word typed in the middle chunk.
  const at = TEXT.indexOf('Then the schools');
  const changes = [{ start: at, end: at, text: 'And ' }];
  const next = applied(TEXT, changes);
  service.edited(URI, 2, changes);
  const snapshot = countedSnapshot(next);
  const document = documentOf(next, 2, snapshot);
  assert.deepEqual(service.diagnostics(document), fresh(next));
  // The chunk typed into is parsed; the other two are kept (or moved, had the edit added a line).
  const { parsed, kept, moved } = analyses.analysis(document).parseStats;
  assert.deepEqual({ parsed, keptOrMoved: kept + moved }, { parsed: 1, keptOrMoved: 2 });
  assert.equal(snapshot.wholeReads, 0, 'the whole text was never made one string');
  assert.ok(snapshot.sliced < next.length / 2, `${snapshot.sliced} of ${next.length} characters read`);
});

test('changes over several calls before the next analysis count together', () => {
  const { analyses, service } = openedOnText();
  const at = TEXT.indexOf('That is all');
  const first = [{ start: at, end: at, text: 'So. ' }];
  const second = [{ start: at + 4, end: at + 8, text: 'This' }];
  service.edited(URI, 2, first);
  service.edited(URI, 3, second);
  const next = applied(applied(TEXT, first), second);
  const snapshot = countedSnapshot(next);
  assert.deepEqual(service.diagnostics(documentOf(next, 3, snapshot)), fresh(next));
  assert.equal(snapshot.wholeReads, 0);
  assert.deepEqual(analyses.analysis(documentOf(next, 3, snapshot)).parseStats, { parsed: 1, kept: 2, moved: 0 });
});

test('changes that do not lead to the text analysed are not trusted: the texts are compared, and the result is right', () => {
  const cases: Array<{ name: string; calls: Array<{ version: number; changes: TextChange[] }>; version: number; text: string }> = [];
  const at = TEXT.indexOf('Then the schools');
  const typed = applied(TEXT, [{ start: at, end: at, text: 'And ' }]);
  // A change said to lie past the end of the text: it, and the one after it, are dropped.
  cases.push({
    name: 'out of range',
    calls: [
      { version: 2, changes: [{ start: TEXT.length + 5, end: TEXT.length + 6, text: 'x' }] },
      { version: 3, changes: [{ start: at, end: at, text: 'And ' }] },
    ],
    version: 3,
    text: typed,
  });
  // Changes that end at another version than the one analysed.
  cases.push({ name: 'other version', calls: [{ version: 7, changes: [{ start: 0, end: 0, text: '' }] }], version: 2, text: typed });
  // Changes that leave a text of another length than the one analysed (one was lost on the way).
  cases.push({ name: 'other length', calls: [{ version: 2, changes: [{ start: at, end: at, text: 'An' }] }], version: 2, text: typed });
  for (const { name, calls, version, text } of cases) {
    const { service } = openedOnText();
    for (const call of calls) service.edited(URI, call.version, call.changes);
    const snapshot = countedSnapshot(text);
    assert.deepEqual(service.diagnostics(documentOf(text, version, snapshot)), fresh(text), name);
    assert.ok(snapshot.wholeReads > 0, `${name}: the texts were compared`);
  }
});

test('a closed document is forgotten: changes to it are ignored, and reopened it is analysed afresh', () => {
  const { analyses, service } = openedOnText();
  assert.equal(service.holds(URI), true);
  service.forget(URI);
  assert.equal(service.holds(URI), false);
  service.edited(URI, 2, [{ start: 0, end: 0, text: 'x' }]);
  assert.equal(service.holds(URI), false);
  const reopened = lines('Speaker 1: A new text under the same name.');
  assert.deepEqual(service.diagnostics(documentOf(reopened, 1)), fresh(reopened));
  assert.deepEqual(analyses.analysis(documentOf(reopened, 1)).parseStats, { parsed: 1, kept: 0, moved: 0 });
});

test('the same version with another text is analysed again: a version number alone is no proof', () => {
  const { service } = openedOnText();
  const changed = TEXT.replace('[00:00:30]', '[00:00:03]');
  assert.deepEqual(service.diagnostics(documentOf(changed, 1)), fresh(changed));
  assert.notDeepEqual(fresh(changed), fresh(TEXT));
});

test('Fix All is offered when there is a repeat or a loop to remove, and not otherwise', () => {
  const service = languageServiceOver(new DocumentAnalyses());
  const has = (text: string) => service.hasFixAll(textDocument(`file:///${text.length}.transcript`, text, 1));
  assert.equal(has(TEXT), true);
  assert.equal(has(lines('Speaker 1: thank you thank you thank you thank you.')), true);
  assert.equal(has(lines('Speaker 1: Hello there.', 'Speaker 2: Hello.')), false);
  // And what it offers does what it says: the repeat and the loop go.
  const document = textDocument(URI, TEXT, 1);
  const fixed = applyEdits(TEXT, service.fixAll(document));
  assert.equal(service.hasFixAll(textDocument(URI, fixed, 2)), false);
});

test('renaming through the service: where a name can be renamed, and the edits that rename it', () => {
  const service = languageServiceOver(new DocumentAnalyses());
  const document = textDocument(URI, TEXT, 1);
  const label = { line: 1, character: 13 };
  assert.deepEqual(service.prepareRename(document, label), {
    range: { start: { line: 1, character: 11 }, end: { line: 1, character: 20 } },
    placeholder: 'Speaker 2',
    part: 'label',
  });
  // Labels restart in every chunk: by default only this chunk's `Speaker 2` is Dana.
  const renamed = (settings?: Parameters<typeof resolveSettings>[0]) => {
    const outcome = service.rename(document, label, 'Dana', settings && resolveSettings(settings));
    assert.ok(outcome && 'edits' in outcome, JSON.stringify(outcome));
    return applyEdits(TEXT, outcome.edits);
  };
  assert.equal(renamed(), TEXT.replace('[00:00:09] Speaker 2:', '[00:00:09] Dana:'));
  assert.equal(renamed({ renameScope: 'document' }), TEXT.replaceAll('Speaker 2:', 'Dana:'));
  assert.deepEqual(service.references(document, label, resolveSettings({ renameScope: 'document' })).length, 2);
});
