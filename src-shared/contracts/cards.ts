import { z } from 'zod';
import { CARD_STATUSES, CLASSIFICATION_AXES, SECTION_KEYS, type CardContent, type CardStatus } from '../cards/card';
import type { FieldChange } from '../cards/card-diff';
import { CardContentSchema } from '../cards/card-schema';
import { LIFECYCLES, VOLUME_TIERS, type Lifecycle, type VolumeTier } from '../classification/derived';
import type { CardImportReport, CardImportResult } from '../cards/import-report';
import type { ProspectInfo } from '../upkeep/upkeep';
import { channel, needs } from './channel';

export const CardIdSchema = z.number().int().positive();
const VersionSchema = z.number().int().positive();

/** One line of the card list: the columns a custodian sorts and filters by. */
export interface CardRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  phone: string;
  address: string;
  /** First contact's name. */
  contact: string;
  status: CardStatus;
  nature: string;
  ownership: string;
  businessType: string;
  locationType: string;
  grade: string;
  creditGrade: string;
  industry: string;
  region: string;
  route: string;
  routeOrder: number | null;
  assignedRep: string;
  creditLimit: number | null;
  /** How many of the five sections wait for verification. */
  unverified: number;
  /** Derived classes in effect (the override when there is one). */
  lifecycle: Lifecycle;
  volumeTier: VolumeTier;
  /** A prospect not yet converted into a customer. */
  prospect: boolean;
  version: number;
  updatedAt: string;
}

/** Columns the list can be sorted by. */
export const CARD_SORT_COLUMNS = [
  'code',
  'name',
  'shortName',
  'creditCode',
  'phone',
  'address',
  'contact',
  'status',
  'nature',
  'ownership',
  'businessType',
  'locationType',
  'grade',
  'creditGrade',
  'industry',
  'region',
  'route',
  'routeOrder',
  'assignedRep',
  'creditLimit',
  'unverified',
  'lifecycle',
  'volumeTier',
  'updatedAt',
] as const satisfies readonly (keyof CardRow)[];
export type CardSortColumn = (typeof CARD_SORT_COLUMNS)[number];

const codeList = z.array(z.string().max(40)).max(200).optional();
export const CardFiltersSchema = z.strictObject({
  status: z.array(z.enum(CARD_STATUSES)).max(CARD_STATUSES.length).optional(),
  ...(Object.fromEntries(CLASSIFICATION_AXES.map((a) => [a, codeList])) as Record<
    (typeof CLASSIFICATION_AXES)[number],
    typeof codeList
  >),
  assignedRep: codeList,
  /** Derived classes in effect (override or computed). */
  lifecycle: z.array(z.enum(LIFECYCLES)).max(LIFECYCLES.length).optional(),
  volumeTier: z.array(z.enum(VOLUME_TIERS)).max(VOLUME_TIERS.length).optional(),
  /** Only cards with at least one unverified section. */
  unverifiedOnly: z.boolean().optional(),
});
export type CardFilters = z.infer<typeof CardFiltersSchema>;

