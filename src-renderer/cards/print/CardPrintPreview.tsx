import { useEffect, useMemo, useState } from 'react';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import type { CardPrintJob } from '../../../src-shared/contracts/cards';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { PrintPreview } from '../../printing/PrintPreview';
import { useArchiveName } from '../../printing/useArchiveName';
import { formatDateTime } from '../../ui/format';
import { dictionaryLabels, pageRules, type RunningMarks } from './card-print-layout';
import { CardPrintSheet } from './CardPrintSheet';
import './card-print.css';

/**
 * The cards' print preview: every card of the job as A4 sheets. `cards.print` has already
 * logged the job and numbered each copy; printing again asks main for a new job, with new copy
 * numbers and new log rows.
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
  const [job, setJob] = useState(initialJob);
  const [entries, setEntries] = useState<DictionaryEntry[]>([]);
  const archiveName = useArchiveName();

  useEffect(() => {
    let live = true;
    void call('classification.dictionaries', {}).then((r) => {
      if (live && r.ok) setEntries(r.value);
    });
    return () => {
      live = false;
    };
  }, []);

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

  return (
    <PrintPreview
      testId="card-print-preview"
      title={t('cardPrint.previewTitle')}
      summary={t('cardPrint.previewCount', { count: job.copies.length })}
      pageRules={pageRules(marks)}
      logged={t('cardPrint.logged')}
      reprintNote={t('cardPrint.reprintNote')}
      reprint={() => call('cards.print', { ids })}
      onReprinted={setJob}
      onClose={onClose}
    >
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
    </PrintPreview>
  );
}
