import type { Language } from './errors';
import { ROLES, type Role } from './roles';

/**
 * The access log's detail column, stored as codes with parameters and
 * translated when read, so a Chinese auditor reads Chinese and the stored
 * row never depends on the writer's language. Rows written as plain text
 * are shown as they are.
 */
const TEXT = {
  setupDone: {
    zh: '创建档案库、首位系统管理员和恢复码',
    en: 'archive created with its first administrator and a recovery code',
  },
  wrongPassword: { zh: '密码错误', en: 'wrong password' },
  unknownUser: { zh: '用户名不存在', en: 'unknown user name' },
  inactiveUser: { zh: '账户已停用', en: 'deactivated user' },
  slotWithoutUser: { zh: '密钥槽没有对应的用户', en: 'key slot without a user' },
  wrongRecoveryCode: { zh: '恢复码错误', en: 'wrong recovery code' },
  lockedUntil: { zh: '该用户名锁定至 {until}', en: 'name locked until {until}' },
  recordedWhileLocked: { zh: '档案库锁定期间记录，解锁后写入', en: 'recorded while the archive was locked' },
  accountLocked: { zh: '多次失败后账户已锁定', en: 'account locked after repeated failures' },
  temporaryPassword: { zh: '临时密码，须先修改', en: 'temporary password; change required' },
  idle: { zh: '超过 {minutes} 分钟未操作', en: 'idle for more than {minutes} minutes' },
  currentPasswordWrong: { zh: '当前密码错误', en: 'current password wrong' },
  recoveryUsed: {
    zh: '用恢复码重设管理员密码，并签发新的恢复码',
    en: 'administrator password set with the recovery code; a new recovery code was issued',
  },
  roles: { zh: '角色：{roles}', en: 'roles: {roles}' },
  rolesChanged: { zh: '角色：{from} → {to}', en: 'roles: {from} → {to}' },
  displayNameChanged: { zh: '姓名已修改', en: 'display name changed' },
  noChange: { zh: '无变化', en: 'no change' },
  dutyOverlap: { zh: '经明确确认，兼任分立职责：{duties}', en: 'explicit decision: combines separate duties {duties}' },
  reactivated: { zh: '以临时密码重新启用', en: 'reactivated with a temporary password' },
  deactivated: { zh: '已停用，密钥槽已删除', en: 'deactivated; key slot removed' },
  passwordReset: {
    zh: '已设临时密码，下次登录须修改；锁定已解除',
    en: 'temporary password set; change required at next login; lockout cleared',
  },
  idleLockMinutes: { zh: '空闲锁定分钟数：{from} → {to}', en: 'idle lock minutes: {from} → {to}' },
  requires: { zh: '需要权限 {permission}', en: 'requires {permission}' },
  filter: { zh: '筛选：{filter}', en: 'filter: {filter}' },
  noFilter: { zh: '无筛选条件', en: 'no filter' },
  rowsVerified: { zh: '已校验 {rows} 条，完整', en: '{rows} rows verified' },
  verifyFailed: { zh: '第一条异常记录 #{seq}（{problem}）', en: 'first bad row #{seq} ({problem})' },
  rowsExported: { zh: '导出 {rows} 条', en: '{rows} rows exported' },
  bytes: { zh: '{bytes} 字节', en: '{bytes} bytes' },
  restored: {
    zh: '从备份恢复；备份之后的 {rows} 条日志已保留',
    en: 'restored from backup; {rows} log rows written since the backup kept',
  },
  windowClosed: { zh: '窗口关闭', en: 'window closed' },
  cardVersion: { zh: '第 {version} 版', en: 'version {version}' },
  cardHistory: { zh: '查看修改历史', en: 'history viewed' },
  fieldsChanged: { zh: '修改 {count} 项', en: '{count} fields changed' },
  cardRestored: { zh: '恢复为第 {from} 版（新第 {version} 版）', en: 'version {from} restored as version {version}' },
  cardArchived: { zh: '停用', en: 'archived' },
  cardReactivated: { zh: '重新启用', en: 'reactivated' },
  sectionVerified: { zh: '核实：{section}', en: 'verified: {section}' },
  mergedFrom: { zh: '合并了 {code}', en: '{code} merged into it' },
  mergedInto: { zh: '已合并到 {code}', en: 'merged into {code}' },
  duplicateAccepted: { zh: '已确认不是重复客户', en: 'confirmed not a duplicate' },
  printCopy: { zh: '第 {copy} 份', en: 'copy {copy}' },
  cardsExported: { zh: '导出 {rows} 张卡', en: '{rows} cards exported' },
  importDone: {
    zh: '{file}：新建 {created}，更新 {updated}，跳过 {skipped}，未通过 {rejected}',
    en: '{file}: {created} created, {updated} updated, {skipped} skipped, {rejected} rejected',
  },
  importRefused: { zh: '{file}：未导入（{reason}）', en: '{file}: nothing imported ({reason})' },
  templateSaved: { zh: '导入模板', en: 'import template' },
  rejectionsSaved: { zh: '{file}：保存未通过的 {rows} 行', en: '{file}: {rows} rejected rows saved' },
} as const satisfies Record<string, Record<Language, string>>;

export type LogDetailKey = keyof typeof TEXT;
export type LogDetailParams = Record<string, string | number>;
export type LogDetailPart = readonly [LogDetailKey] | readonly [LogDetailKey, LogDetailParams];

const ROLE_LABELS: Record<Role, Record<Language, string>> = {
  admin: { zh: '系统管理员', en: 'administrator' },
  custodian: { zh: '档案管理员', en: 'custodian' },
  manager: { zh: '经理', en: 'manager' },
  rep: { zh: '业务员', en: 'sales rep' },
  auditor: { zh: '审计员', en: 'auditor' },
};

/** Parameters that hold role codes, shown as role names. */
const ROLE_PARAMS = new Set(['roles', 'from', 'to', 'duties']);

/** Encodes the parts for the detail column. */
export function logDetail(...parts: LogDetailPart[]): string {
  return JSON.stringify(parts);
}

/** Adds parts to an encoded detail (or starts one). */
export function withLogDetail(stored: string | null, ...parts: LogDetailPart[]): string {
  const existing = parseParts(stored);
  return JSON.stringify([...(existing ?? []), ...parts]);
}

function isPart(value: unknown): value is LogDetailPart {
  return (
    Array.isArray(value) &&
    (value.length === 1 || value.length === 2) &&
    typeof value[0] === 'string' &&
    Object.prototype.hasOwnProperty.call(TEXT, value[0]) &&
    (value.length === 1 || (typeof value[1] === 'object' && value[1] !== null))
  );
}

function parseParts(stored: string | null): LogDetailPart[] | null {
  if (!stored || !stored.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.every(isPart) ? parsed : null;
  } catch {
    return null;
  }
}

function roleNames(value: string, language: Language): string {
  return value
    .split(/[,+]/)
    .map((code) => ((ROLES as readonly string[]).includes(code) ? ROLE_LABELS[code as Role][language] : code))
    .join(language === 'zh' ? '、' : ', ');
}

/** The detail in the reader's language; plain-text details are returned unchanged. */
export function describeLogDetail(stored: string | null, language: Language): string | null {
  const parts = parseParts(stored);
  if (!parts) return stored;
  return parts
    .map(([key, params]) =>
      TEXT[key][language].replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = params?.[name];
        if (value === undefined) return '';
        return ROLE_PARAMS.has(name) && typeof value === 'string' ? roleNames(value, language) : String(value);
      }),
    )
    .join(language === 'zh' ? '；' : '; ');
}
