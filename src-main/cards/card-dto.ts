import type { Kysely } from 'kysely';
import type { CardContent, CardStatus } from '../../src-shared/cards/card';
import type { CardDto } from '../../src-shared/contracts/cards';
import type { ProspectOrigin } from '../../src-shared/upkeep/upkeep';
import type { ArchiveSchema } from '../store/schema';
import type { CustomerRow } from './card-records';
import { maskPersonal } from './masking';

/** The reader's view of a card at one version; personal notes blanked unless `reveal`. */
export async function toCardDto(
  db: Kysely<ArchiveSchema>,
  row: CustomerRow,
  content: CardContent,
  version: number,
  reveal: boolean,
): Promise<CardDto> {
  let mergedInto: CardDto['mergedInto'] = null;
  if (row.merged_into !== null) {
    const target = await db
      .selectFrom('customers')
      .select(['id', 'code', 'name'])
      .where('id', '=', row.merged_into)
      .executeTakeFirst();
    if (target) mergedInto = target;
  }
  return {
    id: row.id,
    status: row.status as CardStatus,
    version,
    latestVersion: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    mergedInto,
    content: reveal ? content : maskPersonal(content),
    personalMasked: !reveal,
    prospect: row.prospect
      ? {
          origin: row.prospect_origin as ProspectOrigin,
          originNote: row.prospect_note,
          nextStep: row.next_step,
          nextStepOn: row.next_step_on,
        }
      : null,
    convertedAt: row.converted_at,
  };
}
