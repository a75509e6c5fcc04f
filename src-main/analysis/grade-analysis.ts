import { CompiledQuery } from 'kysely';
import { comparisonPeriods, sharesOf, type GradeAnalysis, type Period } from '../../src-shared/analysis/analysis';
import { addDays } from './dates';
import { groupOrder, loadDictionary, type DictionaryCode } from './dictionary';
import type { FigureSource } from './figure-source';
import { ratioBp } from './ratios';
import { loadCodes, loadLatestSale, loadNumberColumns, loadRoster, type CardCodes, type Roster } from './roster';

/**
 * 销售构成分析 (method 三.3 ①): each grade's share of the period's sales, the same figures for the
 * previous period and for the same dates a year earlier, and the Pareto curve of customers.
 */

/** Each customer's sales in a period and in the comparison periods, summed over the cards that count for it. */
export interface PeriodSales {
  roster: Roster;
  /** Per card id that figures count for: sales in the period, the previous period and last year. */
  current: Float64Array;
  previous: Float64Array;
  lastYear: Float64Array;
  /** 1 where the customer has at least one sales line in the period. */
  bought: Uint8Array;
}

export interface GradeFigures {
  sales: PeriodSales;
  grades: CardCodes;
  dictionary: DictionaryCode[];
}

/** Where a comparison period's figure comes from: its own column, or the whole range minus the period. */
type Comparison = { column: string } | { rest: true };

/**
 * One pass over sales_by_customer in index order (grouped by customer without a sort), over the
 * range that spans the period and both comparison periods (open-ended when the period reaches
 * the latest sale). Each aggregate costs a little per line (FILTER skips the lines outside its
 * period, cheaper than a CASE), so a comparison period that is exactly the rest of the range (the
 * usual case: the 12 months before 12 months) is the range's total minus the period instead of
 * a column of its own.
 */
export function periodSalesStatement(
  period: Period,
  latestSale: string | null = null,
): {
  statement: CompiledQuery;
  previous: Comparison;
  lastYear: Comparison;
} {
  const { previous, lastYear } = comparisonPeriods(period);
  const from = previous.from < lastYear.from ? previous.from : lastYear.from;
  const rest = (p: Period) => p.from === from && p.to === addDays(period.from, -1);
  const columns = [
    'customer_id AS id',
    'sum(amount_cents) AS total',
    'sum(amount_cents) FILTER (WHERE sold_on >= ?) AS inPeriod',
  ];
  const parameters: string[] = [period.from];
  const comparison = (p: Period, name: string, same: Comparison | null): Comparison => {
    if (same) return same;
    if (rest(p)) return { rest: true };
    columns.push(`sum(amount_cents) FILTER (WHERE sold_on BETWEEN ? AND ?) AS ${name}`);
    parameters.push(p.from, p.to);
    return { column: name };
  };
  const previousSource = comparison(previous, 'previous', null);
  const lastYearSource = comparison(
    lastYear,
    'lastYear',
    lastYear.from === previous.from && lastYear.to === previous.to ? previousSource : null,
  );
  const open = latestSale !== null && period.to >= latestSale;
  parameters.push(from, ...(open ? [] : [period.to]));
  const range = open ? 'sold_on >= ?' : 'sold_on BETWEEN ? AND ?';
  return {
    statement: CompiledQuery.raw(
      `SELECT ${columns.join(', ')} FROM sales_lines WHERE ${range} GROUP BY customer_id`,
      parameters,
    ),
    previous: previousSource,
    lastYear: lastYearSource,
  };
}

/** Every customer's sales in the period and the comparison periods (a merged card's for its customer). */
export async function loadPeriodSales(source: FigureSource, period: Period, roster?: Roster): Promise<PeriodSales> {
  const owners = roster ?? (await loadRoster(source));
  const plan = periodSalesStatement(period, await loadLatestSale(source));
  const names = [
    'id',
    'total',
    'inPeriod',
    ...new Set([plan.previous, plan.lastYear].flatMap((c) => ('column' in c ? [c.column] : []))),
  ];
  const columns = await loadNumberColumns(source, plan.statement, names);
  const current = new Float64Array(owners.size);
  const previous = new Float64Array(owners.size);
  const lastYear = new Float64Array(owners.size);
  const bought = new Uint8Array(owners.size);
  const { id: ids, total, inPeriod } = columns;
  const valueOf = (from: Comparison): ((row: number) => number) =>
    'rest' in from
      ? (row) => total![row]! - (Number.isNaN(inPeriod![row]!) ? 0 : inPeriod![row]!)
      : (row) => {
          const v = columns[from.column]![row]!;
          return Number.isNaN(v) ? 0 : v;
        };
  const previousOf = valueOf(plan.previous);
  const lastYearOf = valueOf(plan.lastYear);
  for (let row = 0; row < ids!.length; row++) {
    const id = ids![row]!;
    if (!(id < owners.size)) continue;
    const owner = owners.owner[id]!;
    const sales = inPeriod![row]!;
    if (!Number.isNaN(sales)) {
      current[owner] = current[owner]! + sales;
      bought[owner] = 1;
    }
    previous[owner] = previous[owner]! + previousOf(row);
    lastYear[owner] = lastYear[owner]! + lastYearOf(row);
  }
  return { roster: owners, current, previous, lastYear, bought };
}

