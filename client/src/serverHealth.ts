import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';

/**
 * What the extension API shows of the language server's health, so tests can wait on a crash
 * being handled instead of sleeping.
 */
export interface ServerHealthApi {
  /** Unexpected exits of the server since the extension started. */
  readonly crashCount: number;
  /** What the user was told about crashes, in order: at most one restart warning, then one give-up error. */
  readonly notices: readonly string[];
  /** Fires once a crash has been handled, saying whether the server is being restarted. */
  readonly onDidHandleCrash: vscode.Event<{ readonly restarting: boolean }>;
}

export interface CrashPolicy {
  /** This many crashes within `windowMs` and the server is not restarted again. */
  readonly maxCrashes: number;
  readonly windowMs: number;
  readonly now: () => number;
}

/** As vscode-languageclient's own handler: five crashes in three minutes and it stays down. */
export const DEFAULT_CRASH_POLICY: CrashPolicy = { maxCrashes: 5, windowMs: 3 * 60_000, now: () => Date.now() };

/** Shows a message with actions; `vscode.window.show…Message` in the editor, a recorder in tests. */
export type Notify = (severity: 'warning' | 'error', message: string, ...actions: string[]) => Thenable<string | undefined>;

const SHOW_OUTPUT = 'Show Output';

const notifyInEditor: Notify = (severity, message, ...actions) =>
  severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showErrorMessage(message, ...actions);

/**
 * The language client's error handler. A crashed server is restarted and the user is told once per
 * session, not on every restart: a server that crashes on some document would otherwise bury them
 * in notifications while they type. After too many crashes in a short time it stays down, and the
 * user is told that too. Details go to the output channel, which both messages offer to show.
 */
export class ServerHealth implements ErrorHandler, vscode.Disposable {
  private readonly recentCrashes: number[] = [];
  private crashes = 0;
  private readonly shown: string[] = [];
  private toldAboutRestart = false;
  private readonly crashHandled = new vscode.EventEmitter<{ readonly restarting: boolean }>();

  readonly api: ServerHealthApi;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly policy: CrashPolicy = DEFAULT_CRASH_POLICY,
    private readonly notify: Notify = notifyInEditor,
  ) {
    // The getters' own `this` is the API object; these arrows read this handler's state.
    const crashCount = (): number => this.crashes;
    const notices = (): readonly string[] => [...this.shown];
    this.api = {
      get crashCount() {
        return crashCount();
      },
      get notices() {
        return notices();
      },
      onDidHandleCrash: this.crashHandled.event,
    };
  }

  /** A message could not be read or written; like the library's default, give the connection a few chances. */
  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown };
  }

  /** The connection closed while the client was running: the server exited or crashed. */
  closed(): CloseHandlerResult {
    const now = this.policy.now();
    this.crashes++;
    this.recentCrashes.push(now);
    while (this.recentCrashes.length > 0 && now - this.recentCrashes[0]! > this.policy.windowMs) this.recentCrashes.shift();
    const minutes = Math.round(this.policy.windowMs / 60_000);

    if (this.recentCrashes.length >= this.policy.maxCrashes) {
      const message = `Transcript Editor: the language server crashed ${this.recentCrashes.length} times in the last ${minutes} minutes and will not be restarted. Reload the window to start it again.`;
      this.tell('error', message);
      this.crashHandled.fire({ restarting: false });
      // `handled`: the client only logs the message; this handler has shown it.
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }

    if (!this.toldAboutRestart) {
      this.toldAboutRestart = true;
      this.tell(
        'warning',
        'Transcript Editor: the language server stopped unexpectedly and was restarted. If it keeps happening, the output has the details.',
      );
    }
    this.crashHandled.fire({ restarting: true });
    return {
      action: CloseAction.Restart,
      message: `The language server stopped unexpectedly (${this.recentCrashes.length} of ${this.policy.maxCrashes} allowed in ${minutes} minutes); restarting it.`,
      handled: true,
    };
  }

  private tell(severity: 'warning' | 'error', message: string): void {
    this.shown.push(message);
    void Promise.resolve(this.notify(severity, message, SHOW_OUTPUT)).then(
      (choice) => {
        if (choice === SHOW_OUTPUT) this.output.show(true);
      },
      () => {},
    );
  }

  dispose(): void {
    this.crashHandled.dispose();
  }
}
