/*
 * Recordings the player tests make for themselves: tones and silences at times the test knows, as
 * a WAV file (16-bit PCM, mono), so that a transcript can be stamped to match. Nothing downloaded.
 */

/** A tone of `hertz` from `from` to `to` seconds; the rest of the recording is silence. */
export interface Tone {
  readonly from: number;
  readonly to: number;
  readonly hertz: number;
}

const SAMPLE_RATE = 8000;

export function toneWav(seconds: number, tones: readonly Tone[]): Uint8Array {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const dataBytes = samples * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // the size of the format chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // bytes a second
  view.setUint16(32, 2, true); // bytes a sample
  view.setUint16(34, 16, true); // bits a sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    const tone = tones.find((candidate) => t >= candidate.from && t < candidate.to);
    const value = tone ? Math.round(Math.sin(2 * Math.PI * tone.hertz * t) * 8000) : 0;
    view.setInt16(44 + i * 2, value, true);
  }
  return bytes;
}
