import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { CardLabelsProvider } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { DisciplineTab } from './DisciplineTab';
import { Inbox, type InboxCounts } from './Inbox';
import { MyReports } from './MyReports';
import { ReportForm } from './ReportForm';
import './visits.css';

type VisitsTab = 'new' | 'mine' | 'inbox' | 'discipline';

/**
 * 拜访: a rep writes visit reports and follows them (写报告, 我的报告); the
 * custodian handles them (收件箱) and watches who reports on time (报告纪律).
 * Someone given both duties sees all four tabs.
 */
export function VisitsScreen({ session }: { session: SessionDto }) {
  const { t } = useI18n();
  const maySubmit = session.permissions.includes('visits.submit');
  const mayReview = session.permissions.includes('visits.review');
  const [tab, setTab] = useState<VisitsTab>(mayReview ? 'inbox' : 'new');
  // Bumped after a submit, so 我的报告 reads again when shown.
  const [version, setVersion] = useState(0);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const onCounts = useCallback((next: InboxCounts) => setCounts(next), []);

  return (
    <CardLabelsProvider session={session}>
      <Stack gap="md">
        <Title order={2}>{t('visits.title')}</Title>
        <Tabs value={tab} onChange={(value) => value && setTab(value as VisitsTab)} keepMounted={false}>
          <Tabs.List>
            {mayReview ? (
              <Tabs.Tab value="inbox">
                <Group gap={6} wrap="nowrap">
                  {counts && counts.pending > 0
                    ? t('visits.tab.inboxCount', { n: counts.pending })
                    : t('visits.tab.inbox')}
                  {counts && counts.urgent > 0 ? (
                    <Badge size="sm" color="red" variant="filled" data-testid="urgent-count">
                      {t('visits.tab.urgentCount', { n: counts.urgent })}
                    </Badge>
                  ) : null}
                </Group>
              </Tabs.Tab>
            ) : null}
            {mayReview ? <Tabs.Tab value="discipline">{t('visits.tab.discipline')}</Tabs.Tab> : null}
            {maySubmit ? <Tabs.Tab value="new">{t('visits.tab.new')}</Tabs.Tab> : null}
            {maySubmit ? <Tabs.Tab value="mine">{t('visits.tab.mine')}</Tabs.Tab> : null}
          </Tabs.List>
          {mayReview ? (
            <Tabs.Panel value="inbox" pt="lg">
              <Inbox onCounts={onCounts} />
            </Tabs.Panel>
          ) : null}
          {mayReview ? (
            <Tabs.Panel value="discipline" pt="lg">
              <DisciplineTab />
            </Tabs.Panel>
          ) : null}
          {maySubmit ? (
            // The form stays mounted, so a look at 我的报告 does not lose a half-written report.
            <Tabs.Panel value="new" pt="lg" keepMounted>
              <ReportForm onSubmitted={() => setVersion((v) => v + 1)} />
            </Tabs.Panel>
          ) : null}
          {maySubmit ? (
            <Tabs.Panel value="mine" pt="lg">
              <MyReports version={version} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </Stack>
    </CardLabelsProvider>
  );
}
