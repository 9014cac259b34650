// `npm run screenshots [name ...]`: the README's pictures, taken from the packaged extension in
// VS Code in headless Chromium, saved as docs/images/<name>.png. Each shot drives the workbench
// the way a person would (command palette, clicks, hovers) and waits for what it shows to be on
// screen. A shot whose feature the extension does not have yet says so and is skipped; rerun
// the script when it lands. Look at every picture before committing it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { freePort, launchChromium, makeProfile, remoteUri, startCodeServer, workbenchUrl } from './lib/browserHost.mjs';
import { repoRoot, setupBrowserHost } from './lib/codeServer.mjs';
import { installExtensions, packageExtension, sampleTranscript } from './lib/product.mjs';
import * as os from 'node:os';

const outputDir = path.join(repoRoot, 'docs', 'images');
const VIEWPORT = { width: 1400, height: 860 };
/** Bounds every wait for something to appear on screen. */
const WAIT_MS = 30_000;

/** @typedef {import('playwright-core').Page} Page */

const manifest = /** @type {{ contributes?: { views?: { explorer?: { id: string, name: string }[] } } }} */ (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
);
/** Transcript Editor's views in the Explorer, where they show beside the Outline. */
const explorerViews = manifest.contributes?.views?.explorer ?? [];

/* ------------------------------------------------------------ driving the workbench like a user */

/**
 * Runs a command from the command palette by its title, as a person would.
 * @param {Page} page
 * @param {string} title
 */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: WAIT_MS });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * Waits until the status bar counts some problems: the language server has checked the file.
 * @param {Page} page
 */
async function waitForProblems(page) {
  await page.waitForFunction(
    () => {
      const item = document.querySelector('[id="status.problems"]');
      const label = item?.getAttribute('aria-label') ?? item?.textContent ?? '';
      return /\d/.test(label) && !/^No Problems/i.test(label);
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** @param {Page} page */
async function problemsLabel(page) {
  return page.locator('[id="status.problems"]').getAttribute('aria-label');
}

/**
 * @param {Page} page
 * @param {number} line
 */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * Gives the Outline the whole side bar, wide enough to read the turns.
 * @param {Page} page
 */
async function showOutline(page) {
  await runCommand(page, 'Explorer: Focus on Outline View');
  await page.locator('.outline-pane .monaco-list-row').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  // Collapse the file tree above it, as a person would with one click on its title.
  const folderHeader = page.locator('.explorer-viewlet .pane-header').first();
  if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
  await widenSideBar(page, 520);
}

/**
 * Drags the edge above the side bar pane titled `title` to `y`, resizing the panes around it.
 * @param {Page} page
 * @param {string} title
 * @param {number} y
 */
async function dragPaneEdgeAbove(page, title, y) {
  const header = await page
    .locator('.explorer-viewlet .pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') })
    .first()
    .boundingBox();
  if (!header) throw new Error(`no ${title} pane in the Explorer`);
  // The sash lies on the header's top edge.
  await page.mouse.move(header.x + header.width / 2, header.y + 1);
  await page.mouse.down();
  await page.mouse.move(header.x + header.width / 2, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Drags the side bar's edge to `width` pixels.
 * @param {Page} page
 * @param {number} width
 */
async function widenSideBar(page, width) {
  const sideBar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!sideBar) return;
  const edge = sideBar.x + sideBar.width;
  await page.mouse.move(edge - 1, sideBar.y + sideBar.height / 2);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, sideBar.y + sideBar.height / 2, { steps: 5 });
  await page.mouse.up();
}

/**
 * Waits for fade-ins and slides to end; endless ones (a blinking cursor) do not count.
 * @param {Page} page
 */
async function animationsDone(page) {
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: WAIT_MS },
  );
}

/**
 * Moves the mouse away and closes whatever popup is open, so that each shot starts clean.
 * @param {Page} page
 */
async function settle(page) {
  await page.mouse.move(24, VIEWPORT.height - 200);
  await page.keyboard.press('Escape');
}

/**
 * The first line of the sample (1-based) that matches, and the match, to place the view by content.
 * @param {RegExp} pattern
 */
function sampleLine(pattern) {
  const lines = readFileSync(sampleTranscript(), 'utf8').split(/\r?\n/);
  for (const [index, text] of lines.entries()) {
    const match = pattern.exec(text);
    if (match) return { line: index + 1, match };
  }
  throw new Error(`no line of ${sampleTranscript()} matches ${pattern}`);
}

/**
 * A silent WAV of `seconds` (8-bit, 8 kHz, mono: small), standing in for the sample's recording,
 * which the repository does not have: the player shows the same with any sound.
 * @param {number} seconds
 */
