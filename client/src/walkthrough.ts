import * as vscode from 'vscode';
import { COMMANDS } from '../../protocol';

/** The sample the Getting Started walkthrough opens, shipped in the package. */
const SAMPLE = ['sample', 'debate-2016.transcript'];

/**
 * `transcript.openSample`: the sample transcript as an untitled copy, so that a new user can try
 * fixes and exports on it without writing into the extension's own folder. Resolves with its editor.
 */
export function registerOpenSample(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openSample, async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE));
    const document = await vscode.workspace.openTextDocument({ language: 'transcript', content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document);
  });
}
