import { Alert, Button, FocusTrap, Group, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { RouteSheetJob } from '../../../src-shared/contracts/classification';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import { useNotify } from '../../ui/Notifications';
import { entryLabel } from '../region-tree';
import { routePageRule, type RouteRunningMarks } from './route-print-layout';
import { RouteSheet } from './RouteSheet';
import './route-print.css';

/**
 * The route sheet's print preview: the A4 pages as they print, with 打印… and 保存为 PDF….
 * `classification.printRoute` has logged the job; a job prints once, so printing again asks
 * main for a new, logged job first (as the card print does).
 */
export function RoutePrintPreview({
  route,
  initialJob,
  onClose,
}: {
  route: string;
  initialJob: RouteSheetJob;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [job, setJob] = useState(initialJob);
  const [used, setUsed] = useState(false);
  const [busy, setBusy] = useState<'dialog' | 'pdf' | null>(null);
  const [archiveName, setArchiveName] = useState('');

  useEffect(() => {
    let live = true;
    void call('auth.session', {}).then((r) => {
      if (live && r.ok && r.value) setArchiveName(r.value.archiveName);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const routeName = `${entryLabel(job.route, language)}（${job.route.code}）`;
  const marks = useMemo<RouteRunningMarks>(
    () => ({
      confidential: t('cardPrint.confidential'),
      route: t('classification.sheet.runningRoute', { route: routeName }),
      printed: `${t('cardPrint.printedBy', { name: job.printedBy })}\u3000${t('cardPrint.printedAt', {
        time: formatDateTime(job.printedAt),
      })}`,
      page: t('cardPrint.page'),
    }),
    [job, t, routeName],
  );

  async function print(mode: 'dialog' | 'pdf') {
    setBusy(mode);
    try {
      if (used) {
        const again = await call('classification.printRoute', { route });
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
    <div
      className="kd-route-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby="kd-route-print-title"
      data-testid="route-print-preview"
    >
      <style>{routePageRule(marks)}</style>
      <FocusTrap active>
        <div className="kd-rs-toolbar">
          <div>
            <Title order={3} id="kd-route-print-title">
              {t('classification.sheet.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('classification.sheet.previewCount', { route: routeName, n: job.stops.length })}
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
      <div className="kd-rs-notice">
        <Alert color={used ? 'orange' : 'blue'} variant="light" py={6}>
          <Text size="sm">{used ? t('classification.sheet.reprintNote') : t('classification.sheet.logged')}</Text>
        </Alert>
      </div>
      <div className="kd-rs-pages">
        <RouteSheet job={job} archiveName={archiveName} marks={marks} />
      </div>
    </div>,
    document.body,
  );
}
