import type ExcelJS from 'exceljs';

/** The mark every exported sheet carries, on screen and on paper. */
export const CONFIDENTIAL = '内部资料 严禁外传';

/** "导出人 王管理（admin） · 时间 2026-11-27 17:00:00" with the local time the user reads. */
export function exportedByLine(displayName: string, username: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
  return `导出人 ${displayName}（${username}） · 时间 ${time}`;
}

/** Page header and footer codes: & starts a code, so a literal & in a name is doubled. */
const pageText = (text: string) => text.replace(/&/g, '&&');

/** Printed pages carry the mark in red at the top and who exported it, with page numbers, at the bottom. */
export function confidentialPages(exportedBy: string): Partial<ExcelJS.HeaderFooter> {
  return {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&C&"-,Bold"&KC00000${CONFIDENTIAL}`,
    oddFooter: `&L${pageText(exportedBy)}&R第 &P 页，共 &N 页`,
  };
}

/** Document properties a file manager or Office shows before the file is opened. */
export function markConfidential(
  book: Pick<
    ExcelJS.Workbook,
    | 'creator'
    | 'lastModifiedBy'
    | 'created'
    | 'modified'
    | 'title'
    | 'subject'
    | 'keywords'
    | 'category'
    | 'description'
  >,
  title: string,
  exportedBy: string,
  at: Date,
): void {
  book.creator = 'Kedang 客档';
  book.lastModifiedBy = 'Kedang 客档';
  book.created = at;
  book.modified = at;
  book.title = `${title}（${CONFIDENTIAL}）`;
  book.subject = CONFIDENTIAL;
  book.keywords = `${CONFIDENTIAL};机密;confidential`;
  book.category = CONFIDENTIAL;
  book.description = `${CONFIDENTIAL}。${exportedBy}`;
}
