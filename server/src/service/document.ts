/** What the service needs of a document: the LSP `TextDocument` and plain objects both fit. */
export interface TranscriptDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Makes a document from text, for the CLI, tests and benchmarks. */
export function textDocument(uri: string, text: string, version = 1): TranscriptDocument {
  return { uri, version, getText: () => text };
}
