import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CardVersionDto, VersionKind } from '../../src-shared/contracts';
import { isCalendarDate } from '../../src-shared/cards/card-schema';
import { useAction } from '../api/useAction';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useCardLabels } from './card-labels';

export const KIND_KEYS: Record<VersionKind, StringKey> = {
  create: 'cards.kind.create',
  edit: 'cards.kind.edit',
  restore: 'cards.kind.restore',
  merge: 'cards.kind.merge',
  merged_into: 'cards.kind.merged_into',
  archive: 'cards.kind.archive',
  reactivate: 'cards.kind.reactivate',
  verify: 'cards.kind.verify',
  import: 'cards.kind.import',
  reclassify: 'cards.kind.reclassify',
  visit: 'cards.kind.visit',
  convert: 'cards.kind.convert',
};
const KIND_COLORS: Partial<Record<VersionKind, string>> = {
  create: 'indigo',
  restore: 'grape',
  merge: 'violet',
  merged_into: 'violet',
  archive: 'gray',
  verify: 'green',
  import: 'cyan',
  reclassify: 'teal',
};
/** A first version lists every filled field; beyond this many the rest waits for a click. */
const SHOWN_CHANGES = 12;

/**
 * 历史: every saved version of the card (and of the cards merged into it),
 * newest first, each with its field-level changes; any version can be
 * opened, restored, or found by date.
 */
export function HistoryPanel({
  cardId,
  cardCode,
  currentVersion,
  canRestore,
  onView,
  onRestore,
}: {
  cardId: number;
  cardCode: string;
  currentVersion: number;
  canRestore: boolean;
  onView: (version: number, asOf: string | null) => void;
  onRestore: (version: number) => void;
}) {
  const { t } = useI18n();
  const load = useAction();
  const find = useAction();
  const [versions, setVersions] = useState<CardVersionDto[] | null>(null);
  const [date, setDate] = useState('');
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const { run } = load;

  useEffect(() => {
    void run('cards.history', { id: cardId }).then((list) => {
      if (list) setVersions(list);
    });
  }, [run, cardId, currentVersion]);

  async function viewAsOf() {
    const day = date.trim();
    if (!isCalendarDate(day)) {
      setDateProblem(t('cards.history.dateInvalid'));
      return;
    }
    setDateProblem(null);
    // The end of that day in local time: the card as it stood when the office closed.
    const at = new Date(`${day}T23:59:59.999`).toISOString();
    const found = await find.run('cards.versionAt', { id: cardId, at });
    if (!found) return;
    if (found.version === null) setDateProblem(t('cards.history.notYet', { date: day }));
    else onView(found.version, day);
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('cards.history.asOf')}
            placeholder={t('cards.datePlaceholder')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void viewAsOf();
            }}
            error={dateProblem}
            maxLength={10}
            w={220}
          />
          <Button variant="default" onClick={() => void viewAsOf()} loading={find.busy} disabled={find.busy}>
            {t('cards.history.viewAsOf')}
          </Button>
        </Group>
        <ErrorAlert error={find.error} />
      </Paper>
      <ErrorAlert error={load.error} />
      {versions === null && !load.error ? <Loader size="sm" /> : null}
      {versions?.length === 0 ? <Alert color="gray">{t('cards.history.none')}</Alert> : null}
      {versions?.map((v) => (
        <VersionEntry
          key={`${v.cardId}-${v.version}`}
          entry={v}
          ownCard={v.cardId === cardId}
          otherCode={v.cardId === cardId ? null : v.cardCode || cardCode}
          isCurrent={v.cardId === cardId && v.version === currentVersion}
          canRestore={canRestore}
          onView={() => onView(v.version, null)}
          onRestore={() => onRestore(v.version)}
        />
      ))}
    </Stack>
  );
}

