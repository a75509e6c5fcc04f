import { Text } from '@mantine/core';
import type { ProposedValue } from '../../src-shared/visits/visit-report';
import { useCardLabels } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';

/** A field value as the card shows it; an empty one says so, so that "cleared" and "not shown" differ. */
export function ShownValue({ path, value }: { path: string; value: ProposedValue | undefined }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const text = value === undefined ? '' : labels.value(path, value);
  if (text === '')
    return (
      <Text span c="dimmed" size="sm">
        {t('visits.form.emptyValue')}
      </Text>
    );
  return <span className="kd-visit-value">{text}</span>;
}
