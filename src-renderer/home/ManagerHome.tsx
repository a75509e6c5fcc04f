import { Button, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Period } from '../../src-shared/analysis/analysis';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import { formatCents } from '../../src-shared/sales/sales';
import { analysisLabels, formatChange } from '../analysis/analysis-format';
import { CHART_FONT, type ChartModel, type ChartText } from '../analysis/charts/chart-kit';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../analysis/charts/EChart';
import { ageingDonut, ageingRows } from '../analysis/credit/credit-charts';
import { gradeDonut, gradeRows } from '../analysis/grade/grade-charts';
import { categoryRows } from '../analysis/product/product-charts';
import { regionBars, regionRows, type RegionRow } from '../analysis/region/region-charts';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { Figure, HomeBlock } from './home-parts';
import { useChannel } from './use-channel';
import '../analysis/analysis.css';

const SMALL_CHART_HEIGHT = 220;

/**
 * The manager's start page: the key figures of the last twelve months and the four composition
 * charts in small, built by the analysis screen's own option builders from the same channels,
 * so the figures here are the very ones the 分析 section shows. Any chart opens that section.
 */
export function ManagerHome() {
  const { t, language } = useI18n();
  const navigation = useNavigation();
  const start = useChannel('home.manager', {});
  const [entries, setEntries] = useState<DictionaryEntry[]>([]);
  useEffect(() => {
    let live = true;
    void call('classification.dictionaries', {}).then((r) => {
      if (live && r.ok) setEntries(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  const labels = useMemo(() => analysisLabels(entries, language, t), [entries, language, t]);
  const text = useMemo<ChartText>(() => ({ t, language, labels }), [t, language, labels]);
  const value = start.value;
  const change = value ? formatChange(value.salesCents, value.previousSalesCents) : null;
  const toAnalysis = () => navigation.goTo('analysis');

  return (
    <Stack gap="md" data-testid="home-manager">
      <HomeBlock
        title={t('home.manager.title')}
        loading={start.loading}
        error={start.error}
        testId="manager-figures"
        actions={
          value ? (
            <Text size="sm" c="dimmed">
              {t('home.manager.period', { from: value.period.from, to: value.period.to })}
            </Text>
          ) : null
        }
      >
        {value ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Figure
              label={t('home.fig.sales')}
              value={formatCents(value.salesCents)}
              note={change ? t('home.fig.salesChange', { change }) : t('home.fig.noPrevious')}
              onClick={toAnalysis}
              testId="fig-sales"
            />
            <Figure
              label={t('home.fig.trading')}
              value={value.tradingCustomers.toLocaleString()}
              testId="fig-trading"
            />
            <Figure
              label={t('home.fig.activeCards')}
              value={value.activeCards.toLocaleString()}
              onClick={() => navigation.goTo('cards')}
              testId="fig-active"
            />
            <Figure label={t('home.fig.prospects')} value={value.prospects.toLocaleString()} testId="fig-prospects" />
            <Figure
              label={t('home.fig.outstanding')}
              value={formatCents(value.outstandingCents)}
              onClick={toAnalysis}
              testId="fig-outstanding"
            />
            <Figure
              label={t('home.fig.overLimit')}
              value={value.overLimitCustomers.toLocaleString()}
              color={value.overLimitCustomers > 0 ? 'red' : undefined}
              onClick={toAnalysis}
              testId="fig-over-limit"
            />
            <Figure
              label={t('home.fig.visits30d')}
              value={value.visitReports30d.toLocaleString()}
              testId="fig-visits"
            />
          </SimpleGrid>
        ) : null}
      </HomeBlock>
      {value ? <SmallCharts period={value.period} asOf={value.asOf} text={text} onOpen={toAnalysis} /> : null}
    </Stack>
  );
}

/** The four composition charts of `period`, small; each (and its title) opens the analysis section. */
function SmallCharts({
  period,
  asOf,
  text,
  onOpen,
}: {
  period: Period;
  asOf: string;
  text: ChartText;
  onOpen: () => void;
}) {
  const { t } = text;
  const grade = useChannel('analysis.grade', { period });
  const product = useChannel('analysis.product', { period, by: 'grade' });
  const region = useChannel('analysis.region', { period, parent: null });
  const credit = useChannel('analysis.credit', { asOf });

  const gradeModel = useMemo(
    () => (grade.value ? gradeDonut(gradeRows(grade.value, text), text) : null),
    [grade.value, text],
  );
  const productModel = useMemo(() => {
    if (!product.value) return null;
    // The categories as bars, drawn like the regions (the analysis screen shows them as a donut and a map).
    const rows: RegionRow[] = categoryRows(product.value, text).map((row) => {
      const action = { kind: 'customers' as const, target: row.target };
      return { ...row, action, customersAction: action };
    });
    return regionBars(rows, text, { drillMarks: false });
  }, [product.value, text]);
  const regionModel = useMemo(
    () => (region.value ? regionBars(regionRows(region.value, text), text, { drillMarks: false }) : null),
    [region.value, text],
  );
  const creditModel = useMemo(
    () => (credit.value ? ageingDonut(ageingRows(credit.value, text), text) : null),
    [credit.value, text],
  );
  const noSales = grade.value !== null && grade.value.groups.every((g) => g.cents === 0);

  if (noSales) {
    return (
      <Text size="sm" c="dimmed" data-testid="home-no-sales">
        {t('home.chart.noSales')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="home-charts">
      <SmallChart id="grade" title={t('home.chart.grade')} model={gradeModel} onOpen={onOpen} />
      <SmallChart id="product" title={t('home.chart.product')} model={productModel} onOpen={onOpen} />
      <SmallChart id="region" title={t('home.chart.region')} model={regionModel} onOpen={onOpen} />
      <SmallChart id="credit" title={t('home.chart.credit')} model={creditModel} onOpen={onOpen} />
    </SimpleGrid>
  );
}

type Options = Record<string, unknown>;

/**
 * The analysis screen's option, fitted to a quarter of the page: a donut names its slices in a
 * compact legend instead of labels around the ring (which would be cut off), bars keep their
 * share labels but drop the amount axis (its 万 figures would run into each other).
 */
function smallOption(option: EChartsCoreOption): EChartsCoreOption {
  const series = (option.series as Options[] | undefined) ?? [];
  if (series.some((x) => x.type === 'pie')) {
    return {
      ...option,
      legend: {
        bottom: 0,
        left: 'center',
        itemWidth: 10,
        itemHeight: 8,
        itemGap: 6,
        textStyle: { fontSize: 11, fontFamily: CHART_FONT },
      },
      series: series.map((x) => ({
        ...x,
        radius: ['34%', '60%'],
        center: ['50%', '42%'],
        label: { show: false },
        labelLine: { show: false },
        data: ((x.data as Options[] | undefined) ?? []).map(({ label: _label, labelLine: _line, ...d }) => d),
      })),
    };
  }
  return {
    ...option,
    grid: { left: 4, right: 56, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { ...(option.xAxis as Options), axisLabel: { show: false } },
  };
}

function SmallChart({
  id,
  title,
  model,
  onOpen,
}: {
  id: string;
  title: string;
  model: ChartModel | null;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const small = useMemo<ChartModel | null>(
    () => (model ? { option: smallOption(model.option), actionAt: model.actionAt } : null),
    [model],
  );
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`home-chart-${id}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <UnstyledButton onClick={onOpen}>
            <Text fw={600} size="sm">
              {title}
            </Text>
          </UnstyledButton>
          <Button size="compact-xs" variant="subtle" onClick={onOpen}>
            {t('home.chart.toAnalysis')}
          </Button>
        </Group>
        {small ? (
          <EChart model={small} height={SMALL_CHART_HEIGHT} chartId={`home-${id}`} label={title} onAction={onOpen} />
        ) : (
          <div style={{ height: SMALL_CHART_HEIGHT }} />
        )}
      </Stack>
    </Paper>
  );
}
