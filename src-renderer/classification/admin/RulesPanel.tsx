import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAction } from '../../api/useAction';
import { useCardLabels } from '../../cards/card-labels';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/Notifications';
import { fromRulesForm, toRulesForm, type RuleProblem, type RulesForm } from './rules-form';

/**
 * 派生分类规则: the thresholds of lifecycle (months) and volume tier (ABC percentages, default
 * 80/15/5), and the trade terms per credit grade that the credit analysis suggests. The
 * administrator edits them; saving recomputes every customer's derived classes in main. Others
 * read them, so that a class on a card can be explained.
 */
export function RulesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const labels = useCardLabels();
  const load = useAction();
  const save = useAction();
  const [form, setForm] = useState<RulesForm | null>(null);
  const [problems, setProblems] = useState<Record<string, RuleProblem>>({});
  const { run } = load;

  useEffect(() => {
    void run('classification.rules', {}).then((rules) => {
      if (rules) setForm(toRulesForm(rules));
    });
  }, [run]);

  if (!form) return load.error ? <ErrorAlert error={load.error} /> : <Loader size="sm" />;

  const problem = (path: string) => {
    const p = problems[path];
    return p ? t(p.key, p.vars) : null;
  };
  const set = (patch: Partial<RulesForm>) => setForm({ ...form, ...patch });
  const setTerm = (i: number, patch: Partial<RulesForm['creditTerms'][number]>) =>
    set({ creditTerms: form.creditTerms.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const key = Number(form.keyPercent);
  const general = Number(form.generalPercent);
  const scattered = Number.isFinite(key + general) ? Math.max(0, 100 - key - general) : '';

  async function submit() {
    if (!form) return;
    const checked = fromRulesForm(form);
    setProblems(checked.problems);
    if (!checked.rules) return;
    const saved = await save.run('classification.saveRules', { rules: checked.rules });
    if (saved) {
      setForm(toRulesForm(saved));
      notify(t('classification.rules.saved'));
    }
  }

  const number = (
    path: 'newMonths' | 'lapsedMonths' | 'keyPercent' | 'generalPercent',
    label: string,
    suffix?: string,
  ) => (
    <TextInput
      label={label}
      value={form[path]}
      onChange={(e) => set({ [path]: e.currentTarget.value })}
      error={problem(path)}
      readOnly={!canEdit}
      rightSection={
        suffix ? (
          <Text size="xs" c="dimmed">
            {suffix}
          </Text>
        ) : undefined
      }
      rightSectionWidth={suffix ? 48 : undefined}
      inputMode="numeric"
      maxLength={4}
    />
  );

  return (
    <Stack gap="lg" maw={980} data-testid="rules-panel">
      {canEdit ? null : (
        <Alert color="gray" variant="light" py={6}>
          {t('classification.rules.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('classification.rules.lifecycle')}</Title>
          <Text size="sm" c="dimmed">
            {t('classification.rules.lifecycleHint')}
          </Text>
          <SimpleGrid cols={2} maw={640}>
            {number('newMonths', t('classification.rules.newMonths'), t('classification.rules.months'))}
            {number('lapsedMonths', t('classification.rules.lapsedMonths'), t('classification.rules.months'))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('classification.rules.tiers')}</Title>
          <Text size="sm" c="dimmed">
            {t('classification.rules.tiersHint')}
          </Text>
          <SimpleGrid cols={3} maw={640}>
            {number('keyPercent', t('classification.rules.keyPercent'))}
            {number('generalPercent', t('classification.rules.generalPercent'))}
            <TextInput label={t('classification.rules.scatteredPercent')} value={String(scattered)} readOnly disabled />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('classification.rules.credit')}</Title>
          <Text size="sm" c="dimmed">
            {t('classification.rules.creditHint')}
          </Text>
          <Table withTableBorder verticalSpacing={4} data-testid="credit-terms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('classification.rules.creditGrade')}</Table.Th>
                <Table.Th w={110}>{t('classification.rules.paymentDays')}</Table.Th>
                <Table.Th w={180}>{t('classification.rules.limit')}</Table.Th>
                <Table.Th>{t('classification.rules.handling')}</Table.Th>
                {canEdit ? <Table.Th w={44} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.creditTerms.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('classification.rules.creditGrade')}
                      data={labels.options('creditGrade', row.creditGrade)}
                      value={row.creditGrade || null}
                      onChange={(v) => setTerm(i, { creditGrade: v ?? '' })}
                      error={problem(`creditTerms.${i}.creditGrade`)}
                      readOnly={!canEdit}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('classification.rules.paymentDays')}
                      value={row.paymentDays}
                      onChange={(e) => setTerm(i, { paymentDays: e.currentTarget.value })}
                      error={problem(`creditTerms.${i}.paymentDays`)}
                      readOnly={!canEdit}
                      inputMode="numeric"
                      maxLength={3}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('classification.rules.limit')}
                      placeholder={t('classification.rules.noLimit')}
                      value={row.limitYuan}
                      onChange={(e) => setTerm(i, { limitYuan: e.currentTarget.value })}
                      error={problem(`creditTerms.${i}.suggestedLimitCents`)}
                      readOnly={!canEdit}
                      inputMode="decimal"
                      maxLength={20}
                      classNames={{ input: 'kd-number-input' }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('classification.rules.handling')}
                      value={row.handling}
                      onChange={(e) => setTerm(i, { handling: e.currentTarget.value })}
                      readOnly={!canEdit}
                      maxLength={200}
                    />
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('classification.rules.removeTerm')}
                        title={t('classification.rules.removeTerm')}
                        onClick={() => set({ creditTerms: form.creditTerms.filter((_, j) => j !== i) })}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canEdit ? (
            <Group>
              <Button
                size="xs"
                variant="default"
                disabled={form.creditTerms.length >= 50}
                onClick={() =>
                  set({
                    creditTerms: [
                      ...form.creditTerms,
                      { creditGrade: '', paymentDays: '0', limitYuan: '', handling: '' },
                    ],
                  })
                }
              >
                {t('classification.rules.addTerm')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      {canEdit ? (
        <Stack gap="xs">
          <ErrorAlert error={save.error} />
          <Group>
            <Button onClick={() => void submit()} loading={save.busy} disabled={save.busy}>
              {t('classification.rules.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
