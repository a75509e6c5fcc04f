import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ATTENTION_REASONS } from '../../src-shared/upkeep/upkeep';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { REASON_COLORS } from '../upkeep/reasons';
import { Figure, HomeBlock } from './home-parts';
import { ReportStatusBadge, UrgencyBadge } from '../visits/ReportBadges';
import { PERIOD_KEYS, reportAbout } from '../visits/report-labels';
import { useChannel } from './use-channel';

/**
 * The rep's start page: my customers and prospects, my routes (each opens my cards on it in
 * the card list: a rep reads assigned cards only, not the classification screens), my latest
 * reports with their status and the reports I still owe.
 */
export function RepHome({ username }: { username: string }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const start = useChannel('home.rep', {});
  const value = start.value;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="home-rep">
      <HomeBlock title={t('home.rep.summary')} loading={start.loading} error={start.error} testId="rep-customers">
        {value ? (
          <SimpleGrid cols={3} spacing="md">
            <Figure
              label={t('home.rep.customers')}
              value={String(value.myCustomers)}
              onClick={() => navigation.showCards({ filters: { assignedRep: [username] } })}
              testId="rep-customer-count"
            />
            <Figure
              label={t('home.rep.prospects')}
              value={String(value.myProspects)}
              onClick={() => navigation.goTo('upkeep', 'prospects')}
              testId="rep-prospect-count"
            />
            {ATTENTION_REASONS.map((reason) => (
              <Figure
                key={reason}
                label={t(`upkeep.reason.${reason}`)}
                value={String(value.attention[reason])}
                color={value.attention[reason] > 0 ? REASON_COLORS[reason] : undefined}
                onClick={() => navigation.goTo('upkeep')}
              />
            ))}
          </SimpleGrid>
        ) : null}
      </HomeBlock>

      <HomeBlock title={t('home.rep.routes')} loading={start.loading} error={start.error} testId="rep-routes">
        {value ? (
          value.routes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.rep.routesEmpty')}
            </Text>
          ) : (
            <Stack gap={4}>
              {value.routes.map((route) => (
                <Group key={route.code} gap="xs" wrap="nowrap" data-route={route.code}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => navigation.showCards({ filters: { route: [route.code] } })}
                  >
                    {route.label}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {route.region}
                  </Text>
                  <Badge size="sm" variant="light" color="gray" className="kd-badge-whole">
                    {t('home.rep.stops', { n: route.stops })}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )
        ) : null}
      </HomeBlock>

      <HomeBlock
        title={t('home.rep.reports')}
        loading={start.loading}
        error={start.error}
        testId="rep-reports"
        actions={
          <Button size="xs" variant="light" onClick={() => navigation.goTo('visits')}>
            {t('home.rep.newReport')}
          </Button>
        }
      >
        {value ? (
          <>
            {value.pendingReports > 0 ? (
              <Text size="sm" c="orange">
                {t('home.rep.pending', { n: value.pendingReports })}
              </Text>
            ) : null}
            {value.recentReports.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.rep.reportsEmpty')}
              </Text>
            ) : (
              <Stack gap={4}>
                {value.recentReports.map((r) => (
                  <Group key={r.id} gap="xs" wrap="nowrap" data-report={r.number} data-status={r.status}>
                    <ReportStatusBadge status={r.status} />
                    <UrgencyBadge urgency={r.urgency} />
                    <Anchor component="button" type="button" size="sm" onClick={() => navigation.goTo('visits')}>
                      <span className="kd-mono">{r.number}</span>
                    </Anchor>
                    <Text size="sm" truncate="end" style={{ flex: 1 }}>
                      {reportAbout(r, t)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {r.visitOn}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </>
        ) : null}
      </HomeBlock>

      <HomeBlock title={t('home.rep.overdue')} loading={start.loading} error={start.error} testId="rep-overdue">
        {value ? (
          value.overdue.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.rep.overdueNone')}
            </Text>
          ) : (
            <Stack gap={4}>
              {value.overdue.map((o) => (
                <Text key={`${o.period}-${o.slot}`} size="sm" c="red" data-slot={o.slot}>
                  {t('home.rep.overdueSlot', {
                    period: t(PERIOD_KEYS[o.period]),
                    slot: o.slot,
                    due: o.dueOn,
                    n: o.daysOverdue,
                  })}
                </Text>
              ))}
            </Stack>
          )
        ) : null}
      </HomeBlock>
    </SimpleGrid>
  );
}
