import type { SessionDto } from '../../src-shared/contracts/auth';
import { PERMISSIONS } from '../../src-shared/permissions';
import { rolesGrant } from '../../src-shared/permissions';
import type { Office, Session } from '../office';

export async function sessionDto(office: Office, session: Session): Promise<SessionDto> {
  const name = await office
    .requireArchive()
    .db.selectFrom('settings')
    .select('value')
    .where('key', '=', 'archive_name')
    .executeTakeFirst();
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    roles: [...session.roles],
    permissions: PERMISSIONS.filter((p) => rolesGrant(session.roles, p)),
    mustChangePassword: session.mustChangePassword,
    idleLockMinutes: office.idleLockMinutes,
    archiveName: name?.value ?? '',
  };
}
