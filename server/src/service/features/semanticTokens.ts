import type { TranscriptModel } from '../model';
import { placesNamingSpeaker } from './references';
import { personKey } from './speakers';
import type { Derivation } from '../analysis/analysis';

/**
 * Standard token types that themes colour differently. Each speaker gets one of them, in order
 * of first appearance, so one person keeps one colour through the document where the theme has
 * enough distinct colours; the palette repeats after that.
 */
export const SPEAKER_TOKEN_TYPES = ['class', 'function', 'parameter', 'enumMember', 'type', 'macro', 'property', 'namespace'] as const;

/** A speaker's label or name in the text, with the token type that colours that person. */
export interface SpeakerToken {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly type: number;
}

/** Every speaker label and name, in document order. */
/** The speaker labels and names of a version to colour: the editor asks again after every change. */
export const SPEAKER_TOKENS: Derivation<readonly SpeakerToken[], undefined> = {
  initial: () => undefined,
  compute: (analysis) => speakerTokens(analysis.model),
};

export function speakerTokens(model: TranscriptModel): SpeakerToken[] {
  const colourOf = new Map<string, number>();
  const tokens: SpeakerToken[] = [];
  for (const turn of model.turns) {
    const key = personKey(model, turn);
    let colour = colourOf.get(key);
    if (colour === undefined) colourOf.set(key, (colour = colourOf.size % SPEAKER_TOKEN_TYPES.length));
    // A cast line's label is coloured with the name beside it.
    const castLabel = turn.form === 'cast' && turn.labelRange ? [turn.labelRange] : [];
    for (const range of [...castLabel, ...placesNamingSpeaker(turn)]) {
      if (range.start.line !== range.end.line) continue;
      tokens.push({ line: range.start.line, start: range.start.character, length: range.end.character - range.start.character, type: colour });
    }
  }
  return tokens.sort((a, b) => a.line - b.line || a.start - b.start);
}

/** LSP's relative encoding: per token, line delta, start delta, length, type, modifiers. */
export function semanticTokens(model: TranscriptModel): number[] {
  const data: number[] = [];
  let lastLine = 0;
  let lastStart = 0;
  for (const token of speakerTokens(model)) {
    const deltaLine = token.line - lastLine;
    data.push(deltaLine, deltaLine === 0 ? token.start - lastStart : token.start, token.length, token.type, 0);
    lastLine = token.line;
    lastStart = token.start;
  }
  return data;
}
