import { MultiSelect, SimpleGrid, TagsInput } from '@mantine/core';
import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../src-shared/cards/card';
import type { CardFilters } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { useCardLabels } from './card-labels';

/** How many of the panel's filters (axes and reps) are set: shown on the 筛选 button when the panel is closed. */
export function countPanelFilters(filters: CardFilters): number {
  return [...CLASSIFICATION_AXES, 'assignedRep' as const].filter((k) => (filters[k]?.length ?? 0) > 0).length;
}

/** The classification axes and the rep, each a multi-select by label; the list refreshes on every change. */
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
          );
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
          data={labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }))}
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
    </SimpleGrid>
  );
}
