import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../../src-shared/cards/card';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { LIFECYCLES, VOLUME_TIERS, type Lifecycle, type VolumeTier } from '../../../src-shared/classification/derived';
import type { Period } from '../../../src-shared/analysis/analysis';
import type { CardFilters } from '../../../src-shared/contracts/cards';
import type { ClassGroup, ClassGroups, GroupAxis } from '../../../src-shared/contracts/classification';
import { flattenTree, regionTree, siblingsOf } from '../region-tree';

export function isDictionaryAxis(axis: GroupAxis): axis is ClassificationAxis {
  return (CLASSIFICATION_AXES as readonly string[]).includes(axis);
}

/** Display order of dictionary codes on one axis: regions depth-first in the tree, routes by region, others by sort order. */
function dictionaryOrder(axis: ClassificationAxis, entries: readonly DictionaryEntry[]): string[] {
  if (axis === 'region') return flattenTree(regionTree(entries)).map((n) => n.entry.code);
  if (axis === 'route') {
    const regions = flattenTree(regionTree(entries)).map((n) => n.entry.code);
    const routes = regions.flatMap((region) => siblingsOf(entries, 'route', region).map((r) => r.code));
    const rest = entries.filter((e) => e.axis === 'route' && !routes.includes(e.code)).map((e) => e.code);
    return [...routes, ...rest];
  }
  return siblingsOf(entries, axis, null).map((e) => e.code);
}

/**
 * The order in which one axis's keys are listed: the dictionary's own order (what the office set
 * in 分类字典), the derived classes in their natural order, reps by name; codes no dictionary
 * knows after those, and '' (not classified) always last.
 */
export function orderKeys(
  axis: GroupAxis,
  keys: Iterable<string>,
  entries: readonly DictionaryEntry[],
  repName: (username: string) => string = (u) => u,
): string[] {
  const unique = [...new Set(keys)];
  const known: readonly string[] =
    axis === 'lifecycle'
      ? LIFECYCLES
      : axis === 'volumeTier'
        ? VOLUME_TIERS
        : axis === 'assignedRep'
          ? unique
              .filter((k) => k !== '')
              .sort((a, b) => repName(a).localeCompare(repName(b), 'zh-CN') || a.localeCompare(b))
          : dictionaryOrder(axis, entries);
  const rank = new Map(known.map((k, i) => [k, i]));
  return unique.sort((a, b) => {
    if (a === '' || b === '') return a === '' ? (b === '' ? 0 : 1) : -1;
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || a.localeCompare(b);
  });
}

export interface Totals {
  customers: number;
  cents: number;
}

/** Two axes as a cross table: rows are the first axis, columns the second, with totals each way. */
export interface CrossTable {
  rowKeys: string[];
  columnKeys: string[];
  cell: (row: string, column: string) => ClassGroup | undefined;
  rowTotal: (row: string) => Totals;
  columnTotal: (column: string) => Totals;
}

export function crossTable(result: ClassGroups, order: (axisIndex: 0 | 1, keys: string[]) => string[]): CrossTable {
  const cells = new Map<string, ClassGroup>();
  const rows = new Map<string, Totals>();
  const columns = new Map<string, Totals>();
  const add = (map: Map<string, Totals>, key: string, g: ClassGroup) => {
    const t = map.get(key) ?? { customers: 0, cents: 0 };
    map.set(key, { customers: t.customers + g.customers, cents: t.cents + g.cents });
  };
  for (const g of result.groups) {
    const [row = '', column = ''] = g.keys;
    cells.set(`${row}\u0000${column}`, g);
    add(rows, row, g);
    add(columns, column, g);
  }
  const none = { customers: 0, cents: 0 };
  return {
    rowKeys: order(0, [...rows.keys()]),
    columnKeys: order(1, [...columns.keys()]),
    cell: (row, column) => cells.get(`${row}\u0000${column}`),
    rowTotal: (row) => rows.get(row) ?? none,
    columnTotal: (column) => columns.get(column) ?? none,
  };
}

/**
 * The card list's filters for one group: the view's own filters plus one value per axis given
 * (null leaves that axis open, e.g. a row total of a cross table). '' selects the cards not
 * classified on that axis, as the group does.
 */
export function filtersForGroup(base: CardFilters, axes: readonly GroupAxis[], keys: readonly (string | null)[]) {
  const filters: CardFilters = { ...base };
  axes.forEach((axis, i) => {
    const key = keys[i];
    if (key === null || key === undefined) return;
    if (axis === 'lifecycle') filters.lifecycle = [key as Lifecycle];
    else if (axis === 'volumeTier') filters.volumeTier = [key as VolumeTier];
    else filters[axis] = [key];
  });
  return filters;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last 12 months up to and including today (local dates): the period the view opens with. */
export function lastTwelveMonths(today: Date): Period {
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  return { from: isoDay(from), to: isoDay(today) };
}

/** The calendar year of `today` up to today, and the whole previous year: the other quick choices. */
export function thisYear(today: Date): Period {
  return { from: `${today.getFullYear()}-01-01`, to: isoDay(today) };
}
export function lastYear(today: Date): Period {
  const y = today.getFullYear() - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Basis points as a percentage with two decimals (sharesOf gives basis points summing to 10,000). */
export function percentOfBp(bp: number): string {
  return `${(bp / 100).toFixed(2)}%`;
}
