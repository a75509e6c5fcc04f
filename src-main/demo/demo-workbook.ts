import ExcelJS from 'exceljs';
import { CLASSIFICATION_AXES, PERSON_ROLES, type CardContent } from '../../src-shared/cards/card';
import {
  CARD_FIELDS,
  PERSON_FIELDS,
  PERSON_ROLE_LABELS,
  SOURCE_LABELS,
  fieldValue,
} from '../../src-shared/cards/card-fields';
import { DEFAULT_DICTIONARIES } from '../../src-shared/cards/dictionaries';
import { demoRegionsAndRoutes } from './demo-cards';

/**
 * Writes demo cards as an import workbook, the way an office's spreadsheet
 * of customers looks: one row per customer on a 客户档案 sheet under Chinese
 * column names the import recognises, classifications as their labels (as
 * their codes where two regions share a label), the
 * first person of each role in its own columns, and a 分类字典 sheet giving
 * the codes of the demo regions and routes. Written with exceljs's
 * streaming writer, so that 100,000 rows never sit in memory as a workbook.
 */
export async function writeDemoWorkbook(
  path: string,
  cards: Iterable<CardContent>,
  options: { codeFrom?: number } = {},
): Promise<{ rows: number; columns: number }> {
  const labels = new Map<string, string>();
  for (const axis of CLASSIFICATION_AXES) {
    for (const [code, label] of DEFAULT_DICTIONARIES[axis]) labels.set(`${axis}\u0000${code}`, label);
  }
  const demoEntries = demoRegionsAndRoutes();
  // A label two entries share (朝阳区 in Beijing and in Changchun) would be read back as either: write the code.
  const shared = new Map<string, number>();
  for (const e of demoEntries)
    shared.set(`${e.axis}\u0000${e.label}`, (shared.get(`${e.axis}\u0000${e.label}`) ?? 0) + 1);
  for (const e of demoEntries) {
    if (shared.get(`${e.axis}\u0000${e.label}`) === 1) labels.set(`${e.axis}\u0000${e.code}`, e.label);
  }

  const personColumns = PERSON_ROLES.flatMap((role) =>
    PERSON_FIELDS.filter((f) => f.key !== 'role').map((f) => ({ role, field: f })),
  );
  const header = [
    ...CARD_FIELDS.map((f) => f.zh),
    ...personColumns.map(({ role, field }) => `${PERSON_ROLE_LABELS[role].zh}·${field.zh}`),
  ];

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('客户档案');
  sheet.addRow(header).commit();
  let rows = 0;
  let code = options.codeFrom ?? 1;
  for (const card of cards) {
    const cells: (string | number | null)[] = CARD_FIELDS.map((field) => {
      if (field.path === 'basic.code') return card.basic.code || `KH${String(code).padStart(6, '0')}`;
      const value = fieldValue(card, field.path);
      if (value === null || value === '') return null;
      switch (field.kind) {
        case 'dictionary':
          return labels.get(`${field.axis}\u0000${String(value)}`) ?? String(value);
        case 'source':
          return SOURCE_LABELS[value as keyof typeof SOURCE_LABELS].zh;
        case 'verified':
          return value ? '是' : '否';
        default:
          return typeof value === 'boolean' ? (value ? '是' : '否') : value;
      }
    });
    for (const { role, field } of personColumns) {
      const person = card.people.find((p) => p.role === role);
      const value = person ? person[field.key] : null;
      cells.push(value === null || value === '' || value === undefined ? null : value);
    }
    sheet.addRow(cells).commit();
    rows += 1;
    code += 1;
  }
  sheet.commit();

  const dictionary = workbook.addWorksheet('分类字典');
  dictionary.addRow(['分类', '编码', '名称', '英文名称', '上级编码']).commit();
  for (const e of demoEntries) {
    dictionary.addRow([e.axis === 'region' ? '区域' : '路线', e.code, e.label, e.labelEn, e.parentCode ?? '']).commit();
  }
  dictionary.commit();
  await workbook.commit();
  return { rows, columns: header.length };
}
