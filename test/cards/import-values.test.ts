import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseAmount,
  parseDate,
  parseRole,
  parseSource,
  parseVerified,
  parseWhole,
} from '../../src-main/cards/spreadsheet/cell-parsing';
import {
  findHeaderRow,
  headerKey,
  resolveColumns,
  suggestedTarget,
} from '../../src-main/cards/spreadsheet/header-mapping';
import { openImportFile } from '../../src-main/cards/spreadsheet/open-import-file';
import { readXlsx } from '../../src-main/cards/spreadsheet/read-xlsx';
import { decodeText } from '../../src-main/cards/spreadsheet/text-encoding';
import { XmlEventReader } from '../../src-main/cards/spreadsheet/xml-events';
import { isDateFormat } from '../../src-main/cards/spreadsheet/xlsx-parts';
import { IMPORT_TARGETS } from '../../src-shared/cards/import-targets';
import { workbookParts, zipOf } from './import-support';

describe('dates as offices write them', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024/3/15', '2024-03-15'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月15日', '2024-03-15'],
    ['２０２４年３月１５日', '2024-03-15'],
    ['20240315', '2024-03-15'],
    ['2024-03-15 14:30:00', '2024-03-15'],
    ['2024-03-15T14:30:00Z', '2024-03-15'],
    [' 2024 - 3 - 15 ', '2024-03-15'],
  ])('text %s is %s', (text, date) => {
    expect(parseDate(text)).toEqual({ value: date });
  });

  it.each(['2024-02-30', '2023-02-29', '15/03/2024', '明年', '2024-13-01', '2024'])('text %s is not a date', (text) => {
    expect(parseDate(text)).toEqual({ problem: 'invalidDate' });
  });

  it('spreadsheet serial numbers count from 1899-12-30, past Excel’s phantom 1900-02-29', () => {
    expect(parseDate(45366)).toEqual({ value: '2024-03-15' });
    expect(parseDate(45366.75)).toEqual({ value: '2024-03-15' });
    expect(parseDate(40000)).toEqual({ value: '2009-07-06' });
    expect(parseDate(61)).toEqual({ value: '1900-03-01' });
    expect(parseDate(20240315)).toEqual({ value: '2024-03-15' });
    // A bare year in a number cell is not day 2008 of the calendar (1905).
    expect(parseDate(2008)).toEqual({ problem: 'invalidDate' });
    expect(parseDate(60)).toEqual({ problem: 'invalidDate' });
  });

  it('a date cell keeps its calendar day, whatever the time of day it carries', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 15)))).toEqual({ value: '2024-03-15' });
    expect(parseDate(new Date(Date.UTC(2024, 2, 15, 23, 59, 59)))).toEqual({ value: '2024-03-15' });
    expect(parseDate(null)).toEqual({ empty: true });
    expect(parseDate('  ')).toEqual({ empty: true });
  });
});

describe('numbers as offices write them', () => {
  it('amounts with separators, currency signs, full-width digits and units', () => {
    expect(parseAmount('1,234,567.50', 'yuan')).toEqual({ value: 1234567.5 });
    expect(parseAmount('￥120,000', 'yuan')).toEqual({ value: 120000 });
    expect(parseAmount('¥ 8000元', 'yuan')).toEqual({ value: 8000 });
    expect(parseAmount('１２３４', 'yuan')).toEqual({ value: 1234 });
    expect(parseAmount('50万', 'yuan')).toEqual({ value: 500000 });
    expect(parseAmount('0.07万元', 'yuan')).toEqual({ value: 700 });
    // Registered capital is kept in 万元: an amount in 元 is converted.
    expect(parseAmount('5,000,000元', 'wan')).toEqual({ value: 500 });
    expect(parseAmount('500万', 'wan')).toEqual({ value: 500 });
    expect(parseAmount('500', 'wan')).toEqual({ value: 500 });
    expect(parseAmount(1234.5, 'yuan')).toEqual({ value: 1234.5 });
    expect(parseAmount('abc', 'yuan')).toEqual({ problem: 'notANumber' });
    expect(parseAmount('1.2.3', 'yuan')).toEqual({ problem: 'notANumber' });
    expect(parseAmount('', 'yuan')).toEqual({ empty: true });
  });

  it('counts with their unit words', () => {
    expect(parseWhole('30天')).toEqual({ value: 30 });
    expect(parseWhole('1,200人')).toEqual({ value: 1200 });
    expect(parseWhole('45 岁')).toEqual({ value: 45 });
    expect(parseWhole('三十')).toEqual({ problem: 'notANumber' });
  });
});

