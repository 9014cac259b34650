import type * as vscode from 'vscode';

/**
 * A server's answer about a document, kept for the document version it was asked for: asked
 * again for the same version, the same answer (or the request still under way) is given. A failed
 * request is not kept, so the next call asks again.
 */
export class AnswersByVersion<Answer> {
  private readonly answers = new Map<string, { version: number; result: Promise<Answer> }>();

  constructor(private readonly ask: (document: vscode.TextDocument) => Promise<Answer>) {}

  for(document: vscode.TextDocument): Promise<Answer> {
    const key = document.uri.toString();
    const known = this.answers.get(key);
    if (known && known.version === document.version) return known.result;
    const result = this.ask(document);
    this.answers.set(key, { version: document.version, result });
    result.catch(() => this.answers.delete(key));
    return result;
  }

  forget(document: vscode.TextDocument): void {
    this.answers.delete(document.uri.toString());
  }
}
