import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldProblemText, isCalendarDate } from '../../src-shared/cards/card-schema';
import type { CardDto, CardRow } from '../../src-shared/contracts';
import {
  REPORT_PERIODS,
  REPORT_SUBJECTS,
  REPORT_URGENCIES,
  type ReportPeriod,
  type ReportSubject,
  type ReportUrgency,
} from '../../src-shared/visits/visit-report';
import { localToday } from '../analysis/period';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { ChangeRows, type DraftChange } from './ChangeRows';
import { valueProblem } from './proposed-values';
import { PERIOD_KEYS, SUBJECT_KEYS, URGENCY_KEYS } from './report-labels';
import { useLeaveGuard } from '../cards/leave-guard';

interface Draft {
  subject: ReportSubject;
  customerId: number | null;
  prospectName: string;
  visitOn: string;
  period: ReportPeriod;
  urgency: ReportUrgency;
  findings: string;
  changes: DraftChange[];
}

function freshDraft(period: ReportPeriod): Draft {
  return {
    subject: 'customer',
    customerId: null,
    prospectName: '',
    visitOn: localToday(),
    period,
    urgency: 'routine',
    findings: '',
    changes: [],
  };
}

type Problems = Record<string, string>;

/**
 * 写报告: the rep's visit report (客户访问日报/月报). The customer list is
 * the rep's own cards (main limits the search for a rep); choosing one opens
 * the card, so that each proposed change shows the value it replaces.
 */
