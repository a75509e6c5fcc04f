import { Alert, Button, FocusTrap, Group, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import type { CardPrintJob } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import { useNotify } from '../../ui/Notifications';
import { dictionaryLabels, pageRules, type RunningMarks } from './card-print-layout';
import { CardPrintSheet } from './CardPrintSheet';
import './card-print.css';

/**
 * The print preview: a full-window view of the A4 cards exactly as they
 * print, with 打印… and 保存为 PDF…. It is the only thing the window prints
 * while it is open (see card-print.css). `cards.print` has already logged
 * the job and numbered each copy; one job prints once, so printing again
 * asks main for a new job (new copy numbers, new log rows) first.
 */
export function CardPrintPreview({
  ids,
  initialJob,
  onClose,
}: {
  ids: number[];
  initialJob: CardPrintJob;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [job, setJob] = useState(initialJob);
  const [used, setUsed] = useState(false);
  const [busy, setBusy] = useState<'dialog' | 'pdf' | null>(null);
  const [entries, setEntries] = useState<DictionaryEntry[]>([]);
  const [archiveName, setArchiveName] = useState('');

  useEffect(() => {
    let live = true;
    void call('classification.dictionaries', {}).then((r) => {
      if (live && r.ok) setEntries(r.value);
    });
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

  const labels = useMemo(() => dictionaryLabels(entries, language), [entries, language]);
  const marks = useMemo<RunningMarks[]>(
    () =>
      job.copies.map(({ copyNo, card }) => ({
        confidential: t('cardPrint.confidential'),
        copy: t('cardPrint.pageCard', { copy: t('cardPrint.copyNo', { n: copyNo }), code: card.content.basic.code }),
        printed: `${t('cardPrint.printedBy', { name: job.printedBy })}\u3000${t('cardPrint.printedAt', {
          time: formatDateTime(job.printedAt),
        })}`,
        page: t('cardPrint.page'),
      })),
    [job, t],
  );

  async function print(mode: 'dialog' | 'pdf') {
    setBusy(mode);
    try {
      if (used) {
        // A printed job is used up in main: a new print is a new, logged job with new copy numbers.
        const again = await call('cards.print', { ids });
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
      className="kd-card-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby="kd-card-print-title"
      data-testid="card-print-preview"
    >
      <style>{pageRules(marks)}</style>
      <FocusTrap active>
        <div className="kd-cp-toolbar">
          <div>
            <Title order={3} id="kd-card-print-title">
              {t('cardPrint.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cardPrint.previewCount', { count: job.copies.length })}
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
      <div className="kd-cp-notice">
        <Alert color={used ? 'orange' : 'blue'} variant="light" py={6}>
          <Text size="sm">{used ? t('cardPrint.reprintNote') : t('cardPrint.logged')}</Text>
        </Alert>
      </div>
      <div className="kd-cp-pages">
        {job.copies.map(({ copyNo, card }, index) => (
          <CardPrintSheet
            key={`${card.id}-${copyNo}`}
            card={card}
            copyNo={copyNo}
            index={index}
            archiveName={archiveName}
            marks={marks[index]!}
            labels={labels}
          />
        ))}
      </div>
    </div>,
    document.body,
  );
}
