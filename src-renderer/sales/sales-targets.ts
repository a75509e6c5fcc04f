import type { ComboboxData } from '@mantine/core';
import type { Language } from '../../src-shared/errors';
import { SALES_TARGET_INFO, targetsOf, type SalesImportKind, type SalesTarget } from '../../src-shared/sales/sales';
import type { Translate } from '../i18n/I18nProvider';
import { IGNORE } from '../spreadsheet-import/column-mapping';

/** A target's name in the reader's language. */
export function targetLabel(target: SalesTarget, language: Language): string {
  return SALES_TARGET_INFO[target][language];
}

/** What the mapping select offers for a file of this kind: "not imported", then the kind's targets. */
export function targetOptions(kind: SalesImportKind, language: Language, t: Translate): ComboboxData {
  return [
    { value: IGNORE, label: t('sales.ignore') },
    ...targetsOf(kind).map((target) => ({ value: target, label: targetLabel(target, language) })),
  ];
}

/**
 * What the mapping still lacks, as main would refuse it (SALES_MAPPING_INVALID): a customer
 * column, the targets every row needs, a document number for a line number. Empty when complete.
 */
export function mappingProblems(kind: SalesImportKind, targets: readonly string[], language: Language, t: Translate) {
  const chosen = new Set(targets.filter((x) => x !== ''));
  const problems: string[] = [];
  if (!['customerCode', 'customerCreditCode', 'customerName'].some((x) => chosen.has(x))) {
    problems.push(t('sales.needsCustomer'));
  }
  const required: SalesTarget[] = [
    'date',
    'amount',
    ...(kind === 'sales' ? (['productCode', 'quantity'] as const) : []),
  ];
  const missing = required.filter((x) => !chosen.has(x));
  if (missing.length > 0) {
    problems.push(
      t('sales.needsColumns', {
        targets: missing.map((x) => targetLabel(x, language)).join(t('common.listSeparator')),
      }),
    );
  }
  if (chosen.has('docLine') && !chosen.has('docRef')) problems.push(t('sales.docLineAlone'));
  return problems;
}
