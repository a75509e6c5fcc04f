import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { ProductCatalogue } from './ProductCatalogue';
import { SalesImportHistory } from './SalesImportHistory';
import { SalesImportWizard } from './SalesImportWizard';

type SalesTab = 'import' | 'history' | 'products';

/**
 * 销售与回款 (the custodian's): import sales lines and receipts exported by
 * the ERP, the history of imported files, and the product catalogue.
 */
export function SalesScreen(_props: { session: SessionDto }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<SalesTab>('import');
  // Bumped after each import, so the history and the catalogue read again when shown.
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="md">
      <Title order={2}>{t('sales.title')}</Title>
      <Tabs value={tab} onChange={(value) => setTab((value as SalesTab | null) ?? 'import')}>
        <Tabs.List>
          <Tabs.Tab value="import">{t('sales.tab.import')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('sales.tab.history')}</Tabs.Tab>
          <Tabs.Tab value="products">{t('sales.tab.products')}</Tabs.Tab>
        </Tabs.List>
        {/* The wizard stays mounted, so a look at the history does not lose a checked file. */}
        <Tabs.Panel value="import" pt="lg" keepMounted>
          <SalesImportWizard onImported={() => setVersion((v) => v + 1)} onShowHistory={() => setTab('history')} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' ? <SalesImportHistory version={version} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="products" pt="lg">
          {tab === 'products' ? <ProductCatalogue version={version} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
