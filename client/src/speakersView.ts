import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  COMMANDS,
  type ChunkLabel,
  type Polarity,
  type PlayTurnArgs,
  type RevealTurnArgs,
  type SpeakerMember,
  type SpeakerSummary,
  type TurnSummary,
} from '../../protocol';
import type { PlayingTurn, PlayingTurnFollower } from './media/playbackFollow';
import { turnAtOrBefore, turnsInOrder, type TurnLocation } from './navigationLogic';
import { revealTurn } from './revealTurn';
import { describeMember, describeSpeaker, filterSpeakers, memberLabel, speakerTooltip, turnDescription, turnLabel } from './speakerFormat';
import { isTranscript, type SpeakersSource } from './speakersSource';

/** The view in the speakers' own activity-bar container, and the one in the Explorer. */
export const SPEAKERS_VIEW_IDS = ['transcript.speakers', 'transcript.speakersExplorer'] as const;

/** Context key: a filter is set, so the view title offers Clear filter instead of Filter. */
const FILTERED_CONTEXT = 'transcript.speakersFiltered';

/** How long typing must pause before the view asks the server again. */
const REFRESH_DELAY_MS = 300;

/** A person: their chunk labels under them when there are several, else their turns. */
interface SpeakerNode {
  readonly kind: 'speaker';
  readonly speaker: SpeakerSummary;
  readonly members: readonly MemberNode[];
  readonly turns: readonly TurnNode[];
}

/** One chunk's label that is the person, with why, and its turns. */
interface MemberNode {
  readonly kind: 'member';
  readonly parent: SpeakerNode;
  readonly member: SpeakerMember;
  readonly turns: TurnNode[];
}

interface TurnNode {
  readonly kind: 'turn';
  readonly speaker: SpeakerNode;
  readonly parent: SpeakerNode | MemberNode;
  readonly turn: TurnSummary;
}

type SpeakersNode = SpeakerNode | MemberNode | TurnNode;

/** The rows of one version of a document, and its turns in document order. */
interface Rows {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly roots: SpeakerNode[];
  readonly order: TurnLocation[];
}

/** `transcript.speakers.thisIs`: a row of the view (as its context menu passes it) or a chunk's label, and the name (skipping the pick). */
export type ThisIsArgs = [target?: SpeakersNode | { chunkIndex: number; label: string }, name?: string];

/**
 * `transcript.speakers.mergeWith`: a person row (or its key), and the key of the person to merge
 * it with and the name to write (each asked for when not given).
 */
export type MergeWithArgs = [target?: SpeakersNode | string, into?: string, name?: string];

/** `transcript.speakers.playTurn`: a turn row (as its inline action passes it), or a turn's index in the document the view shows. */
export type PlayTurnRowArgs = [target?: SpeakersNode | { turnIndex: number }];

/** Every chunk label that is a person. */
function labelsOfPerson(node: SpeakerNode): ChunkLabel[] {
  const { speaker } = node;
  return speaker.members?.map(({ chunkIndex, label }) => ({ chunkIndex, label })) ?? [{ chunkIndex: speaker.chunkIndices[0]!, label: speaker.label }];
}

/** The chunk label a "This is…" target stands for: a chunk-label row's, or a person row's only label. */
function labelOfTarget(target: ThisIsArgs[0]): { chunkIndex: number; label: string } | undefined {
  if (!target) return undefined;
  if (!('kind' in target)) return target;
  if (target.kind === 'member') return { chunkIndex: target.member.chunkIndex, label: target.member.label };
  if (target.kind === 'speaker' && !target.speaker.members) return { chunkIndex: target.speaker.chunkIndices[0]!, label: target.speaker.label };
  return undefined;
}

/** The document the view shows, and the version its rows describe. */
export interface ShownDocument {
  readonly uri: vscode.Uri;
  readonly version: number;
}

/** A turn the selection went to. */
export interface FollowedTurn {
  readonly speakerKey: string;
  readonly turnIndex: number;
  /**
   * The row selected for it: the turn's own when the rows above it are open, else the closest
   * row above it that shows (its chunk label, or its person), as following never opens a row.
   */
  readonly row: 'turn' | 'member' | 'speaker';
}

/**
 * What the speakers view offers tests (through the API `activate` returns) so they can wait on
 * real events instead of sleeping.
 */