function silentWav(seconds) {
  const rate = 8000;
  const samples = seconds * rate;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // one channel
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // one byte a sample
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples, 40);
  // 8-bit PCM is unsigned: 128 is silence.
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/* ------------------------------------------------------------------------------ the pictures */

/**
 * @typedef {object} Shot
 * @property {string} name
 * @property {string} about
 * @property {() => string | undefined} [missing] Why the extension cannot show this yet.
 * @property {boolean} [keepMouse] Leave the mouse where the shot put it (a hover).
 * @property {(transcript: string) => { transcript: string, dispose: () => void }} [prepare] A folder of its own for the shot, made from the sample.
 * @property {(page: Page) => Promise<void>} take
 */

/** @type {Shot[]} */
const SHOTS = [
  {
    name: 'problems',
    about: 'highlighting, squiggles and the Problems panel',
    async take(page) {
      await runCommand(page, 'Problems: Focus on Problems View');
      const overlapRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'repeats the end of the previous chunk' }).first();
      await overlapRow.waitFor({ state: 'visible', timeout: WAIT_MS });
      // Bring the problem's line into view without selecting it, so its faded text shows.
      const where = /\[Ln (\d+), Col \d+\]/.exec(await overlapRow.innerText());
      if (!where) throw new Error('the Problems row gives no line');
      await goToLine(page, Number(where[1]));
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    },
  },
  {
    name: 'outline-speakers',
    about: 'the outline of chunks and turns, and the speakers view',
    missing: () => (explorerViews.some((view) => /speaker/i.test(view.id)) ? undefined : 'the extension puts no speakers view in the Explorer yet'),
    async take(page) {
      for (const view of explorerViews.filter((v) => /speaker/i.test(v.id))) {
        await runCommand(page, `Explorer: Focus on ${view.name} View`);
      }
      await showOutline(page);
      await page
        .locator('.pane-header', { hasText: /speakers/i })
        .first()
        .waitFor({ state: 'visible', timeout: WAIT_MS });
      // Share the side bar: the Outline down to the middle, the speakers below it.
      await dragPaneEdgeAbove(page, 'Timeline', VIEWPORT.height * 0.5);
    },
  },
  {
    name: 'hover',
    about: 'a sentiment hover',
    keepMouse: true,
    async take(page) {
      // A label that is not itself a polarity word, so the hover shows how it was read.
      const { line, match } = sampleLine(/^\s*Sentiment:\s*(?!(?:Positive|Negative|Neutral|Mixed)\s*$)([A-Z][a-z]+)\s*$/);
      const word = match[1];
      await goToLine(page, line);
      const label = page
        .locator('.monaco-editor .view-line', { hasText: new RegExp(`Sentiment:\\s+${word}`) })
        .first()
        .locator('span > span', { hasText: word })
        .first();
      await label.hover();
      await page.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    },
  },
  {
    name: 'seam',
    about: 'a repeated passage: both copies word by word, as Keep One Copy leaves them',
    keepMouse: true,
    async take(page) {
      await runCommand(page, 'Problems: Focus on Problems View');
      const overlapRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'repeats the end of the previous chunk' }).first();
      await overlapRow.waitFor({ state: 'visible', timeout: WAIT_MS });
      const where = /\[Ln (\d+), Col (\d+)\]/.exec(await overlapRow.innerText());
      if (!where) throw new Error('the Problems row gives no line');
      await goToLine(page, Number(where[1]));
      await runCommand(page, 'View: Hide Panel');
      // The repeat's first words are faded (unnecessary): hover the first of them.
      const faded = page.locator('.monaco-editor .squiggly-inline-unnecessary').first();
      await faded.waitFor({ state: 'visible', timeout: WAIT_MS });
      await faded.hover();
      await page
        .locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: 'Repeated passage' })
        .first()
        .waitFor({ state: 'visible', timeout: WAIT_MS });
    },
  },
  {
    name: 'player',
    about: 'the player beside the transcript, the turn being spoken highlighted',
    prepare(transcript) {
      // The sample and a recording with the same name beside it, in a folder of their own.
      const folder = mkdtempSync(path.join(os.tmpdir(), 'transcript-player-shot-'));
      const copy = path.join(folder, path.basename(transcript));
      copyFileSync(transcript, copy);
      writeFileSync(path.join(folder, `${path.basename(transcript).replace(/\.transcript$/, '')}.wav`), silentWav(6 * 60));
      return { transcript: copy, dispose: () => rmSync(folder, { recursive: true, force: true }) };
    },
    async take(page) {
      const { line } = sampleLine(/^\[00:04:1\d\] /);
      await goToLine(page, line);
      await runCommand(page, 'Transcript: Play From Here');
      const player = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      // Playing: the clock has left the turn's stamp.
      await player.locator('#toggle', { hasText: 'Pause' }).waitFor({ state: 'visible', timeout: WAIT_MS });
      await page.locator('.monaco-editor .view-overlays div[class*="ced-"]').first().waitFor({ state: 'attached', timeout: WAIT_MS });
      await runCommand(page, 'Transcript: Play/Pause Recording');
      await player.locator('#toggle', { hasText: 'Play' }).waitFor({ state: 'visible', timeout: WAIT_MS });
      await goToLine(page, line);
    },
  },
  {
    name: 'fix-all',
    about: 'what fix-all changed, as a diff against the file on disk',
    async take(page) {
      const before = await problemsLabel(page);
      await runCommand(page, 'Fix All');
      // Fix-all is done once the problems are counted anew.
      await page.waitForFunction(
        (previous) => {
          const item = document.querySelector('[id="status.problems"]');
          return (item?.getAttribute('aria-label') ?? '') !== previous;
        },
        before,
        { timeout: WAIT_MS },
      );
      await runCommand(page, 'File: Compare Active File with Saved');
      await page
        .locator('.monaco-diff-editor .line-delete, .monaco-diff-editor .char-delete')
        .first()
        .waitFor({ state: 'visible', timeout: WAIT_MS });
      // Long turns wrap, so the removed words are all in the picture.
      await runCommand(page, 'View: Toggle Word Wrap');
      await runCommand(page, 'Go to Next Change');
    },
  },
];

