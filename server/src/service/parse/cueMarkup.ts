import { isDigit } from '../util/text';

/*
 * Markup in a cue's text: WebVTT's tags (`<i>`, `</v>`, `<c.yellow>`, `<00:05:04.199>`), SRT's
 * `<font …>`, and the override codes of SSA/ASS subtitles that SRT files carry (`{\an8}`). None
 * of it is spoken. A `<` that opens no tag (`I <3 it`, `if a < b`) is text, as is one that nothing
 * closes on its line.
 */

/** The markup of one line, read left to right. */
export class CueMarkup {
  /** The first `>` and `}` at or after the last place asked about (-1: none), so each is looked for once a line, not once a `<`. */
  private nextAngle = -2;
  private nextBrace = -2;

  constructor(
    private readonly line: string,
    private readonly end: number,
  ) {}

  /** Where the markup that starts at `at` ends (the index of its `>` or `}`), or -1 where none starts there. `at` never goes back. */
  endAt(at: number): number {
    const { line } = this;
    const code = line.charCodeAt(at);
    const next = line.charCodeAt(at + 1);
    if (code === 0x3c /* < */ && opensTag(next)) {
      if (this.nextAngle !== -1 && this.nextAngle < at) this.nextAngle = line.indexOf('>', at);
      return this.nextAngle >= 0 && this.nextAngle < this.end ? this.nextAngle : -1;
    }
    if (code === 0x7b /* { */ && next === 0x5c /* \ */) {
      if (this.nextBrace !== -1 && this.nextBrace < at) this.nextBrace = line.indexOf('}', at);
      return this.nextBrace >= 0 && this.nextBrace < this.end ? this.nextBrace : -1;
    }
    return -1;
  }
}

/** Whether the character after a `<` begins a tag: a letter (`<i>`, `<v Ines>`), `/` (`</i>`) or a digit (`<00:05:04.199>`). */
function opensTag(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x2f || isDigit(code);
}
