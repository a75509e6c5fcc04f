import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ATTENTION_REASONS } from '../../src-shared/upkeep/upkeep';
import { KIND_KEYS } from '../cards/HistoryPanel';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { formatDateTime } from '../ui/format';
import { ReasonBadges, REASON_COLORS } from '../upkeep/reasons';
import { Figure, HomeBlock } from './home-parts';
import { UrgencyBadge } from '../visits/ReportBadges';
import { reportAbout } from '../visits/report-labels';
import { useChannel } from './use-channel';

/** How many lines of each list the start page shows; the sections behind hold the rest. */
const FIRST = 6;

/**
 * The custodian's start page: what waits (the visit report inbox, overdue reports), what needs
 * looking after (the needs-attention counts and first cards) and what changed lately.
 */
export function CustodianHome() {
  const { t } = useI18n();
  const navigation = useNavigation();
  const start = useChannel('home.custodian', {});
  const value = start.value;
  const openCard = (id: number) => navigation.showCards({ openCardId: id });

  return (
    <Stack gap="md" data-testid="home-custodian">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <HomeBlock
          title={t('home.inbox.title')}
          loading={start.loading}
          error={start.error}
          testId="home-inbox"
          actions={
            <Button size="xs" variant="light" onClick={() => navigation.goTo('visits')}>
              {t('home.inbox.open')}
            </Button>
          }
        >
          {value ? (
            <>
              <Group gap="xl">
                <Figure
                  label={t('home.inbox.pending')}
                  value={String(value.inbox.pending)}
                  onClick={() => navigation.goTo('visits')}
                  testId="inbox-pending"
                />
                <Figure
                  label={t('home.inbox.urgent')}
                  value={String(value.inbox.urgent)}
                  color={value.inbox.urgent > 0 ? 'red' : undefined}
                  onClick={() => navigation.goTo('visits')}
                  testId="inbox-urgent"
                />
                <Figure
                  label={t('home.overdue.title')}
                  value={String(value.overdueReports)}
                  color={value.overdueReports > 0 ? 'orange' : undefined}
                  onClick={() => navigation.goTo('visits')}
                  testId="overdue-reports"
                />
              </Group>
              {value.inbox.oldest.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.inbox.empty')}
                </Text>
              ) : (
                <Stack gap={4} data-testid="inbox-reports">
                  {value.inbox.oldest.slice(0, FIRST).map((r) => (
                    <Group key={r.id} gap="xs" wrap="nowrap" data-report={r.number} data-urgency={r.urgency}>
                      <UrgencyBadge urgency={r.urgency} />
                      <Anchor component="button" type="button" size="sm" onClick={() => navigation.goTo('visits')}>
                        <span className="kd-mono">{r.number}</span>
                      </Anchor>
                      <Text size="sm" truncate="end" style={{ flex: 1 }} fw={r.urgency === 'urgent' ? 600 : undefined}>
                        {reportAbout(r, t)}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {r.repName} · {r.visitOn}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </>
          ) : null}
        </HomeBlock>

        <HomeBlock
          title={t('home.attention.title')}
          loading={start.loading}
          error={start.error}
          testId="home-attention"
          actions={
            <Button size="xs" variant="light" onClick={() => navigation.goTo('upkeep')}>
              {t('home.openAll')}
            </Button>
          }
        >
          {value ? (
            <>
              <Group gap="xl">
                {ATTENTION_REASONS.map((reason) => (
                  <Figure
                    key={reason}
                    label={t(`upkeep.reason.${reason}`)}
                    value={String(value.attention.counts[reason])}
                    color={value.attention.counts[reason] > 0 ? REASON_COLORS[reason] : undefined}
                    onClick={() => navigation.goTo('upkeep')}
                    testId={`attention-${reason}`}
                  />
                ))}
              </Group>
              {value.attention.rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.attention.empty')}
                </Text>
              ) : (
                <Stack gap={4} data-testid="attention-first">
                  {value.attention.rows.slice(0, FIRST).map((row) => (
                    <Group key={row.id} gap="xs" wrap="nowrap">
                      <Anchor component="button" type="button" size="sm" onClick={() => openCard(row.id)}>
                        <span className="kd-mono">{row.code}</span> {row.name}
                      </Anchor>
                      {row.prospect ? (
                        <Badge size="xs" variant="outline" color="grape" className="kd-badge-whole">
                          {t('home.prospectTag')}
                        </Badge>
                      ) : null}
                      <ReasonBadges reasons={row.reasons} size="xs" />
                    </Group>
                  ))}
                </Stack>
              )}
            </>
          ) : null}
        </HomeBlock>
      </SimpleGrid>

      <HomeBlock title={t('home.recent.title')} loading={start.loading} error={start.error} testId="home-recent">
        {value ? (
          value.recentChanges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.recent.empty')}
            </Text>
          ) : (
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="recent-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.recent.card')}</Table.Th>
                  <Table.Th>{t('home.recent.kind')}</Table.Th>
                  <Table.Th>{t('home.recent.by')}</Table.Th>
                  <Table.Th>{t('home.recent.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {value.recentChanges.map((change) => (
                  <Table.Tr key={`${change.cardId}-${change.version}`} data-card={change.code}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => openCard(change.cardId)}>
                        <span className="kd-mono">{change.code}</span> {change.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t(KIND_KEYS[change.kind])}</Text>
                        <Text size="xs" c="dimmed">
                          {t('home.recent.version', { n: change.version })}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{change.byName}</Table.Td>
                    <Table.Td className="kd-mono">{formatDateTime(change.at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        ) : null}
      </HomeBlock>
    </Stack>
  );
}
