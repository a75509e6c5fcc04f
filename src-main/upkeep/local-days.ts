import { sql, type RawBuilder } from 'kysely';

/**
 * The office's local calendar day of a stored ISO time (creation times are
 * UTC), in SQL without SQLite's 'localtime' modifier, which costs about
 * 0.4 s per 100,000 rows. The local offset from UTC is constant between
 * the zone's transitions (summer time), so the day is `date(t, '±N
 * minutes')` with the offset of the stretch `t` falls in: one stretch in
 * China, two a year where clocks change. Exact, like calendarDate in JS.
 */

const DAY_MS = 86_400_000;
const offsetAt = (ms: number) => -new Date(ms).getTimezoneOffset();

/** The moments in (from, to] where the local offset changes, each with the offset from then on. */
function offsetChanges(from: number, to: number): { at: number; offset: number }[] {
  const changes: { at: number; offset: number }[] = [];
  for (let t = from; t < to; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, to);
    if (offsetAt(t) === offsetAt(next)) continue;
    // The first millisecond with the new offset.
    let low = t;
    let high = next;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle) === offsetAt(t)) low = middle;
      else high = middle;
    }
    changes.push({ at: high, offset: offsetAt(high) });
  }
  return changes;
}

const shifted = (column: RawBuilder<unknown>, offset: number) => sql`date(${column}, ${`${offset} minutes`})`;

/** SQL for the local day of an ISO time column whose values lie between `first` and `last` (ISO times). */
export function localDayOf(column: RawBuilder<unknown>, first: string, last: string): RawBuilder<unknown> {
  const from = Date.parse(first);
  const to = Date.parse(last);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return shifted(column, offsetAt(from || Date.now()));
  const changes = offsetChanges(from, to);
  if (changes.length === 0) return shifted(column, offsetAt(from));
  const whens: RawBuilder<unknown>[] = [];
  let offset = offsetAt(from);
  for (const change of changes) {
    whens.push(sql`WHEN ${column} < ${new Date(change.at).toISOString()} THEN ${shifted(column, offset)}`);
    offset = change.offset;
  }
  return sql`CASE ${sql.join(whens, sql` `)} ELSE ${shifted(column, offset)} END`;
}
