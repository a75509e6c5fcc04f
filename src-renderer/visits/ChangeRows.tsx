import { Button, Grid, Select, Stack, Text } from '@mantine/core';
import type { SectionKey } from '../../src-shared/cards/card';
import type { CardDto } from '../../src-shared/contracts';
import type { ProposedValue } from '../../src-shared/visits/visit-report';
import { FieldInput } from '../cards/FieldInputs';
import { useCardLabels } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { cardValue, emptyValue, PROPOSABLE_FIELDS, proposableField } from './proposed-values';
import { ShownValue } from './ShownValue';

export interface DraftChange {
  /** Stable across removals, so each row keeps its own input state. */
  key: number;
  path: string | null;
  value: ProposedValue;
}

let nextKey = 1;

/**
 * 建议修改档案: one row per proposed change — the field, the value on the
 * card now, and the new value in the input the card form uses for that kind
 * of field. Without a card (a new prospect) there is no current value.
 */
export function ChangeRows({
  changes,
  card,
  excluded,
  problem,
  onChange,
}: {
  changes: DraftChange[];
  card: CardDto | null;
  excluded: readonly string[];
  problem: (key: string) => string | undefined;
  onChange: (changes: DraftChange[]) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const options = PROPOSABLE_FIELDS.filter((f) => !excluded.includes(f.path)).map((f) => ({
    value: f.path,
    label: `${labels.section(f.section as SectionKey)} · ${labels.field(f.path)}`,
  }));
  const update = (key: number, patch: Partial<DraftChange>) =>
    onChange(changes.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  return (
    <Stack gap="sm" data-testid="proposed-changes">
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('visits.form.changesIntro')}
        </Text>
      ) : null}
      {changes.map((change, i) => {
        const field = change.path === null ? undefined : proposableField(change.path);
        return (
          <Grid key={change.key} gap="sm" align="flex-end" data-change-row={change.path ?? ''}>
            <Grid.Col span={4}>
              <Select
                label={t('visits.form.field')}
                placeholder={t('visits.form.fieldPlaceholder')}
                data={options}
                value={change.path}
                onChange={(path) =>
                  update(change.key, {
                    path,
                    // Start from the card's value, so a small correction needs no retyping.
                    value: path === null ? null : card ? cardValue(card.content, path) : emptyValue(path),
                  })
                }
                searchable
                error={problem(`changes.${i}.path`)}
                comboboxProps={{ withinPortal: true }}
                data-testid={`change-field-${i}`}
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <Text size="sm" fw={500} mb={4}>
                {t('visits.form.currentValue')}
              </Text>
              <Text size="sm" mih={36} py={6} data-testid={`change-current-${i}`}>
                {field && card ? <ShownValue path={field.path} value={cardValue(card.content, field.path)} /> : '—'}
              </Text>
            </Grid.Col>
            <Grid.Col span={4}>
              {field ? (
                <FieldInput
                  key={field.path}
                  field={field}
                  value={change.value}
                  onChange={(_path, value) => update(change.key, { value: typeof value === 'boolean' ? null : value })}
                  error={problem(`changes.${i}.value`)}
                />
              ) : null}
            </Grid.Col>
            <Grid.Col span={1}>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                mb={6}
                onClick={() => onChange(changes.filter((c) => c.key !== change.key))}
              >
                {t('visits.form.removeChange')}
              </Button>
            </Grid.Col>
          </Grid>
        );
      })}
      <div>
        <Button
          variant="light"
          size="sm"
          onClick={() => onChange([...changes, { key: nextKey++, path: null, value: null }])}
          disabled={changes.length >= 60}
        >
          {t('visits.form.addChange')}
        </Button>
      </div>
    </Stack>
  );
}
