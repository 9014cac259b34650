import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cannotPlayReason,
  conversionCommand,
  mediaFormatOf,
  recordingBaseName,
  siblingRecording,
  unplayableMessage,
} from '../../client/src/media/mediaFormats';
import { playerContentSecurityPolicy, playerHtml } from '../../client/src/media/playerHtml';
import { describePlayStart, playFromTitle, resumeTime, steppedRate, turnAtCursor, TurnClock } from '../../client/src/media/playbackLogic';
import type { TimedTurn } from '../../protocol';

/* The player's decisions that need no editor: formats, the turn at a time, speeds, what it says. */

function turn(turnIndex: number, line: number, seconds: number, estimate?: TimedTurn['estimate']): TimedTurn {
  const range = { start: { line, character: 0 }, end: { line, character: 20 } };
  return { turnIndex, range, headerRange: range, seconds, ...(estimate ? { estimate } : {}) };
}

describe('recordings beside a transcript', () => {
  test('the base name drops the transcript’s extensions', () => {
    assert.equal(recordingBaseName('interview.transcript.txt'), 'interview');
    assert.equal(recordingBaseName('interview.transcript'), 'interview');
    assert.equal(recordingBaseName('Interview 2.vtt'), 'Interview 2');
    assert.equal(recordingBaseName('talk.final.wav'), 'talk.final');
  });

  test('the sibling with the same base name and a recording’s extension, the most playable first', () => {
    const names = ['interview.transcript', 'interview.m4a', 'interview.ogg', 'interview-notes.wav', 'other.wav', 'interview.pdf'];
    assert.equal(siblingRecording('interview.transcript', names), 'interview.ogg');
    assert.equal(siblingRecording('interview.transcript', ['interview.transcript', 'interview.m4a']), 'interview.m4a');
    assert.equal(siblingRecording('interview.transcript', ['interview.transcript', 'interviews.wav']), undefined);
    assert.equal(siblingRecording('Talk.transcript.txt', ['Talk.transcript.txt', 'Talk.WAV']), 'Talk.WAV');
  });
});

describe('formats', () => {
  test('audio and video containers, and what the element is asked', () => {
    assert.equal(mediaFormatOf('a.wav')?.kind, 'audio');
    assert.equal(mediaFormatOf('a.WEBM')?.kind, 'video');
    assert.match(mediaFormatOf('a.m4a')!.probe, /mp4a/);
    assert.equal(mediaFormatOf('a.pdf'), undefined);
    assert.ok(mediaFormatOf('a.wma')?.never);
    assert.equal(mediaFormatOf('a.flac')?.never, undefined);
  });

  test('a file that will not play gets the one ffmpeg command that converts it', () => {
    assert.equal(conversionCommand('talk.m4a', 'audio'), 'ffmpeg -i talk.m4a -vn -c:a libopus talk.ogg');
    assert.equal(conversionCommand('my talk.mp4', 'video'), 'ffmpeg -i "my talk.mp4" -c:v libvpx-vp9 -c:a libopus "my talk.webm"');
    // Never onto the file itself: an .ogg of Speex becomes .opus, found beside the transcript before the .ogg.
    assert.equal(conversionCommand('talk.ogg', 'audio'), 'ffmpeg -i talk.ogg -vn -c:a libopus talk.opus');
    assert.equal(conversionCommand('Talk.OGG', 'audio'), 'ffmpeg -i Talk.OGG -vn -c:a libopus Talk.opus');
    assert.equal(siblingRecording('talk.transcript', ['talk.transcript', 'talk.ogg', 'talk.opus']), 'talk.opus');
    assert.equal(conversionCommand('clip.webm', 'video'), 'ffmpeg -i clip.webm -c:v libvpx-vp9 -c:a libopus clip.vp9.webm');
    const message = unplayableMessage('talk.m4a', cannotPlayReason(mediaFormatOf('talk.m4a')!));
    assert.match(message, /^talk\.m4a will not play here: .*AAC/);
    assert.match(message, /ffmpeg -i talk\.m4a -vn -c:a libopus talk\.ogg$/);
  });
});

