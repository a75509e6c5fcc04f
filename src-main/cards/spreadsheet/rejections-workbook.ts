import ExcelJS from 'exceljs';
import type { Language } from '../../../src-shared/errors';
import type { ImportPlan, RejectedRecord } from './import-plan';
import { importText } from './import-texts';
import { SHEET_NAMES } from './sheet-rows';
import { writeWorkbookFile } from './workbook-file';

/**
 * The rejected rows as a workbook to fix and import again: each sheet has
 * the file's own columns, then 行号 (the row in the original file) and 原因.
 * The people of a rejected card come back with it on the 人员 sheet, with
 * the people rows that belonged to no card. Cells keep their type, so a
 * date stays a date.
 */
export async function writeRejectionsWorkbook(path: string, plan: ImportPlan, language: Language): Promise<number> {
  let rows = 0;
  await writeWorkbookFile(path, async (part) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useStyles: true, useSharedStrings: false });
    book.creator = 'Kedang';
    rows += addSheet(book, SHEET_NAMES.cards, plan.headers, plan.rejectedCards, language);
    if (plan.people && plan.people.rejected.length + plan.people.returned.length > 0) {
      const people = [...plan.people.returned, ...plan.people.rejected].sort((a, b) => a.row - b.row);
      rows += addSheet(book, SHEET_NAMES.people, plan.people.headers, people, language);
    }
    await book.commit();
  });
  return rows;
}

function addSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: readonly string[],
  records: readonly RejectedRecord[],
  language: Language,
): number {
  const width = records.reduce((w, r) => Math.max(w, r.cells.length), headers.length);
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // A streamed sheet writes its column widths with the first row.
  sheet.getColumn(width + 2).width = 60;
  const header = sheet.addRow([
    ...Array.from({ length: width }, (_, i) => headers[i] ?? ''),
    importText('rowNumber', language),
    importText('reasons', language),
  ]);
  header.font = { bold: true };
  header.commit();
  for (const record of records) {
    const cells = Array.from({ length: width }, (_, i) => record.cells[i] ?? null);
    const row = sheet.addRow([...cells, record.row, record.reasons.join(language === 'zh' ? '；' : '; ')]);
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }
  sheet.commit();
  return records.length;
}
