import type { ExportFormat, Position, TurnSummary } from './messages';

/*
 * The commands the extension contributes (package.json `contributes.commands`), by id, and the
 * arguments those that take any expect. A unit test checks that this list and the manifest agree.
 */

export const COMMANDS = {
  nextTurn: 'transcript.nextTurn',
  previousTurn: 'transcript.previousTurn',
  nextTurnBySameSpeaker: 'transcript.nextTurnBySameSpeaker',
  goToSpeaker: 'transcript.goToSpeaker',
  nextProblem: 'transcript.nextProblem',
  filterSpeakers: 'transcript.speakers.filter',
  clearSpeakersFilter: 'transcript.speakers.clearFilter',
  /** "This is…" on a person or chunk-label row of the speakers view: writes that label as a person's name, or a new one. */
  thisIs: 'transcript.speakers.thisIs',
  /** On a chunk-label row under a person: writes that label as another person's name, or a new one (This Is… without the person it is under). */
  splitOff: 'transcript.speakers.splitOff',
  /** On a person row: makes it one person with another, by writing one name into the labels of both. */
  mergeWith: 'transcript.speakers.mergeWith',
  /** On an unknown label's row with a named suggestion: writes the label as that name (This Is… with the suggestion). */
  acceptSuggestion: 'transcript.speakers.acceptSuggestion',
  /** What a click on a turn row of the speakers view runs; not in the palette. */
  revealTurn: 'transcript.speakers.revealTurn',
  exportWebVtt: 'transcript.exportWebVtt',
  exportSrt: 'transcript.exportSrt',
  exportJson: 'transcript.exportJson',
  exportMarkdown: 'transcript.exportMarkdown',
  normalizeFormat: 'transcript.normalizeFormat',
  /** Proposes every stamp change that puts the backwards stamps in order, in a preview to apply or discard. */
  fixTimestampProblems: 'transcript.fixTimestampProblems',
  /** Proposes writing each chunk label that is a named person as the name, in a preview to apply or discard. */
  nameSpeakers: 'transcript.nameSpeakers',
  /** Sets a document's language to `transcript` (a `.vtt`, `.srt`, `.md` or `.txt` the manifest does not claim). */
  openAsTranscript: 'transcript.openAsTranscript',
  /** Links a recording to the active transcript (an open dialog), remembered for this workspace. */
  openRecording: 'transcript.openRecording',
  /** Plays the linked recording from the turn at the cursor: its stamp, or a time estimated from the stamps around it. */
  playFromHere: 'transcript.playFromHere',
  /** Plays the linked recording from the turn at a place in a transcript (`PlayTurnArgs`): what a stamp's CodeLens runs; not in the palette. */
  playTurn: 'transcript.playTurn',
  /** The inline Play action of a turn row in the speakers view, shown when the transcript has a recording. */
  playTurnRow: 'transcript.speakers.playTurn',
  togglePlayback: 'transcript.togglePlayback',
  rewind: 'transcript.rewind',
  forward: 'transcript.forward',
  slower: 'transcript.slower',
  faster: 'transcript.faster',
  /** Writes the player's time into the stamp of the turn at the cursor (adding one where it has none); optional `vscode.Uri` and `vscode.Position`, as its quick fix passes them. */
  setStampToPlayerTime: 'transcript.setStampToPlayerTime',
  /** Writes the player's time at the cursor, as the stamp before it is written. */
  insertPlayerTime: 'transcript.insertPlayerTime',
  /** Opens the sample transcript as an untitled copy (the Getting Started walkthrough's first step). */
  openSample: 'transcript.openSample',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** `transcript.goToSpeaker`: with a speaker's key (a keybinding's args, a test) the pick is skipped. */
export type GoToSpeakerArgs = [speakerKey?: string];

/** `transcript.speakers.filter`: with a query the input box is skipped; a blank one clears the filter. */
export type FilterSpeakersArgs = [query?: string];

/** `transcript.speakers.revealTurn`: the document's URI, as a string, and the turn to select. */
export type RevealTurnArgs = [uri: string, turn: TurnSummary];

/** `transcript.playTurn`: the transcript's URI, as a string, and a place in the turn to play (its header's start). */
export type PlayTurnArgs = [uri: string, position: Position];

/*
 * The export commands, `transcript.normalizeFormat`, `transcript.fixTimestampProblems`, `transcript.nameSpeakers` and `transcript.openAsTranscript` take an
 * optional `vscode.Uri`, the file to work on (as the Explorer and an editor's title bar pass it);
 * without one they work on the active editor's document (a transcript, except for the last).
 */

/** Which format each export command makes. */
export const EXPORT_COMMANDS: ReadonlyArray<{ readonly command: CommandId; readonly format: ExportFormat }> = [
  { command: COMMANDS.exportWebVtt, format: 'vtt' },
  { command: COMMANDS.exportSrt, format: 'srt' },
  { command: COMMANDS.exportJson, format: 'json' },
  { command: COMMANDS.exportMarkdown, format: 'md' },
];
