import { z } from 'zod';
import { IsoDateSchema } from '../analysis/analysis';
import {
  PROPOSABLE_PATHS,
  REPORT_PERIODS,
  REPORT_STATUSES,
  REPORT_SUBJECTS,
  REPORT_URGENCIES,
  type ChangeDecision,
  type ProposedValue,
  type ReportPeriod,
  type ReportStatus,
  type ReportSubject,
  type ReportUrgency,
} from '../visits/visit-report';
import { CardIdSchema } from './cards';
import { channel, needs } from './channel';

const ProposedValueSchema = z.union([z.string().max(4000), z.number().finite(), z.null()]);
const PathSchema = z.string().refine((p) => PROPOSABLE_PATHS.includes(p), 'NOT_PROPOSABLE');

/** One proposed change as a report carries it. */
export interface ProposedChangeDto {
  path: string;
  proposed: ProposedValue;
  /** The card's value when the report was submitted (null for a new prospect). */
  before: ProposedValue;
  /** The card's value now; set when a reviewer opens the report, so a change made meanwhile shows. */
  current?: ProposedValue;
  decision: ChangeDecision;
  /** What went into the card: the proposal, or the reviewer's edit; null while pending or when rejected. */
  applied: ProposedValue;
  /** The reviewer's reason, required for a rejection. */
  reason: string;
}

/** A line of a report list. */
export interface VisitReportSummary {
  id: number;
  /** BF000042 */
  number: string;
  repUsername: string;
  repName: string;
  subject: ReportSubject;
  /** The card the report is about (for a prospect: the card created when it was accepted). */
  customer: { id: number; code: string; name: string } | null;
  /** The prospect's name as the rep wrote it (subject 'prospect'). */
  prospectName: string;
  visitOn: string;
  period: ReportPeriod;
  urgency: ReportUrgency;
  status: ReportStatus;
  submittedAt: string;
  changeCount: number;
  /** How many changes went into the card (accepted or edited). */
  appliedCount: number;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export interface VisitReportDto extends VisitReportSummary {
  findings: string;
  changes: ProposedChangeDto[];
  reviewNote: string;
  /** The card version the accepted changes made, when any were accepted. */
  cardVersion: number | null;
}

export interface VisitReportPage {
  rows: VisitReportSummary[];
  total: number;
}

/** 日报/月报 schedule of one rep ('none': not expected to report on a schedule). */
export interface RepScheduleDto {
  username: string;
  displayName: string;
  active: boolean;
  period: ReportPeriod | 'none';
  /** First day reports are expected, YYYY-MM-DD. */
  since: string | null;
}

/** One expected report slot that has no report and whose due day has passed. */
export interface OverdueReport {
  username: string;
  displayName: string;
  period: ReportPeriod;
  /** YYYY-MM-DD for a daily report, YYYY-MM for a monthly one. */
  slot: string;
  dueOn: string;
  daysOverdue: number;
}

export interface RepDiscipline {
  username: string;
  displayName: string;
  period: ReportPeriod | 'none';
  /** Slots in the window (from the schedule's start, up to today). */
  expected: number;
  /** Expected slots that have a report. */
  submitted: number;
  /** Of those, submitted after their due day. */
  late: number;
  overdue: number;
  /** Expected slots not yet due and not yet reported. */
  open: number;
  /** Every report the rep submitted in the window, on schedule or not. */
  reports: number;
}

export interface ReportingDiscipline {
  from: string;
  to: string;
  today: string;
  reps: RepDiscipline[];
  /** Oldest first. */
  overdue: OverdueReport[];
}

const PageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
};

export const ReviewDecisionSchema = z.strictObject({
  path: PathSchema,
  decision: z.enum(['accept', 'edit', 'reject']),
  /** The edited value, for 'edit'. */
  value: ProposedValueSchema.optional(),
  reason: z.string().max(500).default(''),
});

export const visitsContract = {
  /** A rep files a report; it goes to the custodian's inbox. Only the rep's own cards may be reported on. */
  'visits.submit': channel<VisitReportDto>()({
    input: z.strictObject({
      subject: z.enum(REPORT_SUBJECTS),
      customerId: CardIdSchema.optional(),
      /** For subject 'prospect': the new customer's name (proposed as basic.name too). */
      prospectName: z.string().trim().max(200).default(''),
      visitOn: IsoDateSchema,
      period: z.enum(REPORT_PERIODS),
      urgency: z.enum(REPORT_URGENCIES),
      findings: z.string().trim().min(1).max(8000),
      changes: z
        .array(z.strictObject({ path: PathSchema, value: ProposedValueSchema }))
        .max(60)
        .default([]),
    }),
    access: needs('visits.submit'),
  }),
  /** The rep's own reports, newest first, with their status. */
  'visits.mine': channel<VisitReportPage>()({
    input: z.strictObject({ status: z.enum(REPORT_STATUSES).optional(), ...PageInput }),
    access: needs('visits.submit'),
  }),
  /** The custodian's inbox: pending reports, urgent first, then oldest first; or the closed ones, newest first. */
  'visits.inbox': channel<VisitReportPage & { pending: number; urgent: number }>()({
    input: z.strictObject({
      status: z.enum(REPORT_STATUSES).default('pending'),
      urgency: z.enum(REPORT_URGENCIES).optional(),
      rep: z.string().max(64).optional(),
      ...PageInput,
    }),
    access: needs('visits.review'),
  }),
  /** One report; a rep may open only their own. Logged as a view. */
  'visits.get': channel<VisitReportDto>()({
    input: z.strictObject({ id: z.number().int().positive() }),
    access: needs('visits.review', 'visits.submit'),
  }),
  /**
   * Decides every pending change of a report at once and closes it. Accepted
   * and edited values go into the card as one new version (kind 'visit',
   * naming the report); the changed sections' source becomes 'rep_visit'.
   * `verify` marks those sections verified by the reviewer. A prospect
   * report whose name is accepted creates a prospect card.
   */
  'visits.review': channel<VisitReportDto>()({
    input: z.strictObject({
      id: z.number().int().positive(),
      decisions: z.array(ReviewDecisionSchema).max(60),
      verify: z.boolean().default(false),
      note: z.string().trim().max(2000).default(''),
    }),
    access: needs('visits.review'),
  }),
  /** The reports about one card, newest first (the card's reader scope applies). */
  'visits.forCard': channel<VisitReportPage>()({
    input: z.strictObject({ customerId: CardIdSchema, ...PageInput }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** Every rep with the report schedule the office expects of them. */
  'visits.schedules': channel<RepScheduleDto[]>()({
    input: z.strictObject({}),
    access: needs('visits.review'),
  }),
  'visits.saveSchedule': channel<RepScheduleDto[]>()({
    input: z.strictObject({
      username: z.string().min(1).max(64),
      period: z.enum([...REPORT_PERIODS, 'none']),
      since: IsoDateSchema,
    }),
    access: needs('visits.review'),
  }),
  /** Expected against submitted reports per rep, and the overdue ones; a rep sees only their own. */
  'visits.discipline': channel<ReportingDiscipline>()({
    input: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
    access: needs('visits.review', 'visits.submit'),
  }),
};
