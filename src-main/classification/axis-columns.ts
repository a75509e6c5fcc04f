import type { ClassificationAxis } from '../../src-shared/cards/card';
import type { CustomersTable } from '../store/schema';

/** The list column of `customers` holding each classification axis (a copy of the current version's value). */
export const AXIS_COLUMNS = {
  nature: 'nature',
  ownership: 'ownership',
  businessType: 'business_type',
  locationType: 'location_type',
  grade: 'grade',
  creditGrade: 'credit_grade',
  industry: 'industry',
  region: 'region',
  route: 'route',
} as const satisfies Record<ClassificationAxis, keyof CustomersTable>;
