import ExcelJS from 'exceljs';
import type { Language } from '../../src-shared/errors';
import type { AccessLogRowDto, LogVerificationDto } from '../../src-shared/contracts/access-log';
import { toKedangError } from '../errors';

const HEADERS: Record<Language, string[]> = {
  zh: ['序号', '时间', '用户', '角色', '操作', '对象', '结果', '设备', '说明'],
  en: ['Seq', 'Time', 'User', 'Role', 'Action', 'Target', 'Outcome', 'Device', 'Detail'],
};

/** The access log as an xlsx file: a confidential mark, the rows, and the verification result. */
export async function writeLogWorkbook(
  path: string,
  rows: AccessLogRowDto[],
  verification: LogVerificationDto,
  meta: { exportedBy: string; exportedAt: Date; filter: string; language: Language },
): Promise<void> {
  const zh = meta.language === 'zh';
  const book = new ExcelJS.Workbook();
  book.creator = 'Kedang';
  book.created = meta.exportedAt;
  const sheet = book.addWorksheet(zh ? '访问日志' : 'Access log');
  sheet.addRow([zh ? '内部资料 严禁外传' : 'CONFIDENTIAL — internal use only']).font = {
    bold: true,
    color: { argb: 'FFC00000' },
  };
  sheet.addRow([
    zh ? '导出人' : 'Exported by',
    meta.exportedBy,
    zh ? '导出时间' : 'Exported at',
    meta.exportedAt.toISOString(),
    zh ? '筛选' : 'Filter',
    meta.filter,
  ]);
  sheet.addRow(HEADERS[meta.language]).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.seq, r.at, r.username, r.role, r.action, r.target, r.outcome, r.device, r.detail]);
  }
  sheet.columns.forEach((column, i) => {
    column.width = [8, 26, 14, 16, 16, 24, 10, 10, 50][i] ?? 12;
  });
  const check = book.addWorksheet(zh ? '校验结果' : 'Verification');
  check.addRow([zh ? '日志完整' : 'Log intact', verification.ok ? (zh ? '是' : 'yes') : zh ? '否' : 'no']);
  check.addRow([zh ? '已校验记录数' : 'Rows checked', verification.checkedRows]);
  check.addRow([zh ? '第一条异常记录' : 'First bad seq', verification.firstBadSeq ?? '']);
  check.addRow([zh ? '问题' : 'Problem', verification.problem ?? '']);
  check.addRow([zh ? '日志末条序号' : 'Last seq', verification.lastSeq]);
  check.addRow([zh ? '密钥环记录的末条序号' : 'Head seq in keyring', verification.headSeq]);
  check.addRow([zh ? '校验时间' : 'Verified at', verification.verifiedAt]);
  check.getColumn(1).width = 28;
  try {
    await book.xlsx.writeFile(path);
  } catch (error) {
    throw toKedangError(error);
  }
}
