import { Alert, Badge, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { LogOutcome } from '../../src-shared/access-log';
import type { AccessLogRowDto, LogFilter, LogVerificationDto, SessionDto } from '../../src-shared/contracts';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/Notifications';
import { ExportPathModal } from './ExportPathModal';
import { LogFilters } from './LogFilters';
import { VerifyResult } from './VerifyResult';

const PAGE_SIZE = 50;
const OUTCOME_COLORS: Record<LogOutcome, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** 访问日志: the auditor's view of who did what, with chain verification and an Excel export. */
export function AccessLogScreen({ session }: { session: SessionDto }) {
  const { t, labels } = useI18n();
  const notify = useNotify();
  const query = useAction();
  const verify = useAction();
  const exporter = useAction();
  const [filter, setFilter] = useState<LogFilter>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: AccessLogRowDto[]; total: number } | null>(null);
  const [verification, setVerification] = useState<LogVerificationDto | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [choosing, setChoosing] = useState(false);
  // Verifying and exporting write log rows themselves; bumping this re-reads the page so they show.
  const [refresh, setRefresh] = useState(0);
  const { run } = query;

  useEffect(() => {
    void run('accessLog.query', { filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then((value) => {
      if (value) setData(value);
    });
  }, [run, filter, page, refresh]);

  async function runVerify() {
    const result = await verify.run('accessLog.verify', {});
    if (result) {
      setVerification(result);
      setRefresh((n) => n + 1);
    }
  }

  async function exportTo(path: string) {
    const result = await exporter.run('accessLog.export', { path, filter });
    if (result) {
      setAskPath(false);
      notify(t('log.exported', { n: result.rows, path: result.path }));
      setVerification(result.verification);
      setRefresh((n) => n + 1);
    }
  }

  /** Ask the host for a file; where there is no dialog, fall back to typing the path. */
  async function startExport() {
    exporter.clearError();
    setChoosing(true);
    const chosen = await call('app.chooseFile', { purpose: 'logExport', mode: 'save' });
    setChoosing(false);
    if (chosen.ok) await exportTo(chosen.value.path);
    else if (chosen.error.code === 'NOT_AVAILABLE') setAskPath(true);
    else if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
  }

  const may = (permission: SessionDto['permissions'][number]) => session.permissions.includes(permission);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.accessLog')}</Title>
        <Group gap="sm">
          {may('accessLog.verify') ? (
            <Button onClick={() => void runVerify()} loading={verify.busy} disabled={verify.busy}>
              {t('log.verify')}
            </Button>
          ) : null}
          {may('accessLog.export') ? (
            <Button
              variant="default"
              onClick={() => void startExport()}
              loading={choosing || (exporter.busy && !askPath)}
              disabled={choosing || exporter.busy}
            >
              {t('log.export')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {verification ? <VerifyResult result={verification} /> : null}
      <ErrorAlert error={verify.error} />
      {askPath ? null : <ErrorAlert error={exporter.error} />}
      <LogFilters
        busy={query.busy}
        fieldError={query.fieldError}
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <ErrorAlert error={query.error} />
      {data ? (
        <>
          <Text size="sm" c="dimmed" data-testid="log-total">
            {t('log.total', { n: data.total })}
          </Text>
          <Table.ScrollContainer minWidth={980}>
            <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="log-table">
              <Table.Thead className="kd-nowrap">
                <Table.Tr>
                  <Table.Th>{t('log.seq')}</Table.Th>
                  <Table.Th>{t('log.time')}</Table.Th>
                  <Table.Th>{t('log.user')}</Table.Th>
                  <Table.Th>{t('log.role')}</Table.Th>
                  <Table.Th>{t('log.action')}</Table.Th>
                  <Table.Th>{t('log.target')}</Table.Th>
                  <Table.Th className="kd-col-outcome">{t('log.outcome')}</Table.Th>
                  <Table.Th>{t('log.device')}</Table.Th>
                  <Table.Th>{t('log.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={row.seq}>
                    <Table.Td className="kd-mono">{row.seq}</Table.Td>
                    <Table.Td className="kd-nowrap kd-mono">{formatDateTime(row.at)}</Table.Td>
                    <Table.Td>{row.username ?? '—'}</Table.Td>
                    <Table.Td className="kd-nowrap">{roleLabel(row.role, labels.roles)}</Table.Td>
                    <Table.Td className="kd-nowrap">{labels.logActions[row.action] ?? row.action}</Table.Td>
                    <Table.Td>{row.target ?? ''}</Table.Td>
                    <Table.Td className="kd-nowrap">
                      <Badge color={OUTCOME_COLORS[row.outcome]} variant="light" size="sm" className="kd-badge-whole">
                        {labels.outcomes[row.outcome]}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="kd-nowrap">{row.device ?? ''}</Table.Td>
                    <Table.Td className="kd-detail">{row.detail ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.rows.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('log.none')}
            </Alert>
          ) : null}
          {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} /> : null}
        </>
      ) : null}
      {askPath ? (
        <ExportPathModal
          busy={exporter.busy}
          error={exporter.error}
          onExport={(path) => void exportTo(path)}
          onClose={() => setAskPath(false)}
        />
      ) : null}
    </Stack>
  );
}

/** The role column holds the role the user acted in; older or foreign values are shown as stored. */
function roleLabel(role: string | null, roles: Record<string, string>): string {
  if (!role) return '—';
  return roles[role] ?? role;
}
