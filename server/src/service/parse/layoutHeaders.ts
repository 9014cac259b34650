import { makeHeader, type Header, type HeaderParts, type StampText } from './header';
import {
  BOLD_LABEL,
  BOLD_LABEL_AFTER_STAMP,
  BOLD_NAME_STAMP,
  BOLD_OTTER,
  BOLD_STAMP,
  BOLD_STAMP_LABEL,
  BARE_SEGMENT,
  BRACKETED,
  BRACKETED_LABEL_STAMP,
  BRACKETED_SEGMENT,
  CUE_TIMING,
  LABEL_AFTER_STAMP,
  LABEL_STAMP_LINE,
  LAST_WORD_OK,
  LINKED_CONTINUED,
  LINKED_LABEL,
  OTTER,
  QA_DOT,
  REV,
  REV_CONTINUED,
  VOICE_TAG,
} from './linePatterns';
import { isDigit, skipBlanks, trimEnd } from '../util/text';

/*
 * Turn headers of the layouts other tools write (see docs/format.md): Markdown bold labels, Rev,
 * Otter, diarizer output, stamped segments, interview records and subtitle cues. Each reader gets
 * the line (leading blanks replaced by spaces, as `lineKinds.ts` passes it) and where its content
 * starts, and answers a header or undefined. Which of the headers a document really uses is
 * decided later, from all its lines (`layoutSniffing.ts`).
 */

const labelEndsWell = (label: string) => LAST_WORD_OK.test(label);

/** A stamp whose value runs from `valueStart` for `value.length`, its delimiters from `start` to `end`. */
function stampAt(value: string, valueStart: number, start = valueStart, end = valueStart + value.length): StampText {
  return { inner: value, start, end, valueStart };
}

/** Headers that begin with `**`. */
export function boldHeader(text: string, start: number): Header | undefined {
  let m = BOLD_STAMP_LABEL.exec(text);
  if (m && labelEndsWell(m[2]!)) {
    const open = text.indexOf('[', start);
    const close = text.indexOf(']', open);
    return header('bold', text, m[0].length, {
      label: m[2]!,
      labelStart: text.indexOf(m[2]!, close),
      stamp: stampAt(m[1]!, open + 1, open, close + 1),
    });
  }
  m = BOLD_STAMP.exec(text);
  if (m) {
    const valueStart = start + 2;
    const stamp = stampAt(m[1]!, valueStart, start, valueStart + m[1]!.length + 2);
    const rest = m[0].length;
    const after = text.slice(rest);
    const named = LABEL_AFTER_STAMP.exec(after) ?? BOLD_LABEL_AFTER_STAMP.exec(after);
    if (named && labelEndsWell(named[1]!)) {
      return header('bold', text, rest + named[0].length, { label: named[1]!, labelStart: text.indexOf(named[1]!, rest), stamp });
    }
    return header('segment', text, rest, { stamp });
  }
  m = BOLD_LABEL.exec(text);
  if (m && labelEndsWell(m[1]!)) return header('bold', text, m[0].length, { label: m[1]!, labelStart: start + 2 });
  m = BOLD_NAME_STAMP.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    const open = text.indexOf('[', start + 2 + m[1]!.length);
    return header('bold', text, m[0].length, { label: m[1]!, labelStart: start + 2, stamp: stampAt(m[2]!, open + 1, open, open + m[2]!.length + 2) });
  }
  m = BOLD_OTTER.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    const valueStart = text.indexOf(m[2]!, start + 4 + m[1]!.length);
    return header('bold', text, m[0].length, { label: m[1]!, labelStart: start + 2, stamp: stampAt(m[2]!, valueStart) });
  }
  return undefined;
}

/** Headers that begin with `[` and are not the seed's `[00:01:31] Speaker 1:`. */
export function bracketHeader(text: string, start: number): Header | undefined {
  const linked = text.includes('](', start) ? linkedContinuedHeader(text, start) : undefined;
  if (linked) return linked;
  let m = BRACKETED.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    const open = text.indexOf('[', start + 2 + m[1]!.length);
    return header('bracketed', text, m[0].length, {
      label: m[1]!,
      labelStart: start + 1,
      stamp: stampAt(m[2]!, open + 1, open, open + m[2]!.length + 2),
    });
  }
  m = BRACKETED_LABEL_STAMP.exec(text);
  if (m && labelEndsWell(m[1]!)) {
    const valueStart = text.indexOf(m[2]!, start + 1 + m[1]!.length);
    return header('bracketed', text, m[0].length, { label: m[1]!, labelStart: start + 1, stamp: stampAt(m[2]!, valueStart) });
  }
  m = BRACKETED_SEGMENT.exec(text);
  if (!m) return undefined;
  if (m[2] === undefined) {
    return namedAfterStamp(text, m[0].length, stampAt(m[1]!, start + 1, start, start + m[1]!.length + 2));
  }
  // `[0.00 --> 3.96]`: each end is a stamp of its own, bare inside the one pair of brackets.
  const endStart = text.indexOf(m[2], start + 1 + m[1]!.length);
  return header('segment', text, m[0].length, { stamp: stampAt(m[1]!, start + 1), endStamp: stampAt(m[2], endStart) });
}

/** `[(00:13:02)](https://…) text` on a podcast's page: the speaker before goes on. */
function linkedContinuedHeader(text: string, start: number): Header | undefined {
  const m = LINKED_CONTINUED.exec(text);
  return m ? header('linked', text, m[0].length, { stamp: linkedStamp(text, start, m[1], m[2]) }) : undefined;
}

