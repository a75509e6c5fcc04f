import { Alert, Button, Group, Loader, Modal, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CardImportReport, CardImportResult } from '../../../src-shared/cards/import-report';
import { DUPLICATE_MODES, type DuplicateMode } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/Notifications';
import { duplicateTargets, FileFacts, ImportMappingStep } from './ImportMappingStep';
import { ImportCounts, ImportFindings } from './ImportReportView';

const STEP_FILE = 0;
const STEP_MAPPING = 1;
const STEP_CHECK = 2;
const STEP_RESULT = 3;

/** The mapping as the contract takes it: file column header → target ('' = ignored). */
function mappingOf(report: CardImportReport, targets: readonly string[]): Record<string, string> {
  return Object.fromEntries(report.columns.map((c, i) => [c.header, targets[i] ?? '']));
}

/**
 * 导入客户档案: choose a file (or save the template), map its columns,
 * read the dry run's findings, confirm, import. Nothing is written before
 * the confirmation; main imports all accepted rows in one transaction or
 * none, and logs it.
 */
export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const action = useAction();
  const [step, setStep] = useState(STEP_FILE);
  const [path, setPath] = useState<string | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [typedPath, setTypedPath] = useState('');
  const [report, setReport] = useState<CardImportReport | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<(string | null)[]>([]);
  /** The targets the current report was computed with; a different mapping needs a new dry run. */
  const [checkedTargets, setCheckedTargets] = useState<string[]>([]);
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<CardImportResult | null>(null);
  const [saving, setSaving] = useState<'template' | 'rejections' | null>(null);
  const busy = action.busy || saving !== null;

  async function chooseFile() {
    action.clearError();
    const chosen = await call('app.chooseFile', { purpose: 'cardImport', mode: 'open' });
    if (chosen.ok) await readFile(chosen.value.path);
    else if (chosen.error.code === 'NOT_AVAILABLE') setAskPath(true);
    else if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
  }

  /** First read of a file: main suggests the mapping from the header names. */
  async function readFile(file: string) {
    const value = await action.run('cards.importPreview', { path: file, duplicateMode: mode });
    if (!value) return;
    const initial = value.columns.map((c) => c.target);
    setPath(file);
    setReport(value);
    setTargets(initial);
    setCheckedTargets(initial);
    setSuggested(value.columns.map((c) => (c.suggested && c.target !== '' ? c.target : null)));
    setAskPath(false);
    setStep(STEP_MAPPING);
  }

  async function recheck(nextMode: DuplicateMode): Promise<boolean> {
    if (!path || !report) return false;
    const value = await action.run('cards.importPreview', {
      path,
      mapping: mappingOf(report, targets),
      duplicateMode: nextMode,
    });
    if (!value) return false;
    setReport(value);
    setCheckedTargets(targets);
    return true;
  }

  async function toCheck() {
    const unchanged = targets.length === checkedTargets.length && targets.every((x, i) => x === checkedTargets[i]);
    if (unchanged || (await recheck(mode))) setStep(STEP_CHECK);
  }

  async function changeMode(next: DuplicateMode) {
    const previous = mode;
    setMode(next);
    setConfirming(false);
    if (!(await recheck(next))) setMode(previous);
  }

  async function commit() {
    if (!path || !report) return;
    const value = await action.run('cards.importCommit', {
      path,
      mapping: mappingOf(report, targets),
      duplicateMode: mode,
    });
    setConfirming(false);
    if (!value) return;
    setResult(value);
    setStep(STEP_RESULT);
    onImported();
  }

  async function saveTemplate() {
    setSaving('template');
    try {
      const saved = await call('cards.importTemplate', {});
      if (saved.ok) notify(t('cardImport.templateSaved', { path: saved.value.path }));
      else if (saved.error.code !== 'CANCELLED') notify(saved.error.message, 'red');
    } finally {
      setSaving(null);
    }
  }

  async function saveRejections() {
    if (!path || !report) return;
    setSaving('rejections');
    try {
      const saved = await call('cards.importRejections', {
        path,
        mapping: mappingOf(report, targets),
        duplicateMode: mode,
      });
      if (saved.ok) notify(t('cardImport.rejectionsSaved', { rows: saved.value.rows, path: saved.value.path }));
      else if (saved.error.code !== 'CANCELLED') notify(saved.error.message, 'red');
    } finally {
      setSaving(null);
    }
  }

  function submitTypedPath(event: FormEvent) {
    event.preventDefault();
    if (typedPath.trim()) void readFile(typedPath.trim());
  }

  function backToFile() {
    action.clearError();
    setConfirming(false);
    setStep(STEP_FILE);
  }

  const clashes = report
    ? duplicateTargets(
        report.columns.map((c) => c.header),
        targets,
      )
    : new Map();
  const writes = report ? report.toCreate + report.toUpdate : 0;

  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={t('cardImport.title')} size={1040} centered>
      <Stack gap="lg">
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('cardImport.step.file')} />
          <Stepper.Step label={t('cardImport.step.mapping')} />
          <Stepper.Step label={t('cardImport.step.check')} />
          <Stepper.Step label={t('cardImport.step.result')} />
        </Stepper>

        {step === STEP_FILE ? (
          <Stack gap="md" data-testid="import-step-file">
            <Text size="sm">{t('cardImport.fileIntro')}</Text>
            <Group gap="sm">
              <Button onClick={() => void chooseFile()} loading={action.busy} disabled={busy}>
                {t('cardImport.chooseFile')}
              </Button>
            </Group>
            {askPath ? (
              <form onSubmit={submitTypedPath} noValidate>
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('cardImport.pathLabel')}
                    description={t('cardImport.pathHint')}
                    value={typedPath}
                    onChange={(e) => setTypedPath(e.currentTarget.value)}
                    classNames={{ input: 'kd-mono' }}
                    style={{ flex: 1 }}
                    data-autofocus
                  />
                  <Button type="submit" disabled={busy || !typedPath.trim()}>
                    {t('cardImport.read')}
                  </Button>
                </Group>
              </form>
            ) : null}
            {action.busy ? (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('cardImport.reading')}
                </Text>
              </Group>
            ) : null}
            <Text size="sm" c="dimmed" mt="sm">
              {t('cardImport.templateIntro')}
            </Text>
            <Group>
              <Button
                variant="default"
                onClick={() => void saveTemplate()}
                loading={saving === 'template'}
                disabled={busy}
              >
                {t('cardImport.downloadTemplate')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {step === STEP_MAPPING && report ? (
          <ImportMappingStep
            report={report}
            targets={targets}
            suggested={suggested}
            onTarget={(index, target) => setTargets((list) => list.map((x, i) => (i === index ? target : x)))}
          />
        ) : null}

        {step === STEP_CHECK && report ? (
          <Stack gap="md" data-testid="import-step-check">
            <FileFacts report={report} />
            <ImportCounts report={report} />
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
            <ImportFindings report={report} />
          </Stack>
        ) : null}

        {step === STEP_RESULT && result ? (
          <Stack gap="md" data-testid="import-step-result">
            <Alert color="green" variant="light" title={t('cardImport.done')}>
              {t('cardImport.result', {
                created: result.created,
                updated: result.updated,
                skipped: result.skipped,
                rejected: result.rejectedCount,
              })}
            </Alert>
            <FileFacts report={result} />
          </Stack>
        ) : null}

        <ErrorAlert error={action.error} />

        {confirming && report ? (
          <Alert color="orange" variant="light" title={t('cardImport.confirmTitle')} data-testid="import-confirm">
            <Stack gap="sm">
              <Text size="sm">
                {t('cardImport.confirm', {
                  create: report.toCreate,
                  update: report.toUpdate,
                  skip: report.toSkip,
                  rejected: report.rejectedCount,
                })}
              </Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
                  {t('common.cancel')}
                </Button>
                <Button color="orange" onClick={() => void commit()} loading={action.busy} disabled={busy}>
                  {t('cardImport.confirmButton')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        <Group justify="space-between">
          <Group gap="sm">
            {step === STEP_MAPPING ? (
              <Button variant="default" onClick={backToFile} disabled={busy}>
                {t('cardImport.chooseOther')}
              </Button>
            ) : null}
            {step === STEP_CHECK ? (
              <Button
                variant="default"
                onClick={() => {
                  setConfirming(false);
                  setStep(STEP_MAPPING);
                }}
                disabled={busy}
              >
                {t('cardImport.back')}
              </Button>
            ) : null}
          </Group>
          <Group gap="sm">
            {(step === STEP_CHECK || step === STEP_RESULT) && report && report.rejectedCount > 0 ? (
              <Button
                variant="default"
                onClick={() => void saveRejections()}
                loading={saving === 'rejections'}
                disabled={busy}
              >
                {t('cardImport.downloadRejections')}
              </Button>
            ) : null}
            {step === STEP_MAPPING ? (
              <Button
                onClick={() => void toCheck()}
                loading={action.busy}
                disabled={busy || clashes.size > 0 || !targets.includes('basic.name')}
              >
                {t('cardImport.check')}
              </Button>
            ) : null}
            {step === STEP_CHECK && !confirming ? (
              <Button onClick={() => setConfirming(true)} disabled={busy || writes === 0}>
                {t('cardImport.import')}
              </Button>
            ) : null}
            {step === STEP_RESULT ? <Button onClick={onClose}>{t('cardImport.finish')}</Button> : null}
          </Group>
        </Group>
        {step === STEP_CHECK && report && writes === 0 ? (
          <Text size="sm" c="dimmed" ta="right">
            {t('cardImport.nothingToImport')}
          </Text>
        ) : null}
      </Stack>
    </Modal>
  );
}
