import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments with Node's own `parseArgs`, strictly, and turns its errors into
 * one-line usage errors that name the command.
 */
export function parseCommandArgs<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\.\s.*$/s, '').replace(/\.$/, '') : String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
  }
}

/**
 * Reads a whole-number option, with bounds, or throws a usage error naming it. Only digits are a
 * number here: `Number` would read '' and ' ' as 0, and '1e3' or '0x10' as numbers nobody wrote.
 */
export function integerOption(command: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not '${value}'`, command);
  }
  return n;
}

/** Reads a positive number option (seconds and the like). */
export function numberOption(command: string, name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} takes a positive number, not '${value}'`, command);
  return n;
}

/** Reads a number of seconds written as digits with an optional fraction (`0`, `1.5`, `.5`), with bounds. */
export function secondsOption(command: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^(?:\d+(?:\.\d+)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`--${name} takes seconds from ${min} to ${max}, such as 0.5, not '${value}'`, command);
  return n;
}
