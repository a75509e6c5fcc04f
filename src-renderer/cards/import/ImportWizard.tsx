import { Alert, Button, Group, Modal, Radio, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CardImportReport, CardImportResult } from '../../../src-shared/cards/import-report';
import { DUPLICATE_MODES, type DuplicateMode } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import type { Action } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { FileFacts } from '../../spreadsheet-import/FileFacts';
import { ImportWizardFrame } from '../../spreadsheet-import/ImportWizardFrame';
import { useSpreadsheetImport, type ColumnMapping } from '../../spreadsheet-import/useSpreadsheetImport';
import { useNotify } from '../../ui/Notifications';
import { targetOptions } from './import-options';
import { ImportCounts, ImportFindings } from './ImportReportView';

/**
 * 导入客户档案: choose a file (or save the template), map its columns,
 * read the dry run's findings, choose what becomes of rows matching an
 * existing card, confirm, import. Nothing is written before the
 * confirmation; main imports all accepted rows in one transaction or none,
 * and logs it.
 */
export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const options = useMemo(() => targetOptions(language, t), [language, t]);

  const previewWith = (duplicateMode: DuplicateMode) => (run: Action['run'], path: string, mapping?: ColumnMapping) =>
    run('cards.importPreview', { path, mapping, duplicateMode });

  const wizard = useSpreadsheetImport<CardImportReport, CardImportResult>({
    purpose: 'cardImport',
    onImported,
    calls: {
      preview: previewWith(mode),
      commit: (run, path, mapping) => run('cards.importCommit', { path, mapping, duplicateMode: mode }),
      saveRejections: async (path, mapping) => {
        const saved = await call('cards.importRejections', { path, mapping, duplicateMode: mode });
        if (saved.ok) notify(t('cardImport.rejectionsSaved', { rows: saved.value.rows, path: saved.value.path }));
        else if (saved.error.code !== 'CANCELLED') notify(saved.error.message, 'red');
      },
    },
  });
  const { report, busy } = wizard;

  async function changeMode(next: DuplicateMode) {
    const previous = mode;
    setMode(next);
    wizard.setConfirming(false);
    if (!(await wizard.recheck(previewWith(next)))) setMode(previous);
  }

  function saveTemplate() {
    return wizard.save('template', async () => {
      const saved = await call('cards.importTemplate', {});
      if (saved.ok) notify(t('cardImport.templateSaved', { path: saved.value.path }));
      else if (saved.error.code !== 'CANCELLED') notify(saved.error.message, 'red');
    });
  }

  const writes = report ? report.toCreate + report.toUpdate : 0;

  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={t('cardImport.title')} size={1040} centered>
      <ImportWizardFrame
        importer="cardImport"
        wizard={wizard}
        fileIntro={<Text size="sm">{t('cardImport.fileIntro')}</Text>}
        fileFooter={
          <>
            <Text size="sm" c="dimmed" mt="sm">
              {t('cardImport.templateIntro')}
            </Text>
            <Group>
              <Button
                variant="default"
                onClick={() => void saveTemplate()}
                loading={wizard.saving === 'template'}
                disabled={busy}
              >
                {t('cardImport.downloadTemplate')}
              </Button>
            </Group>
          </>
        }
        targetOptions={options}
        searchableTargets
        mappingProblems={wizard.targets.includes('basic.name') ? [] : [t('cardImport.nameRequired')]}
        checkStep={(checked) => (
          <>
            <FileFacts importer="cardImport" report={checked} />
            <ImportCounts report={checked} />
            <Radio.Group
              label={t('cardImport.duplicateMode')}
              value={mode}
              onChange={(value) => void changeMode(value as DuplicateMode)}
            >
              <Group gap="lg" mt={6}>
                {DUPLICATE_MODES.map((m) => (
                  <Radio key={m} value={m} label={t(`cardImport.mode.${m}`)} disabled={busy} />
                ))}
              </Group>
            </Radio.Group>
            <ImportFindings report={checked} />
          </>
        )}
        resultStep={(result) => (
          <>
            <Alert color="green" variant="light" title={t('cardImport.done')}>
              {t('cardImport.result', {
                created: result.created,
                updated: result.updated,
                skipped: result.skipped,
                rejected: result.rejectedCount,
              })}
            </Alert>
            <FileFacts importer="cardImport" report={result} />
          </>
        )}
        confirmText={(checked) =>
          t('cardImport.confirm', {
            create: checked.toCreate,
            update: checked.toUpdate,
            skip: checked.toSkip,
            rejected: checked.rejectedCount,
          })
        }
        importable={writes > 0}
        nothingToImport={writes === 0}
        resultActions={<Button onClick={onClose}>{t('cardImport.finish')}</Button>}
      />
    </Modal>
  );
}
