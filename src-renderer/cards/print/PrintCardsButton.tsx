import { Button } from '@mantine/core';
import { useState } from 'react';
import type { CardPrintJob } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { useNotify } from '../../ui/Notifications';
import { CardPrintPreview } from './CardPrintPreview';

/**
 * 打印 for one card (card header) or the selected cards (list toolbar).
 * Main prepares the job first (`cards.print`: logs each card and numbers its
 * copy); the preview then shows exactly what goes on paper. Render it only
 * for roles with `cards.print`; main refuses the call for the others anyway.
 */
export function PrintCardsButton({ ids, disabled }: { ids: number[]; disabled?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ ids: number[]; job: CardPrintJob } | null>(null);

  async function open() {
    setBusy(true);
    const requested = [...ids];
    try {
      const result = await call('cards.print', { ids: requested });
      if (result.ok) setJob({ ids: requested, job: result.value });
      else notify(result.error.message, 'red');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="default"
        onClick={() => void open()}
        loading={busy}
        disabled={disabled || busy || ids.length === 0}
        data-testid="print-cards"
      >
        {t('cardPrint.button')}
      </Button>
      {job ? <CardPrintPreview ids={job.ids} initialJob={job.job} onClose={() => setJob(null)} /> : null}
    </>
  );
}
