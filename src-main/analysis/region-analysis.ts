import { sharesOf, type Period, type RegionAnalysis } from '../../src-shared/analysis/analysis';
import { loadDictionary } from './dictionary';
import type { FigureSource } from './figure-source';
import { loadOwnerSales, type OwnerSales } from './owner-sales';
import { RegionTree } from './region-tree';
import { loadCodes, loadRoster, type CardCodes, type Roster } from './roster';

/**
 * 地区构成分析 (method 三.3 ③): the period's sales by the children of a region, each with its
 * whole subtree, for drilling down from the top level to districts and then to customers.
 */
export interface RegionFigures {
  roster: Roster;
  regions: CardCodes;
  tree: RegionTree;
  sales: OwnerSales;
}

export async function loadRegionFigures(source: FigureSource, period: Period): Promise<RegionFigures> {
  const roster = await loadRoster(source);
  const regions = await loadCodes(source, roster, 'region');
  const tree = new RegionTree(await loadDictionary(source, 'region'));
  const sales = await loadOwnerSales(source, roster, period);
  return { roster, regions, tree, sales };
}

export function regionAnalysisOf(period: Period, parent: string | null, figures: RegionFigures): RegionAnalysis {
  const { roster, regions, tree, sales } = figures;
  tree.requireParent(parent);
  const groupOfCode = regions.codes.map((code) => tree.groupUnder(parent, code));
  const byKey = new Map<string, { customers: number; cents: number }>();
  for (let id = 0; id < roster.size; id++) {
    if (roster.owner[id] !== id || sales.lines[id] === 0) continue;
    const key = groupOfCode[regions.of[id]!];
    if (key === null || key === undefined) continue;
    const group = byKey.get(key) ?? { customers: 0, cents: 0 };
    group.customers += 1;
    group.cents += sales.cents[id]!;
    byKey.set(key, group);
  }
  const children = tree.children(parent);
  const keys = [...children];
  // Unknown codes (top level only) after the dictionary's, then the parent itself, then no region.
  for (const key of [...byKey.keys()].filter((k) => k !== '' && k !== parent && !children.includes(k)).sort()) {
    keys.push(key);
  }
  if (parent !== null && byKey.has(parent)) keys.push(parent);
  if (parent === null && byKey.has('')) keys.push('');
  const rows = keys.map((key) => ({ key, ...(byKey.get(key) ?? { customers: 0, cents: 0 }) }));
  const shares = sharesOf(rows.map((r) => r.cents));
  return {
    period,
    parent,
    path: parent === null ? [] : tree.path(parent),
    totalCents: rows.reduce((sum, r) => sum + r.cents, 0),
    groups: rows.map((r, i) => ({
      ...r,
      shareBp: shares[i]!,
      hasChildren: r.key !== '' && r.key !== parent && tree.children(r.key).length > 0,
    })),
  };
}
