import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * The entry point both hosts load into the extension host (`extensionTestsPath`): it runs the
 * suites with mocha and rejects when any test fails, which the host turns into its exit code.
 * `E2E_GREP` narrows the run to matching tests while working on one.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    // A first language-server start in a cold host can take seconds; each wait inside a test
    // has its own, shorter bound with a message that names what did not happen.
    timeout: 30_000,
    ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}),
  });
  const suiteDir = path.join(__dirname, 'suite');
  const files = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no end-to-end suites in ${suiteDir}`);
  for (const name of files) mocha.addFile(path.join(suiteDir, name));

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error), { cause: error }));
    }
  });
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
