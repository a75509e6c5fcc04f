import { useRef, useState, type ReactNode } from 'react';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { PrintPreview } from '../../printing/PrintPreview';
import { formatDateTime } from '../../ui/format';
import { PrintModeProvider } from '../AnalysisParts';
import { REPORT_PAGE, reportPageRule } from './analysis-print-layout';
import './analysis-print.css';

/** A printed report as main logged it (`analysis.print`). */
export interface ReportJob {
  printedBy: string;
  printedAt: string;
}

/** Waits until every chart of the report has been drawn (they load their fonts first). */
async function chartsDrawn(root: HTMLElement | null, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (root && root.querySelector('[data-chart][data-rendered="false"]') && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The print preview of an analysis report: the report as one A4 sheet that runs over as many
 * pages as it needs, its charts drawn as SVG without animation next to their tables.
 * `analysis.print` has logged the print; printing again logs it again first.
 */
export function AnalysisPrintPreview({
  request,
  initialJob,
  title,
  meta,
  archiveName,
  onClose,
  children,
}: {
  request: AnalysisRequest;
  initialJob: ReportJob;
  title: string;
  /** Lines under the title: the period, the as-of date, the region level. */
  meta: string[];
  archiveName: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [job, setJob] = useState(initialJob);
  const sheet = useRef<HTMLElement>(null);

  const printed = `${t('analysis.print.printedBy', { name: job.printedBy })}\u3000${t('analysis.print.printedAt', {
    time: formatDateTime(job.printedAt),
  })}`;
  const rule = reportPageRule({
    confidential: t('analysis.print.confidential'),
    title,
    printed,
    page: t('analysis.print.page'),
  });

  return (
    <PrintPreview
      testId="analysis-print-preview"
      title={t('analysis.print.previewTitle')}
      summary={title}
      pageRules={rule}
      logged={t('analysis.print.logged')}
      reprintNote={t('analysis.print.reprint')}
      reprint={() => call('analysis.print', { request })}
      onReprinted={setJob}
      beforePrint={() => chartsDrawn(sheet.current)}
      onClose={onClose}
    >
      <article className="kd-ap-sheet" style={{ page: REPORT_PAGE }} ref={sheet}>
        <div className="kd-print-running-head" aria-hidden="true">
          <span>{t('analysis.print.confidential')}</span>
          <span>{title}</span>
        </div>
        <header className="kd-ap-head">
          <div className="kd-ap-archive">{archiveName}</div>
          <h1>{title}</h1>
          {meta.map((line) => (
            <div key={line} className="kd-ap-meta">
              {line}
            </div>
          ))}
          <div className="kd-ap-meta">{printed}</div>
        </header>
        <PrintModeProvider value={true}>{children}</PrintModeProvider>
        <div className="kd-print-running-foot" aria-hidden="true">
          <span>{printed}</span>
        </div>
      </article>
    </PrintPreview>
  );
}
