import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import type { CardQuery } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { useNotify } from '../../ui/Notifications';

/**
 * 导出: the cards of the current list (search, filters and sort as shown) or
 * only the selected ones, to an Excel file marked confidential. Main asks
 * for the save path, writes the file and logs the export; a closed save
 * dialog is not an error. Render it only for roles with `cards.export`.
 */
export function ExportCardsButton({ query, selectedIds }: { query: CardQuery; selectedIds: number[] }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function exportCards(ids?: number[]) {
    setBusy(true);
    try {
      const result = await call('cards.export', ids ? { ...query, ids } : query);
      if (result.ok) notify(t('cardExport.done', { rows: result.value.rows, path: result.value.path }));
      else if (result.error.code !== 'CANCELLED') notify(result.error.message, 'red');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} disabled={busy} data-testid="export-cards">
          {t('cardExport.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void exportCards()}>{t('cardExport.current')}</Menu.Item>
        <Menu.Item disabled={selectedIds.length === 0} onClick={() => void exportCards([...selectedIds])}>
          {t('cardExport.selected', { count: selectedIds.length })}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
