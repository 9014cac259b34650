// `npm start`: Transcript Editor in VS Code in the browser, on a fresh machine.
// Installs what is missing (scripts/setup-e2e.mjs), packages the extension, installs the .vsix
// into a profile kept in .vscode-test/start, and serves code-server on 127.0.0.1 with a sample
// transcript open. Port 8080 unless PORT or `--port N` says otherwise. Ctrl+C stops it all.
import { createServer } from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { profileAt, remoteUri, startCodeServer, workbenchUrl } from './lib/browserHost.mjs';
import { repoRoot, setupBrowserHost } from './lib/codeServer.mjs';
import { installExtensions, packageExtension, packageStartLayout, sampleTranscript, startBanner } from './lib/product.mjs';

function portFromArgs() {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const raw = values.port ?? process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port number: ${raw}`);
  return port;
}

/**
 * Fails at once when something else holds the port, before minutes of setting up.
 * @param {number} port
 * @returns {Promise<void>}
 */
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      reject(new Error(`port ${port} on 127.0.0.1 is taken (${error.code ?? error.message}); choose another with PORT=N or --port N`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function main() {
  const port = portFromArgs();
  await assertPortFree(port);
  // The steps' own output is kept back unless one fails: the address is what a person needs.
  console.log('npm start: building and packaging the extension, then starting VS Code in the browser…');
  await setupBrowserHost({ quiet: true });
  const vsix = await packageExtension({ quiet: true });
  const layout = await packageStartLayout({ quiet: true });
  const profile = profileAt(path.join(repoRoot, '.vscode-test', 'start'));
  await installExtensions(profile, [vsix, layout], { quiet: true });

  const transcript = sampleTranscript();
  const folder = path.dirname(transcript);
  // Ctrl+C may come while code-server is still starting: stop it either way, never orphan it.
  let stopping = false;
  // The folder as code-server's default, so the bare address opens it too.
  const starting = startCodeServer({ profile, port, args: [folder] });
  const stop = async (/** @type {NodeJS.Signals} */ signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server`);
    await starting.then(
      (server) => server.stop(),
      () => {},
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const server = await starting;
  void server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`code-server stopped by itself (${signal ?? `exit code ${code}`}):\n${server.output()}`);
    process.exit(1);
  });
  const url = workbenchUrl(server.url, folder, [['openFile', remoteUri(port, transcript)]]);

  console.log(startBanner(path.relative(repoRoot, transcript), url, { color: process.stdout.isTTY === true }));
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
