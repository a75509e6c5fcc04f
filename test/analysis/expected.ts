import type { AnalysisOffice, CardFacts, Receipt, SaleLine } from './analysis-office';

/**
 * The figures every analysis must show, computed here in plain TypeScript from the generated
 * lines and a plain read of the cards, independently of the service's SQL, tallies and rollups.
 */

export interface Span {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const iso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Previous period: as many days, ending the day before; last year: the same dates (29 Feb → 28 Feb). */
export function comparisonSpans(period: Span): { previous: Span; lastYear: Span } {
  const days = day(period.to) - day(period.from) + 1;
  const back = (date: string) => {
    const y = Number(date.slice(0, 4)) - 1;
    const md = date.slice(5);
    return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
  };
  return {
    previous: { from: iso(day(period.from) - days), to: iso(day(period.from) - 1) },
    lastYear: { from: back(period.from), to: back(period.to) },
  };
}

/** The card whose figures a card's lines count for: follow merged_into to the end. */
export function ownerMap(cards: readonly CardFacts[]): Map<number, number> {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const owner = new Map<number, number>();
  for (const c of cards) {
    let current = c;
    let steps = 0;
    while (current.status === 'merged' && current.mergedInto !== null && steps++ < 50)
      current = byId.get(current.mergedInto)!;
    owner.set(c.id, current.id);
  }
  return owner;
}

export interface Bought {
  cents: number;
  lines: number;
}

/** Each customer's lines in a span (both ends included), optionally only some. */
export function boughtBy(
  office: AnalysisOffice,
  span: Span,
  keep: (line: SaleLine) => boolean = () => true,
): Map<number, Bought> {
  const owner = ownerMap(office.cards());
  const out = new Map<number, Bought>();
  for (const line of office.lines) {
    if (line.soldOn < span.from || line.soldOn > span.to || !keep(line)) continue;
    const id = owner.get(line.customerId)!;
    const b = out.get(id) ?? { cents: 0, lines: 0 };
    b.cents += line.cents;
    b.lines += 1;
    out.set(id, b);
  }
  return out;
}

/** Largest remainder in basis points, computed with exact whole numbers; ties to the earlier value. */
export function exactShares(values: readonly number[]): number[] {
  const positive = values.map((v) => BigInt(Math.max(0, v)));
  const whole = positive.reduce((a, b) => a + b, 0n);
  if (whole === 0n) return values.map(() => 0);
  const floors = positive.map((v) => (v * 10_000n) / whole);
  const remainders = positive.map((v, i) => ({ i, r: v * 10_000n - floors[i]! * whole }));
  let missing = 10_000n - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (missing === 0n) break;
    floors[i]! += 1n;
    missing -= 1n;
  }
  return floors.map(Number);
}

/** part / whole in basis points, rounded half up. */
export function bp(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const n = BigInt(part) * 20_000n + BigInt(whole);
  return Number(n / (BigInt(whole) * 2n));
}

export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** The top level of a region path and the path itself, from the dictionary rows. */
export function regionPaths(office: AnalysisOffice): Map<string, string[]> {
  const rows = office
    .raw()
    .prepare("SELECT code, parent_code AS parent FROM dictionary_entries WHERE axis = 'region'")
    .all() as { code: string; parent: string | null }[];
  const parent = new Map(rows.map((r) => [r.code, r.parent]));
  const paths = new Map<string, string[]>();
  for (const r of rows) {
    const path = [r.code];
    for (let p = parent.get(r.code); p; p = parent.get(p)) path.unshift(p);
    paths.set(r.code, path);
  }
  return paths;
}

export function dictionaryCodes(office: AnalysisOffice, axis: string): string[] {
  return office
    .raw()
    .prepare('SELECT code FROM dictionary_entries WHERE axis = ? ORDER BY sort_order, code')
    .pluck()
    .all(axis) as string[];
}

export interface CreditFacts {
  balance: number;
  /** Unpaid by bucket 0–30, 31–60, 61–90, over 90. */
  unpaid: [number, number, number, number];
}

/**
 * FIFO by simulation, line by line: every credit (receipt or return) up to the date pays the
 * oldest open sales first; what is left open is aged by the days from the sale to the date.
 * Nothing like the service's bucket arithmetic, so the two check each other.
 */
export function creditByOwner(office: AnalysisOffice, asOf: string): Map<number, CreditFacts> {
  const owner = ownerMap(office.cards());
  const sales = new Map<number, SaleLine[]>();
  const credits = new Map<number, number>();
  const addCredit = (id: number, cents: number) => credits.set(id, (credits.get(id) ?? 0) + cents);
  for (const line of office.lines) {
    if (line.soldOn > asOf) continue;
    const id = owner.get(line.customerId)!;
    if (line.cents > 0) sales.set(id, [...(sales.get(id) ?? []), line]);
    else addCredit(id, -line.cents);
  }
  for (const r of office.receipts as Receipt[]) {
    if (r.receivedOn <= asOf) addCredit(owner.get(r.customerId)!, r.cents);
  }
  const out = new Map<number, CreditFacts>();
  for (const id of new Set([...sales.keys(), ...credits.keys()])) {
    const open = (sales.get(id) ?? [])
      .map((l) => ({ soldOn: l.soldOn, left: l.cents }))
      .sort((a, b) => (a.soldOn < b.soldOn ? -1 : a.soldOn > b.soldOn ? 1 : 0));
    let credit = credits.get(id) ?? 0;
    const total = sum(open.map((o) => o.left));
    for (const o of open) {
      const paid = Math.min(o.left, credit);
      o.left -= paid;
      credit -= paid;
    }
    const unpaid: CreditFacts['unpaid'] = [0, 0, 0, 0];
    for (const o of open) {
      const age = day(asOf) - day(o.soldOn);
      unpaid[age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3] += o.left;
    }
    out.set(id, { balance: total - (credits.get(id) ?? 0), unpaid });
  }
  return out;
}

/** The card's credit limit in cents (the card stores yuan), or null. */
export function limitCents(card: CardFacts): number | null {
  return card.creditLimit === null ? null : Math.round(card.creditLimit * 100);
}
