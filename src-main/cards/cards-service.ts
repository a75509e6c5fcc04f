import type { Kysely } from 'kysely';
import type { CardContent } from '../../src-shared/cards/card';
import { diffCards, isPersonalChange, type FieldChange } from '../../src-shared/cards/card-diff';
import { completeSources } from '../../src-shared/cards/card-schema';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { ClassificationAxis } from '../../src-shared/cards/card';
import { nameKey, phoneKey } from '../../src-shared/cards/normalize';
import { normalizeCreditCode } from '../../src-shared/cards/credit-code';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type {
  CardDto,
  CardPage,
  CardPrintJob,
  CardVersionDto,
  DuplicateCandidate,
  VersionKind,
} from '../../src-shared/contracts/cards';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { rolesGrant } from '../../src-shared/permissions';
import { SECTION_LABELS_ZH } from '../../src-shared/cards/card-fields';
import { KedangError } from '../errors';
import type { Session } from '../office';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { toCardDto } from './card-dto';
import { mergeContents } from '../../src-shared/cards/card-merge';
import {
  checkReferences,
  insertCard,
  loadCard,
  saveVersion,
  stampVerification,
  unverifyChangedCustomerForms,
  versionContent,
  type Author,
  type CustomerRow,
} from './card-records';
import { scopeOf, searchCards } from './card-search';
import type { CardStatus } from '../../src-shared/cards/card';

const authorOf = (session: Session): Author => ({ username: session.username, displayName: session.displayName });
const mayReveal = (session: Session) => rolesGrant(session.roles, 'cards.revealPersonal');

/** A card the session may read at all; a rep asking for another rep's card is told it does not exist. */
async function readableCard(call: Call, id: number) {
  const session = sessionOf(call);
  const card = await loadCard(call.office.requireArchive().db, id);
  const scope = scopeOf(session);
  if (scope.repUsername !== null && card.row.assigned_rep.toLowerCase() !== scope.repUsername.toLowerCase()) {
    throw new KedangError('CARD_NOT_FOUND');
  }
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
async function mergedFamily(db: Kysely<ArchiveSchema>, id: number): Promise<number[]> {
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

/** The card after a change, personal notes masked: showing them again is a reveal, and reveals are logged. */
async function writtenCard(call: Call, id: number): Promise<CardDto> {
  const db = call.office.requireArchive().db;
  const { row, content } = await loadCard(db, id);
  return toCardDto(db, row, content, row.version, false);
}

/** Creates a card; a likely duplicate is refused unless the custodian has looked and accepted it. */
export async function createCard(call: Call, input: ParsedInputOf<'cards.create'>): Promise<CardDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  const content = stampVerification(null, completeSources(input.content), authorOf(session), at);
  const id = await office.transaction(async (trx, log) => {
    await checkReferences(trx, content, null);
    const duplicates = await findDuplicateCards(trx, content.basic);
    if (duplicates.length > 0 && !input.acceptDuplicates) {
      throw new KedangError('DUPLICATE_SUSPECTED', { count: duplicates.length });
    }
    const created = await insertCard(trx, content, authorOf(session), at, 'create');
    const parts: LogDetailPart[] = [['cardVersion', { version: 1 }]];
    if (duplicates.length > 0) parts.push(['duplicateAccepted']);
    await log(
      trx,
      office.entry(connection, session, {
        action: 'card_create',
        target: created.content.basic.code,
        outcome: 'success',
        detail: logDetail(...parts),
      }),
    );
    return created.id;
  });
  return writtenCard(call, id);
}

/**
 * One guarded change of a card inside a transaction: load it, compute the
 * next content, save the version, write the log row. Nothing is logged or
 * written when nothing changed.
 */
async function changeCard(
  call: Call,
  id: number,
  expectedVersion: number,
  kind: VersionKind,
  next: (current: CardContent, row: CustomerRow) => CardContent,
  detail: (version: number, changes: number, row: CustomerRow) => LogDetailPart[],
  options: { note?: string; status?: CardStatus; stamp?: boolean } = {},
): Promise<CardDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  await office.transaction(async (trx, log) => {
    const { row, content } = await loadCard(trx, id);
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    if (row.version !== expectedVersion) throw new KedangError('CARD_CHANGED');
    const proposed = next(content, row);
    const stamped = options.stamp === false ? proposed : stampVerification(content, proposed, authorOf(session), at);
    await checkReferences(trx, stamped, content);
    const saved = await saveVersion(
      trx,
      id,
      expectedVersion,
      stamped,
      authorOf(session),
      at,
      kind,
      options.note ?? '',
      options.status,
    );
    if (saved.version === row.version) return;
    await log(
      trx,
      office.entry(connection, session, {
        action: 'card_edit',
        target: saved.content.basic.code,
        outcome: 'success',
        detail: logDetail(...detail(saved.version, saved.changes.length, row)),
      }),
    );
  });
  return writtenCard(call, id);
}

export async function updateCard(call: Call, input: ParsedInputOf<'cards.update'>): Promise<CardDto> {
  return changeCard(
    call,
    input.id,
    input.expectedVersion,
    'edit',
    (current) => unverifyChangedCustomerForms(current, completeSources(input.content)),
    (version, changes) => [
      ['cardVersion', { version }],
      ['fieldsChanged', { count: changes }],
    ],
  );
}

