import type { TextEdit } from '../util/edits';
import type { TranscriptDiagnostic } from './diagnostics';

export type FixKind = 'quickfix' | 'source.fixAll';

export interface TranscriptCodeAction {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
  /** The diagnostics this action resolves. */
  readonly diagnostics: readonly TranscriptDiagnostic[];
}
