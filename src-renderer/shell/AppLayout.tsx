import { AppShell, Badge, Button, Group, Modal, NavLink, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { AccessLogScreen } from '../access-log/AccessLogScreen';
import { AdministrationScreen } from '../administration/AdministrationScreen';
import { CardsScreen } from '../cards/CardsScreen';
import { confirmLeave, hasUnsavedChanges } from '../cards/leave-guard';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useIdleLock } from '../auth/useIdleLock';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useNotify } from '../ui/Notifications';
import { visibleNavItems, type Section } from './nav';
import { NavigationProvider, type CardsIntent, type Navigation } from './navigation';
import { ClassificationScreen } from '../classification/ClassificationScreen';
import { AnalysisScreen } from '../analysis/AnalysisScreen';
import { SalesScreen } from '../sales/SalesScreen';
import { VisitsScreen } from '../visits/VisitsScreen';
import { StartPage } from '../home/StartPage';
import { UpkeepScreen } from '../upkeep/UpkeepScreen';

/** The logged-in frame: header with who and where, navigation limited to what the roles may do. */
export function AppLayout({
  session,
  onSessionChanged,
  onLogout,
  onIdle,
  onRestored,
}: {
  session: SessionDto;
  onSessionChanged: (session: SessionDto) => void;
  onLogout: () => void;
  onIdle: () => void;
  onRestored: () => void;
}) {
  const { t, labels } = useI18n();
  const notify = useNotify();
  const [section, setSection] = useState<Section>('home');
  const [changingPassword, setChangingPassword] = useState(false);
  const items = visibleNavItems(session.permissions);
  const idle = useIdleLock(session.idleLockMinutes, onIdle);
  // An open card form with unsaved edits asks before the user navigates or logs out.
  const leaveTo = (next: Section) =>
    void confirmLeave().then((ok) => {
      if (!ok) return;
      setSectionTab(null);
      setSection(next);
    });
  const [cardsIntent, setCardsIntent] = useState<CardsIntent | null>(null);
  // The tab a start-page link asked for; a section opened from the navigation starts on its first tab.
  const [sectionTab, setSectionTab] = useState<string | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      showCards: (intent) =>
        void confirmLeave().then((ok) => {
          if (!ok) return;
          setCardsIntent((previous) => ({ ...intent, seq: (previous?.seq ?? 0) + 1 }));
          setSection('cards');
        }),
      goTo: (next, tab) =>
        void confirmLeave().then((ok) => {
          if (!ok) return;
          setSectionTab(tab ?? null);
          setSection(next);
        }),
    }),
    // State setters never change; listed because the compiler sees them used.
    [setCardsIntent, setSectionTab],
  );

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text c="dimmed" truncate="end" data-testid="archive-name">
              {session.archiveName}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap={6} wrap="nowrap" data-testid="current-user">
              <Text fw={500}>{session.displayName}</Text>
              {session.roles.map((role) => (
                <Badge key={role} variant="light" size="sm">
                  {labels.roles[role]}
                </Badge>
              ))}
            </Group>
            <LanguageSwitch />
            <Button variant="subtle" size="xs" onClick={() => setChangingPassword(true)}>
              {t('password.change')}
            </Button>
            <Button variant="default" size="xs" onClick={() => void confirmLeave().then((ok) => ok && onLogout())}>
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <Stack gap={4} component="nav" aria-label={t('shell.navigation')}>
          <NavLink label={t('nav.home')} active={section === 'home'} onClick={() => leaveTo('home')} />
          {items.map((item) => (
            <NavLink
              key={item.section}
              label={t(item.label)}
              active={section === item.section}
              onClick={() => leaveTo(item.section)}
              data-nav={item.section}
            />
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <NavigationProvider value={navigation}>
          {section === 'home' ? <StartPage session={session} /> : null}
          {section === 'cards' ? <CardsScreen session={session} intent={cardsIntent} /> : null}
          {section === 'upkeep' ? <UpkeepScreen session={session} initialTab={sectionTab} /> : null}
          {section === 'classification' ? <ClassificationScreen session={session} /> : null}
          {section === 'analysis' ? <AnalysisScreen session={session} /> : null}
          {section === 'sales' ? <SalesScreen session={session} /> : null}
          {section === 'visits' ? <VisitsScreen session={session} /> : null}
          {section === 'accessLog' ? <AccessLogScreen session={session} /> : null}
          {section === 'admin' ? <AdministrationScreen session={session} onRestored={onRestored} /> : null}
        </NavigationProvider>
      </AppShell.Main>

      <Modal
        opened={idle.warning}
        onClose={idle.stayActive}
        title={t('shell.idleWarningTitle')}
        centered
        data-testid="idle-warning"
      >
        <Stack gap="md">
          <Text>{t('shell.idleWarning')}</Text>
          {hasUnsavedChanges() ? <Text c="red">{t('shell.idleWarningUnsaved')}</Text> : null}
          <Group justify="flex-end">
            <Button onClick={idle.stayActive}>{t('shell.idleStay')}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={changingPassword} onClose={() => setChangingPassword(false)} title={t('password.change')} centered>
        <ChangePasswordForm
          onChanged={(next) => {
            setChangingPassword(false);
            onSessionChanged(next);
            notify(t('password.changed'));
          }}
        />
      </Modal>
    </AppShell>
  );
}