/**
 * The stamp of a link whose text is a time, `[(00:12:41)]` or `[00:12:41]`, from `from` on: its
 * delimiters are the parentheses or brackets next to the time, as a Rev stamp's are.
 */
function linkedStamp(text: string, from: number, inParentheses: string | undefined, inBrackets: string | undefined): StampText {
  const value = (inParentheses ?? inBrackets)!;
  const open = text.indexOf(inParentheses === undefined ? '[' : '[(', from) + (inParentheses === undefined ? 0 : 1);
  return stampAt(value, open + 1, open, open + value.length + 2);
}

/** `(00:13:02):` in Rev: the speaker before goes on. */
export function revContinuedHeader(text: string, start: number): Header | undefined {
  const m = REV_CONTINUED.exec(text);
  if (!m) return undefined;
  return header('rev', text, m[0].length, { stamp: stampAt(m[1]!, start + 1, start, start + m[1]!.length + 2) });
}

/** Headers that begin with a digit: cue timings, stamp-first lines and stamped segments. */
export function digitHeader(text: string, start: number): Header | undefined {
  let m = CUE_TIMING.exec(text);
  if (m) {
    const endStart = text.indexOf(m[2]!, start + m[1]!.length);
    // The cue's settings (`align:start`) are not text: its text is on the lines below.
    return makeHeader('cue', text, text.length, { stamp: stampAt(m[1]!, start), endStamp: stampAt(m[2]!, endStart) }, true);
  }
  m = BARE_SEGMENT.exec(text);
  if (!m) return undefined;
  // `00:12:41 text`, `1:24 - text`: text after the blanks, and after a separator with blanks after it.
  let rest = skipBlanks(text, m[0].length);
  if (SEPARATORS.includes(text.charAt(rest)) && isBlank(text.charCodeAt(rest + 1))) rest = skipBlanks(text, rest + 1);
  if (trimEnd(text, rest) <= rest) return undefined;
  return namedAfterStamp(text, rest, stampAt(m[1]!, start));
}

/** Between a bare stamp and its text: `·`, `•`, `|` and dashes. */
const SEPARATORS = '·•|-–—';
const isBlank = (code: number) => code === 0x20 || code === 0x09;

/**
 * A stamp that starts its line, then maybe a name: `**Dana Reyes:**`, `**Dana Reyes**:`,
 * `Dana Reyes:` or `<v Dana Reyes>` make a stamp-first turn; anything else is a segment.
 */
function namedAfterStamp(text: string, rest: number, stamp: StampText): Header {
  const after = text.slice(rest);
  const named = BOLD_LABEL_AFTER_STAMP.exec(after) ?? LABEL_AFTER_STAMP.exec(after);
  if (named && labelEndsWell(named[1]!)) {
    return header('stamp-first', text, rest + named[0].length, { label: named[1]!, labelStart: text.indexOf(named[1]!, rest), stamp });
  }
  const voice = VOICE_TAG.exec(after);
  if (voice) {
    const label = voice[1]!.trim();
    return header('stamp-first', text, rest + voice[0].length, { label, labelStart: text.indexOf(label, rest), stamp });
  }
  return header('segment', text, rest, { stamp });
}

/** Label-first headers of the other layouts: Rev, Otter, `DR: 00:12:41`, a podcast page's linked stamp and `Q.  text`. */
export function labelLineHeader(text: string, start: number): Header | undefined {
  // Each pattern runs only where a cheap look says it can match: the seed's header lines pass here by the thousand.
  const paren = text.indexOf('(', start);
  const colon = text.indexOf(':', start);
  let m = paren >= 0 && isDigit(text.charCodeAt(paren + 1)) ? REV.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const open = text.indexOf('(', start + m[1]!.length);
    return header('rev', text, m[0].length, { label: m[1]!, labelStart: start, stamp: stampAt(m[2]!, open + 1, open, open + m[2]!.length + 2) });
  }
  // Otter's and `DR: 00:12:41` lines end with their time: a line that ends otherwise is not looked through.
  const endsWithDigit = isDigit(text.charCodeAt(trimEnd(text, start) - 1));
  m = endsWithDigit && text.includes('  ', start) ? OTTER.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    return header('otter', text, m[0].length, { label: m[1]!, labelStart: start, stamp: stampAt(m[2]!, text.indexOf(m[2]!, start + m[1]!.length)) });
  }
  m = endsWithDigit && colon >= 0 && isDigit(text.charCodeAt(skipBlanks(text, colon + 1))) ? LABEL_STAMP_LINE.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    const valueStart = text.indexOf(m[2]!, text.indexOf(':', start + m[1]!.length) + 1);
    return header('label-stamp-line', text, m[0].length, { label: m[1]!, labelStart: start, stamp: stampAt(m[2]!, valueStart) });
  }
  m = text.includes('](', start) ? LINKED_LABEL.exec(text) : null;
  if (m && labelEndsWell(m[1]!)) {
    return header('linked', text, m[0].length, { label: m[1]!, labelStart: start, stamp: linkedStamp(text, start + m[1]!.length, m[2], m[3]) });
  }
  m = text.charCodeAt(start + 1) === 0x2e /* . */ ? QA_DOT.exec(text) : null;
  if (m) return header('label', text, m[0].length, { label: m[1]!, labelStart: start });
  return undefined;
}

/** Whether a line, blanks aside, is a cue's timing line. */
export function isCueTiming(line: string): boolean {
  return CUE_TIMING.test(line);
}

function header(form: Header['form'], text: string, matched: number, parts: HeaderParts): Header {
  return makeHeader(form, text, matched, parts);
}
