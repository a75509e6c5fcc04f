import { z } from 'zod';
import type { AgeingBucket } from '../analysis/analysis';
import type { Role } from '../roles';
import type { AttentionReason } from '../upkeep/upkeep';
import type { VersionKind } from './cards';
import { CardIdSchema } from './cards';
import { channel, needs } from './channel';
import type { AttentionPage, CardReviewDto, ProspectRow } from './upkeep';
import type { OverdueReport, VisitReportSummary } from './visits';

/** One recent save of any card, for the custodian's start page. */
export interface RecentChange {
  cardId: number;
  code: string;
  name: string;
  version: number;
  at: string;
  byName: string;
  kind: VersionKind;
  note: string;
  changes: number;
}

export interface CustodianStart {
  inbox: { pending: number; urgent: number; oldest: VisitReportSummary[] };
  attention: AttentionPage;
  recentChanges: RecentChange[];
  overdueReports: number;
}

export interface RepStart {
  myCustomers: number;
  myProspects: number;
  /** My cards that need attention, by reason. */
  attention: Record<AttentionReason, number>;
  /** The routes my cards are on, with how many of my cards each holds. */
  routes: { code: string; label: string; region: string; stops: number }[];
  recentReports: VisitReportSummary[];
  pendingReports: number;
  overdue: OverdueReport[];
}

/** The manager's key figures; amounts are whole cents. Charts come from the analysis channels. */
export interface ManagerStart {
  asOf: string;
  /** The last twelve whole months up to asOf. */
  period: { from: string; to: string };
  activeCards: number;
  prospects: number;
  /** Cards with a sale in the period. */
  tradingCustomers: number;
  salesCents: number;
  previousSalesCents: number;
  outstandingCents: number;
  overLimitCustomers: number;
  /** Visit reports submitted in the last 30 days. */
  visitReports30d: number;
}

export interface AdminStart {
  users: { active: number; inactive: number; byRole: Record<Role, number>; mustChangePassword: number };
  lastBackup: { at: string; path: string; bytes: number; by: string } | null;
  daysSinceBackup: number | null;
  storage: { archiveBytes: number; keyringBytes: number; freeBytes: number | null };
}

/** The consolidated view of one card: archive data is the card itself; this is what sits beside it. */
export interface CardOverview {
  id: number;
  asOf: string;
  prospect: ProspectRow | null;
  convertedAt: string | null;
  sales: {
    last12mCents: number;
    thisYearCents: number;
    lastYearCents: number;
    totalCents: number;
    lines: number;
    firstSaleOn: string | null;
    lastSaleOn: string | null;
  };
  credit: {
    /** The card's limit in cents, or null when none is set. */
    limitCents: number | null;
    receivedCents: number;
    /** Sales − receipts to asOf; negative is a credit balance. */
    outstandingCents: number;
    /** limit − outstanding, when a limit is set. */
    availableCents: number | null;
    overLimit: boolean;
    paymentTermsDays: number | null;
    ageing: { bucket: AgeingBucket; cents: number }[];
  };
  visits: { total: number; pending: number; lastVisitOn: string | null; recent: VisitReportSummary[] };
  upkeep: {
    lastReview: CardReviewDto | null;
    cycleMonths: number;
    reviewDueOn: string;
    reasons: AttentionReason[];
  };
}

export const homeContract = {
  'home.custodian': channel<CustodianStart>()({ input: z.strictObject({}), access: needs('visits.review') }),
  'home.rep': channel<RepStart>()({ input: z.strictObject({}), access: needs('visits.submit') }),
  'home.manager': channel<ManagerStart>()({ input: z.strictObject({}), access: needs('analysis.read') }),
  'home.admin': channel<AdminStart>()({ input: z.strictObject({}), access: needs('users.manage') }),
  /** Sales totals, credit position, visit reports and upkeep of one card (the reader's scope applies). */
  'cards.overview': channel<CardOverview>()({
    input: z.strictObject({ id: CardIdSchema }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
};
