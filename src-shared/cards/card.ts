/**
 * The archive card (客户档案卡) as the method document describes it
 * (sections 二.1–二.4): basic data with the people behind the customer,
 * characteristics, business status and trading status with credit. The
 * classification block holds the office's own axes (三.2). Each of the
 * five content sections records where its data came from and whether a
 * custodian has verified it (三.1 ①②③).
 *
 * Empty text is '' and an empty number is null, everywhere: so that a card
 * round-trips through save, export and re-import unchanged.
 */

/** The sections of the card that carry a source and a verification mark. */
export const SECTION_KEYS = ['basic', 'people', 'characteristics', 'business', 'trading'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Where a section's data came from (method 三.1: rep visit, customer-filled form, investigation agency; plus other). */
export const SOURCES = ['rep_visit', 'customer_form', 'agency', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export interface SectionSource {
  source: Source;
  verified: boolean;
  /** Display name of the custodian who verified it; set by the main process. */
  verifiedBy: string | null;
  /** ISO time of the verification; set by the main process. */
  verifiedAt: string | null;
}

export interface BasicData {
  /** 客户编码: the office's own code, unique; generated when left empty. */
  code: string;
  name: string;
  shortName: string;
  /** 统一社会信用代码 (GB 32100-2015), checksum validated. */
  creditCode: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  /** 创业时间, YYYY-MM-DD or ''. */
  founded: string;
  /** 与本公司交易时间, YYYY-MM-DD or ''. */
  tradingSince: string;
  organizationForm: string;
  /** 注册资本/资产, in 万元. */
  registeredCapital: number | null;
  employees: number | null;
  /** 年销售额, in 万元. */
  annualSales: number | null;
}

export const PERSON_ROLES = ['owner', 'manager', 'legal_rep', 'contact'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** 所有者、经营管理者、法人 and contacts, each with the personal notes the method asks for. */
export interface Person {
  role: PersonRole;
  name: string;
  title: string;
  phone: string;
  character: string;
  hobbies: string;
  family: string;
  education: string;
  age: number | null;
  abilities: string;
}

/** Personal notes: masked unless the reader's role may reveal them, and each reveal is logged. */
export const PERSONAL_FIELDS = ['character', 'hobbies', 'family', 'education', 'age', 'abilities'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export interface Characteristics {
  serviceArea: string;
  salesCapacity: string;
  growthPotential: string;
  businessPhilosophy: string;
  policies: string;
  managementStyle: string;
}

export interface BusinessStatus {
  salesPerformance: string;
  staffQuality: string;
  competitorRelations: string;
  cooperationAttitude: string;
}

export interface TradingStatus {
  salesActivity: string;
  problems: string;
  strengths: string;
  futureMeasures: string;
  reputation: string;
  /** 信用额度, in 元. */
  creditLimit: number | null;
  paymentTermsDays: number | null;
  tradeTerms: string;
  creditStatus: string;
  pastCreditProblems: string;
}

/** The dictionary-coded axes a card is filed under; '' is "not classified". */
export const CLASSIFICATION_AXES = [
  'nature',
  'ownership',
  'businessType',
  'locationType',
  'grade',
  'creditGrade',
  'industry',
  'region',
  'route',
] as const;
export type ClassificationAxis = (typeof CLASSIFICATION_AXES)[number];

export type Classification = Record<ClassificationAxis, string> & {
  /** Position on the route (路序), 1-based. */
  routeOrder: number | null;
  /** User name of the rep the card is assigned to, or ''. */
  assignedRep: string;
};

export interface CardContent {
  basic: BasicData;
  people: Person[];
  characteristics: Characteristics;
  business: BusinessStatus;
  trading: TradingStatus;
  classification: Classification;
  sources: Record<SectionKey, SectionSource>;
}

export const CARD_STATUSES = ['active', 'archived', 'merged'] as const;
/** active; archived (停用: a lapsed customer keeps its card); merged into another card. */
export type CardStatus = (typeof CARD_STATUSES)[number];

export function emptyPerson(role: PersonRole = 'contact'): Person {
  return {
    role,
    name: '',
    title: '',
    phone: '',
    character: '',
    hobbies: '',
    family: '',
    education: '',
    age: null,
    abilities: '',
  };
}

/** A blank card as the form starts it. */
export function emptyCard(): CardContent {
  const source = (): SectionSource => ({ source: 'rep_visit', verified: false, verifiedBy: null, verifiedAt: null });
  return {
    basic: {
      code: '',
      name: '',
      shortName: '',
      creditCode: '',
      address: '',
      phone: '',
      fax: '',
      email: '',
      founded: '',
      tradingSince: '',
      organizationForm: '',
      registeredCapital: null,
      employees: null,
      annualSales: null,
    },
    people: [],
    characteristics: {
      serviceArea: '',
      salesCapacity: '',
      growthPotential: '',
      businessPhilosophy: '',
      policies: '',
      managementStyle: '',
    },
    business: { salesPerformance: '', staffQuality: '', competitorRelations: '', cooperationAttitude: '' },
    trading: {
      salesActivity: '',
      problems: '',
      strengths: '',
      futureMeasures: '',
      reputation: '',
      creditLimit: null,
      paymentTermsDays: null,
      tradeTerms: '',
      creditStatus: '',
      pastCreditProblems: '',
    },
    classification: {
      nature: '',
      ownership: '',
      businessType: '',
      locationType: '',
      grade: '',
      creditGrade: '',
      industry: '',
      region: '',
      route: '',
      routeOrder: null,
      assignedRep: '',
    },
    sources: {
      basic: source(),
      people: source(),
      characteristics: source(),
      business: source(),
      trading: source(),
    },
  };
}

/** Which sections still wait for a custodian's verification. */
export function unverifiedSections(content: CardContent): SectionKey[] {
  return SECTION_KEYS.filter((k) => !content.sources[k].verified);
}
