import { ActionIcon, Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { useI18n } from '../../i18n/I18nProvider';
import { moveItem } from '../region-tree';
import { useRowDrag } from '../row-drag';

/**
 * The entries under one parent (or of an axis without parents) in their display order, with
 * 上移/下移 and drag to reorder, and 修改 / 停用·启用 / 删除 on each row. A reorder is sent whole
 * (every sibling's code in the new order), so two quick moves can never interleave.
 */
export function EntryTable({
  entries,
  busy,
  testId,
  onReorder,
  onEdit,
  onToggle,
  onDelete,
  extraActions,
}: {
  entries: DictionaryEntry[];
  busy: boolean;
  testId: string;
  onReorder: (codes: string[]) => void;
  onEdit: (entry: DictionaryEntry) => void;
  onToggle: (entry: DictionaryEntry) => void;
  onDelete: (entry: DictionaryEntry) => void;
  extraActions?: (entry: DictionaryEntry) => ReactNode;
}) {
  const { t, language } = useI18n();
  const move = (from: number, to: number) => onReorder(moveItem(entries, from, to).map((e) => e.code));
  const drag = useRowDrag(!busy, move);

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('classification.dict.empty')}
      </Text>
    );
  }

  return (
    <Table withTableBorder verticalSpacing={6} className="kd-entry-table" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={96}>{t('classification.dict.order')}</Table.Th>
          <Table.Th w={140}>{t('classification.dict.code')}</Table.Th>
          <Table.Th>{t('classification.dict.label')}</Table.Th>
          <Table.Th>{t('classification.dict.labelEn')}</Table.Th>
          <Table.Th w={90}>{t('classification.dict.status')}</Table.Th>
          <Table.Th w={1}>{t('classification.dict.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry, index) => {
          const name = language === 'en' && entry.labelEn ? entry.labelEn : entry.label;
          return (
            <Table.Tr
              key={entry.code}
              data-code={entry.code}
              data-inactive={entry.active ? undefined : true}
              className="kd-drag-row"
              {...drag.rowProps(index)}
            >
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <span className="kd-drag-handle" aria-hidden>
                    ⠿
                  </span>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t('classification.dict.moveUpOf', { label: name })}
                    title={t('classification.dict.moveUp')}
                    disabled={busy || index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t('classification.dict.moveDownOf', { label: name })}
                    title={t('classification.dict.moveDown')}
                    disabled={busy || index === entries.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td className="kd-mono">{entry.code}</Table.Td>
              <Table.Td>{entry.label}</Table.Td>
              <Table.Td>{entry.labelEn}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={entry.active ? 'green' : 'gray'} className="kd-badge-whole">
                  {entry.active ? t('classification.dict.active') : t('classification.dict.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => onEdit(entry)} disabled={busy}>
                    {t('classification.dict.edit')}
                  </Button>
                  {extraActions?.(entry)}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={entry.active ? 'orange' : 'green'}
                    onClick={() => onToggle(entry)}
                    disabled={busy}
                  >
                    {entry.active ? t('classification.dict.deactivate') : t('classification.dict.reactivate')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(entry)}
                    disabled={busy}
                  >
                    {t('classification.dict.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
