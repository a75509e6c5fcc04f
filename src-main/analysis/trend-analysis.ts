import type { Period, TrendAnalysis } from '../../src-shared/analysis/analysis';
import { monthNumber, monthsOf } from './dates';
import { groupOrder, loadDictionary, type DictionaryCode } from './dictionary';
import type { FigureSource } from './figure-source';
import { dayOf, salesLineColumns } from './line-columns';
import { loadCodes, loadRoster, type CardCodes } from './roster';

/** Sums and line counts per cell: `sums[slot * groups + group]`. */
export interface TallyCells {
  sums: Float64Array;
  lines: Float64Array;
}

/** Monthly sales per grade (method 三.3 ① over time): one tally of the period's lines by month and grade. */
export interface TrendFigures {
  months: string[];
  grades: CardCodes;
  dictionary: DictionaryCode[];
  cells: TallyCells;
}

export async function loadTrendFigures(source: FigureSource, period: Period): Promise<TrendFigures> {
  const roster = await loadRoster(source);
  const grades = await loadCodes(source, roster, 'grade');
  const dictionary = await loadDictionary(source, 'grade');
  const months = monthsOf(period);
  const all = await salesLineColumns(source);
  const groups = grades.codes.length;
  const cells: TallyCells = {
    sums: new Float64Array(groups * months.length),
    lines: new Float64Array(groups * months.length),
  };
  const from = dayOf(period.from);
  const to = dayOf(period.to);
  // A line's month as a slot: months since the period's first month.
  const first = monthNumber(period.from);
  for (let i = 0; i < all.count; i++) {
    const day = all.day[i]!;
    if (day < from || day > to) continue;
    const month = Math.floor(day / 100);
    const slot = Math.floor(month / 100) * 12 + (month % 100) - first;
    const card = all.card[i]!;
    const cell = slot * groups + (card < roster.size ? grades.of[card]! : 0);
    cells.sums[cell] = cells.sums[cell]! + all.cents[i]!;
    cells.lines[cell] = cells.lines[cell]! + 1;
  }
  return { months, grades, dictionary, cells };
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
