import { Button, Group, Loader, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { PeriodSchema, type Period } from '../../../src-shared/analysis/analysis';
import type { CardFilters, SessionDto } from '../../../src-shared/contracts';
import { GROUP_AXES, type ClassGroups, type GroupAxis } from '../../../src-shared/contracts/classification';
import { formatCents } from '../../../src-shared/sales/sales';
import { useAction } from '../../api/useAction';
import { useCardLabels } from '../../cards/card-labels';
import { useI18n } from '../../i18n/I18nProvider';
import { useNavigation } from '../../shell/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { groupAxisLabel, groupKeyLabel, REASSIGN_AXES, type ReassignAxis } from '../class-labels';
import { ReassignModal } from '../ReassignModal';
import { lastTwelveMonths, lastYear, orderKeys, thisYear } from './class-view-layout';
import { CrossTable, GroupTable, type GroupTarget } from './GroupTables';

/** What the table on screen was computed from: clicks and reassignments use exactly this. */
interface Shown {
  axes: GroupAxis[];
  period: Period;
  filters: CardFilters;
  result: ClassGroups;
}

const ACTIVE_ONLY: CardFilters = { status: ['active'] };

/**
 * 分类视图: the customers grouped by one axis (a table) or two (a cross table), each group with
 * its number of customers and its sales in the period (default: the last 12 months), with
 * totals. A click on a group opens the card list filtered to exactly that group; a custodian can
 * reassign a group's cards from here.
 */
export function ClassificationView({ session }: { session: SessionDto }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const navigation = useNavigation();
  const canWrite = session.permissions.includes('cards.write');
  const action = useAction();
  const [axis1, setAxis1] = useState<GroupAxis>('grade');
  const [axis2, setAxis2] = useState<GroupAxis | null>(null);
  const [period, setPeriod] = useState<Period>(() => lastTwelveMonths(new Date()));
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [reassigning, setReassigning] = useState<GroupTarget | null>(null);
  const [refresh, setRefresh] = useState(0);

  const axes = useMemo(() => (axis2 ? [axis1, axis2] : [axis1]), [axis1, axis2]);
  const { run } = action;
  useEffect(() => {
    const request = { axes, period, filters: includeArchived ? {} : ACTIVE_ONLY };
    let live = true;
    void run('classification.groups', request).then((result) => {
      if (live && result) setShown({ ...request, result });
    });
    return () => {
      live = false;
    };
  }, [run, axes, period, includeArchived, refresh]);

  const periodCheck = PeriodSchema.safeParse({ from: from.trim(), to: to.trim() });
  const periodProblem = (field: 'from' | 'to') => {
    if (periodCheck.success) return null;
    const issue = periodCheck.error.issues.find((i) => i.path[0] === field);
    if (!issue) return null;
    if (issue.message === 'PERIOD_ORDER') return t('classification.view.periodOrder');
    if (issue.message === 'PERIOD_TOO_LONG') return t('classification.view.periodTooLong');
    return t('classification.view.dateInvalid');
  };
  const choosePeriod = (next: Period) => {
    setFrom(next.from);
    setTo(next.to);
    setPeriod(next);
  };

  const axisData = GROUP_AXES.map((a) => ({ value: a, label: groupAxisLabel(a, labels, t) }));
  const order = (axis: GroupAxis, keys: string[]) => orderKeys(axis, keys, labels.dictionaries, labels.repName);
  const keyLabel = (axis: GroupAxis, key: string) => groupKeyLabel(axis, key, labels, t);

  const open = (target: GroupTarget) => navigation.showCards({ filters: target.filters });
  const reassignAxis: ReassignAxis = (REASSIGN_AXES as readonly string[]).includes(axis1)
    ? (axis1 as ReassignAxis)
    : 'grade';

  return (
    <Stack gap="md" data-testid="classification-view">
      <Paper withBorder p="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('classification.view.axis1')}
            data={axisData}
            value={axis1}
            onChange={(v) => {
              if (!v) return;
              setAxis1(v as GroupAxis);
              if (v === axis2) setAxis2(null);
            }}
            allowDeselect={false}
            w={170}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('classification.view.axis2')}
            data={[
              { value: '', label: t('classification.view.axis2None') },
              ...axisData.filter((o) => o.value !== axis1),
            ]}
            value={axis2 ?? ''}
            onChange={(v) => setAxis2(v ? (v as GroupAxis) : null)}
            allowDeselect={false}
            w={190}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('classification.view.from')}
            placeholder={t('classification.view.datePlaceholder')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={periodProblem('from')}
            maxLength={10}
            w={130}
          />
          <TextInput
            label={t('classification.view.to')}
            placeholder={t('classification.view.datePlaceholder')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && periodCheck.success) setPeriod(periodCheck.data);
            }}
            error={periodProblem('to')}
            maxLength={10}
            w={130}
          />
          <Button
            variant="default"
            onClick={() => periodCheck.success && setPeriod(periodCheck.data)}
            disabled={!periodCheck.success}
          >
            {t('classification.view.show')}
          </Button>
          <Group gap={4} mb={4}>
            <Button size="compact-sm" variant="subtle" onClick={() => choosePeriod(lastTwelveMonths(new Date()))}>
              {t('classification.view.last12')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => choosePeriod(thisYear(new Date()))}>
              {t('classification.view.thisYear')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => choosePeriod(lastYear(new Date()))}>
              {t('classification.view.lastYear')}
            </Button>
          </Group>
          <Switch
            label={t('classification.view.includeArchived')}
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
      </Paper>

      <ErrorAlert error={action.error} />
      {shown ? (
        <Stack gap="xs" style={{ opacity: action.busy ? 0.6 : 1 }}>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" fw={500} data-testid="groups-summary">
              {t('classification.view.summary', {
                period: `${shown.period.from} – ${shown.period.to}`,
                customers: shown.result.totalCustomers.toLocaleString(),
                sales: formatCents(shown.result.totalCents),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {shown.axes.length === 2 ? t('classification.view.crossHint') : t('classification.view.singleHint')}
            </Text>
          </Group>
          {shown.result.groups.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('classification.view.none')}
            </Text>
          ) : shown.axes.length === 2 ? (
            <CrossTable
              axes={shown.axes as [GroupAxis, GroupAxis]}
              result={shown.result}
              filters={shown.filters}
              order={order}
              keyLabel={keyLabel}
              axisLabel={(a) => groupAxisLabel(a, labels, t)}
              onOpen={open}
            />
          ) : (
            <GroupTable
              axis={shown.axes[0]!}
              result={shown.result}
              filters={shown.filters}
              order={order}
              keyLabel={keyLabel}
              axisLabel={(a) => groupAxisLabel(a, labels, t)}
              onOpen={open}
              onReassign={canWrite ? setReassigning : undefined}
            />
          )}
        </Stack>
      ) : action.error ? null : (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('classification.view.loading')}
          </Text>
        </Group>
      )}

      {reassigning ? (
        <ReassignModal
          query={{ query: '', filters: reassigning.filters, sort: { column: 'code', direction: 'asc' } }}
          total={reassigning.customers}
          groupLabel={reassigning.label}
          initialAxis={reassignAxis}
          onClose={() => setReassigning(null)}
          onDone={() => {
            setReassigning(null);
            setRefresh((n) => n + 1);
          }}
        />
      ) : null}
    </Stack>
  );
}
