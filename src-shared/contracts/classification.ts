import { z } from 'zod';
import { CLASSIFICATION_AXES } from '../cards/card';
import type { DictionaryEntry } from '../cards/dictionaries';
import {
  ClassificationRulesSchema,
  DERIVED_AXES,
  LIFECYCLES,
  VOLUME_TIERS,
  type ClassificationRules,
  type DerivedAxis,
  type Lifecycle,
  type VolumeTier,
} from '../classification/derived';
import { PeriodSchema } from '../analysis/analysis';
import { CardFiltersSchema, CardIdSchema, CardQuerySchema } from './cards';
import { channel, needs, SESSION } from './channel';

const AxisSchema = z.enum(CLASSIFICATION_AXES);
const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'CODE_CHARS');

/** Axes the classification view groups by: every dictionary axis, the rep, and the derived classes. */
export const GROUP_AXES = [...CLASSIFICATION_AXES, 'assignedRep', ...DERIVED_AXES] as const;
export type GroupAxis = (typeof GROUP_AXES)[number];

/** One group of the classification view: its key on each chosen axis ('' = not classified). */
export interface ClassGroup {
  keys: string[];
  customers: number;
  /** Sales of the group's customers in the chosen period. */
  cents: number;
}

export interface ClassGroups {
  axes: GroupAxis[];
  totalCustomers: number;
  totalCents: number;
  groups: ClassGroup[];
}

/** A customer's derived classes, why they are what they are, and every recorded override. */
export interface DerivedClassesDto {
  lifecycle: Lifecycle;
  lifecycleDerived: Lifecycle;
  lifecycleOverride: Lifecycle | null;
  volumeTier: VolumeTier;
  volumeTierDerived: VolumeTier;
  volumeTierOverride: VolumeTier | null;
  firstSaleOn: string | null;
  lastSaleOn: string | null;
  sales12mCents: number;
  overrides: { axis: DerivedAxis; value: string; note: string; at: string; by: string }[];
}

/** One stop of a route, in visiting order. */
export interface RouteStop {
  id: number;
  code: string;
  name: string;
  address: string;
  phone: string;
  contact: string;
  routeOrder: number | null;
  version: number;
  /** Date of the last visit report (issue 5); null until visits are recorded. */
  lastVisitOn: string | null;
}

export interface RouteDto {
  route: DictionaryEntry;
  /** The route's region and its ancestors, top first (labels for the sheet heading). */
  regionPath: DictionaryEntry[];
  stops: RouteStop[];
}

/** A route sheet prepared for printing: logged, with who printed it and when. */
export interface RouteSheetJob extends RouteDto {
  printedBy: string;
  printedAt: string;
}

/**
 * Classification (method 三.2): the dictionaries of every axis (admin), the region tree and the
 * routes within regions, the classification view, bulk reassignment, derived classes and their
 * overrides, and route sheets.
 */
export const classificationContract = {
  /** Dictionary labels for showing classifications; not confidential, so any logged-in user may read them. */
  'classification.dictionaries': channel<DictionaryEntry[]>()({ input: z.strictObject({}), access: SESSION }),
  /**
   * Adds (create: true) or changes one entry. The code never changes once created (cards keep it);
   * a region's parent is a region, a route's parent is a region, other axes have none.
   */
  'classification.saveEntry': channel<DictionaryEntry[]>()({
    input: z.strictObject({
      create: z.boolean(),
      axis: AxisSchema,
      code: CodeSchema,
      label: z.string().trim().min(1).max(60),
      labelEn: z.string().trim().max(60),
      parentCode: CodeSchema.nullable(),
      active: z.boolean(),
    }),
    access: needs('classification.manage'),
  }),
  /** Puts the entries under one parent (or an axis without parents) in the given order. */
  'classification.reorderEntries': channel<DictionaryEntry[]>()({
    input: z.strictObject({
      axis: AxisSchema,
      parentCode: CodeSchema.nullable(),
      codes: z.array(CodeSchema).min(1).max(2000),
    }),
    access: needs('classification.manage'),
  }),
  /** Removes an entry no card, child entry or route uses (ENTRY_IN_USE otherwise; deactivate it instead). */
  'classification.deleteEntry': channel<DictionaryEntry[]>()({
    input: z.strictObject({ axis: AxisSchema, code: CodeSchema }),
    access: needs('classification.manage'),
  }),
  /** Thresholds of the derived classes and the credit terms table. */
  'classification.rules': channel<ClassificationRules>()({
    input: z.strictObject({}),
    access: needs('classification.read', 'classification.manage', 'analysis.read'),
  }),
  /** Changes the rules and recomputes every customer's derived classes. */
  'classification.saveRules': channel<ClassificationRules>()({
    input: z.strictObject({ rules: ClassificationRulesSchema }),
    access: needs('classification.manage'),
  }),
  /** The classification view: customers grouped by one or two axes, with counts and sales in the period. */
  'classification.groups': channel<ClassGroups>()({
    input: z.strictObject({
      axes: z.array(z.enum(GROUP_AXES)).min(1).max(2),
      period: PeriodSchema,
      filters: CardFiltersSchema,
    }),
    access: needs('cards.read'),
  }),
  /**
   * Sets one class of many cards at once (the cards of a query, or the chosen ones among them); each
   * changed card gets a new version (kind reclassify) naming the change. A route assignment appends
   * the cards at the route's end. Reps' scope does not apply: only custodians write cards.
   */
  'classification.reassign': channel<{ changed: number; unchanged: number }>()({
    input: CardQuerySchema.extend({
      /** The chosen cards among the query's (a selection in the list); all of the query's cards when absent. */
      ids: z.array(CardIdSchema).min(1).max(100_000).optional(),
      axis: z.enum([...CLASSIFICATION_AXES, 'assignedRep']),
      value: z.string().max(40),
    }),
    access: needs('cards.write'),
  }),
  /** A card's derived classes with the reasons and the override record. */
  'classification.derived': channel<DerivedClassesDto>()({
    input: z.strictObject({ id: CardIdSchema }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** Overrides a derived class (value null removes the override); recorded with the note. */
  'classification.setOverride': channel<DerivedClassesDto>()({
    input: z.discriminatedUnion('axis', [
      z.strictObject({
        id: CardIdSchema,
        axis: z.literal('lifecycle'),
        value: z.enum(LIFECYCLES).nullable(),
        note: z.string().trim().min(1).max(200),
      }),
      z.strictObject({
        id: CardIdSchema,
        axis: z.literal('volumeTier'),
        value: z.enum(VOLUME_TIERS).nullable(),
        note: z.string().trim().min(1).max(200),
      }),
    ]),
    access: needs('cards.write'),
  }),
  /** A route's customers in visiting order; reps see the stops assigned to them. */
  'classification.route': channel<RouteDto>()({
    input: z.strictObject({ route: CodeSchema }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /**
   * Puts a route's customers in the given order (all of its active cards, each once). Cards whose
   * position changes get a new version; CARD_CHANGED when the route changed since it was read.
   */
  'classification.reorderRoute': channel<RouteDto>()({
    input: z.strictObject({
      route: CodeSchema,
      stops: z.array(z.strictObject({ id: CardIdSchema, version: z.number().int().positive() })).max(5000),
    }),
    access: needs('cards.write'),
  }),
  /** Prepares the A4 route sheet for `app.print` and logs it. */
  'classification.printRoute': channel<RouteSheetJob>()({
    input: z.strictObject({ route: CodeSchema }),
    access: needs('cards.print'),
  }),
};
