import type { Kysely } from 'kysely';
import type { CardContent } from '../../src-shared/cards/card';
import { diffCards, isPersonalChange, type FieldChange } from '../../src-shared/cards/card-diff';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type { CardDto, CardPage, CardVersionDto, VersionKind } from '../../src-shared/contracts/cards';
import { logDetail } from '../../src-shared/log-details';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { toCardDto } from './card-dto';
import { loadCard, versionContent } from './card-records';
import { inScope, scopeOf, searchCards } from './card-search';

/**
 * Reading cards: the list, a card (logged as a view), its reveal, its
 * history and its versions. Every read applies the reader's scope.
 */

/** A card the session may read at all; a rep asking for another rep's card is told it does not exist. */
async function readableCard(call: Call, id: number) {
  const session = sessionOf(call);
  const card = await loadCard(call.office.requireArchive().db, id);
  if (!inScope(card.row.assigned_rep, scopeOf(session))) throw new KedangError('CARD_NOT_FOUND');
  return card;
}

export async function searchCardList(call: Call, input: ParsedInputOf<'cards.search'>): Promise<CardPage> {
  const scope = scopeOf(sessionOf(call));
  return searchCards(call.office.requireArchive().db, input, scope, input.offset, input.limit);
}

/** Opening a card (or one of its versions) is logged as a view; personal notes stay masked. */
export async function getCard(call: Call, input: ParsedInputOf<'cards.get'>): Promise<CardDto> {
  return openCard(call, input.id, input.version, false);
}

/** The card with its personal notes; the reveal is logged per card. */
export async function revealCard(call: Call, input: ParsedInputOf<'cards.reveal'>): Promise<CardDto> {
  return openCard(call, input.id, input.version, true);
}

async function openCard(call: Call, id: number, version: number | undefined, reveal: boolean): Promise<CardDto> {
  const session = sessionOf(call);
  const { row, content: current } = await readableCard(call, id);
  const { office } = call;
  const db = office.requireArchive().db;
  const shown = version ?? row.version;
  const content = version === undefined || version === row.version ? current : await versionContent(db, id, version);
  await office.transaction(async (trx, log) => {
    await log(
      trx,
      office.entry(call.connection, session, {
        action: reveal ? 'card_reveal' : 'card_view',
        target: row.code,
        outcome: 'success',
        detail: logDetail(['cardVersion', { version: shown }]),
      }),
    );
  });
  return toCardDto(db, row, content, shown, reveal);
}

/** Every version of the card and of the cards merged into it, newest first. */
export async function cardHistory(call: Call, input: ParsedInputOf<'cards.history'>): Promise<CardVersionDto[]> {
  const session = sessionOf(call);
  const { row } = await readableCard(call, input.id);
  const { office } = call;
  const db = office.requireArchive().db;
  const ids = await mergedFamily(db, row.id);
  const codes = new Map<number, string>();
  for (const r of await db.selectFrom('customers').select(['id', 'code']).where('id', 'in', ids).execute()) {
    codes.set(r.id, r.code);
  }
  const versions = await db
    .selectFrom('card_versions')
    .select(['customer_id', 'version', 'at', 'by_name', 'kind', 'note', 'changes', 'content'])
    .where('customer_id', 'in', ids)
    .orderBy('at', 'desc')
    .orderBy('version', 'desc')
    .execute();
  await office.transaction(async (trx, log) => {
    await log(
      trx,
      office.entry(call.connection, session, {
        action: 'card_view',
        target: row.code,
        outcome: 'success',
        detail: logDetail(['cardHistory']),
      }),
    );
  });
  // Personal notes are never shown in the history: a reader who may see them opens that version and reveals it.
  return versions.map((v) => ({
    cardId: v.customer_id,
    cardCode: codes.get(v.customer_id) ?? '',
    version: v.version,
    at: v.at,
    by: v.by_name,
    kind: v.kind as VersionKind,
    note: v.note,
    changes: changesOf(v).map((c) => (isPersonalChange(c) ? { path: c.path, from: null, to: null, masked: true } : c)),
  }));
}

/** A version's field changes; the first version's are its whole content (computed, not stored). */
function changesOf(v: { version: number; changes: string; content: string }): FieldChange[] {
  return v.version === 1
    ? diffCards(null, JSON.parse(v.content) as CardContent)
    : (JSON.parse(v.changes) as FieldChange[]);
}

/** The card and every card merged into it, directly or through another merged card. */
/** The card and every card merged into it, at any depth: their history, reports and sales are this customer's. */
export async function mergedFamily(db: Kysely<ArchiveSchema>, id: number): Promise<number[]> {
  const family = [id];
  for (let i = 0; i < family.length && family.length < 1000; i++) {
    const children = await db.selectFrom('customers').select('id').where('merged_into', '=', family[i]!).execute();
    for (const c of children) if (!family.includes(c.id)) family.push(c.id);
  }
  return family;
}

export async function versionAt(
  call: Call,
  input: ParsedInputOf<'cards.versionAt'>,
): Promise<{ version: number | null }> {
  await readableCard(call, input.id);
  const at = new Date(input.at).toISOString();
  const found = await call.office
    .requireArchive()
    .db.selectFrom('card_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('customer_id', '=', input.id)
    .where('at', '<=', at)
    .executeTakeFirst();
  return { version: found?.version == null ? null : Number(found.version) };
}

export async function listReps(call: Call): Promise<{ username: string; displayName: string }[]> {
  const rows = await call.office
    .requireArchive()
    .db.selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'users.display_name'])
    .where('user_roles.role', '=', 'rep')
    .where('users.active', '=', 1)
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({ username: r.username, displayName: r.display_name }));
}
