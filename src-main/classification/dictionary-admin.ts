import { sql, type Kysely, type Selectable } from 'kysely';
import type { ClassificationAxis } from '../../src-shared/cards/card';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { AXIS_COLUMNS } from './axis-columns';
import { dictionaries } from './dictionaries-service';

/**
 * The administrator's dictionaries (method 三.2): the values of every classification axis, the
 * region tree and the routes within regions. Cards keep an entry's code, so a code never changes
 * once created; an entry cards still use is deactivated rather than deleted (it stays valid on
 * those cards and is no longer offered for new choices, as checkReferences already treats it).
 * Every change is one transaction with one `dictionary_change` log row.
 */

type EntryRow = Selectable<ArchiveSchema['dictionary_entries']>;

const NONE = '—';

async function findEntry(db: Kysely<ArchiveSchema>, axis: string, code: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('dictionary_entries')
    .selectAll()
    .where('axis', '=', axis)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Each region's parent region (null at the top). */
async function regionParents(db: Kysely<ArchiveSchema>): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('dictionary_entries')
    .select(['code', 'parent_code'])
    .where('axis', '=', 'region')
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent_code]));
}

/**
 * A region's parent is another region that is neither the region itself nor below it (the tree
 * never loops); a route's parent is a region and is required; the other axes are flat.
 */
async function checkParent(
  db: Kysely<ArchiveSchema>,
  axis: ClassificationAxis,
  code: string,
  parentCode: string | null,
): Promise<void> {
  if (axis !== 'region' && axis !== 'route') {
    if (parentCode !== null) throw new KedangError('ENTRY_PARENT_INVALID');
    return;
  }
  if (parentCode === null) {
    if (axis === 'route') throw new KedangError('ENTRY_PARENT_INVALID');
    return;
  }
  const regions = await regionParents(db);
  if (!regions.has(parentCode)) throw new KedangError('ENTRY_PARENT_INVALID');
  if (axis === 'route') return;
  let ancestor: string | null = parentCode;
  for (let steps = 0; ancestor !== null && steps <= regions.size; steps++) {
    if (ancestor === code) throw new KedangError('ENTRY_PARENT_INVALID');
    ancestor = regions.get(ancestor) ?? null;
  }
}

