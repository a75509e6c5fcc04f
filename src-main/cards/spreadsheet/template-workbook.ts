import ExcelJS from 'exceljs';
import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../../src-shared/cards/card';
import { CARD_FIELDS, PERSON_ROLE_LABELS, SOURCE_LABELS } from '../../../src-shared/cards/card-fields';
import { creditCodeCheckChar } from '../../../src-shared/cards/credit-code';
import { IMPORT_TARGETS } from '../../../src-shared/cards/import-targets';
import type { Language } from '../../../src-shared/errors';
import { PEOPLE_SHEET_HEADERS } from './export-cells';
import { OPEN_AXES } from './import-references';
import { IMPORT_LIMITS, SHEET_NAMES, type CellValue } from './sheet-rows';
import { writeWorkbookFile } from './workbook-file';

export interface TemplateDictionaryEntry {
  axis: string;
  code: string;
  label: string;
}

const EXAMPLE_CREDIT_BODY = '91110108MA01C8XK2';

/** The example row: a complete, valid card, so that the template itself imports. */
function exampleValues(firstLabel: (axis: ClassificationAxis) => string): Record<string, CellValue> {
  return {
    'basic.name': '示例：北京华信商贸有限公司（导入前请删除此行）',
    'basic.shortName': '华信商贸',
    'basic.creditCode': EXAMPLE_CREDIT_BODY + creditCodeCheckChar(EXAMPLE_CREDIT_BODY),
    'basic.address': '北京市海淀区中关村大街 1 号',
    'basic.phone': '010-8821 3456',
    'basic.email': 'office@example.cn',
    'basic.founded': '2008-06-18',
    'basic.tradingSince': '2020-01-01',
    'basic.organizationForm': '有限责任公司',
    'basic.registeredCapital': 500,
    'basic.employees': 80,
    'basic.annualSales': 3200,
    'characteristics.serviceArea': '京津冀',
    'characteristics.growthPotential': '较大',
    'business.cooperationAttitude': '积极',
    'trading.creditLimit': 200000,
    'trading.paymentTermsDays': 30,
    'trading.tradeTerms': '月结 30 天',
    'trading.creditStatus': '良好',
    ...Object.fromEntries(CLASSIFICATION_AXES.map((axis) => [`classification.${axis}`, firstLabel(axis) || null])),
    'sources.basic.source': SOURCE_LABELS.rep_visit.zh,
    'sources.basic.verified': '否',
    'person.contact.name': '张伟',
    'person.contact.title': '采购主管',
    'person.contact.phone': '13700001111',
    'person.legal_rep.name': '李秀英',
  };
}

const NOTES: Record<Language, { title: string; rows: [string, string][] }> = {
  zh: {
    title: '填写说明',
    rows: [
      [
        '表头',
        '“客户档案”表第一行为列名（其上可有标题行）。不需要的列可删除，列的顺序不限；其他系统导出的列名（如“客户全称”“联系人”“信用额度”）也能识别，导入时可调整对应关系。客户名称必填。',
      ],
      [
        '人员表',
        '“人员”表每行一人，用“客户编码”对应到客户；一个客户的全部人员都列在此表时，以此表为准。“客户档案”表中的“联系人·姓名”等列填写该身份的第一个人员。',
      ],
      ['日期', '2024-03-15、2024/3/15、2024.3.15、2024年3月15日、20240315 或 Excel 日期单元格均可。'],
      [
        '金额',
        '可带千位分隔符、￥ 和单位。注册资本、年销售额以万元计，信用额度以元计；写“50万”“500,000元”会自动换算。',
      ],
      ['已核实', '是 / 否（也可写 已核实 / 未核实、true / false、1 / 0）。标为“是”的部分记为导入人核实。'],
      [
        '来源',
        `${Object.values(SOURCE_LABELS)
          .map((l) => l.zh)
          .join('、')}。未填写时新卡各部分记为“其他”、未核实。`,
      ],
      [
        '身份',
        Object.values(PERSON_ROLE_LABELS)
          .map((l) => l.zh)
          .join('、'),
      ],
      ['负责业务员', '填写业务员的用户名（或唯一的姓名），须为有效的业务员账户。'],
      [
        '重复客户',
        '按客户编码、统一社会信用代码、客户名称（去掉“有限公司”等字样）依次识别。导入时可选择：跳过、更新已有卡、或一律新建。',
      ],
      ['更新', '更新已有卡时，空白单元格不会清除卡上原有内容；要清除请在档案卡上修改。'],
      ['上限', `每个文件不超过 200 MB、${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行；更大的文件请分批导入。`],
    ],
  },
  en: {
    title: 'How to fill in',
    rows: [
      [
        'Header',
        'The first row of the 客户档案 sheet holds the column names (a title row above it is fine). Remove columns you do not need, in any order; column names from other systems are recognised too and the mapping can be changed when importing. 客户名称 (name) is required.',
      ],
      [
        'People sheet',
        "The 人员 sheet has one person per row, tied to the customer by 客户编码. When it lists a customer's people, it is their whole list. Person columns on the card sheet (联系人·姓名 …) fill in the first person of that role.",
      ],
      ['Dates', '2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 20240315 or an Excel date cell.'],
      [
        'Amounts',
        'Thousands separators, ￥ and units are allowed. Registered capital and annual sales are in 10k CNY (万元), the credit limit in CNY (元); 50万 or 500,000元 are converted.',
      ],
      [
        'Verified',
        '是 / 否 (or 已核实 / 未核实, true / false, 1 / 0). Sections marked 是 are recorded as verified by the importing user.',
      ],
      [
        'Source',
        `${Object.values(SOURCE_LABELS)
          .map((l) => `${l.zh} (${l.en})`)
          .join(', ')}. Left empty, a new card's sections are 其他 (other) and unverified.`,
      ],
      [
        'Role',
        Object.values(PERSON_ROLE_LABELS)
          .map((l) => `${l.zh} (${l.en})`)
          .join(', '),
      ],
      ['Assigned rep', "The rep's user name (or unique display name); it must be an active sales rep account."],
      [
        'Duplicates',
        'Recognised by customer code, then credit code, then name (without 有限公司 and the like). Choose when importing: skip, update the existing card, or always create.',
      ],
      [
        'Updates',
        'When a card is updated, blank cells do not clear what the card holds; clear a field on the card itself.',
      ],
      [
        'Limits',
        `At most 200 MB and ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows per file; import larger files in parts.`,
      ],
    ],
  },
};

