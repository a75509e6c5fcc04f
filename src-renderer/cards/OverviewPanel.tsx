import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CardDto, CardOverview } from '../../src-shared/contracts';
import { formatCents } from '../../src-shared/sales/sales';
import { useChannel } from '../home/use-channel';
import { ReportStatusBadge, UrgencyBadge } from '../visits/ReportBadges';
import { useI18n } from '../i18n/I18nProvider';
import { ConvertProspectModal } from '../prospects/ProspectModals';
import { originLabel } from '../prospects/prospect-labels';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { ReasonBadges } from '../upkeep/reasons';

/** One label and its figure, right-aligned so amounts line up. */
function Line({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className="kd-mono" c={color} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

/**
 * 往来概况: what sits beside the archive data of one card (method 四.3, use it rather than store
 * it): its sales, its credit position, the visit reports about it and its review state; for a
 * prospect, where it came from and the next step, and for a custodian the 转为客户 button.
 */
export function OverviewPanel({
  card,
  canConvert,
  onConverted,
}: {
  card: CardDto;
  canConvert: boolean;
  onConverted: (card: CardDto) => void;
}) {
  const { t } = useI18n();
  const overview = useChannel('cards.overview', { id: card.id });
  const [converting, setConverting] = useState(false);
  const value = overview.value;
  if (!value) {
    return (
      <Stack gap="sm" data-testid="card-overview" data-loading="true">
        <ErrorAlert error={overview.error} />
        {overview.error ? null : (
          <Text size="sm" c="dimmed">
            {t('home.loading')}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="card-overview" data-loading="false">
      <Text size="xs" c="dimmed">
        {t('overview.asOf', { date: value.asOf })}
      </Text>
      {value.prospect ? (
        <Alert color="grape" variant="light" title={t('overview.prospect')} data-testid="overview-prospect">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm">
                {t('prospects.origin')}
                {t('common.colon')}
                {originLabel(value.prospect.origin, t)}
                {value.prospect.originNote ? ` · ${value.prospect.originNote}` : ''}
              </Text>
              <Text size="sm">
                {t('prospects.nextStep')}
                {t('common.colon')}
                {value.prospect.nextStep || t('home.none')}
                {value.prospect.nextStepOn ? ` · ${value.prospect.nextStepOn}` : ''}
              </Text>
            </Stack>
            {canConvert ? (
              <Button size="xs" color="green" onClick={() => setConverting(true)}>
                {t('prospects.convert')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      {value.convertedAt ? (
        <Text size="sm" c="dimmed" data-testid="overview-converted">
          {t('overview.convertedAt', { at: formatDateTime(value.convertedAt) })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SalesBlock sales={value.sales} />
        <CreditBlock credit={value.credit} />
        <VisitsBlock visits={value.visits} />
        <UpkeepBlock upkeep={value.upkeep} />
      </SimpleGrid>
      {converting && value.prospect ? (
        <ConvertProspectModal
          id={card.id}
          name={card.content.basic.name}
          version={card.version}
          onClose={() => setConverting(false)}
          onConverted={(next) => {
            setConverting(false);
            onConverted(next);
          }}
        />
      ) : null}
    </Stack>
  );
}

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap={6}>
        <Title order={5}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

function SalesBlock({ sales }: { sales: CardOverview['sales'] }) {
  const { t } = useI18n();
  const yuan = (cents: number) => `${formatCents(cents)} ${t('overview.yuan')}`;
  return (
    <Block title={t('overview.sales')} testId="overview-sales">
      {sales.lines === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noSales')}
        </Text>
      ) : (
        <>
          <Line label={t('overview.last12m')} value={yuan(sales.last12mCents)} testId="sales-12m" />
          <Line label={t('overview.thisYear')} value={yuan(sales.thisYearCents)} testId="sales-this-year" />
          <Line label={t('overview.lastYear')} value={yuan(sales.lastYearCents)} testId="sales-last-year" />
          <Line label={t('overview.total')} value={yuan(sales.totalCents)} testId="sales-total" />
          <Line label={t('overview.firstSale')} value={sales.firstSaleOn ?? '—'} />
          <Line label={t('overview.lastSale')} value={sales.lastSaleOn ?? '—'} />
          <Text size="xs" c="dimmed">
            {t('overview.lines', { n: sales.lines.toLocaleString() })}
          </Text>
        </>
      )}
    </Block>
  );
}

function CreditBlock({ credit }: { credit: CardOverview['credit'] }) {
  const { t } = useI18n();
  const yuan = (cents: number) => `${formatCents(cents)} ${t('overview.yuan')}`;
  return (
    <Block title={t('overview.credit')} testId="overview-credit">
      {credit.overLimit ? (
        <Badge color="red" variant="filled" className="kd-badge-whole" data-testid="over-limit">
          {t('overview.overLimit')}
        </Badge>
      ) : null}
      <Line
        label={t('overview.limit')}
        value={credit.limitCents === null ? t('overview.noLimit') : yuan(credit.limitCents)}
        testId="credit-limit"
      />
      <Line label={t('overview.received')} value={yuan(credit.receivedCents)} testId="credit-received" />
      <Line
        label={t('overview.outstanding')}
        value={yuan(credit.outstandingCents)}
        color={credit.overLimit ? 'red' : undefined}
        testId="credit-outstanding"
      />
      {credit.availableCents !== null ? (
        <Line
          label={t('overview.available')}
          value={yuan(credit.availableCents)}
          color={credit.availableCents < 0 ? 'red' : undefined}
          testId="credit-available"
        />
      ) : null}
      <Line
        label={t('overview.terms')}
        value={credit.paymentTermsDays === null ? '—' : t('overview.termsDays', { n: credit.paymentTermsDays })}
      />
      {credit.ageing.some((a) => a.cents !== 0) ? (
        <Table fz="sm" verticalSpacing={2} data-testid="credit-ageing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.ageing')}</Table.Th>
              <Table.Th ta="right">{t('overview.outstanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {credit.ageing.map((a) => (
              <Table.Tr key={a.bucket}>
                <Table.Td>{t(`analysis.ageing.${a.bucket}`)}</Table.Td>
                <Table.Td ta="right" className="kd-mono">
                  {formatCents(a.cents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Block>
  );
}

function VisitsBlock({ visits }: { visits: CardOverview['visits'] }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  return (
    <Block title={t('overview.visits')} testId="overview-visits">
      {visits.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noVisits')}
        </Text>
      ) : (
        <>
          <Text size="sm">
            {t('overview.visitsSummary', {
              total: visits.total,
              pending: visits.pending,
              last: visits.lastVisitOn ?? t('home.never'),
            })}
          </Text>
          <Stack gap={4}>
            {visits.recent.map((r) => (
              <Group key={r.id} gap="xs" wrap="nowrap" data-report={r.number}>
                <ReportStatusBadge status={r.status} />
                <UrgencyBadge urgency={r.urgency} />
                <Anchor component="button" type="button" size="sm" onClick={() => navigation.goTo('visits')}>
                  <span className="kd-mono">{r.number}</span>
                </Anchor>
                <Text size="xs" c="dimmed" truncate="end">
                  {r.visitOn} · {r.repName}
                </Text>
              </Group>
            ))}
          </Stack>
        </>
      )}
      <Group>
        <Button size="compact-sm" variant="subtle" onClick={() => navigation.goTo('visits')}>
          {t('overview.openVisits')}
        </Button>
      </Group>
    </Block>
  );
}

function UpkeepBlock({ upkeep }: { upkeep: CardOverview['upkeep'] }) {
  const { t } = useI18n();
  const review = upkeep.lastReview;
  return (
    <Block title={t('overview.upkeep')} testId="overview-upkeep">
      <Line
        label={t('overview.lastReview')}
        value={review ? `${review.reviewedOn} · ${review.byName}` : t('overview.neverReviewed')}
        testId="last-review"
      />
      {review?.note ? (
        <Text size="xs" c="dimmed">
          {review.note}
        </Text>
      ) : null}
      <Line
        label={t('overview.reviewDue')}
        value={upkeep.reviewDueOn}
        color={upkeep.reasons.includes('review') ? 'red' : undefined}
        testId="review-due"
      />
      <Text size="xs" c="dimmed">
        {t('overview.cycle', { n: upkeep.cycleMonths })}
      </Text>
      {upkeep.reasons.length > 0 ? (
        <ReasonBadges reasons={upkeep.reasons} />
      ) : (
        <Badge color="green" variant="light" className="kd-badge-whole">
          {t('overview.inOrder')}
        </Badge>
      )}
    </Block>
  );
}
