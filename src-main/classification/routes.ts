import type { Kysely } from 'kysely';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { RouteDto } from '../../src-shared/contracts/classification';
import { logDetail } from '../../src-shared/log-details';
import { scopeOf, type CardScope } from '../cards/card-search';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { toDictionaryEntry } from './dictionaries-service';
import { ReclassifyWriter } from './reclassify-writer';

/**
 * Routes (路序, method 三.2 ③): within a region, the customers in the order a rep visits them or
 * a van delivers. A route's stops are its active cards; archived and merged cards keep their
 * route on the card but are not visited.
 */

/** The route with its region path and its stops in order (route order, then name); a rep sees only their own stops. */
export async function readRoute(db: Kysely<ArchiveSchema>, code: string, scope: CardScope): Promise<RouteDto> {
  const route = await db
    .selectFrom('dictionary_entries')
    .selectAll()
    .where('axis', '=', 'route')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!route) throw new KedangError('ROUTE_NOT_FOUND');
  const regions = new Map(
    (await db.selectFrom('dictionary_entries').selectAll().where('axis', '=', 'region').execute()).map((r) => [
      r.code,
      r,
    ]),
  );
  const regionPath: DictionaryEntry[] = [];
  // Up from the route's region to the top; the bound stops a loop, which saveEntry never lets in.
  for (let at = route.parent_code; at !== null && regionPath.length <= regions.size;) {
    const region = regions.get(at);
    if (!region) break;
    regionPath.unshift(toDictionaryEntry(region));
    at = region.parent_code;
  }
  let stops = db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'address', 'phone', 'contact', 'route_order', 'version', 'last_visit_on'])
    .where('route', '=', code)
    .where('status', '=', 'active');
  if (scope.repUsername !== null) stops = stops.where('assigned_rep', '=', scope.repUsername);
  const rows = await stops
    .orderBy((eb) => eb('route_order', 'is', null))
    .orderBy('route_order')
    .orderBy('name_sort')
    .orderBy('id')
    .execute();
  return {
    route: toDictionaryEntry(route),
    regionPath,
    stops: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      address: r.address,
      phone: r.phone,
      contact: r.contact,
      routeOrder: r.route_order,
      version: r.version,
      // The latest visit date among the card's visit reports, kept on the card when a report is submitted.
      lastVisitOn: r.last_visit_on,
    })),
  };
}

/** A route's customers in visiting order (reps: the stops assigned to them). Not logged: printing is. */
export async function routeStops(
  call: Call,
  input: ParsedInputOf<'classification.route'>,
): Promise<OutputOf<'classification.route'>> {
  return readRoute(call.office.requireArchive().db, input.route, scopeOf(sessionOf(call)));
}

/**
 * Puts a route's stops in the given order, numbered 1…n. The stops must be exactly the route's
 * active cards, each once, at the versions the custodian saw: anything else means the route
 * changed since it was read (CARD_CHANGED) and nothing is written. Each card whose position
 * changes gets a new version (kind reclassify, ReclassifyWriter); one `card_reclassify`
 * log row for the reorder.
 */
export async function reorderRoute(
  call: Call,
  input: ParsedInputOf<'classification.reorderRoute'>,
): Promise<OutputOf<'classification.reorderRoute'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const archive = office.requireArchive();
  const at = office.now().toISOString();
  await office.transaction(async (trx, log) => {
    const route = await readRoute(trx, input.route, { repUsername: null });
    const current = new Map(route.stops.map((s) => [s.id, s]));
    const given = new Set(input.stops.map((s) => s.id));
    if (
      given.size !== input.stops.length ||
      input.stops.length !== current.size ||
      !input.stops.every((s) => current.get(s.id)?.version === s.version)
    ) {
      throw new KedangError('CARD_CHANGED');
    }
    const author = { username: session.username, displayName: session.displayName };
    const writer = new ReclassifyWriter(archive.raw, author, at, `路线 ${route.route.label} 重排路序`);
    let changed = 0;
    for (const [index, stop] of input.stops.entries()) {
      if (current.get(stop.id)?.routeOrder === index + 1) continue;
      if (writer.update(stop.id, (c) => ({ ...c, routeOrder: index + 1 }))) changed += 1;
    }
    if (changed === 0) return;
    await log(
      trx,
      office.entry(connection, session, {
        action: 'card_reclassify',
        target: `route/${input.route}`,
        outcome: 'success',
        detail: logDetail(['routeReordered', { route: route.route.label, stops: input.stops.length, changed }]),
      }),
    );
  });
  return readRoute(archive.db, input.route, scopeOf(session));
}

/**
 * Prepares the A4 route sheet (the route in order with addresses, phones and contacts) for
 * `app.print`: one `route_print` log row naming the route and its number of stops, then the
 * session may print once, as for cards. A rep's sheet holds only their own stops.
 */
export async function printRoute(
  call: Call,
  input: ParsedInputOf<'classification.printRoute'>,
): Promise<OutputOf<'classification.printRoute'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  const sheet = await readRoute(office.requireArchive().db, input.route, scopeOf(session));
  await office.transaction(async (trx, log) => {
    await log(
      trx,
      office.entry(connection, session, {
        action: 'route_print',
        target: `route/${input.route}`,
        outcome: 'success',
        detail: logDetail(['routePrinted', { route: sheet.route.label, stops: sheet.stops.length }]),
      }),
    );
  });
  session.pendingPrintAt = office.now();
  return { ...sheet, printedBy: session.displayName, printedAt: at };
}
