import type { Kysely, Selectable } from 'kysely';
import {
  CLASSIFICATION_AXES,
  SECTION_KEYS,
  unverifiedSections,
  type CardContent,
  type CardStatus,
} from '../../src-shared/cards/card';
import { diffCards, sectionOfPath, type FieldChange } from '../../src-shared/cards/card-diff';
import { nameKey, phoneKey } from '../../src-shared/cards/normalize';
import type { CardRow, VersionKind } from '../../src-shared/contracts/cards';
import { pinyin } from 'pinyin-pro';
import { KedangError } from '../errors';
import type { ArchiveSchema, CustomersTable } from '../store/schema';
import type { Lifecycle, VolumeTier } from '../../src-shared/classification/derived';
import { indexCard } from './search-index';

/** Who saves: the user name for records, the display name for readers. */
export interface Author {
  username: string;
  displayName: string;
}

export type CustomerRow = Selectable<CustomersTable>;

/** The list columns a card's content implies. */
export function listColumns(content: CardContent) {
  const b = content.basic;
  const c = content.classification;
  return {
    code: b.code,
    name: b.name,
    short_name: b.shortName,
    credit_code: b.creditCode,
    phone: b.phone,
    address: b.address,
    contact: content.people.find((p) => p.role === 'contact')?.name ?? '',
    nature: c.nature,
    ownership: c.ownership,
    business_type: c.businessType,
    location_type: c.locationType,
    grade: c.grade,
    credit_grade: c.creditGrade,
    industry: c.industry,
    region: c.region,
    route: c.route,
    route_order: c.routeOrder,
    assigned_rep: c.assignedRep,
    credit_limit: content.trading.creditLimit,
    unverified: unverifiedSections(content).length,
    name_key: nameKey(b.name),
    phone_key: phoneKey(b.phone),
    name_sort: nameSortKey(b.name),
  };
}

