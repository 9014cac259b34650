import type { MediaKind } from './mediaFormats';

/*
 * The player's page. Everything it runs is in this one page, under a content security policy
 * that lets it load nothing but the recording (from the webview's own resource origin) and its own
 * script and style (by nonce): no network, no other file.
 *
 * The page keeps no logic of its own beyond the media element: its buttons ask the extension,
 * which decides (the resume rewind, the speed steps) and tells the page what to do. It reports
 * every change of the element's state, which is what the extension, and the tests, go by.
 */

export interface PlayerPage {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  readonly cspSource: string;
  readonly nonce: string;
  /** The recording as a webview resource URI (`webview.asWebviewUri`). */
  readonly mediaSrc: string;
  readonly mime: string;
  /** What the page asks `canPlayType` about before loading. */
  readonly probe: string;
  readonly kind: MediaKind;
  /** The recording's file name, for the title. */
  readonly title: string;
  /** Other types to ask `canPlayType` about, answered with the first report: what this host's player decodes. */
  readonly survey?: readonly string[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The content security policy of the page: the recording from the webview's resource origin, script and style by nonce, nothing else. */
export function playerContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `media-src ${cspSource}`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function playerHtml(page: PlayerPage): string {
  const { nonce } = page;
  const element = page.kind === 'video' ? 'video' : 'audio';
  const settings = JSON.stringify({ probe: page.probe, survey: page.survey ?? [] }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(playerContentSecurityPolicy(page.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px 12px; }
  h1 { font-size: 1.05em; font-weight: 600; margin: 4px 0 10px; word-break: break-all; }
  video { width: 100%; max-height: 60vh; background: black; }
  video.no-picture { display: none; }
  .time { font-family: var(--vscode-editor-font-family); font-size: 1.6em; font-variant-numeric: tabular-nums; margin: 8px 0; }
  .controls { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
  button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 5px 10px; cursor: pointer; font: inherit; }
  button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); min-width: 5em; }
  button:hover { filter: brightness(1.15); }
  input[type=range] { width: 100%; margin: 10px 0 4px; }
  .note { margin-top: 10px; color: var(--vscode-descriptionForeground); min-height: 1.2em; }
  .note.problem { color: var(--vscode-errorForeground); }
  .keys { margin-top: 14px; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<${element} id="media" preload="auto" src="${escapeHtml(page.mediaSrc)}"></${element}>
<div class="time"><span id="time">00:00:00.0</span> / <span id="duration">--:--:--</span></div>
<input id="position" type="range" min="0" max="0" step="0.1" value="0" aria-label="Position in the recording">
<div class="controls">
  <button id="back" title="Rewind">&lsaquo; Back</button>
  <button id="toggle" class="primary" title="Play or pause">Play</button>
  <button id="forward" title="Forward">Forward &rsaquo;</button>
  <button id="slower" title="Slower">&minus;</button>
  <span id="rate" aria-label="Speed">1&times;</span>
  <button id="faster" title="Faster">+</button>
</div>
<div id="note" class="note" role="status"></div>
<div class="keys">In the transcript: Play From Here, Play/Pause, Back, Forward, Set Stamp to Player Time (Transcript commands).</div>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const settings = ${settings};
  const media = document.getElementById('media');
  const timeText = document.getElementById('time');
  const durationText = document.getElementById('duration');
  const position = document.getElementById('position');
  const toggle = document.getElementById('toggle');
  const rateText = document.getElementById('rate');
  const note = document.getElementById('note');
  const clock = (seconds, tenths) => {
    if (!isFinite(seconds)) return '--:--:--';
    const s = Math.max(0, seconds);
    const whole = Math.floor(s);
    const two = (n) => String(n).padStart(2, '0');
    const text = two(Math.floor(whole / 3600)) + ':' + two(Math.floor(whole / 60) % 60) + ':' + two(whole % 60);
    return tenths ? text + '.' + Math.floor((s * 10) % 10) : text;
  };
  let dragging = false;
  const report = (reason) => {
    timeText.textContent = clock(media.currentTime, true);
    durationText.textContent = clock(media.duration, false);
    if (!dragging) {
      position.max = String(isFinite(media.duration) ? media.duration : 0);
      position.value = String(media.currentTime);
    }
    toggle.textContent = media.paused ? 'Play' : 'Pause';
    rateText.textContent = media.playbackRate + '\\u00d7';
    vscode.postMessage({
      type: 'state',
      reason,
      time: media.currentTime,
      duration: isFinite(media.duration) ? media.duration : undefined,
      paused: media.paused,
      rate: media.playbackRate,
    });
  };
  for (const event of ['loadedmetadata', 'timeupdate', 'play', 'playing', 'pause', 'seeked', 'ratechange', 'ended']) {
    media.addEventListener(event, () => report(event));
  }
  media.addEventListener('loadedmetadata', () => {
    if (media.tagName === 'VIDEO' && !media.videoWidth) media.classList.add('no-picture');
  });
  media.addEventListener('error', () => {
    const error = media.error;
    vscode.postMessage({ type: 'error', code: error ? error.code : 0, message: error && error.message ? error.message : '' });
  });
  const show = (text, problem) => {
    note.textContent = text;
    note.className = problem ? 'note problem' : 'note';
  };
  const play = () => {
    const started = media.play();
    if (started) started.catch((error) => {
      const text = error && error.name === 'NotAllowedError'
        ? 'The browser wants a click in the player before it plays sound: press Play here once.'
        : 'The recording did not start: ' + (error && error.message ? error.message : String(error));
      show(text, true);
      vscode.postMessage({ type: 'blocked', message: text });
    });
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'play':
        if (typeof message.at === 'number') media.currentTime = message.at;
        play();
        break;
      case 'pause':
        media.pause();
        break;
      case 'seek':
        media.currentTime = Math.max(0, message.to);
        break;
      case 'rate':
        media.playbackRate = message.to;
        break;
      case 'note':
        show(message.text, Boolean(message.problem));
        break;
    }
  });
  for (const name of ['back', 'toggle', 'forward', 'slower', 'faster']) {
    document.getElementById(name).addEventListener('click', () => vscode.postMessage({ type: 'button', name }));
  }
  position.addEventListener('input', () => { dragging = true; timeText.textContent = clock(Number(position.value), true); });
  position.addEventListener('change', () => { dragging = false; media.currentTime = Number(position.value); });
  const survey = {};
  for (const type of settings.survey) survey[type] = media.canPlayType(type);
  vscode.postMessage({ type: 'ready', canPlay: media.canPlayType(settings.probe), survey });
})();
</script>
</body>
</html>`;
}
