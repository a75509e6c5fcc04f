import type { Transaction } from 'kysely';
import type { CardContent, CardStatus } from '../../src-shared/cards/card';
import { SECTION_LABELS_ZH } from '../../src-shared/cards/card-fields';
import { mergeContents } from '../../src-shared/cards/card-merge';
import { completeSources } from '../../src-shared/cards/card-schema';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type { CardDto, VersionKind } from '../../src-shared/contracts/cards';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { KedangError } from '../errors';
import type { Office, Session } from '../office';
import type { ArchiveSchema } from '../store/schema';
import { sessionOf, type Call } from '../router/call';
import { toCardDto } from './card-dto';
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
import { findDuplicateCards } from './duplicates';

/**
 * Every change of a card: create, edit, verify, restore, 停用 and merge.
 * Each runs in one transaction with its version and its log row.
 */

const authorOf = (session: Session): Author => ({ username: session.username, displayName: session.displayName });

/** The card after a change, personal notes masked: showing them again is a reveal, and reveals are logged. */
async function writtenCard(call: Call, id: number): Promise<CardDto> {
  const db = call.office.requireArchive().db;
  const { row, content } = await loadCard(db, id);
  return toCardDto(db, row, content, row.version, false);
}

/** The transaction's log writer, for work that joins a card change's transaction. */
type LogWriter = Parameters<Parameters<Office['transaction']>[0]>[1];

/** More to write in the transaction that creates a card (a prospect's details and its own log row). */
export type AfterCreate = (
  trx: Transaction<ArchiveSchema>,
  created: { id: number; code: string },
  log: LogWriter,
) => Promise<void>;

/**
 * Creates a card; a likely duplicate is refused unless the custodian has looked and accepted it.
 * `afterCreate` runs in the same transaction (prospects.create), so nothing is half-written.
 */
export async function createCard(
  call: Call,
  input: ParsedInputOf<'cards.create'>,
  afterCreate?: AfterCreate,
): Promise<CardDto> {
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
    if (afterCreate) await afterCreate(trx, { id: created.id, code: created.content.basic.code }, log);
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
    // The merged card's visits and reviews were of the same customer: the kept card's upkeep dates take the
    // later of the two, so a merge neither hides a recent visit nor makes a reviewed card look neglected.
    const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);
    await trx
      .updateTable('customers')
      .set({
        last_visit_on: later(keep.row.last_visit_on, other.row.last_visit_on),
        reviewed_on: later(keep.row.reviewed_on, other.row.reviewed_on),
      })
      .where('id', '=', keep.row.id)
      .execute();
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
