import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { ClassGroups } from '../../src-shared/contracts/classification';
import {
  flattenTree,
  moveItem,
  regionAndDescendants,
  regionPath,
  regionPathLabel,
  regionTree,
  suggestCode,
} from '../../src-renderer/classification/region-tree';
import {
  crossTable,
  filtersForGroup,
  lastTwelveMonths,
  lastYear,
  orderKeys,
  percentOfBp,
  thisYear,
} from '../../src-renderer/classification/view/class-view-layout';

let order = 0;
const entry = (
  axis: DictionaryEntry['axis'],
  code: string,
  label: string,
  parentCode: string | null = null,
  sortOrder = order++,
): DictionaryEntry => ({ axis, code, label, labelEn: `${label}-en`, parentCode, sortOrder, active: true });

const ENTRIES: DictionaryEntry[] = [
  entry('region', 'HD', '华东区', null, 2),
  entry('region', 'HB', '华北区', null, 1),
  entry('region', 'BJ', '北京', 'HB', 1),
  entry('region', 'CY', '朝阳', 'BJ', 1),
  entry('region', 'TJ', '天津', 'HB', 0),
  entry('region', 'LOST', '无上级', 'GONE', 0),
  entry('route', 'HB-01', '京东线', 'BJ', 2),
  entry('route', 'HB-02', '京西线', 'BJ', 1),
  entry('route', 'HD-01', '沪线', 'HD', 1),
  entry('grade', 'A', 'A 级', null, 3),
  entry('grade', 'B', 'B 级', null, 1),
  entry('grade', 'C', 'C 级', null, 2),
];