/** The next place at the end of a parent's entries (or of a flat axis). */
async function nextSortOrder(db: Kysely<ArchiveSchema>, axis: string, parentCode: string | null): Promise<number> {
  const row = await db
    .selectFrom('dictionary_entries')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('axis', '=', axis)
    .where('parent_code', 'is', parentCode)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** How many cards (any status, merged ones included) carry the entry's code on its axis. */
async function cardsUsing(db: Kysely<ArchiveSchema>, axis: ClassificationAxis, code: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(AXIS_COLUMNS[axis], '=', code)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const labelOf = async (db: Kysely<ArchiveSchema>, region: string | null) =>
  region === null ? NONE : ((await findEntry(db, 'region', region))?.label ?? region);

/**
 * Adds an entry (create) or changes one. Creating: the code must be new on its axis, compared
 * without regard to letter case (A and a would look the same in a list). Changing: the code is
 * the key and never changes; label, English label, parent and active state may. A route that
 * cards use does not move to another region: its cards' region would no longer match, and the
 * administrator does not change cards (ROUTE_HAS_CARDS). An entry moved to another parent goes to
 * the end of its new siblings. A save that changes nothing writes nothing.
 */
export async function saveEntry(
  call: Call,
  input: ParsedInputOf<'classification.saveEntry'>,
): Promise<OutputOf<'classification.saveEntry'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  await office.transaction(async (trx, log) => {
    const entryLog = (parts: LogDetailPart[]) =>
      log(
        trx,
        office.entry(connection, session, {
          action: 'dictionary_change',
          target: `${input.axis}/${input.code}`,
          outcome: 'success',
          detail: logDetail(...parts),
        }),
      );
    if (input.create) {
      const taken = await trx
        .selectFrom('dictionary_entries')
        .select('code')
        .where('axis', '=', input.axis)
        .where(sql<string>`lower(code)`, '=', input.code.toLowerCase())
        .executeTakeFirst();
      if (taken) throw new KedangError('ENTRY_CODE_TAKEN');
      await checkParent(trx, input.axis, input.code, input.parentCode);
      await trx
        .insertInto('dictionary_entries')
        .values({
          axis: input.axis,
          code: input.code,
          label: input.label,
          label_en: input.labelEn,
          parent_code: input.parentCode,
          sort_order: await nextSortOrder(trx, input.axis, input.parentCode),
          active: input.active ? 1 : 0,
        })
        .execute();
      const parts: LogDetailPart[] = [['entryCreated', { axis: input.axis, code: input.code, label: input.label }]];
      if (input.parentCode !== null) {
        parts.push(['entryParent', { before: NONE, after: await labelOf(trx, input.parentCode) }]);
      }
      if (!input.active) parts.push(['entryDeactivated']);
      await entryLog(parts);
      return;
    }

    const existing = await findEntry(trx, input.axis, input.code);
    if (!existing) throw new KedangError('ENTRY_NOT_FOUND');
    const changes: LogDetailPart[] = [];
    if (existing.label !== input.label) changes.push(['entryLabel', { before: existing.label, after: input.label }]);
    if (existing.label_en !== input.labelEn) {
      changes.push(['entryLabelEn', { before: existing.label_en || NONE, after: input.labelEn || NONE }]);
    }
    const moved = existing.parent_code !== input.parentCode;
    if (moved) {
      await checkParent(trx, input.axis, input.code, input.parentCode);
      if (input.axis === 'route' && (await cardsUsing(trx, 'route', input.code)) > 0) {
        throw new KedangError('ROUTE_HAS_CARDS');
      }
      changes.push([
        'entryParent',
        { before: await labelOf(trx, existing.parent_code), after: await labelOf(trx, input.parentCode) },
      ]);
    }
    if ((existing.active === 1) !== input.active)
      changes.push([input.active ? 'entryReactivated' : 'entryDeactivated']);
    if (changes.length === 0) return;
    await trx
      .updateTable('dictionary_entries')
      .set({
        label: input.label,
        label_en: input.labelEn,
        parent_code: input.parentCode,
        active: input.active ? 1 : 0,
        ...(moved ? { sort_order: await nextSortOrder(trx, input.axis, input.parentCode) } : {}),
      })
      .where('axis', '=', input.axis)
      .where('code', '=', input.code)
      .execute();
    await entryLog([['entryChanged', { axis: input.axis, code: input.code }], ...changes]);
  });
  return dictionaries(call);
}

/**
 * Puts the entries under one parent (regions: null for the top level; routes: their region;
 * other axes: null) in the given order, numbered 1, 2, … The codes must be exactly that parent's
 * entries, each once: a list read before someone else added or moved an entry is refused
 * (INVALID_INPUT at `codes`) rather than half applied.
 */
export async function reorderEntries(
  call: Call,
  input: ParsedInputOf<'classification.reorderEntries'>,
): Promise<OutputOf<'classification.reorderEntries'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  await office.transaction(async (trx, log) => {
    if (input.parentCode !== null || input.axis === 'route') {
      // The parent must be a valid parent for this axis; '' stands for "no entry yet" in the loop check.
      await checkParent(trx, input.axis, '', input.parentCode);
    }
    const siblings = await trx
      .selectFrom('dictionary_entries')
      .select(['code', 'sort_order'])
      .where('axis', '=', input.axis)
      .where('parent_code', 'is', input.parentCode)
      .execute();
    const wanted = new Set(input.codes);
    if (
      wanted.size !== input.codes.length ||
      siblings.length !== input.codes.length ||
      !siblings.every((s) => wanted.has(s.code))
    ) {
      throw new KedangError('INVALID_INPUT', undefined, { codes: 'unknownValue' });
    }
    const current = new Map(siblings.map((s) => [s.code, s.sort_order]));
    let moved = 0;
    for (const [index, code] of input.codes.entries()) {
      if (current.get(code) === index + 1) continue;
      moved += 1;
      await trx
        .updateTable('dictionary_entries')
        .set({ sort_order: index + 1 })
        .where('axis', '=', input.axis)
        .where('code', '=', code)
        .execute();
    }
    if (moved === 0) return;
    await log(
      trx,
      office.entry(connection, session, {
        action: 'dictionary_change',
        target: input.parentCode === null ? input.axis : `${input.axis}/${input.parentCode}`,
        outcome: 'success',
        detail: logDetail(
          input.parentCode === null
            ? ['entriesReordered', { axis: input.axis, count: input.codes.length }]
            : [
                'entriesReorderedUnder',
                { axis: input.axis, parent: await labelOf(trx, input.parentCode), count: input.codes.length },
              ],
        ),
      }),
    );
  });
  return dictionaries(call);
}

/**
 * Deletes an entry nothing refers to: no card of any status (merged ones included) carries it, and
 * for a region no sub-region or route lies under it. Otherwise ENTRY_IN_USE (with the counts):
 * deactivate it instead.
 */
export async function deleteEntry(
  call: Call,
  input: ParsedInputOf<'classification.deleteEntry'>,
): Promise<OutputOf<'classification.deleteEntry'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  await office.transaction(async (trx, log) => {
    const existing = await findEntry(trx, input.axis, input.code);
    if (!existing) throw new KedangError('ENTRY_NOT_FOUND');
    const cards = await cardsUsing(trx, input.axis, input.code);
    const children =
      input.axis === 'region'
        ? Number(
            (
              await trx
                .selectFrom('dictionary_entries')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('axis', 'in', ['region', 'route'])
                .where('parent_code', '=', input.code)
                .executeTakeFirst()
            )?.n ?? 0,
          )
        : 0;
    if (cards > 0 || children > 0) throw new KedangError('ENTRY_IN_USE', { cards, children });
    await trx.deleteFrom('dictionary_entries').where('axis', '=', input.axis).where('code', '=', input.code).execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'dictionary_change',
        target: `${input.axis}/${input.code}`,
        outcome: 'success',
        detail: logDetail(['entryDeleted', { axis: input.axis, code: input.code, label: existing.label }]),
      }),
    );
  });
  return dictionaries(call);
}
