// The product as a user gets it: the packaged .vsix installed into a code-server profile.
// Shared by `npm start` and `npm run screenshots`.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { codeServerCommand } from './browserHost.mjs';
import { repoRoot } from './codeServer.mjs';
import { npm, run } from './process.mjs';

/** What `npm run package` writes. */
export const extensionVsix = path.join(repoRoot, 'transcript-editor.vsix');
const startLayoutDir = path.join(repoRoot, 'scripts', 'lib', 'start-layout');
const startLayoutVsix = path.join(repoRoot, '.vscode-test', 'start-layout.vsix');

/**
 * Builds for production and packages the extension, as a release would.
 * @param {{ quiet?: boolean }} [options] `quiet`: print nothing unless it fails
 */
export async function packageExtension({ quiet = false } = {}) {
  const icon = path.join(repoRoot, 'images', 'icon.png');
  if (!existsSync(icon)) {
    throw new Error(`packaging needs ${path.relative(repoRoot, icon)}, which is not in this checkout yet`);
  }
  await run(npm, ['run', '--silent', 'package'], { cwd: repoRoot, quiet });
  if (!existsSync(extensionVsix)) throw new Error(`npm run package did not write ${extensionVsix}`);
  return extensionVsix;
}

/**
 * Packages the small helper that opens Problems, Outline and the extension's views on load.
 * @param {{ quiet?: boolean }} [options] `quiet`: print nothing unless it fails
 */
export async function packageStartLayout({ quiet = false } = {}) {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  await run(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', startLayoutVsix], {
    cwd: startLayoutDir,
    quiet,
  });
  return startLayoutVsix;
}

/**
 * Installs (or replaces) extensions in a code-server profile.
 * @param {import('./browserHost.mjs').Profile} profile
 * @param {string[]} vsixFiles
 * @param {{ quiet?: boolean }} [options] `quiet`: print nothing unless it fails
 */
export async function installExtensions(profile, vsixFiles, { quiet = false } = {}) {
  if (!quiet)
    for (const vsix of vsixFiles)
      console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profile.extensionsDir) || profile.extensionsDir}`);
  await codeServerCommand(profile, ['--force', ...vsixFiles.flatMap((vsix) => ['--install-extension', vsix])]);
}

/** The transcript a first look opens: the sample when the checkout has it. */
export function sampleTranscript() {
  const sample = path.join(repoRoot, 'sample', 'debate-2016.transcript');
  return existsSync(sample) ? sample : path.join(repoRoot, 'test', 'e2e', 'workspace', 'debate-checks.transcript');
}

/**
 * What `npm start` says once VS Code is up: what runs and how to stop it, then the address, last
 * and on a line of its own, so it is what the eye (and a terminal's link detection) finds. In
 * bold and underlined where the output is a terminal.
 * @param {string} transcript the file opened, as the reader knows it
 * @param {string} url
 * @param {{ color?: boolean }} [options]
 */
export function startBanner(transcript, url, { color = false } = {}) {
  const address = color ? `\u001b[1;4m${url}\u001b[0m` : url;
  return [
    '',
    `Transcript Editor is running in VS Code in the browser, with ${transcript} open. Ctrl+C stops it.`,
    'Open this address in a browser on this machine:',
    '',
    `    ${address}`,
  ].join('\n');
}