describe('the region tree', () => {
  it('nests regions under their parents in sort order, with their routes, and never hides an orphan', () => {
    const tree = regionTree(ENTRIES);
    expect(tree.map((n) => n.entry.code)).toEqual(['LOST', 'HB', 'HD']);
    const hb = tree[1]!;
    expect(hb.children.map((n) => n.entry.code)).toEqual(['TJ', 'BJ']);
    const bj = hb.children[1]!;
    expect(bj.depth).toBe(1);
    expect(bj.routes.map((r) => r.code)).toEqual(['HB-02', 'HB-01']);
    expect(bj.children.map((n) => n.entry.code)).toEqual(['CY']);
    expect(flattenTree(tree).map((n) => n.entry.code)).toEqual(['LOST', 'HB', 'TJ', 'BJ', 'CY', 'HD']);
  });

  it('shows regions caught in a loop at the top instead of losing them', () => {
    const loop = [entry('region', 'X', 'X', 'Y'), entry('region', 'Y', 'Y', 'X')];
    expect(flattenTree(regionTree(loop)).map((n) => n.entry.code)).toEqual(['X', 'Y']);
    expect(regionPath(loop, 'X').map((e) => e.code)).toEqual(['Y', 'X']);
  });

  it('names a region by its path, top first, in the reader’s language', () => {
    expect(regionPath(ENTRIES, 'CY').map((e) => e.code)).toEqual(['HB', 'BJ', 'CY']);
    expect(regionPathLabel(ENTRIES, 'CY', 'zh')).toBe('华北区 › 北京 › 朝阳');
    expect(regionPathLabel(ENTRIES, 'CY', 'en')).toBe('华北区-en › 北京-en › 朝阳-en');
    expect(regionPathLabel(ENTRIES, 'NONE', 'zh')).toBe('NONE');
  });

  it('never offers a region or one below it as its own new parent', () => {
    expect([...regionAndDescendants(ENTRIES, 'HB')].sort()).toEqual(['BJ', 'CY', 'HB', 'TJ']);
    expect([...regionAndDescendants(ENTRIES, 'CY')]).toEqual(['CY']);
  });

  it('suggests the next free code under a parent, case-insensitively', () => {
    // Route codes are unique over all regions: HB-01 and HB-02 are routes of 北京 already.
    expect(suggestCode(ENTRIES, 'route', 'HB')).toBe('HB-03');
    expect(suggestCode(ENTRIES, 'route', 'BJ')).toBe('BJ-01');
    const taken = [...ENTRIES, entry('route', 'bj-01', 'x', 'BJ')];
    expect(suggestCode(taken, 'route', 'BJ')).toBe('BJ-02');
    expect(suggestCode(ENTRIES, 'grade', null)).toBe('01');
    // A sub-region's suggestion skips the route codes too.
    expect(suggestCode(ENTRIES, 'region', 'HB')).toBe('HB-03');
  });

  it('moves one item without touching the original list', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(list, 1, 9)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the classification view layout', () => {
  it('lists keys in the dictionary’s order, unknown codes after, not classified last', () => {
    expect(orderKeys('grade', ['', 'A', 'Z', 'B', 'C'], ENTRIES)).toEqual(['B', 'C', 'A', 'Z', '']);
    expect(orderKeys('region', ['HD', 'CY', '', 'TJ'], ENTRIES)).toEqual(['TJ', 'CY', 'HD', '']);
    expect(orderKeys('route', ['HD-01', 'HB-01', 'HB-02'], ENTRIES)).toEqual(['HB-02', 'HB-01', 'HD-01']);
    expect(orderKeys('lifecycle', ['lapsed', 'potential', 'active'], ENTRIES)).toEqual([
      'potential',
      'active',
      'lapsed',
    ]);
    expect(orderKeys('volumeTier', ['scattered', 'key'], ENTRIES)).toEqual(['key', 'scattered']);
    const names: Record<string, string> = { zhao: '赵业务', li: '李业务' };
    expect(orderKeys('assignedRep', ['zhao', '', 'li'], ENTRIES, (u) => names[u] ?? u)).toEqual(['li', 'zhao', '']);
  });

  it('builds a cross table whose row and column totals add up to the groups', () => {
    const result: ClassGroups = {
      axes: ['grade', 'lifecycle'],
      totalCustomers: 10,
      totalCents: 1_000_00,
      groups: [
        { keys: ['A', 'active'], customers: 3, cents: 600_00 },
        { keys: ['A', 'new'], customers: 1, cents: 100_00 },
        { keys: ['B', 'active'], customers: 2, cents: 300_00 },
        { keys: ['', 'potential'], customers: 4, cents: 0 },
      ],
    };
    const cross = crossTable(result, (i, keys) => orderKeys(result.axes[i]!, keys, ENTRIES));
    expect(cross.rowKeys).toEqual(['B', 'A', '']);
    expect(cross.columnKeys).toEqual(['potential', 'new', 'active']);
    expect(cross.rowTotal('A')).toEqual({ customers: 4, cents: 700_00 });
    expect(cross.columnTotal('active')).toEqual({ customers: 5, cents: 900_00 });
    expect(cross.cell('B', 'new')).toBeUndefined();
    const sum = cross.rowKeys.reduce((n, r) => n + cross.rowTotal(r).customers, 0);
    expect(sum).toBe(result.totalCustomers);
  });

  it('turns a group into the card list’s filters, keeping the view’s own', () => {
    const base = { status: ['active' as const] };
    expect(filtersForGroup(base, ['grade'], ['A'])).toEqual({ status: ['active'], grade: ['A'] });
    expect(filtersForGroup(base, ['grade', 'lifecycle'], [null, 'lapsed'])).toEqual({
      status: ['active'],
      lifecycle: ['lapsed'],
    });
    expect(filtersForGroup({}, ['assignedRep', 'volumeTier'], ['', 'key'])).toEqual({
      assignedRep: [''],
      volumeTier: ['key'],
    });
    expect(base).toEqual({ status: ['active'] });
  });

  it('opens on the last 12 months up to today, as the 12-month sales are counted', () => {
    expect(lastTwelveMonths(new Date(2026, 10, 27))).toEqual({ from: '2025-11-28', to: '2026-11-27' });
    expect(lastTwelveMonths(new Date(2026, 0, 1))).toEqual({ from: '2025-01-02', to: '2026-01-01' });
    expect(lastTwelveMonths(new Date(2025, 1, 28))).toEqual({ from: '2024-02-29', to: '2025-02-28' });
    expect(thisYear(new Date(2026, 4, 9))).toEqual({ from: '2026-01-01', to: '2026-05-09' });
    expect(lastYear(new Date(2026, 4, 9))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('shows basis points as percentages with two decimals', () => {
    expect(percentOfBp(10_000)).toBe('100.00%');
    expect(percentOfBp(3_333)).toBe('33.33%');
    expect(percentOfBp(5)).toBe('0.05%');
  });
});
