import { sql, type Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { ProspectRow } from '../../src-shared/contracts/upkeep';
import { logDetail } from '../../src-shared/log-details';
import type { ProspectInfo, ProspectOrigin } from '../../src-shared/upkeep/upkeep';
import { createCard } from '../cards/card-changes';
import { toCardDto } from '../cards/card-dto';
import { loadCard, saveVersion, type CustomerRow } from '../cards/card-records';
import { scopeOf } from '../cards/card-search';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';

/**
 * Potential customers (method 四.2 潜在客户): a prospect is a card like any
 * other, flagged with where it came from and the next step until it is
 * converted. Converting keeps the card, its code and its whole history.
 */

/** The customers columns of a prospect's details. */
function prospectColumns(info: ProspectInfo) {
  return {
    prospect: 1,
    prospect_origin: info.origin,
    prospect_note: info.originNote,
    next_step: info.nextStep,
    next_step_on: info.nextStepOn,
  };
}

/** A prospect list line from the card's row (also the overview's prospect part). */
export function toProspectRow(row: CustomerRow): ProspectRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    contact: row.contact,
    assignedRep: row.assigned_rep,
    origin: row.prospect_origin as ProspectOrigin,
    originNote: row.prospect_note,
    nextStep: row.next_step,
    nextStepOn: row.next_step_on,
    lastVisitOn: row.last_visit_on,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** LIKE with the user's % and _ taken literally. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Active prospects in the reader's scope, the next step due first (none set last), then by name; the
 * search looks in the name, short name, code, phone and contact (as the search box says).
 */
export async function listProspects(
  call: Call,
  input: ParsedInputOf<'prospects.list'>,
): Promise<OutputOf<'prospects.list'>> {
  const db = call.office.requireArchive().db;
  const scope = scopeOf(sessionOf(call));
  let query = db.selectFrom('customers').where('prospect', '=', 1).where('status', '=', 'active');
  if (scope.repUsername !== null) query = query.where(sql<boolean>`assigned_rep = ${scope.repUsername} COLLATE NOCASE`);
  if (input.rep !== undefined) query = query.where(sql<boolean>`assigned_rep = ${input.rep} COLLATE NOCASE`);
  if (input.origin !== undefined) query = query.where('prospect_origin', '=', input.origin);
  if (input.query !== '') {
    const pattern = likeEscaped(input.query);
    query = query.where(
      sql<boolean>`(name LIKE ${pattern} ESCAPE '\\' OR code LIKE ${pattern} ESCAPE '\\' OR phone LIKE ${pattern} ESCAPE '\\' OR short_name LIKE ${pattern} ESCAPE '\\' OR contact LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll()
    .orderBy(sql`next_step_on IS NULL`)
    .orderBy('next_step_on')
    .orderBy('name_sort')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { rows: rows.map(toProspectRow), total: Number(total?.n ?? 0) };
}

/** A new prospect's card: created as cards.create does (duplicate check, version 1, card_create), flagged in the same transaction. */
export async function createProspect(
  call: Call,
  input: ParsedInputOf<'prospects.create'>,
): Promise<OutputOf<'prospects.create'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  return createCard(
    call,
    { content: input.content, acceptDuplicates: input.acceptDuplicates },
    async (trx, created, log) => {
      await trx.updateTable('customers').set(prospectColumns(input.prospect)).where('id', '=', created.id).execute();
      await log(
        trx,
        office.entry(connection, session, {
          action: 'prospect_change',
          target: created.code,
          outcome: 'success',
          detail: logDetail(['prospectCreated']),
        }),
      );
    },
  );
}

async function hasSales(db: Kysely<ArchiveSchema>, id: number): Promise<boolean> {
  const line = await db
    .selectFrom('sales_lines')
    .select('id')
    .where('customer_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return line !== undefined;
}

/**
 * Sets a prospect's origin and next step. A card that is not a prospect becomes one only while it has
 * never bought anything (CARD_HAS_SALES). No card version: these details sit beside the card's content.
 */
export async function saveProspect(
  call: Call,
  input: ParsedInputOf<'prospects.save'>,
): Promise<OutputOf<'prospects.save'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const db = office.requireArchive().db;
  await office.transaction(async (trx, log) => {
    const { row } = await loadCard(trx, input.id);
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    const marking = row.prospect !== 1;
    if (marking && (await hasSales(trx, row.id))) throw new KedangError('CARD_HAS_SALES');
    await trx.updateTable('customers').set(prospectColumns(input.prospect)).where('id', '=', row.id).execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'prospect_change',
        target: row.code,
        outcome: 'success',
        detail: logDetail([marking ? 'prospectMarked' : 'prospectUpdated']),
      }),
    );
  });
  const { row } = await loadCard(db, input.id);
  return toProspectRow(row);
}

/**
 * The prospect becomes a customer: a 'convert' version (written although no field changes, so the
 * history shows the day), the flag cleared, the moment kept. Same id, code and history; where it came
 * from stays in its columns for the record.
 */
export async function convertProspect(
  call: Call,
  input: ParsedInputOf<'prospects.convert'>,
): Promise<OutputOf<'prospects.convert'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  await office.transaction(async (trx, log) => {
    const { row, content } = await loadCard(trx, input.id);
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    if (row.prospect !== 1) throw new KedangError('NOT_A_PROSPECT');
    const saved = await saveVersion(
      trx,
      row.id,
      input.expectedVersion,
      content,
      { username: session.username, displayName: session.displayName },
      at,
      'convert',
    );
    await trx.updateTable('customers').set({ prospect: 0, converted_at: at }).where('id', '=', row.id).execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'prospect_convert',
        target: row.code,
        outcome: 'success',
        detail: logDetail(['prospectConverted'], ['cardVersion', { version: saved.version }]),
      }),
    );
  });
  const db = office.requireArchive().db;
  const { row, content } = await loadCard(db, input.id);
  return toCardDto(db, row, content, row.version, false);
}
