import { z } from 'zod';
import { CLASSIFICATION_AXES, PERSON_ROLES, SECTION_KEYS, SOURCES, type CardContent } from './card';
import { isValidCreditCode, normalizeCreditCode } from './credit-code';

/**
 * The card's validation, shared by the form (immediate feedback) and the
 * main process (the check that counts). Each problem's message is a stable
 * code that {@link fieldProblemText} translates, so the form, the import
 * rejection report and the CLI all say the same thing.
 */
export const FIELD_PROBLEMS = [
  'required',
  'tooLong',
  'invalidCreditCode',
  'invalidDate',
  'invalidEmail',
  'invalidCode',
  'notANumber',
  'outOfRange',
  'notAWholeNumber',
  'unknownValue',
  'tooMany',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
const longText = text(2000);

/** A calendar date as YYYY-MM-DD, or '' for none. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1800 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const dateText = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), { error: 'invalidDate' });

const amount = (max: number) =>
  z
    .number({ error: 'notANumber' })
    .finite({ error: 'notANumber' })
    .min(0, { error: 'outOfRange' })
    .max(max, { error: 'outOfRange' })
    .nullable();
const whole = (max: number) =>
  z
    .number({ error: 'notANumber' })
    .int({ error: 'notAWholeNumber' })
    .min(0, { error: 'outOfRange' })
    .max(max, { error: 'outOfRange' })
    .nullable();

export const CARD_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

const BasicSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((v) => v === '' || CARD_CODE_PATTERN.test(v), { error: 'invalidCode' }),
  name: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  shortName: text(40),
  creditCode: z
    .string()
    .transform(normalizeCreditCode)
    .refine((v) => v === '' || isValidCreditCode(v), { error: 'invalidCreditCode' }),
  address: text(200),
  phone: text(60),
  fax: text(60),
  email: z
    .string()
    .trim()
    .max(100, { error: 'tooLong' })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'invalidEmail' }),
  founded: dateText,
  tradingSince: dateText,
  organizationForm: text(40),
  registeredCapital: amount(1e9),
  employees: whole(10_000_000),
  annualSales: amount(1e10),
});

export const PersonSchema = z.strictObject({
  role: z.enum(PERSON_ROLES, { error: 'unknownValue' }),
  name: z.string().trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }),
  title: text(40),
  phone: text(60),
  character: text(500),
  hobbies: text(500),
  family: text(500),
  education: text(100),
  age: whole(150),
  abilities: text(500),
});

const SourceSchema = z.strictObject({
  source: z.enum(SOURCES, { error: 'unknownValue' }),
  verified: z.boolean(),
  // Who verified and when are the main process's to set; a caller's values are ignored.
  verifiedBy: z.string().max(40).nullable().optional(),
  verifiedAt: z.string().max(40).nullable().optional(),
});

const classificationShape = Object.fromEntries(CLASSIFICATION_AXES.map((axis) => [axis, text(40)])) as Record<
  (typeof CLASSIFICATION_AXES)[number],
  ReturnType<typeof text>
>;

export const CardContentSchema = z.strictObject({
  basic: BasicSchema,
  people: z.array(PersonSchema).max(50, { error: 'tooMany' }),
  characteristics: z.strictObject({
    serviceArea: longText,
    salesCapacity: longText,
    growthPotential: longText,
    businessPhilosophy: longText,
    policies: longText,
    managementStyle: longText,
  }),
  business: z.strictObject({
    salesPerformance: longText,
    staffQuality: longText,
    competitorRelations: longText,
    cooperationAttitude: longText,
  }),
  trading: z.strictObject({
    salesActivity: longText,
    problems: longText,
    strengths: longText,
    futureMeasures: longText,
    reputation: longText,
    creditLimit: amount(1e12),
    paymentTermsDays: whole(3650),
    tradeTerms: text(500),
    creditStatus: text(500),
    pastCreditProblems: longText,
  }),
  classification: z.strictObject({
    ...classificationShape,
    routeOrder: z
      .number({ error: 'notANumber' })
      .int({ error: 'notAWholeNumber' })
      .min(1, { error: 'outOfRange' })
      .max(100_000, { error: 'outOfRange' })
      .nullable(),
    assignedRep: text(32),
  }),
  sources: z.strictObject(
    Object.fromEntries(SECTION_KEYS.map((k) => [k, SourceSchema])) as Record<
      (typeof SECTION_KEYS)[number],
      typeof SourceSchema
    >,
  ),
});

/** The parsed card with verification metadata made explicit. */
export function completeSources(parsed: z.output<typeof CardContentSchema>): CardContent {
  const sources = Object.fromEntries(
    SECTION_KEYS.map((k) => {
      const s = parsed.sources[k];
      return [
        k,
        { source: s.source, verified: s.verified, verifiedBy: s.verifiedBy ?? null, verifiedAt: s.verifiedAt ?? null },
      ];
    }),
  ) as CardContent['sources'];
  return { ...parsed, sources };
}

const PROBLEM_TEXT: Record<FieldProblem, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'required' },
  tooLong: { zh: '内容过长', en: 'too long' },
  invalidCreditCode: {
    zh: '统一社会信用代码不正确（18 位，校验位不符）',
    en: 'not a valid unified social credit code',
  },
  invalidDate: { zh: '日期格式应为 年-月-日，如 2024-03-15', en: 'date must be YYYY-MM-DD, e.g. 2024-03-15' },
  invalidEmail: { zh: '电子邮箱格式不正确', en: 'not a valid e-mail address' },
  invalidCode: {
    zh: '客户编码只能含字母、数字和 _ . -，最多 32 位',
    en: 'code: letters, digits, _ . - only, at most 32',
  },
  notANumber: { zh: '应为数字', en: 'must be a number' },
  outOfRange: { zh: '数值超出范围', en: 'value out of range' },
  notAWholeNumber: { zh: '应为整数', en: 'must be a whole number' },
  unknownValue: { zh: '不是可选的值', en: 'not one of the allowed values' },
  tooMany: { zh: '条目过多', en: 'too many entries' },
};

/** The translated text for a field problem code; any other message is shown as it is. */
export function fieldProblemText(problem: string, language: 'zh' | 'en'): string {
  return (PROBLEM_TEXT as Record<string, { zh: string; en: string }>)[problem]?.[language] ?? problem;
}