export interface SpeakersViewApi {
  /** Asks the server now for the speakers of an open document: what the view shows for it. */
  getSpeakers(uri: vscode.Uri): Promise<SpeakerSummary[]>;
  /** Fires each time the view has taken in the server's answer for a document version. */
  readonly onDidRefresh: vscode.Event<ShownDocument>;
  /** The document and version the rows describe now, if any. */
  shown(): ShownDocument | undefined;
  /** The speaker rows, as the view shows them (filter applied). */
  rootItems(): vscode.TreeItem[];
  /** The chunk-label rows under the speaker row with `speakerKey`: none when the person has one label. */
  memberItems(speakerKey: string): vscode.TreeItem[];
  /** The turn rows of the speaker row with `speakerKey`, under it or under its chunk labels. */
  turnItems(speakerKey: string): vscode.TreeItem[];
  /** The filter in effect; blank when none. */
  filter(): string;
  /** Fires after a visible view's selection has moved to the turn holding the cursor. */
  readonly onDidFollowCursor: vscode.Event<FollowedTurn>;
  /** Fires after a visible view's selection has moved to the turn being spoken, as the recording plays. */
  readonly onDidFollowPlayback: vscode.Event<FollowedTurn>;
  /** The turns selected in the visible speakers views. */
  selectedTurns(): Array<Omit<FollowedTurn, 'row'>>;
  /** The ids of the rows open (expanded) in each visible view: what following must leave as the user left it. */
  expandedRows(): string[][];
  /** Opens the person's row in the visible views, as a click on its twistie does. */
  expandSpeaker(speakerKey: string): Promise<void>;
}

function speakerId(speaker: SpeakerSummary): string {
  return `speaker:${speaker.key}`;
}

function memberId(node: MemberNode): string {
  return `member:${node.parent.speaker.key}:${node.member.chunkIndex}:${node.member.label}`;
}

function turnId(speakerKey: string, turnIndex: number): string {
  return `turn:${speakerKey}:${turnIndex}`;
}

/** The id a row is known by to the workbench, which keeps each row's expansion by it. */
function nodeId(node: SpeakersNode): string {
  if (node.kind === 'speaker') return speakerId(node.speaker);
  if (node.kind === 'member') return memberId(node);
  return turnId(node.speaker.speaker.key, node.turn.turnIndex);
}

/** An icon for each polarity, coloured like additions and deletions in most themes. */
function polarityIcon(polarity: Polarity | undefined): vscode.ThemeIcon {
  switch (polarity) {
    case 'positive':
      return new vscode.ThemeIcon('arrow-up', new vscode.ThemeColor('charts.green'));
    case 'negative':
      return new vscode.ThemeIcon('arrow-down', new vscode.ThemeColor('charts.red'));
    case 'mixed':
      return new vscode.ThemeIcon('arrow-swap', new vscode.ThemeColor('charts.yellow'));
    case 'neutral':
      return new vscode.ThemeIcon('dash');
    case 'other':
      return new vscode.ThemeIcon('question');
    default:
      return new vscode.ThemeIcon('comment');
  }
}

/**
 * The speakers of the active transcript, with their turns, in the Explorer and in their own
 * activity-bar container. It follows the last transcript made active (a non-transcript editor
 * leaves it as it is, as the user may be reading notes beside a transcript), refreshes while the
 * user types, and moves its selection to the turn holding the cursor, or, while the recording
 * plays, to the turn being spoken.
 */
export class SpeakersView implements vscode.TreeDataProvider<SpeakersNode>, PlayingTurnFollower, vscode.Disposable {
  private readonly changeTreeData = new vscode.EventEmitter<SpeakersNode | undefined>();
  readonly onDidChangeTreeData = this.changeTreeData.event;
  private readonly refreshed = new vscode.EventEmitter<ShownDocument>();
  private readonly followedCursor = new vscode.EventEmitter<FollowedTurn>();
  private readonly followedPlayback = new vscode.EventEmitter<FollowedTurn>();
  private readonly views: vscode.TreeView<SpeakersNode>[];
  private readonly disposables: vscode.Disposable[] = [];

