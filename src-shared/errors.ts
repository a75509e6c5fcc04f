/**
 * Stable error codes that cross every boundary (IPC, harness, CLI). The UI and
 * the CLI translate them with {@link errorMessage}; the code never changes
 * once released, the wording may.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_LOGGED_IN',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_INACTIVE',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'INVALID_RECOVERY_CODE',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'KEYRING_MISSING',
  'KEYRING_DAMAGED',
  'ARCHIVE_MISSING',
  'ARCHIVE_UNREADABLE',
  'ARCHIVE_DAMAGED',
  'ARCHIVE_TOO_NEW',
  'ARCHIVE_BUSY',
  'DISK_FULL',
  'READ_ONLY',
  'FILE_NOT_FOUND',
  'BACKUP_FOREIGN',
  'BACKUP_DAMAGED',
  'BACKUP_NOT_PREFIX',
  'USERNAME_TAKEN',
  'USER_NOT_FOUND',
  'DUTY_CONFLICT',
  'LAST_ADMIN',
  'CARD_NOT_FOUND',
  'CARD_CHANGED',
  'CARD_CODE_TAKEN',
  'CARD_MERGED',
  'DUPLICATE_SUSPECTED',
  'MERGE_SAME_CARD',
  'IMPORT_UNREADABLE',
  'IMPORT_NO_HEADER',
  'IMPORT_NO_ROWS',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_TOO_LARGE',
  'ENTRY_CODE_TAKEN',
  'ENTRY_NOT_FOUND',
  'ENTRY_IN_USE',
  'ENTRY_PARENT_INVALID',
  'ROUTE_NOT_FOUND',
  'ROUTE_HAS_CARDS',
  'ALREADY_IMPORTED',
  'SALES_MAPPING_INVALID',
  'SALES_IMPORT_TOO_LARGE',
  'PRODUCT_NOT_FOUND',
  'SALES_NOTHING_ACCEPTED',
  'REPORT_NOT_FOUND',
  'REPORT_CLOSED',
  'REPORT_DECISIONS_INCOMPLETE',
  'PROSPECT_NEEDS_NAME',
  'NOT_A_PROSPECT',
  'CARD_HAS_SALES',
  'NOT_AVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses a boundary when a call fails. `message` is already translated for the caller's language. */
export interface KedangErrorDto {
  code: ErrorCode;
  message: string;
  /** Field-level problems for INVALID_INPUT: path → translated message. */
  fields?: Record<string, string>;
  /** Extra facts the UI may show, e.g. `{ until: ISO time }` for ACCOUNT_LOCKED. Never a secret. */
  facts?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KedangErrorDto };

export type Language = 'zh' | 'en';

const MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  INVALID_INPUT: { zh: '输入不正确，请检查标出的项目。', en: 'Some input is not valid; check the marked fields.' },
  UNKNOWN_CHANNEL: { zh: '未知的操作请求。', en: 'Unknown request.' },
  NOT_LOGGED_IN: { zh: '请先登录。', en: 'Please log in first.' },
  SESSION_LOCKED: {
    zh: '长时间未操作，已自动锁定，请重新登录。',
    en: 'Locked after a period of inactivity; please log in again.',
  },
  FORBIDDEN: { zh: '您的角色无权执行此操作。', en: 'Your role is not allowed to do this.' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '请先修改临时密码。',
    en: 'Please change your temporary password first.',
  },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误。', en: 'Wrong user name or password.' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，该账户已锁定 15 分钟。',
    en: 'Too many failed logins; this account is locked for 15 minutes.',
  },
  ACCOUNT_INACTIVE: {
    zh: '该账户已停用，请联系系统管理员。',
    en: 'This account is deactivated; contact the administrator.',
  },
  WEAK_PASSWORD: {
    zh: '密码至少 10 位，且须同时包含字母和数字。',
    en: 'A password needs at least 10 characters with both letters and digits.',
  },
  PASSWORD_REUSED: { zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
  INVALID_RECOVERY_CODE: { zh: '恢复码不正确。', en: 'The recovery code is not correct.' },
  NOT_SET_UP: { zh: '尚未创建档案库，请先完成初始设置。', en: 'No archive yet; complete the setup first.' },
  ALREADY_SET_UP: {
    zh: '此数据目录中已有档案库，不能再次初始化。',
    en: 'This data folder already holds an archive; it cannot be set up again.',
  },
  KEYRING_MISSING: {
    zh: '找不到密钥环文件（archive.keyring）。档案库无法打开；请从备份中恢复密钥环，不要重新初始化。',
    en: 'The keyring file (archive.keyring) is missing. The archive cannot be opened; restore the keyring from a backup, do not set up again.',
  },
  KEYRING_DAMAGED: {
    zh: '密钥环文件已损坏或不是本软件的文件，档案库无法打开。请从备份中恢复密钥环。',
    en: 'The keyring file is damaged or not ours; the archive cannot be opened. Restore the keyring from a backup.',
  },
  ARCHIVE_MISSING: {
    zh: '找不到档案库文件（archive.kedang），但密钥环存在。请从备份中恢复档案库；软件不会创建空档案库覆盖它。',
    en: 'The archive file (archive.kedang) is missing although its keyring exists. Restore it from a backup; no empty archive will be created in its place.',
  },
  ARCHIVE_UNREADABLE: {
    zh: '档案库文件无法用此密钥打开：文件不是本档案库，或文件头已损坏。',
    en: 'The archive file cannot be opened with this key: it is not this archive, or its header is damaged.',
  },
  ARCHIVE_DAMAGED: {
    zh: '档案库文件已损坏（数据页校验失败）。请勿继续写入，并从备份中恢复。',
    en: 'The archive file is damaged (a page failed its check). Do not write to it; restore from a backup.',
  },
  ARCHIVE_TOO_NEW: {
    zh: '此档案库由更新版本的客档创建，请升级软件后再打开。',
    en: 'This archive was written by a newer version of Kedang; upgrade the software to open it.',
  },
  ARCHIVE_BUSY: {
    zh: '档案库正被其他程序使用，请稍后再试。',
    en: 'The archive is in use by another program; try again shortly.',
  },
  DISK_FULL: {
    zh: '磁盘已满，未能保存。已保存的数据未受影响。',
    en: 'The disk is full; nothing was saved. Saved data is unaffected.',
  },
  READ_ONLY: {
    zh: '数据目录为只读，未能保存。请检查文件夹权限。',
    en: 'The data folder is read-only; nothing was saved. Check the folder permissions.',
  },
  FILE_NOT_FOUND: { zh: '找不到指定的文件。', en: 'The file was not found.' },
  BACKUP_FOREIGN: {
    zh: '该文件不是本档案库的备份（或已损坏），未做任何更改。',
    en: 'That file is not a backup of this archive (or it is damaged); nothing was changed.',
  },
  BACKUP_DAMAGED: { zh: '备份文件已损坏，未做任何更改。', en: 'The backup file is damaged; nothing was changed.' },
  BACKUP_NOT_PREFIX: {
    zh: '备份中的访问日志与当前日志不一致（可能被篡改），拒绝恢复，未做任何更改。',
    en: "The backup's access log does not match the current log (possibly tampered); restore refused, nothing changed.",
  },
  USERNAME_TAKEN: { zh: '该用户名已存在。', en: 'That user name is taken.' },
  USER_NOT_FOUND: { zh: '找不到该用户。', en: 'User not found.' },
  DUTY_CONFLICT: {
    zh: '系统管理员、档案管理员、审计员三员分立，同一用户兼任须明确确认。',
    en: 'Administrator, custodian and auditor are separate duties; combining them needs an explicit confirmation.',
  },
  LAST_ADMIN: {
    zh: '这是最后一个有效的系统管理员账户，不能停用或取消其管理员角色。',
    en: 'This is the last active administrator; it cannot be deactivated or lose the administrator role.',
  },
  CARD_NOT_FOUND: { zh: '找不到该客户档案卡（或您无权查看）。', en: 'Archive card not found (or not yours to see).' },
  CARD_CHANGED: {
    zh: '此卡已被他人修改并保存。请重新打开后再改；您的修改尚未保存。',
    en: 'Someone else saved this card meanwhile. Reopen it and change it again; your changes were not saved.',
  },
  CARD_CODE_TAKEN: { zh: '该客户编码已被另一张卡使用。', en: 'That customer code is used by another card.' },
  CARD_MERGED: {
    zh: '此卡已合并到另一张卡，不能再修改。',
    en: 'This card was merged into another card and cannot be changed.',
  },
  DUPLICATE_SUSPECTED: {
    zh: '可能与已有客户重复（信用代码、电话或名称相同）。请核对，确认不是同一客户后再保存。',
    en: 'This may duplicate an existing customer (same credit code, phone or name). Check, and confirm it is a different customer.',
  },
  MERGE_SAME_CARD: { zh: '不能把一张卡合并到它自己。', en: 'A card cannot be merged into itself.' },
  IMPORT_UNREADABLE: {
    zh: '无法读取该文件：不是 xlsx 或 CSV 文件，或文件已损坏。未导入任何数据。',
    en: 'The file cannot be read: not an xlsx or CSV file, or damaged. Nothing was imported.',
  },
  IMPORT_NO_HEADER: {
    zh: '文件前 10 行中找不到表头（如“客户名称”）。请使用导入模板或检查文件。',
    en: 'No header row (such as 客户名称) in the first 10 rows. Use the import template or check the file.',
  },
  IMPORT_NO_ROWS: { zh: '文件中没有数据行。', en: 'The file has no data rows.' },
  IMPORT_MAPPING_INVALID: {
    zh: '列对应关系不正确：客户名称必须对应一列，且每个字段只能对应一列。',
    en: 'The column mapping is not valid: 客户名称 (name) must be mapped, and each field to one column only.',
  },
  IMPORT_TOO_LARGE: {
    zh: '文件过大（超过 600,000 行或 200 MB），请分批导入。',
    en: 'The file is too large (over 600,000 rows or 200 MB); import it in parts.',
  },
  ENTRY_CODE_TAKEN: { zh: '该分类中已有这个编码。', en: 'That code already exists in this classification.' },
  ENTRY_NOT_FOUND: { zh: '找不到该分类项。', en: 'That classification entry was not found.' },
  ENTRY_IN_USE: {
    zh: '该分类项仍被档案卡、下级地区或线路使用，不能删除；可以停用它。',
    en: 'The entry is still used by cards, sub-regions or routes and cannot be deleted; deactivate it instead.',
  },
  ENTRY_PARENT_INVALID: {
    zh: '上级不正确：地区的上级须是另一个地区（不能是它自己或它的下级），线路的上级须是地区。',
    en: 'Invalid parent: a region’s parent must be another region (not itself or below it), a route’s parent a region.',
  },
  ROUTE_NOT_FOUND: { zh: '找不到该线路。', en: 'That route was not found.' },
  ROUTE_HAS_CARDS: {
    zh: '这条路线上还有客户，不能移到另一个区域。请档案管理员先把这些客户改派到其他路线，或新建一条路线。',
    en: 'Customers are still on this route, so it cannot move to another region. A custodian must first move them to other routes, or create a new route.',
  },
  ALREADY_IMPORTED: {
    zh: '这个文件已经导入过，再次导入会重复计算，未做任何更改。',
    en: 'This file was imported before; importing it again would count it twice. Nothing was changed.',
  },
  SALES_MAPPING_INVALID: {
    zh: '列对应不正确：须有客户（编码、信用代码或名称之一）、日期和金额，销售还须有商品编码；每项只能对应一列。',
    en: 'The column mapping is not valid: a customer (code, credit code or name), date and amount are needed, for sales also the product code; each field to one column only.',
  },
  SALES_IMPORT_TOO_LARGE: {
    zh: '文件过大（超过 5,000,000 行或 1 GB），请分批导入。',
    en: 'The file is too large (over 5,000,000 rows or 1 GB); import it in parts.',
  },
  PRODUCT_NOT_FOUND: { zh: '找不到该商品。', en: 'That product was not found.' },
  SALES_NOTHING_ACCEPTED: {
    zh: '文件中没有可导入的行（所有行都未通过检查），未做任何更改。',
    en: 'No row of the file can be imported (every row was rejected); nothing was changed.',
  },
  REPORT_NOT_FOUND: { zh: '找不到这份拜访报告。', en: 'This visit report does not exist.' },
  REPORT_CLOSED: {
    zh: '这份拜访报告已经处理过了，未做任何更改。',
    en: 'This visit report has already been reviewed; nothing was changed.',
  },
  REPORT_DECISIONS_INCOMPLETE: {
    zh: '报告中的每一项建议修改都要决定一次（采纳、修改后采纳或不采纳），未做任何更改。',
    en: 'Every proposed change of the report needs exactly one decision (accept, edit or reject); nothing was changed.',
  },
  PROSPECT_NEEDS_NAME: {
    zh: '潜在客户的名称未被采纳，无法建卡；请采纳或修改名称，或不采纳全部修改。',
    en: "The prospect's name was not accepted, so no card can be created; accept or edit the name, or reject every change.",
  },
  NOT_A_PROSPECT: { zh: '这张卡不是潜在客户。', en: 'This card is not a prospect.' },
  CARD_HAS_SALES: {
    zh: '这个客户已有销售记录，不能再标为潜在客户。',
    en: 'This customer already has sales, so it cannot be marked as a prospect.',
  },
  NOT_AVAILABLE: { zh: '此功能在当前环境中不可用。', en: 'This is not available here.' },
  CANCELLED: { zh: '已取消。', en: 'Cancelled.' },
  INTERNAL: {
    zh: '发生内部错误，操作未完成，数据未被更改。',
    en: 'An internal error occurred; the action did not complete and nothing was changed.',
  },
};

/** The translated message for an error code. */
export function errorMessage(code: ErrorCode, language: Language): string {
  return MESSAGES[code][language];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
