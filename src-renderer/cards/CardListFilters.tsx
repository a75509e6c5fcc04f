import { MultiSelect, SimpleGrid, TagsInput } from '@mantine/core';
import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../src-shared/cards/card';
import { LIFECYCLES, VOLUME_TIERS, type Lifecycle, type VolumeTier } from '../../src-shared/classification/derived';
import type { CardFilters } from '../../src-shared/contracts';
import { LIFECYCLE_KEYS, VOLUME_TIER_KEYS } from '../classification/class-labels';
import { regionPathLabel } from '../classification/region-tree';
import { useI18n } from '../i18n/I18nProvider';
import { useCardLabels } from './card-labels';

/** The panel's filters: every classification axis, the rep and the derived classes. */
const PANEL_KEYS = [...CLASSIFICATION_AXES, 'assignedRep', 'lifecycle', 'volumeTier'] as const;

/** How many of the panel's filters are set: shown on the 筛选 button when the panel is closed. */
export function countPanelFilters(filters: CardFilters): number {
  return PANEL_KEYS.filter((k) => (filters[k]?.length ?? 0) > 0).length;
}

/**
 * The classification axes, the rep and the derived classes (生命周期, 客户层级), each a
 * multi-select by label; the list refreshes on every change.
 */
export function CardListFilters({
  filters,
  onChange,
}: {
  filters: CardFilters;
  onChange: (filters: CardFilters) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const set = (key: ClassificationAxis | 'assignedRep', values: string[]) => {
    const next = { ...filters };
    if (values.length > 0) next[key] = values;
    else delete next[key];
    onChange(next);
  };
  const setDerived = <K extends 'lifecycle' | 'volumeTier'>(key: K, values: NonNullable<CardFilters[K]>) => {
    const next = { ...filters };
    if (values.length > 0) next[key] = values;
    else delete next[key];
    onChange(next);
  };
  const routeParents = filters.region ?? [];

  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm" verticalSpacing="xs" data-testid="card-filters">
      {CLASSIFICATION_AXES.map((axis) => {
        // Routes belong to a region: once regions are chosen, only their routes are offered.
        const options = labels
          .options(axis)
          .filter(
            (o) =>
              axis !== 'route' ||
              routeParents.length === 0 ||
              routeParents.includes(
                labels.dictionaries.find((d) => d.axis === 'route' && d.code === o.value)?.parentCode ?? '',
              ),
          )
          // Regions read with their path (华北区 › 北京 › 朝阳), so that two 朝阳 cannot be confused.
          .map((o) =>
            axis === 'region' ? { ...o, label: regionPathLabel(labels.dictionaries, o.value, labels.language) } : o,
          );
        // A value set from elsewhere (the not-classified group, a deactivated entry) stays visible and removable.
        for (const value of filters[axis] ?? []) {
          if (!options.some((o) => o.value === value)) {
            options.push({
              value,
              label: value === '' ? t('classification.unclassified') : labels.dictionary(axis, value),
            });
          }
        }
        return (
          <MultiSelect
            key={axis}
            size="xs"
            label={labels.field(`classification.${axis}`)}
            placeholder={(filters[axis]?.length ?? 0) === 0 ? t('cards.filter.any') : undefined}
            data={options}
            value={filters[axis] ?? []}
            onChange={(values) => set(axis, values)}
            searchable
            nothingFoundMessage={t('cards.filter.noOptions')}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
      {labels.reps.length > 0 ? (
        <MultiSelect
          size="xs"
          label={labels.field('classification.assignedRep')}
          placeholder={(filters.assignedRep?.length ?? 0) === 0 ? t('cards.filter.any') : undefined}
          data={[
            ...labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) })),
            ...(filters.assignedRep ?? [])
              .filter((u) => !labels.reps.some((r) => r.username === u))
              .map((u) => ({ value: u, label: u === '' ? t('classification.unclassified') : u })),
          ]}
          value={filters.assignedRep ?? []}
          onChange={(values) => set('assignedRep', values)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        // Readers who may not list the reps filter by user name.
        <TagsInput
          size="xs"
          label={labels.field('classification.assignedRep')}
          placeholder={t('cards.filter.repUsername')}
          value={filters.assignedRep ?? []}
          onChange={(values) => set('assignedRep', values)}
          clearable
        />
      )}
      <MultiSelect
        size="xs"
        label={t('classification.axis.lifecycle')}
        placeholder={(filters.lifecycle?.length ?? 0) === 0 ? t('cards.filter.any') : undefined}
        data={LIFECYCLES.map((v) => ({ value: v, label: t(LIFECYCLE_KEYS[v]) }))}
        value={filters.lifecycle ?? []}
        onChange={(values) => setDerived('lifecycle', values as Lifecycle[])}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        size="xs"
        label={t('classification.axis.volumeTier')}
        placeholder={(filters.volumeTier?.length ?? 0) === 0 ? t('cards.filter.any') : undefined}
        data={VOLUME_TIERS.map((v) => ({ value: v, label: t(VOLUME_TIER_KEYS[v]) }))}
        value={filters.volumeTier ?? []}
        onChange={(values) => setDerived('volumeTier', values as VolumeTier[])}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
