/*
 * Document furniture: the lines around a transcript that are neither speech nor a problem, read
 * one line at a time. Markdown headings and rules end the turn before them (a heading starts a
 * new part); the others (a URL, a `Website: https://…` line, an image, an HTML comment, a code
 * fence, a `Transcribed by …` footer, a reStructuredText directive) are passed over. Front
 * matter, WebVTT's header, NOTE and STYLE blocks, cue numbers and titles over a rule span lines
 * or depend on their neighbours: `layoutSniffing.ts` finds those.
 */

export type FurnitureKind =
  | 'heading'
  | 'rule'
  | 'link'
  | 'image'
  | 'comment'
  | 'directive'
  | 'fence'
  | 'footer'
  | 'front-matter'
  | 'cue-block'
  | 'cue-id'
  | 'page'
  | 'report'
  | 'swallowed';

export interface Furniture {
  readonly kind: FurnitureKind;
  /** Whether the line ends the turn before it, so that text after it belongs to no turn. */
  readonly closesTurn: boolean;
}

const furniture = (kind: FurnitureKind, closesTurn = false): Furniture => Object.freeze({ kind, closesTurn });

export const HEADING = furniture('heading', true);
/** A title set off by the line of `=`, `-` or `^` under it (reStructuredText's, or Markdown's setext heading): see `layoutSniffing.ts`. */
export const UNDERLINED_TITLE = furniture('heading', true);
export const RULE = furniture('rule', true);
const LINK = furniture('link');
const IMAGE = furniture('image');
const COMMENT = furniture('comment');
/**
 * reStructuredText's explicit markup (an inquiry's record: `.. rst-class:: indented` before each
 * answer, between the paragraphs of one turn too): not speech, and it does not end the turn.
 */
const DIRECTIVE = furniture('directive');
export const FENCE = furniture('fence', true);
const FOOTER = furniture('footer', true);
export const FRONT_MATTER = furniture('front-matter', true);
export const CUE_BLOCK = furniture('cue-block', true);
export const CUE_ID = furniture('cue-id');
/**
 * A line between numbered pages: the page's number, the reporter's name, a running head
 * (`numberedPages.ts`). Speech runs on from one page to the next, so it leaves the turn open.
 */
export const PAGE = furniture('page');
/** The lines a suspect header would have swallowed: its warning speaks for them. */
export const SWALLOWED = furniture('swallowed', true);
/** The rest of a report after the WebVTT block it holds. */
export const REPORT = furniture('report', true);

const HEADING_LINE = /^#{1,6}[ \t]/;
const RULE_LINE = /^(?:-{3,}|\*{3,}|_{3,}|={3,}|\^{3,})[ \t]*$/;
/** A directive (`.. raw:: html`), a link target (`.. _footnote301:`), a footnote (`.. [1]`), a substitution (`.. |name|`), or `..` alone. */
const DIRECTIVE_LINE = /^\.\.(?:$|[ \t]+(?:[A-Za-z0-9][\w.+-]*::|_[^:\s][^:]*:|\[[^\]\s]+\]|\|[^|\s][^|]*\|))/;
const URL_LINE = /^<?https?:\/\/[^\s<>]+>?$/;
/** `Website: https://…`: a short label and a link. */
const LABELLED_URL = /^[^:\s<>][^:<>]{0,40}:[ \t]*<?https?:\/\/[^\s<>]+>?$/;
const FOOTER_LINE = /^transcribed by\b/i;

/** The furniture a line is, from its content `[start, end)`, or undefined for text. */
export function furnitureOf(line: string, start: number, end: number): Furniture | undefined {
  const first = line.charCodeAt(start);
  const content = () => line.slice(start, end);
  switch (first) {
    case 0x23 /* # */:
      // At the margin only: an indented `# …` in a turn's text is speech that starts with `#`.
      return start === 0 && HEADING_LINE.test(content()) ? HEADING : undefined;
    case 0x2d /* - */:
    case 0x2a /* * */:
    case 0x5f /* _ */:
    case 0x3d /* = */:
    case 0x5e /* ^ */:
      return RULE_LINE.test(content()) ? RULE : undefined;
    case 0x2e /* . */:
      // At the margin only, as reStructuredText has it.
      return start === 0 && DIRECTIVE_LINE.test(content()) ? DIRECTIVE : undefined;
    case 0x21 /* ! */:
      return line.startsWith('![', start) ? IMAGE : undefined;
    case 0x3c /* < */:
      if (line.startsWith('<!--', start)) return COMMENT;
      return URL_LINE.test(content()) ? LINK : undefined;
    case 0x60 /* ` */:
      return line.startsWith('```', start) ? FENCE : undefined;
    case 0x68 /* h */:
      return URL_LINE.test(content()) ? LINK : undefined;
    default:
      break;
  }
  if ((first === 0x54 || first === 0x74) /* T t */ && FOOTER_LINE.test(content())) return FOOTER;
  // A label and a link: checked only where a link ends the line.
  if (end - start < 200 && line.lastIndexOf('://', end) > start && LABELLED_URL.test(content())) return LINK;
  return undefined;
}

/** The front matter's fence: `---` alone on the first line, and the line that closes it (`---` or `...`). */
export const isFrontMatterFence = (content: string, closing: boolean) => content === '---' || (closing && content === '...');
