import { Button } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportWizard } from './ImportWizard';

/**
 * 导入: opens the import wizard. `onImported` runs once the import has
 * written its cards, so the list can reload. Render it only for roles with
 * `cards.import`; main refuses the calls for the others anyway.
 */
export function ImportCardsButton({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="import-cards">
        {t('cardImport.button')}
      </Button>
      {open ? <ImportWizard onClose={() => setOpen(false)} onImported={onImported} /> : null}
    </>
  );
}