const ALLOWED: Record<Language, (open: boolean) => string> = {
  zh: (open) => (open ? '可选值（表中没有的值导入时自动加入）' : '可选值'),
  en: (open) => (open ? 'allowed values (new values are added on import)' : 'allowed values'),
};

/**
 * The import template: the 客户档案 sheet with every importable column in
 * export order and one example row, an empty 人员 sheet with its columns,
 * and a 说明 sheet explaining the formats and listing each classification's
 * current values from the dictionaries.
 */
export async function writeTemplateWorkbook(
  path: string,
  dictionary: readonly TemplateDictionaryEntry[],
  language: Language,
): Promise<void> {
  const firstLabel = (axis: ClassificationAxis) => dictionary.find((d) => d.axis === axis)?.label ?? '';
  const example = exampleValues(firstLabel);
  if (!firstLabel('route')) example['classification.routeOrder'] = null;
  else example['classification.routeOrder'] = 1;

  const book = new ExcelJS.Workbook();
  book.creator = 'Kedang 客档';
  book.title = '客户档案导入模板';
  const cards = book.addWorksheet(SHEET_NAMES.cards, { views: [{ state: 'frozen', ySplit: 1 }] });
  cards.columns = IMPORT_TARGETS.map((t) => ({ width: Math.max(10, Math.min(30, t.zh.length * 2 + 2)) }));
  const header = cards.addRow(IMPORT_TARGETS.map((t) => t.zh));
  header.font = { bold: true };
  header.getCell(IMPORT_TARGETS.findIndex((t) => t.target === 'basic.name') + 1).font = {
    bold: true,
    color: { argb: 'FFC00000' },
  };
  cards.addRow(IMPORT_TARGETS.map((t) => example[t.target] ?? null));

  const people = book.addWorksheet(SHEET_NAMES.people, { views: [{ state: 'frozen', ySplit: 1 }] });
  people.columns = PEOPLE_SHEET_HEADERS.map(() => ({ width: 14 }));
  people.addRow([...PEOPLE_SHEET_HEADERS]).font = { bold: true };

  const notes = book.addWorksheet(SHEET_NAMES.notes);
  notes.columns = [{ width: 22 }, { width: 100 }];
  notes.addRow([NOTES[language].title]).font = { bold: true, size: 14 };
  for (const row of NOTES[language].rows) notes.addRow(row);
  notes.addRow([]);
  for (const axis of CLASSIFICATION_AXES) {
    const field = CARD_FIELDS.find((f) => f.axis === axis)!;
    const values = dictionary
      .filter((d) => d.axis === axis)
      .map((d) => (d.label === d.code ? d.label : `${d.label}（${d.code}）`));
    notes.addRow([
      `${language === 'zh' ? field.zh : field.en}：${ALLOWED[language](OPEN_AXES.has(axis))}`,
      values.join(language === 'zh' ? '、' : ', ') || '—',
    ]);
  }
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(1).alignment = { vertical: 'top' };

  await writeWorkbookFile(path, (part) => book.xlsx.writeFile(part));
}
