/*
 * Whether the top of a plain text file reads as a transcript below a title: no `vscode` here, so
 * unit tests can run it.
 */

/** Turn lines needed near the top: one could be a `Note: …` line in any text. */
const MIN_TURN_LINES = 2;

/**
 * The first two lines (zero-based) among `lines` that `turnLine` (the manifest's `firstLine`
 * pattern) reads as speaker turns, when there are two; else undefined. A title, a date or blank
 * lines before them do not matter.
 */
export function turnLinesNearTheTop(lines: readonly string[], turnLine: RegExp): number[] | undefined {
  const found: number[] = [];
  for (let line = 0; line < lines.length && found.length < MIN_TURN_LINES; line++) {
    if (turnLine.test(lines[line]!)) found.push(line);
  }
  return found.length === MIN_TURN_LINES ? found : undefined;
}
