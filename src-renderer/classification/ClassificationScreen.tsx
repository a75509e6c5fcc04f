import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { SessionDto } from '../../src-shared/contracts';
import { CardLabelsProvider } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { DictionaryAdmin } from './admin/DictionaryAdmin';
import { RegionAdmin } from './admin/RegionAdmin';
import { RulesPanel } from './admin/RulesPanel';
import { RoutesPanel } from './routes/RoutesPanel';
import { ClassificationView } from './view/ClassificationView';
import './classification.css';

type Tab = 'view' | 'routes' | 'dictionaries' | 'regions' | 'rules';

/**
 * 客户分类 (method 三.2). Custodians and managers see the customers by class and the routes;
 * the administrator keeps the dictionaries, the region tree with its routes and the rules of the
 * derived classes here too, where an office looks for "the classes", without seeing card content.
 * Each tab is shown only to a session that may use it; main checks every call again.
 */
export function ClassificationScreen({ session }: { session: SessionDto }) {
  const { t } = useI18n();
  const may = (p: SessionDto['permissions'][number]) => session.permissions.includes(p);
  const tabs: Tab[] = [
    ...(may('cards.read') ? (['view', 'routes'] as const) : []),
    ...(may('classification.manage') ? (['dictionaries', 'regions'] as const) : []),
    ...(may('classification.manage') || may('classification.read') ? (['rules'] as const) : []),
  ];
  const names: Record<Tab, string> = {
    view: t('classification.tab.view'),
    routes: t('classification.tab.routes'),
    dictionaries: t('classification.tab.dictionaries'),
    regions: t('classification.tab.regions'),
    rules: t('classification.tab.rules'),
  };

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2}>{t('classification.title')}</Title>
        <Text size="sm" c="dimmed">
          {may('cards.read') ? t('classification.intro') : t('classification.introAdmin')}
        </Text>
      </Stack>
      {/* Labels are read when a tab opens, so a dictionary just edited shows in the next tab at once. */}
      <Tabs defaultValue={tabs[0]} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {names[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.includes('view') ? (
          <Tabs.Panel value="view" pt="md">
            <CardLabelsProvider session={session}>
              <ClassificationView session={session} />
            </CardLabelsProvider>
          </Tabs.Panel>
        ) : null}
        {tabs.includes('routes') ? (
          <Tabs.Panel value="routes" pt="md">
            <CardLabelsProvider session={session}>
              <RoutesPanel session={session} />
            </CardLabelsProvider>
          </Tabs.Panel>
        ) : null}
        {tabs.includes('dictionaries') ? (
          <Tabs.Panel value="dictionaries" pt="md">
            <DictionaryAdmin />
          </Tabs.Panel>
        ) : null}
        {tabs.includes('regions') ? (
          <Tabs.Panel value="regions" pt="md">
            <RegionAdmin />
          </Tabs.Panel>
        ) : null}
        {tabs.includes('rules') ? (
          <Tabs.Panel value="rules" pt="md">
            <CardLabelsProvider session={session}>
              <RulesPanel canEdit={may('classification.manage')} />
            </CardLabelsProvider>
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
