import type { TimestampFormat } from '../model';
import { isDigit } from './text';

export type ParsedTime =
  { readonly ok: true; readonly seconds: number; readonly format: TimestampFormat } | { readonly ok: false; readonly reason: string };

/**
 * Reads what stands between a stamp's delimiters: `H:MM:SS` (hours of any length), `MM:SS`, each
 * with an optional `.mmm` or `,mmm` fraction, or seconds alone with a fraction or an `s`
 * (`12.3s`, `0.00`, `14s`; a bare `12` is not a time). Says why when the text is not a valid time.
 * `lenient` lets minutes and seconds have one digit (`0:0:1.130`), as some caption tools write.
 *
 * A scan of the characters rather than a pattern and its captured strings: a big transcript has
 * tens of thousands of stamps, and this runs on each while it opens.
 */
export function parseTime(inner: string, lenient = false): ParsedTime {
  const firstEnd = digitsEnd(inner, 0);
  if (firstEnd === 0) return NOT_A_TIME;
  if (inner.charCodeAt(firstEnd) !== 0x3a /* : */) return secondsAlone(inner, firstEnd);
  const secondStart = firstEnd + 1;
  const secondEnd = digitsEnd(inner, secondStart);
  if (secondEnd === secondStart) return NOT_A_TIME;
  let fields = 2;
  let lastStart = secondStart;
  let i = secondEnd;
  if (inner.charCodeAt(i) === 0x3a) {
    fields = 3;
    lastStart = i + 1;
    i = digitsEnd(inner, lastStart);
    if (i === lastStart) return NOT_A_TIME;
  }
  const lastEnd = i;
  let separator: '.' | ',' | undefined;
  if (i < inner.length) {
    const code = inner.charCodeAt(i);
    if (code !== 0x2e /* . */ && code !== 0x2c /* , */) return NOT_A_TIME;
    separator = code === 0x2e ? '.' : ',';
    i = digitsEnd(inner, i + 1);
    if (i === lastEnd + 1 || i < inner.length) return NOT_A_TIME;
  }
  const fractionDigits = separator ? i - lastEnd - 1 : 0;

  if (fields === 2 && firstEnd > 3) return { ok: false, reason: 'minutes in a MM:SS stamp have at most 3 digits' };
  const minutes = digitsValue(inner, secondStart, secondEnd);
  const seconds = digitsValue(inner, lastStart, lastEnd);
  const problem =
    (fields === 3 ? fieldProblem('minutes', secondEnd - secondStart, minutes, lenient) : undefined) ??
    fieldProblem('seconds', lastEnd - lastStart, seconds, lenient) ??
    (fractionDigits > 3 ? 'a fraction has at most 3 digits' : undefined);
  if (problem) return { ok: false, reason: problem };
  const first = digitsValue(inner, 0, firstEnd);
  const fraction = separator ? digitsValue(inner, lastEnd + 1, i) / 10 ** fractionDigits : 0;
  return {
    ok: true,
    seconds: fields === 3 ? first * 3600 + minutes * 60 + seconds + fraction : first * 60 + minutes + fraction,
    format: sharedFormat(fields === 3 ? 'hms' : 'ms', firstEnd, separator, fractionDigits),
  };
}

/** Where the run of digits from `start` ends. */
function digitsEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

const NOT_A_TIME: ParsedTime = { ok: false, reason: 'expected HH:MM:SS, MM:SS or seconds such as 12.5s' };

/** The number `text[start, end)` writes in digits: summed while exact, read by `Number` when longer. */
function digitsValue(text: string, start: number, end: number): number {
  if (end - start > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 0x30);
  return value;
}

/** `12.3s`, `0.00`, `14s`: seconds with a fraction, a unit, or both; the digits run to `digitsEnd`. */
function secondsAlone(inner: string, wholeEnd: number): ParsedTime {
  let i = wholeEnd;
  let fractionDigits = 0;
  if (inner.charCodeAt(i) === 0x2e /* . */) {
    const end = digitsEnd(inner, i + 1);
    fractionDigits = end - i - 1;
    if (fractionDigits === 0) return NOT_A_TIME;
    i = end;
  }
  const suffix = inner.charCodeAt(i) === 0x73; /* s */
  if (suffix) i++;
  if (i !== inner.length || (fractionDigits === 0 && !suffix)) return NOT_A_TIME;
  if (fractionDigits > 3) return { ok: false, reason: 'a fraction has at most 3 digits' };
  const whole = digitsValue(inner, 0, wholeEnd);
  const fraction = fractionDigits ? digitsValue(inner, wholeEnd + 1, wholeEnd + 1 + fractionDigits) / 10 ** fractionDigits : 0;
  return { ok: true, seconds: whole + fraction, format: sharedFormat('s', wholeEnd, fractionDigits ? '.' : undefined, fractionDigits, suffix) };
}

function fieldProblem(name: string, digits: number, value: number, lenient: boolean): string | undefined {
  if (digits !== 2 && !(lenient && digits === 1)) return `${name} need two digits`;
  if (value >= 60) return `${name} must be below 60`;
  return undefined;
}

/**
 * A transcript writes its stamps in a format or two: each turn's stamp shares its format's one
 * object. Keyed by a number made of the format's parts (a fraction has at most 3 digits); a stamp
 * the parser reads has at most 31 characters, so there are at most a few hundred formats.
 */
const formats = new Map<number, TimestampFormat>();

function sharedFormat(
  fields: TimestampFormat['fields'],
  leadingDigits: number,
  separator: '.' | ',' | undefined,
  digits: number,
  suffix = false,
): TimestampFormat {
  const fieldsKey = fields === 'hms' ? 0 : fields === 'ms' ? 1 : suffix ? 2 : 3;
  const key = (leadingDigits * 4 + fieldsKey) * 16 + (separator === undefined ? 0 : separator === '.' ? 4 : 8) + digits;
  let format = formats.get(key);
  if (!format) {
    const fraction = separator ? Object.freeze({ separator, digits }) : undefined;
    format = Object.freeze({ fields, leadingDigits, ...(fraction ? { fraction } : {}), ...(suffix ? { suffix: 's' as const } : {}) });
    formats.set(key, format);
  }
  return format;
}

/** Writes `seconds` in `format`, the inverse of `parseTime`, delimiters excluded. */
export function formatTime(seconds: number, format: TimestampFormat): string {
  const fractionDigits = format.fraction?.digits ?? 0;
  const scale = 10 ** fractionDigits;
  const totalUnits = Math.max(0, Math.round(seconds * scale));
  const whole = Math.floor(totalUnits / scale);
  const frac = totalUnits % scale;
  const s = whole % 60;
  const totalMinutes = Math.floor(whole / 60);
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const tail = format.fraction ? `${format.fraction.separator}${String(frac).padStart(fractionDigits, '0')}` : '';
  if (format.fields === 's') return `${whole}${tail}${format.suffix ?? ''}`;
  if (format.fields === 'ms') {
    return `${String(totalMinutes).padStart(format.leadingDigits, '0')}:${pad2(s)}${tail}`;
  }
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return `${String(h).padStart(format.leadingDigits, '0')}:${pad2(m)}:${pad2(s)}${tail}`;
}

/** `00:02:44` style text for messages, whatever the source format. */
export function describeTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const frac = seconds - whole;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const base = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return frac > 0.0005 ? `${base}.${String(Math.round(frac * 1000)).padStart(3, '0')}` : base;
}
