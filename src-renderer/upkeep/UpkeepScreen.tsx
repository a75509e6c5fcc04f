import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { CardLabelsProvider } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { ProspectList } from '../prospects/ProspectList';
import { NeedsAttentionList } from './NeedsAttentionList';
import { ReviewCyclesEditor } from './ReviewCyclesEditor';
import '../cards/cards.css';

const TABS = ['attention', 'prospects', 'rules'] as const;
type Tab = (typeof TABS)[number];

/**
 * 档案维护 (method 四): keeping the cards current — the needs-attention list with the review
 * marks — looking after potential customers, and the review cycles behind the list.
 */
export function UpkeepScreen({ session, initialTab = null }: { session: SessionDto; initialTab?: string | null }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(TABS.find((x) => x === initialTab) ?? 'attention');
  // The review cycles are the custodian's to set; everyone else sees their effect in the list.
  const mayEditRules = session.permissions.includes('visits.review');
  const tabs = TABS.filter((x) => x !== 'rules' || mayEditRules);
  return (
    <CardLabelsProvider session={session}>
      <Stack gap="md" data-testid="upkeep-screen">
        <div>
          <Title order={2}>{t('upkeep.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('upkeep.hint')}
          </Text>
        </div>
        <Tabs value={tab} onChange={(v) => setTab(TABS.find((x) => x === v) ?? 'attention')} keepMounted={false}>
          <Tabs.List>
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`upkeep.tab.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="attention" pt="md">
            <NeedsAttentionList session={session} />
          </Tabs.Panel>
          <Tabs.Panel value="prospects" pt="md">
            <ProspectList session={session} />
          </Tabs.Panel>
          {mayEditRules ? (
            <Tabs.Panel value="rules" pt="md">
              <ReviewCyclesEditor canEdit={mayEditRules} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </Stack>
    </CardLabelsProvider>
  );
}
