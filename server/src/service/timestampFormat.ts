import type { TimestampFormat } from './model';
import { Memo } from './sourceText';

export type ParsedTime =
  | { readonly ok: true; readonly seconds: number; readonly format: TimestampFormat }
  | { readonly ok: false; readonly reason: string };

const HMS = /^(\d+):(\d+):(\d+)(?:([.,])(\d+))?$/;
const MS = /^(\d+):(\d+)(?:([.,])(\d+))?$/;

/**
 * Reads what stands between a stamp's brackets: `H:MM:SS` (hours of any length), `MM:SS`, each
 * with an optional `.mmm` or `,mmm` fraction. Says why when the text is not a valid time.
 */
export function parseTime(inner: string): ParsedTime {
  const hms = HMS.exec(inner);
  if (hms) {
    const [, h, m, s, sep, frac] = hms;
    const problem = checkField('minutes', m!) ?? checkField('seconds', s!) ?? checkFraction(frac);
    if (problem) return { ok: false, reason: problem };
    const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s) + fractionValue(frac);
    return { ok: true, seconds, format: sharedFormat('hms', h!.length, sep, frac) };
  }
  const ms = MS.exec(inner);
  if (ms) {
    const [, m, s, sep, frac] = ms;
    if (m!.length > 3) return { ok: false, reason: 'minutes in a MM:SS stamp have at most 3 digits' };
    const problem = checkField('seconds', s!) ?? checkFraction(frac);
    if (problem) return { ok: false, reason: problem };
    const seconds = Number(m) * 60 + Number(s) + fractionValue(frac);
    return { ok: true, seconds, format: sharedFormat('ms', m!.length, sep, frac) };
  }
  return { ok: false, reason: 'expected HH:MM:SS or MM:SS' };
}

function checkField(name: string, digits: string): string | undefined {
  if (digits.length !== 2) return `${name} need two digits`;
  if (Number(digits) >= 60) return `${name} must be below 60`;
  return undefined;
}

function checkFraction(digits: string | undefined): string | undefined {
  return digits !== undefined && digits.length > 3 ? 'a fraction has at most 3 digits' : undefined;
}

function fractionValue(digits: string | undefined): number {
  return digits ? Number(digits) / 10 ** digits.length : 0;
}

/** A transcript writes its stamps in a format or two: each turn's stamp shares its format's one object. */
const formats = new Memo<TimestampFormat>(1000);

function sharedFormat(fields: TimestampFormat['fields'], leadingDigits: number, separator: string | undefined, digits: string | undefined): TimestampFormat {
  const fraction = separator && digits ? { separator: separator as '.' | ',', digits: digits.length } : undefined;
  const key = `${fields} ${leadingDigits} ${fraction ? `${fraction.separator}${fraction.digits}` : ''}`;
  return formats.get(key, () => Object.freeze({ fields, leadingDigits, ...(fraction ? { fraction: Object.freeze(fraction) } : {}) }));
}

/** Writes `seconds` in `format`, the inverse of `parseTime`, brackets excluded. */
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
