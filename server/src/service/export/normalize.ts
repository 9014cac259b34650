import type { ChunkMarkerKind, Problem, Sentiment, TranscriptModel, Turn, TurnForm } from '../model';
import { parseTranscript } from '../parse/parser';
import { splitLines } from '../util/text';
import { formatTime } from '../util/timestampFormat';

/*
 * `normalize` rewrites a transcript in one canonical layout built only from the seed's own forms.
 * No single seed form carries everything (a stamp, a label and a name never share one header in
 * the seed), but the parser never gives a turn more than its form can hold, so each chunk keeps
 * the richest seed form for what its turns carry:
 *
 *   names, no stamps        Speaker 1 (Mark Chen): "text"          (the cast form)
 *   stamps                  [00:01:31] Speaker 1: "text"          (stamp first, also for `Label: [time]`)
 *   neither                 Speaker 1: "text"
 *   announced speaker       [00:16:08] Speaker: Researcher         (then `Sentiment:` lines, then
 *                           Researcher: "text"                      the text under the name)
 *
 * Around them, always:
 * - text in double quotes, so a trailing `(…)` in speech is never read as a sentiment note and a
 *   one-word text after `Speaker:` is never read as an announcement;
 * - sentiment as `Sentiment: X` lines after the turn's text, labels exactly as written;
 * - a blank line between turns; every chunk boundary written as `This chunk continues in the next
 *   part.` (implicit boundaries, where only the format changed, become explicit; the bracketed
 *   marker loses its brackets), and `This is the last chunk.` kept where it was;
 * - valid stamps as `[HH:MM:SS]` (a fraction keeps its digits, with a dot); malformed stamps and
 *   lines the parser could not place are kept verbatim, so no word is lost;
 * - the byte-order mark and the dominant line ending of the input.
 *
 * Chunk boundaries, turns, speakers (label and name), times and sentiment labels survive:
 * `normalizedContentDiff` checks that by parsing the result, and callers refuse to write a result
 * that fails it. Two rare shapes do fail it (docs/cli.md says which): the format has no way to
 * escape a `(…)` that ends a middle line of a turn, nor to give an empty announced turn text
 * under a name that cannot be a label.
 */

/** The forms normalize writes, and the only ones it rewrites (see `normalizeOutcome`). */
const SEED_FORMS: ReadonlySet<TurnForm> = new Set(['cast', 'label-stamp', 'stamp-label', 'label', 'announced']);

const CONTINUES = 'This chunk continues in the next part.';
const LAST = 'This is the last chunk.';

const MARKER_TEXT: Record<ChunkMarkerKind, string> = {
  continues: CONTINUES,
  'continues-bracketed': CONTINUES,
  last: LAST,
};

/** Lines the parser could not attach to a turn; they are carried over as written. */
const STRAY_CODES: ReadonlySet<Problem['code']> = new Set(['unrecognized-line', 'orphan-sentiment']);

interface Stray {
  readonly line: number;
  readonly text: string;
}

