import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, EXPORT_COMMANDS } from '../../protocol';
import { EXPORT_FORMATS } from '../../server/src/service/export';

interface CommandEntry {
  readonly command: string;
  readonly title: string;
}

/** The fields of package.json that these tests read. */
interface Manifest {
  readonly main: string;
  readonly activationEvents: readonly string[];
  readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: boolean } };
  readonly engines: { readonly vscode: string };
  readonly contributes: {
    readonly languages: ReadonlyArray<{ readonly id: string; readonly extensions: readonly string[]; readonly firstLine: string }>;
    readonly commands: readonly CommandEntry[];
    readonly menus: Readonly<Record<string, ReadonlyArray<{ readonly command: string; readonly when?: string }>>>;
    readonly keybindings: ReadonlyArray<{ readonly command: string }>;
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const language = manifest.contributes.languages.find((l) => l.id === 'transcript');

test('the language is contributed for *.transcript and *.transcript.txt', () => {
  assert.ok(language, 'the transcript language is contributed');
  assert.deepEqual(language.extensions, ['.transcript', '.transcript.txt']);
});

test('firstLine recognises a transcript opened from a plain .txt, and leaves ordinary text alone', () => {
  assert.ok(language, 'the transcript language is contributed');
  // VS Code compiles `firstLine` as a JavaScript regular expression without flags.
  const firstLine = new RegExp(language.firstLine);
  for (const line of [
    'Speaker 1 (Mark Chen): "I\'m excited to be a part of this project."',
    "Bob McGrew: [00:00:09] All right, I'm Bob McGrew.",
    "[00:01:31] Speaker 1: Whatever the task you're doing.",
    '\ufeff[00:00:01] Host: Welcome.',
    '    Speaker: [00:00:22] What exactly is o1?',
  ])
    assert.ok(firstLine.test(line), line);
  for (const line of ['Dear Sir: thank you for your letter.', 'TODO: buy milk', 'The meeting starts at 10:30.', 'Chapter 1', '', 'Note: [see below]'])
    assert.ok(!firstLine.test(line), line);
});

test('activation: the extension starts when a transcript opens, and only declares what it does', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  // From VS Code 1.74 on, a contributed language is an activation event of its own
  // (`onLanguage:transcript`), so the manifest need not, and does not, list it.
  const [major, minor] = /^\^(\d+)\.(\d+)\./.exec(manifest.engines.vscode)!.slice(1).map(Number);
  assert.ok(major! > 1 || minor! >= 74, `engines.vscode ${manifest.engines.vscode} implies onLanguage for contributed languages`);
  assert.ok(language, 'the transcript language is contributed');
  // Plain text too, to offer a .txt that holds a transcript the switch; nothing at startup.
  assert.deepEqual(manifest.activationEvents, ['onLanguage:plaintext']);
});

test('the commands the manifest contributes are the ones the protocol names, and menus and keybindings name only those', () => {
  const contributed = manifest.contributes.commands.map((entry) => entry.command);
  assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
  const menuEntries = Object.values(manifest.contributes.menus).flat();
  for (const { command } of [...manifest.contributes.keybindings, ...menuEntries]) {
    assert.ok(contributed.includes(command), `${command} is bound or in a menu but not contributed`);
  }
});

test('every format the server exports has an export command, titled with the name its save dialog uses', () => {
  assert.deepEqual(EXPORT_COMMANDS.map((entry) => entry.format).sort(), EXPORT_FORMATS.map((info) => info.format).sort());
  const titles = new Map(manifest.contributes.commands.map((entry) => [entry.command, entry.title]));
  for (const { command, format } of EXPORT_COMMANDS) {
    const label = EXPORT_FORMATS.find((info) => info.format === format)!.label;
    assert.equal(titles.get(command), `Export Transcript as ${label}...`, command);
  }
});

/** The `when` clause of `command` in `menu`; the test fails when the command is not in that menu once. */
function whenOf(menu: string, command: string): string {
  const entries = (manifest.contributes.menus[menu] ?? []).filter((entry) => entry.command === command);
  assert.equal(entries.length, 1, `${command} is in ${menu} once`);
  assert.ok(entries[0]!.when, `${command} has a when clause in ${menu}`);
  return entries[0]!.when;
}

/** The file extensions a clause's `resourceExtname =~ /…/flags` accepts, out of `candidates`. */
function extensionsAccepted(when: string, candidates: readonly string[]): string[] {
  const match = /resourceExtname =~ \/(.+?)\/([a-z]*)(?:\s|$)/.exec(when);
  assert.ok(match, `a resourceExtname pattern in ${when}`);
  const pattern = new RegExp(match[1]!, match[2]);
  return candidates.filter((extension) => pattern.test(extension));
}

test('Open as Transcript: offered for subtitle files in their editor title, for subtitles, text and Markdown in the Explorer, in the palette with an editor open', () => {
  const command = COMMANDS.openAsTranscript;
  assert.deepEqual(
    manifest.contributes.commands.filter((entry) => entry.command === command).map((entry) => entry.title),
    ['Open as Transcript'],
  );
  const candidates = ['.vtt', '.srt', '.VTT', '.Srt', '.txt', '.md', '.transcript', '.json', '.vtt.bak', '.xvtt'];

  const editorTitle = whenOf('editor/title', command);
  assert.deepEqual(extensionsAccepted(editorTitle, candidates), ['.vtt', '.srt', '.VTT', '.Srt']);
  assert.match(editorTitle, /&& editorLangId != transcript$/);

  const explorer = whenOf('explorer/context', command);
  assert.deepEqual(extensionsAccepted(explorer, candidates), ['.vtt', '.srt', '.VTT', '.Srt', '.txt', '.md']);
  // `*.transcript.txt` ends in `.txt` but already opens as a transcript.
  assert.match(explorer, /&& resourceLangId != transcript$/);

  assert.equal(whenOf('commandPalette', command), 'editorIsOpen');
});
