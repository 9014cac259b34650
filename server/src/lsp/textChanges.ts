import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextChange } from '../service';

/**
 * Applies an editor's content changes to `document` one by one, and gives each as offsets in the
 * text just before it (`TextChange`), which is what the service takes: the text document's line
 * table, which it keeps anyway, turns each range into offsets, clamped and ordered as
 * `TextDocument.update` applies them.
 *
 * vscode-languageserver-textdocument updates its line table edit by edit, and an edit that puts a
 * CR right before an LF (or an LF right after a CR) leaves two line breaks where there is one, so
 * later positions land on the wrong line. With `withCr` (the document may hold a CR), each change
 * is applied to a copy and the line table rebuilt before the next: O(n) per change, as the
 * update's own string copy is. Without it the document is updated in place.
 */
export function applyContentChanges(
  document: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
  withCr: boolean,
): { document: TextDocument; changes: TextChange[] } {
  // A copy first, so that a check still holding the old document never sees a text halfway through.
  let updated = withCr ? TextDocument.create(document.uri, document.languageId, document.version, document.getText()) : document;
  const offsets: TextChange[] = [];
  for (const change of changes) {
    let start = 0;
    let end = updated.getText().length;
    if ('range' in change) {
      const from = updated.offsetAt(change.range.start);
      const to = updated.offsetAt(change.range.end);
      start = Math.min(from, to);
      end = Math.max(from, to);
    }
    offsets.push({ start, end, text: change.text });
    updated = TextDocument.update(updated, [change], version);
    if (withCr) updated = TextDocument.create(updated.uri, updated.languageId, version, updated.getText());
  }
  return { document: updated, changes: offsets };
}
