import { z } from 'zod';
import { IsoDateSchema } from '../analysis/analysis';
import { CardContentSchema } from '../cards/card-schema';
import {
  ATTENTION_REASONS,
  PROSPECT_ORIGINS,
  UpkeepRulesSchema,
  type AttentionReason,
  type ProspectOrigin,
  type UpkeepRules,
} from '../upkeep/upkeep';
import { CardIdSchema, type CardDto } from './cards';
import { channel, needs } from './channel';

/** One card on the "needs attention" list, with every reason it is there. */
export interface AttentionRow {
  id: number;
  code: string;
  name: string;
  grade: string;
  assignedRep: string;
  prospect: boolean;
  reasons: AttentionReason[];
  /** The day the grade's review cycle ran out (from the last review, or from the card's creation). */
  reviewDueOn: string;
  lastReviewedOn: string | null;
  unverifiedSections: number;
  lastVisitOn: string | null;
  /** Days since the last visit, or since the card was created when it was never visited. */
  daysWithoutVisit: number;
}

export interface AttentionPage {
  rows: AttentionRow[];
  total: number;
  /** Cards per reason in the reader's scope (a card with two reasons counts in both). */
  counts: Record<AttentionReason, number>;
  today: string;
}

/** A recorded review (复核) of a card. */
export interface CardReviewDto {
  reviewedOn: string;
  at: string;
  byName: string;
  note: string;
}

/** One line of the prospect list (潜在客户). */
export interface ProspectRow {
  id: number;
  code: string;
  name: string;
  phone: string;
  contact: string;
  assignedRep: string;
  origin: ProspectOrigin;
  originNote: string;
  nextStep: string;
  nextStepOn: string | null;
  lastVisitOn: string | null;
  createdAt: string;
  version: number;
}

export interface ProspectPage {
  rows: ProspectRow[];
  total: number;
}

const ProspectInfoSchema = z.strictObject({
  origin: z.enum(PROSPECT_ORIGINS),
  originNote: z.string().trim().max(500).default(''),
  nextStep: z.string().trim().max(500).default(''),
  nextStepOn: IsoDateSchema.nullable().default(null),
});

const PageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
};

export const upkeepContract = {
  'upkeep.rules': channel<UpkeepRules>()({
    input: z.strictObject({}),
    access: needs('cards.read', 'cards.readAssigned', 'visits.review'),
  }),
  /** The custodian sets the review cycles and the no-visit limit (a logged change). */
  'upkeep.saveRules': channel<UpkeepRules>()({
    input: z.strictObject({ rules: UpkeepRulesSchema }),
    access: needs('visits.review'),
  }),
  /** Active cards past their review cycle, with unverified sections, or without a visit for too long. */
  'upkeep.needsAttention': channel<AttentionPage>()({
    input: z.strictObject({
      reason: z.enum(ATTENTION_REASONS).optional(),
      rep: z.string().max(64).optional(),
      grade: z.string().max(40).optional(),
      ...PageInput,
    }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** Records that the custodian reviewed the card today (no card version: the content did not change). */
  'upkeep.markReviewed': channel<CardReviewDto>()({
    input: z.strictObject({ id: CardIdSchema, note: z.string().trim().max(1000).default('') }),
    access: needs('cards.write'),
  }),
  'upkeep.reviews': channel<CardReviewDto[]>()({
    input: z.strictObject({ id: CardIdSchema }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  'prospects.list': channel<ProspectPage>()({
    input: z.strictObject({
      query: z.string().trim().max(100).default(''),
      origin: z.enum(PROSPECT_ORIGINS).optional(),
      rep: z.string().max(64).optional(),
      ...PageInput,
    }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** Creates a prospect's card (a card like any other, marked as a prospect). */
  'prospects.create': channel<CardDto>()({
    input: z.strictObject({
      content: CardContentSchema,
      prospect: ProspectInfoSchema,
      acceptDuplicates: z.boolean().default(false),
    }),
    access: needs('cards.write'),
  }),
  /** Where the prospect came from and the next step; also marks an existing card as a prospect. */
  'prospects.save': channel<ProspectRow>()({
    input: z.strictObject({ id: CardIdSchema, prospect: ProspectInfoSchema }),
    access: needs('cards.write'),
  }),
  /** The prospect becomes a customer: the same card, code and history, with a 'convert' version. */
  'prospects.convert': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, expectedVersion: z.number().int().positive() }),
    access: needs('cards.write'),
  }),
};
