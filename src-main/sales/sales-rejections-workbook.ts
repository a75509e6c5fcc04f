import ExcelJS from 'exceljs';
import type { Language } from '../../src-shared/errors';
import type { RejectedRecord } from './sales-plan';
import { salesText } from './sales-texts';

/** Rows one sheet may hold below its header (Excel's limit is 1,048,576 rows a sheet). */
const SHEET_ROWS = 1_000_000;

/**
 * The rejected rows of a sales or receipts file as a workbook to fix and
 * import again: the file's own columns (cells keep their type, so a date
 * stays a date), then 行号 (the row in the original file) and 原因. Rows are
 * written as the plan finds them (a streaming writer), so a file whose
 * every row is rejected does not sit in memory.
 */
export class SalesRejectionsWorkbook {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;
  private width = 0;
  rows = 0;
  private left = 0;

  constructor(
    path: string,
    private readonly language: Language,
  ) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.book.creator = 'Kedang';
  }

  private start(headers: readonly string[]): ExcelJS.Worksheet {
    this.width = Math.max(headers.length, 1);
    const sheet = this.book.addWorksheet(salesText('rejectionsSheet', this.language), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    // A streamed sheet writes its column widths with the first row.
    sheet.getColumn(this.width + 2).width = 60;
    const header = sheet.addRow([
      ...Array.from({ length: this.width }, (_, i) => headers[i] ?? ''),
      salesText('rowNumber', this.language),
      salesText('reasons', this.language),
    ]);
    header.font = { bold: true };
    header.commit();
    this.sheet = sheet;
    return sheet;
  }

  add(record: RejectedRecord, headers: readonly string[]): void {
    const sheet = this.sheet ?? this.start(headers);
    if (this.rows >= SHEET_ROWS) {
      this.left++;
      return;
    }
    const cells = Array.from({ length: this.width }, (_, i) => record.cells[i] ?? null);
    const row = sheet.addRow([...cells, record.row, record.reasons.join(this.language === 'zh' ? '；' : '; ')]);
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    row.commit();
    this.rows++;
  }

  /** Finishes the file; `headers` gives a workbook with no rejected row its header all the same. */
  async finish(headers: readonly string[]): Promise<void> {
    const sheet = this.sheet ?? this.start(headers);
    if (this.left > 0) sheet.addRow([salesText('rejectionsTruncated', this.language, { count: this.left })]).commit();
    sheet.commit();
    await this.book.commit();
  }
}
