import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The extension's version from the package.json beside `dist/`, where the CLI is installed. */
export function toolVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
