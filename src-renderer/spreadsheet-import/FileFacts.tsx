import { Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { testIdOf, wordOf, type Importer } from './importer';
import type { SpreadsheetReport } from './useSpreadsheetImport';

/** File name, format, encoding and header row, as read by main. */
export function FileFacts({ importer, report }: { importer: Importer; report: SpreadsheetReport }) {
  const { t } = useI18n();
  const facts: [string, string][] = [
    [t(wordOf(importer, 'file')), report.fileName],
    [t(wordOf(importer, 'format')), report.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV'],
    [
      t(wordOf(importer, 'encoding')),
      report.encoding ? report.encoding.toUpperCase() : t(wordOf(importer, 'encodingUnknown')),
    ],
    [t(wordOf(importer, 'headerRow')), t(wordOf(importer, 'headerRowValue'), { n: report.headerRow })],
  ];
  return (
    <Group gap="xl" data-testid={testIdOf(importer, 'file-facts')}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={500} data-fact={label}>
            {value}
          </Text>
        </div>
      ))}
    </Group>
  );
}
