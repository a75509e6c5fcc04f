import { Alert, Badge, Box, Group, Select, Stack, Table, Text, type ComboboxData } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { IGNORE } from './column-mapping';
import { FileFacts } from './FileFacts';
import { testIdOf, wordOf, type Importer } from './importer';
import type { SpreadsheetReport } from './useSpreadsheetImport';

/** How many sample values the mapping table shows per column. */
const SAMPLES = 3;

/**
 * The file as read (format, encoding, header row), one line per file column
 * with the target it goes into (editable), and the file's first rows.
 */
export function ColumnMappingStep({
  importer,
  report,
  targets,
  suggested,
  clashes,
  options,
  searchable = false,
  problems,
  onTarget,
}: {
  importer: Importer;
  report: SpreadsheetReport;
  targets: readonly string[];
  /** The target suggested from each column's header, or null where none was. */
  suggested: readonly (string | null)[];
  /** Columns whose target an earlier column has already: index → the earlier column's header. */
  clashes: ReadonlyMap<number, string>;
  /** What each column's select offers, "not imported" (IGNORE) first. */
  options: ComboboxData;
  /** For a long list of targets (the card's fields): typing finds one, and the list opens taller. */
  searchable?: boolean;
  /** What the mapping still lacks before it can be checked. */
  problems: readonly string[];
  onTarget: (index: number, target: string) => void;
}) {
  const { t } = useI18n();
  const word = (w: Parameters<typeof wordOf>[1]) => wordOf(importer, w);

  return (
    <Stack gap="md">
      <FileFacts importer={importer} report={report} />
      <Text size="sm">{t(word('mappingIntro'))}</Text>
      {problems.length > 0 ? (
        <Alert color="orange" variant="light" py={8} data-testid={testIdOf(importer, 'mapping-problems')}>
          {problems.join(' ')}
        </Alert>
      ) : null}
      <Table withTableBorder verticalSpacing={6} fz="sm" data-testid={testIdOf(importer, 'mapping')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t(word('column'))}</Table.Th>
            <Table.Th w="38%">{t(word('target'))}</Table.Th>
            <Table.Th>{t(word('sample'))}</Table.Th>
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
                      aria-label={`${t(word('target'))}${t('common.colon')}${column.header}`}
                      data={options}
                      value={target === '' ? IGNORE : target}
                      onChange={(value) => onTarget(i, !value || value === IGNORE ? '' : value)}
                      searchable={searchable}
                      allowDeselect={false}
                      maxDropdownHeight={searchable ? 320 : undefined}
                      comboboxProps={{ withinPortal: true }}
                      error={clash !== undefined ? t(word('duplicateTarget'), { other: clash }) : undefined}
                      style={{ flex: 1 }}
                      size="xs"
                    />
                    {/* A fixed slot, so that every select has the same width with or without the mark. */}
                    <Box w={84} pt={4}>
                      {target !== '' && suggested[i] === target ? (
                        <Badge variant="light" color="teal" size="sm" className="kd-badge-whole">
                          {t(word('suggested'))}
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
        {t(word('previewRows'), { n: report.preview.length })}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(600, report.columns.length * 110)}>
        <Table
          withTableBorder
          withColumnBorders
          striped
          verticalSpacing={4}
          fz="xs"
          data-testid={testIdOf(importer, 'preview')}
        >
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
