import { PERSON_ROLES, type PersonRole } from './card';
import { CARD_FIELDS, PERSON_FIELDS, PERSON_ROLE_LABELS } from './card-fields';

/**
 * What a column of an import file can be mapped to: a scalar card field
 * (its path, e.g. `basic.name`) or one field of the first person with a
 * given role (`person.contact.phone`), which is how ERP exports carry
 * 联系人 / 联系电话 / 法人代表. '' means the column is ignored.
 */
export interface ImportTarget {
  target: string;
  zh: string;
  en: string;
  synonyms: readonly string[];
}

const PERSON_SYNONYMS: Partial<Record<PersonRole, Partial<Record<string, readonly string[]>>>> = {
  contact: {
    name: ['联系人', '联系人姓名', '联系人名称'],
    phone: ['联系人电话', '联系人手机', '手机', '手机号', '移动电话'],
    title: ['联系人职务'],
  },
  legal_rep: { name: ['法人代表', '法定代表人', '法人'], phone: ['法人电话'] },
  owner: { name: ['所有者', '老板', '负责人', '业主'], phone: ['负责人电话', '老板电话'] },
  manager: { name: ['经营管理者', '经理', '总经理'], phone: ['经理电话'] },
};

export const PERSON_TARGETS: readonly ImportTarget[] = PERSON_ROLES.flatMap((role) =>
  PERSON_FIELDS.filter((f) => f.key !== 'role').map((f) => ({
    target: `person.${role}.${f.key}`,
    zh: `${PERSON_ROLE_LABELS[role].zh}·${f.zh}`,
    en: `${PERSON_ROLE_LABELS[role].en} · ${f.en}`,
    synonyms: PERSON_SYNONYMS[role]?.[f.key] ?? [],
  })),
);

export const IMPORT_TARGETS: readonly ImportTarget[] = [
  ...CARD_FIELDS.map((f) => ({ target: f.path, zh: f.zh, en: f.en, synonyms: f.synonyms })),
  ...PERSON_TARGETS,
];

export function isImportTarget(value: string): boolean {
  return value === '' || IMPORT_TARGETS.some((t) => t.target === value);
}