describe('playback', () => {
  test('the turn at a time is the one that started last before it, out-of-order stamps included', () => {
    const clock = new TurnClock([turn(0, 0, 0), turn(1, 2, 10), turn(2, 4, 5), turn(3, 6, 20)]);
    assert.equal(clock.turnAt(0)?.turnIndex, 0);
    assert.equal(clock.turnAt(4.9)?.turnIndex, 0);
    assert.equal(clock.turnAt(7)?.turnIndex, 2);
    assert.equal(clock.turnAt(12)?.turnIndex, 1);
    assert.equal(clock.turnAt(99)?.turnIndex, 3);
    assert.equal(new TurnClock([turn(0, 0, 3)]).turnAt(1), undefined);
  });

  test('the turn at the cursor, the first when the cursor is above every turn', () => {
    const turns = [turn(0, 2, 0), turn(1, 5, 10)];
    assert.equal(turnAtCursor(turns, { line: 0, character: 0 })?.turnIndex, 0);
    assert.equal(turnAtCursor(turns, { line: 4, character: 9 })?.turnIndex, 0);
    assert.equal(turnAtCursor(turns, { line: 5, character: 0 })?.turnIndex, 1);
    assert.equal(turnAtCursor([], { line: 0, character: 0 }), undefined);
  });

  test('resuming goes back a little, never before the start; speeds step within bounds', () => {
    assert.equal(resumeTime(10, 2), 8);
    assert.equal(resumeTime(1, 2), 0);
    assert.equal(resumeTime(10, 0), 10);
    assert.equal(steppedRate(1, 1), 1.15);
    assert.equal(steppedRate(1, -1), 0.85);
    assert.equal(steppedRate(2, 1), 2);
    assert.equal(steppedRate(0.5, -1), 0.5);
    assert.equal(steppedRate(1.1, -1), 1);
  });

  test('the player says where it starts, and when the time is an estimate', () => {
    assert.equal(describePlayStart(turn(0, 2, 6)), 'Playing from 00:00:06, the stamp of the turn at line 3.');
    assert.equal(
      describePlayStart(turn(1, 4, 7.6, { before: 6, after: 12 })),
      'The turn at line 5 has no stamp: playing from 00:00:07, estimated between the stamp at 00:00:06 and the stamp at 00:00:12.',
    );
    assert.match(describePlayStart(turn(1, 4, 2, { after: 12 })), /estimated between the start of the recording and the stamp at 00:00:12/);
    assert.match(describePlayStart(turn(1, 4, 30, { before: 12 })), /estimated from the stamp at 00:00:12 at the pace/);
  });

  test('a stamp’s CodeLens names its time as the stamp gives it: whole seconds, or with the tenth it has', () => {
    assert.equal(playFromTitle(103), '$(play) Play from 00:01:43');
    assert.equal(playFromTitle(2.5), '$(play) Play from 00:00:02.5');
    assert.equal(playFromTitle(3 * 3600 + 0.96), '$(play) Play from 03:00:01');
    assert.equal(playFromTitle(0), '$(play) Play from 00:00:00');
  });
});

describe('the player page', () => {
  const page = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    mediaSrc: 'https://file+.vscode-resource.vscode-cdn.net/work/talk.wav',
    mime: 'audio/wav',
    probe: 'audio/wav; codecs="1"',
    kind: 'audio' as const,
    title: 'talk <1>.wav',
  };

  test('a strict policy: nothing by default, the recording from the resource origin, script and style by nonce only', () => {
    const policy = playerContentSecurityPolicy(page.cspSource, page.nonce);
    assert.equal(
      policy,
      "default-src 'none'; media-src https://file+.vscode-resource.vscode-cdn.net; style-src 'nonce-abc123'; script-src 'nonce-abc123'",
    );
    const html = playerHtml(page);
    assert.ok(html.includes('<script nonce="abc123">'));
    assert.ok(html.includes('<style nonce="abc123">'));
    // No other script or style, and no address the page could reach beyond the recording.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.equal(html.match(/<style/g)?.length, 1);
    for (const address of html.match(/https?:\/\/[^\s"'&;]+/g) ?? []) assert.ok(address.startsWith(page.cspSource), address);
  });

  test('audio in an audio element, video in a video element, names escaped', () => {
    assert.match(playerHtml(page), /<audio id="media"/);
    assert.match(playerHtml({ ...page, kind: 'video' }), /<video id="media"/);
    assert.ok(playerHtml(page).includes('<h1>talk &#60;1&#62;.wav</h1>'));
  });
});
