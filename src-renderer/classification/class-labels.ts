import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../src-shared/cards/card';
import type { Lifecycle, VolumeTier } from '../../src-shared/classification/derived';
import type { GroupAxis } from '../../src-shared/contracts/classification';
import type { CardLabels } from '../cards/card-labels';
import type { StringKey } from '../i18n/dictionary';
import type { Translate } from '../i18n/I18nProvider';
import { regionPathLabel } from './region-tree';

export const LIFECYCLE_KEYS: Record<Lifecycle, StringKey> = {
  potential: 'classification.lifecycle.potential',
  new: 'classification.lifecycle.new',
  active: 'classification.lifecycle.active',
  lapsed: 'classification.lifecycle.lapsed',
};

export const VOLUME_TIER_KEYS: Record<VolumeTier, StringKey> = {
  key: 'classification.volumeTier.key',
  general: 'classification.volumeTier.general',
  scattered: 'classification.volumeTier.scattered',
};

export const LIFECYCLE_COLORS: Record<Lifecycle, string> = {
  potential: 'gray',
  new: 'teal',
  active: 'indigo',
  lapsed: 'orange',
};

export const VOLUME_TIER_COLORS: Record<VolumeTier, string> = { key: 'red', general: 'blue', scattered: 'gray' };

/** The axes a custodian may reassign in bulk: every dictionary axis and the rep (derived classes are overridden per card). */
export const REASSIGN_AXES = [...CLASSIFICATION_AXES, 'assignedRep'] as const;
export type ReassignAxis = (typeof REASSIGN_AXES)[number];

/** The name of a grouping axis as the card screens call it. */
export function groupAxisLabel(axis: GroupAxis, labels: CardLabels, t: Translate): string {
  if (axis === 'lifecycle') return t('classification.axis.lifecycle');
  if (axis === 'volumeTier') return t('classification.axis.volumeTier');
  return labels.field(`classification.${axis}`);
}

/** One value of a grouping axis as a reader sees it: a region with its path, a route with its region. */
export function groupKeyLabel(axis: GroupAxis, key: string, labels: CardLabels, t: Translate): string {
  if (key === '') return t('classification.unclassified');
  if (axis === 'lifecycle') return key in LIFECYCLE_KEYS ? t(LIFECYCLE_KEYS[key as Lifecycle]) : key;
  if (axis === 'volumeTier') return key in VOLUME_TIER_KEYS ? t(VOLUME_TIER_KEYS[key as VolumeTier]) : key;
  if (axis === 'assignedRep') return labels.rep(key);
  if (axis === 'region') return regionPathLabel(labels.dictionaries, key, labels.language);
  if (axis === 'route') {
    const route = labels.dictionaries.find((d) => d.axis === 'route' && d.code === key);
    const name = labels.dictionary('route', key);
    return route?.parentCode
      ? `${name}（${regionPathLabel(labels.dictionaries, route.parentCode, labels.language)}）`
      : name;
  }
  return labels.dictionary(axis as ClassificationAxis, key);
}
