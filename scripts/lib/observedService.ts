import { DocumentAnalyses } from '../../server/src/service/analysis/documentAnalyses';
import type { TranscriptLanguageService as Service, TranscriptDocument, TranscriptSettings } from '../../server/src/service';
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

  readonly model: Service['model'] = (document) => this.service.model(document);
  readonly diagnostics: Service['diagnostics'] = (document, settings) => this.service.diagnostics(document, settings);
  readonly outline: Service['outline'] = (document, maxItems) => this.service.outline(document, maxItems);
  readonly speakers: Service['speakers'] = (document) => this.service.speakers(document);
  readonly foldingRanges: Service['foldingRanges'] = (document, limit) => this.service.foldingRanges(document, limit);

  analysis(document: TranscriptDocument, settings?: TranscriptSettings) {
    return this.analyses.analysis(document, settings);
  }
}
