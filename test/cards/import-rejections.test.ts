import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src-main/cards/spreadsheet/read-xlsx';
import { cellText } from '../../src-main/cards/spreadsheet/sheet-rows';
import { IMPORT_TARGETS } from '../../src-shared/cards/import-targets';
import { cardsByCode, FIXTURES, importInput, importOffice, importRows, type ImportOffice } from './import-support';

const LIBREOFFICE_XLSX = join(FIXTURES, 'libreoffice-cards.xlsx');
const texts = (cells: readonly unknown[]) => cells.map((c) => cellText((c ?? null) as never));

describe('the rejected rows, to fix and import again', () => {
  let office: ImportOffice;
  const dir = mkdtempSync(join(tmpdir(), 'kedang-rejections-'));
  beforeAll(async () => {
    office = await importOffice();
  });
  afterAll(async () => {
    await office?.fx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are saved with the file’s own columns, their row number and the reasons, people with them', async () => {
    const { fx, custodian } = office;
    const path = join(dir, '未通过.xlsx');
    fx.chooseFileAnswers.push(path);
    const saved = await fx.ok(custodian, 'cards.importRejections', importInput(LIBREOFFICE_XLSX));
    expect(saved).toEqual({ path, rows: 2 });
    const book = await readXlsx(path);
    const [header, row] = book.cards.rows;
    expect(texts(header!.cells)).toEqual([
      '客户编码',
      '客户名称',
      '简称',
      '统一社会信用代码',
      '地址',
      '联系电话',
      '创业时间',
      '开始交易时间',
      '注册资本（万元）',
      '职工人数',
      '信用额度（元）',
      '账期（天）',
      '客户性质',
      '客户等级',
      '信用等级',
      '行业',
      '区域',
      '路线',
      '路序',
      '基础资料·来源',
      '基础资料·已核实',
      '联系人·姓名',
      '联系人·电话',
      '行号',
      '原因',
    ]);
    expect(book.cards.rows).toHaveLength(2);
    expect(row!.cells[0]).toBe('HX1004');
    expect(row!.cells[7]).toBe('明年');
    expect(row!.cells[23]).toBe(6);
    expect(String(row!.cells[24])).toContain('客户名称：必填');
    expect(String(row!.cells[24])).toContain('客户性质：不是可选的值');
    expect(book.people!.rows.map((r) => texts(r.cells))).toEqual([
      ['客户编码', '身份', '姓名', '职务', '电话', '年龄', '行号', '原因'],
      ['HX9999', '联系人', '孤儿', '', '', '', '5', '客户编码“HX9999”在客户档案表中没有对应的行'],
    ]);
    const logged = await importRows(office);
    expect(logged.at(-1)).toMatchObject({
      outcome: 'success',
      target: path,
      detail: 'libreoffice-cards.xlsx：保存未通过的 2 行',
    });
  });

  it('once fixed, the saved file imports: its row number and reasons columns are passed over', async () => {
    const { fx, custodian } = office;
    const path = join(dir, '未通过.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('客户档案')!;
    sheet.getCell('B2').value = '成都天府商贸有限公司';
    sheet.getCell('D2').value = null;
    sheet.getCell('H2').value = '2023/10/1';
    sheet.getCell('M2').value = '普通公司';
    const fixed = join(dir, '已改正.xlsx');
    await book.xlsx.writeFile(fixed);

    const report = await fx.ok(custodian, 'cards.importPreview', importInput(fixed));
    expect(report.columns.find((c) => c.header === '行号')?.target).toBe('');
    expect(report).toMatchObject({ toCreate: 1, rejectedCount: 0, rejectedPeopleCount: 1 });
    await fx.ok(custodian, 'cards.importCommit', importInput(fixed));
    const card = (await cardsByCode(office)).get('HX1004')!;
    expect(card.basic).toMatchObject({ name: '成都天府商贸有限公司', tradingSince: '2023-10-01' });
    expect(card.classification.nature).toBe('company');
  });
});

describe('many rejected rows', () => {
  let office: ImportOffice;
  const dir = mkdtempSync(join(tmpdir(), 'kedang-many-rejections-'));
  beforeAll(async () => {
    office = await importOffice();
  });
  afterAll(async () => {
    await office?.fx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the report lists the first thousand and counts them all; the workbook holds them all', async () => {
    const { fx, custodian } = office;
    const csv = join(dir, 'bad.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `客户${i},不是日期`);
    writeFileSync(csv, ['客户名称,创业时间', ...rows].join('\n'));
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(csv));
    expect(report).toMatchObject({ totalRows: 1500, rejectedCount: 1500, toCreate: 0 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected.at(-1)).toEqual({ row: 1001, reasons: ['创业时间：日期格式应为 年-月-日，如 2024-03-15'] });
    const path = join(dir, 'rejected.xlsx');
    fx.chooseFileAnswers.push(path);
    expect(await fx.ok(custodian, 'cards.importRejections', importInput(csv))).toEqual({ path, rows: 1500 });
    const book = await readXlsx(path);
    expect(book.cards.rows).toHaveLength(1501);
    expect(book.cards.rows.at(-1)!.cells.slice(0, 3)).toEqual(['客户1499', '不是日期', 1501]);
  });
});

describe('the import template', () => {
  let office: ImportOffice;
  const dir = mkdtempSync(join(tmpdir(), 'kedang-template-'));
  beforeAll(async () => {
    office = await importOffice();
  });
  afterAll(async () => {
    await office?.fx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every import column, an example row, a people sheet and instructions with the dictionary values', async () => {
    const { fx, custodian } = office;
    // A region the office has, so the instructions list it.
    await fx.ok(custodian, 'cards.importCommit', importInput(join(FIXTURES, 'erp-customers-gbk.csv')));
    const path = join(dir, '模板.xlsx');
    fx.chooseFileAnswers.push(path);
    expect(await fx.ok(custodian, 'cards.importTemplate', {})).toEqual({ path });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['客户档案', '人员', '说明']);
    const cards = book.getWorksheet('客户档案')!;
    expect((cards.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_TARGETS.map((t) => t.zh));
    expect(cards.rowCount).toBe(2);
    expect((book.getWorksheet('人员')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '客户编码',
      '身份',
      '姓名',
      '职务',
      '电话',
      '性格',
      '嗜好',
      '家庭',
      '学历',
      '年龄',
      '能力',
    ]);
    const notes: string[] = [];
    book.getWorksheet('说明')!.eachRow((row) => notes.push((row.values as unknown[]).slice(1).join(' | ')));
    const text = notes.join('\n');
    expect(text).toContain('客户性质：可选值 | 政府机构（government）、特殊公司（special）、普通公司（company）');
    expect(text).toContain('区域：可选值（表中没有的值导入时自动加入） | 华北、华东、华南');
    expect(text).toContain('2024年3月15日');
    const logged = await importRows(office);
    expect(logged.at(-1)).toMatchObject({ outcome: 'success', detail: '导入模板' });
  });

  it('imports as it is: the example row is a valid card', async () => {
    const { fx, custodian } = office;
    const path = join(dir, '模板.xlsx');
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(path));
    expect(report.columns.every((c) => c.target !== '' && c.suggested)).toBe(true);
    expect(report).toMatchObject({ totalRows: 1, toCreate: 1, rejectedCount: 0 });
    await fx.ok(custodian, 'cards.importCommit', importInput(path));
    const example = [...(await cardsByCode(office)).values()].find((c) => c.basic.name.startsWith('示例'))!;
    expect(example.basic).toMatchObject({ registeredCapital: 500, founded: '2008-06-18' });
    expect(example.classification).toMatchObject({ nature: 'government', region: '华北' });
    expect(example.people.map((p) => [p.role, p.name])).toEqual([
      ['legal_rep', '李秀英'],
      ['contact', '张伟'],
    ]);
  });

  it('explains itself in English to an English-speaking user', async () => {
    const { fx, custodian } = office;
    await fx.ok(custodian, 'app.setLanguage', { language: 'en' });
    const path = join(dir, 'template-en.xlsx');
    fx.chooseFileAnswers.push(path);
    await fx.ok(custodian, 'cards.importTemplate', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const first = book.getWorksheet('说明')!.getRow(1).getCell(1).value;
    expect(first).toBe('How to fill in');
  });
});
