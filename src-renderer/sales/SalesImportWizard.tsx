import { Alert, Button, Group, Loader, Paper, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  formatCents,
  type SalesImportKind,
  type SalesImportReport,
  type SalesImportResult,
} from '../../src-shared/sales/sales';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { SalesFileFacts, SalesMappingStep } from './SalesMappingStep';
import { SalesReportView } from './SalesReportView';
import { duplicateTargets, mappingProblems } from './sales-targets';

const STEP_FILE = 0;
const STEP_MAPPING = 1;
const STEP_CHECK = 2;
const STEP_RESULT = 3;

/** The mapping as the contract takes it: file column header → target ('' = ignored). */
function mappingOf(report: SalesImportReport, targets: readonly string[]): Record<string, string> {
  return Object.fromEntries(report.columns.map((c, i) => [c.header, targets[i] ?? '']));
}

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
  const action = useAction();
  const [step, setStep] = useState(STEP_FILE);
  const [kind, setKind] = useState<SalesImportKind>('sales');
  const [path, setPath] = useState<string | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [typedPath, setTypedPath] = useState('');
  const [report, setReport] = useState<SalesImportReport | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<(string | null)[]>([]);
  /** The targets the current report was computed with; another mapping needs a new check. */
  const [checkedTargets, setCheckedTargets] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<SalesImportResult | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = action.busy || saving;
  const kindName = (k: SalesImportKind) => t(k === 'sales' ? 'sales.kind.sales' : 'sales.kind.receipts');

  async function chooseFile() {
    action.clearError();
    const chosen = await call('app.chooseFile', { purpose: 'salesImport', mode: 'open' });
    if (chosen.ok) await readFile(chosen.value.path);
    else if (chosen.error.code === 'NOT_AVAILABLE') setAskPath(true);
    else if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
  }

  /** First read of a file: main suggests the mapping from the header names. */
  async function readFile(file: string) {
    const value = await action.run('sales.importPreview', { kind, path: file });
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

  async function toCheck() {
    if (!path || !report) return;
    const unchanged = targets.length === checkedTargets.length && targets.every((x, i) => x === checkedTargets[i]);
    if (!unchanged) {
      const value = await action.run('sales.importPreview', { kind, path, mapping: mappingOf(report, targets) });
      if (!value) return;
      setReport(value);
      setCheckedTargets(targets);
    }
    setStep(STEP_CHECK);
  }

  async function commit() {
    if (!path || !report) return;
    const value = await action.run('sales.importCommit', { kind, path, mapping: mappingOf(report, targets) });
    setConfirming(false);
    if (!value) return;
    setResult(value);
    setStep(STEP_RESULT);
    onImported();
  }

  async function saveRejections() {
    if (!path || !report) return;
    setSaving(true);
    try {
      const chosen = await call('app.chooseFile', { purpose: 'salesRejections', mode: 'save' });
      if (!chosen.ok) {
        if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
        return;
      }
      const saved = await call('sales.importRejections', {
        kind,
        path,
        mapping: mappingOf(report, targets),
        out: chosen.value.path,
      });
      if (saved.ok) notify(t('sales.rejectionsSaved', { rows: saved.value.rows, path: saved.value.path }));
      else notify(saved.error.message, 'red');
    } finally {
      setSaving(false);
    }
  }

  function submitTypedPath(event: FormEvent) {
    event.preventDefault();
    if (typedPath.trim()) void readFile(typedPath.trim());
  }

  function restart() {
    action.clearError();
    setConfirming(false);
    setReport(null);
    setResult(null);
    setPath(null);
    setStep(STEP_FILE);
  }

  const clashes = report
    ? duplicateTargets(
        report.columns.map((c) => c.header),
        targets,
      )
    : new Map();
  const mappingComplete = report ? mappingProblems(report.kind, targets, language, t).length === 0 : false;
  const importable = report !== null && report.acceptedRows > 0 && report.alreadyImported === null;

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="lg">
        {/* At the end every step is done, the last one too. */}
        <Stepper active={step === STEP_RESULT ? STEP_RESULT + 1 : step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('sales.step.file')} />
          <Stepper.Step label={t('sales.step.mapping')} />
          <Stepper.Step label={t('sales.step.check')} />
          <Stepper.Step label={t('sales.step.result')} />
        </Stepper>

        {step === STEP_FILE ? (
          <Stack gap="md" data-testid="sales-step-file">
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
            <Group gap="sm">
              <Button onClick={() => void chooseFile()} loading={action.busy} disabled={busy}>
                {t('sales.chooseFile')}
              </Button>
            </Group>
            {askPath ? (
              <form onSubmit={submitTypedPath} noValidate>
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('sales.pathLabel')}
                    description={t('sales.pathHint')}
                    value={typedPath}
                    onChange={(e) => setTypedPath(e.currentTarget.value)}
                    classNames={{ input: 'kd-mono' }}
                    style={{ flex: 1 }}
                    data-autofocus
                  />
                  <Button type="submit" disabled={busy || !typedPath.trim()}>
                    {t('sales.read')}
                  </Button>
                </Group>
              </form>
            ) : null}
            {action.busy ? (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('sales.reading')}
                </Text>
              </Group>
            ) : null}
          </Stack>
        ) : null}

        {step === STEP_MAPPING && report ? (
          <SalesMappingStep
            report={report}
            targets={targets}
            suggested={suggested}
            onTarget={(index, target) => setTargets((list) => list.map((x, i) => (i === index ? target : x)))}
          />
        ) : null}

        {step === STEP_CHECK && report ? (
          <Stack gap="md" data-testid="sales-step-check">
            <SalesFileFacts report={report} />
            <SalesReportView report={report} />
          </Stack>
        ) : null}

        {step === STEP_RESULT && result ? (
          <Stack gap="md" data-testid="sales-step-result">
            <Alert color="green" variant="light" title={t('sales.done')}>
              {t('sales.result', {
                kind: kindName(result.kind),
                rows: result.lines,
                amount: formatCents(result.amountCents),
                rejected: result.rejectedCount,
                products: result.newProducts,
              })}
            </Alert>
            <SalesFileFacts report={result} />
            <SalesReportView report={result} />
          </Stack>
        ) : null}

        {action.busy && step !== STEP_FILE ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('sales.reading')}
            </Text>
          </Group>
        ) : null}
        <ErrorAlert error={action.error} />

        {confirming && report ? (
          <Alert color="orange" variant="light" title={t('sales.confirmTitle')} data-testid="sales-confirm">
            <Stack gap="sm">
              <Text size="sm">
                {t('sales.confirm', {
                  kind: kindName(report.kind),
                  rows: report.acceptedRows,
                  amount: formatCents(report.acceptedCents),
                  rejected: report.rejectedCount,
                })}
              </Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
                  {t('common.cancel')}
                </Button>
                <Button color="orange" onClick={() => void commit()} loading={action.busy} disabled={busy}>
                  {t('sales.confirmButton')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        <Group justify="space-between">
          <Group gap="sm">
            {step === STEP_MAPPING ? (
              <Button variant="default" onClick={restart} disabled={busy}>
                {t('sales.chooseOther')}
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
                {t('sales.back')}
              </Button>
            ) : null}
          </Group>
          <Group gap="sm">
            {(step === STEP_CHECK || step === STEP_RESULT) && report && report.rejectedCount > 0 ? (
              <Button variant="default" onClick={() => void saveRejections()} loading={saving} disabled={busy}>
                {t('sales.downloadRejections')}
              </Button>
            ) : null}
            {step === STEP_MAPPING ? (
              <Button
                onClick={() => void toCheck()}
                loading={action.busy}
                disabled={busy || clashes.size > 0 || !mappingComplete}
              >
                {t('sales.check')}
              </Button>
            ) : null}
            {step === STEP_CHECK && !confirming ? (
              <Button onClick={() => setConfirming(true)} disabled={busy || !importable}>
                {t('sales.import')}
              </Button>
            ) : null}
            {step === STEP_RESULT ? (
              <>
                <Button variant="default" onClick={onShowHistory}>
                  {t('sales.showHistory')}
                </Button>
                <Button onClick={restart}>{t('sales.another')}</Button>
              </>
            ) : null}
          </Group>
        </Group>
        {step === STEP_CHECK && report && report.acceptedRows === 0 ? (
          <Text size="sm" c="dimmed" ta="right">
            {t('sales.nothingToImport')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
