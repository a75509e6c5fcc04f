import { CARD_FIELDS } from '../cards/card-fields';

/**
 * The rep's visit report (客户访问日报/月报, method 三.1 ① and the rep's
 * reporting rules): what was learned on a visit, with proposed changes to
 * card fields that the custodian accepts, edits or rejects one by one.
 */

/** 日报 / 月报: the schedule the report belongs to. */
export const REPORT_PERIODS = ['daily', 'monthly'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** 日常报告 / 紧急报告 / 定期报告. Urgent reports stand out in the custodian's inbox and come first. */
export const REPORT_URGENCIES = ['routine', 'urgent', 'periodic'] as const;
export type ReportUrgency = (typeof REPORT_URGENCIES)[number];

/** What the visit was about: an existing card, a new prospect (no card yet), or the market in general. */
export const REPORT_SUBJECTS = ['customer', 'prospect', 'general'] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

/** pending: waits in the custodian's inbox; closed: every proposed change was decided. */
export const REPORT_STATUSES = ['pending', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const CHANGE_DECISIONS = ['pending', 'accepted', 'edited', 'rejected'] as const;
export type ChangeDecision = (typeof CHANGE_DECISIONS)[number];

/** A card field's value as a report carries it: text, a number, or empty (null). */
export type ProposedValue = string | number | null;

/**
 * The card fields a rep may propose: every scalar field of basic data,
 * characteristics, business status and trading status, except the
 * office's own customer code. People (with their personal notes), the
 * classification and the verification marks stay the custodian's; a rep
 * describes such news in the report's text.
 */
export const PROPOSABLE_PATHS: readonly string[] = CARD_FIELDS.filter(
  (f) =>
    (f.section === 'basic' || f.section === 'characteristics' || f.section === 'business' || f.section === 'trading') &&
    !f.path.startsWith('sources.') &&
    f.path !== 'basic.code',
).map((f) => f.path);

/** The report number shown to people: BF and the row id, six digits (BF000042). */
export function reportNumber(id: number): string {
  return `BF${String(id).padStart(6, '0')}`;
}
