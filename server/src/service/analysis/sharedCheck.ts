import type { CheckedBoundaries } from '../checks/overlap/checkedBoundaries';
import { layoutOf, type TurnLayout } from '../checks/overlap/layout';
import type { Analysis } from './analysis';

/**
 * The first check of a document, with the overlap check of its chunk boundaries shared with a
 * checker that works elsewhere from the turns as numbers (`DetachedBoundaryChecker`). The service
 * only offers the pieces; who runs the other checker, and how the chunks are shared out, is the
 * adapter's business (the language server runs it on a worker thread).
 */
export interface SharedFirstCheck {
  /**
   * Parses the document, giving `send` the layout of the turns and chunks parsed so far each time
   * at least `turnsPerPart` more have been, and at the end the rest. Returns how many chunks the
   * document has.
   */
  parse(turnsPerPart: number, send: (layout: TurnLayout) => void): number;
  /** Runs the checks that read no chunk boundary, while the other checker is busy. */
  checkAllButBoundaries(): void;
  /** Checks the boundary at the start of chunk `index` here. */
  checkBoundary(index: number): void;
  /** Takes the other checker's results; each is checked on use against this version's turns. */
  accept(checked: CheckedBoundaries): void;
}

export function sharedFirstCheck(analysis: Analysis): SharedFirstCheck {
  return {
    parse(turnsPerPart, send) {
      let sent = { turns: 0, chunks: 0 };
      analysis.parseWatched((parsed) => {
        if (parsed.turns.length - sent.turns < turnsPerPart) return;
        send(layoutOf(parsed, sent.turns, sent.chunks));
        sent = { turns: parsed.turns.length, chunks: parsed.chunks.length };
      });
      const { model } = analysis;
      send(layoutOf(model, sent.turns, sent.chunks));
      return model.chunks.length;
    },
    checkAllButBoundaries() {
      void analysis.timestamps;
    },
    checkBoundary(index) {
      analysis.checkBoundaries(index, index + 1);
    },
    accept(checked) {
      analysis.acceptCheckedBoundaries(checked);
    },
  };
}