  private current: Rows | undefined;
  private query = '';
  /** The rows the filter keeps, worked out once per answer and filter: the cursor asks on every move. */
  private visible: SpeakerNode[] | undefined;
  private pendingRefresh: NodeJS.Timeout | undefined;
  /** Counts refreshes, so an answer that arrives after a newer request started is dropped. */
  private generation = 0;
  private followWhenRowsFetched = false;
  /**
   * Reveals, and the changes of rows (new answers, filters), run one after another. Two reveals
   * at once can register the same rows twice; rows replaced while a reveal resolves its row's
   * parents leave it looking for a row under a parent that no longer has it, which the workbench
   * logs as `Cannot resolve tree item for element …` (reported on long transcripts, whose answers
   * and reveals take long enough to cross; read from the workbench's code, not reproduced here).
   */
  private following: Promise<void> = Promise.resolve();
  /** The ids of the rows open in each view, as the workbench reports the user opening and closing them. */
  private readonly expanded = new Map<vscode.TreeView<SpeakersNode>, Set<string>>();
  /**
   * The turn being spoken while the recording plays (and following is on): the selection goes
   * with it rather than with the cursor, which may be anywhere while the user types. Paused, the
   * selection stays where playback left it until the cursor moves.
   */
  private playing: PlayingTurn | undefined;

