import * as vscode from 'vscode';
import { COMMANDS, countOf, TimestampFixesRequest, type StampChange } from '../../protocol';
import { askAboutTarget, fileName, type TranscriptServer } from './commandTarget';
import { proposeChanges, registerProposingCommand, type EditProposal, type ProposalsApi, type ProposedChange } from './editProposal';

/*
 * Fix Timestamp Problems…: the language server works out every stamp change that puts the
 * backwards stamps in order (`transcript/timestampFixes`), and the editor shows them before
 * anything changes (`proposeChanges`), each filed under the fix it is part of (Interpolate between
 * neighbours, Set to the previous time, Shift this and all following stamps), so that a kind of
 * fix is taken or left with one tick.
 */

const FIXED_SCHEME = 'transcript-stamps-fixed';

/** A proposal the command made (see `EditProposal`). */
export type TimestampFixesProposal = EditProposal;

export type TimestampFixesApi = ProposalsApi;

export function registerTimestampFixes(context: vscode.ExtensionContext, server: TranscriptServer): TimestampFixesApi {
  return registerProposingCommand(context, COMMANDS.fixTimestampProblems, FIXED_SCHEME, async (uri, previews, fire) => {
    const asked = await askAboutTarget(server, uri, TimestampFixesRequest);
    if (!asked) return;
    const { document, result } = asked;
    const { repeatedTurns } = result;
    const onRepeatedTurns =
      repeatedTurns === 0
        ? ''
        : ` ${countOf(repeatedTurns, 'backwards stamp')} ${repeatedTurns === 1 ? 'is on a turn' : 'are on turns'} that repeat earlier text: Remove this repeated turn or Fix All fixes ${repeatedTurns === 1 ? 'it' : 'them'}.`;
    if (result.changes.length === 0) {
      void vscode.window.showInformationMessage(`No timestamp problems to fix.${onRepeatedTurns}`);
      return;
    }
    // The changes are for the version the server had; any other has text they were not made for.
    if (document.version !== result.version) {
      void vscode.window.showWarningMessage(`${fileName(document.uri)} changed while the fixes were worked out; run Fix Timestamp Problems again.`);
      return;
    }
    if (onRepeatedTurns) void vscode.window.showInformationMessage(onRepeatedTurns.trim());
    const wording = {
      title: 'Timestamps fixed',
      question: `Apply ${countOf(result.changes.length, 'stamp change')} to ${fileName(document.uri)}? The diff shows each; only stamps change.`,
      command: 'Fix Timestamp Problems',
    };
    await proposeChanges(document, stampChanges(result.changes), previews, wording, fire);
  });
}

/** Each stamp change, filed under its kind of fix, with how many stamps that fix changes. */
function stampChanges(changes: readonly StampChange[]): ProposedChange[] {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.fix, (counts.get(change.fix) ?? 0) + 1);
  return changes.map(({ edit, fix }) => ({ range: edit.range, newText: edit.newText, group: fix, description: countOf(counts.get(fix)!, 'stamp') }));
}
