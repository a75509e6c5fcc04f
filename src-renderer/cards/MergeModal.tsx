import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CardDto, CardRow } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCardLabels } from './card-labels';
import { STATUS_COLORS, STATUS_KEYS } from './columns';
import { previewMerge } from './merge-preview';

/**
 * 合并: the same customer entered twice becomes one card. Pick the other
 * card, see side by side what the merged card will hold, then confirm.
 */
export function MergeModal({
  card,
  onClose,
  onMerged,
}: {
  card: CardDto;
  onClose: () => void;
  onMerged: (kept: CardDto) => void;
}) {
  const { t } = useI18n();
  const [other, setOther] = useState<CardDto | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('cards.merge.title', { code: card.content.basic.code })}
      size={other ? 1100 : 'lg'}
      centered
    >
      {other ? (
        <MergePreviewStep card={card} other={other} onBack={() => setOther(null)} onMerged={onMerged} />
      ) : (
        <PickStep card={card} onPicked={setOther} onClose={onClose} />
      )}
    </Modal>
  );
}

function PickStep({
  card,
  onPicked,
  onClose,
}: {
  card: CardDto;
  onPicked: (other: CardDto) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const search = useAction();
  const open = useAction();
  // Start with the card's own name: the likely duplicate usually shares part of it.
  const [query, setQuery] = useState(card.content.basic.shortName || card.content.basic.name.slice(0, 4));
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [rows, setRows] = useState<CardRow[] | null>(null);
  const { run } = search;

  useEffect(() => {
    void run('cards.search', {
      query: debounced,
      filters: { status: ['active', 'archived'] },
      sort: { column: 'name', direction: 'asc' },
      offset: 0,
      limit: 30,
    }).then((page) => {
      if (page) setRows(page.rows.filter((r) => r.id !== card.id));
    });
  }, [run, debounced, card.id]);

  async function pick(id: number) {
    const dto = await open.run('cards.get', { id });
    if (dto) onPicked(dto);
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('cards.merge.pickIntro')}</Text>
      <TextInput
        label={t('cards.search')}
        placeholder={t('cards.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-autofocus
      />
      <ErrorAlert error={search.error ?? open.error} />
      <ScrollArea.Autosize mah={360}>
        {rows === null ? <Loader size="sm" /> : null}
        {rows?.length === 0 ? <Text c="dimmed">{t('cards.noneFound')}</Text> : null}
        <Stack gap={4} data-testid="merge-candidates">
          {rows?.map((r) => (
            <UnstyledButton
              key={r.id}
              className="kd-pick-row"
              onClick={() => void pick(r.id)}
              disabled={open.busy}
              data-card-id={r.id}
            >
              <Group gap="sm" wrap="nowrap">
                <Text className="kd-mono" size="sm" w={90}>
                  {r.code}
                </Text>
                <Text size="sm" fw={500} className="kd-card-truncate" style={{ flex: 1 }}>
                  {r.name}
                </Text>
                <Text size="sm" c="dimmed" className="kd-mono">
                  {r.phone}
                </Text>
                <Badge size="sm" variant="light" color={STATUS_COLORS[r.status]} className="kd-badge-whole">
                  {t(STATUS_KEYS[r.status])}
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function MergePreviewStep({
  card,
  other,
  onBack,
  onMerged,
}: {
  card: CardDto;
  other: CardDto;
  onBack: () => void;
  onMerged: (kept: CardDto) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const merge = useAction();
  const [keepThis, setKeepThis] = useState(true);
  const keep = keepThis ? card : other;
  const gone = keepThis ? other : card;
  const preview = previewMerge(keep.content, gone.content);
  const keepCode = keep.content.basic.code;
  const goneCode = gone.content.basic.code;
  const show = (path: string, v: string | number | boolean | null) => {
    const text = labels.value(path, v);
    return text === '' ? (
      <Text span c="dimmed">
        —
      </Text>
    ) : (
      text
    );
  };

  async function confirm() {
    const kept = await merge.run('cards.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: gone.id,
      mergeVersion: gone.version,
    });
    if (kept) onMerged(kept);
  }

  return (
    <Stack gap="sm" data-testid="merge-preview">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('cards.merge.keepWhich')}
          </Text>
          <SegmentedControl
            value={keepThis ? 'this' : 'other'}
            onChange={(v) => setKeepThis(v === 'this')}
            data={[
              { value: 'this', label: `${card.content.basic.code} ${card.content.basic.name}` },
              { value: 'other', label: `${other.content.basic.code} ${other.content.basic.name}` },
            ]}
          />
        </Stack>
        <Button variant="subtle" onClick={onBack} disabled={merge.busy}>
          {t('cards.merge.pickAnother')}
        </Button>
      </Group>
      <Alert color="blue" variant="light">
        {t('cards.merge.explain', { keep: keepCode, gone: goneCode })}
      </Alert>
      {preview.unverified.length > 0 ? (
        <Alert color="orange" variant="light">
          {t('cards.merge.unverified', {
            sections: preview.unverified.map((s) => labels.section(s)).join(t('common.listSeparator')),
          })}
        </Alert>
      ) : null}
      <ScrollArea.Autosize mah="52vh">
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} stickyHeader className="kd-merge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="18%">{t('cards.history.field')}</Table.Th>
              <Table.Th w="27%">{t('cards.merge.keptColumn', { code: keepCode })}</Table.Th>
              <Table.Th w="27%">{t('cards.merge.otherColumn', { code: goneCode })}</Table.Th>
              <Table.Th w="28%">{t('cards.merge.resultColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.path} data-path={row.path}>
                <Table.Td className="kd-nowrap">{labels.field(row.path)}</Table.Td>
                <Table.Td>{show(row.path, row.kept)}</Table.Td>
                <Table.Td
                  className={row.dropped ? 'kd-merge-dropped' : undefined}
                  title={row.dropped ? t('cards.merge.dropped') : undefined}
                >
                  {show(row.path, row.other)}
                </Table.Td>
                <Table.Td className={row.fromOther ? 'kd-merge-filled' : undefined}>
                  {show(row.path, row.result)}
                  {row.fromOther ? (
                    <Badge size="xs" variant="light" color="teal" ml={6} className="kd-badge-whole">
                      {t('cards.merge.fromCard', { code: goneCode })}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td className="kd-nowrap">{labels.section('people')}</Table.Td>
              <Table.Td colSpan={3}>
                {preview.people.length === 0 ? (
                  <Text span c="dimmed">
                    —
                  </Text>
                ) : (
                  <Group gap={6} wrap="wrap">
                    {preview.people.map(({ person, fromOther }, i) => (
                      <Badge
                        key={i}
                        variant={fromOther ? 'light' : 'default'}
                        color={fromOther ? 'teal' : 'gray'}
                        className="kd-badge-whole"
                        tt="none"
                      >
                        {labels.role(person.role)} · {person.name}
                        {person.title ? ` · ${person.title}` : ''}
                        {fromOther ? ` (${goneCode})` : ''}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed">
        {t('cards.merge.legend')}
      </Text>
      <ErrorAlert error={merge.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={merge.busy}>
          {t('common.back')}
        </Button>
        <Button color="violet" onClick={() => void confirm()} loading={merge.busy} disabled={merge.busy}>
          {t('cards.merge.confirm', { gone: goneCode, keep: keepCode })}
        </Button>
      </Group>
    </Stack>
  );
}
