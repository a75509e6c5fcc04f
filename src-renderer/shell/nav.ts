import type { Permission } from '../../src-shared/permissions';
import type { StringKey } from '../i18n/dictionary';

export type Section =
  'home' | 'cards' | 'upkeep' | 'classification' | 'analysis' | 'sales' | 'visits' | 'accessLog' | 'admin';

export interface NavItem {
  section: Exclude<Section, 'home'>;
  label: StringKey;
  /** Shown when the session holds any of these; main checks every call again regardless. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'cards', label: 'nav.cards', anyOf: ['cards.read', 'cards.readAssigned'] },
  { section: 'upkeep', label: 'nav.upkeep', anyOf: ['cards.read', 'cards.readAssigned'] },
  { section: 'classification', label: 'nav.classification', anyOf: ['classification.read', 'classification.manage'] },
  { section: 'analysis', label: 'nav.analysis', anyOf: ['analysis.read'] },
  { section: 'sales', label: 'nav.sales', anyOf: ['sales.import'] },
  { section: 'visits', label: 'nav.visits', anyOf: ['visits.submit', 'visits.review'] },
  { section: 'accessLog', label: 'nav.accessLog', anyOf: ['accessLog.read'] },
  { section: 'admin', label: 'nav.admin', anyOf: ['users.manage'] },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.anyOf.some((permission) => permissions.includes(permission)));
}
