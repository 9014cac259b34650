import * as vscode from 'vscode';
import { COMMANDS, countOf, NameSpeakersRequest, type SpeakerNaming } from '../../protocol';
import { fileName, notHeld, reportFailure, serverUri, targetDocument, type TranscriptServer } from './commandTarget';
import { proposeChanges, type EditProposal, type ProposedChange } from './editProposal';
import { TextPreviews } from './textPreviews';

/*
 * Name Speakers Across the Transcript: the language server works out which chunk labels are a
 * named person (`transcript/nameSpeakers`), and the editor shows the labels written as names
 * before anything changes, each chunk's label a group of its own with why it is that person, so
 * that a doubtful one is left out with one tick. Applied, it is one edit: one undo takes it back.
 */

const NAMED_SCHEME = 'transcript-speakers-named';

export interface NameSpeakersApi {
  /** Fires when the command has labels to name, as it shows them. */
  readonly onDidPropose: vscode.Event<EditProposal>;
}

export function registerNameSpeakers(context: vscode.ExtensionContext, server: TranscriptServer): NameSpeakersApi {
  const proposed = new vscode.EventEmitter<EditProposal>();
  const previews = new TextPreviews(NAMED_SCHEME);
  context.subscriptions.push(
    proposed,
    previews,
    vscode.workspace.registerTextDocumentContentProvider(NAMED_SCHEME, previews),
    vscode.commands.registerCommand(COMMANDS.nameSpeakers, (uri?: unknown) => reportFailure(nameSpeakers(server, previews, proposed, uri))),
  );
  return { onDidPropose: proposed.event };
}

async function nameSpeakers(
  server: TranscriptServer,
  previews: TextPreviews,
  proposed: vscode.EventEmitter<EditProposal>,
  uri: unknown,
): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) return;
  const serverDocument = await serverUri(server, document);
  if (!serverDocument) return;
  const result = await server.client.sendRequest(NameSpeakersRequest, { uri: serverDocument });
  if (!result) return notHeld(document);
  const left =
    result.left.length === 0
      ? ''
      : ` ${countOf(result.left.length, 'label')} of named people cannot be written as the name without changing how the text reads, and stay as they are.`;
  if (result.namings.length === 0) {
    void vscode.window.showInformationMessage(`No label to name: no chunk label is a person whose name the transcript gives.${left}`);
    return;
  }
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage(
      `${fileName(document.uri)} changed while the names were worked out; run Name Speakers Across the Transcript again.`,
    );
    return;
  }
  if (left) void vscode.window.showInformationMessage(left.trim());
  await proposeChanges(
    document,
    namingChanges(result.namings),
    previews,
    {
      title: 'Speakers named',
      question: `Write ${countOf(result.namings.length, 'chunk label')} as names in ${fileName(document.uri)}? The diff shows each; only labels change.`,
      command: 'Name Speakers Across the Transcript',
    },
    (proposal) => proposed.fire(proposal),
  );
}

/** Each label edit filed under its chunk label (`Chunk 5 · Speaker 2 → Hillary Clinton`), with why. */
function namingChanges(namings: readonly SpeakerNaming[]): ProposedChange[] {
  return namings.flatMap((naming) => {
    const group = `Chunk ${naming.chunkIndex + 1} · ${naming.label} → ${naming.name}`;
    const description = naming.reason ?? `named ${naming.name}`;
    return naming.edits.map((edit) => ({ range: edit.range, newText: edit.newText, group, description }));
  });
}
