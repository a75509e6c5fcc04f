import type { VisitReportSummary } from '../../src-shared/contracts/visits';
import type {
  ChangeDecision,
  ReportPeriod,
  ReportStatus,
  ReportSubject,
  ReportUrgency,
} from '../../src-shared/visits/visit-report';
import type { Translate } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/dictionary';

/** The words for the report's enums, so every list and form names them the same way. */
export const PERIOD_KEYS: Record<ReportPeriod | 'none', StringKey> = {
  daily: 'visits.period.daily',
  monthly: 'visits.period.monthly',
  none: 'visits.period.none',
};
export const URGENCY_KEYS: Record<ReportUrgency, StringKey> = {
  routine: 'visits.urgency.routine',
  urgent: 'visits.urgency.urgent',
  periodic: 'visits.urgency.periodic',
};
export const SUBJECT_KEYS: Record<ReportSubject, StringKey> = {
  customer: 'visits.subject.customer',
  prospect: 'visits.subject.prospect',
  general: 'visits.subject.general',
};
export const STATUS_KEYS: Record<ReportStatus, StringKey> = {
  pending: 'visits.status.pending',
  closed: 'visits.status.closed',
};
/** Waiting is orange (someone has to act), handled is green. */
export const STATUS_COLORS: Record<ReportStatus, string> = { pending: 'orange', closed: 'green' };
export const DECISION_KEYS: Record<ChangeDecision, StringKey> = {
  pending: 'visits.decision.pending',
  accepted: 'visits.decision.accepted',
  edited: 'visits.decision.edited',
  rejected: 'visits.decision.rejected',
};
/** Urgent is the one that must catch the eye; periodic and routine stay quiet. */
export const URGENCY_COLORS: Record<ReportUrgency, string> = { urgent: 'red', periodic: 'indigo', routine: 'gray' };
export const DECISION_COLORS: Record<ChangeDecision, string> = {
  pending: 'gray',
  accepted: 'green',
  edited: 'teal',
  rejected: 'red',
};

/** What a report is about, in one line: the card, the prospect's name, or 综合情况. */
export function reportAbout(report: VisitReportSummary, t: Translate): string {
  if (report.customer) return `${report.customer.code} ${report.customer.name}`;
  if (report.subject === 'prospect') return t('visits.list.prospect', { name: report.prospectName });
  return t('visits.list.general');
}
