import * as vscode from 'vscode';
import { COMMANDS, countOf, NameSpeakersRequest, type SpeakerNaming } from '../../protocol';
import { askAboutTarget, fileName, type TranscriptServer } from './commandTarget';
import { proposeChanges, registerProposingCommand, type ProposalsApi, type ProposedChange } from './editProposal';

/*
 * Name Speakers Across the Transcript: the language server works out which chunk labels are a
 * named person (`transcript/nameSpeakers`), and the editor shows the labels written as names
 * before anything changes, each chunk's label a group of its own with why it is that person, so
 * that a doubtful one is left out with one tick. Applied, it is one edit: one undo takes it back.
 */

const NAMED_SCHEME = 'transcript-speakers-named';

export type NameSpeakersApi = ProposalsApi;

export function registerNameSpeakers(context: vscode.ExtensionContext, server: TranscriptServer): NameSpeakersApi {
  return registerProposingCommand(context, COMMANDS.nameSpeakers, NAMED_SCHEME, async (uri, previews, fire) => {
    const asked = await askAboutTarget(server, uri, NameSpeakersRequest);
    if (!asked) return;
    const { document, result } = asked;
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
    const wording = {
      title: 'Speakers named',
      question: `Write ${countOf(result.namings.length, 'chunk label')} as names in ${fileName(document.uri)}? The diff shows each; only labels change.`,
      command: 'Name Speakers Across the Transcript',
    };
    await proposeChanges(document, namingChanges(result.namings), previews, wording, fire);
  });
}

/** Each label edit filed under its chunk label (`Chunk 5 · Speaker 2 → Hillary Clinton`), with why. */
function namingChanges(namings: readonly SpeakerNaming[]): ProposedChange[] {
  return namings.flatMap((naming) => {
    const group = `Chunk ${naming.chunkIndex + 1} · ${naming.label} → ${naming.name}`;
    const description = naming.reason ?? `named ${naming.name}`;
    return naming.edits.map((edit) => ({ range: edit.range, newText: edit.newText, group, description }));
  });
}
