import type { Kysely } from 'kysely';
import type { CardStatus } from '../../src-shared/cards/card';
import { normalizeCreditCode } from '../../src-shared/cards/credit-code';
import { nameKey, phoneKey } from '../../src-shared/cards/normalize';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type { DuplicateCandidate } from '../../src-shared/contracts/cards';
import type { Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';

/** Likely duplicates: the same credit code, the same phone digits, or the same name once legal-form words are removed. */
export async function findDuplicateCards(
  db: Kysely<ArchiveSchema>,
  probe: { name: string; creditCode: string; phone: string; excludeId?: number | undefined },
): Promise<DuplicateCandidate[]> {
  const credit = normalizeCreditCode(probe.creditCode);
  const phone = phoneKey(probe.phone);
  const key = nameKey(probe.name);
  const conditions: Array<['credit_code' | 'phone_key' | 'name_key', string]> = [];
  if (credit.length >= 15) conditions.push(['credit_code', credit]);
  if (phone.length >= 7) conditions.push(['phone_key', phone]);
  if (key.length >= 2) conditions.push(['name_key', key]);
  if (conditions.length === 0) return [];
  let q = db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'status', 'credit_code', 'phone_key', 'name_key'])
    .where('status', '<>', 'merged')
    .where((eb) => eb.or(conditions.map(([column, value]) => eb(column, '=', value))));
  if (probe.excludeId !== undefined) q = q.where('id', '<>', probe.excludeId);
  const rows = await q.limit(20).execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status as CardStatus,
    reasons: [
      ...(credit.length >= 15 && r.credit_code === credit ? (['creditCode'] as const) : []),
      ...(phone.length >= 7 && r.phone_key === phone ? (['phone'] as const) : []),
      ...(key.length >= 2 && r.name_key === key ? (['name'] as const) : []),
    ],
  }));
}

export async function findDuplicates(
  call: Call,
  input: ParsedInputOf<'cards.findDuplicates'>,
): Promise<DuplicateCandidate[]> {
  return findDuplicateCards(call.office.requireArchive().db, input);
}
