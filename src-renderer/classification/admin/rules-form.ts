import {
  ClassificationRulesSchema,
  type ClassificationRules,
  type CreditTerm,
} from '../../../src-shared/classification/derived';
import { formatCents, yuanToCents } from '../../../src-shared/sales/sales';
import type { StringKey } from '../../i18n/dictionary';

/** The rules as the form holds them: numbers as typed, the limit in yuan as text ('' = no standard limit). */
export interface RulesForm {
  newMonths: string;
  lapsedMonths: string;
  keyPercent: string;
  generalPercent: string;
  creditTerms: { creditGrade: string; paymentDays: string; limitYuan: string; handling: string }[];
}

/** A problem beside one field: a string key and its variables, translated by the form. */
export type RuleProblem = { key: StringKey; vars?: Record<string, number> };

export function toRulesForm(rules: ClassificationRules): RulesForm {
  return {
    newMonths: String(rules.newMonths),
    lapsedMonths: String(rules.lapsedMonths),
    keyPercent: String(rules.keyPercent),
    generalPercent: String(rules.generalPercent),
    creditTerms: rules.creditTerms.map((c) => ({
      creditGrade: c.creditGrade,
      paymentDays: String(c.paymentDays),
      limitYuan: c.suggestedLimitCents === null ? '' : formatCents(c.suggestedLimitCents),
      handling: c.handling,
    })),
  };
}

const WHOLE = /^\d{1,4}$/;
const YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * The rules the form describes, or the problems per field (path as in the schema, e.g.
 * `creditTerms.2.suggestedLimitCents`). The ranges are the shared schema's, so what passes here
 * passes in main.
 */
export function fromRulesForm(form: RulesForm): {
  rules: ClassificationRules | null;
  problems: Record<string, RuleProblem>;
} {
  const problems: Record<string, RuleProblem> = {};
  const whole = (path: string, text: string, min: number, max: number): number => {
    const t = text.trim();
    const n = WHOLE.test(t) ? Number(t) : NaN;
    if (!(n >= min && n <= max)) problems[path] = { key: 'classification.rules.wholeNumber', vars: { min, max } };
    return n;
  };
  const newMonths = whole('newMonths', form.newMonths, 1, 120);
  const lapsedMonths = whole('lapsedMonths', form.lapsedMonths, 1, 120);
  const keyPercent = whole('keyPercent', form.keyPercent, 1, 99);
  const generalPercent = whole('generalPercent', form.generalPercent, 0, 99);
  if (!problems.keyPercent && !problems.generalPercent && keyPercent + generalPercent > 100) {
    problems.generalPercent = { key: 'classification.rules.tierSum' };
  }
  const seen = new Set<string>();
  const creditTerms: CreditTerm[] = form.creditTerms.map((row, i) => {
    if (row.creditGrade === '')
      problems[`creditTerms.${i}.creditGrade`] = { key: 'classification.rules.gradeRequired' };
    else if (seen.has(row.creditGrade))
      problems[`creditTerms.${i}.creditGrade`] = { key: 'classification.rules.gradeTwice' };
    seen.add(row.creditGrade);
    const paymentDays = whole(`creditTerms.${i}.paymentDays`, row.paymentDays, 0, 365);
    const limit = row.limitYuan.trim().replace(/,/g, '');
    let suggestedLimitCents: number | null = null;
    if (limit !== '') {
      if (YUAN.test(limit)) suggestedLimitCents = yuanToCents(Number(limit));
      else problems[`creditTerms.${i}.suggestedLimitCents`] = { key: 'classification.rules.amountInvalid' };
    }
    return { creditGrade: row.creditGrade, paymentDays, suggestedLimitCents, handling: row.handling.trim() };
  });
  if (Object.keys(problems).length > 0) return { rules: null, problems };
  const parsed = ClassificationRulesSchema.safeParse({
    newMonths,
    lapsedMonths,
    keyPercent,
    generalPercent,
    creditTerms,
  });
  // The checks above cover the schema; should it ever refuse more, the field is still named.
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems[issue.path.map(String).join('.')] = { key: 'classification.rules.invalid' };
    }
    return { rules: null, problems };
  }
  return { rules: parsed.data, problems };
}
