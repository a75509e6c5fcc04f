import { comparisonPeriods, sharesOf, type GradeAnalysis, type Period } from '../../src-shared/analysis/analysis';
import { groupOrder, loadDictionary, type DictionaryCode } from './dictionary';
import type { FigureSource } from './figure-source';
import { ratioBp } from './ratios';
import { dayOf, salesLineColumns } from './line-columns';
import { loadCodes, loadRoster, type CardCodes, type Roster } from './roster';

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

/** Every customer's sales in the period and the comparison periods (a merged card's for its customer). */
export async function loadPeriodSales(source: FigureSource, period: Period, roster?: Roster): Promise<PeriodSales> {
  const owners = roster ?? (await loadRoster(source));
  const comparison = comparisonPeriods(period);
  const [from, to] = [dayOf(period.from), dayOf(period.to)];
  const [previousFrom, previousTo] = [dayOf(comparison.previous.from), dayOf(comparison.previous.to)];
  const [lastYearFrom, lastYearTo] = [dayOf(comparison.lastYear.from), dayOf(comparison.lastYear.to)];
  const earliest = Math.min(from, previousFrom, lastYearFrom);
  const current = new Float64Array(owners.size);
  const previous = new Float64Array(owners.size);
  const lastYear = new Float64Array(owners.size);
  const bought = new Uint8Array(owners.size);
  const all = await salesLineColumns(source);
  const { owner, size } = owners;
  for (let i = 0; i < all.count; i++) {
    const day = all.day[i]!;
    if (day < earliest || day > to) continue;
    const card = all.card[i]!;
    if (!(card < size)) continue;
    const who = owner[card]!;
    const cents = all.cents[i]!;
    if (day >= from) {
      current[who] = current[who]! + cents;
      bought[who] = 1;
    }
    if (day >= previousFrom && day <= previousTo) previous[who] = previous[who]! + cents;
    if (day >= lastYearFrom && day <= lastYearTo) lastYear[who] = lastYear[who]! + cents;
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
