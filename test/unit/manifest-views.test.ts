import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COMMANDS } from '../../protocol';

/*
 * What the manifest makes the workbench show: view titles, and the Getting Started walkthrough.
 */

interface ViewEntry {
  readonly id: string;
  readonly name: string;
}

interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string; readonly image?: string };
  readonly completionEvents?: readonly string[];
}

interface Manifest {
  readonly contributes: {
    readonly walkthroughs?: ReadonlyArray<{ readonly id: string; readonly title: string; readonly steps: readonly WalkthroughStep[] }>;
    readonly viewsContainers: { readonly activitybar: ReadonlyArray<{ readonly id: string; readonly title: string }> };
    readonly views: Readonly<Record<string, readonly ViewEntry[]>>;
  };
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/**
 * The title VS Code gives a container holding one view: the view's name when the two are the
 * same, else `Container: View` (ViewPaneContainer.getTitle), shown in capitals.
 */
function mergedTitle(container: string, view: string): string {
  return container === view ? view : `${container}: ${view}`;
}

test('the speakers container and its view do not say "speakers" twice in the title', () => {
  for (const container of manifest.contributes.viewsContainers.activitybar) {
    const views = manifest.contributes.views[container.id] ?? [];
    if (views.length !== 1) continue;
    const title = mergedTitle(container.title, views[0]!.name).toLowerCase();
    const words = title.split(/[^a-z]+/).filter(Boolean);
    assert.equal(new Set(words).size, words.length, `the title reads "${title.toUpperCase()}"`);
  }
});

/** The workbench's own commands the walkthrough's buttons run. */
const WORKBENCH_COMMANDS = ['workbench.action.files.openFile', 'outline.focus', 'transcript.speakers.focus', 'workbench.actions.view.problems'];

test('a Getting Started walkthrough shows a new user a transcript, the outline, the Speakers view, a fix and an export', async () => {
  const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === 'gettingStarted');
  assert.ok(walkthrough, 'contributes.walkthroughs has the Getting Started walkthrough');
  assert.deepEqual(
    walkthrough.steps.map((step) => step.id),
    ['openSample', 'outline', 'speakers', 'fix', 'export'],
  );
  const contributed = new Set<string>(Object.values(COMMANDS));
  const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root });
  const packaged = new Set(stdout.split('\n').map((line) => line.trim()));
  for (const step of walkthrough.steps) {
    // Each step offers at least one button, each running a command that exists.
    const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]!);
    assert.ok(buttons.length > 0, `${step.id} has a button`);
    for (const command of buttons) assert.ok(contributed.has(command) || WORKBENCH_COMMANDS.includes(command), `${step.id}: ${command}`);
    for (const event of step.completionEvents ?? []) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command && command.startsWith('transcript.')) assert.ok(contributed.has(command), `${step.id} completes on ${command}`);
    }
    const media = step.media.markdown ?? step.media.image;
    assert.ok(media && existsSync(join(root, media)), `${step.id}: ${media} exists`);
    assert.ok(packaged.has(media), `${step.id}: ${media} is in the package`);
  }
  assert.ok(packaged.has('sample/debate-2016.transcript'), 'the sample the first step opens is in the package');
});
