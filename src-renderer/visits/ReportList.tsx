import { Table, Text } from '@mantine/core';
import type { VisitReportSummary } from '../../src-shared/contracts/visits';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../ui/format';
import { ReportStatusBadge, UrgencyBadge } from './ReportBadges';
import { PERIOD_KEYS, reportAbout } from './report-labels';

/**
 * Report list lines, the same columns wherever reports are listed. An urgent
 * report carries a red bar and badge, so it stands out in a long inbox.
 */
export function ReportList({
  rows,
  showRep,
  onOpen,
}: {
  rows: VisitReportSummary[];
  showRep: boolean;
  onOpen: (report: VisitReportSummary) => void;
}) {
  const { t } = useI18n();
  return (
    <Table highlightOnHover withTableBorder fz="sm" verticalSpacing={6} data-testid="report-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('visits.list.number')}</Table.Th>
          <Table.Th>{t('visits.list.visitOn')}</Table.Th>
          {showRep ? <Table.Th>{t('visits.list.rep')}</Table.Th> : null}
          <Table.Th>{t('visits.list.about')}</Table.Th>
          <Table.Th>{t('visits.list.period')}</Table.Th>
          <Table.Th>{t('visits.list.urgency')}</Table.Th>
          <Table.Th>{t('visits.list.status')}</Table.Th>
          <Table.Th ta="right">{t('visits.list.changes')}</Table.Th>
          <Table.Th>{t('visits.list.submittedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr
            key={r.id}
            className="kd-visit-row"
            data-urgent={r.urgency === 'urgent' ? 'true' : undefined}
            data-report={r.number}
            data-status={r.status}
            tabIndex={0}
            onClick={() => onOpen(r)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onOpen(r);
            }}
          >
            <Table.Td className="kd-mono kd-nowrap">{r.number}</Table.Td>
            <Table.Td className="kd-mono kd-nowrap">{r.visitOn}</Table.Td>
            {showRep ? <Table.Td className="kd-nowrap">{r.repName || r.repUsername}</Table.Td> : null}
            <Table.Td>
              <Text size="sm" fw={r.customer ? 500 : undefined} c={r.customer ? undefined : 'dimmed'}>
                {reportAbout(r, t)}
              </Text>
            </Table.Td>
            <Table.Td className="kd-nowrap">{t(PERIOD_KEYS[r.period])}</Table.Td>
            <Table.Td>
              <UrgencyBadge urgency={r.urgency} />
            </Table.Td>
            <Table.Td>
              <ReportStatusBadge status={r.status} testId="report-status" />
            </Table.Td>
            <Table.Td ta="right" className="kd-mono">
              {r.status === 'pending' ? `– / ${r.changeCount}` : `${r.appliedCount} / ${r.changeCount}`}
            </Table.Td>
            <Table.Td className="kd-mono kd-nowrap">{formatDateTime(r.submittedAt).slice(0, 16)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
