import * as vscode from 'vscode';
import { COMMANDS, type SpeakerSummary, type TurnSummary } from '../../protocol';
import { nextRangeAfter, nextTurn, nextTurnBySameSpeaker, previousTurn, turnsInOrder, type TurnLocation } from './navigationLogic';
import { revealTurn } from './revealTurn';
import { describeSpeaker, turnDescription, turnLabel } from './speakerFormat';
import { isTranscript, type SpeakersSource } from './speakersSource';

/** The `source` the language server gives its diagnostics. */
const DIAGNOSTIC_SOURCE = 'transcript';
/** How long a "no next turn" or "wrapped" note stays in the status bar. */
const NOTE_MS = 3000;

function note(text: string): void {
  vscode.window.setStatusBarMessage(`$(info) ${text}`, NOTE_MS);
}

/** The active editor when it shows a transcript; commands run from elsewhere do nothing. */
function transcriptEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return isTranscript(editor?.document) ? editor : undefined;
}

async function speakersOf(source: SpeakersSource, editor: vscode.TextEditor): Promise<readonly SpeakerSummary[]> {
  return (await source.speakers(editor.document))?.speakers ?? [];
}

async function moveTo(editor: vscode.TextEditor, turn: TurnLocation | TurnSummary): Promise<void> {
  await revealTurn(editor.document.uri, turn.headerRange, { select: false });
}

/** A command that moves the cursor to the turn `pick` finds from it, or says there is none. */
function stepCommand(
  source: SpeakersSource,
  id: string,
  pick: (turns: readonly TurnLocation[], cursor: vscode.Position) => TurnLocation | undefined,
  noneMessage: string,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async () => {
    const editor = transcriptEditor();
    if (!editor) return;
    const target = pick(turnsInOrder(await speakersOf(source, editor)), editor.selection.active);
    if (target) await moveTo(editor, target);
    else note(noneMessage);
  });
}

/**
 * Next/previous speaker turn, next turn by this speaker, Go to speaker… and next problem. Each
 * moves the cursor to a turn's header (or a problem's start) in the active transcript.
 */
export function registerNavigationCommands(source: SpeakersSource): vscode.Disposable[] {
  return [
    stepCommand(source, COMMANDS.nextTurn, nextTurn, 'No speaker turn after the cursor.'),
    stepCommand(source, COMMANDS.previousTurn, previousTurn, 'No speaker turn before the cursor.'),

    vscode.commands.registerCommand(COMMANDS.nextTurnBySameSpeaker, async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const speakers = await speakersOf(source, editor);
      const result = nextTurnBySameSpeaker(turnsInOrder(speakers), editor.selection.active);
      if (!result) return note('The cursor is before the first speaker turn.');
      const name = speakers.find((s) => s.key === result.current.speakerKey)?.displayName ?? 'this speaker';
      await moveTo(editor, result.target);
      if (result.target.turnIndex === result.current.turnIndex) note(`This is the only turn by ${name}.`);
      else if (result.wrapped) note(`Back to the first turn by ${name}.`);
    }),

    vscode.commands.registerCommand(COMMANDS.goToSpeaker, async (speakerKey?: unknown) => {
      const editor = transcriptEditor();
      if (!editor) return;
      const speakers = await speakersOf(source, editor);
      if (speakers.length === 0) return note('This transcript has no speaker turns yet.');
      // With a key (from a keybinding's args, or a test) the pick is skipped.
      const speaker = typeof speakerKey === 'string' ? speakers.find((s) => s.key === speakerKey) : await pickSpeaker(speakers);
      if (!speaker) return;
      if (typeof speakerKey === 'string' || speaker.turns.length === 1) {
        await moveTo(editor, nextTurn(speaker.turns, editor.selection.active) ?? speaker.turns[0]!);
        return;
      }
      await pickTurn(editor, speaker);
    }),

    vscode.commands.registerCommand(COMMANDS.nextProblem, async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
      const result = nextRangeAfter(ours, editor.selection.active);
      if (!result) return note('No problems in this transcript.');
      const start = result.target.range.start;
      editor.selection = new vscode.Selection(start, start);
      editor.revealRange(result.target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      if (result.wrapped) note('Back to the first problem in this transcript.');
      // The message and its quick fixes, where the cursor now is, as F8 shows them.
      await vscode.commands.executeCommand('editor.action.showHover');
    }),
  ];
}

interface SpeakerPickItem extends vscode.QuickPickItem {
  readonly speaker: SpeakerSummary;
}

function pickSpeaker(speakers: readonly SpeakerSummary[]): Thenable<SpeakerSummary | undefined> {
  const items: SpeakerPickItem[] = speakers.map((speaker) => ({
    label: speaker.displayName,
    description: describeSpeaker(speaker),
    // A named speaker's label (`Moderator`) is worth showing; a numbered one is already in the name.
    ...(speaker.name !== undefined && speaker.name !== speaker.label ? { detail: `Label: ${speaker.label}` } : {}),
    speaker,
  }));
  return vscode.window
    .showQuickPick(items, {
      title: 'Go to speaker',
      placeHolder: 'Type a name or label',
      matchOnDetail: true,
    })
    .then((item) => item?.speaker);
}

interface TurnPickItem extends vscode.QuickPickItem {
  readonly turn: TurnSummary;
}

/**
 * The speaker's turns, starting at the first after the cursor. Moving through the list shows
 * each turn in the editor; Escape puts the cursor and the scroll position back.
 */
async function pickTurn(editor: vscode.TextEditor, speaker: SpeakerSummary): Promise<void> {
  const original = { selection: editor.selection, visible: editor.visibleRanges[0] };
  const items: TurnPickItem[] = speaker.turns.map((turn) => ({
    label: turnLabel(turn),
    description: turnDescription(turn),
    detail: `Chunk ${turn.chunkIndex + 1}, line ${turn.headerRange.start.line + 1}`,
    turn,
  }));
  const pick = vscode.window.createQuickPick<TurnPickItem>();
  pick.title = `Turns by ${speaker.displayName}`;
  pick.placeholder = 'Type to search what was said';
  pick.matchOnDescription = true;
  pick.items = items;
  const after = nextTurn(speaker.turns, editor.selection.active);
  const next = items.find((item) => item.turn === after) ?? items[0];
  if (next) pick.activeItems = [next];

  const accepted = await new Promise<TurnPickItem | undefined>((resolve) => {
    let chosen: TurnPickItem | undefined;
    pick.onDidChangeActive(([item]) => {
      if (item)
        editor.revealRange(
          new vscode.Range(item.turn.headerRange.start.line, 0, item.turn.headerRange.start.line, 0),
          vscode.TextEditorRevealType.InCenter,
        );
    });
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
  if (accepted) {
    await moveTo(editor, accepted.turn);
  } else {
    editor.selection = original.selection;
    if (original.visible) editor.revealRange(original.visible, vscode.TextEditorRevealType.AtTop);
  }
}
