import { Alert, Button, Group, Loader, Stack, Stepper, Text, TextInput, type ComboboxData } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ColumnMappingStep } from './ColumnMappingStep';
import { testIdOf, wordOf, type Importer } from './importer';
import {
  STEP_CHECK,
  STEP_FILE,
  STEP_MAPPING,
  STEP_RESULT,
  type SpreadsheetImport,
  type SpreadsheetReport,
} from './useSpreadsheetImport';

/**
 * The wizard both spreadsheet importers show: the steps, the file choice, the
 * column mapping, the confirmation and the buttons. What an importer checks
 * and reports is its own, given as the parts below.
 */
export function ImportWizardFrame<Report extends SpreadsheetReport, Result>({
  importer,
  wizard,
  fileIntro,
  fileFooter,
  targetOptions,
  searchableTargets,
  mappingProblems,
  checkStep,
  resultStep,
  confirmText,
  importable,
  nothingToImport,
  resultActions,
  resultCompletesSteps = false,
  readingNoteOnEveryStep = false,
}: {
  importer: Importer;
  wizard: SpreadsheetImport<Report, Result>;
  /** Above the file button: what to import, and how. */
  fileIntro: ReactNode;
  /** Below the file button. */
  fileFooter?: ReactNode;
  targetOptions: ComboboxData;
  searchableTargets?: boolean;
  /** What the mapping still lacks before it can be checked. */
  mappingProblems: readonly string[];
  checkStep: (report: Report) => ReactNode;
  resultStep: (result: Result) => ReactNode;
  confirmText: (report: Report) => string;
  /** Whether the checked report has anything the import would write. */
  importable: boolean;
  nothingToImport: boolean;
  resultActions: ReactNode;
  /** Whether the last step shows as done too once the import is over. */
  resultCompletesSteps?: boolean;
  /** Whether "reading" shows under every step while main works, not only under the file choice. */
  readingNoteOnEveryStep?: boolean;
}) {
  const { t } = useI18n();
  const word = (w: Parameters<typeof wordOf>[1]) => wordOf(importer, w);
  const { action, busy, step, report, result } = wizard;
  const readingNote = (
    <Group gap="xs">
      <Loader size="xs" />
      <Text size="sm" c="dimmed">
        {t(word('reading'))}
      </Text>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Stepper
        active={resultCompletesSteps && step === STEP_RESULT ? STEP_RESULT + 1 : step}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={t(word('step.file'))} />
        <Stepper.Step label={t(word('step.mapping'))} />
        <Stepper.Step label={t(word('step.check'))} />
        <Stepper.Step label={t(word('step.result'))} />
      </Stepper>

      {step === STEP_FILE ? (
        <Stack gap="md" data-testid={testIdOf(importer, 'step-file')}>
          {fileIntro}
          <Group gap="sm">
            <Button onClick={() => void wizard.chooseFile()} loading={action.busy} disabled={busy}>
              {t(word('chooseFile'))}
            </Button>
          </Group>
          {wizard.askPath ? (
            <form onSubmit={wizard.submitTypedPath} noValidate>
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={t(word('pathLabel'))}
                  description={t(word('pathHint'))}
                  value={wizard.typedPath}
                  onChange={(e) => wizard.setTypedPath(e.currentTarget.value)}
                  classNames={{ input: 'kd-mono' }}
                  style={{ flex: 1 }}
                  data-autofocus
                />
                <Button type="submit" disabled={busy || !wizard.typedPath.trim()}>
                  {t(word('read'))}
                </Button>
              </Group>
            </form>
          ) : null}
          {action.busy ? readingNote : null}
          {fileFooter}
        </Stack>
      ) : null}

      {step === STEP_MAPPING && report ? (
        <ColumnMappingStep
          importer={importer}
          report={report}
          targets={wizard.targets}
          suggested={wizard.suggested}
          clashes={wizard.clashes}
          options={targetOptions}
          searchable={searchableTargets}
          problems={mappingProblems}
          onTarget={wizard.setTarget}
        />
      ) : null}

      {step === STEP_CHECK && report ? (
        <Stack gap="md" data-testid={testIdOf(importer, 'step-check')}>
          {checkStep(report)}
        </Stack>
      ) : null}

      {step === STEP_RESULT && result ? (
        <Stack gap="md" data-testid={testIdOf(importer, 'step-result')}>
          {resultStep(result)}
        </Stack>
      ) : null}

      {readingNoteOnEveryStep && action.busy && step !== STEP_FILE ? readingNote : null}
      <ErrorAlert error={action.error} />

      {wizard.confirming && report ? (
        <Alert
          color="orange"
          variant="light"
          title={t(word('confirmTitle'))}
          data-testid={testIdOf(importer, 'confirm')}
        >
          <Stack gap="sm">
            <Text size="sm">{confirmText(report)}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => wizard.setConfirming(false)} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" onClick={() => void wizard.commit()} loading={action.busy} disabled={busy}>
                {t(word('confirmButton'))}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <Group justify="space-between">
        <Group gap="sm">
          {step === STEP_MAPPING ? (
            <Button variant="default" onClick={wizard.restart} disabled={busy}>
              {t(word('chooseOther'))}
            </Button>
          ) : null}
          {step === STEP_CHECK ? (
            <Button variant="default" onClick={wizard.backToMapping} disabled={busy}>
              {t(word('back'))}
            </Button>
          ) : null}
        </Group>
        <Group gap="sm">
          {(step === STEP_CHECK || step === STEP_RESULT) && report && report.rejectedCount > 0 ? (
            <Button
              variant="default"
              onClick={() => void wizard.saveRejections()}
              loading={wizard.saving === 'rejections'}
              disabled={busy}
            >
              {t(word('downloadRejections'))}
            </Button>
          ) : null}
          {step === STEP_MAPPING ? (
            <Button
              onClick={() => void wizard.toCheck()}
              loading={action.busy}
              disabled={busy || wizard.clashes.size > 0 || mappingProblems.length > 0}
            >
              {t(word('check'))}
            </Button>
          ) : null}
          {step === STEP_CHECK && !wizard.confirming ? (
            <Button onClick={() => wizard.setConfirming(true)} disabled={busy || !importable}>
              {t(word('import'))}
            </Button>
          ) : null}
          {step === STEP_RESULT ? resultActions : null}
        </Group>
      </Group>
      {step === STEP_CHECK && report && nothingToImport ? (
        <Text size="sm" c="dimmed" ta="right">
          {t(word('nothingToImport'))}
        </Text>
      ) : null}
    </Stack>
  );
}