export function toCardRow(row: CustomerRow): CardRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    phone: row.phone,
    address: row.address,
    contact: row.contact,
    status: row.status as CardStatus,
    nature: row.nature,
    ownership: row.ownership,
    businessType: row.business_type,
    locationType: row.location_type,
    grade: row.grade,
    creditGrade: row.credit_grade,
    industry: row.industry,
    region: row.region,
    route: row.route,
    routeOrder: row.route_order,
    assignedRep: row.assigned_rep,
    creditLimit: row.credit_limit,
    unverified: row.unverified,
    lifecycle: row.lifecycle as Lifecycle,
    volumeTier: row.volume_tier as VolumeTier,
    prospect: row.prospect === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function findCustomer(db: Kysely<ArchiveSchema>, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The card's row and its current content; CARD_NOT_FOUND when there is none. */
export async function loadCard(
  db: Kysely<ArchiveSchema>,
  id: number,
): Promise<{ row: CustomerRow; content: CardContent }> {
  const row = await findCustomer(db, id);
  if (!row) throw new KedangError('CARD_NOT_FOUND');
  return { row, content: await versionContent(db, id, row.version) };
}

/** The content saved as one version of a card; CARD_NOT_FOUND for a version that does not exist. */
export async function versionContent(db: Kysely<ArchiveSchema>, id: number, version: number): Promise<CardContent> {
  const saved = await db
    .selectFrom('card_versions')
    .select('content')
    .where('customer_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!saved) throw new KedangError('CARD_NOT_FOUND');
  return JSON.parse(saved.content) as CardContent;
}

/** Sort key for names: toneless pinyin, then the name itself, so 北京… sorts under b rather than by code point. */
export function nameSortKey(name: string): string {
  const syllables = /[\u3400-\u9fff]/.test(name)
    ? pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
    : name;
  return `${syllables.toLowerCase()}\u0001${name}`;
}

/**
 * Sets who verified each section and when: a section newly marked verified
 * gets the saving user and time, one that stays verified keeps its record,
 * an unverified one has none. Callers' own values are never trusted.
 */
export function stampVerification(
  previous: CardContent | null,
  next: CardContent,
  author: Author,
  at: string,
): CardContent {
  const sources = { ...next.sources };
  for (const key of SECTION_KEYS) {
    const before = previous?.sources[key];
    const now = next.sources[key];
    if (!now.verified) sources[key] = { ...now, verifiedBy: null, verifiedAt: null };
    else if (before?.verified) sources[key] = { ...now, verifiedBy: before.verifiedBy, verifiedAt: before.verifiedAt };
    else sources[key] = { ...now, verifiedBy: author.displayName, verifiedAt: at };
  }
  return { ...next, sources };
}

/**
 * Data from a customer-filled form must be checked (method 三.1 ②): when a
 * save changes such a section, a verification mark it carried is dropped, and
 * a custodian verifies the new data again (the 核实 button, or the mark set in
 * a later save).
 */
export function unverifyChangedCustomerForms(previous: CardContent, next: CardContent): CardContent {
  const changed = new Set(
    diffCards(previous, next)
      .filter((c) => !c.path.startsWith('sources.'))
      .map((c) => sectionOfPath(c.path)),
  );
  const sources = { ...next.sources };
  for (const key of SECTION_KEYS) {
    const now = next.sources[key];
    if (now.source === 'customer_form' && changed.has(key) && previous.sources[key].verified) {
      sources[key] = { ...now, verified: false, verifiedBy: null, verifiedAt: null };
    }
  }
  return { ...next, sources };
}

/**
 * Checks classification codes against the dictionaries and the rep against the users; INVALID_INPUT names
 * the fields with the same paths the router gives schema problems (`content.…`).
 */
export async function checkReferences(
  db: Kysely<ArchiveSchema>,
  content: CardContent,
  previous: CardContent | null,
): Promise<void> {
  const fields: Record<string, string> = {};
  const c = content.classification;
  const wanted = CLASSIFICATION_AXES.filter((axis) => c[axis] !== '' && c[axis] !== previous?.classification[axis]);
  if (wanted.length > 0) {
    const known = await db
      .selectFrom('dictionary_entries')
      .select(['axis', 'code'])
      .where('active', '=', 1)
      .where((eb) => eb.or(wanted.map((axis) => eb.and([eb('axis', '=', axis), eb('code', '=', c[axis])]))))
      .execute();
    for (const axis of wanted) {
      if (!known.some((k) => k.axis === axis && k.code === c[axis]))
        fields[`content.classification.${axis}`] = 'unknownValue';
    }
  }
  if (c.assignedRep !== '' && c.assignedRep !== previous?.classification.assignedRep) {
    const rep = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.username', '=', c.assignedRep)
      .where('user_roles.role', '=', 'rep')
      .where('users.active', '=', 1)
      .executeTakeFirst();
    if (!rep) fields['content.classification.assignedRep'] = 'unknownValue';
  }
  if (Object.keys(fields).length > 0) throw new KedangError('INVALID_INPUT', undefined, fields);
}

async function codeTaken(db: Kysely<ArchiveSchema>, code: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('customers').select('id').where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The next free generated code, KH000001 style. */
export async function nextCustomerCode(db: Kysely<ArchiveSchema>): Promise<string> {
  const max = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  for (let n = Number(max?.max ?? 0) + 1; ; n++) {
    const code = `KH${String(n).padStart(6, '0')}`;
    if (!(await codeTaken(db, code, null))) return code;
  }
}

async function insertVersion(
  db: Kysely<ArchiveSchema>,
  id: number,
  version: number,
  content: CardContent,
  changes: FieldChange[],
  author: Author,
  at: string,
  kind: VersionKind,
  note: string,
): Promise<void> {
  await db
    .insertInto('card_versions')
    .values({
      customer_id: id,
      version,
      at,
      by_username: author.username,
      by_name: author.displayName,
      kind,
      note,
      changes: JSON.stringify(changes),
      content: JSON.stringify(content),
    })
    .execute();
}

/**
 * Creates a card with its first version and index entry. An empty code gets
 * the next generated one. The content must already be validated and stamped.
 */
export async function insertCard(
  db: Kysely<ArchiveSchema>,
  content: CardContent,
  author: Author,
  at: string,
  kind: VersionKind = 'create',
  note = '',
): Promise<{ id: number; content: CardContent }> {
  const code = content.basic.code || (await nextCustomerCode(db));
  if (content.basic.code && (await codeTaken(db, code, null))) throw new KedangError('CARD_CODE_TAKEN');
  const card: CardContent = { ...content, basic: { ...content.basic, code } };
  const row = await db
    .insertInto('customers')
    .values({
      ...listColumns(card),
      status: 'active',
      version: 1,
      created_at: at,
      created_by: author.displayName,
      updated_at: at,
      updated_by: author.displayName,
      merged_into: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The first version's changes are its whole content: computed when the history is read, not stored,
  // which halves the archive at 100,000 cards (and the integrity check at unlock with it).
  await insertVersion(db, row.id, 1, card, [], author, at, kind, note);
  await indexCard(db, row.id, card, 'active');
  return { id: row.id, content: card };
}

/**
 * Saves a new version of a card when anything changed (a save without
 * changes writes nothing). `expectedVersion` guards against overwriting
 * someone else's save; null skips the check (merges and imports that read
 * the card in the same transaction).
 */
export async function saveVersion(
  db: Kysely<ArchiveSchema>,
  id: number,
  expectedVersion: number | null,
  next: CardContent,
  author: Author,
  at: string,
  kind: VersionKind,
  note = '',
  status?: CardStatus,
  mergedInto?: number,
): Promise<{ version: number; changes: FieldChange[]; content: CardContent }> {
  const { row, content: before } = await loadCard(db, id);
  if (row.status === 'merged') throw new KedangError('CARD_MERGED');
  if (expectedVersion !== null && row.version !== expectedVersion) throw new KedangError('CARD_CHANGED');
  const code = next.basic.code || row.code;
  if (code !== row.code && (await codeTaken(db, code, id))) throw new KedangError('CARD_CODE_TAKEN');
  const card: CardContent = { ...next, basic: { ...next.basic, code } };
  const changes = diffCards(before, card);
  const statusChanged = status !== undefined && status !== row.status;
  // A merge is always recorded, even when the other card filled nothing in; so is a prospect's conversion,
  // which changes no field of the content.
  if (changes.length === 0 && !statusChanged && kind !== 'merge' && kind !== 'convert')
    return { version: row.version, changes, content: before };
  const version = row.version + 1;
  await db
    .updateTable('customers')
    .set({
      ...listColumns(card),
      ...(status ? { status } : {}),
      ...(mergedInto !== undefined ? { merged_into: mergedInto } : {}),
      version,
      updated_at: at,
      updated_by: author.displayName,
    })
    .where('id', '=', id)
    .execute();
  await insertVersion(db, id, version, card, changes, author, at, kind, note);
  if (changes.length > 0 || statusChanged) await indexCard(db, id, card, status ?? (row.status as CardStatus));
  return { version, changes, content: card };
}