export function normalizeTranscript(text: string): string {
  const model = parseTranscript(text);
  const lines = splitLines(text);
  const source = (line: number, from: number, to: number) => (lines[line] ?? '').slice(from, to);

  const malformedStamps = new Map<number, string>();
  const strays: Stray[] = [];
  for (const problem of model.problems) {
    const { start, end } = problem.range;
    if (problem.code === 'timestamp-malformed') {
      malformedStamps.set(start.line, source(start.line, start.character, end.character));
    } else if (STRAY_CODES.has(problem.code) && start.line === end.line) {
      strays.push({ line: start.line, text: source(start.line, start.character, end.character) });
    }
  }

  // Lines that are in no turn and raised no problem (a title before the first turn, Markdown
  // headings, rules, links) are carried over as written too.
  const placed = new Set(strays.map((s) => s.line));
  for (const turn of model.turns) {
    for (let line = turn.range.start.line; line <= turn.range.end.line; line++) placed.add(line);
    // An announced turn's `Name:` line with no text after it is the turn's, though outside its range.
    if (turn.echoRange) placed.add(turn.echoRange.start.line);
  }
  for (const marker of model.markers) placed.add(marker.range.start.line);
  lines.forEach((line, index) => {
    if (!placed.has(index) && /\S/.test(line)) strays.push({ line: index, text: line });
  });
  strays.sort((a, b) => a.line - b.line);

  const strayOwners = assignStrays(model, strays);
  const out: string[] = [];
  const block = (blockLines: readonly string[]) => {
    if (blockLines.length) out.push(blockLines.join('\n'));
  };

  block(strayOwners.atStart.map((s) => s.text));
  for (const chunk of model.chunks) {
    for (const turnIndex of chunk.turnIndices) {
      const turn = model.turns[turnIndex]!;
      const stamp = turn.timestamp ? `[${canonicalTime(turn)}]` : malformedStamps.get(turn.headerRange.start.line);
      block(turnLines(turn, stamp, strayOwners.byTurn.get(turnIndex) ?? [], lines));
    }
    const isLast = chunk.index === model.chunks.length - 1;
    const marker = chunk.endMarker ? MARKER_TEXT[chunk.endMarker.kind] : isLast ? undefined : CONTINUES;
    if (marker) {
      const afterMarker = chunk.endMarker ? (strayOwners.byMarkerLine.get(chunk.endMarker.range.start.line) ?? []) : [];
      block([marker]);
      block(afterMarker.map((s) => s.text));
    }
  }

  const eol = dominantLineEnding(text);
  const hasBom = text.charCodeAt(0) === 0xfeff;
  let body = out.length ? `${out.join('\n\n')}\n` : '';
  // A U+FEFF that a stray line starts with must not land first, where it would read as a BOM.
  if (!hasBom && body.charCodeAt(0) === 0xfeff) body = `\n${body}`;
  return (hasBom ? '\uFEFF' : '') + body.replace(/\n/g, eol);
}

function canonicalTime(turn: Turn): string {
  const { seconds, format } = turn.timestamp!;
  const fraction = format.fraction ? { separator: '.' as const, digits: format.fraction.digits } : undefined;
  return formatTime(seconds, { fields: 'hms', leadingDigits: 2, ...(fraction ? { fraction } : {}) });
}

/**
 * A stray line stays after whatever preceded it: the start of the document, a marker (no turn is
 * open there, so it stays stray) or a turn (then it followed a sentiment note, which closed the
 * turn's text, and it is written after the turn's notes for the same reason).
 */
