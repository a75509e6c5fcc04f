import { Alert, Button, FocusTrap, Group, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import { useNotify } from '../../ui/Notifications';
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
 * The print preview of an analysis report: a full-window view of the A4 report exactly as it
 * prints (charts drawn as SVG without animation, their tables, the running marks), with
 * 打印… and 保存为 PDF…. `analysis.print` has logged the print already and allows one
 * `app.print`; printing again asks main for a new, logged print first.
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
  const notify = useNotify();
  const [job, setJob] = useState(initialJob);
  const [used, setUsed] = useState(false);
  const [busy, setBusy] = useState<'dialog' | 'pdf' | null>(null);
  const sheet = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const printed = `${t('analysis.print.printedBy', { name: job.printedBy })}\u3000${t('analysis.print.printedAt', {
    time: formatDateTime(job.printedAt),
  })}`;
  const rule = reportPageRule({
    confidential: t('analysis.print.confidential'),
    title,
    printed,
    page: t('analysis.print.page'),
  });

  async function print(mode: 'dialog' | 'pdf') {
    setBusy(mode);
    try {
      if (used) {
        // One logged print allows one print: a second one is logged again first.
        const again = await call('analysis.print', { request });
        if (!again.ok) {
          notify(again.error.message, 'red');
          return;
        }
        flushSync(() => {
          setJob(again.value);
          setUsed(false);
        });
      }
      await document.fonts.ready;
      await chartsDrawn(sheet.current);
      const result = await call('app.print', { mode });
      if (!result.ok) {
        if (result.error.code !== 'CANCELLED') notify(result.error.message, 'red');
        return;
      }
      if (!result.value.printed) {
        notify(t('analysis.print.notPrinted'), 'blue');
        return;
      }
      setUsed(true);
      notify(
        result.value.path ? t('analysis.print.savedPdf', { path: result.value.path }) : t('analysis.print.printed'),
      );
    } finally {
      setBusy(null);
    }
  }

  return createPortal(
    <div
      className="kd-analysis-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby="kd-analysis-print-title"
      data-testid="analysis-print-preview"
    >
      <style>{rule}</style>
      <FocusTrap active>
        <div className="kd-ap-toolbar">
          <div>
            <Title order={3} id="kd-analysis-print-title">
              {t('analysis.print.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {title}
            </Text>
          </div>
          <Group gap="sm" wrap="nowrap">
            <Button onClick={() => void print('dialog')} loading={busy === 'dialog'} disabled={busy !== null}>
              {t('analysis.print.print')}
            </Button>
            <Button
              variant="default"
              onClick={() => void print('pdf')}
              loading={busy === 'pdf'}
              disabled={busy !== null}
            >
              {t('analysis.print.savePdf')}
            </Button>
            <Button variant="subtle" onClick={onClose} disabled={busy !== null} data-autofocus>
              {t('analysis.print.close')}
            </Button>
          </Group>
        </div>
      </FocusTrap>
      <div className="kd-ap-notice">
        <Alert color={used ? 'orange' : 'blue'} variant="light" py={6}>
          <Text size="sm">{used ? t('analysis.print.reprint') : t('analysis.print.logged')}</Text>
        </Alert>
      </div>
      <div className="kd-ap-pages">
        <article className="kd-ap-sheet" style={{ page: REPORT_PAGE }} ref={sheet}>
          <div className="kd-ap-running kd-ap-running-top" aria-hidden="true">
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
          <div className="kd-ap-running kd-ap-running-bottom" aria-hidden="true">
            <span>{printed}</span>
          </div>
        </article>
      </div>
    </div>,
    document.body,
  );
}
