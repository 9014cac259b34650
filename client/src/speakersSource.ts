import * as vscode from 'vscode';
import { AnswersByVersion } from './answersByVersion';
import { isUsersDocument } from './documentScope';
import type { LanguageClient } from 'vscode-languageclient/node';
import { decodeSpeakers, NameLabelRequest, SpeakersRequest, type ChunkLabel, type NameLabelResult, type SpeakersResult } from '../../protocol';

export const TRANSCRIPT_LANGUAGE = 'transcript';

/** True for a document of the user's (see `isUsersDocument`) in the editor this extension runs in. */
export function isUsers(document: vscode.TextDocument): boolean {
  return isUsersDocument(document.uri, (scheme) => vscode.workspace.fs.isWritableFileSystem(scheme));
}

/**
 * A transcript the extension works on: one of the user's documents in the transcript language.
 * A diff's other side or a preview is left alone: the server is not given it.
 */
export function isTranscript(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === TRANSCRIPT_LANGUAGE && isUsers(document);
}

/**
 * Asks the language server who speaks in a document (`transcript/speakers`) for the speakers
 * view and the navigation commands. Answers are kept per document version, so a command pressed
 * right after the view refreshed does not ask again; and the last answer received is named in
 * the next request, so the server sends only the rows that changed since.
 */
export class SpeakersSource {
  private readonly answers = new AnswersByVersion((document) => this.request(document));
  private readonly received = new Map<string, SpeakersResult>();

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  /**
   * The speakers of the document as it is now. The client sends pending edits before a request,
   * so the server answers for this version. Null when the server does not have the document.
   */
  speakers(document: vscode.TextDocument): Promise<SpeakersResult | null> {
    return this.answers.for(document);
  }

  /** "This is…", "Merge With…": the edits that write chunk labels as `name`, for the document as it is now, or why not. */
  async nameLabels(document: vscode.TextDocument, labels: readonly ChunkLabel[], name: string): Promise<NameLabelResult | null> {
    await this.ready;
    const uri = this.client.code2ProtocolConverter.asUri(document.uri);
    return this.client.sendRequest(NameLabelRequest, { uri, labels, name });
  }

  forget(document: vscode.TextDocument): void {
    this.answers.forget(document);
    this.received.delete(document.uri.toString());
  }

  private async request(document: vscode.TextDocument): Promise<SpeakersResult | null> {
    await this.ready;
    const key = document.uri.toString();
    const uri = this.client.code2ProtocolConverter.asUri(document.uri);
    // The answer this request is made against: the server sends changes since it, or all rows.
    const held = this.received.get(key);
    const wire = await this.client.sendRequest(SpeakersRequest, { uri, ...(held ? { since: held.version } : {}) });
    if (!wire) return null;
    const result = decodeSpeakers(wire, held);
    this.received.set(key, result);
    return result;
  }
}
