import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { DOCS_URL, docsLink, type Range, type Severity, type TranscriptDiagnostic } from '../../service';
import type { FileCheck } from '../checkFiles';

/*
 * SARIF 2.1.0 for code-scanning dashboards. Rules are the diagnostic codes that occur, each with
 * the link the editor shows; locations are relative to the folder the check ran in (`%SRCROOT%`),
 * with 1-based lines and columns counted in UTF-16 code units, as `columnKind` says.
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifOptions {
  readonly toolVersion: string;
  /** Where relative artifact locations start: the working folder. */
  readonly cwd: string;
}

export function toSarif(results: readonly FileCheck[], options: SarifOptions): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const result of results) {
    const artifactLocation = artifact(result.path, options.cwd);
    if ('error' in result) {
      notifications.push({
        level: 'error',
        message: { text: `${result.path}: ${result.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      continue;
    }
    for (const diagnostic of result.diagnostics) {
      let index = ruleIndex.get(diagnostic.code);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(diagnostic.code, index);
        rules.push(rule(diagnostic));
      }
      sarifResults.push({
        ruleId: diagnostic.code,
        ruleIndex: index,
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(diagnostic.range) } }],
        ...(diagnostic.related?.length
          ? {
              relatedLocations: diagnostic.related.map((related, id) => ({
                id,
                message: { text: related.message },
                physicalLocation: { artifactLocation, region: region(related.range) },
              })),
            }
          : {}),
      });
    }
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'transcript',
            fullName: 'Transcript Editor command-line checks',
            version: options.toolVersion,
            informationUri: DOCS_URL,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

function rule(diagnostic: TranscriptDiagnostic): Sarif.ReportingDescriptor {
  const words = diagnostic.code.split('-');
  return {
    id: diagnostic.code,
    name: words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}` },
    helpUri: docsLink(diagnostic.code),
    defaultConfiguration: { level: LEVEL[diagnostic.severity] },
  };
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file inside the working folder is relative to `%SRCROOT%`; one outside it gets a file URL. */
function artifact(file: string, cwd: string): Sarif.ArtifactLocation {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function formatSarif(results: readonly FileCheck[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}
