import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** What `activate` returns: tests and other extensions wait on it instead of sleeping. */
export interface TranscriptExtensionApi {
  /** Resolves once the language server has started. */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): TranscriptExtensionApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'transcript' }],
  };
  client = new LanguageClient('transcript', 'Transcript Language Server', serverOptions, clientOptions);
  const ready = client.start().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Transcript Editor: the language server could not start. ${reason}`);
    throw error;
  });
  return { ready, client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
