import { useMemo, useState } from 'react';
import type { RouteSheetJob } from '../../../src-shared/contracts/classification';
import { call } from '../../api/call';
import { useI18n } from '../../i18n/I18nProvider';
import { PrintPreview } from '../../printing/PrintPreview';
import { useArchiveName } from '../../printing/useArchiveName';
import { formatDateTime } from '../../ui/format';
import { entryLabel } from '../region-tree';
import { routePageRule, type RouteRunningMarks } from './route-print-layout';
import { RouteSheet } from './RouteSheet';
import './route-print.css';

/**
 * The route sheet's print preview. `classification.printRoute` has logged the job; printing
 * again asks main for a new, logged job first, as the card print does.
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
  const [job, setJob] = useState(initialJob);
  const archiveName = useArchiveName();

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

  return (
    <PrintPreview
      testId="route-print-preview"
      title={t('classification.sheet.previewTitle')}
      summary={t('classification.sheet.previewCount', { route: routeName, n: job.stops.length })}
      pageRules={routePageRule(marks)}
      logged={t('classification.sheet.logged')}
      reprintNote={t('classification.sheet.reprintNote')}
      reprint={() => call('classification.printRoute', { route })}
      onReprinted={setJob}
      onClose={onClose}
    >
      <RouteSheet job={job} archiveName={archiveName} marks={marks} />
    </PrintPreview>
  );
}
