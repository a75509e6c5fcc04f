import type { Kysely } from 'kysely';
import type { Classification, ClassificationAxis } from '../../src-shared/cards/card';
import { CARD_FIELDS } from '../../src-shared/cards/card-fields';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail } from '../../src-shared/log-details';
import { scopeOf, selectCardIds } from '../cards/card-search';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { ReclassifyWriter } from './reclassify-writer';

type ReassignAxis = ClassificationAxis | 'assignedRep';

/** The axis's name as the card form shows it (for version notes, which are shown as written). */
export function axisLabelZh(axis: ReassignAxis): string {
  return CARD_FIELDS.find((f) => f.path === `classification.${axis}`)?.zh ?? axis;
}

/**
 * The value a bulk change sets, checked like a card edit (checkReferences): an active entry of the
 * axis, or an active user with the rep role; '' clears. Returns the value as stored, its label for the version note
 * and, for a route, the route's region.
 */
async function checkedValue(
  db: Kysely<ArchiveSchema>,
  axis: ReassignAxis,
  value: string,
): Promise<{ value: string; label: string; routeRegion: string | null }> {
  if (value === '') return { value, label: '', routeRegion: null };
  if (axis === 'assignedRep') {
    const rep = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.username', 'users.display_name'])
      .where('users.username', '=', value)
      .where('user_roles.role', '=', 'rep')
      .where('users.active', '=', 1)
      .executeTakeFirst();
    if (!rep) throw new KedangError('INVALID_INPUT', undefined, { value: 'unknownValue' });
    // User names compare without case; the card keeps the name as the user has it.
    return { value: rep.username, label: rep.display_name, routeRegion: null };
  }
  const entry = await db
    .selectFrom('dictionary_entries')
    .select(['label', 'parent_code'])
    .where('axis', '=', axis)
    .where('code', '=', value)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!entry) throw new KedangError('INVALID_INPUT', undefined, { value: 'unknownValue' });
  return { value, label: entry.label, routeRegion: axis === 'route' ? entry.parent_code : null };
}

/** True when `region` is `ancestor` or lies below it in the region tree. */
function withinRegion(region: string, ancestor: string, regionParents: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = region; at; at = regionParents.get(at)) {
    if (at === ancestor) return true;
    if (seen.has(at)) return false; // a damaged tree must not loop
    seen.add(at);
  }
  return false;
}

/**
 * The card's classification after the change. A route belongs to one region of the tree and
 * serves the places below it (a route under 上海市 visits cards filed under 浦东新区): assigning a
 * route keeps a card's region when it lies within the route's region and otherwise files the card
 * under the route's region, and puts the card at the route's end (a card already on the route
 * keeps its place); clearing the route clears the route order; changing the region takes the card
 * off a route whose region does not contain the new one.
 */
function reclassified(
  c: Classification,
  axis: ReassignAxis,
  value: string,
  routeRegion: string | null,
  routeRegions: ReadonlyMap<string, string | null>,
  regionParents: ReadonlyMap<string, string | null>,
  nextRouteOrder: () => number,
): Classification {
  if (axis === 'assignedRep') c.assignedRep = value;
  else if (axis === 'route') {
    if (value === '') {
      c.route = '';
      c.routeOrder = null;
    } else {
      if (c.route !== value) {
        c.route = value;
        c.routeOrder = nextRouteOrder();
      }
      if (routeRegion !== null && !withinRegion(c.region, routeRegion, regionParents)) c.region = routeRegion;
    }
  } else {
    c[axis] = value;
    const served = c.route === '' ? null : routeRegions.get(c.route);
    if (axis === 'region' && c.route !== '' && (!served || !withinRegion(value, served, regionParents))) {
      c.route = '';
      c.routeOrder = null;
    }
  }
  return c;
}

/**
 * Sets one class of many cards at once: the cards of the query (the custodian's list with its
 * filters), or the chosen ones among them. A chosen card no longer in the query (someone changed
 * it meanwhile) refuses the whole change (CARD_CHANGED). Each changed card gets a new version
 * (kind reclassify, the note naming the axis and value) with the rows a card edit writes (list
 * columns, history, search index: ReclassifyWriter); cards
 * already so, and merged cards (which never change), are counted as unchanged. One transaction,
 * and one `card_reclassify` log row for the call when anything changed: the versions record
 * each card.
 */
export async function reassign(
  call: Call,
  input: ParsedInputOf<'classification.reassign'>,
): Promise<OutputOf<'classification.reassign'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const archive = office.requireArchive();
  const at = office.now().toISOString();
  return office.transaction(async (trx, log) => {
    const { value, label, routeRegion } = await checkedValue(trx, input.axis, input.value);
    const inQuery = await selectCardIds(trx, input, scopeOf(session));
    let targets = inQuery;
    if (input.ids) {
      const chosen = new Set(input.ids);
      targets = inQuery.filter((id) => chosen.has(id));
      if (targets.length !== chosen.size) {
        throw new KedangError('CARD_CHANGED', { count: chosen.size - targets.length });
      }
    }
    const merged = new Set(
      (await trx.selectFrom('customers').select('id').where('status', '=', 'merged').execute()).map((r) => r.id),
    );
    const routeRegions = new Map(
      (
        await trx.selectFrom('dictionary_entries').select(['code', 'parent_code']).where('axis', '=', 'route').execute()
      ).map((r) => [r.code, r.parent_code]),
    );
    const regionParents = new Map(
      (
        await trx
          .selectFrom('dictionary_entries')
          .select(['code', 'parent_code'])
          .where('axis', '=', 'region')
          .execute()
      ).map((r) => [r.code, r.parent_code]),
    );
    let routeEnd = 0;
    if (input.axis === 'route' && input.value !== '') {
      const last = await trx
        .selectFrom('customers')
        .select((eb) => eb.fn.max('route_order').as('last'))
        .where('route', '=', input.value)
        .where('status', '<>', 'merged')
        .executeTakeFirst();
      routeEnd = Number(last?.last ?? 0);
    }
    const axisName = axisLabelZh(input.axis);
    const note = input.value === '' ? `批量清空${axisName}` : `批量改类：${axisName} → ${label}`;
    const author = { username: session.username, displayName: session.displayName };
    const writer = new ReclassifyWriter(archive.raw, author, at, note);
    let changed = 0;
    for (const id of targets) {
      if (merged.has(id)) continue;
      const change = (c: Classification) =>
        reclassified(c, input.axis, value, routeRegion, routeRegions, regionParents, () => ++routeEnd);
      if (writer.update(id, change)) changed += 1;
    }
    const unchanged = targets.length - changed;
    if (changed > 0) {
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_reclassify',
          target: `${input.axis}/${value}`,
          outcome: 'success',
          detail: logDetail(
            input.value === ''
              ? ['cardsUnclassified', { axis: input.axis, changed, unchanged }]
              : ['cardsReclassified', { axis: input.axis, value: label, changed, unchanged }],
          ),
        }),
      );
    }
    return { changed, unchanged };
  });
}
