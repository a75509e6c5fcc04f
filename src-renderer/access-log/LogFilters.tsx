import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { LOG_ACTIONS, LOG_OUTCOMES, type LogAction, type LogOutcome } from '../../src-shared/access-log';
import type { LogFilter } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';

function pick<T extends string>(options: readonly T[], value: string | null): T | undefined {
  return options.find((option) => option === value);
}

/** Turns the form's strings into the contract's filter, leaving empty fields out. */
function toFilter(form: FilterForm): LogFilter {
  const filter: LogFilter = {};
  if (form.username.trim()) filter.username = form.username.trim();
  if (form.action) filter.action = form.action;
  if (form.outcome) filter.outcome = form.outcome;
  if (form.target.trim()) filter.target = form.target.trim();
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  return filter;
}

interface FilterForm {
  username: string;
  action: LogAction | undefined;
  outcome: LogOutcome | undefined;
  target: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = { username: '', action: undefined, outcome: undefined, target: '', from: '', to: '' };

export function LogFilters({
  onApply,
  busy,
  fieldError,
}: {
  onApply: (filter: LogFilter) => void;
  busy: boolean;
  fieldError: (field: string) => string | undefined;
}) {
  const { t, labels } = useI18n();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [dateProblem, setDateProblem] = useState<string | undefined>();
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) =>
    setForm((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.from && form.to && form.from > form.to) {
      setDateProblem(t('log.dateOrder'));
      return;
    }
    setDateProblem(undefined);
    onApply(toFilter(form));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('log.user')}
          value={form.username}
          onChange={(e) => set('username', e.currentTarget.value)}
          error={fieldError('filter.username')}
          w={140}
        />
        <Select
          label={t('log.action')}
          placeholder={t('log.all')}
          data={LOG_ACTIONS.map((action) => ({ value: action, label: labels.logActions[action] }))}
          value={form.action ?? null}
          onChange={(value) => set('action', pick(LOG_ACTIONS, value))}
          clearable
          searchable
          w={170}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('log.outcome')}
          placeholder={t('log.all')}
          data={LOG_OUTCOMES.map((outcome) => ({ value: outcome, label: labels.outcomes[outcome] }))}
          value={form.outcome ?? null}
          onChange={(value) => set('outcome', pick(LOG_OUTCOMES, value))}
          clearable
          w={120}
        />
        <TextInput
          label={t('log.target')}
          value={form.target}
          onChange={(e) => set('target', e.currentTarget.value)}
          error={fieldError('filter.target')}
          w={160}
        />
        <TextInput
          type="date"
          label={t('log.from')}
          value={form.from}
          onChange={(e) => set('from', e.currentTarget.value)}
          error={dateProblem ?? fieldError('filter.from')}
          w={160}
        />
        <TextInput
          type="date"
          label={t('log.to')}
          value={form.to}
          onChange={(e) => set('to', e.currentTarget.value)}
          error={fieldError('filter.to')}
          w={160}
        />
        <Button type="submit" loading={busy} disabled={busy}>
          {t('log.search')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setForm(EMPTY);
            setDateProblem(undefined);
            onApply({});
          }}
          disabled={busy}
        >
          {t('log.reset')}
        </Button>
      </Group>
    </form>
  );
}
