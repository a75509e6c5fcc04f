import { Button, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { RouteSheetJob } from '../../../src-shared/contracts/classification';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { useNotify } from '../../ui/Notifications';
import { RoutePrintPreview } from './RoutePrintPreview';

/**
 * 打印路线表: main prepares and logs the job (`classification.printRoute`), then the preview shows
 * the A4 sheet exactly as it prints. Shown only to roles with `cards.print`; main checks anyway.
 */
export function RoutePrintButton({
  route,
  disabled,
  disabledReason,
}: {
  route: string;
  disabled?: boolean;
  disabledReason?: string;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ route: string; job: RouteSheetJob } | null>(null);

  async function open() {
    setBusy(true);
    try {
      const result = await call('classification.printRoute', { route });
      if (result.ok) setJob({ route, job: result.value });
      else notify(result.error.message, 'red');
    } finally {
      setBusy(false);
    }
  }

  const button = (
    <Button
      variant="default"
      onClick={() => void open()}
      loading={busy}
      disabled={disabled || busy}
      data-testid="print-route"
    >
      {t('classification.routes.print')}
    </Button>
  );
  return (
    <>
      {disabled && disabledReason ? (
        <Tooltip label={disabledReason}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      {job ? <RoutePrintPreview route={job.route} initialJob={job.job} onClose={() => setJob(null)} /> : null}
    </>
  );
}