/** Everything the grade analysis reads. */
export async function loadGradeFigures(source: FigureSource, period: Period): Promise<GradeFigures> {
  const roster = await loadRoster(source);
  const grades = await loadCodes(source, roster, 'grade');
  const dictionary = await loadDictionary(source, 'grade');
  const sales = await loadPeriodSales(source, period, roster);
  return { sales, grades, dictionary };
}

/**
 * The customers with sales above zero in the period, largest first (ties: lower card id first):
 * the order of the Pareto curve and of its 80 % segment.
 */
export function paretoOrder(sales: Pick<PeriodSales, 'current' | 'bought'>): number[] {
  const ids: number[] = [];
  for (let id = 0; id < sales.current.length; id++) {
    if (sales.bought[id] && sales.current[id]! > 0) ids.push(id);
  }
  return ids.sort((a, b) => sales.current[b]! - sales.current[a]! || a - b);
}

/**
 * The Pareto curve: at each whole percent x of the customers with sales above zero (x % of them,
 * rounded half up, largest first), the share of their sales those customers make; and how many
 * make 80 %. Only the values matter here, so they are sorted as numbers, not customers.
 */
export function paretoOf(current: Float64Array, bought: Uint8Array): GradeAnalysis['pareto'] {
  const values: number[] = [];
  for (let id = 0; id < current.length; id++) if (bought[id] && current[id]! > 0) values.push(current[id]!);
  const sorted = Float64Array.from(values).sort().reverse();
  const n = sorted.length;
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + sorted[i]!;
  const whole = cumulative[n]!;
  // 10 × cumulative ≥ 8 × whole, in whole numbers: no rounding at the boundary (BigInt only
  // when ten times the total would pass 2^53).
  const exact = whole * 10 <= Number.MAX_SAFE_INTEGER;
  const reaches80 = (i: number) =>
    exact ? cumulative[i]! * 10 >= whole * 8 : BigInt(cumulative[i]!) * 10n >= BigInt(whole) * 8n;
  let k = n;
  for (let i = 1; i <= n; i++) {
    if (reaches80(i)) {
      k = i;
      break;
    }
  }
  const points: GradeAnalysis['pareto']['points'] = [];
  for (let x = 0; x <= 100; x++) {
    const m = Math.floor((x * n * 2 + 100) / 200);
    points.push({ customerPercent: x, salesShareBp: ratioBp(cumulative[m]!, whole) });
  }
  return { customers: n, customersFor80: k, customersFor80ShareBp: ratioBp(k, n), points };
}

/** The analysis from its figures: pure arithmetic, no reading. */
export function gradeAnalysisOf(period: Period, figures: GradeFigures): GradeAnalysis {
  const { sales, grades } = figures;
  const { previous, lastYear } = comparisonPeriods(period);
  const width = grades.codes.length;
  const customers = new Float64Array(width);
  const cents = new Float64Array(width);
  const previousCents = new Float64Array(width);
  const lastYearCents = new Float64Array(width);
  const used = new Uint8Array(width);
  const { owner } = sales.roster;
  for (let id = 0; id < sales.roster.size; id++) {
    if (owner[id] !== id) continue;
    const bought = sales.bought[id]!;
    if (!bought && !sales.previous[id] && !sales.lastYear[id]) continue;
    const code = grades.of[id]!;
    used[code] = 1;
    customers[code] = customers[code]! + bought;
    cents[code] = cents[code]! + sales.current[id]!;
    previousCents[code] = previousCents[code]! + sales.previous[id]!;
    lastYearCents[code] = lastYearCents[code]! + sales.lastYear[id]!;
  }
  const indexOf = new Map(grades.codes.map((code, i) => [code, i]));
  const order = groupOrder(
    figures.dictionary,
    grades.codes.filter((_, i) => used[i]),
  ).filter((code) => code !== '' || used[indexOf.get('')!]);
  const at = (values: Float64Array, code: string) => {
    const i = indexOf.get(code);
    return i === undefined ? 0 : values[i]!;
  };
  const rows = order.map((key) => ({
    key,
    customers: at(customers, key),
    cents: at(cents, key),
    previousCents: at(previousCents, key),
    lastYearCents: at(lastYearCents, key),
  }));
  const shares = sharesOf(rows.map((r) => r.cents));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    period,
    previous,
    lastYear,
    totalCents: sum((r) => r.cents),
    previousCents: sum((r) => r.previousCents),
    lastYearCents: sum((r) => r.lastYearCents),
    groups: rows.map((r, i) => ({ ...r, shareBp: shares[i]! })),
    pareto: paretoOf(sales.current, sales.bought),
  };
}