describe('marks and choices', () => {
  it('verified in the words people use', () => {
    for (const yes of ['是', '已核实', 'TRUE', 'yes', 'Y', '1', '√', true, 1])
      expect(parseVerified(yes)).toEqual({ value: true });
    for (const no of ['否', '未核实', 'false', 'No', '0', '×', false, 0])
      expect(parseVerified(no)).toEqual({ value: false });
    expect(parseVerified('也许')).toEqual({ problem: 'unknownValue' });
    expect(parseVerified(null)).toEqual({ empty: true });
  });

  it('sources and roles by label in either language or by code', () => {
    expect(parseSource('客户填写')).toEqual({ value: 'customer_form' });
    expect(parseSource('Investigation agency')).toEqual({ value: 'agency' });
    expect(parseSource('rep_visit')).toEqual({ value: 'rep_visit' });
    expect(parseSource('业务员拜访')).toEqual({ value: 'rep_visit' });
    expect(parseSource('网上搜的')).toEqual({ problem: 'unknownValue' });
    expect(parseRole('法定代表人')).toEqual({ value: 'legal_rep' });
    expect(parseRole('Owner')).toEqual({ value: 'owner' });
  });
});

describe('column names', () => {
  it('are folded before they are recognised', () => {
    expect(headerKey('＊信用额度（元）：')).toBe('信用额度');
    expect(headerKey(' 注册资本 (万元) ')).toBe('注册资本');
    expect(suggestedTarget('客户全称')).toBe('basic.name');
    expect(suggestedTarget('统一社会信用代码*')).toBe('basic.creditCode');
    expect(suggestedTarget('法定代表人')).toBe('person.legal_rep.name');
    expect(suggestedTarget('账期（天）')).toBe('trading.paymentTermsDays');
    expect(suggestedTarget('E-mail')).toBe('basic.email');
    expect(suggestedTarget('Credit limit (CNY)')).toBe('trading.creditLimit');
    expect(suggestedTarget('备注')).toBe('');
  });

  it('every import target is recognised by its own Chinese and English label', () => {
    for (const t of IMPORT_TARGETS) {
      expect([suggestedTarget(t.zh), suggestedTarget(t.en)]).toEqual([t.target, t.target]);
    }
  });

  const row = (row: number, ...cells: string[]) => ({ row, cells });

  it('the header is the first of the top rows naming two columns, below a title row', () => {
    const rows = [row(1, '华信商贸客户名单'), row(2, ''), row(3, '客户名称', '联系电话', '备注'), row(4, '甲', '1')];
    expect(findHeaderRow(rows, undefined)).toBe(2);
    expect(() => findHeaderRow([row(1, '甲', '乙'), row(2, '丙', '丁')], undefined)).toThrow('IMPORT_NO_HEADER');
    // The user's mapping makes unknown names count.
    expect(findHeaderRow([row(1, '甲', '乙'), row(2, '丙', '丁')], { 甲: 'basic.name', 乙: 'basic.phone' })).toBe(0);
  });

  it('a user mapping overrides the suggestion; a bad mapping is refused', () => {
    const headers = ['单位', '电话', '电话', '负责人'];
    const auto = resolveColumns(['客户名称', '电话', '电话', '负责人'], undefined);
    // Of two columns with one name, only the first is suggested.
    expect(auto.map((c) => c.target)).toEqual(['basic.name', 'basic.phone', '', 'person.owner.name']);
    const mapped = resolveColumns(headers, { 单位: 'basic.name', 负责人: 'person.manager.name' });
    expect(mapped.map((c) => [c.target, c.suggested])).toEqual([
      ['basic.name', false],
      ['basic.phone', true],
      ['', false],
      ['person.manager.name', false],
    ]);
    expect(() => resolveColumns(headers, { 单位: 'basic.nickname' })).toThrow('IMPORT_MAPPING_INVALID');
    expect(() => resolveColumns(headers, { 单位: 'basic.name', 负责人: 'basic.name' })).toThrow(
      'IMPORT_MAPPING_INVALID',
    );
    expect(() => resolveColumns(['电话', '地址'], undefined)).toThrow('IMPORT_MAPPING_INVALID');
    expect(() => resolveColumns(['客户名称', '电话'], { 客户名称: '' })).toThrow('IMPORT_MAPPING_INVALID');
  });
});

