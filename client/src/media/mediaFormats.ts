/*
 * Which recordings the player can play, decided without the editor: the file's extension gives its
 * container, and the player's media element is asked (`canPlayType`) about the codec that container
 * usually holds, because what plays depends on the host: VS Code's own webviews are built without
 * the patented codecs (no AAC, no H.264), a browser running code-server often has them.
 */

export type MediaKind = 'audio' | 'video';

export interface MediaFormat {
  /** Lower-case, without the dot. */
  readonly extension: string;
  /** What a person calls it: `WAV`, `AAC audio (.m4a)`. */
  readonly label: string;
  /** The MIME type the player loads it as, and the one (with codecs) it asks `canPlayType` about. */
  readonly mime: string;
  readonly probe: string;
  /** A video container gets a video element, hidden when the file turns out to have no picture. */
  readonly kind: MediaKind;
  /** Set for formats no webview plays, whatever the host: why, and the player does not try. */
  readonly never?: string;
}

const FORMATS: readonly MediaFormat[] = [
  { extension: 'wav', label: 'WAV', mime: 'audio/wav', probe: 'audio/wav; codecs="1"', kind: 'audio' },
  { extension: 'mp3', label: 'MP3', mime: 'audio/mpeg', probe: 'audio/mpeg', kind: 'audio' },
  // `.opus` is Opus for sure; an `.ogg` may hold Speex or FLAC, which do not play: beside each other, `.opus` is taken.
  { extension: 'opus', label: 'Opus', mime: 'audio/ogg', probe: 'audio/ogg; codecs="opus"', kind: 'audio' },
  { extension: 'ogg', label: 'Ogg', mime: 'audio/ogg', probe: 'audio/ogg; codecs="vorbis"', kind: 'audio' },
  { extension: 'oga', label: 'Ogg', mime: 'audio/ogg', probe: 'audio/ogg; codecs="vorbis"', kind: 'audio' },
  { extension: 'flac', label: 'FLAC', mime: 'audio/flac', probe: 'audio/flac', kind: 'audio' },
  { extension: 'webm', label: 'WebM', mime: 'video/webm', probe: 'video/webm; codecs="vp9, opus"', kind: 'video' },
  { extension: 'm4a', label: 'AAC audio (.m4a)', mime: 'audio/mp4', probe: 'audio/mp4; codecs="mp4a.40.2"', kind: 'audio' },
  { extension: 'aac', label: 'AAC audio', mime: 'audio/aac', probe: 'audio/aac', kind: 'audio' },
  { extension: 'mp4', label: 'MP4 (H.264 and AAC)', mime: 'video/mp4', probe: 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"', kind: 'video' },
  { extension: 'm4v', label: 'MP4 (H.264 and AAC)', mime: 'video/mp4', probe: 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"', kind: 'video' },
  { extension: 'mov', label: 'QuickTime', mime: 'video/mp4', probe: 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"', kind: 'video' },
  { extension: 'mkv', label: 'Matroska', mime: 'video/webm', probe: 'video/webm; codecs="vp9, opus"', kind: 'video' },
  {
    extension: 'wma',
    label: 'Windows Media Audio',
    mime: 'audio/x-ms-wma',
    probe: '',
    kind: 'audio',
    never: 'no web player plays Windows Media Audio',
  },
  { extension: 'amr', label: 'AMR', mime: 'audio/amr', probe: '', kind: 'audio', never: 'no web player plays AMR voice recordings' },
  { extension: 'aif', label: 'AIFF', mime: 'audio/aiff', probe: '', kind: 'audio', never: 'web players do not play AIFF' },
  { extension: 'aiff', label: 'AIFF', mime: 'audio/aiff', probe: '', kind: 'audio', never: 'web players do not play AIFF' },
];

/** Every type the player may be asked to load, with the codecs it is asked about: what `canPlayType` is surveyed for. */
export const PROBED_TYPES: readonly string[] = [...new Set(FORMATS.filter((format) => !format.never).map((format) => format.probe))];

/** Every extension a recording may have, for the open dialog and the search beside a transcript. */
export const RECORDING_EXTENSIONS: readonly string[] = FORMATS.map((format) => format.extension);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function mediaFormatOf(fileName: string): MediaFormat | undefined {
  const extension = extensionOf(fileName);
  return FORMATS.find((format) => format.extension === extension);
}

/** The extensions a transcript's file name ends with, longest first: `interview.transcript.txt` is `interview`'s transcript. */
const TRANSCRIPT_EXTENSIONS = ['.transcript.txt', '.transcript', '.txt', '.vtt', '.srt', '.md'];

/** The name a recording of this transcript shares: the transcript's file name without its extensions. */
export function recordingBaseName(transcriptFileName: string): string {
  const lower = transcriptFileName.toLowerCase();
  const known = TRANSCRIPT_EXTENSIONS.find((extension) => lower.endsWith(extension) && lower.length > extension.length);
  if (known) return transcriptFileName.slice(0, -known.length);
  const dot = transcriptFileName.lastIndexOf('.');
  return dot > 0 ? transcriptFileName.slice(0, dot) : transcriptFileName;
}

/**
 * The recording beside a transcript: a file in the same folder with the same base name and a
 * recording's extension. Where there are several (`talk.m4a` and the `talk.ogg` made from it),
 * the one most likely to play: formats in the order of `FORMATS`, the widely playable first.
 */
export function siblingRecording(transcriptFileName: string, siblingNames: readonly string[]): string | undefined {
  const base = recordingBaseName(transcriptFileName);
  const candidates = siblingNames.filter(
    (name) => name !== transcriptFileName && recordingBaseName(name) === base && mediaFormatOf(name) !== undefined,
  );
  const rank = (name: string) => FORMATS.indexOf(mediaFormatOf(name)!);
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

/** `"my talk.ogg"`: a file name as a shell reads it, quoted where it has to be. */
function shellQuoted(fileName: string): string {
  return /^[\w.,@%+=:/-]+$/.test(fileName) ? fileName : `"${fileName.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The one ffmpeg command that makes a file this editor plays: Opus in Ogg for sound (small, and
 * every webview plays it), VP9 and Opus in WebM for a video, keeping the picture. The new file
 * keeps the base name, so it is found beside the transcript by itself; where that would be the
 * file's own name (an `.ogg` of Speex), sound goes to `.opus`, which is taken before `.ogg`, and
 * a video to `.vp9.webm`, to be linked with Open Recording… (a `.webm` that does not play is rare).
 */
export function conversionCommand(fileName: string, kind: MediaKind): string {
  const base = fileName.replace(/\.[^./\\]*$/, '');
  const same = (extension: string) => fileName.toLowerCase() === `${base}.${extension}`.toLowerCase();
  if (kind === 'video') {
    const target = same('webm') ? `${base}.vp9.webm` : `${base}.webm`;
    return `ffmpeg -i ${shellQuoted(fileName)} -c:v libvpx-vp9 -c:a libopus ${shellQuoted(target)}`;
  }
  const target = same('ogg') ? `${base}.opus` : `${base}.ogg`;
  return `ffmpeg -i ${shellQuoted(fileName)} -vn -c:a libopus ${shellQuoted(target)}`;
}

/** What to tell a person whose recording will not play: what, why, and the command that mends it. */
export function unplayableMessage(fileName: string, why: string): string {
  const format = mediaFormatOf(fileName);
  return `${fileName} will not play here: ${why}. This editor plays WAV, MP3, Ogg/Opus, FLAC and WebM. Convert it with: ${conversionCommand(fileName, format?.kind ?? 'audio')}`;
}

/** Why a format the media element says it cannot play does not play: AAC and H.264 are left out of VS Code's own webviews. */
export function cannotPlayReason(format: MediaFormat): string {
  if (format.never) return format.never;
  if (format.mime.endsWith('mp4') || format.extension === 'aac')
    return `this editor's player has no ${format.label} decoder (VS Code is built without AAC and H.264)`;
  return `this editor's player cannot decode ${format.label}`;
}
