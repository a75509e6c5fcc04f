import { Alert, Button, Paper, Radio, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  formatCents,
  type SalesImportKind,
  type SalesImportReport,
  type SalesImportResult,
} from '../../src-shared/sales/sales';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { FileFacts } from '../spreadsheet-import/FileFacts';
import { ImportWizardFrame } from '../spreadsheet-import/ImportWizardFrame';
import { useSpreadsheetImport } from '../spreadsheet-import/useSpreadsheetImport';
import { useNotify } from '../ui/Notifications';
import { SalesReportView } from './SalesReportView';
import { mappingProblems, targetOptions } from './sales-targets';

/**
 * 导入销售/回款: choose the kind and a file, check the column mapping, read
 * the dry run's report (total, customers, new products, date range, the
 * rejected rows, the warning when the same file was imported before),
 * confirm, import. Nothing is written before the confirmation; main imports
 * every accepted row in one transaction or none, and logs it.
 */
export function SalesImportWizard({
  onImported,
  onShowHistory,
}: {
  onImported: () => void;
  onShowHistory: () => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [kind, setKind] = useState<SalesImportKind>('sales');
  const kindName = (k: SalesImportKind) => t(k === 'sales' ? 'sales.kind.sales' : 'sales.kind.receipts');

  const wizard = useSpreadsheetImport<SalesImportReport, SalesImportResult>({
    purpose: 'salesImport',
    onImported,
    calls: {
      preview: (run, path, mapping) => run('sales.importPreview', { kind, path, mapping }),
      commit: (run, path, mapping) => run('sales.importCommit', { kind, path, mapping }),
      saveRejections: async (path, mapping) => {
        const chosen = await call('app.chooseFile', { purpose: 'salesRejections', mode: 'save' });
        if (!chosen.ok) {
          if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
          return;
        }
        const saved = await call('sales.importRejections', { kind, path, mapping, out: chosen.value.path });
        if (saved.ok) notify(t('sales.rejectionsSaved', { rows: saved.value.rows, path: saved.value.path }));
        else notify(saved.error.message, 'red');
      },
    },
  });
  const { report, busy } = wizard;
  // The report's kind, not the radio's: the mapping belongs to the file as it was read.
  const mappedKind = report?.kind ?? kind;
  const options = useMemo(() => targetOptions(mappedKind, language, t), [mappedKind, language, t]);
  const problems = report ? mappingProblems(report.kind, wizard.targets, language, t) : [];

  return (
    <Paper withBorder radius="md" p="lg">
      <ImportWizardFrame
        importer="sales"
        wizard={wizard}
        fileIntro={
          <>
            <Radio.Group label={t('sales.kind')} value={kind} onChange={(value) => setKind(value as SalesImportKind)}>
              <Stack gap={6} mt={6}>
                {(['sales', 'receipts'] as const).map((k) => (
                  <Radio
                    key={k}
                    value={k}
                    label={kindName(k)}
                    description={t(k === 'sales' ? 'sales.kind.salesHint' : 'sales.kind.receiptsHint')}
                    disabled={busy}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              {t('sales.fileIntro')}
            </Text>
          </>
        }
        targetOptions={options}
        mappingProblems={problems}
        checkStep={(checked) => (
          <>
            <FileFacts importer="sales" report={checked} />
            <SalesReportView report={checked} />
          </>
        )}
        resultStep={(result) => (
          <>
            <Alert color="green" variant="light" title={t('sales.done')}>
              {t('sales.result', {
                kind: kindName(result.kind),
                rows: result.lines,
                amount: formatCents(result.amountCents),
                rejected: result.rejectedCount,
                products: result.newProducts,
              })}
            </Alert>
            <FileFacts importer="sales" report={result} />
            <SalesReportView report={result} />
          </>
        )}
        confirmText={(checked) =>
          t('sales.confirm', {
            kind: kindName(checked.kind),
            rows: checked.acceptedRows,
            amount: formatCents(checked.acceptedCents),
            rejected: checked.rejectedCount,
          })
        }
        importable={report !== null && report.acceptedRows > 0 && report.alreadyImported === null}
        nothingToImport={report !== null && report.acceptedRows === 0}
        resultActions={
          <>
            <Button variant="default" onClick={onShowHistory}>
              {t('sales.showHistory')}
            </Button>
            <Button onClick={wizard.restart}>{t('sales.another')}</Button>
          </>
        }
        resultCompletesSteps
        readingNoteOnEveryStep
      />
    </Paper>
  );
}
