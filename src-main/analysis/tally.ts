import type { FigureSource } from './figure-source';

/**
 * A tally of sales lines read in one pass: each line's amount is added to the cell of its slot
 * (computed in SQL, e.g. its month or age bucket) and of its customer's group (computed here
 * from the card id: the card it counts for, or that customer's grade or region).
 *
 * Why an aggregate function: the cheapest way to read every line of a date range is the product
 * index (a few hundred seeks, then consecutive entries), but its lines come in product order. Grouping
 * them by customer in SQL needs a sort of every line; a pivot column per group costs an aggregate
 * per line per column. One call per line into this function does either in a fraction of that time,
 * and nothing but the totals leaves SQLite.
 */
export const TALLY_FUNCTION = 'kedang_tally';

/** The cells of one tally: `sums[slot * groups + group]` and the number of lines in each. */
export interface TallyCells {
  sums: Float64Array;
  lines: Float64Array;
}

export interface TallyShape {
  /** Card id → group index (0 ≤ group < groups); ids beyond the array go to group 0. */
  groupOf: Int32Array;
  groups: number;
  slots: number;
  /** Whether to count the lines of each cell too (default yes); without, `lines` stays empty. */
  countLines?: boolean;
}

/**
 * Defines kedang_tally(card_id, slot, cents) for the statements that follow. Each group of a
 * statement gets fresh cells; the function's value is a handle to read them with `cells`.
 */
export function defineTally(source: FigureSource, shape: TallyShape): { cells(handle: number): TallyCells } {
  const results: TallyCells[] = [];
  const { groupOf, groups, slots } = shape;
  const countLines = shape.countLines ?? true;
  source.defineAggregate(TALLY_FUNCTION, {
    start: (): TallyCells => ({
      sums: new Float64Array(groups * slots),
      lines: new Float64Array(countLines ? groups * slots : 0),
    }),
    step: (cells: TallyCells, cardId: number, slot: number, cents: number) => {
      if (!(slot >= 0 && slot < slots)) return;
      const cell = slot * groups + (groupOf[cardId] ?? 0);
      cells.sums[cell] = cells.sums[cell]! + cents;
      if (countLines) cells.lines[cell] = cells.lines[cell]! + 1;
    },
    result: (cells: TallyCells) => results.push(cells) - 1,
  });
  return {
    cells(handle) {
      const found = results[handle];
      if (!found) throw new Error('tally handle unknown');
      return found;
    },
  };
}
