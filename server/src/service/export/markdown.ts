import type { TranscriptModel, Turn } from '../model';
import { resolvePeopleOf, type People } from '../people/people';
import { describeTime } from '../util/timestampFormat';
import { exportedSpeakers } from './speakerNames';

export interface MarkdownOptions {
  /** The document's title; `Transcript` when absent. */
  readonly title?: string;
}

/**
 * A readable document: each stamp becomes a heading, each turn a paragraph that starts with the
 * speaker in bold (the person's name where the chunk writes only a label), and sentiment follows in italics. Chunks become `Part N` sections when there
 * is more than one. Turns without a stamp sit under the last heading, as in the source.
 */
export function toMarkdown(model: TranscriptModel, options: MarkdownOptions = {}, people: People = resolvePeopleOf(model)): string {
  const speakerOf = exportedSpeakers(model, people);
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
      const paragraph = turnParagraph(turn, speakerOf(turn));
      if (paragraph) blocks.push(paragraph);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The turn's text after its speaker in bold; a turn that names no speaker is its text alone, and
 * one with neither text nor sentiment is nothing (an empty string, which the caller leaves out).
 */
function turnParagraph(turn: Turn, name: string | undefined): string {
  const lines = turn.segments.map((segment) => escapeLine(segment.text.trim())).filter(Boolean);
  const speaker = name !== undefined ? `**${escapeInline(name)}:**` : undefined;
  const paragraph = [speaker, lines.join('\n')].filter(Boolean).join(' ');
  if (turn.sentiments.length === 0) return paragraph;
  const labels = turn.sentiments.map((sentiment) => escapeInline(sentiment.label)).join('; ');
  const note = `*Sentiment: ${labels}*`;
  return paragraph ? `${paragraph}\n\n${note}` : note;
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
