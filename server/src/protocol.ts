/**
 * Custom requests between the client and the server, typed once here and imported by both
 * sides. Each is named `transcript/<verb>`.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { SpeakerSummary, TurnSummary } from './service/speakers';

export type { SpeakerSummary, TurnSummary };

export interface DocumentParams {
  readonly uri: string;
}

export interface SpeakersResult {
  /** The document version the answer describes. */
  readonly version: number;
  readonly speakers: readonly SpeakerSummary[];
}

/** Everyone who speaks in a document, with their turns: the speakers view and navigation use it. */
export const SpeakersRequest = new RequestType<DocumentParams, SpeakersResult | null, void>('transcript/speakers');