export async function verifySection(call: Call, input: ParsedInputOf<'cards.verifySection'>): Promise<CardDto> {
  return changeCard(
    call,
    input.id,
    input.expectedVersion,
    'verify',
    (current) => ({
      ...current,
      sources: { ...current.sources, [input.section]: { ...current.sources[input.section], verified: true } },
    }),
    (version) => [
      ['cardVersion', { version }],
      ['sectionVerified', { section: SECTION_LABELS_ZH[input.section] }],
    ],
  );
}

/** The older version's content becomes current again as a new version, verification marks included. */
export async function restoreVersion(call: Call, input: ParsedInputOf<'cards.restore'>): Promise<CardDto> {
  const db = call.office.requireArchive().db;
  const old = await versionContent(db, input.id, input.version);
  return changeCard(
    call,
    input.id,
    input.expectedVersion,
    'restore',
    () => old,
    (version) => [['cardRestored', { from: input.version, version }]],
    { note: String(input.version), stamp: false },
  );
}

export async function setArchived(call: Call, input: ParsedInputOf<'cards.setArchived'>): Promise<CardDto> {
  return changeCard(
    call,
    input.id,
    input.expectedVersion,
    input.archived ? 'archive' : 'reactivate',
    (current) => current,
    (version) => [['cardVersion', { version }], [input.archived ? 'cardArchived' : 'cardReactivated']],
    { status: input.archived ? 'archived' : 'active', stamp: false },
  );
}

/** Merges one card into another (see the contract); both histories stay readable from the kept card. */
export async function mergeCards(call: Call, input: ParsedInputOf<'cards.merge'>): Promise<CardDto> {
  if (input.keepId === input.mergeId) throw new KedangError('MERGE_SAME_CARD');
  const { office, connection } = call;
  const session = sessionOf(call);
  const author = authorOf(session);
  const at = office.now().toISOString();
  await office.transaction(async (trx, log) => {
    const keep = await loadCard(trx, input.keepId);
    const other = await loadCard(trx, input.mergeId);
    for (const [card, expected] of [
      [keep, input.keepVersion],
      [other, input.mergeVersion],
    ] as const) {
      if (card.row.status === 'merged') throw new KedangError('CARD_MERGED');
      if (card.row.version !== expected) throw new KedangError('CARD_CHANGED');
    }
    const merged = mergeContents(keep.content, other.content);
    await saveVersion(trx, keep.row.id, input.keepVersion, merged, author, at, 'merge', other.row.code);
    await saveVersion(
      trx,
      other.row.id,
      input.mergeVersion,
      other.content,
      author,
      at,
      'merged_into',
      keep.row.code,
      'merged',
      keep.row.id,
    );
    await log(
      trx,
      office.entry(connection, session, {
        action: 'card_merge',
        target: keep.row.code,
        outcome: 'success',
        detail: logDetail(['mergedFrom', { code: other.row.code }]),
      }),
    );
  });
  return writtenCard(call, input.keepId);
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

/**
 * Prepares a print: each card gets its next copy number and a log row, and
 * the session may then print once (app.print). Personal notes are printed
 * only for readers who may reveal them.
 */
export async function printCards(call: Call, input: ParsedInputOf<'cards.print'>): Promise<CardPrintJob> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const reveal = mayReveal(session);
  const at = office.now().toISOString();
  const ids = [...new Set(input.ids)];
  const copies = await office.transaction(async (trx, log) => {
    const out: { copyNo: number; row: CustomerRow; content: CardContent }[] = [];
    for (const id of ids) {
      const { row, content } = await loadCard(trx, id);
      const last = await trx
        .selectFrom('card_prints')
        .select((eb) => eb.fn.max('copy_no').as('last'))
        .where('customer_id', '=', id)
        .executeTakeFirst();
      const copyNo = Number(last?.last ?? 0) + 1;
      await trx
        .insertInto('card_prints')
        .values({ customer_id: id, copy_no: copyNo, at, by_username: session.username })
        .execute();
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_print',
          target: row.code,
          outcome: 'success',
          detail: logDetail(['cardVersion', { version: row.version }], ['printCopy', { copy: copyNo }]),
        }),
      );
      out.push({ copyNo, row, content });
    }
    return out;
  });
  session.pendingPrintAt = office.now();
  const db = office.requireArchive().db;
  return {
    printedBy: session.displayName,
    printedAt: at,
    copies: await Promise.all(
      copies.map(async (c) => ({
        copyNo: c.copyNo,
        card: await toCardDto(db, c.row, c.content, c.row.version, reveal),
      })),
    ),
  };
}

export async function dictionaries(call: Call): Promise<DictionaryEntry[]> {
  const rows = await call.office
    .requireArchive()
    .db.selectFrom('dictionary_entries')
    .selectAll()
    .orderBy('axis')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    axis: r.axis as ClassificationAxis,
    code: r.code,
    label: r.label,
    labelEn: r.label_en,
    parentCode: r.parent_code,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }));
}
