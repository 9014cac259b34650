import * as vscode from 'vscode';
import { COMMANDS } from '../../../protocol';
import { isTranscript } from '../speakersSource';
import { RECORDING_EXTENSIONS, siblingRecording } from './mediaFormats';

/*
 * Which recording goes with a transcript: the one the user chose (Open Recording…), remembered
 * per transcript in the workspace's state; else a file beside the transcript with the same base
 * name and a recording's extension (`interview.transcript` and `interview.wav`).
 */

const LINKS_KEY = 'transcript.recordings';

/** Context key: the transcript last made active has a recording, so its Speakers view rows offer Play. */
const RECORDING_LINKED_CONTEXT = 'transcript.recordingLinked';

export interface RecordingLink {
  readonly transcript: vscode.Uri;
  readonly recording: vscode.Uri | undefined;
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export class RecordingLinks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RecordingLink>();
  /** Fires when a transcript's recording is found or chosen. */
  readonly onDidLink = this.changed.event;
  /** What was last found per transcript, so that the language status and quick fixes need not look on disk again. */
  private readonly known = new Map<string, vscode.Uri | undefined>();

  constructor(private readonly state: vscode.Memento) {}

  /** The recording linked to a transcript: the one chosen for it, if it is still there, else the one beside it. */
  async recordingFor(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
    const chosen = this.chosen()[transcript.toString()];
    const recording = chosen && (await exists(vscode.Uri.parse(chosen))) ? vscode.Uri.parse(chosen) : await this.besideTranscript(transcript);
    const key = transcript.toString();
    const seen = this.known.has(key);
    const before = this.known.get(key);
    this.known.set(key, recording);
    if (!seen || before?.toString() !== recording?.toString()) this.changed.fire({ transcript, recording });
    return recording;
  }

  /** What `recordingFor` last found, looking only the first time: for what asks on every change, as CodeLenses do. */
  linkedRecording(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = transcript.toString();
    return this.known.has(key) ? Promise.resolve(this.known.get(key)) : this.recordingFor(transcript);
  }

  /** Links `recording` to the transcript, for this workspace, across sessions. */
  async link(transcript: vscode.Uri, recording: vscode.Uri): Promise<void> {
    await this.state.update(LINKS_KEY, { ...this.chosen(), [transcript.toString()]: recording.toString() });
    this.known.set(transcript.toString(), recording);
    this.changed.fire({ transcript, recording });
  }

  /** Asks for a recording (in the transcript's folder first) and links it; undefined when the user cancels. */
  async choose(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = transcript.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(transcript, '..');
    const picked = await vscode.window.showOpenDialog({
      title: `Open Recording of ${baseName(transcript)}`,
      openLabel: 'Link Recording',
      canSelectMany: false,
      ...(folder ? { defaultUri: folder } : {}),
      filters: { Recordings: [...RECORDING_EXTENSIONS], 'All files': ['*'] },
    });
    const recording = picked?.[0];
    if (recording) await this.link(transcript, recording);
    return recording;
  }

  private chosen(): Readonly<Record<string, string>> {
    return this.state.get<Record<string, string>>(LINKS_KEY) ?? {};
  }

  private async besideTranscript(transcript: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (transcript.scheme === 'untitled') return undefined;
    const folder = vscode.Uri.joinPath(transcript, '..');
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return undefined;
    }
    const files = entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
    const sibling = siblingRecording(baseName(transcript), files);
    return sibling === undefined ? undefined : vscode.Uri.joinPath(folder, sibling);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What the language status says about the active transcript's recording, and the command it offers. */
export interface RecordingStatus {
  readonly text: string;
  readonly command: string | undefined;
}

/**
 * The language status item of a transcript: the linked recording, with Play From Here; or that
 * there is none, with Open Recording….
 */
export class RecordingStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('transcript.recording', { language: 'transcript' });
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly updated = new vscode.EventEmitter<RecordingStatus>();
  /** Fires when the item has been set for the active transcript. */
  readonly onDidUpdate = this.updated.event;
  private current: RecordingStatus = { text: '', command: undefined };

  constructor(private readonly links: RecordingLinks) {
    this.item.name = 'Transcript Recording';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      links.onDidLink(({ transcript }) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === transcript.toString()) void this.refresh();
      }),
    );
    void this.refresh();
  }

  get status(): RecordingStatus {
    return this.current;
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!isTranscript(document)) return;
    const recording = await this.links.recordingFor(document.uri);
    if (recording) {
      this.item.text = `$(unmute) ${baseName(recording)}`;
      this.item.detail = 'Recording';
      this.item.command = { title: 'Play From Here', command: COMMANDS.playFromHere };
    } else {
      this.item.text = 'No recording';
      this.item.detail = 'Link one to listen while you edit';
      this.item.command = { title: 'Open Recording…', command: COMMANDS.openRecording };
    }
    void vscode.commands.executeCommand('setContext', RECORDING_LINKED_CONTEXT, recording !== undefined);
    this.current = { text: this.item.text, command: this.item.command.title };
    this.updated.fire(this.current);
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
