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

export function App() {
  const { t, language } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [archiveName, setArchiveName] = useState<string | null>(null);

  const start = useCallback(async () => {
    const status = await call('setup.status', {});
    if (!status.ok) return setStage({ kind: 'unreachable', message: status.error.message });
    setArchiveName(status.value.archiveName);
    if (status.value.state === 'new') return setStage({ kind: 'setup', dataDir: status.value.dataDir });
    if (status.value.state === 'problem') return setStage({ kind: 'problem', status: status.value });
    // A reload of the window keeps main's session: continue it rather than asking to log in again.
    const session = await call('auth.session', {});
    if (session.ok && session.value) return setStage({ kind: 'app', session: session.value });
    setStage({ kind: 'login', notice: null });
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  // Any call that finds the session gone (idle lock in main, restore elsewhere) brings us back here.
  useEffect(
    () =>
      onSessionEnded((error) => {
        setStage((current) =>
          current.kind === 'app' ? { kind: 'login', notice: error.message } : current,
        );
      }),
    [],
  );

  const logout = useCallback(async (notice: string | null) => {
    await call('auth.logout', {});
    setStage({ kind: 'login', notice });
  }, []);

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
          onLoggedIn={(session) => setStage({ kind: 'app', session })}
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
          onRestored={() => setStage({ kind: 'login', notice: t('backup.restoredLogin') })}
        />
      );
  }
}
