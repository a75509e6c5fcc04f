import { CompiledQuery } from 'kysely';
import { AGEING_BUCKETS, sharesOf, type CreditAnalysis } from '../../src-shared/analysis/analysis';
import type { CreditTerm } from '../../src-shared/classification/derived';
import { byFigure, customerFigures, type Figure } from './customer-rows';
import { addDays } from './dates';
import { groupOrder, loadDictionary, type DictionaryCode } from './dictionary';
import { ageBalance, BUCKET_STARTS } from './fifo-ageing';
import type { FigureSource } from './figure-source';
import { dayOf, receiptColumns, salesLineColumns } from './line-columns';
import { eachId, loadCodes, loadLimits, loadRoster, type CardCodes, type Roster } from './roster';

/**
 * 客户信用分析 (method 三.3 ④) on an as-of date: each customer's balance (sales − receipts up to
 * that day), its age (fifo-ageing.ts), its credit limit from the card, by credit grade with the
 * suggested trade terms of that grade.
 */

/** At most this many over-limit customers are listed (overLimitCount counts them all). */
export const OVER_LIMIT_ROWS = 500;

/** The archived (停用) cards, from the status index: few, unlike the active ones. */
export const ARCHIVED_CARDS = CompiledQuery.raw(
  "SELECT json_group_array(id) AS ids FROM customers WHERE status = 'archived'",
);

export interface CreditFigures {
  roster: Roster;
  creditGrades: CardCodes;
  /** 1 for archived cards. */
  archived: Uint8Array;
  dictionary: DictionaryCode[];
  /** Per customer (card figures count for): credit limit in cents (NaN = none), balance, unpaid by bucket. */
  limits: Float64Array;
  balance: Float64Array;
  /** unpaid[bucket][id] */
  unpaid: [Float64Array, Float64Array, Float64Array, Float64Array];
}

export async function loadCreditFigures(source: FigureSource, asOf: string): Promise<CreditFigures> {
  const roster = await loadRoster(source);
  const creditGrades = await loadCodes(source, roster, 'credit_grade');
  const [archivedRow] = await source.rows<{ ids: string | null }>(ARCHIVED_CARDS);
  const archived = new Uint8Array(roster.size);
  eachId(archivedRow?.ids ?? null, (id) => {
    if (id < roster.size) archived[id] = 1;
  });
  const dictionary = await loadDictionary(source, 'creditGrade');
  const limits = await loadLimits(source, roster);
  const size = roster.size;
  const { owner } = roster;
  const last = dayOf(asOf);
  // The positive sales of the last 90 days by age bucket (0–30, 31–60, 61–90 days old): what the
  // balance is made of, newest first (fifo-ageing.ts).
  const [b1, b2, b3] = BUCKET_STARTS.map((days) => dayOf(addDays(asOf, -days + 1))) as [number, number, number];
  const balance = new Float64Array(size);
  const recent = new Float64Array(3 * size);
  const sales = await salesLineColumns(source);
  for (let i = 0; i < sales.count; i++) {
    const day = sales.day[i]!;
    if (day > last) continue;
    const card = sales.card[i]!;
    if (!(card < size)) continue;
    const who = owner[card]!;
    const cents = sales.cents[i]!;
    balance[who] = balance[who]! + cents;
    if (day >= b3 && cents > 0) {
      const cell = (day >= b1 ? 0 : day >= b2 ? 1 : 2) * size + who;
      recent[cell] = recent[cell]! + cents;
    }
  }
  const receipts = await receiptColumns(source);
  for (let i = 0; i < receipts.count; i++) {
    if (receipts.day[i]! > last) continue;
    const card = receipts.card[i]!;
    if (!(card < size)) continue;
    const who = owner[card]!;
    balance[who] = balance[who]! - receipts.cents[i]!;
  }
  const unpaid: CreditFigures['unpaid'] = [0, 1, 2, 3].map(() => new Float64Array(size)) as CreditFigures['unpaid'];
  for (let id = 1; id < size; id++) {
    if (owner[id] !== id || !(balance[id]! > 0)) continue;
    const aged = ageBalance(balance[id]!, [recent[id]!, recent[size + id]!, recent[2 * size + id]!]);
    for (let b = 0; b < 4; b++) unpaid[b]![id] = aged[b]!;
  }
  return { roster, creditGrades, archived, dictionary, limits, balance, unpaid };
}

/**
 * The customers a credit analysis counts: every card that is not merged into another and is
 * active, and archived (停用) cards that still have a balance either way.
 */
export function countedCustomers(figures: CreditFigures): Uint8Array {
  const { roster, archived, balance } = figures;
  const counted = new Uint8Array(roster.size);
  for (let id = 1; id < roster.size; id++) {
    if (roster.owner[id] !== id) continue;
    if (!archived[id] || balance[id] !== 0) counted[id] = 1;
  }
  return counted;
}

/** What a customer owes (never below zero) and how far that is over its limit (0 without a limit). */
function outstandingOf(figures: CreditFigures, id: number): number {
  return Math.max(0, figures.balance[id]!);
}

function excessOf(figures: CreditFigures, id: number): number {
  const limit = figures.limits[id]!;
  const outstanding = outstandingOf(figures, id);
  return !Number.isNaN(limit) && outstanding > limit ? outstanding - limit : 0;
}