describe('text encodings', () => {
  const text = '客户名称,联系电话\r\n北京华信,010-1\r\n';
  it('UTF-8 with and without BOM, GBK, and UTF-16 from Excel’s Unicode text', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    const gbk = Buffer.from([
      0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc1, 0xaa, 0xcf, 0xb5, 0xb5, 0xe7, 0xbb, 0xb0, 0x0d, 0x0a,
    ]);
    expect(decodeText(gbk)).toEqual({ text: '客户名称,联系电话\r\n', encoding: 'gbk' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      text,
      encoding: 'utf-16le',
    });
  });

  it('binary is not text', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow(
      'IMPORT_UNREADABLE',
    );
  });
});

describe('the CSV reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Several pieces' worth of records, quoted fields with separators, quotes and line breaks among them.
  const records = Array.from({ length: 30_000 }, (_, i) => [
    `C${i}`,
    `福州宏达食品有限公司第${i}号`,
    i % 7 === 0 ? `备注第一行\r\n第二行，含"引号"和,逗号` : `地址 ${i} 号`,
    String(i * 3),
  ]);
  const csv = (separator: string) =>
    [['客户编码', '客户名称', '备注', '金额'], ...records]
      .map((r) => r.map((f) => (/[",\r\n\t]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(separator))
      .join('\r\n') + '\r\n';

  it.each([
    ['GBK, comma-separated', 'gbk', ','],
    ['UTF-8 with BOM, tab-separated', 'utf-8-bom', '\t'],
    ['UTF-16 from Excel', 'utf-16le', '\t'],
  ])('%s: every record whole, numbered as a spreadsheet shows it', async (_what, encoding, separator) => {
    const text = csv(separator);
    const bytes =
      encoding === 'gbk'
        ? iconv.encode(text, 'gbk')
        : encoding === 'utf-8-bom'
          ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
          : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Text is read in pieces of about a million characters: this is several pieces.
    expect(text.length).toBeGreaterThan(1_200_000);
    const path = join(dir, `${encoding}.csv`);
    writeFileSync(path, bytes);
    const file = await openImportFile(path);
    expect(file.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
    const rows = [];
    for await (const row of file.cardRows()) rows.push(row);
    expect(rows).toHaveLength(records.length + 1);
    expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.slice(1).map((r) => r.cells)).toEqual(records);
  });
});

describe('the xlsx reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads XML split at any point between chunks', () => {
    const xml =
      '<?xml version="1.0"?><!-- a comment --><x:row r="3" x:spans="1:2"><c r="B3" t="inlineStr"><is><t>A&amp;B &lt;华&#20449;&#x4FE1;&gt;</t></is></c><c><v><![CDATA[1<2]]></v></c><e a=\'q>"\'/></x:row>';
    const expected: string[] = [];
    const record = (into: string[]) =>
      new XmlEventReader({
        open: (name, attributes) =>
          into.push(`<${name} ${[...attributes.all()].map(([k, v]) => `${k}=${v}`).join(' ')}>`),
        close: (name) => into.push(`</${name}>`),
        text: (text) => into.push(text),
      });
    const whole = record(expected);
    whole.write(xml);
    whole.end();
    expect(expected).toContain('A&B <华信信>');
    expect(expected).toContain('1<2');
    expect(expected).toContain('<e a=q>">');
    expect(expected[0]).toBe('<row r=3 spans=1:2>');
    for (let cut = 1; cut < xml.length; cut++) {
      const got: string[] = [];
      const reader = record(got);
      reader.write(xml.slice(0, cut));
      reader.write(xml.slice(cut));
      reader.end();
      // Text may arrive in pieces; joined it is the same.
      expect(got.join('|')).toBe(expected.join('|'));
    }
  });

  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', 'm/d/yy h:mm']) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ['General', '0.00', '#,##0"元"', '[Red]0.00', '@', '0"天"']) expect(isDateFormat(f)).toBe(false);
  });

  it('reads what Excel and WPS write: prefixes, rich and phonetic text, inline strings, built-in Chinese date styles', async () => {
    const styles = `<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
      <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    const path = join(dir, 'excel.xlsx');
    writeFileSync(
      path,
      zipOf(
        workbookParts(
          [
            { name: 'Sheet0', rows: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>' },
            {
              name: '客户档案',
              rows: `<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c></x:row>
                <x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:r><x:t>北京</x:t></x:r><x:r><x:t xml:space="preserve"> 华信</x:t></x:r></x:is></x:c>
                <x:c r="B5" s="1"><x:v>45366</x:v></x:c><x:c r="C5" s="2"><x:v>40000.5</x:v></x:c><x:c r="D5" s="3"><x:v>1234.5</x:v></x:c>
                <x:c r="E5" t="b"><x:v>1</x:v></x:c><x:c r="F5" t="e"><x:v>#N/A</x:v></x:c><x:c r="G5" t="str"><x:f>A5</x:f><x:v>北京 华信</x:v></x:c>
                <x:c r="H5" t="d"><x:v>2024-03-15T00:00:00</x:v></x:c></x:row>`,
            },
          ],
          {
            prefix: 'x',
            styles,
            sharedStrings: [
              '封面',
              '客户名称',
              '<r><t>创业</t></r><r><t>时间</t></r><rPh sb="0" eb="2"><t>ソウギョウ</t></rPh>',
            ],
          },
        ),
      ),
    );
    const book = await readXlsx(path);
    expect(book.cards.name).toBe('客户档案');
    expect(book.cards.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(book.cards.rows[0]!.cells).toEqual(['客户名称', null, '创业时间']);
    expect(book.cards.rows[1]!.cells).toEqual([
      '北京 华信',
      new Date(Date.UTC(2024, 2, 15)),
      new Date(Date.UTC(2009, 6, 6)),
      1234.5,
      true,
      null,
      '北京 华信',
      '2024-03-15T00:00:00',
    ]);
  });

  it('keeps Chinese text whole where the packed stream splits a character between chunks', async () => {
    // exceljs's own streaming reader decodes each chunk separately and turns such characters into �.
    const path = join(dir, 'many.xlsx');
    const names = Array.from({ length: 3000 }, (_, i) => `福州宏达${'食品饮料批发零售'.slice(i % 5)}有限公司第${i}号`);
    for (const useSharedStrings of [true, false]) {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
      const sheet = book.addWorksheet('客户档案');
      sheet.addRow(['客户名称', '地址']).commit();
      for (const name of names) sheet.addRow([name, `${name}的仓库，位于福建省福州市鼓楼区`]).commit();
      sheet.commit();
      await book.commit();
      const read = await readXlsx(path);
      expect(read.cards.rows.slice(1).map((r) => r.cells[0])).toEqual(names);
      expect(read.cards.rows.some((r) => r.cells.some((c) => typeof c === 'string' && c.includes('\ufffd')))).toBe(
        false,
      );
    }
  });

  it('counts days from 1904 in a 1904 workbook', async () => {
    const path = join(dir, 'mac.xlsx');
    const styles = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    writeFileSync(
      path,
      zipOf(
        workbookParts([{ name: '客户档案', rows: '<row r="1"><c r="A1" s="1"><v>43904</v></c></row>' }], {
          styles,
          date1904: true,
        }),
      ),
    );
    expect((await readXlsx(path)).cards.rows[0]!.cells).toEqual([new Date(Date.UTC(2024, 2, 15))]);
  });
});
