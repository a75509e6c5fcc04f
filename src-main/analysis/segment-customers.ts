import { CompiledQuery } from 'kysely';
import { AGEING_BUCKETS, type Period, type Segment, type SegmentCustomers } from '../../src-shared/analysis/analysis';
import { KedangError } from '../errors';
import { creditSegmentFigures, loadCreditFigures } from './credit-analysis';
import { byFigure, customerFigures, type Figure } from './customer-rows';
import { loadDictionary } from './dictionary';
import type { FigureSource } from './figure-source';
import { paretoOf, paretoOrder } from './grade-analysis';
import { loadOwnerSales, type OwnerSales, type ProductFilter } from './owner-sales';
import { loadCrossTabColumns } from './product-analysis';
import { RegionTree } from './region-tree';
import { loadCodes, loadRoster, type Roster } from './roster';

/** At most this many customers are listed; `total` counts them all. */
export const SEGMENT_ROWS = 1000;

/**
 * The customers behind a chart segment, each with that segment's figure: their sales in the
 * period (grade, region, product and Pareto segments) or, as of the period's last day, their
 * outstanding balance, the part of it in an age bucket, or how far they are over their limit.
 * Only customers with at least one sales line in the period count for the sales segments, as in
 * the analyses' customer counts; the credit segments take the credit analysis's customers.
 */
export async function segmentCustomersOf(
  source: FigureSource,
  period: Period,
  segment: Segment,
): Promise<SegmentCustomers> {
  const figures = (await segmentFigures(source, period, segment)).sort(byFigure);
  return {
    total: figures.length,
    totalCents: figures.reduce((sum, f) => sum + f.cents, 0),
    rows: await customerFigures(source, figures.slice(0, SEGMENT_ROWS)),
  };
}

const PRODUCT_EXISTS = (id: number) => CompiledQuery.raw('SELECT id FROM products WHERE id = ?', [id]);

async function segmentFigures(source: FigureSource, period: Period, segment: Segment): Promise<Figure[]> {
  switch (segment.kind) {
    case 'creditGrade':
      return creditSegmentFigures(await loadCreditFigures(source, period.to), { creditGrade: segment.creditGrade });
    case 'ageing':
      return creditSegmentFigures(await loadCreditFigures(source, period.to), {
        bucket: AGEING_BUCKETS.indexOf(segment.bucket),
      });
    case 'overLimit':
      return creditSegmentFigures(await loadCreditFigures(source, period.to), { overLimit: true });
    case 'pareto80': {
      const roster = await loadRoster(source);
      const sales = await loadOwnerSales(source, roster, period);
      const bought = boughtOf(sales);
      const { customersFor80 } = paretoOf(sales.cents, bought);
      return paretoOrder({ current: sales.cents, bought })
        .slice(0, customersFor80)
        .map((id) => ({ id, cents: sales.cents[id]! }));
    }
    case 'grade': {
      const roster = await loadRoster(source);
      const grades = await loadCodes(source, roster, 'grade');
      const sales = await loadOwnerSales(source, roster, period);
      return buyers(roster, sales, (id) => grades.codes[grades.of[id]!] === segment.grade);
    }
    case 'region': {
      const roster = await loadRoster(source);
      const regions = await loadCodes(source, roster, 'region');
      const tree = new RegionTree(await loadDictionary(source, 'region'));
      if (segment.region !== '') tree.requireParent(segment.region);
      const inside = regions.codes.map((code) =>
        segment.region === ''
          ? code === ''
          : segment.exact
            ? code === segment.region
            : tree.within(segment.region, code),
      );
      const sales = await loadOwnerSales(source, roster, period);
      return buyers(roster, sales, (id) => inside[regions.of[id]!]!);
    }
    case 'product': {
      let products: ProductFilter = null;
      if (segment.productId !== undefined) {
        if ((await source.rows(PRODUCT_EXISTS(segment.productId))).length === 0)
          throw new KedangError('PRODUCT_NOT_FOUND');
        products = { productId: segment.productId };
      } else if (segment.category !== undefined) {
        products = { category: segment.category };
      }
      const roster = await loadRoster(source);
      const sales = await loadOwnerSales(source, roster, period, products);
      const column = segment.column;
      if (!column) return buyers(roster, sales, () => true);
      const columns = await loadCrossTabColumns(source, roster, column.by);
      const wanted = columns.keys.indexOf(column.key);
      return buyers(roster, sales, (id) => columns.of[id] === wanted);
    }
  }
}

function boughtOf(sales: OwnerSales): Uint8Array {
  const bought = new Uint8Array(sales.lines.length);
  for (let id = 0; id < bought.length; id++) bought[id] = sales.lines[id]! > 0 ? 1 : 0;
  return bought;
}

/** The customers (not merged cards) with at least one line in the tally, where `keep` says so. */
function buyers(roster: Roster, sales: OwnerSales, keep: (id: number) => boolean): Figure[] {
  const list: Figure[] = [];
  for (let id = 1; id < roster.size; id++) {
    if (roster.owner[id] !== id || !(sales.lines[id]! > 0) || !keep(id)) continue;
    list.push({ id, cents: sales.cents[id]! });
  }
  return list;
}
