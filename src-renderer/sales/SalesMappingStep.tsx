import { Alert, Badge, Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { SalesImportReport } from '../../src-shared/sales/sales';
import { useI18n } from '../i18n/I18nProvider';
import { duplicateTargets, IGNORE, mappingProblems, targetOptions } from './sales-targets';

/** How many sample values the mapping table shows per column. */
const SAMPLES = 3;

/**
 * The file as read (format, encoding, header row), one line per file column
 * with the field it goes into (editable), and the file's first rows.
 */
export function SalesMappingStep({
  report,
  targets,
  suggested,
  onTarget,
}: {
  report: SalesImportReport;
  targets: string[];
  /** The target suggested from each column's header, or null where none was. */
  suggested: (string | null)[];
  onTarget: (index: number, target: string) => void;
}) {
  const { t, language } = useI18n();
  const options = useMemo(() => targetOptions(report.kind, language, t), [report.kind, language, t]);
  const headers = report.columns.map((c) => c.header);
  const clashes = duplicateTargets(headers, targets);
  const problems = mappingProblems(report.kind, targets, language, t);

  return (
    <Stack gap="md">
      <SalesFileFacts report={report} />
      <Text size="sm">{t('sales.mappingIntro')}</Text>
      {problems.length > 0 ? (
        <Alert color="orange" variant="light" py={8} data-testid="sales-mapping-problems">
          {problems.join(' ')}
        </Alert>
      ) : null}
      <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="sales-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('sales.column')}</Table.Th>
            <Table.Th w="38%">{t('sales.target')}</Table.Th>
            <Table.Th>{t('sales.sample')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.columns.map((column, i) => {
            const target = targets[i] ?? '';
            const samples = report.preview
              .map((row) => row[i] ?? '')
              .filter((v) => v !== '')
              .slice(0, SAMPLES);
            const clash = clashes.get(i);
            return (
              <Table.Tr key={i} data-column={column.header}>
                <Table.Td fw={500}>{column.header}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Select
                      aria-label={`${t('sales.target')}${t('common.colon')}${column.header}`}
                      data={options}
                      value={target === '' ? IGNORE : target}
                      onChange={(value) => onTarget(i, !value || value === IGNORE ? '' : value)}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                      error={clash !== undefined ? t('sales.duplicateTarget', { other: clash }) : undefined}
                      style={{ flex: 1 }}
                      size="xs"
                    />
                    {/* A fixed slot, so that every select has the same width with or without the mark. */}
                    <Box w={84} pt={4}>
                      {target !== '' && suggested[i] === target ? (
                        <Badge variant="light" color="teal" size="sm" className="kd-badge-whole">
                          {t('sales.suggested')}
                        </Badge>
                      ) : null}
                    </Box>
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed" className="kd-detail">
                  {samples.join(t('common.listSeparator'))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Text fw={500} size="sm">
        {t('sales.previewRows', { n: report.preview.length })}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(600, report.columns.length * 110)}>
        <Table withTableBorder withColumnBorders striped verticalSpacing={4} fz="xs" data-testid="sales-preview">
          <Table.Thead>
            <Table.Tr>
              {report.columns.map((c, i) => (
                <Table.Th key={i} className="kd-nowrap">
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.preview.map((row, r) => (
              <Table.Tr key={r}>
                {report.columns.map((_, i) => (
                  <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** File name, format, encoding and header row, as read by main. */
export function SalesFileFacts({ report }: { report: SalesImportReport }) {
  const { t } = useI18n();
  const facts: [string, string][] = [
    [t('sales.file'), report.fileName],
    [t('sales.format'), report.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV'],
    [t('sales.encoding'), report.encoding ? report.encoding.toUpperCase() : t('sales.encodingNone')],
    [t('sales.headerRow'), t('sales.headerRowValue', { n: report.headerRow })],
  ];
  return (
    <Group gap="xl" data-testid="sales-file-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </Group>
  );
}
