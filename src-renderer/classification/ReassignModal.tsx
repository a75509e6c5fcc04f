import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CardQuery } from '../../src-shared/contracts/cards';
import { useAction } from '../api/useAction';
import { useCardLabels } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { REASSIGN_AXES, type ReassignAxis } from './class-labels';
import { regionPathLabel } from './region-tree';

/** The option meaning "no value on this axis" (a Select cannot hold '' as a choice). */
const CLEAR = '\u0000clear';

/**
 * 调整分类: sets one class (a dictionary axis or the rep) of many cards at once — the chosen
 * cards of a list, all cards of the list's query, or a group of the classification view. The
 * dialog says how many cards it will change before anything is written; main writes one
 * 'reclassify' version per changed card and logs the change.
 */
export function ReassignModal({
  query,
  total,
  selectedIds = [],
  groupLabel,
  initialAxis = 'grade',
  onDone,
  onClose,
}: {
  /** What selects the cards: the list's search and filters, or a group's filters. */
  query: CardQuery;
  /** How many cards the query selects. */
  total: number;
  /** The cards chosen in the list; empty when the whole query is meant. */
  selectedIds?: number[];
  /** Names the group when the cards are a group of the classification view. */
  groupLabel?: string;
  initialAxis?: ReassignAxis;
  onDone: (result: { changed: number; unchanged: number }) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const notify = useNotify();
  const action = useAction();
  const [scope, setScope] = useState<'selected' | 'all'>(selectedIds.length > 0 ? 'selected' : 'all');
  const [axis, setAxis] = useState<ReassignAxis>(initialAxis);
  const [value, setValue] = useState<string | null>(null);

  const count = scope === 'selected' ? selectedIds.length : total;
  const axisName = labels.field(`classification.${axis}`);
  const options =
    axis === 'assignedRep'
      ? labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }))
      : axis === 'route'
        ? labels.options('route').map((o) => {
            const parent = labels.dictionaries.find((d) => d.axis === 'route' && d.code === o.value)?.parentCode;
            return parent
              ? { ...o, label: `${o.label}（${regionPathLabel(labels.dictionaries, parent, labels.language)}）` }
              : o;
          })
        : axis === 'region'
          ? labels
              .options('region')
              .map((o) => ({ ...o, label: regionPathLabel(labels.dictionaries, o.value, labels.language) }))
          : labels.options(axis);
  const data = [...options, { value: CLEAR, label: t('classification.clearValue') }];
  const valueLabel = value === null ? '' : (data.find((o) => o.value === value)?.label ?? value);

  async function confirm() {
    if (value === null) return;
    const result = await action.run('classification.reassign', {
      ...query,
      ...(scope === 'selected' ? { ids: selectedIds } : {}),
      axis,
      value: value === CLEAR ? '' : value,
    });
    if (!result) return;
    notify(
      result.unchanged > 0
        ? t('classification.reassign.doneUnchanged', result)
        : t('classification.reassign.done', result),
    );
    onDone(result);
  }

  return (
    <Modal opened onClose={onClose} title={t('classification.reassign.title')} centered size="lg">
      <Stack gap="md" data-testid="reassign-modal">
        {selectedIds.length > 0 ? (
          <Radio.Group
            label={t('classification.reassign.scope')}
            value={scope}
            onChange={(v) => setScope(v as 'selected' | 'all')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="selected" label={t('classification.reassign.selected', { n: selectedIds.length })} />
              <Radio value="all" label={t('classification.reassign.allMatching', { n: total.toLocaleString() })} />
            </Group>
          </Radio.Group>
        ) : groupLabel ? (
          <Text size="sm" fw={500}>
            {t('classification.reassign.group', { group: groupLabel, n: total.toLocaleString() })}
          </Text>
        ) : (
          <Text size="sm" fw={500}>
            {t('classification.reassign.allMatching', { n: total.toLocaleString() })}
          </Text>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('classification.reassign.axis')}
            data={REASSIGN_AXES.map((a) => ({ value: a, label: labels.field(`classification.${a}`) }))}
            value={axis}
            onChange={(v) => {
              if (!v) return;
              setAxis(v as ReassignAxis);
              setValue(null);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('classification.reassign.value')}
            placeholder={t('classification.reassign.valuePick')}
            data={data}
            value={value}
            onChange={setValue}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
        </Group>
        {value !== null ? (
          <Alert color="indigo" variant="light" data-testid="reassign-confirm-text">
            <Stack gap={4}>
              <Text size="sm">
                {t('classification.reassign.confirm', {
                  n: count.toLocaleString(),
                  axis: axisName,
                  value: valueLabel,
                })}
              </Text>
              {axis === 'route' && value !== CLEAR ? (
                <Text size="sm">{t('classification.reassign.routeNote')}</Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <ErrorAlert error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={action.busy}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void confirm()}
            loading={action.busy}
            disabled={action.busy || value === null || count === 0}
          >
            {t('classification.reassign.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
