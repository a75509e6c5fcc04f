import type { CompiledQuery } from 'kysely';
import type { Period, TrendAnalysis } from '../../src-shared/analysis/analysis';
import { monthNumber, monthsOf } from './dates';
import { groupOrder, loadDictionary, type DictionaryCode } from './dictionary';
import type { FigureSource } from './figure-source';
import { rangeLines } from './owner-sales';
import { loadCodes, loadRoster, type CardCodes } from './roster';
import { defineTally, TALLY_FUNCTION, type TallyCells } from './tally';

/** Monthly sales per grade (method 三.3 ① over time): one tally of the period's lines by month and grade. */
export interface TrendFigures {
  months: string[];
  grades: CardCodes;
  dictionary: DictionaryCode[];
  cells: TallyCells;
}

/** The month of a line as a slot: months since the period's first month. */
export function trendStatement(period: Period): CompiledQuery {
  return rangeLines(
    `${TALLY_FUNCTION}(s.customer_id, CAST(substr(s.sold_on, 1, 4) AS INTEGER) * 12 + CAST(substr(s.sold_on, 6, 2) AS INTEGER) - ?, s.amount_cents) AS tally`,
    period,
    { parameters: [monthNumber(period.from)] },
  );
}

export async function loadTrendFigures(source: FigureSource, period: Period): Promise<TrendFigures> {
  const roster = await loadRoster(source);
  const grades = await loadCodes(source, roster, 'grade');
  const dictionary = await loadDictionary(source, 'grade');
  const months = monthsOf(period);
  const tally = defineTally(source, { groupOf: grades.of, groups: grades.codes.length, slots: months.length });
  const [row] = await source.rows<{ tally: number }>(trendStatement(period));
  return { months, grades, dictionary, cells: tally.cells(row!.tally) };
}

export function trendAnalysisOf(period: Period, figures: TrendFigures): TrendAnalysis {
  const { months, grades, cells } = figures;
  const width = grades.codes.length;
  const seriesOf = (code: string) => {
    const index = grades.codes.indexOf(code);
    return months.map((_, m) => (index < 0 ? 0 : cells.sums[m * width + index]!));
  };
  const linesOf = (code: string) => {
    const index = grades.codes.indexOf(code);
    return index < 0 ? 0 : months.reduce((n, _, m) => n + cells.lines[m * width + index]!, 0);
  };
  const found = grades.codes.filter((code) => linesOf(code) > 0);
  const order = groupOrder(figures.dictionary, found).filter((code) => code !== '' || linesOf('') > 0);
  const series = order.map((grade) => ({ grade, cents: seriesOf(grade) }));
  const totals = months.map((_, m) => series.reduce((sum, s) => sum + s.cents[m]!, 0));
  return { period, months, series, totals };
}