export function ReportForm({ onSubmitted }: { onSubmitted: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const submit = useAction();
  // A rep who files 月报 files it again next time: the kind stays after a submit.
  const [draft, setDraft] = useState<Draft>(() => freshDraft('daily'));
  const [problems, setProblems] = useState<Problems>({});
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [loadedCard, setLoadedCard] = useState<CardDto | null>(null);
  const cardLoad = useAction();
  const today = localToday();
  // What the rep has written is theirs until it is submitted: leaving asks first.
  const leaveDialog = useLeaveGuard(
    draft.findings.trim() !== '' || draft.prospectName.trim() !== '' || draft.changes.length > 0,
    'visits.form.leaveExplain',
  );

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSubmitted(null);
  };

  // The chosen customer's card: its current values stand beside each proposed change.
  const { run: loadCard } = cardLoad;
  const card = loadedCard !== null && loadedCard.id === draft.customerId ? loadedCard : null;
  useEffect(() => {
    if (draft.customerId === null) return;
    let live = true;
    void loadCard('cards.get', { id: draft.customerId }).then((dto) => {
      if (live && dto) setLoadedCard(dto);
    });
    return () => {
      live = false;
    };
  }, [draft.customerId, loadCard]);

  function check(d: Draft): Problems {
    const found: Problems = {};
    const required = t('form.required');
    if (d.subject === 'customer' && d.customerId === null) found.customerId = required;
    if (d.subject === 'prospect' && d.prospectName.trim() === '') found.prospectName = required;
    if (!isCalendarDate(d.visitOn)) found.visitOn = required;
    else if (d.visitOn > today) found.visitOn = t('visits.form.afterToday');
    if (d.findings.trim() === '') found.findings = required;
    const seen = new Set<string>();
    d.changes.forEach((c, i) => {
      if (c.path === null) {
        found[`changes.${i}.path`] = required;
        return;
      }
      if (seen.has(c.path)) found[`changes.${i}.path`] = t('visits.form.duplicateField');
      seen.add(c.path);
      const problem = valueProblem(c.path, c.value, language);
      if (problem) found[`changes.${i}.value`] = problem;
    });
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = check(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const withChanges = draft.subject !== 'general';
    const report = await submit.run('visits.submit', {
      subject: draft.subject,
      ...(draft.subject === 'customer' && draft.customerId !== null ? { customerId: draft.customerId } : {}),
      prospectName: draft.subject === 'prospect' ? draft.prospectName.trim() : '',
      visitOn: draft.visitOn,
      period: draft.period,
      urgency: draft.urgency,
      findings: draft.findings.trim(),
      changes: withChanges ? draft.changes.map((c) => ({ path: c.path!, value: c.value })) : [],
    });
    if (!report) return;
    notify(t('visits.form.submitted', { number: report.number }));
    setDraft(freshDraft(draft.period));
    setProblems({});
    setSubmitted(report.number);
    onSubmitted();
  }

  // Main names a field's problem by a code (required, outOfRange, ...); the card's words translate it.
  const problem = (key: string) => {
    const server = submit.fieldError(key);
    return problems[key] ?? (server === undefined ? undefined : fieldProblemText(server, language));
  };
  const canPropose = draft.subject === 'prospect' || (draft.subject === 'customer' && card !== null);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="report-form">
      {leaveDialog}
      <Stack gap="md" maw={960}>
        <Text size="sm" c="dimmed">
          {t('visits.form.intro')}
        </Text>
        {submitted ? (
          <Alert color="green" variant="light" data-testid="report-submitted">
            {t('visits.form.submitted', { number: submitted })}
          </Alert>
        ) : null}

        <Input.Wrapper label={t('visits.form.subject')}>
          <div>
            <SegmentedControl
              data={REPORT_SUBJECTS.map((s) => ({ value: s, label: t(SUBJECT_KEYS[s]) }))}
              value={draft.subject}
              onChange={(value) => set({ subject: value as ReportSubject, changes: [] })}
            />
          </div>
        </Input.Wrapper>

        {draft.subject === 'customer' ? (
          <CustomerPicker
            value={draft.customerId}
            onChange={(id) => set({ customerId: id, changes: [] })}
            error={problem('customerId')}
          />
        ) : null}
        {draft.subject === 'prospect' ? (
          <TextInput
            label={t('visits.form.prospectName')}
            description={t('visits.form.prospectHint')}
            value={draft.prospectName}
            onChange={(e) => set({ prospectName: e.currentTarget.value })}
            error={problem('prospectName')}
            maxLength={200}
            withAsterisk
            maw={480}
          />
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('visits.form.visitOn')}
            value={draft.visitOn}
            max={today}
            onChange={(e) => set({ visitOn: e.currentTarget.value })}
            error={problem('visitOn')}
            withAsterisk
          />
          <Input.Wrapper label={t('visits.form.period')}>
            <div>
              <SegmentedControl
                data={REPORT_PERIODS.map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))}
                value={draft.period}
                onChange={(value) => set({ period: value as ReportPeriod })}
              />
            </div>
          </Input.Wrapper>
          <Input.Wrapper
            label={t('visits.form.urgency')}
            description={draft.urgency === 'urgent' ? t('visits.form.urgentHint') : undefined}
            // The hint goes under the choice, so the three choices stay level with the fields beside them.
            inputWrapperOrder={['label', 'input', 'description']}
          >
            <div>
              <SegmentedControl
                data={REPORT_URGENCIES.map((u) => ({ value: u, label: t(URGENCY_KEYS[u]) }))}
                value={draft.urgency}
                color={draft.urgency === 'urgent' ? 'red' : undefined}
                onChange={(value) => set({ urgency: value as ReportUrgency })}
              />
            </div>
          </Input.Wrapper>
        </SimpleGrid>

        <Textarea
          label={t('visits.form.findings')}
          description={t('visits.form.findingsHint')}
          value={draft.findings}
          onChange={(e) => set({ findings: e.currentTarget.value })}
          error={problem('findings')}
          autosize
          minRows={5}
          maxRows={16}
          maxLength={8000}
          withAsterisk
        />

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={600}>{t('visits.form.changes')}</Text>
            {draft.subject === 'general' ? (
              <Text size="sm" c="dimmed">
                {t('visits.form.generalHint')}
              </Text>
            ) : canPropose ? (
              <ChangeRows
                changes={draft.changes}
                card={draft.subject === 'customer' ? card : null}
                excluded={draft.subject === 'prospect' ? ['basic.name'] : []}
                problem={problem}
                onChange={(changes) => set({ changes })}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('visits.form.changesNeedCustomer')}
              </Text>
            )}
            <ErrorAlert error={cardLoad.error} />
          </Stack>
        </Paper>

        {Object.keys(problems).length > 0 ? (
          <Text c="red" size="sm" role="alert">
            {t('visits.form.fixProblems')}
          </Text>
        ) : null}
        <ErrorAlert error={submit.error} />
        <Group>
          <Button type="submit" loading={submit.busy}>
            {t('visits.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A customer of the rep's own, found by name or code (main returns only the rep's assigned cards). */
function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<CardRow[]>([]);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const label = (r: CardRow) => `${r.code} ${r.name}`;
  const chosen = rows.find((r) => r.id === value);
  // Once a customer is chosen the box shows its label; that is not a new search.
  const query = chosen && debounced === label(chosen) ? null : debounced;

  useEffect(() => {
    if (query === null) return;
    let live = true;
    void call('cards.search', {
      query,
      filters: { status: ['active'] },
      sort: { column: 'name', direction: 'asc' },
      offset: 0,
      limit: 100,
    }).then((result) => {
      if (!live || !result.ok) return;
      // Keep the chosen card among the options, or the box would go blank.
      setRows((previous) => {
        const kept = previous.find((r) => r.id === value);
        return kept && !result.value.rows.some((r) => r.id === kept.id)
          ? [kept, ...result.value.rows]
          : result.value.rows;
      });
    });
    return () => {
      live = false;
    };
  }, [query, value]);

  return (
    <Select
      label={t('visits.form.customer')}
      placeholder={t('visits.form.customerPlaceholder')}
      data={rows.map((r) => ({ value: String(r.id), label: label(r) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Main already searched; the options are the answer, not something to filter again.
      filter={({ options }) => options}
      nothingFoundMessage={t('visits.form.noCustomers')}
      error={error}
      withAsterisk
      clearable
      maw={480}
      comboboxProps={{ withinPortal: true }}
      data-testid="report-customer"
    />
  );
}
