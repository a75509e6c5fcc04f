import { Alert, Button, FocusTrap, Group, Text, Title } from '@mantine/core';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { Result } from '../../src-shared/errors';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { useNotify } from '../ui/Notifications';
import './print-preview.css';

/**
 * The full-window print preview every printed layout (archive card, route sheet, analysis
 * report) opens in: the A4 sheets exactly as they print, with 打印… and 保存为 PDF…. While it
 * is open it is the only thing the window prints (see print-preview.css).
 *
 * Main has logged the job before the preview opens and allows one `app.print` per job, so a
 * second print first asks main for a new, logged job (`reprint`) and shows it before printing.
 */
export function PrintPreview<Job>({
  testId,
  title,
  summary,
  pageRules,
  logged,
  reprintNote,
  reprint,
  onReprinted,
  beforePrint,
  onClose,
  children,
}: {
  testId: string;
  title: string;
  /** The line under the title: what is being printed. */
  summary: string;
  /** The layout's @page rules: A4, and the running header and footer in the page margin boxes. */
  pageRules: string;
  /** Shown until the job has printed: that the print is in the access log. */
  logged: string;
  /** Shown once it has printed: that printing again is logged again. */
  reprintNote: string;
  /** Asks main for a new, logged job. */
  reprint: () => Promise<Result<Job>>;
  /** Puts the new job on the sheets; called synchronously before the print starts. */
  onReprinted: (job: Job) => void;
  /** Waits for whatever the layout draws after mounting (charts) so the printer sees it whole. */
  beforePrint?: () => Promise<void>;
  onClose: () => void;
  /**
   * The A4 sheets, one child each. A sheet's .kd-print-running-head and -foot are the on-screen
   * stand-ins for the running header and footer that the printer puts in the page margin boxes;
   * they are not printed.
   */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const titleId = useId();
  const [used, setUsed] = useState(false);
  const [busy, setBusy] = useState<'dialog' | 'pdf' | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  async function print(mode: 'dialog' | 'pdf') {
    setBusy(mode);
    try {
      if (used) {
        const again = await reprint();
        if (!again.ok) {
          notify(again.error.message, 'red');
          return;
        }
        // The new job must be on the sheets before the window is printed.
        flushSync(() => {
          onReprinted(again.value);
          setUsed(false);
        });
      }
      await document.fonts.ready;
      await beforePrint?.();
      const result = await call('app.print', { mode });
      if (!result.ok) {
        if (result.error.code !== 'CANCELLED') notify(result.error.message, 'red');
        return;
      }
      if (!result.value.printed) {
        notify(t('cardPrint.notPrinted'), 'blue');
        return;
      }
      setUsed(true);
      notify(result.value.path ? t('cardPrint.savedPdf', { path: result.value.path }) : t('cardPrint.printed'));
    } finally {
      setBusy(null);
    }
  }

  return createPortal(
    <div className="kd-print-preview" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
      <style>{pageRules}</style>
      <FocusTrap active>
        <div className="kd-print-toolbar">
          <div>
            <Title order={3} id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {summary}
            </Text>
          </div>
          <Group gap="sm" wrap="nowrap">
            <Button onClick={() => void print('dialog')} loading={busy === 'dialog'} disabled={busy !== null}>
              {t('cardPrint.print')}
            </Button>
            <Button
              variant="default"
              onClick={() => void print('pdf')}
              loading={busy === 'pdf'}
              disabled={busy !== null}
            >
              {t('cardPrint.savePdf')}
            </Button>
            <Button variant="subtle" onClick={onClose} disabled={busy !== null} data-autofocus>
              {t('cardPrint.close')}
            </Button>
          </Group>
        </div>
      </FocusTrap>
      <div className="kd-print-notice">
        <Alert color={used ? 'orange' : 'blue'} variant="light" py={6}>
          <Text size="sm">{used ? reprintNote : logged}</Text>
        </Alert>
      </div>
      <div className="kd-print-pages">{children}</div>
    </div>,
    document.body,
  );
}
