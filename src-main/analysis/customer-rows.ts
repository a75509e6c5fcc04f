import { CompiledQuery } from 'kysely';
import type { CustomerFigure } from '../../src-shared/analysis/analysis';
import { yuanToCents } from '../../src-shared/sales/sales';
import type { FigureSource } from './figure-source';

interface CardRow {
  id: number;
  code: string;
  name: string;
  grade: string;
  creditGrade: string;
  region: string;
  creditLimit: number | null;
}

/** Ids per statement: well under SQLite's limit of bound parameters. */
const CHUNK = 500;

export function cardRowsStatement(ids: readonly number[]): CompiledQuery {
  return CompiledQuery.raw(
    `SELECT id, code, name, grade, credit_grade AS creditGrade, region, credit_limit AS creditLimit
       FROM customers WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
}

/** A customer's figure with what the list shows of its card. */
export interface Figure {
  id: number;
  cents: number;
  outstandingCents?: number;
}

/**
 * The rows of a customer list, in the order given: each figure with the card's code, name and
 * classification as filed today (the figures already count merged cards for their customer).
 */
export async function customerFigures(source: FigureSource, figures: readonly Figure[]): Promise<CustomerFigure[]> {
  const cards = new Map<number, CardRow>();
  for (let start = 0; start < figures.length; start += CHUNK) {
    const ids = figures.slice(start, start + CHUNK).map((f) => f.id);
    for (const row of await source.rows<CardRow>(cardRowsStatement(ids))) cards.set(row.id, row);
  }
  return figures.flatMap((f) => {
    const card = cards.get(f.id);
    if (!card) return [];
    return [
      {
        id: card.id,
        code: card.code,
        name: card.name,
        grade: card.grade,
        creditGrade: card.creditGrade,
        region: card.region,
        cents: f.cents,
        limitCents: card.creditLimit === null ? null : yuanToCents(card.creditLimit),
        outstandingCents: f.outstandingCents ?? null,
      },
    ];
  });
}

/** Largest figure first; equal figures by card id, so a list is the same every time. */
export function byFigure(a: Figure, b: Figure): number {
  return b.cents - a.cents || a.id - b.id;
}
