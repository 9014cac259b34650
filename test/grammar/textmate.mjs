// The transcript grammar loaded into the registry that vscode-tmgrammar-test itself builds
// (vscode-textmate on vscode-oniguruma, the engine VS Code runs), for tests that need tokens.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const grammarPath = fileURLToPath(new URL('../../syntaxes/transcript.tmLanguage.json', import.meta.url));

export async function loadTranscriptGrammar() {
  const require = createRequire(import.meta.url);
  const { createRegistry } = /** @type {typeof import('vscode-tmgrammar-test/dist/common/index.js')} */ (
    require('vscode-tmgrammar-test/dist/common/index.js')
  );
  const registry = createRegistry([{ path: grammarPath, scopeName: 'text.transcript' }]);
  const grammar = await registry.loadGrammar('text.transcript');
  if (!grammar) throw new Error(`no grammar text.transcript in ${grammarPath}`);
  return grammar;
}
