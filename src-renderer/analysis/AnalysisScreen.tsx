import { Button, EmptyState, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Period } from '../../src-shared/analysis/analysis';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { SessionDto } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call, endsSession } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { analysisLabels } from './analysis-format';
import type { ChartAction, ChartText, CustomersTarget } from './charts/chart-kit';
import { CreditTab } from './credit/CreditAnalysisView';
import { GradeTab } from './grade/GradeAnalysisView';
import { localToday, presetPeriod } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ProductTab } from './product/ProductAnalysisView';
import { RegionTab } from './region/RegionAnalysisView';
import { SegmentCustomersDrawer } from './SegmentCustomersDrawer';
import './analysis.css';

const TABS = ['grade', 'product', 'region', 'credit'] as const;
type Tab = (typeof TABS)[number];

/**
 * 客户构成分析, the managers' main screen (method 三.3): sales by grade, products, regions and
 * credit for one period, each chart with its table. Any segment lists the customers behind it,
 * and any of those opens its card. Until sales are imported it says where they come from.
 */
export function AnalysisScreen({ session }: { session: SessionDto }) {
  const { t, language } = useI18n();
  const navigation = useNavigation();
  const [today] = useState(localToday);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last12Months', today));
  const [asOf, setAsOf] = useState(period.to);
  const [tab, setTab] = useState<Tab>('grade');
  const [target, setTarget] = useState<CustomersTarget | null>(null);
  const [entries, setEntries] = useState<DictionaryEntry[]>([]);
  const [sales, setSales] = useState<{ imported: boolean | null; error: KedangErrorDto | null }>({
    imported: null,
    error: null,
  });

  useEffect(() => {
    let live = true;
    void call('classification.dictionaries', {}).then((r) => {
      if (live && r.ok) setEntries(r.value);
    });
    void call('sales.imports', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSales({ imported: r.value.some((i) => i.kind === 'sales'), error: null });
      else if (!endsSession(r.error)) setSales({ imported: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, []);

  const labels = useMemo(() => analysisLabels(entries, language, t), [entries, language, t]);
  const text = useMemo<ChartText>(() => ({ t, language, labels }), [t, language, labels]);
  const onAction = useCallback((action: ChartAction) => {
    if (action.kind === 'customers') setTarget(action.target);
  }, []);

  function changePeriod(next: Period) {
    setPeriod(next);
    setAsOf(next.to);
  }

  const tabProps = { period, text, archiveName: session.archiveName, onAction };

  return (
    <Stack gap="md" data-testid="analysis-screen">
      <div>
        <Title order={2}>{t('analysis.title')}</Title>
        {sales.imported ? (
          <Text c="dimmed" size="sm">
            {t('analysis.hint')}
          </Text>
        ) : null}
      </div>
      <ErrorAlert error={sales.error} />
      {sales.imported === false ? (
        <EmptyState
          title={t('analysis.empty.title')}
          description={t('analysis.empty.text')}
          py="xl"
          data-testid="analysis-no-sales"
        >
          {session.permissions.includes('sales.import') ? (
            <EmptyState.Actions>
              <Button onClick={() => navigation.goTo('sales')}>{t('analysis.empty.go')}</Button>
            </EmptyState.Actions>
          ) : null}
        </EmptyState>
      ) : null}
      {sales.imported ? (
        <>
          <PeriodPicker period={period} today={today} onChange={changePeriod} />
          <Tabs value={tab} onChange={(v) => setTab(TABS.find((x) => x === v) ?? 'grade')} keepMounted={false}>
            <Tabs.List>
              {TABS.map((x) => (
                <Tabs.Tab key={x} value={x}>
                  {t(`analysis.tab.${x}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="grade" pt="md">
              <GradeTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="product" pt="md">
              <ProductTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="region" pt="md">
              <RegionTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="credit" pt="md">
              <CreditTab asOf={asOf} onAsOf={setAsOf} {...tabProps} />
            </Tabs.Panel>
          </Tabs>
        </>
      ) : null}
      <SegmentCustomersDrawer target={target} labels={labels} onClose={() => setTarget(null)} />
    </Stack>
  );
}
