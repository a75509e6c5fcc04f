import { Button, Group, Loader, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RepScheduleDto, VisitReportSummary } from '../../src-shared/contracts/visits';
import { REPORT_URGENCIES, type ReportStatus, type ReportUrgency } from '../../src-shared/visits/visit-report';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ReportList } from './ReportList';
import { ReportPage } from './ReportPage';
import { URGENCY_KEYS } from './report-labels';

const PAGE = 50;

export interface InboxCounts {
  pending: number;
  urgent: number;
}

/**
 * 收件箱: the reports waiting for the custodian, urgent first (main orders
 * them), or the handled ones, newest first. A report opens in place; the
 * list keeps its filters for the way back.
 */
export function Inbox({ onCounts }: { onCounts: (counts: InboxCounts) => void }) {
  const { t } = useI18n();
  const list = useAction();
  const [status, setStatus] = useState<ReportStatus>('pending');
  const [urgency, setUrgency] = useState<ReportUrgency | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [reps, setReps] = useState<RepScheduleDto[]>([]);
  const [rows, setRows] = useState<VisitReportSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  // Bumped after a review, so the list reads again when shown.
  const [version, setVersion] = useState(0);
  const { run } = list;

  useEffect(() => {
    void call('visits.schedules', {}).then((result) => {
      if (result.ok) setReps(result.value);
    });
  }, []);

  useEffect(() => {
    let live = true;
    void run('visits.inbox', {
      status,
      ...(urgency ? { urgency } : {}),
      ...(rep ? { rep } : {}),
      offset: 0,
      limit: PAGE,
    }).then((page) => {
      if (!live || !page) return;
      setRows(page.rows);
      setTotal(page.total);
      onCounts({ pending: page.pending, urgent: page.urgent });
    });
    return () => {
      live = false;
    };
  }, [run, status, urgency, rep, version, onCounts]);

  async function more() {
    const page = await run('visits.inbox', {
      status,
      ...(urgency ? { urgency } : {}),
      ...(rep ? { rep } : {}),
      offset: rows?.length ?? 0,
      limit: PAGE,
    });
    if (page) {
      setRows((previous) => [...(previous ?? []), ...page.rows]);
      setTotal(page.total);
    }
  }

  if (open !== null)
    return <ReportPage id={open} mayReview onBack={() => setOpen(null)} onReviewed={() => setVersion((v) => v + 1)} />;

  return (
    <Stack gap="md" data-testid="visit-inbox">
      <Group gap="md" align="flex-end">
        <SegmentedControl
          data={[
            { value: 'pending', label: t('visits.inbox.pending') },
            { value: 'closed', label: t('visits.inbox.closed') },
          ]}
          value={status}
          onChange={(v) => setStatus(v as ReportStatus)}
        />
        <Select
          label={t('visits.inbox.urgency')}
          data={REPORT_URGENCIES.map((u) => ({ value: u, label: t(URGENCY_KEYS[u]) }))}
          value={urgency}
          onChange={(v) => setUrgency(v as ReportUrgency | null)}
          placeholder={t('visits.inbox.allUrgencies')}
          clearable
          w={140}
        />
        <Select
          label={t('visits.inbox.rep')}
          data={reps.map((r) => ({ value: r.username, label: `${r.displayName}（${r.username}）` }))}
          value={rep}
          onChange={setRep}
          placeholder={t('visits.inbox.allReps')}
          clearable
          searchable
          w={220}
        />
        <Text size="sm" c="dimmed" ml="auto" data-testid="inbox-total">
          {t('visits.list.total', { n: total })}
        </Text>
      </Group>
      <ErrorAlert error={list.error} />
      {rows === null && !list.error ? <Loader size="sm" /> : null}
      {rows && rows.length === 0 ? (
        <Text c="dimmed" data-testid="inbox-empty">
          {status === 'pending' ? t('visits.inbox.empty') : t('visits.inbox.emptyClosed')}
        </Text>
      ) : null}
      {rows && rows.length > 0 ? <ReportList rows={rows} showRep onOpen={(r) => setOpen(r.id)} /> : null}
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
