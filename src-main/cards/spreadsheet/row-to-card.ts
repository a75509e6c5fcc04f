import {
  emptyCard,
  emptyPerson,
  PERSON_ROLES,
  SECTION_KEYS,
  type CardContent,
  type ClassificationAxis,
  type Person,
  type PersonRole,
} from '../../../src-shared/cards/card';
import { CARD_FIELDS, PERSON_FIELDS, PERSON_ROLE_LABELS, type CardField } from '../../../src-shared/cards/card-fields';
import { CardContentSchema, completeSources, fieldProblemText } from '../../../src-shared/cards/card-schema';
import { normalizeCreditCode } from '../../../src-shared/cards/credit-code';
import type { ImportColumn } from '../../../src-shared/cards/import-report';
import { nameKey } from '../../../src-shared/cards/normalize';
import type { Language } from '../../../src-shared/errors';
import {
  parseAmount,
  parseDate,
  parseSource,
  parseText,
  parseVerified,
  parseWhole,
  type AmountUnit,
  type Parsed,
} from './cell-parsing';
import type { DictionaryLookup, RepLookup } from './import-references';
import { importText, reasonText } from './import-texts';
import type { SheetPerson } from './people-sheet';
import type { CellValue } from './sheet-rows';

type Scalar = string | number | boolean;

/** A problem with one field of a row, its label already in the reader's language. */
interface FieldIssue {
  path: string;
  label: string;
  problem: string;
}

/** What one row of the card sheet says: the values it gives, and what it gets wrong. */
export interface RowPatch {
  row: number;
  cells: CellValue[];
  /** Card fields with a value in this row; a blank cell is absent (an update keeps the card's value). */
  values: Map<string, Scalar>;
  /** Person columns with a value, per role. */
  persons: Map<PersonRole, Partial<Person>>;
  issues: FieldIssue[];
  /** What duplicates are recognised by. */
  code: string;
  creditCode: string;
  nameKey: string;
}

const FIELD_BY_PATH = new Map<string, CardField>(CARD_FIELDS.map((f) => [f.path, f]));
const PERSON_FIELD_BY_KEY = new Map(PERSON_FIELDS.map((f) => [f.key as string, f]));

/** Amounts kept in 万元 (the card's registered capital and annual sales); the credit limit is in 元. */
const AMOUNT_UNITS: Record<string, AmountUnit> = {
  'basic.registeredCapital': 'wan',
  'basic.annualSales': 'wan',
  'trading.creditLimit': 'yuan',
};

/**
 * A new card from an import starts empty, with every section's source
 * 其他 and unverified: the file does not say who collected the data, and
 * nothing in it has been checked by a custodian unless a column says so.
 */
export function importedCardDefaults(): CardContent {
  const card = emptyCard();
  for (const key of SECTION_KEYS) card.sources[key] = { ...card.sources[key], source: 'other' };
  return card;
}

function personColumn(target: string): { role: PersonRole; key: keyof Person } | null {
  const m = /^person\.(\w+)\.(\w+)$/.exec(target);
  if (!m || !(PERSON_ROLES as readonly string[]).includes(m[1]!) || !PERSON_FIELD_BY_KEY.has(m[2]!)) return null;
  return { role: m[1] as PersonRole, key: m[2] as keyof Person };
}

function fieldLabel(field: CardField, language: Language): string {
  return language === 'zh' ? field.zh : field.en;
}

function personFieldLabel(key: string, language: Language): string {
  const field = PERSON_FIELD_BY_KEY.get(key);
  return field ? (language === 'zh' ? field.zh : field.en) : key;
}

/**
 * Reads rows of the card sheet against the mapped columns. The mapping is
 * compiled once per import: 100,000 rows are read with it.
 */
export class RowReader {
  /** Mapped card fields in CARD_FIELDS order: region comes before route, whose new values are filed under it. */
  private readonly fields: { index: number; field: CardField; label: string }[] = [];
  private readonly personColumns: {
    index: number;
    target: string;
    role: PersonRole;
    key: keyof Person;
    label: string;
  }[] = [];

  constructor(
    columns: readonly ImportColumn[],
    private readonly references: { dictionary: DictionaryLookup; reps: RepLookup },
    language: Language,
  ) {
    const indexOf = new Map(columns.map((c, i) => [c.target, i] as const).filter(([t]) => t !== ''));
    for (const field of CARD_FIELDS) {
      const index = indexOf.get(field.path);
      if (index !== undefined) this.fields.push({ index, field, label: fieldLabel(field, language) });
    }
    for (const [target, index] of indexOf) {
      const column = personColumn(target);
      if (!column) continue;
      const label = `${PERSON_ROLE_LABELS[column.role][language]}·${personFieldLabel(column.key, language)}`;
      this.personColumns.push({ index, target, ...column, label });
    }
  }

