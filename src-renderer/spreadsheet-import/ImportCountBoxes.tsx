import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { testIdOf, type Importer } from './importer';

/** One count of a dry run or an import; a count of nothing is shown dimmed. */
export interface ImportCount {
  stat: string;
  label: StringKey;
  value: number;
  /** How the value reads where it is not a plain count (an amount). */
  shown?: string;
  color: string;
}

/** The counts of a dry run (or of the import itself), one box each. */
export function ImportCountBoxes({ importer, counts }: { importer: Importer; counts: readonly ImportCount[] }) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={counts.length} spacing="sm" data-testid={testIdOf(importer, 'counts')}>
      {counts.map(({ stat, label, value, shown, color }) => (
        <Paper key={stat} withBorder radius="sm" p="sm" data-stat={stat}>
          <Text size="xs" c="dimmed">
            {t(label)}
          </Text>
          <Text size="xl" fw={700} c={value !== 0 ? color : 'dimmed'} data-value className="kd-nowrap">
            {shown ?? value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
