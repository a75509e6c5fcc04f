import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReportingDiscipline, VisitReportSummary } from '../../src-shared/contracts/visits';
import type { ReportStatus } from '../../src-shared/visits/visit-report';
import { localToday } from '../analysis/period';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ReportList } from './ReportList';
import { ReportPage } from './ReportPage';
import { PERIOD_KEYS } from './report-labels';
import { slotText } from './slot-text';

const PAGE = 50;

/** 我的报告: the rep's own reports with their status, and how the rep stands against the reporting rule. */
export function MyReports({ version }: { version: number }) {
  const { t } = useI18n();
  const list = useAction();
  const [status, setStatus] = useState<ReportStatus | 'all'>('all');
  const [rows, setRows] = useState<VisitReportSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const { run } = list;

  useEffect(() => {
    let live = true;
    void run('visits.mine', { ...(status === 'all' ? {} : { status }), offset: 0, limit: PAGE }).then((page) => {
      if (!live || !page) return;
      setRows(page.rows);
      setTotal(page.total);
    });
    return () => {
      live = false;
    };
  }, [run, status, version]);

  async function more() {
    const page = await run('visits.mine', {
      ...(status === 'all' ? {} : { status }),
      offset: rows?.length ?? 0,
      limit: PAGE,
    });
    if (page) {
      setRows((previous) => [...(previous ?? []), ...page.rows]);
      setTotal(page.total);
    }
  }

  if (open !== null) return <ReportPage id={open} mayReview={false} onBack={() => setOpen(null)} />;

  return (
    <Stack gap="md" data-testid="my-reports">
      <OwnDiscipline version={version} />
      <Group gap="md" align="flex-end">
        <SegmentedControl
          data={[
            { value: 'all', label: t('visits.mine.all') },
            { value: 'pending', label: t('visits.status.pending') },
            { value: 'closed', label: t('visits.status.closed') },
          ]}
          value={status}
          onChange={(v) => setStatus(v as ReportStatus | 'all')}
        />
        <Text size="sm" c="dimmed" ml="auto">
          {t('visits.list.total', { n: total })}
        </Text>
      </Group>
      <ErrorAlert error={list.error} />
      {rows === null && !list.error ? <Loader size="sm" /> : null}
      {rows && rows.length === 0 ? <Text c="dimmed">{t('visits.mine.empty')}</Text> : null}
      {rows && rows.length > 0 ? <ReportList rows={rows} showRep={false} onOpen={(r) => setOpen(r.id)} /> : null}
      {rows && rows.length < total ? (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => void more()} loading={list.busy}>
            {t('visits.list.more', { n: Math.min(PAGE, total - rows.length) })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** 报告要求: this month's expected, submitted and overdue reports of the rep (main gives a rep only their own). */
function OwnDiscipline({ version }: { version: number }) {
  const { t, labels } = useI18n();
  const [discipline, setDiscipline] = useState<ReportingDiscipline | null>(null);

  useEffect(() => {
    const today = localToday();
    let live = true;
    void call('visits.discipline', { from: `${today.slice(0, 8)}01`, to: today }).then((result) => {
      if (live && result.ok) setDiscipline(result.value);
    });
    return () => {
      live = false;
    };
  }, [version]);

  if (!discipline) return null;
  const own = discipline.reps[0];
  const scheduled = own && own.period !== 'none';
  return (
    <Alert
      color={discipline.overdue.length > 0 ? 'orange' : 'blue'}
      variant="light"
      title={t('visits.mine.rule')}
      data-testid="own-discipline"
    >
      <Stack gap={4}>
        <Text size="sm">
          {scheduled
            ? t('visits.mine.ruleLine', {
                period: t(PERIOD_KEYS[own.period]),
                expected: own.expected,
                submitted: own.submitted,
                late: own.late,
                overdue: own.overdue,
              })
            : t('visits.mine.noRule')}
        </Text>
        {discipline.overdue.length > 0 ? (
          <Text size="sm" c="orange.9" data-testid="own-overdue">
            {t('visits.mine.overdue', {
              slots: discipline.overdue.map((o) => slotText(o, t)).join(labels.strings['common.listSeparator']),
            })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