  read(row: number, cells: CellValue[]): RowPatch {
    const values = new Map<string, Scalar>();
    const persons = new Map<PersonRole, Partial<Person>>();
    const issues: FieldIssue[] = [];
    let region = '';
    for (const { index, field, label } of this.fields) {
      const parsed = parseField(field, cells[index] ?? null, this.references, region);
      if ('value' in parsed) {
        values.set(field.path, parsed.value);
        if (field.path === 'classification.region') region = parsed.value as string;
      } else if ('problem' in parsed) issues.push({ path: field.path, label, problem: parsed.problem });
    }
    for (const { index, target, role, key, label } of this.personColumns) {
      const cell = cells[index] ?? null;
      const parsed = key === 'age' ? parseWhole(cell) : parseText(cell);
      if ('problem' in parsed) issues.push({ path: target, label, problem: parsed.problem });
      else if ('value' in parsed) {
        let person = persons.get(role);
        if (!person) persons.set(role, (person = {}));
        (person as Record<string, Scalar>)[key] = parsed.value;
      }
    }
    const text = (path: string) => {
      const v = values.get(path);
      return typeof v === 'string' ? v : '';
    };
    return {
      row,
      cells,
      values,
      persons,
      issues,
      code: text('basic.code'),
      creditCode: normalizeCreditCode(text('basic.creditCode')),
      nameKey: nameKey(text('basic.name')),
    };
  }
}

function parseField(
  field: CardField,
  cell: CellValue,
  references: { dictionary: DictionaryLookup; reps: RepLookup },
  regionCode: string,
): Parsed<Scalar> {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return parseText(cell);
    case 'date':
      return parseDate(cell);
    case 'amount':
      return parseAmount(cell, AMOUNT_UNITS[field.path] ?? 'yuan');
    case 'whole':
      return parseWhole(cell);
    case 'dictionary':
      return references.dictionary.resolve(field.axis as ClassificationAxis, cell, regionCode);
    case 'source':
      return parseSource(cell);
    case 'verified':
      return parseVerified(cell);
    case 'rep':
      return references.reps.resolve(cell);
  }
}

const PATH_PARTS = new Map(CARD_FIELDS.map((f) => [f.path, f.path.split('.')]));

/** setFieldValue with the paths split once, not once per cell. */
function setPath(content: CardContent, path: string, value: Scalar): void {
  const parts = PATH_PARTS.get(path)!;
  let node = content as unknown as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) node = node[parts[i]!] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** Where a person of the built card came from, to name it in a message. */
type PersonOrigin = { kind: 'column'; role: PersonRole } | { kind: 'sheet'; row: number } | { kind: 'kept' };

/** A validated card, or the reasons it cannot be imported. */
export type BuiltCard = { content: CardContent } | { reasons: string[] };

/**
 * The card a row makes: its values over `base` (the import defaults for a
 * new card, the current card for an update). The people sheet's rows for
 * this card, when there are any, are its whole list of people; person
 * columns then fill in the first person of their role (or add one). The
 * result is checked with the same schema as the card form. `base` is
 * changed in place: pass a copy of a card that must stay as it is.
 */
export function buildCard(
  base: CardContent,
  patch: RowPatch,
  sheetPeople: readonly SheetPerson[] | undefined,
  language: Language,
): BuiltCard {
  const content = base;
  for (const [path, value] of patch.values) setPath(content, path, value);
  const issues = [...patch.issues];
  let origins: PersonOrigin[] = content.people.map(() => ({ kind: 'kept' }));
  if (sheetPeople && sheetPeople.length > 0) {
    content.people = sheetPeople.map((p) => ({ ...p.person }));
    origins = sheetPeople.map((p) => ({ kind: 'sheet', row: p.row }));
    for (const p of sheetPeople) {
      for (const { field, problem } of p.problems) {
        const label = `${importText('personSheetRow', language, { row: p.row })}·${personFieldLabel(field, language)}`;
        issues.push({ path: `sheet.${p.row}.${field}`, label, problem });
      }
    }
  }
  for (const role of PERSON_ROLES) {
    const values = patch.persons.get(role);
    if (!values) continue;
    const at = content.people.findIndex((p) => p.role === role);
    if (at >= 0) {
      content.people[at] = { ...content.people[at]!, ...values };
      origins[at] = { kind: 'column', role };
    } else {
      content.people.push({ ...emptyPerson(role), ...values });
      origins.push({ kind: 'column', role });
    }
  }

  const parsed = CardContentSchema.safeParse(content);
  if (parsed.success && issues.length === 0) return { content: completeSources(parsed.data) };
  const reported = new Set(issues.map((i) => i.path));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const label = issueLabel(path, origins, language);
      const key = personIssueKey(path, origins) ?? path.join('.');
      if (reported.has(key)) continue;
      reported.add(key);
      issues.push({ path: key, label, problem: issue.message });
    }
  }
  return { reasons: issues.map((i) => reasonText(i.label, fieldProblemText(i.problem, language), language)) };
}

/** A person problem's key as the row reading would have reported it, so it is not said twice. */
function personIssueKey(path: string[], origins: PersonOrigin[]): string | null {
  if (path[0] !== 'people' || path.length < 3) return null;
  const origin = origins[Number(path[1])];
  if (origin?.kind === 'column') return `person.${origin.role}.${path[2]}`;
  if (origin?.kind === 'sheet') return `sheet.${origin.row}.${path[2]}`;
  return null;
}

function issueLabel(path: string[], origins: PersonOrigin[], language: Language): string {
  if (path[0] === 'people') {
    if (path.length < 3) return importText('people', language);
    const index = Number(path[1]);
    const origin = origins[index];
    const field = personFieldLabel(path[2]!, language);
    if (origin?.kind === 'column') return `${PERSON_ROLE_LABELS[origin.role][language]}·${field}`;
    if (origin?.kind === 'sheet') return `${importText('personSheetRow', language, { row: origin.row })}·${field}`;
    return `${importText('personNumber', language, { n: index + 1 })}·${field}`;
  }
  const field = FIELD_BY_PATH.get(path.join('.'));
  return field ? fieldLabel(field, language) : path.join('.');
}
