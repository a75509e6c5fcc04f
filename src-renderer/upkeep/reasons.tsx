import { Badge, Group, type MantineSize } from '@mantine/core';
import type { AttentionReason } from '../../src-shared/upkeep/upkeep';
import { useI18n } from '../i18n/I18nProvider';

/** One colour per reason wherever it shows: the chips, the badges and the start page counts. */
export const REASON_COLORS: Record<AttentionReason, string> = {
  review: 'indigo',
  unverified: 'orange',
  noVisit: 'red',
};

/** Why a card is on the needs-attention list, as badges. */
export function ReasonBadges({ reasons, size = 'sm' }: { reasons: readonly AttentionReason[]; size?: MantineSize }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      {reasons.map((reason) => (
        <Badge
          key={reason}
          size={size}
          variant="light"
          color={REASON_COLORS[reason]}
          className="kd-badge-whole"
          data-reason={reason}
        >
          {t(`upkeep.reason.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}
