import type { TranscriptModel, Turn } from '../model';
import { describeTime } from '../util/timestampFormat';
import { speakerName } from '../util/format';

export interface MarkdownOptions {
  /** The document's title; `Transcript` when absent. */
  readonly title?: string;
}

/**
 * A readable document: each stamp becomes a heading, each turn a paragraph that starts with the
 * speaker in bold, and sentiment follows in italics. Chunks become `Part N` sections when there
 * is more than one. Turns without a stamp sit under the last heading, as in the source.
 */
export function toMarkdown(model: TranscriptModel, options: MarkdownOptions = {}): string {
  const blocks = [`# ${escapeInline(options.title?.trim() || 'Transcript')}`];
  const chunksWithTurns = model.chunks.filter((chunk) => chunk.turnIndices.length > 0);
  for (const [partNumber, chunk] of chunksWithTurns.entries()) {
    if (chunksWithTurns.length > 1) blocks.push(`## Part ${partNumber + 1}`);
    let lastHeading: string | undefined;
    for (const turnIndex of chunk.turnIndices) {
      const turn = model.turns[turnIndex]!;
      if (turn.timestamp) {
        const heading = describeTime(turn.timestamp.seconds);
        if (heading !== lastHeading) blocks.push(`### ${heading}`);
        lastHeading = heading;
      }
      blocks.push(turnParagraph(model, turn));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

function turnParagraph(model: TranscriptModel, turn: Turn): string {
  const lines = turn.segments.map((segment) => escapeLine(segment.text.trim())).filter(Boolean);
  const speaker = `**${escapeInline(speakerName(model, turn))}:**`;
  const paragraph = lines.length ? `${speaker} ${lines.join('\n')}` : speaker;
  if (turn.sentiments.length === 0) return paragraph;
  const labels = turn.sentiments.map((sentiment) => escapeInline(sentiment.label)).join('; ');
  return `${paragraph}\n\n*Sentiment: ${labels}*`;
}

/** Escapes what Markdown would read as emphasis, links, code, HTML or table cells. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Also escapes what would start a heading, quote, list or rule at the start of a line. */
function escapeLine(text: string): string {
  return escapeInline(text).replace(/^(#|[-+=]|(\d+)([.)])(?=\s|$))/, (match, _all, digits, mark) =>
    digits !== undefined ? `${digits}\\${mark}` : `\\${match}`,
  );
}