/** The over-limit customers, largest excess first. */
export function overLimitFigures(figures: CreditFigures, counted = countedCustomers(figures)): Figure[] {
  const list: Figure[] = [];
  for (let id = 1; id < figures.roster.size; id++) {
    if (!counted[id]) continue;
    const excess = excessOf(figures, id);
    if (excess > 0) list.push({ id, cents: excess, outstandingCents: outstandingOf(figures, id) });
  }
  return list.sort(byFigure);
}

export async function creditAnalysisOf(
  source: FigureSource,
  asOf: string,
  figures: CreditFigures,
  terms: readonly CreditTerm[],
): Promise<CreditAnalysis> {
  const { creditGrades, limits, balance, unpaid } = figures;
  const counted = countedCustomers(figures);
  const width = creditGrades.codes.length;
  const group = {
    customers: new Float64Array(width),
    limitCents: new Float64Array(width),
    outstandingCents: new Float64Array(width),
    overLimitCustomers: new Float64Array(width),
  };
  const totals = {
    customers: 0,
    customersWithBalance: 0,
    limitCents: 0,
    outstandingCents: 0,
    overLimitCustomers: 0,
    overLimitCents: 0,
    creditBalanceCustomers: 0,
    creditBalanceCents: 0,
  };
  const [unpaid0, unpaid1, unpaid2, unpaid3] = unpaid;
  const bucketCents = new Float64Array(4);
  const bucketCustomers = new Float64Array(4);
  const add = (b: number, amount: number) => {
    if (amount > 0) {
      bucketCents[b]! += amount;
      bucketCustomers[b]! += 1;
    }
  };
  for (let id = 1; id < figures.roster.size; id++) {
    if (!counted[id]) continue;
    const code = creditGrades.of[id]!;
    const limit = limits[id]!;
    const owed = balance[id]!;
    const outstanding = owed > 0 ? owed : 0;
    group.customers[code]! += 1;
    totals.customers += 1;
    if (!Number.isNaN(limit)) {
      group.limitCents[code]! += limit;
      totals.limitCents += limit;
      if (outstanding > limit) {
        group.overLimitCustomers[code]! += 1;
        totals.overLimitCustomers += 1;
        totals.overLimitCents += outstanding - limit;
      }
    }
    group.outstandingCents[code]! += outstanding;
    totals.outstandingCents += outstanding;
    if (outstanding > 0) {
      totals.customersWithBalance += 1;
      add(0, unpaid0[id]!);
      add(1, unpaid1[id]!);
      add(2, unpaid2[id]!);
      add(3, unpaid3[id]!);
    } else if (owed < 0) {
      totals.creditBalanceCustomers += 1;
      totals.creditBalanceCents -= owed;
    }
  }
  const ageing = AGEING_BUCKETS.map((bucket, b) => ({
    bucket,
    cents: bucketCents[b]!,
    customers: bucketCustomers[b]!,
  }));
  const indexOf = new Map(creditGrades.codes.map((code, i) => [code, i]));
  const used = creditGrades.codes.filter((_, i) => group.customers[i]! > 0);
  const order = groupOrder(figures.dictionary, used).filter((code) => code !== '' || used.includes(''));
  const at = (values: Float64Array, code: string) => {
    const i = indexOf.get(code);
    return i === undefined ? 0 : values[i]!;
  };
  const rows = order.map((key) => ({
    key,
    customers: at(group.customers, key),
    limitCents: at(group.limitCents, key),
    outstandingCents: at(group.outstandingCents, key),
    overLimitCustomers: at(group.overLimitCustomers, key),
  }));
  const shares = sharesOf(rows.map((r) => r.outstandingCents));
  const ageingShares = sharesOf(ageing.map((a) => a.cents));
  const overLimit = overLimitFigures(figures, counted);
  return {
    asOf,
    totals,
    byCreditGrade: rows.map((r, i) => ({
      key: r.key,
      customers: r.customers,
      cents: r.outstandingCents,
      shareBp: shares[i]!,
      limitCents: r.limitCents,
      outstandingCents: r.outstandingCents,
      overLimitCustomers: r.overLimitCustomers,
      terms: terms.find((t) => t.creditGrade === r.key) ?? null,
    })),
    ageing: ageing.map((a, i) => ({ ...a, shareBp: ageingShares[i]! })),
    overLimit: await customerFigures(source, overLimit.slice(0, OVER_LIMIT_ROWS)),
    overLimitCount: overLimit.length,
  };
}

/** Every counted customer of a credit segment with its figure (credit segments of analysis.customers). */
export function creditSegmentFigures(
  figures: CreditFigures,
  pick: { creditGrade: string } | { bucket: number } | { overLimit: true },
): Figure[] {
  const counted = countedCustomers(figures);
  const list: Figure[] = [];
  const wanted = 'creditGrade' in pick ? figures.creditGrades.codes.indexOf(pick.creditGrade) : -1;
  for (let id = 1; id < figures.roster.size; id++) {
    if (!counted[id]) continue;
    const outstanding = outstandingOf(figures, id);
    if ('creditGrade' in pick) {
      if (figures.creditGrades.of[id] === wanted) list.push({ id, cents: outstanding, outstandingCents: outstanding });
    } else if ('bucket' in pick) {
      const amount = figures.unpaid[pick.bucket]![id]!;
      if (amount > 0) list.push({ id, cents: amount, outstandingCents: outstanding });
    } else {
      const excess = excessOf(figures, id);
      if (excess > 0) list.push({ id, cents: excess, outstandingCents: outstanding });
    }
  }
  return list.sort(byFigure);
}
