import type { Kysely } from 'kysely';
import type { ArchiveSchema } from '../store/schema';

/**
 * Whose figures a sales line or receipt counts for: the card it was
 * imported for, or, when that card was merged into another (possibly in a
 * chain), the card it was finally merged into — as the analyses count them
 * (src-main/analysis/roster.ts). Merged cards are few, so the chains are
 * resolved here rather than with a recursive query over every card.
 */
export async function mergedOwners(db: Kysely<ArchiveSchema>): Promise<Map<number, number>> {
  const merged = await db
    .selectFrom('customers')
    .select(['id', 'merged_into'])
    .where('merged_into', 'is not', null)
    .execute();
  const next = new Map(merged.map((m) => [m.id, m.merged_into!]));
  const owners = new Map<number, number>();
  for (const id of next.keys()) {
    let current = id;
    const seen = new Set([id]);
    while (next.has(current)) {
      const target = next.get(current)!;
      // A broken (circular) chain leaves the card counting for itself, as in the analyses.
      if (seen.has(target)) {
        current = id;
        break;
      }
      seen.add(target);
      current = target;
    }
    if (current !== id) owners.set(id, current);
  }
  return owners;
}

/** The card itself and every card merged into it: whose lines make up its figures. */
export async function cardsCountingFor(db: Kysely<ArchiveSchema>, id: number): Promise<number[]> {
  const owners = await mergedOwners(db);
  return [id, ...[...owners].filter(([, owner]) => owner === id).map(([merged]) => merged)];
}
