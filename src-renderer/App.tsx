import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SessionDto, SetupStatusDto } from '../src-shared/contracts';
import { errorMessage } from '../src-shared/errors';
import { call, onSessionEnded } from './api/call';
import { ForcedPasswordChange } from './auth/ForcedPasswordChange';
import { LoginScreen } from './auth/LoginScreen';
import { RecoverForm } from './auth/RecoverForm';
import { useI18n } from './i18n/I18nProvider';
import { ArchiveProblem } from './setup/ArchiveProblem';
import { RecoveryCodeScreen } from './setup/RecoveryCodeScreen';
import { SetupWizard } from './setup/SetupWizard';
import { AppLayout } from './shell/AppLayout';
import { ErrorAlert } from './ui/ErrorAlert';
import { useClearNotifications } from './ui/Notifications';
import { PublicLayout } from './ui/PublicLayout';

/** Where the window is in its life: one screen per stage, nothing else reachable. */
type Stage =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; dataDir: string }
  | { kind: 'problem'; status: SetupStatusDto }
  | { kind: 'recoveryCode'; code: string; reason: 'setup' | 'recover' }
  | { kind: 'login'; notice: string | null }
  | { kind: 'recover' }
  | { kind: 'app'; session: SessionDto };

/** Which screen the window opens on: setup, a problem report, the login, or a session still open in main. */
async function firstStage(): Promise<{ stage: Stage; archiveName: string | null }> {
  const status = await call('setup.status', {});
  if (!status.ok) return { stage: { kind: 'unreachable', message: status.error.message }, archiveName: null };
  const { archiveName, state, dataDir } = status.value;
  if (state === 'new') return { stage: { kind: 'setup', dataDir }, archiveName };
  if (state === 'problem') return { stage: { kind: 'problem', status: status.value }, archiveName };
  // A reload of the window keeps main's session: continue it rather than asking to log in again.
  const session = await call('auth.session', {});
  if (session.ok && session.value) return { stage: { kind: 'app', session: session.value }, archiveName };
  return { stage: { kind: 'login', notice: null }, archiveName };
}

export function App() {
  const { t, language } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [archiveName, setArchiveName] = useState<string | null>(null);
  const clearNotifications = useClearNotifications();

  /** Toasts belong to the session that caused them: drop them whenever a session starts or ends. */
  const enter = useCallback(
    (next: Stage) => {
      clearNotifications();
      setStage(next);
    },
    [clearNotifications],
  );

  useEffect(() => {
    void firstStage().then((first) => {
      setArchiveName(first.archiveName);
      setStage(first.stage);
    });
  }, []);

  // Any call that finds the session gone (idle lock in main, restore elsewhere) brings us back here.
  useEffect(
    () =>
      onSessionEnded((error) => {
        clearNotifications();
        setStage((current) => (current.kind === 'app' ? { kind: 'login', notice: error.message } : current));
      }),
    [clearNotifications],
  );

  const logout = useCallback(
    async (notice: string | null) => {
      await call('auth.logout', {});
      enter({ kind: 'login', notice });
    },
    [enter],
  );

  switch (stage.kind) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'unreachable':
      return (
        <PublicLayout>
          <ErrorAlert error={{ code: 'INTERNAL', message: stage.message }} />
        </PublicLayout>
      );
    case 'setup':
      return (
        <SetupWizard
          dataDir={stage.dataDir}
          onCreated={(result) => {
            setArchiveName(result.archiveName);
            setStage({ kind: 'recoveryCode', code: result.recoveryCode, reason: 'setup' });
          }}
        />
      );
    case 'problem':
      return <ArchiveProblem problem={stage.status.problem} dataDir={stage.status.dataDir} />;
    case 'recoveryCode':
      return (
        <RecoveryCodeScreen
          code={stage.code}
          archiveName={archiveName ?? ''}
          reason={stage.reason}
          onDone={() => setStage({ kind: 'login', notice: t('recoveryCode.nowLogin') })}
        />
      );
    case 'login':
      return (
        <LoginScreen
          archiveName={archiveName}
          notice={stage.notice}
          onLoggedIn={(session) => enter({ kind: 'app', session })}
          onRecover={() => setStage({ kind: 'recover' })}
        />
      );
    case 'recover':
      return (
        <RecoverForm
          archiveName={archiveName}
          onRecovered={(code) => setStage({ kind: 'recoveryCode', code, reason: 'recover' })}
          onCancel={() => setStage({ kind: 'login', notice: null })}
        />
      );
    case 'app':
      if (stage.session.mustChangePassword) {
        return (
          <ForcedPasswordChange
            session={stage.session}
            onChanged={(session) => setStage({ kind: 'app', session })}
            onLogout={() => void logout(null)}
          />
        );
      }
      return (
        <AppLayout
          session={stage.session}
          onSessionChanged={(session) => setStage({ kind: 'app', session })}
          onLogout={() => void logout(null)}
          onIdle={() => void logout(errorMessage('SESSION_LOCKED', language))}
          onRestored={() => enter({ kind: 'login', notice: t('backup.restoredLogin') })}
        />
      );
  }
}
