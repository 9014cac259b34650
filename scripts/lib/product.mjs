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

/** Builds for production and packages the extension, as a release would. */
export async function packageExtension() {
  const icon = path.join(repoRoot, 'images', 'icon.png');
  if (!existsSync(icon)) {
    throw new Error(`packaging needs ${path.relative(repoRoot, icon)}, which is not in this checkout yet`);
  }
  await run(npm, ['run', '--silent', 'package'], { cwd: repoRoot });
  if (!existsSync(extensionVsix)) throw new Error(`npm run package did not write ${extensionVsix}`);
  return extensionVsix;
}

/** Packages the small helper that opens Problems, Outline and the extension's views on load. */
export async function packageStartLayout() {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  await run(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', startLayoutVsix], {
    cwd: startLayoutDir,
  });
  return startLayoutVsix;
}

/**
 * Installs (or replaces) extensions in a code-server profile.
 * @param {import('./browserHost.mjs').Profile} profile
 * @param {string[]} vsixFiles
 */
export async function installExtensions(profile, vsixFiles) {
  for (const vsix of vsixFiles)
    console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profile.extensionsDir) || profile.extensionsDir}`);
  await codeServerCommand(profile, ['--force', ...vsixFiles.flatMap((vsix) => ['--install-extension', vsix])]);
}

/** The transcript a first look opens: the sample when the checkout has it. */
export function sampleTranscript() {
  const sample = path.join(repoRoot, 'sample', 'debate-2016.transcript');
  return existsSync(sample) ? sample : path.join(repoRoot, 'test', 'e2e', 'workspace', 'debate-checks.transcript');
}
