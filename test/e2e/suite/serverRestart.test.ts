import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CloseAction, State, type LanguageClient } from 'vscode-languageclient/node';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import { ServerHealth, type Notify } from '../../../client/src/serverHealth';
import { activeExtension, bounded, codeOf, openTranscriptCopy, waitForDiagnostics } from '../helpers';

/*
 * Issue 7: if the language server crashes, the client restarts it and tells the user once; after
 * five crashes in three minutes it stops restarting and says so. The first test crashes the real
 * server; the others drive the error handler with a clock and a message recorder of their own.
 */

const WAIT_MS = 15_000;

/** Resolves with the next event `event` fires. */
function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves when the client next reaches `state`. */
function nextState(client: LanguageClient, state: State): Promise<void> {
  return new Promise((resolve) => {
    const subscription = client.onDidChangeState(({ newState }) => {
      if (newState !== state) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** Lines holding a `timestamp-malformed` diagnostic. */
function malformedLines(diagnostics: readonly vscode.Diagnostic[]): number[] {
  return diagnostics
    .filter((d) => codeOf(d) === 'timestamp-malformed')
    .map((d) => d.range.start.line)
    .sort((a, b) => a - b);
}

suite('Server restart', () => {
  test('a crashed server is restarted and works again; the user is told once', async () => {
    const api = (await activeExtension()) as unknown as TranscriptExtensionApi;
    const editor = await openTranscriptCopy('malformed-stamp.transcript');
    const { uri } = editor.document;
    await waitForDiagnostics(uri, (d) => malformedLines(d).join() === '3', 'the malformed stamp on line 4');
    const noticesBefore = api.serverHealth.notices.length;
    const crashesBefore = api.serverHealth.crashCount;

    // Each round breaks one more turn's stamp after the restart: only a working new server reports it.
    const headerLines = [0, 6];
    for (const [round, line] of headerLines.entries()) {
      const handled = nextEvent(api.serverHealth.onDidHandleCrash);
      const running = nextState(api.client, State.Running);
      // `exit` without `shutdown`: the server process ends with an error, which is a crash to the client.
      await api.client.sendNotification('exit');
      assert.deepEqual(await bounded(handled, WAIT_MS, `crash ${round + 1} to be handled`), { restarting: true });
      await bounded(running, WAIT_MS, `the server to run again after crash ${round + 1}`);

      const stampEnd = editor.document.lineAt(line).text.indexOf(']') + 1;
      assert.equal(await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, stampEnd), '[00:99:00]')), true);
      const expected = [...headerLines.slice(0, round + 1), 3].sort((a, b) => a - b).join();
      await waitForDiagnostics(uri, (d) => malformedLines(d).join() === expected, `malformed stamps on lines ${expected} from the restarted server`);
    }

    assert.equal(api.serverHealth.crashCount, crashesBefore + headerLines.length);
    const notices = api.serverHealth.notices.slice(noticesBefore);
    assert.equal(notices.length, noticesBefore === 0 ? 1 : 0, `told the user once in all: ${JSON.stringify(api.serverHealth.notices)}`);
    assert.equal(api.client.state, State.Running);
  });

  /** An error handler with a clock the test moves and a recorder for what the user would see. */
  function handlerWithClock() {
    let now = 1_000_000;
    let shown = 0;
    const told: Array<[string, string]> = [];
    /** The user's answers, each "Show Output". */
    const answers: Array<Promise<string>> = [];
    const notify: Notify = (severity, message) => {
      told.push([severity, message]);
      const answer = Promise.resolve('Show Output');
      answers.push(answer);
      return answer;
    };
    const output = {
      show: () => {
        shown++;
      },
    } as unknown as vscode.OutputChannel;
    const health = new ServerHealth(output, { maxCrashes: 5, windowMs: 3 * 60_000, now: () => now }, notify);
    return {
      health,
      told,
      answers,
      shownOutput: () => shown,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  test('five crashes within three minutes: four restarts, then the server stays down and the user is told', async () => {
    const { health, told, answers, shownOutput, advance } = handlerWithClock();
    const actions: CloseAction[] = [];
    for (let crash = 0; crash < 5; crash++) {
      actions.push(health.closed().action);
      advance(30_000);
    }
    assert.deepEqual(actions, [CloseAction.Restart, CloseAction.Restart, CloseAction.Restart, CloseAction.Restart, CloseAction.DoNotRestart]);
    assert.deepEqual(
      told.map(([severity]) => severity),
      ['warning', 'error'],
    );
    assert.match(told[1]![1], /crashed 5 times in the last 3 minutes and will not be restarted/);
    // Both messages offer the output, and choosing it shows the channel.
    await Promise.all(answers);
    assert.equal(shownOutput(), 2);
    health.dispose();
  });

  test('crashes spread over more than three minutes keep being restarted, with no new message', () => {
    const { health, told, advance } = handlerWithClock();
    for (let crash = 0; crash < 12; crash++) {
      assert.equal(health.closed().action, CloseAction.Restart, `crash ${crash + 1}, 50 s after the one before`);
      advance(50_000);
    }
    assert.equal(health.api.crashCount, 12);
    assert.deepEqual(
      told.map(([severity]) => severity),
      ['warning'],
    );
    health.dispose();
  });
});
