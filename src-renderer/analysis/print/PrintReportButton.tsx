import { Button } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { useNotify } from '../../ui/Notifications';
import { AnalysisPrintPreview, type ReportJob } from './AnalysisPrintPreview';

/**
 * 打印报告: main logs the print first (`analysis.print`), then the preview shows the A4 report
 * exactly as it prints. `report` draws the figures (they render for paper inside the preview).
 */
export function PrintReportButton({
  request,
  title,
  meta,
  archiveName,
  report,
  disabled,
}: {
  request: AnalysisRequest;
  title: string;
  meta: string[];
  archiveName: string;
  report: () => ReactNode;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ request: AnalysisRequest; job: ReportJob } | null>(null);

  async function open() {
    setBusy(true);
    try {
      const result = await call('analysis.print', { request });
      if (result.ok) setJob({ request, job: result.value });
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
        disabled={disabled || busy}
        data-testid="print-report"
      >
        {t('analysis.print.button')}
      </Button>
      {job ? (
        <AnalysisPrintPreview
          request={job.request}
          initialJob={job.job}
          title={title}
          meta={meta}
          archiveName={archiveName}
          onClose={() => setJob(null)}
        >
          {report()}
        </AnalysisPrintPreview>
      ) : null}
    </>
  );
}
