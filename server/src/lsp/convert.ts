import {
  CodeAction,
  CodeActionKind,
  type CodeDescription,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  SymbolKind,
} from 'vscode-languageserver';
import {
  docsLink,
  type DiagnosticCode,
  type Severity,
  type TextEdit,
  type TranscriptCodeAction,
  type TranscriptDiagnostic,
  type TranscriptFoldingRange,
  type TranscriptSymbol,
} from '../service';

/* Maps the service's plain results onto LSP types. Ranges need no work: both count UTF-16 units. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One link object a code, shared by its diagnostics: a big file keeps a thousand of them. */
const codeDescriptions = new Map<string, CodeDescription>();

function codeDescriptionOf(code: DiagnosticCode): CodeDescription {
  let description = codeDescriptions.get(code);
  if (!description) codeDescriptions.set(code, (description = Object.freeze({ href: docsLink(code) })));
  return description;
}

export function toLspDiagnostic(diagnostic: TranscriptDiagnostic, uri: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: codeDescriptionOf(diagnostic.code),
    source: 'transcript',
    message: diagnostic.message,
    ...(diagnostic.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(diagnostic.related?.length
      ? { relatedInformation: diagnostic.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
  };
}

export function toLspSymbol(symbol: TranscriptSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    // The outline's tooltip is the name and the kind's name: `Chunk 2 (…) (module)`, a part of the
    // talk, and `00:01:30 Speaker 2: Thanks. (event)`, something said at a time; not `(namespace)`
    // and `(string)`, which read as code.
    kind: symbol.kind === 'chunk' ? SymbolKind.Module : SymbolKind.Event,
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toLspSymbol),
  };
}

export function toLspFoldingRange(folding: TranscriptFoldingRange): FoldingRange {
  return {
    startLine: folding.startLine,
    endLine: folding.endLine,
    kind: folding.kind === 'chunk' ? FoldingRangeKind.Region : undefined,
  };
}

/** `source.fixAll.transcript`: what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.transcript`;

export function toLspCodeAction(action: TranscriptCodeAction, uri: string): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    ...(action.isPreferred ? { isPreferred: true } : {}),
    diagnostics: action.diagnostics.map((d) => toLspDiagnostic(d, uri)),
    edit: { changes: { [uri]: action.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
  };
}

/** The fix-all action; without edits it carries `data` and gets them on `codeAction/resolve`. */
export function fixAllAction(uri: string, edits?: readonly TextEdit[], data?: unknown): CodeAction {
  return {
    title: 'Fix all safe transcript problems',
    kind: FIX_ALL_KIND,
    ...(edits ? { edit: { changes: { [uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } } } : { data }),
  };
}
