import type { Role } from './roles';

/**
 * Every permission a channel can require. Later domains (cards, analyses,
 * visits) are listed already so that the navigation and the table-driven
 * tests cover them from the start.
 */
export const PERMISSIONS = [
  'users.manage',
  'settings.manage',
  'backup.manage',
  'accessLog.read',
  'accessLog.verify',
  'accessLog.export',
  'cards.read',
  'cards.readAssigned',
  'cards.write',
  'cards.revealPersonal',
  'cards.print',
  'cards.export',
  'cards.import',
  'sales.import',
  'classification.read',
  'classification.manage',
  'analysis.read',
  'visits.submit',
  'visits.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permission table, checked in the main process for every call.
 * admin: accounts, settings, backups, dictionaries; no card content.
 * custodian: the cards. manager: reads and analyses. rep: assigned cards and
 * visit reports. auditor: the access log only.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'settings.manage', 'backup.manage', 'classification.manage', 'classification.read'],
  custodian: [
    'cards.read',
    'cards.write',
    'cards.revealPersonal',
    'cards.print',
    'cards.export',
    'cards.import',
    'sales.import',
    'classification.read',
    'analysis.read',
    'visits.review',
  ],
  manager: ['cards.read', 'cards.print', 'classification.read', 'analysis.read'],
  rep: ['cards.readAssigned', 'visits.submit'],
  auditor: ['accessLog.read', 'accessLog.verify', 'accessLog.export'],
};

/** True when any of the roles grants the permission. */
export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
