import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Period } from '../../src-shared/analysis/analysis';
import { useI18n } from '../i18n/I18nProvider';
import { PERIOD_PRESETS, periodProblem, presetOf, presetPeriod } from './period';

/**
 * The period every analysis tab reads: a preset (last 12 months, this year, last year, last
 * quarter) or two typed dates. The dates are checked here first so a typo gets a message
 * beside the field; main checks the period again.
 */
export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [shown, setShown] = useState(period);
  const [problem, setProblem] = useState<ReturnType<typeof periodProblem>>(null);
  // A preset fills the date fields with its dates.
  if (shown !== period) {
    setShown(period);
    setFrom(period.from);
    setTo(period.to);
    setProblem(null);
  }
  const active = presetOf(period, today);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = periodProblem(from, to);
    setProblem(found);
    if (!found) onChange({ from, to });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="period-picker">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('analysis.period.label')}
          </Text>
          <Button.Group>
            {PERIOD_PRESETS.map((preset) => (
              <Button
                key={preset}
                size="sm"
                variant={active === preset ? 'filled' : 'default'}
                onClick={() => onChange(presetPeriod(preset, today))}
                aria-pressed={active === preset}
              >
                {t(`analysis.preset.${preset}`)}
              </Button>
            ))}
          </Button.Group>
        </div>
        <TextInput
          type="date"
          label={t('analysis.period.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={problem ? t(problem) : undefined}
          w={160}
        />
        <TextInput
          type="date"
          label={t('analysis.period.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={problem ? ' ' : undefined}
          w={160}
        />
        <Button type="submit" variant="light">
          {t('analysis.period.apply')}
        </Button>
      </Group>
    </form>
  );
}
