import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import type { TranscriptDocument, TranscriptSettings } from '../../server/src/service';
import { languageServiceOver } from '../../server/src/service/languageService';

export { DEFAULT_SETTINGS, textDocument } from '../../server/src/service';

/**
 * The language service with its documents' analyses in view, for the bench and the measuring
 * scripts: the bench reports how many sections each edit parsed, kept and moved, which the
 * service's API does not tell.
 */
export class TranscriptService {
  private readonly analyses = new DocumentAnalyses();
  private readonly service = languageServiceOver(this.analyses);

  readonly model = this.service.model;
  readonly diagnostics = this.service.diagnostics;
  readonly outline = this.service.outline;
  readonly speakers = this.service.speakers;
  readonly foldingRanges = this.service.foldingRanges;

  analysis(document: TranscriptDocument, settings?: TranscriptSettings) {
    return this.analyses.analysis(document, settings);
  }
}
