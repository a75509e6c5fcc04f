import type { Selectable } from 'kysely';
import type { ClassificationAxis } from '../../src-shared/cards/card';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';

/** A stored dictionary row as readers see it. */
export function toDictionaryEntry(r: Selectable<ArchiveSchema['dictionary_entries']>): DictionaryEntry {
  return {
    axis: r.axis as ClassificationAxis,
    code: r.code,
    label: r.label,
    labelEn: r.label_en,
    parentCode: r.parent_code,
    sortOrder: r.sort_order,
    active: r.active === 1,
  };
}

/** Every dictionary entry of every classification axis, in display order. */
export async function dictionaries(call: Call): Promise<DictionaryEntry[]> {
  const rows = await call.office
    .requireArchive()
    .db.selectFrom('dictionary_entries')
    .selectAll()
    .orderBy('axis')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map(toDictionaryEntry);
}
