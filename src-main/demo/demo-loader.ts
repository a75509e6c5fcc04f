import { sql } from 'kysely';
import { CLASSIFICATION_AXES, type CardContent } from '../../src-shared/cards/card';
import { CardContentSchema, completeSources } from '../../src-shared/cards/card-schema';
import { logDetail } from '../../src-shared/log-details';
import { rolesGrant } from '../../src-shared/permissions';
import { insertCard, stampVerification, type Author } from '../cards/card-records';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import { demoRegionsAndRoutes } from './demo-cards';

/** The file name the access log shows for demo loads, in place of an import file's name. */
export const DEMO_IMPORT_FILE = 'demo-data';

export interface DemoLoadResult {
  created: number;
  /** One transaction and one card_import log row each. */
  batches: number;
  firstId: number | null;
  lastId: number | null;
}

export interface DemoLoadOptions {
  /** Cards per transaction; each batch commits with its own log row. */
  batchSize?: number;
  /** Called after each committed batch with the number of cards loaded so far. */
  onBatch?: (created: number) => void;
}

/**
 * Loads demo cards into the open archive as the calling custodian, the way
 * an import does: each card is validated, its verification stamped, and
 * written with its first version (kind `import`) and search-index entry;
 * every batch is one transaction with one `card_import` log row. The demo
 * regions and routes are added to the dictionaries first (existing entries
 * are kept as the office named them). Cards referring to a classification
 * code or a rep the archive does not know are refused before anything of
 * their batch is written.
 */
export async function loadDemoCards(
  call: Call,
  cards: Iterable<CardContent>,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const { office, connection } = call;
  const session = sessionOf(call);
  if (!rolesGrant(session.roles, 'cards.import')) {
    await office.logAlone(connection, session, {
      action: 'access_denied',
      target: DEMO_IMPORT_FILE,
      outcome: 'denied',
      detail: logDetail(['requires', { permission: 'cards.import' }]),
    });
    throw new KedangError('FORBIDDEN');
  }
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive whole number');
  const author: Author = { username: session.username, displayName: session.displayName };
  const result: DemoLoadResult = { created: 0, batches: 0, firstId: null, lastId: null };
  let known: KnownReferences | null = null;

  const commit = async (batch: CardContent[]): Promise<void> => {
    await office.transaction(async (trx, log) => {
      if (!known) {
        for (const e of demoRegionsAndRoutes()) {
          await sql`INSERT INTO dictionary_entries (axis, code, label, label_en, parent_code, sort_order, active)
            VALUES (${e.axis}, ${e.code}, ${e.label}, ${e.labelEn}, ${e.parentCode}, ${e.sortOrder}, 1)
            ON CONFLICT (axis, code) DO NOTHING`.execute(trx);
        }
        known = await knownReferences(trx);
      }
      const at = office.now().toISOString();
      for (const raw of batch) {
        const content = stampVerification(null, validCard(raw, known), author, at);
        const { id } = await insertCard(trx, content, author, at, 'import', DEMO_IMPORT_FILE);
        result.firstId ??= id;
        result.lastId = id;
      }
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_import',
          target: DEMO_IMPORT_FILE,
          outcome: 'success',
          detail: logDetail([
            'importDone',
            { file: DEMO_IMPORT_FILE, created: batch.length, updated: 0, skipped: 0, rejected: 0 },
          ]),
        }),
      );
    });
    result.created += batch.length;
    result.batches += 1;
    options.onBatch?.(result.created);
  };

  let batch: CardContent[] = [];
  for (const card of cards) {
    batch.push(card);
    if (batch.length === batchSize) {
      await commit(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await commit(batch);
  return result;
}

interface KnownReferences {
  codes: Map<string, Set<string>>;
  reps: Set<string>;
}

/** The active dictionary codes per axis and the active reps, read once: checking each card by query would double the load time. */
async function knownReferences(db: Parameters<typeof insertCard>[0]): Promise<KnownReferences> {
  const codes = new Map<string, Set<string>>();
  const entries = await db.selectFrom('dictionary_entries').select(['axis', 'code']).where('active', '=', 1).execute();
  for (const { axis, code } of entries) {
    if (!codes.has(axis)) codes.set(axis, new Set());
    codes.get(axis)!.add(code);
  }
  const reps = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.username')
    .where('user_roles.role', '=', 'rep')
    .where('users.active', '=', 1)
    .execute();
  return { codes, reps: new Set(reps.map((r) => r.username.toLowerCase())) };
}

/** The card as the schema parses it, with its classification checked against the archive. */
function validCard(raw: CardContent, known: KnownReferences): CardContent {
  const parsed = CardContentSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues.slice(0, 20)) fields[issue.path.map(String).join('.')] = issue.message;
    throw new KedangError('INVALID_INPUT', undefined, fields);
  }
  const content = completeSources(parsed.data);
  const fields: Record<string, string> = {};
  const c = content.classification;
  for (const axis of CLASSIFICATION_AXES) {
    if (c[axis] !== '' && !known.codes.get(axis)?.has(c[axis])) fields[`classification.${axis}`] = 'unknownValue';
  }
  if (c.assignedRep !== '' && !known.reps.has(c.assignedRep.toLowerCase())) {
    fields['classification.assignedRep'] = 'unknownValue';
  }
  if (Object.keys(fields).length > 0) throw new KedangError('INVALID_INPUT', undefined, fields);
  return content;
}
