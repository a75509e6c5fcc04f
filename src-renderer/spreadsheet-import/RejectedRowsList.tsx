import { ScrollArea, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { testIdOf, wordOf, type Importer } from './importer';
import type { SpreadsheetReport } from './useSpreadsheetImport';

/** The rows that failed the check, each with its spreadsheet row number and reasons. */
export function RejectedRowsList({
  importer,
  report,
  maxHeight,
  reasonSeparator,
}: {
  importer: Importer;
  report: Pick<SpreadsheetReport, 'rejected' | 'rejectedCount'>;
  /** Taller where the rejected rows are all the check shows. */
  maxHeight: number;
  reasonSeparator: string;
}) {
  const { t } = useI18n();
  return (
    <div>
      <Text fw={500} size="sm" mb={6}>
        {t(wordOf(importer, 'rejectedTitle'), { n: report.rejectedCount })}
      </Text>
      {report.rejectedCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t(wordOf(importer, 'noRejected'))}
        </Text>
      ) : (
        <>
          <ScrollArea.Autosize mah={maxHeight} type="auto">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid={testIdOf(importer, 'rejected')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t(wordOf(importer, 'rowNo'))}</Table.Th>
                  <Table.Th>{t(wordOf(importer, 'reasons'))}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.map((r) => (
                  <Table.Tr key={r.row} data-row={r.row}>
                    <Table.Td className="kd-mono">{r.row}</Table.Td>
                    <Table.Td c="red.8">{r.reasons.join(reasonSeparator)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {report.rejected.length < report.rejectedCount ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t(wordOf(importer, 'rejectedMore'), { shown: report.rejected.length, total: report.rejectedCount })}
            </Text>
          ) : null}
        </>
      )}
    </div>
  );
}
