import { Anchor, Button, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ProspectRow, SessionDto } from '../../src-shared/contracts';
import { PROSPECT_ORIGINS, type ProspectOrigin } from '../../src-shared/upkeep/upkeep';
import { localToday } from '../analysis/period';
import { useCardLabels } from '../cards/card-labels';
import { useChannel } from '../home/use-channel';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { ConvertProspectModal, EditProspectModal } from './ProspectModals';
import { NewProspectModal } from './NewProspectModal';
import { isPast, originLabel, originOptions } from './prospect-labels';

const PAGE = 50;

type Dialog = { kind: 'new' } | { kind: 'edit'; row: ProspectRow } | { kind: 'convert'; row: ProspectRow };

/**
 * 潜在客户 (method 四.2): each prospect with where it came from and the next step, a missed
 * next step marked. A custodian adds prospects, keeps their next step and turns them into
 * customers (the same card and history).
 */
export function ProspectList({ session }: { session: SessionDto }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const navigation = useNavigation();
  const notify = useNotify();
  const canWrite = session.permissions.includes('cards.write');
  const [today] = useState(localToday);
  const [query, setQuery] = useState('');
  const [origin, setOrigin] = useState<ProspectOrigin | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useChannel('prospects.list', {
    query: query.trim(),
    ...(origin ? { origin } : {}),
    ...(rep ? { rep } : {}),
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  const value = list.value;

  return (
    <Stack gap="sm" data-testid="prospect-list">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          w={240}
          placeholder={t('prospects.search')}
          aria-label={t('prospects.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          size="xs"
          w={160}
          label={t('prospects.origin')}
          placeholder={t('upkeep.any')}
          clearable
          data={originOptions(t)}
          value={origin}
          onChange={(v) => {
            setOrigin(PROSPECT_ORIGINS.find((o) => o === v) ?? null);
            setPage(1);
          }}
        />
        {labels.reps.length > 1 ? (
          <Select
            size="xs"
            w={180}
            label={t('upkeep.rep')}
            placeholder={t('upkeep.any')}
            clearable
            data={labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }))}
            value={rep}
            onChange={(v) => {
              setRep(v);
              setPage(1);
            }}
          />
        ) : null}
        {value ? (
          <Text size="sm" c="dimmed" data-testid="prospect-total">
            {t('prospects.total', { n: value.total })}
          </Text>
        ) : null}
        {canWrite ? (
          <Button size="xs" ml="auto" onClick={() => setDialog({ kind: 'new' })}>
            {t('prospects.new')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {value && value.rows.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid="prospects-empty">
          {t('prospects.empty')}
        </Text>
      ) : null}
      {value && value.rows.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="prospect-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('prospects.col.name')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('prospects.col.contact')}</Table.Th>
              <Table.Th>{t('prospects.col.phone')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('prospects.col.rep')}</Table.Th>
              <Table.Th>{t('prospects.origin')}</Table.Th>
              <Table.Th>{t('prospects.nextStep')}</Table.Th>
              <Table.Th>{t('prospects.col.lastVisit')}</Table.Th>
              {canWrite ? <Table.Th>{t('prospects.col.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.rows.map((row) => {
              const past = isPast(row.nextStepOn, today);
              return (
                <Table.Tr key={row.id} data-card={row.code}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      onClick={() => navigation.showCards({ openCardId: row.id })}
                    >
                      <span className="kd-mono">{row.code}</span> {row.name}
                    </Anchor>
                  </Table.Td>
                  {/* Names and dates never break in the middle; the phone column wraps at its commas instead. */}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.contact}</Table.Td>
                  <Table.Td className="kd-mono">{row.phone}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.repName(row.assignedRep)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{originLabel(row.origin, t)}</Text>
                    {row.originNote ? (
                      <Text size="xs" c="dimmed">
                        {row.originNote}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td data-past={past ? 'true' : 'false'}>
                    <Text size="sm">{row.nextStep}</Text>
                    {row.nextStepOn ? (
                      <Text size="xs" className="kd-mono" c={past ? 'red' : 'dimmed'} fw={past ? 600 : undefined}>
                        {row.nextStepOn}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td className="kd-mono" style={{ whiteSpace: 'nowrap' }}>
                    {row.lastVisitOn ?? t('home.never')}
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="default" onClick={() => setDialog({ kind: 'edit', row })}>
                          {t('prospects.edit')}
                        </Button>
                        <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'convert', row })}>
                          {t('prospects.convert')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {value && value.total > PAGE ? (
        <Pagination total={Math.ceil(value.total / PAGE)} value={page} onChange={setPage} size="sm" />
      ) : null}

      {dialog?.kind === 'new' ? (
        <NewProspectModal
          onClose={() => setDialog(null)}
          onCreated={(card) => {
            setDialog(null);
            notify(t('prospects.created', { code: card.content.basic.code }));
            list.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditProspectModal
          row={dialog.row}
          onClose={() => setDialog(null)}
          onSaved={(row) => {
            setDialog(null);
            notify(t('prospects.saved', { name: row.name }));
            list.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'convert' ? (
        <ConvertProspectModal
          id={dialog.row.id}
          name={dialog.row.name}
          version={dialog.row.version}
          onClose={() => setDialog(null)}
          onConverted={() => {
            notify(t('prospects.converted', { name: dialog.row.name }));
            setDialog(null);
            list.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
