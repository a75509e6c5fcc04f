import { Badge, Button, Group, Paper, Select, Switch, Text } from '@mantine/core';
import { SOURCES, type SectionKey, type SectionSource as Source } from '../../src-shared/cards/card';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../ui/format';
import { useCardLabels } from './card-labels';

/**
 * Where a section's data came from and whether a custodian has checked it
 * (method 三.1): shown on every content tab; custodians verify from here.
 */
export function SectionSource({
  section,
  source,
  editing,
  canVerify,
  verifying,
  onVerify,
  onChange,
}: {
  section: SectionKey;
  source: Source;
  editing: boolean;
  canVerify: boolean;
  verifying: boolean;
  onVerify: () => void;
  onChange: (path: string, value: string | boolean) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();

  if (editing) {
    return (
      <Paper withBorder p="sm" mb="md" className="kd-section-source" data-section-source={section}>
        <Group gap="lg" align="flex-end">
          <Select
            label={t('cards.source')}
            data={SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
            value={source.source}
            onChange={(v) => v && onChange(`sources.${section}.source`, v)}
            allowDeselect={false}
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
          <Switch
            label={t('cards.verifiedSwitch')}
            checked={source.verified}
            onChange={(e) => onChange(`sources.${section}.verified`, e.currentTarget.checked)}
            color="green"
            mb={8}
          />
          {source.source === 'customer_form' ? (
            <Text size="xs" c="dimmed" mb={8} maw={420}>
              {t('cards.customerFormRule')}
            </Text>
          ) : null}
        </Group>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="sm" mb="md" className="kd-section-source" data-section-source={section}>
      <Group gap="md" justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('cards.source')}
              {t('common.colon')}
            </Text>
            {labels.source(source.source)}
          </Text>
          {source.verified ? (
            <Group gap={6} wrap="nowrap" data-verified="true">
              <Badge color="green" variant="light" className="kd-badge-whole">
                {t('cards.verified')}
              </Badge>
              <Text size="sm" c="dimmed">
                {[source.verifiedBy, formatDateTime(source.verifiedAt).slice(0, 16)].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          ) : (
            <Badge color="orange" variant="filled" className="kd-badge-whole" data-verified="false">
              {t('cards.unverified')}
            </Badge>
          )}
        </Group>
        {canVerify && !source.verified ? (
          <Button size="xs" color="green" variant="light" onClick={onVerify} loading={verifying} disabled={verifying}>
            {t('cards.verify')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
