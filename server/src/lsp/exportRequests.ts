import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ExportRequest, NormalizeRequest, type ExportResult, type NormalizeResult } from '../../../protocol';
import { EXPORT_FORMATS, transcriptTitle, type TranscriptLanguageService } from '../service';
import { unlessCancelled } from './cancellation';
import { documentName } from './documentName';

/*
 * `transcript/export` and `transcript/normalize`, for the editor's Export and Normalize commands:
 * worked out here, on the document as the server holds it (unsaved edits included), so that the
 * extension carries no parser of its own and gives the bytes the CLI gives.
 */

export function registerExportRequests(
  connection: Connection,
  documents: { get(uri: string): TextDocument | undefined },
  service: TranscriptLanguageService,
): void {
  connection.onRequest(
    ExportRequest,
    unlessCancelled(({ uri, format, untimed }): ExportResult | ResponseError | null => {
      const document = documents.get(uri);
      if (!document) return null;
      const info = EXPORT_FORMATS.find((candidate) => candidate.format === format);
      if (!info) return new ResponseError(ErrorCodes.InvalidParams, `transcript/export: no format '${String(format)}'`);
      const title = transcriptTitle(documentName(uri));
      if (service.model(document).turns.length === 0) return { outcome: 'not-a-transcript' };
      const options = { title, ...(untimed === 'estimate' ? { untimed } : {}) };
      const text = service.exportDocument(document, format, options);
      const { notes, leftOut } = service.exportNotes(document, format, options);
      return { outcome: 'exported', text, title, label: info.label, extension: info.extension, notes, untimedLeftOut: leftOut > 0 };
    }),
  );

  connection.onRequest(
    NormalizeRequest,
    unlessCancelled(({ uri }): NormalizeResult | null => {
      const document = documents.get(uri);
      return document ? { version: document.version, ...service.normalize(document) } : null;
    }),
  );
}
