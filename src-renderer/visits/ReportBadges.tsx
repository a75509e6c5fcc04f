import { Badge, type MantineSize } from '@mantine/core';
import type { ReportStatus, ReportUrgency } from '../../src-shared/visits/visit-report';
import { useI18n } from '../i18n/I18nProvider';
import { STATUS_COLORS, STATUS_KEYS, URGENCY_COLORS, URGENCY_KEYS } from './report-labels';

/**
 * A report's urgency and status as badges: the same words and colours in the visits screens, on the
 * start pages and in a card's overview. Urgent is filled red, so it stands out wherever it appears.
 */

export function UrgencyBadge({ urgency, size = 'sm' }: { urgency: ReportUrgency; size?: MantineSize }) {
  const { t } = useI18n();
  return (
    <Badge
      size={size}
      variant={urgency === 'urgent' ? 'filled' : 'light'}
      color={URGENCY_COLORS[urgency]}
      className="kd-badge-whole"
    >
      {t(URGENCY_KEYS[urgency])}
    </Badge>
  );
}

export function ReportStatusBadge({
  status,
  size = 'sm',
  testId,
}: {
  status: ReportStatus;
  size?: MantineSize;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Badge size={size} variant="light" color={STATUS_COLORS[status]} className="kd-badge-whole" data-testid={testId}>
      {t(STATUS_KEYS[status])}
    </Badge>
  );
}
