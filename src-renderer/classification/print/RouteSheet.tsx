import type { RouteSheetJob } from '../../../src-shared/contracts/classification';
import { EMPTY } from '../../cards/print/card-print-layout';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import { entryLabel } from '../region-tree';
import { ROUTE_PAGE, type RouteRunningMarks } from './route-print-layout';

/**
 * The route sheet (客户路线表) as it goes on paper: the route and its region path, then every
 * customer in visiting order with address, phone, contact and last visit, and an empty column
 * for the rep's notes on the round. The table's heading repeats on every page.
 */
export function RouteSheet({
  job,
  archiveName,
  marks,
}: {
  job: RouteSheetJob;
  archiveName: string;
  marks: RouteRunningMarks;
}) {
  const { t, language } = useI18n();
  const path = job.regionPath.map((e) => entryLabel(e, language)).join(' › ');
  const text = (value: string) => (value.trim() === '' ? EMPTY : value);
  return (
    <article className="kd-rs-sheet" style={{ page: ROUTE_PAGE }} data-route={job.route.code}>
      <div className="kd-print-running-head" aria-hidden="true">
        <span>{marks.confidential}</span>
        <span>{marks.route}</span>
      </div>

      <header className="kd-rs-head">
        <div className="kd-rs-archive">{archiveName}</div>
        <h1>{t('classification.sheet.title')}</h1>
        <div />
      </header>

      <table className="kd-rs-ident">
        <tbody>
          <tr>
            <th scope="row">{t('classification.sheet.route')}</th>
            <td className="kd-rs-route">
              {entryLabel(job.route, language)}
              <span className="kd-rs-code">{job.route.code}</span>
            </td>
            <th scope="row">{t('classification.sheet.stops')}</th>
            <td>{job.stops.length}</td>
          </tr>
          <tr>
            <th scope="row">{t('classification.sheet.region')}</th>
            <td>{path || EMPTY}</td>
            <th scope="row">{t('classification.sheet.printedOn')}</th>
            <td>{formatDateTime(job.printedAt).slice(0, 10)}</td>
          </tr>
        </tbody>
      </table>

      <table className="kd-rs-stops">
        <colgroup>
          <col className="kd-rs-col-no" />
          <col className="kd-rs-col-code" />
          <col className="kd-rs-col-name" />
          <col className="kd-rs-col-address" />
          <col className="kd-rs-col-phone" />
          <col className="kd-rs-col-contact" />
          <col className="kd-rs-col-visit" />
          <col className="kd-rs-col-note" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('classification.sheet.no')}</th>
            <th scope="col">{t('classification.routes.code')}</th>
            <th scope="col">{t('classification.routes.name')}</th>
            <th scope="col">{t('classification.routes.address')}</th>
            <th scope="col">{t('classification.routes.phone')}</th>
            <th scope="col">{t('classification.routes.contact')}</th>
            <th scope="col">{t('classification.routes.lastVisit')}</th>
            <th scope="col">{t('classification.sheet.visitNote')}</th>
          </tr>
        </thead>
        <tbody>
          {job.stops.length === 0 ? (
            <tr>
              <td colSpan={8} className="kd-rs-none">
                {t('classification.sheet.empty')}
              </td>
            </tr>
          ) : (
            job.stops.map((stop, i) => (
              <tr key={stop.id} data-card-id={stop.id}>
                <td className="kd-rs-no">{i + 1}</td>
                <td className="kd-rs-code-cell">{stop.code}</td>
                <td>{text(stop.name)}</td>
                <td>{text(stop.address)}</td>
                <td>{text(stop.phone)}</td>
                <td>{text(stop.contact)}</td>
                <td>{stop.lastVisitOn ?? EMPTY}</td>
                <td />
              </tr>
            ))
          )}
        </tbody>
      </table>

      <div className="kd-print-running-foot" aria-hidden="true">
        <span>{marks.printed}</span>
      </div>
    </article>
  );
}
