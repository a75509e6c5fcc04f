import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { isCalendarDate } from '../../src-shared/cards/card-schema';
import type { RepScheduleDto, ReportingDiscipline } from '../../src-shared/contracts/visits';
import { MONTHLY_DUE_DAY } from '../../src-shared/visits/discipline';
import { localToday } from '../analysis/period';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { PERIOD_KEYS } from './report-labels';
import { slotText } from './slot-text';

interface Range {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** This month up to today, and the whole of last month: the two windows a custodian checks. */
function thisMonth(today: string): Range {
  return { from: `${today.slice(0, 8)}01`, to: today };
}
function lastMonth(today: string): Range {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return { from: `${py}-${pad(pm)}-01`, to: `${py}-${pad(pm)}-${pad(last)}` };
}

/**
 * 报告纪律: for each rep, the reports the schedule expected in the period
 * against those that came (late ones counted), the overdue ones listed oldest
 * first, and the schedules themselves (日报 / 月报 / 不要求, from a start date).
 */
export function DisciplineTab() {
  const { t } = useI18n();
  const today = localToday();
  const [range, setRange] = useState<Range>(() => thisMonth(today));
  const [version, setVersion] = useState(0);
  const load = useAction();
  const [discipline, setDiscipline] = useState<ReportingDiscipline | null>(null);
  const { run } = load;

  useEffect(() => {
    let live = true;
    void run('visits.discipline', range).then((value) => {
      if (live && value) setDiscipline(value);
    });
    return () => {
      live = false;
    };
  }, [run, range, version]);

  return (
    <Stack gap="lg" data-testid="visit-discipline">
      <RangePicker range={range} today={today} onChange={setRange} />
      <ErrorAlert error={load.error} />
      {discipline ? (
        <>
          <Stack gap="xs">
            <Title order={4}>{t('visits.discipline.byRep')}</Title>
            {discipline.reps.length === 0 ? (
              <Text c="dimmed">{t('visits.discipline.noReps')}</Text>
            ) : (
              <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="discipline-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('visits.discipline.rep')}</Table.Th>
                    <Table.Th>{t('visits.discipline.kind')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.expected')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.submitted')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.late')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.overdue')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.open')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.reports')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {discipline.reps.map((r) => (
                    <Table.Tr key={r.username} data-rep={r.username}>
                      <Table.Td>
                        {r.displayName}
                        <Text span c="dimmed" size="xs" ml={6}>
                          {r.username}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(PERIOD_KEYS[r.period])}</Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="expected">
                        {r.expected}
                      </Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="submitted">
                        {r.submitted}
                      </Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="late">
                        {r.late}
                      </Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="overdue">
                        {r.overdue > 0 ? (
                          <Text span c="red" fw={700} size="sm">
                            {r.overdue}
                          </Text>
                        ) : (
                          r.overdue
                        )}
                      </Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="open">
                        {r.open}
                      </Table.Td>
                      <Table.Td ta="right" className="kd-mono" data-column="reports">
                        {r.reports}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>

          <Stack gap="xs">
            <Title order={4}>{t('visits.discipline.overdueList')}</Title>
            {discipline.overdue.length === 0 ? (
              <Text c="dimmed" data-testid="no-overdue">
                {t('visits.discipline.noOverdue')}
              </Text>
            ) : (
              <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="overdue-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('visits.discipline.rep')}</Table.Th>
                    <Table.Th>{t('visits.discipline.slot')}</Table.Th>
                    <Table.Th>{t('visits.discipline.dueOn')}</Table.Th>
                    <Table.Th ta="right">{t('visits.discipline.daysOverdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {discipline.overdue.map((o) => (
                    <Table.Tr key={`${o.username}-${o.period}-${o.slot}`} data-rep={o.username} data-slot={o.slot}>
                      <Table.Td>{o.displayName}</Table.Td>
                      <Table.Td>{slotText(o, t)}</Table.Td>
                      <Table.Td className="kd-mono">{o.dueOn}</Table.Td>
                      <Table.Td ta="right" className="kd-mono">
                        {t('visits.discipline.days', { n: o.daysOverdue })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </>
      ) : null}

      <ScheduleEditor onSaved={() => setVersion((v) => v + 1)} />
    </Stack>
  );
}

function RangePicker({ range, today, onChange }: { range: Range; today: string; onChange: (range: Range) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [shown, setShown] = useState(range);
  const [bad, setBad] = useState(false);
  // A preset fills the date fields with its dates.
  if (shown !== range) {
    setShown(range);
    setFrom(range.from);
    setTo(range.to);
    setBad(false);
  }
  const presets = [
    { key: 'visits.discipline.thisMonth' as const, range: thisMonth(today) },
    { key: 'visits.discipline.lastMonth' as const, range: lastMonth(today) },
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = !isCalendarDate(from) || !isCalendarDate(to) || from > to;
    setBad(wrong);
    if (!wrong) onChange({ from, to });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group gap="sm" align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('visits.discipline.period')}
          </Text>
          <Button.Group>
            {presets.map((p) => {
              const active = p.range.from === range.from && p.range.to === range.to;
              return (
                <Button
                  key={p.key}
                  size="sm"
                  variant={active ? 'filled' : 'default'}
                  aria-pressed={active}
                  onClick={() => onChange(p.range)}
                >
                  {t(p.key)}
                </Button>
              );
            })}
          </Button.Group>
        </div>
        <TextInput
          type="date"
          label={t('visits.discipline.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={bad ? t('visits.discipline.badPeriod') : undefined}
          w={160}
        />
        <TextInput
          type="date"
          label={t('visits.discipline.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={bad ? ' ' : undefined}
          w={160}
        />
        <Button type="submit" variant="light">
          {t('visits.discipline.apply')}
        </Button>
      </Group>
    </form>
  );
}

/** 报告要求设置: per rep 日报 / 月报 / 不要求 and the first day it applies; each row saves on its own. */
function ScheduleEditor({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const load = useAction();
  const [schedules, setSchedules] = useState<RepScheduleDto[] | null>(null);
  const { run } = load;

  useEffect(() => {
    void run('visits.schedules', {}).then((value) => {
      if (value) setSchedules(value);
    });
  }, [run]);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('visits.discipline.schedules')}</Title>
        <Text size="sm" c="dimmed">
          {t('visits.discipline.schedulesIntro', { day: MONTHLY_DUE_DAY })}
        </Text>
        <ErrorAlert error={load.error} />
        {schedules && schedules.length === 0 ? <Text c="dimmed">{t('visits.discipline.noReps')}</Text> : null}
        {schedules && schedules.length > 0 ? (
          <Table fz="sm" verticalSpacing={6} data-testid="schedule-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('visits.discipline.rep')}</Table.Th>
                <Table.Th>{t('visits.discipline.kind')}</Table.Th>
                <Table.Th>{t('visits.discipline.since')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.map((s) => (
                <ScheduleRow
                  key={`${s.username}-${s.period}-${s.since ?? ''}`}
                  schedule={s}
                  onSaved={(all) => {
                    setSchedules(all);
                    onSaved();
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ScheduleRow({ schedule, onSaved }: { schedule: RepScheduleDto; onSaved: (all: RepScheduleDto[]) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const save = useAction();
  const [period, setPeriod] = useState<RepScheduleDto['period']>(schedule.period);
  const [since, setSince] = useState(schedule.since ?? localToday());
  const dirty = period !== schedule.period || since !== (schedule.since ?? '');
  const sinceBad = !isCalendarDate(since);

  async function submit() {
    const all = await save.run('visits.saveSchedule', { username: schedule.username, period, since });
    if (!all) return;
    notify(t('visits.discipline.scheduleSaved', { name: schedule.displayName }));
    onSaved(all);
  }

  return (
    <Table.Tr data-schedule={schedule.username}>
      <Table.Td>
        {schedule.displayName}
        <Text span c="dimmed" size="xs" ml={6}>
          {schedule.username}
        </Text>
        {!schedule.active ? (
          <Badge size="xs" color="gray" variant="light" ml={6}>
            {t('visits.discipline.inactive')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`${t('visits.discipline.kind')} ${schedule.displayName}`}
          data={(['daily', 'monthly', 'none'] as const).map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))}
          value={period}
          onChange={(v) => v && setPeriod(v as RepScheduleDto['period'])}
          allowDeselect={false}
          w={120}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={`${t('visits.discipline.since')} ${schedule.displayName}`}
          value={since}
          onChange={(e) => setSince(e.currentTarget.value)}
          error={sinceBad}
          w={150}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => void submit()} disabled={!dirty || sinceBad} loading={save.busy}>
            {t('visits.discipline.saveSchedule')}
          </Button>
          {save.error ? (
            <Text size="xs" c="red" role="alert">
              {save.error.message}
            </Text>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
