import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * What the manifest makes the workbench show: view titles, and the Getting Started walkthrough.
 */

interface ViewEntry {
  readonly id: string;
  readonly name: string;
}

interface Manifest {
  readonly contributes: {
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
