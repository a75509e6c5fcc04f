import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { CardImportReport } from '../../../src-shared/cards/import-report';
import type { StringKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportCountBoxes } from '../../spreadsheet-import/ImportCountBoxes';
import { RejectedRowsList } from '../../spreadsheet-import/RejectedRowsList';
import { axisLabel } from './import-options';

type Stat = 'totalRows' | 'acceptedRows' | 'rejectedCount' | 'toCreate' | 'toUpdate' | 'toSkip';
const STATS: [Stat, StringKey, string][] = [
  ['totalRows', 'cardImport.total', 'dark'],
  ['acceptedRows', 'cardImport.accepted', 'green'],
  ['rejectedCount', 'cardImport.rejected', 'red'],
  ['toCreate', 'cardImport.toCreate', 'indigo'],
  ['toUpdate', 'cardImport.toUpdate', 'indigo'],
  ['toSkip', 'cardImport.toSkip', 'gray'],
];

/** The counts of a dry run (or of the import itself), one box each. */
export function ImportCounts({ report }: { report: CardImportReport }) {
  return (
    <ImportCountBoxes
      importer="cardImport"
      counts={STATS.map(([stat, label, color]) => ({ stat, label, value: report[stat], color }))}
    />
  );
}

/** What the check found: rejected rows with their reasons, duplicates with the matched cards, new dictionary values. */
export function ImportFindings({ report }: { report: CardImportReport }) {
  const { t, language } = useI18n();
  return (
    <Stack gap="md">
      {/* The card section has no separator word of its own, so the reasons are joined the Chinese way in either language. */}
      <RejectedRowsList importer="cardImport" report={report} maxHeight={220} reasonSeparator="；" />

      {report.duplicates.length > 0 ? (
        <div>
          <Text fw={500} size="sm" mb={6}>
            {t('cardImport.duplicatesTitle', { n: report.duplicates.length })}
          </Text>
          <ScrollArea.Autosize mah={200} type="auto">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="import-duplicates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('cardImport.rowNo')}</Table.Th>
                  <Table.Th>{t('cardImport.matchedCard')}</Table.Th>
                  <Table.Th>{t('cardImport.matchedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.duplicates.map((d) => (
                  <Table.Tr key={`${d.row}-${d.cardId}`} data-row={d.row}>
                    <Table.Td className="kd-mono">{d.row}</Table.Td>
                    <Table.Td className="kd-mono">{d.cardCode}</Table.Td>
                    <Table.Td>{t(`cardImport.matchedBy.${d.matchedBy}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </div>
      ) : null}

      {report.newDictionaryValues.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title={t('cardImport.newValuesTitle', { n: report.newDictionaryValues.length })}
        >
          <Text size="sm" mb={6}>
            {t('cardImport.newValuesHint')}
          </Text>
          <Group gap={6} data-testid="import-new-values">
            {report.newDictionaryValues.map((v) => (
              <Badge key={`${v.axis}:${v.value}`} variant="outline" className="kd-badge-whole">
                {axisLabel(v.axis, language)}
                {t('common.colon')}
                {v.value}
              </Badge>
            ))}
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
