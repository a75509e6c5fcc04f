import type { ParsedInputOf } from '../../src-shared/contracts';
import { logDetail } from '../../src-shared/log-details';
import type { SettingsDto } from '../../src-shared/contracts/settings';
import { sessionOf, type Call } from '../router/call';

export async function getSettings(call: Call): Promise<SettingsDto> {
  const rows = await call.office.requireArchive().db.selectFrom('settings').selectAll().execute();
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { archiveName: value('archive_name') ?? '', idleLockMinutes: call.office.idleLockMinutes };
}

export async function updateSettings(call: Call, input: ParsedInputOf<'settings.update'>): Promise<SettingsDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const before = office.idleLockMinutes;
  await office.transaction(async (trx, log) => {
    await trx
      .insertInto('settings')
      .values({ key: 'idle_lock_minutes', value: String(input.idleLockMinutes) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(input.idleLockMinutes) }))
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'settings_update',
        target: 'idle_lock_minutes',
        outcome: 'success',
        detail: logDetail(['idleLockMinutes', { from: before, to: input.idleLockMinutes }]),
      }),
    );
  });
  office.idleLockMinutes = input.idleLockMinutes;
  return getSettings(call);
}
