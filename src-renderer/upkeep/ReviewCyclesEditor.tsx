import { Button, Group, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { UpkeepRules } from '../../src-shared/upkeep/upkeep';
import { useAction } from '../api/useAction';
import { useCardLabels } from '../cards/card-labels';
import { useChannel } from '../home/use-channel';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';

/**
 * 复核周期: months between reviews for each grade of the dictionary, the cycle of every other
 * card, and the days without a visit report after which a card needs attention. The custodian
 * edits them; others read them.
 */
export function ReviewCyclesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const notify = useNotify();
  const rules = useChannel('upkeep.rules', {});
  const save = useAction();
  // The rules as read until the custodian changes one; then the edited copy.
  const [edited, setEdited] = useState<UpkeepRules | null>(null);
  const draft = edited ?? rules.value;
  const setDraft = (next: UpkeepRules) => setEdited(next);

  const grades = labels.options('grade');
  // A grade with a cycle but no longer in the dictionary keeps its row, so it can be seen and cleared.
  const extra = draft ? Object.keys(draft.reviewCycleMonths).filter((g) => !grades.some((o) => o.value === g)) : [];
  const rows = [...grades, ...extra.map((g) => ({ value: g, label: g }))];
  const months = (n: string | number) => (typeof n === 'number' && Number.isInteger(n) ? n : null);

  function setGrade(grade: string, value: number | null) {
    if (!draft) return;
    const cycles = { ...draft.reviewCycleMonths };
    if (value === null) delete cycles[grade];
    else cycles[grade] = value;
    setDraft({ ...draft, reviewCycleMonths: cycles });
  }

  async function submit() {
    if (!draft) return;
    const saved = await save.run('upkeep.saveRules', { rules: draft });
    if (saved) {
      setDraft(saved);
      notify(t('upkeep.rules.saved'));
    }
  }

  return (
    <Paper withBorder radius="md" p="md" maw={560} data-testid="review-cycles">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('upkeep.rules.intro')}
        </Text>
        <ErrorAlert error={rules.error ?? save.error} />
        {draft ? (
          <>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('upkeep.rules.grade')}</Table.Th>
                  <Table.Th w={180}>{t('upkeep.rules.months')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((g) => (
                  <Table.Tr key={g.value} data-grade={g.value}>
                    <Table.Td>{g.label}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label={`${g.label} ${t('upkeep.rules.months')}`}
                        min={1}
                        max={60}
                        allowDecimal={false}
                        placeholder={String(draft.defaultCycleMonths)}
                        value={draft.reviewCycleMonths[g.value] ?? ''}
                        onChange={(v) => setGrade(g.value, months(v))}
                        disabled={!canEdit}
                        error={save.fieldError(`rules.reviewCycleMonths.${g.value}`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr data-grade="">
                  <Table.Td>{t('upkeep.rules.default')}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={t('upkeep.rules.default')}
                      min={1}
                      max={60}
                      allowDecimal={false}
                      value={draft.defaultCycleMonths}
                      onChange={(v) =>
                        setDraft({ ...draft, defaultCycleMonths: months(v) ?? draft.defaultCycleMonths })
                      }
                      disabled={!canEdit}
                      error={save.fieldError('rules.defaultCycleMonths')}
                    />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <NumberInput
              label={t('upkeep.rules.noVisitDays')}
              w={220}
              min={7}
              max={3650}
              allowDecimal={false}
              value={draft.noVisitDays}
              onChange={(v) => setDraft({ ...draft, noVisitDays: months(v) ?? draft.noVisitDays })}
              disabled={!canEdit}
              error={save.fieldError('rules.noVisitDays')}
            />
            {canEdit ? (
              <Group>
                <Button onClick={() => void submit()} loading={save.busy}>
                  {t('common.save')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('upkeep.rules.readOnly')}
              </Text>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