  constructor(private readonly source: SpeakersSource) {
    this.views = SPEAKERS_VIEW_IDS.map((id) => vscode.window.createTreeView(id, { treeDataProvider: this, showCollapseAll: true }));
    for (const view of this.views) this.expanded.set(view, new Set());
    this.disposables.push(
      ...this.views,
      ...this.views.flatMap((view) => [
        view.onDidExpandElement(({ element }) => this.expanded.get(view)!.add(nodeId(element))),
        view.onDidCollapseElement(({ element }) => this.expanded.get(view)!.delete(nodeId(element))),
      ]),
      // Revealing while the workbench fetches the rows of a view that just opened registers
      // the rows twice; so the selection follows once the workbench has asked for them.
      ...this.views.map((view) =>
        view.onDidChangeVisibility(({ visible }) => {
          if (visible) this.followWhenRowsFetched = true;
        }),
      ),
      this.changeTreeData,
      this.refreshed,
      this.followedCursor,
      this.followedPlayback,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isTranscript(editor?.document)) void this.refresh(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0 && this.follows(document)) this.scheduleRefresh(document);
      }),
      // Choosing the transcript language for an open file reopens it under the new language.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isTranscript(document) && vscode.window.activeTextEditor?.document === document) void this.refresh(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        source.forget(document);
        if (this.current?.document !== document) return;
        void this.serialize(() => {
          if (this.current?.document === document) this.show(undefined);
        });
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (this.current?.document === textEditor.document) void this.follow(textEditor);
      }),
      vscode.commands.registerCommand(COMMANDS.filterSpeakers, (query?: unknown) => this.promptForFilter(query)),
      vscode.commands.registerCommand(COMMANDS.clearSpeakersFilter, () => this.setFilter('')),
      vscode.commands.registerCommand(COMMANDS.revealTurn, (...[uri, turn]: RevealTurnArgs) =>
        revealTurn(vscode.Uri.parse(uri), turn.headerRange, { select: true }),
      ),
      vscode.commands.registerCommand(COMMANDS.thisIs, (...[target, name]: ThisIsArgs) => this.thisIs(target, name)),
      vscode.commands.registerCommand(COMMANDS.splitOff, (...[target, name]: ThisIsArgs) => this.thisIs(target, name, 'Split off as…')),
      vscode.commands.registerCommand(COMMANDS.mergeWith, (...args: MergeWithArgs) => this.mergeWith(...args)),
      vscode.commands.registerCommand(COMMANDS.playTurnRow, (...[target]: PlayTurnRowArgs) => this.playTurn(target)),
      vscode.commands.registerCommand(COMMANDS.acceptSuggestion, (target?: SpeakersNode) => {
        if (target?.kind === 'speaker' && target.speaker.suggestedName !== undefined) return this.thisIs(target, target.speaker.suggestedName);
        return undefined;
      }),
    );
    this.updateTitles();
    const active = vscode.window.activeTextEditor?.document;
    if (isTranscript(active)) void this.refresh(active);
  }

  readonly api: SpeakersViewApi = {
    getSpeakers: async (uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!document) throw new Error(`${uri.toString()} is not open`);
      return [...((await this.source.speakers(document))?.speakers ?? [])];
    },
    onDidRefresh: this.refreshed.event,
    shown: () => (this.current ? { uri: this.current.document.uri, version: this.current.version } : undefined),
    rootItems: () => this.visibleRoots().map((node) => this.getTreeItem(node)),
    memberItems: (speakerKey) =>
      (this.current?.roots.find((node) => node.speaker.key === speakerKey)?.members ?? []).map((node) => this.getTreeItem(node)),
    turnItems: (speakerKey) =>
      (this.current?.roots.find((node) => node.speaker.key === speakerKey)?.turns ?? []).map((node) => this.getTreeItem(node)),
    filter: () => this.query,
    onDidFollowCursor: this.followedCursor.event,
    onDidFollowPlayback: this.followedPlayback.event,
    selectedTurns: () =>
      this.views
        .filter((view) => view.visible)
        .flatMap((view) => view.selection)
        .filter((node): node is TurnNode => node.kind === 'turn')
        .map((node) => ({ speakerKey: node.speaker.speaker.key, turnIndex: node.turn.turnIndex })),
    expandedRows: () => this.views.filter((view) => view.visible).map((view) => [...(this.expanded.get(view) ?? [])].sort()),
    expandSpeaker: (speakerKey) =>
      this.serialize(async () => {
        const node = this.visibleRoots().find((root) => root.speaker.key === speakerKey);
        if (!node) throw new Error(`no row for ${speakerKey}`);
        for (const view of this.views) {
          if (!view.visible) continue;
          await view.reveal(node, { select: false, focus: false, expand: true });
          // The workbench reports the expansion too, but not necessarily before the reveal resolves.
          this.expanded.get(view)!.add(nodeId(node));
        }
      }),
  };

  getChildren(element?: SpeakersNode): SpeakersNode[] {
    if (!element) {
      if (this.followWhenRowsFetched) {
        this.followWhenRowsFetched = false;
        // After this call returns and the workbench has taken in the rows.
        setTimeout(() => void this.follow(vscode.window.activeTextEditor), 0);
      }
      return [...this.visibleRoots()];
    }
    if (element.kind === 'speaker') return element.members.length > 0 ? [...element.members] : [...element.turns];
    return element.kind === 'member' ? [...element.turns] : [];
  }

  getParent(element: SpeakersNode): SpeakersNode | undefined {
    return element.kind === 'speaker' ? undefined : element.parent;
  }

  getTreeItem(element: SpeakersNode): vscode.TreeItem {
    if (element.kind === 'speaker') {
      const { speaker } = element;
      const item = new vscode.TreeItem(speaker.displayName, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = speakerId(speaker);
      item.description = describeSpeaker(speaker);
      item.tooltip = speakerTooltip(speaker);
      // A label no evidence ties to a person elsewhere is marked, as it may be someone listed above.
      item.iconPath = new vscode.ThemeIcon(speaker.resolved ? 'person' : 'question');
      // An unknown label with a named suggestion can take it with one click.
      item.contextValue = speaker.resolved ? 'speaker' : speaker.suggestedName !== undefined ? 'speaker.unresolved.suggested' : 'speaker.unresolved';
      return item;
    }
    if (element.kind === 'member') {
      const { member, parent } = element;
      const item = new vscode.TreeItem(memberLabel(member), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = memberId(element);
      item.description = describeMember(member);
      item.tooltip = member.reason ? `Why: ${member.reason}` : `Where ${parent.speaker.displayName} was first found`;
      item.iconPath = new vscode.ThemeIcon(member.reason ? 'link' : 'tag');
      item.contextValue = 'speakerLabel';
      return item;
    }
    const { turn, speaker } = element;
    const item = new vscode.TreeItem(turnLabel(turn), vscode.TreeItemCollapsibleState.None);
    item.id = turnId(speaker.speaker.key, turn.turnIndex);
    item.description = turnDescription(turn);
    const sentiment = turn.sentiment ? `\nSentiment: ${turn.sentiment.label} (${turn.sentiment.polarity})` : '';
    item.tooltip = `${speaker.speaker.displayName}, chunk ${turn.chunkIndex + 1}, line ${turn.headerRange.start.line + 1}\n${turn.preview}${sentiment}`;
    item.iconPath = polarityIcon(turn.sentiment?.polarity);
    item.contextValue = 'turn';
    if (this.current) {
      const args: RevealTurnArgs = [this.current.document.uri.toString(), turn];
      item.command = { title: 'Reveal turn', command: COMMANDS.revealTurn, arguments: args };
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.pendingRefresh);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** True for the document the view shows, or a transcript in the active editor. */
  private follows(document: vscode.TextDocument): boolean {
    return this.current?.document === document || (isTranscript(document) && vscode.window.activeTextEditor?.document === document);
  }

  private scheduleRefresh(document: vscode.TextDocument): void {
    clearTimeout(this.pendingRefresh);
    this.pendingRefresh = setTimeout(() => void this.refresh(document), REFRESH_DELAY_MS);
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    clearTimeout(this.pendingRefresh);
    const generation = ++this.generation;
    const version = document.version;
    let speakers: readonly SpeakerSummary[];
    try {
      speakers = (await this.source.speakers(document))?.speakers ?? [];
    } catch (error) {
      // The server stopping or restarting is reported by the client; keep the last rows meanwhile.
      console.error('transcript: the speakers request failed', error);
      return;
    }
    await this.serialize(() => {
      if (generation !== this.generation || document.isClosed) return;
      this.show({ document, version, speakers });
    });
    await this.follow(vscode.window.activeTextEditor);
  }

  private show(data: { document: vscode.TextDocument; version: number; speakers: readonly SpeakerSummary[] } | undefined): void {
    this.visible = undefined;
    if (!data) {
      this.current = undefined;
    } else {
      const roots = data.speakers.map((speaker) => {
        const turns: TurnNode[] = [];
        const members: MemberNode[] = [];
        const node: SpeakerNode = { kind: 'speaker', speaker, members, turns };
        // Chunk labels only where the person has more than one; a turn goes under its chunk's.
        for (const member of speaker.members ?? []) members.push({ kind: 'member', parent: node, member, turns: [] });
        for (const turn of speaker.turns) {
          const member = members.find((m) => m.member.chunkIndex === turn.chunkIndex);
          const turnNode: TurnNode = { kind: 'turn', speaker: node, parent: member ?? node, turn };
          turns.push(turnNode);
          member?.turns.push(turnNode);
        }
        return node;
      });
      this.current = { document: data.document, version: data.version, roots, order: turnsInOrder(data.speakers) };
    }
    this.changeTreeData.fire(undefined);
    this.updateTitles();
    if (data) this.refreshed.fire({ uri: data.document.uri, version: data.version });
  }

  private visibleRoots(): SpeakerNode[] {
    if (!this.current) return [];
    if (!this.visible) {
      const kept = new Set(
        filterSpeakers(
          this.current.roots.map((node) => node.speaker),
          this.query,
        ),
      );
      this.visible = this.current.roots.filter((node) => kept.has(node.speaker));
    }
    return this.visible;
  }

  /** Runs `task` after the reveals and row changes before it, never during one. */
  private serialize(task: () => void | Promise<void>): Promise<void> {
    this.following = this.following.then(task).catch((error: unknown) => {
      // One failed reveal must not stop the selection following from then on.
      console.error('transcript: the speakers view could not follow the cursor', error);
    });
    return this.following;
  }

  /** The turn being spoken, as the recording plays; undefined when it pauses or stops. */
  followPlayback(turn: PlayingTurn | undefined): void {
    this.playing = turn;
    if (turn) void this.follow(undefined);
  }

  /** Moves the selection of each visible view to the turn being spoken, else to the turn `editor`'s cursor is in. */
  private follow(editor: vscode.TextEditor | undefined): Promise<void> {
    return this.serialize(() => this.revealFollowedTurn(editor));
  }

  private async revealFollowedTurn(editor: vscode.TextEditor | undefined): Promise<void> {
    const current = this.current;
    if (!current) return;
    const playing = this.playing;
    if (playing && playing.uri.toString() === current.document.uri.toString()) {
      // Rows of another version would be other turns; the view's next refresh, or the player's next report, follows again.
      if (playing.version !== current.version) return;
      const location = current.order.find((turn) => turn.turnIndex === playing.turnIndex);
      if (location) await this.revealTurnRow(current, location, this.followedPlayback);
      return;
    }
    // Rows of an older version would point at the wrong lines; the coming refresh follows again.
    if (!editor || current.document !== editor.document || current.version !== editor.document.version) return;
    const location = turnAtOrBefore(current.order, editor.selection.active);
    if (location) await this.revealTurnRow(current, location, this.followedCursor);
  }

  /**
   * Selects a turn, without opening a row: where the turn's person (or chunk label) is closed, the
   * closest row that shows is selected instead. The rows a person opened stay open and the others
   * closed, so the view stays a list of people however the cursor (or playback) moves, and a
   * person with thousands of turns is not listed out on every move.
   */
  private async revealTurnRow(current: Rows, location: TurnLocation, followed: vscode.EventEmitter<FollowedTurn>): Promise<void> {
    const speakerNode = this.visibleRoots().find((node) => node.speaker.key === location.speakerKey);
    const turnNode = speakerNode?.turns.find((node) => node.turn.turnIndex === location.turnIndex);
    if (!turnNode) return;
    let shownAs: FollowedTurn['row'] | undefined;
    for (const view of this.views) {
      if (!view.visible || this.current !== current) continue;
      const target = this.closestShownRow(view, turnNode);
      if (view.selection[0] !== undefined && nodeId(view.selection[0]) === nodeId(target)) {
        shownAs ??= target.kind === 'member' ? 'member' : target.kind;
        continue;
      }
      try {
        await view.reveal(target, { select: true, focus: false, expand: false });
        shownAs = target.kind === 'member' ? 'member' : target.kind;
      } catch (error) {
        console.error('transcript: could not reveal the turn in the speakers view', error);
      }
    }
    if (shownAs && this.current === current) followed.fire({ speakerKey: location.speakerKey, turnIndex: location.turnIndex, row: shownAs });
  }

  /** Plays the recording from a turn row's turn: what the row's inline Play action does. */
  private async playTurn(target: PlayTurnRowArgs[0]): Promise<void> {
    const current = this.current;
    if (!current || !target) return;
    const turnIndex = 'kind' in target ? (target.kind === 'turn' ? target.turn.turnIndex : undefined) : target.turnIndex;
    const location = current.order.find((turn) => turn.turnIndex === turnIndex);
    if (!location) return;
    const args: PlayTurnArgs = [current.document.uri.toString(), location.headerRange.start];
    await vscode.commands.executeCommand(COMMANDS.playTurn, ...args);
  }

  /** The turn's row when every row above it is open in `view`, else the closest open row's child on the way down. */
  private closestShownRow(view: vscode.TreeView<SpeakersNode>, turn: TurnNode): SpeakersNode {
    const open = this.expanded.get(view)!;
    if (!open.has(nodeId(turn.speaker))) return turn.speaker;
    if (turn.parent.kind === 'member' && !open.has(nodeId(turn.parent))) return turn.parent;
    return turn;
  }

  /**
   * "This is…": writes a chunk's label (a row's, or `{ chunkIndex, label }`) as a person's name
   * or a new one, picked or typed (or `name`), as one edit. The server refuses a name that would
   * change how the turns read, and the user is told why.
   */
  private async thisIs(target: ThisIsArgs[0], name: ThisIsArgs[1], title = 'This is…'): Promise<void> {
    const current = this.current;
    if (!current) return;
    const which = labelOfTarget(target);
    if (!which) return;
    const chosen = name ?? (await this.pickName(current.roots, which, title));
    if (!chosen) return;
    await this.writeNames(current.document, [which], chosen, title.replace('…', ''));
  }

  /**
   * "Merge With…": two people made one by writing one name into the labels of both: the name
   * one of them has (the person merged into first), or one typed when neither has a name. The
   * file says who is who, so the merge lasts and undoes like any edit.
   */
  private async mergeWith(...[target, into, name]: MergeWithArgs): Promise<void> {
    const current = this.current;
    if (!current) return;
    const source =
      typeof target === 'string' ? current.roots.find((node) => node.speaker.key === target) : target?.kind === 'speaker' ? target : undefined;
    if (!source) return;
    const others = current.roots.filter((node) => node !== source);
    const destination = into !== undefined ? others.find((node) => node.speaker.key === into) : await this.pickPerson(others, source);
    if (!destination) return;
    const chosen =
      name ??
      destination.speaker.name ??
      source.speaker.name ??
      (await vscode.window.showInputBox({
        title: `Merge ${source.speaker.displayName} with ${destination.speaker.displayName}`,
        prompt: 'Neither has a name: the name to write in place of the labels of both',
      }));
    if (!chosen) return;
    const labels = [...labelsOfPerson(destination), ...labelsOfPerson(source)];
    await this.writeNames(current.document, labels, chosen, 'Merge');
  }

  /** The people another can be merged with: those who never speak in one chunk with it first. */
  private async pickPerson(others: readonly SpeakerNode[], source: SpeakerNode): Promise<SpeakerNode | undefined> {
    const chunks = new Set(source.speaker.chunkIndices);
    const sharing = (node: SpeakerNode) => node.speaker.chunkIndices.filter((chunk) => chunks.has(chunk));
    const ranked = [...others].sort((a, b) => sharing(a).length - sharing(b).length);
    const picked = await vscode.window.showQuickPick(
      ranked.map((node) => {
        const shared = sharing(node);
        const clash =
          shared.length > 0
            ? ` · also speaks in chunk ${shared
                .slice(0, 3)
                .map((c) => c + 1)
                .join(', ')}${shared.length > 3 ? '…' : ''}`
            : '';
        return { label: node.speaker.displayName, description: `${describeSpeaker(node.speaker)}${clash}`, node };
      }),
      { title: `Merge ${source.speaker.displayName} with…`, placeHolder: 'The person this one is; those who speak in the same chunks come last' },
    );
    return picked?.node;
  }

  /** Writes `labels` as `name` in one edit, saying which labels were left as they were, and why. */
  private async writeNames(document: vscode.TextDocument, labels: readonly ChunkLabel[], name: string, action: string): Promise<void> {
    const result = await this.source.nameLabels(document, labels, name);
    if (!result) return;
    const what = labels.length === 1 ? `${labels[0]!.label} of chunk ${labels[0]!.chunkIndex + 1}` : `${labels.length} labels`;
    if ('refused' in result) {
      void vscode.window.showWarningMessage(`${action}: cannot name ${what} “${name}”: ${result.refused}.`);
      return;
    }
    if (document.version !== result.version) {
      void vscode.window.showWarningMessage(`${path.posix.basename(document.uri.path)} changed meanwhile; try ${action} again.`);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const { range, newText } of result.edits) {
      edit.replace(document.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
    }
    await vscode.workspace.applyEdit(edit);
    if (result.left.length > 0) void vscode.window.showWarningMessage(`${action}: left as written: ${result.left.join('; ')}.`);
  }

  /** The people with a name, and "New name…": who the label is. */
  private async pickName(roots: readonly SpeakerNode[], which: { chunkIndex: number; label: string }, title: string): Promise<string | undefined> {
    const NEW = 'New name…';
    const people = roots.filter((node) => node.speaker.name !== undefined && !node.speaker.chunkIndices.includes(which.chunkIndex));
    const picked = await vscode.window.showQuickPick(
      [...people.map((node) => ({ label: node.speaker.name!, description: describeSpeaker(node.speaker) })), { label: NEW, description: '' }],
      {
        title: `${title} (${which.label}, chunk ${which.chunkIndex + 1})`,
        placeHolder: 'The person this label is; people who speak in this chunk are left out',
      },
    );
    if (!picked) return undefined;
    if (picked.label !== NEW) return picked.label;
    return vscode.window.showInputBox({
      title: `Name ${which.label} of chunk ${which.chunkIndex + 1}`,
      prompt: 'The name to write in place of the label',
    });
  }

  private async promptForFilter(query: unknown): Promise<void> {
    if (typeof query === 'string') return this.setFilter(query);
    const typed = await vscode.window.showInputBox({
      title: 'Filter speakers',
      prompt: 'Show the speakers whose name or label contains this text (case and accents ignored). Empty shows all.',
      value: this.query,
      placeHolder: 'e.g. clinton, speaker 2',
    });
    if (typed !== undefined) await this.setFilter(typed);
  }

  private async setFilter(query: string): Promise<void> {
    const trimmed = query.trim();
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, trimmed !== '');
    await this.serialize(() => {
      this.query = trimmed;
      this.visible = undefined;
      this.changeTreeData.fire(undefined);
      this.updateTitles();
    });
  }

  /** The document's name, and the filter, in each view's title; a message when there are no rows. */
  private updateTitles(): void {
    const name = this.current ? path.posix.basename(this.current.document.uri.path) : undefined;
    const description = [name, this.query ? `filter: "${this.query}"` : undefined].filter(Boolean).join(' · ');
    let message: string | undefined;
    if (!this.current) message = 'Open a transcript to see who speaks in it.';
    else if (this.current.roots.length === 0) message = 'No speaker turns in this transcript yet.';
    else if (this.query && this.visibleRoots().length === 0)
      message = `No speaker matches "${this.query}". Clear the filter to see all ${this.current.roots.length}.`;
    else if (this.query) message = `Showing ${this.visibleRoots().length} of ${this.current.roots.length} speakers matching "${this.query}".`;
    for (const view of this.views) {
      view.description = description || undefined;
      view.message = message;
    }
  }
}