/* -------------------------------------------------------------------------------------- main */

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SHOTS.some((shot) => shot.name === name));
  if (unknown.length) throw new Error(`unknown shot ${unknown.join(', ')}; the shots are ${SHOTS.map((s) => s.name).join(', ')}`);
  const shots = SHOTS.filter((shot) => wanted.length === 0 || wanted.includes(shot.name));

  await setupBrowserHost();
  const vsix = await packageExtension();
  const profile = makeProfile('transcript-screenshots', {
    // What a screenshot should not show: the minimap's blur and a first-run banner.
    'editor.minimap.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'editor.stickyScroll.enabled': false,
    // One column: the fix-all diff reads top to bottom at full width.
    'diffEditor.renderSideBySide': false,
    // Popups appear at once instead of fading in, so a shot never catches one half drawn.
    'workbench.reduceMotion': 'on',
  });
  await installExtensions(profile, [vsix]);
  const port = await freePort();
  const server = await startCodeServer({ profile, port });
  // The player shot starts playback from a command, with no click in its page first.
  const browser = await launchChromium({ allowAutoplay: true });
  mkdirSync(outputDir, { recursive: true });
  const transcript = sampleTranscript();
  /** @param {string} file */
  const urlOf = (file) => workbenchUrl(server.url, path.dirname(file), [['openFile', remoteUri(port, file)]]);
  let failed = 0;
  try {
    for (const shot of shots) {
      const reason = shot.missing?.();
      if (reason) {
        console.log(`skipped ${shot.name}: ${reason}`);
        continue;
      }
      // A fresh page per shot: each starts from the file as it is on disk.
      const page = await browser.newPage({ viewport: VIEWPORT });
      const prepared = shot.prepare?.(transcript);
      try {
        await page.goto(urlOf(prepared?.transcript ?? transcript), { timeout: WAIT_MS });
        await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
        await waitForProblems(page);
        await settle(page);
        await shot.take(page);
        // The mouse rests where no tooltip can open, unless the picture is of a hover.
        if (!shot.keepMouse) await page.mouse.move(24, VIEWPORT.height - 200);
        await animationsDone(page);
        const file = path.join(outputDir, `${shot.name}.png`);
        await page.screenshot({ path: file });
        console.log(`saved ${path.relative(repoRoot, file)}: ${shot.about}`);
      } catch (error) {
        failed++;
        const file = path.join(os.tmpdir(), `screenshot-${shot.name}-failed.png`);
        await page.screenshot({ path: file }).catch(() => {});
        console.error(`failed ${shot.name}: ${error instanceof Error ? error.message : String(error)} (the screen then: ${file})`);
      } finally {
        await page.close();
        prepared?.dispose();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    profile.remove();
  }
  if (failed) throw new Error(`${failed} screenshot${failed === 1 ? '' : 's'} failed`);
}

main().catch((error) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