function assignStrays(model: TranscriptModel, strays: readonly Stray[]) {
  const anchors: Array<{ line: number; turn?: number }> = [
    ...model.turns.map((turn) => ({ line: turn.headerRange.start.line, turn: turn.index })),
    ...model.markers.map((marker) => ({ line: marker.range.start.line })),
  ].sort((a, b) => a.line - b.line);

  const atStart: Stray[] = [];
  const byTurn = new Map<number, Stray[]>();
  const byMarkerLine = new Map<number, Stray[]>();
  let anchor = -1;
  for (const stray of [...strays].sort((a, b) => a.line - b.line)) {
    while (anchor + 1 < anchors.length && anchors[anchor + 1]!.line <= stray.line) anchor++;
    const owner = anchors[anchor];
    if (!owner) atStart.push(stray);
    else if (owner.turn !== undefined) push(byTurn, owner.turn, stray);
    else push(byMarkerLine, owner.line, stray);
  }
  return { atStart, byTurn, byMarkerLine };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The text lines of a turn, quoted as a whole: `"first`, middle lines, `last"`. */
function quotedText(turn: Turn): string[] {
  const texts = turn.segments.map((segment) => segment.text);
  if (texts.length === 0) return ['""'];
  texts[0] = `"${texts[0]}`;
  texts[texts.length - 1] = `${texts[texts.length - 1]}"`;
  return texts;
}

function sentimentLines(sentiments: readonly Sentiment[]): string[] {
  return sentiments.map((sentiment) => `Sentiment: ${sentiment.label}`);
}

function header(form: TurnForm, turn: Turn, stamp: string | undefined): string {
  switch (form) {
    case 'cast':
      return turn.name !== undefined ? `${turn.label} (${turn.name}):` : `${turn.label}:`;
    case 'label-stamp':
    case 'stamp-label':
    case 'announced':
      return stamp !== undefined ? `${stamp} ${turn.label}:` : `${turn.label}:`;
    case 'label':
      return `${turn.label}:`;
    default:
      // The other layouts are written in the stamp-first form; a turn that names no speaker keeps its stamp alone.
      if (turn.label === '') return stamp ?? '';
      return stamp !== undefined ? `${stamp} ${turn.label}:` : `${turn.label}:`;
  }
}

function turnLines(turn: Turn, stamp: string | undefined, strays: readonly Stray[], source: readonly string[]): string[] {
  const text = quotedText(turn);
  if (turn.form !== 'announced') {
    const head = header(turn.form, turn, stamp);
    // `Sentiment: "text"` would read as a sentiment note: such a speaker's text starts below.
    const spoken = turn.form === 'label' && /^sentiment$/i.test(turn.label) ? [head, ...text] : [`${head} ${text[0]}`, ...text.slice(1)];
    return [...spoken, ...sentimentLines(turn.sentiments), ...strays.map((s) => s.text)];
  }

  // `[time] Speaker: Name`, then the text under `Name:`. Lines the parser left stray before the
  // text must stay before it, and those after it need a sentiment note before them to stay stray.
  const announce = `${header('announced', turn, stamp)} ${turn.name ?? ''}`.trimEnd();
  if (turn.segments.length === 0) {
    // An empty `Name: ""` keeps the turn quoted like its chunk's other turns; without it the
    // chunk would split where the quoting changes. It goes last, so stray lines stay stray.
    const emptyText = nameIsLabel(turn.name) ? [`${turn.name}: ""`] : [];
    return [announce, ...sentimentLines(turn.sentiments), ...strays.map((s) => s.text), ...emptyText];
  }
  const textLine = turn.echoRange?.start.line ?? turn.segments[0]!.range.start.line;
  const nameLabel = announcedNameLabel(turn, source);
  const spoken = [`${nameLabel}: ${text[0]}`, ...text.slice(1)];
  const straysBefore = strays.filter((s) => s.line < textLine).map((s) => s.text);
  const straysAfter = strays.filter((s) => s.line > textLine).map((s) => s.text);
  if (straysAfter.length === 0) {
    return [announce, ...sentimentLines(turn.sentiments), ...straysBefore, ...spoken];
  }
  const notesBefore = turn.sentiments.filter((s) => s.range.start.line < textLine);
  const notesAfter = turn.sentiments.filter((s) => s.range.start.line >= textLine);
  return [announce, ...sentimentLines(notesBefore), ...straysBefore, ...spoken, ...sentimentLines(notesAfter), ...straysAfter];
}

/**
 * The `Name:` label exactly as the source wrote it on the line that took up the announced text
 * (the parser matches it to the announced name regardless of case, so the case may differ).
 */
function announcedNameLabel(turn: Turn, source: readonly string[]): string {
  const echo = turn.echoRange;
  if (echo && echo.start.line === echo.end.line) {
    const written = (source[echo.start.line] ?? '').slice(echo.start.character, echo.end.character);
    if (written) return written;
  }
  return turn.name ?? turn.label;
}

/** Whether `Name:` would be read as a label line, and so take up an announced turn's text. */
function nameIsLabel(name: string | undefined): name is string {
  if (name === undefined) return false;
  const turn = parseTranscript(`${name}: ""`).turns[0];
  return turn?.form === 'label' && turn.label === name;
}

/** CRLF when most line breaks are CRLF, a lone CR when those dominate, LF otherwise. */
export function dominantLineEnding(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 0x0a) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** What normalisation must keep of a model: the content, not where or how it was written. */
export interface TranscriptContent {
  readonly chunks: number;
  readonly speakers: ReadonlyArray<{ chunk: number; label: string; name: string | null; turns: readonly number[] }>;
  readonly turns: ReadonlyArray<{
    chunk: number;
    speaker: number;
    label: string;
    name: string | null;
    seconds: number | null;
    text: string;
    sentiments: readonly string[];
  }>;
  readonly strays: readonly string[];
}

export function transcriptContent(model: TranscriptModel, text: string): TranscriptContent {
  const lines = splitLines(text);
  return {
    chunks: model.chunks.length,
    speakers: model.speakers.map((s) => ({ chunk: s.chunkIndex, label: s.label, name: s.name ?? null, turns: s.turnIndices })),
    turns: model.turns.map((t) => ({
      chunk: t.chunkIndex,
      speaker: t.speakerIndex,
      label: t.label,
      name: t.name ?? null,
      seconds: t.timestamp?.seconds ?? null,
      text: t.segments.map((s) => s.text).join('\n'),
      sentiments: t.sentiments.map((s) => s.label),
    })),
    strays: model.problems
      .filter((p) => STRAY_CODES.has(p.code))
      .map((p) => (lines[p.range.start.line] ?? '').slice(p.range.start.character, p.range.end.character)),
  };
}

/**
 * Compares what two texts say, and returns a one-line description of the first difference, or
 * undefined when they say the same. Used to refuse a normalisation that would change content.
 */
/** What normalizing a document comes to. */
export type NormalizeOutcome =
  /** It has no turn to normalize. */
  | { readonly outcome: 'not-a-transcript' }
  | { readonly outcome: 'already-normalized' }
  /** The normalized text would not say the same (`difference` says what changed), so it is not offered. */
  | { readonly outcome: 'would-change-content'; readonly difference: string }
  | { readonly outcome: 'normalized'; readonly text: string };

/** Normalizes `text`, whose model is `model`, if that keeps its content. */
export function normalizeOutcome(model: TranscriptModel, text: string): NormalizeOutcome {
  if (model.turns.length === 0) return { outcome: 'not-a-transcript' };
  const other = model.turns.find((turn) => !SEED_FORMS.has(turn.form));
  if (other) {
    return {
      outcome: 'would-change-content',
      difference: `its turns are in the ${other.form} layout (line ${other.headerRange.start.line + 1}); normalize rewrites only the chunked pipeline layout, and rewriting this one would lose how it is written`,
    };
  }
  const normalized = normalizeTranscript(text);
  if (normalized === text) return { outcome: 'already-normalized' };
  const difference = normalizedContentDiff(text, normalized);
  return difference !== undefined ? { outcome: 'would-change-content', difference } : { outcome: 'normalized', text: normalized };
}

export function normalizedContentDiff(before: string, after: string): string | undefined {
  const a = transcriptContent(parseTranscript(before), before);
  const b = transcriptContent(parseTranscript(after), after);
  if (a.turns.length !== b.turns.length) return `${a.turns.length} turns became ${b.turns.length}`;
  if (a.chunks !== b.chunks) return `${a.chunks} chunks became ${b.chunks}`;
  const keys = ['chunk', 'speaker', 'label', 'name', 'seconds', 'text', 'sentiments'] as const;
  for (let i = 0; i < a.turns.length; i++) {
    for (const key of keys) {
      if (JSON.stringify(a.turns[i]![key]) !== JSON.stringify(b.turns[i]![key])) {
        return `turn ${i + 1} would change its ${key}`;
      }
    }
  }
  if (JSON.stringify(a.speakers) !== JSON.stringify(b.speakers)) return 'the speakers would change';
  if (JSON.stringify(a.strays) !== JSON.stringify(b.strays)) return 'lines outside any turn would change';
  return undefined;
}
