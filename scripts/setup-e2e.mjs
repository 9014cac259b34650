// Installs what the offline end-to-end host needs: Debian's chromium, ripgrep and libkrb5-dev
// (only those missing), and code-server in .vscode-test/code-server. Safe to run again: a
// second run checks and prints, and installs nothing.
import { setupBrowserHost } from './lib/codeServer.mjs';

const started = Date.now();
try {
  await setupBrowserHost();
  console.log(`setup-e2e: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
