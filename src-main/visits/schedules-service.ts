import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { RepScheduleDto, ReportingDiscipline } from '../../src-shared/contracts/visits';
import { logDetail } from '../../src-shared/log-details';
import { rolesGrant } from '../../src-shared/permissions';
import { computeDiscipline, type DisciplineRep, type DisciplineReport } from '../../src-shared/visits/discipline';
import type { ReportPeriod } from '../../src-shared/visits/visit-report';
import { calendarDate } from '../classification/calendar';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';

/**
 * The reps' report schedules (日报/月报, method 三.1) and the reporting
 * discipline computed from them: which reports each rep owes, which came
 * and which are overdue.
 */

type Db = Kysely<ArchiveSchema>;

/**
 * Every user holding the rep role: the active ones, and the inactive ones
 * that still have a schedule row (so the custodian can see and clear it).
 * Without a row a rep's period is 'none'.
 */
async function repSchedules(db: Db): Promise<RepScheduleDto[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .leftJoin('rep_schedules', 'rep_schedules.username', 'users.username')
    .where('user_roles.role', '=', 'rep')
    .where((eb) => eb.or([eb('users.active', '=', 1), eb('rep_schedules.username', 'is not', null)]))
    .select(['users.username', 'users.display_name', 'users.active', 'rep_schedules.period', 'rep_schedules.since'])
    .orderBy('users.display_name')
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({
    username: r.username,
    displayName: r.display_name,
    active: r.active === 1,
    period: (r.period ?? 'none') as ReportPeriod | 'none',
    since: r.since ?? null,
  }));
}

export async function listSchedules(
  call: Call,
  _input: ParsedInputOf<'visits.schedules'>,
): Promise<OutputOf<'visits.schedules'>> {
  sessionOf(call);
  return repSchedules(call.office.requireArchive().db);
}

export async function saveSchedule(
  call: Call,
  input: ParsedInputOf<'visits.saveSchedule'>,
): Promise<OutputOf<'visits.saveSchedule'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  await office.transaction(async (trx, log) => {
    const user = await trx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .where('users.username', '=', input.username)
      .where('user_roles.role', '=', 'rep')
      .select(['users.username'])
      .executeTakeFirst();
    if (!user) throw new KedangError('USER_NOT_FOUND');
    const previous = await trx
      .selectFrom('rep_schedules')
      .where('username', '=', user.username)
      .select(['period'])
      .executeTakeFirst();
    await trx
      .insertInto('rep_schedules')
      .values({
        username: user.username,
        period: input.period,
        since: input.since,
        set_at: at,
        set_by: session.username,
      })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet({ period: input.period, since: input.since, set_at: at, set_by: session.username }),
      )
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'schedule_change',
        target: user.username,
        outcome: 'success',
        detail: logDetail([
          'reportSchedule',
          { previous: previous?.period ?? 'none', period: input.period, since: input.since },
        ]),
      }),
    );
  });
  return repSchedules(office.requireArchive().db);
}

/** The last day of the month of a date, as text that compares correctly with ISO dates. */
const monthEnd = (date: string) => `${date.slice(0, 7)}-31`;

/**
 * The reporting discipline over [from, to] as of `today` (the office's
 * local date): every active rep, or only `onlyRep`. Inactive reps are left
 * out: they can no longer report, so their slots would only pile up as
 * overdue. Used by visits.discipline and the start pages.
 */
export async function disciplineOf(
  db: Db,
  range: { from: string; to: string },
  today: string,
  onlyRep?: string,
): Promise<ReportingDiscipline> {
  const schedules = await repSchedules(db);
  const reps: DisciplineRep[] = schedules
    .filter((s) => (onlyRep === undefined ? s.active : s.username.toLowerCase() === onlyRep.toLowerCase()))
    .map((s) => ({ username: s.username, displayName: s.displayName, period: s.period, since: s.since }));
  if (reps.length === 0) return computeDiscipline([], [], range, today);

  // A monthly slot is met by any report of its month, which may run past `to`: read whole months.
  let query = db
    .selectFrom('visit_reports')
    .where('visit_on', '>=', `${range.from.slice(0, 7)}-01`)
    .where('visit_on', '<=', monthEnd(range.to))
    .select(['rep_username', 'period', 'visit_on', 'submitted_at']);
  if (onlyRep !== undefined) query = query.where('rep_username', '=', onlyRep);
  const rows = await query.execute();
  const reports: DisciplineReport[] = rows.map((r) => ({
    username: r.rep_username,
    period: r.period as ReportPeriod,
    visitOn: r.visit_on,
    submittedOn: calendarDate(new Date(r.submitted_at)),
  }));
  return computeDiscipline(reps, reports, range, today);
}

export async function reportingDiscipline(
  call: Call,
  input: ParsedInputOf<'visits.discipline'>,
): Promise<OutputOf<'visits.discipline'>> {
  const session = sessionOf(call);
  if (input.from > input.to) throw new KedangError('INVALID_INPUT', undefined, { to: 'before from' });
  const today = calendarDate(call.office.now());
  // A reviewer sees every rep; a rep (who only submits) sees their own row.
  const onlyRep = rolesGrant(session.roles, 'visits.review') ? undefined : session.username;
  return disciplineOf(call.office.requireArchive().db, input, today, onlyRep);
}