function VersionEntry({
  entry,
  ownCard,
  otherCode,
  isCurrent,
  canRestore,
  onView,
  onRestore,
}: {
  entry: CardVersionDto;
  ownCard: boolean;
  otherCode: string | null;
  isCurrent: boolean;
  canRestore: boolean;
  onView: () => void;
  onRestore: () => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const [all, setAll] = useState(false);
  const changes = all ? entry.changes : entry.changes.slice(0, SHOWN_CHANGES);
  // A first version (or an import) has nothing before it: one column of values reads better than a column of blanks.
  const firstVersion = entry.changes.every((c) => c.from === null || c.from === '');
  const value = (path: string, v: string | number | boolean | null, masked?: boolean) => {
    if (masked)
      return (
        <Text span c="dimmed" fs="italic">
          {t('cards.masked')}
        </Text>
      );
    const text = labels.value(path, v);
    return text === '' ? (
      <Text span c="dimmed">
        {t('cards.history.empty')}
      </Text>
    ) : (
      text
    );
  };

  return (
    <Paper withBorder p="md" data-version={entry.version} data-card-code={entry.cardCode}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={entry.changes.length > 0 ? 'sm' : 0}>
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>{t('cards.versionN', { n: entry.version })}</Text>
          {otherCode ? (
            <Badge variant="outline" color="violet" className="kd-badge-whole">
              {t('cards.history.ofCard', { code: otherCode })}
            </Badge>
          ) : null}
          <Badge variant="light" color={KIND_COLORS[entry.kind] ?? 'blue'} className="kd-badge-whole">
            {t(KIND_KEYS[entry.kind])}
          </Badge>
          {isCurrent ? (
            <Badge variant="filled" color="green" className="kd-badge-whole">
              {t('cards.history.current')}
            </Badge>
          ) : null}
          <Text size="sm" className="kd-mono">
            {formatDateTime(entry.at)}
          </Text>
          <Text size="sm">{entry.by}</Text>
          {noteText(entry, t) ? (
            <Text size="sm" c="dimmed">
              {noteText(entry, t)}
            </Text>
          ) : null}
        </Group>
        {ownCard ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={onView}>
              {t('cards.history.view')}
            </Button>
            {canRestore && !isCurrent ? (
              <Button size="compact-sm" variant="subtle" color="grape" onClick={onRestore}>
                {t('cards.history.restore')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {entry.changes.length > 0 ? (
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} className="kd-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('cards.history.field')}</Table.Th>
              {firstVersion ? (
                <Table.Th>{t('cards.history.value')}</Table.Th>
              ) : (
                <>
                  <Table.Th w="38%">{t('cards.history.from')}</Table.Th>
                  <Table.Th w="38%">{t('cards.history.to')}</Table.Th>
                </>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.path} data-path={c.path}>
                <Table.Td className="kd-nowrap">{labels.field(c.path)}</Table.Td>
                {firstVersion ? null : <Table.Td className="kd-diff-from">{value(c.path, c.from, c.masked)}</Table.Td>}
                <Table.Td className="kd-diff-to">{value(c.path, c.to, c.masked)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {entry.changes.length > SHOWN_CHANGES ? (
        <Button size="compact-sm" variant="subtle" mt={4} onClick={() => setAll((a) => !a)}>
          {all ? t('cards.history.fewer') : t('cards.history.all', { n: entry.changes.length })}
        </Button>
      ) : null}
    </Paper>
  );
}

/** The note main keeps with a version, in words: the version restored, or the other card of a merge. */
function noteText(entry: CardVersionDto, t: (key: StringKey, vars?: Record<string, string | number>) => string) {
  if (!entry.note) return '';
  if (entry.kind === 'restore') return t('cards.history.restoredFrom', { n: entry.note });
  if (entry.kind === 'merge') return t('cards.history.mergedFrom', { code: entry.note });
  if (entry.kind === 'merged_into') return t('cards.history.mergedInto', { code: entry.note });
  return entry.note;
}
