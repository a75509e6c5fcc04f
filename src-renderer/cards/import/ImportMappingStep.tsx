import { Alert, Badge, Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { CardImportReport } from '../../../src-shared/cards/import-report';
import { useI18n } from '../../i18n/I18nProvider';
import { IGNORE, targetOptions } from './import-options';

/** How many sample values the mapping table shows per column. */
const SAMPLES = 3;

/** Which columns share a target with an earlier column: index → the earlier column's header. */
export function duplicateTargets(headers: readonly string[], targets: readonly string[]): Map<number, string> {
  const first = new Map<string, number>();
  const clashes = new Map<number, string>();
  targets.forEach((target, i) => {
    if (target === '') return;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, i);
    else clashes.set(i, headers[earlier] ?? '');
  });
  return clashes;
}

/**
 * The file as read (format, encoding, header row), one line per file
 * column with the card field it goes into, and the file's first rows.
 */
export function ImportMappingStep({
  report,
  targets,
  suggested,
  onTarget,
}: {
  report: CardImportReport;
  targets: string[];
  /** The target suggested from each column's header, or null where none was. */
  suggested: (string | null)[];
  onTarget: (index: number, target: string) => void;
}) {
  const { t, language } = useI18n();
  const options = useMemo(() => targetOptions(language, t), [language, t]);
  const headers = report.columns.map((c) => c.header);
  const clashes = duplicateTargets(headers, targets);
  const nameMapped = targets.includes('basic.name');

  return (
    <Stack gap="md">
      <FileFacts report={report} />
      <Text size="sm">{t('cardImport.mappingIntro')}</Text>
      {nameMapped ? null : (
        <Alert color="orange" variant="light" py={8} data-testid="import-name-missing">
          {t('cardImport.nameRequired')}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('cardImport.column')}</Table.Th>
            <Table.Th w="38%">{t('cardImport.target')}</Table.Th>
            <Table.Th>{t('cardImport.sample')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.columns.map((column, i) => {
            const target = targets[i] ?? '';
            const samples = report.preview
              .map((row) => row[i] ?? '')
              .filter((v) => v !== '')
              .slice(0, SAMPLES);
            const isSuggested = target !== '' && suggested[i] === target;
            const clash = clashes.get(i);
            return (
              <Table.Tr key={i} data-column={column.header}>
                <Table.Td fw={500}>{column.header}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Select
                      aria-label={`${t('cardImport.target')}：${column.header}`}
                      data={options}
                      value={target === '' ? IGNORE : target}
                      onChange={(value) => onTarget(i, !value || value === IGNORE ? '' : value)}
                      searchable
                      allowDeselect={false}
                      maxDropdownHeight={320}
                      comboboxProps={{ withinPortal: true }}
                      error={clash !== undefined ? t('cardImport.duplicateTarget', { other: clash }) : undefined}
                      style={{ flex: 1 }}
                      size="xs"
                    />
                    {/* A fixed slot, so that every select has the same width with or without the mark. */}
                    <Box w={84} pt={4}>
                      {isSuggested ? (
                        <Badge variant="light" color="teal" size="sm" className="kd-badge-whole">
                          {t('cardImport.suggested')}
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
        {t('cardImport.previewRows', { n: report.preview.length })}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(600, report.columns.length * 110)}>
        <Table withTableBorder withColumnBorders striped verticalSpacing={4} fz="xs" data-testid="import-preview">
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
export function FileFacts({ report }: { report: CardImportReport }) {
  const { t } = useI18n();
  const facts: [string, string][] = [
    [t('cardImport.file'), report.fileName],
    [t('cardImport.format'), report.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV'],
    [t('cardImport.encoding'), report.encoding ? report.encoding.toUpperCase() : t('cardImport.encodingUnknown')],
    [t('cardImport.headerRow'), t('cardImport.headerRowValue', { n: report.headerRow })],
  ];
  return (
    <Group gap="xl" data-testid="import-file-facts">
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
