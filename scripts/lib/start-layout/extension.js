// Opens the views a first look at Transcript Editor should show: the Problems panel, the Outline
// and the extension's own views. VS Code keeps a window's layout in the browser's storage and has
// no setting for it, so `npm start` installs this into its own profile only (never into a user's
// VS Code), and it runs each time the window opens.
const vscode = require('vscode');

const TRANSCRIPT_EDITOR = 'transcript-editor.transcript-editor';

/**
 * `<view id>.focus` for each view Transcript Editor puts in the Explorer, whatever its version
 * has: there they show beside the Outline, where a view of its own container would replace it.
 */
function transcriptExplorerViewCommands() {
  const views = vscode.extensions.getExtension(TRANSCRIPT_EDITOR)?.packageJSON?.contributes?.views?.explorer ?? [];
  return views.map((view) => `${view.id}.focus`);
}

async function activate() {
  const available = new Set(await vscode.commands.getCommands(true));
  const reveal = ['workbench.actions.view.problems', ...transcriptExplorerViewCommands(), 'outline.focus'];
  for (const command of reveal) {
    if (!available.has(command)) continue;
    try {
      await vscode.commands.executeCommand(command);
    } catch (error) {
      console.warn(`start-layout: ${command} failed: ${error}`);
    }
  }
  // Give the keyboard back to the transcript the URL opened.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

module.exports = { activate };