/** What selects a set of cards: the search box, the filters and the sort order. */
export const CardQuerySchema = z.strictObject({
  query: z.string().max(100),
  filters: CardFiltersSchema,
  sort: z.strictObject({ column: z.enum(CARD_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }),
});
export type CardQuery = z.infer<typeof CardQuerySchema>;

export interface CardPage {
  total: number;
  offset: number;
  rows: CardRow[];
}

/** A card as a reader sees it. */
export interface CardDto {
  id: number;
  status: CardStatus;
  /** The version shown (the latest unless an older one was asked for). */
  version: number;
  latestVersion: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The card this one was merged into, when status is 'merged'. */
  mergedInto: { id: number; code: string; name: string } | null;
  content: CardContent;
  /** True when the people's personal notes are blanked out for this reader. */
  personalMasked: boolean;
  /** Set while the card is a prospect (潜在客户). */
  prospect: ProspectInfo | null;
  /** When a prospect became a customer. */
  convertedAt: string | null;
}

export const VERSION_KINDS = [
  'create',
  'edit',
  'restore',
  'merge',
  'merged_into',
  'archive',
  'reactivate',
  'verify',
  'import',
  /** A class changed for many cards at once, or a route reordered (classification view). */
  'reclassify',
  /** Accepted changes of a rep's visit report; the note names the report (BF000042). */
  'visit',
  /** A prospect became a customer: same card, same history. */
  'convert',
] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** One saved version of a card: who, when, what kind of save, and the changed fields. */
export interface CardVersionDto {
  /** The card the version belongs to; differs from the asked card for versions of a card merged into it. */
  cardId: number;
  cardCode: string;
  version: number;
  at: string;
  by: string;
  kind: VersionKind;
  /** E.g. the version restored, or the card merged. */
  note: string;
  /** Personal-note values are replaced by null with `masked: true` for readers who may not see them. */
  changes: (FieldChange & { masked?: boolean })[];
}

/** A card that may be the same customer as the one being entered. */
export interface DuplicateCandidate {
  id: number;
  code: string;
  name: string;
  status: CardStatus;
  reasons: ('creditCode' | 'phone' | 'name')[];
}

/** A print job: the cards as the printer may show them, each with its copy number. */
export interface CardPrintJob {
  printedBy: string;
  printedAt: string;
  copies: { copyNo: number; card: CardDto }[];
}

export const DUPLICATE_MODES = ['skip', 'update', 'new'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

/** File column (as in the header row) → card field path, person column, or '' for ignored. */
export const ImportMappingSchema = z.record(z.string().max(200), z.string().max(80));

const ImportInput = z.strictObject({
  path: z.string().min(1).max(1000),
  mapping: ImportMappingSchema.optional(),
  duplicateMode: z.enum(DUPLICATE_MODES),
});

const SectionSchema = z.enum(SECTION_KEYS);

export const cardsContract = {
  /** One page of the card list for a search; reps see only their assigned cards. */
  'cards.search': channel<CardPage>()({
    input: CardQuerySchema.extend({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** Opens a card (logged as a view); an older version when asked. Personal notes come masked. */
  'cards.get': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, version: VersionSchema.optional() }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** The card with its personal notes shown; each reveal is logged. */
  'cards.reveal': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, version: VersionSchema.optional() }),
    access: needs('cards.revealPersonal'),
  }),
  'cards.history': channel<CardVersionDto[]>()({
    input: z.strictObject({ id: CardIdSchema }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  /** The version that was current at a moment (view the card as of a date), or null before the card existed. */
  'cards.versionAt': channel<{ version: number | null }>()({
    input: z.strictObject({ id: CardIdSchema, at: z.iso.datetime({ offset: true }) }),
    access: needs('cards.read', 'cards.readAssigned'),
  }),
  'cards.findDuplicates': channel<DuplicateCandidate[]>()({
    input: z.strictObject({
      name: z.string().max(100),
      creditCode: z.string().max(40),
      phone: z.string().max(60),
      excludeId: CardIdSchema.optional(),
    }),
    access: needs('cards.write'),
  }),
  /** Creates a card. A likely duplicate is refused (DUPLICATE_SUSPECTED) unless the custodian accepted it. */
  'cards.create': channel<CardDto>()({
    input: z.strictObject({ content: CardContentSchema, acceptDuplicates: z.boolean().optional() }),
    access: needs('cards.write'),
  }),
  /** Saves a new version; refused (CARD_CHANGED) when someone saved since `expectedVersion`. */
  'cards.update': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, expectedVersion: VersionSchema, content: CardContentSchema }),
    access: needs('cards.write'),
  }),
  /** Marks one section verified by the calling custodian (a new version). */
  'cards.verifySection': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, expectedVersion: VersionSchema, section: SectionSchema }),
    access: needs('cards.write'),
  }),
  /** Makes an older version current again, itself as a new version. */
  'cards.restore': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, expectedVersion: VersionSchema, version: VersionSchema }),
    access: needs('cards.write'),
  }),
  /** 停用 or reactivates a customer; the card is kept either way. */
  'cards.setArchived': channel<CardDto>()({
    input: z.strictObject({ id: CardIdSchema, expectedVersion: VersionSchema, archived: z.boolean() }),
    access: needs('cards.write'),
  }),
  /**
   * Merges `mergeId` into `keepId`: the kept card's values win, its empty
   * fields are filled from the other, people are joined; both histories stay
   * readable from the kept card and the other card is marked merged.
   */
  'cards.merge': channel<CardDto>()({
    input: z.strictObject({
      keepId: CardIdSchema,
      keepVersion: VersionSchema,
      mergeId: CardIdSchema,
      mergeVersion: VersionSchema,
    }),
    access: needs('cards.write'),
  }),
  /** Users with the rep role, for assigning cards and for the rep filter of the list. */
  'cards.reps': channel<{ username: string; displayName: string }[]>()({
    input: z.strictObject({}),
    access: needs('cards.read'),
  }),
  /** Prepares a print of one or many cards: logs each card and numbers its copy. */
  'cards.print': channel<CardPrintJob>()({
    input: z.strictObject({ ids: z.array(CardIdSchema).min(1).max(500) }),
    access: needs('cards.print'),
  }),
  /**
   * Exports the cards of a query, or the chosen ones among them (a selection in the list), to an xlsx marked
   * confidential at a path the user chooses.
   */
  'cards.export': channel<{ path: string; rows: number }>()({
    input: CardQuerySchema.extend({ ids: z.array(CardIdSchema).max(100_000).optional() }),
    access: needs('cards.export'),
  }),
  /** Writes the import template (xlsx with the recognised columns and an instructions sheet). */
  'cards.importTemplate': channel<{ path: string }>()({ input: z.strictObject({}), access: needs('cards.import') }),
  /** Reads and validates an import file without writing anything: the dry run. */
  'cards.importPreview': channel<CardImportReport>()({ input: ImportInput, access: needs('cards.import') }),
  /** Imports all accepted rows in one transaction, or none. */
  'cards.importCommit': channel<CardImportResult>()({ input: ImportInput, access: needs('cards.import') }),
  /** Saves the rejected rows with their row numbers and reasons, for fixing and re-importing. */
  'cards.importRejections': channel<{ path: string; rows: number }>()({
    input: ImportInput,
    access: needs('cards.import'),
  }),
};
