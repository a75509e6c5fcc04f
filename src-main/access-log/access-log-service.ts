import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { Language } from '../../src-shared/errors';
import { describeLogDetail, logDetail, withLogDetail } from '../../src-shared/log-details';
import type { AccessLogRowDto, LogFilter, LogVerificationDto } from '../../src-shared/contracts/access-log';
import type { LogAction, LogOutcome } from '../../src-shared/access-log';
import type { Kysely } from 'kysely';
import type { ArchiveSchema } from '../store/schema';
import { sessionOf, type Call } from '../router/call';
import { verifyLog } from './verify';
import { writeLogWorkbook } from './log-workbook';

/** Inclusive local dates → ISO instants; the office's dates are its own time zone. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}
function dayEnd(date: string): string {
  return new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString();
}

function filtered(db: Kysely<ArchiveSchema>, filter: LogFilter) {
  let query = db.selectFrom('access_log');
  if (filter.username) query = query.where('username', 'like', `%${filter.username}%`);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.target) query = query.where('target', 'like', `%${filter.target}%`);
  if (filter.from) query = query.where('at', '>=', dayStart(filter.from));
  if (filter.to) query = query.where('at', '<', dayEnd(filter.to));
  return query;
}

function toDto(row: ArchiveSchema['access_log'], language: Language): AccessLogRowDto {
  return {
    seq: row.seq,
    at: row.at,
    username: row.username,
    role: row.role,
    action: row.action as LogAction,
    target: row.target,
    outcome: row.outcome as LogOutcome,
    device: row.device,
    detail: describeLogDetail(row.detail, language),
  };
}

function describeFilter(filter: LogFilter): string {
  const parts = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
  return parts.length
    ? logDetail(['filter', { filter: parts.map(([k, v]) => `${k}=${String(v)}`).join(' ') }])
    : logDetail(['noFilter']);
}

/** One page of the log, newest first. Browsing the log is itself logged. */
export async function queryLog(
  call: Call,
  input: ParsedInputOf<'accessLog.query'>,
): Promise<{ rows: AccessLogRowDto[]; total: number }> {
  const { office, connection } = call;
  const db = office.requireArchive().db;
  const total = await filtered(db, input.filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, input.filter)
    .selectAll()
    .orderBy('seq', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  await office.logAlone(connection, sessionOf(call), {
    action: 'log_query',
    target: 'access_log',
    outcome: 'success',
    detail: describeFilter(input.filter),
  });
  return { rows: rows.map((r) => toDto(r, connection.language)), total: Number(total.n) };
}

async function runVerification(call: Call): Promise<LogVerificationDto> {
  const { office } = call;
  const archive = office.requireArchive();
  return verifyLog(archive.raw, archive.logKey, office.readKeyring(), office.now());
}

/** Verifies the whole chain; the result and the verification itself are recorded. */
export async function verify(call: Call): Promise<LogVerificationDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const result = await runVerification(call);
  await office.transaction(async (trx, log) => {
    await trx
      .insertInto('log_verifications')
      .values({
        at: result.verifiedAt,
        by_user_id: session.userId,
        ok: result.ok ? 1 : 0,
        checked_rows: result.checkedRows,
        first_bad_seq: result.firstBadSeq,
        problem: result.problem,
        last_seq: result.lastSeq,
        head_seq: result.headSeq,
      })
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'log_verify',
        target: 'access_log',
        outcome: result.ok ? 'success' : 'failure',
        detail: result.ok
          ? logDetail(['rowsVerified', { rows: result.checkedRows }])
          : logDetail(['verifyFailed', { seq: result.firstBadSeq ?? 0, problem: result.problem ?? '' }]),
      }),
    );
  });
  return result;
}

export async function logStatus(call: Call): Promise<OutputOf<'accessLog.status'>> {
  const db = call.office.requireArchive().db;
  const count = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('log_verifications')
    .leftJoin('users', 'users.id', 'log_verifications.by_user_id')
    .selectAll('log_verifications')
    .select('users.display_name')
    .orderBy('log_verifications.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    rows: Number(count.n),
    lastVerifiedBy: last?.display_name ?? null,
    lastVerification: last
      ? {
          ok: last.ok === 1,
          checkedRows: last.checked_rows,
          firstBadSeq: last.first_bad_seq,
          problem: last.problem as LogVerificationDto['problem'],
          lastSeq: last.last_seq,
          headSeq: last.head_seq,
          verifiedAt: last.at,
        }
      : null,
  };
}

/** Exports the filtered log with a fresh verification result on its own sheet. */
export async function exportLog(
  call: Call,
  input: ParsedInputOf<'accessLog.export'>,
): Promise<{ path: string; rows: number; verification: LogVerificationDto }> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const verification = await runVerification(call);
  const rows = await filtered(office.requireArchive().db, input.filter).selectAll().orderBy('seq').execute();
  await writeLogWorkbook(
    input.path,
    rows.map((r) => toDto(r, connection.language)),
    verification,
    {
      exportedBy: session.username,
      exportedAt: office.now(),
      filter: describeLogDetail(describeFilter(input.filter), connection.language) ?? '',
      language: connection.language,
    },
  );
  await office.logAlone(connection, session, {
    action: 'log_export',
    target: input.path,
    outcome: 'success',
    detail: withLogDetail(
      describeFilter(input.filter),
      ['rowsExported', { rows: rows.length }],
      verification.ok
        ? ['rowsVerified', { rows: verification.checkedRows }]
        : ['verifyFailed', { seq: verification.firstBadSeq ?? 0, problem: verification.problem ?? '' }],
    ),
  });
  return { path: input.path, rows: rows.length, verification };
}
