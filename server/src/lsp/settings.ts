import type { Connection } from 'vscode-languageserver';
import { resolveSettings, type TranscriptSettings } from '../service';

/** The `transcript.*` settings as VS Code's configuration holds them. */
interface ConfigurationSection {
  readonly diagnostics?: { readonly repeatedTimestamps?: unknown };
  readonly timestamps?: { readonly toleranceSeconds?: unknown };
  readonly overlap?: { readonly minWords?: unknown; readonly windowWords?: unknown };
  readonly rename?: { readonly scope?: unknown };
  readonly outline?: { readonly maxItems?: unknown };
}

/**
 * Settings per document, fetched from the client once and kept until the user changes any
 * setting (as vscode-eslint does): never in globals that one document's folder could overwrite.
 */
export class DocumentSettings {
  private readonly byUri = new Map<string, Promise<TranscriptSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly clientSupportsConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<TranscriptSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }

  private async fetch(uri: string): Promise<TranscriptSettings> {
    if (!this.clientSupportsConfiguration()) return resolveSettings(undefined);
    try {
      const section = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'transcript' })) ?? {}) as ConfigurationSection;
      return resolveSettings({
        reportRepeatedTimestamps: section.diagnostics?.repeatedTimestamps,
        timestampToleranceSeconds: section.timestamps?.toleranceSeconds,
        overlapMinWords: section.overlap?.minWords,
        overlapWindowWords: section.overlap?.windowWords,
        renameScope: section.rename?.scope,
        outlineMaxItems: section.outline?.maxItems,
      });
    } catch {
      return resolveSettings(undefined);
    }
  }
}
