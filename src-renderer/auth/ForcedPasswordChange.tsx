import { Button } from '@mantine/core';
import type { SessionDto } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';
import { ChangePasswordForm } from './ChangePasswordForm';

/** A temporary password (new user, reset, reactivation) must be replaced before anything else. */
export function ForcedPasswordChange({
  session,
  onChanged,
  onLogout,
}: {
  session: SessionDto;
  onChanged: (session: SessionDto) => void;
  onLogout: () => void;
}) {
  const { t } = useI18n();
  return (
    <PublicLayout archiveName={session.archiveName}>
      <ScreenTitle sub={t('forcedChange.intro', { name: session.displayName })}>{t('forcedChange.title')}</ScreenTitle>
      <ChangePasswordForm
        onChanged={onChanged}
        secondary={
          <Button variant="default" onClick={onLogout}>
            {t('shell.logout')}
          </Button>
        }
      />
    </PublicLayout>
  );
}
