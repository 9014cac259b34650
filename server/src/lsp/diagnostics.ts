import type { Diagnostic } from 'vscode-languageserver';
import type { DiagnosticCode, ShownDiagnostics, TranscriptDiagnostic } from '../service';
import { toLspDiagnostic } from './convert';

/**
 * VS Code shows at most 1,000 problems a file (its extension host keeps the first 1,000 by
 * severity, errors first, each severity in the order given, and drops the rest). A 20 MB
 * transcript has about 40,000: sending them all cost about 0.9 s of JSON a version, for a list
 * the editor cuts. The server sends the same 1,000 the editor would keep (the service's
 * `shownDiagnostics`), and says how many there are and of which codes
 * (`ProblemCountsNotification`), for the language status.
 */
export const MAX_SENT_DIAGNOSTICS = 1000;

/** What one version's diagnostics come to: the ones to send, in document order, and how many there are of each code. */
export interface DiagnosticsReport {
  readonly items: readonly Diagnostic[];
  readonly total: number;
  readonly byCode: Readonly<Partial<Record<DiagnosticCode, number>>>;
}

/**
 * Each document's diagnostics in their protocol form. A diagnostic the service kept from the
 * version before (the same object) keeps its protocol form too, and one the service made again
 * the same as one last reported (its section parsed again, its finding unchanged) takes that
 * one's: so a keystroke converts only the diagnostics of what it changed, and a version whose
 * list is the one last reported holds the same objects (`sameItems`), which a pull answers with
 * `unchanged`.
 */
export class DiagnosticsForms {
  private readonly forms = new WeakMap<TranscriptDiagnostic, Diagnostic>();
  private readonly lastItems = new Map<string, readonly Diagnostic[]>();

  report(uri: string, { shown, total, byCode }: ShownDiagnostics): DiagnosticsReport {
    let lastByPlace: Map<string, Diagnostic> | undefined;
    const items = shown.map((diagnostic) => {
      let form = this.forms.get(diagnostic);
      if (!form) {
        form = toLspDiagnostic(diagnostic, uri);
        // The last report's diagnostic of the same code at the same place, if it says the same.
        // Only where they are is kept: a thousand diagnostics in JSON were half a megabyte.
        lastByPlace ??= new Map((this.lastItems.get(uri) ?? []).map((item) => [placeOf(item), item]));
        const same = lastByPlace.get(placeOf(form));
        if (same && JSON.stringify(same) === JSON.stringify(form)) form = same;
        this.forms.set(diagnostic, form);
      }
      return form;
    });
    this.lastItems.set(uri, items);
    return { items, total, byCode };
  }

  /** Drops what is kept of a closed document. */
  forget(uri: string): void {
    this.lastItems.delete(uri);
  }
}

/** A diagnostic's code and range, as a key. */
function placeOf({ code, range: { start, end } }: Diagnostic): string {
  return `${String(code)} ${start.line}:${start.character} ${end.line}:${end.character}`;
}

/** Whether two lists hold the same protocol objects in the same order. */
export function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
