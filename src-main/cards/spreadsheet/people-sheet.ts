import { emptyPerson, type Person } from '../../../src-shared/cards/card';
import { CARD_FIELDS, PERSON_FIELDS } from '../../../src-shared/cards/card-fields';
import type { FieldProblem } from '../../../src-shared/cards/card-schema';
import type { ImportColumn } from '../../../src-shared/cards/import-report';
import { KedangError } from '../../errors';
import { parseRole, parseText, parseWhole } from './cell-parsing';
import { buildTargetKeys, findHeaderRow, resolveColumns } from './header-mapping';
import { cellText, isBlankRow, type CellValue, type ImportSheet } from './sheet-rows';

/** The people sheet's code column: the customer code the person belongs to. */
export const PERSON_CODE_COLUMN = 'code';

const PERSON_SYNONYMS: Partial<Record<keyof Person, readonly string[]>> = {
  role: ['角色', '人员类型', '类别', '人员身份'],
  name: ['名字', '人员姓名', '联系人'],
  title: ['职位', '岗位'],
  phone: ['手机', '手机号', '联系电话', '电话号码'],
  hobbies: ['爱好', '兴趣爱好'],
  family: ['家庭情况'],
  education: ['教育程度'],
  abilities: ['特长'],
};

const codeField = CARD_FIELDS.find((f) => f.path === 'basic.code')!;
const PERSON_KEYS = buildTargetKeys([
  { target: PERSON_CODE_COLUMN, zh: codeField.zh, en: codeField.en, synonyms: codeField.synonyms },
  ...PERSON_FIELDS.map((f) => ({ target: f.key, zh: f.zh, en: f.en, synonyms: PERSON_SYNONYMS[f.key] ?? [] })),
]);
const PERSON_TARGETS = new Set<string>(['', PERSON_CODE_COLUMN, ...PERSON_FIELDS.map((f) => f.key)]);

/** One person row of the people sheet. */
export interface SheetPerson {
  row: number;
  /** The customer code as written, trimmed. */
  code: string;
  person: Person;
  problems: { field: keyof Person; problem: FieldProblem }[];
  cells: CellValue[];
}

export interface PeopleSheet {
  name: string;
  headerRow: number;
  headers: string[];
  columns: ImportColumn[];
  rows: SheetPerson[];
  /** Rows by customer code, compared without case as codes are. */
  byCode: Map<string, SheetPerson[]>;
}

export const codeKey = (code: string) => code.normalize('NFKC').trim().toLowerCase();

/**
 * Reads the 人员 sheet: one row per person, tied to its card by 客户编码.
 * An empty sheet is no sheet; a sheet with rows but no recognisable header
 * is refused (IMPORT_NO_HEADER) rather than its people silently dropped.
 */
export function readPeopleSheet(sheet: ImportSheet | null): PeopleSheet | null {
  if (!sheet || sheet.rows.every((r) => isBlankRow(r.cells))) return null;
  const headerIndex = findHeaderRow(sheet.rows, undefined, PERSON_KEYS);
  const headerRow = sheet.rows[headerIndex]!;
  const headers = headerRow.cells.map(cellText);
  const columns = resolveColumns(headers, undefined, {
    keys: PERSON_KEYS,
    isTarget: (t) => PERSON_TARGETS.has(t),
    required: PERSON_CODE_COLUMN,
  });
  if (!columns.some((c) => c.target === 'name')) throw new KedangError('IMPORT_MAPPING_INVALID', { missing: 'name' });
  const rows: SheetPerson[] = [];
  const byCode = new Map<string, SheetPerson[]>();
  for (const { row, cells } of sheet.rows.slice(headerIndex + 1)) {
    if (isBlankRow(cells)) continue;
    const person = emptyPerson('contact');
    const problems: SheetPerson['problems'] = [];
    let code = '';
    columns.forEach((column, i) => {
      const cell = cells[i] ?? null;
      if (column.target === PERSON_CODE_COLUMN) code = cellText(cell);
      else if (column.target === 'role') {
        const parsed = parseRole(cell);
        if ('value' in parsed) person.role = parsed.value;
        else if ('problem' in parsed) problems.push({ field: 'role', problem: parsed.problem });
      } else if (column.target === 'age') {
        const parsed = parseWhole(cell);
        if ('value' in parsed) person.age = parsed.value;
        else if ('problem' in parsed) problems.push({ field: 'age', problem: parsed.problem });
      } else if (column.target) {
        const parsed = parseText(cell);
        if ('value' in parsed) (person as unknown as Record<string, string>)[column.target] = parsed.value;
      }
    });
    const entry: SheetPerson = { row, code, person, problems, cells };
    rows.push(entry);
    if (code) {
      const list = byCode.get(codeKey(code));
      if (list) list.push(entry);
      else byCode.set(codeKey(code), [entry]);
    }
  }
  return { name: sheet.name, headerRow: headerRow.row, headers, columns, rows, byCode };
}
