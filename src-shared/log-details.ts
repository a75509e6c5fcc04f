import type { Language } from './errors';
import { ROLES, type Role } from './roles';
import { CARD_FIELDS } from './cards/card-fields';
import type { Lifecycle, VolumeTier } from './classification/derived';

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
  // Sales and receipts (issue 4): counts and the total only, never a line's content.
  salesImported: {
    zh: '{file}：销售明细 {lines} 行，金额 {amount} 元，未通过 {rejected} 行',
    en: '{file}: {lines} sales lines, {amount} yuan, {rejected} rejected',
  },
  receiptsImported: {
    zh: '{file}：回款 {lines} 笔，金额 {amount} 元，未通过 {rejected} 行',
    en: '{file}: {lines} receipts, {amount} yuan, {rejected} rejected',
  },
  salesImportRefused: { zh: '{file}：销售明细未导入（{reason}）', en: '{file}: sales lines not imported ({reason})' },
  receiptsImportRefused: { zh: '{file}：回款未导入（{reason}）', en: '{file}: receipts not imported ({reason})' },
  productRenamed: { zh: '商品 {code}：名称 {before} → {after}', en: 'product {code}: name {before} → {after}' },
  productCategorySet: {
    zh: '商品 {code}：类别 {before} → {after}',
    en: 'product {code}: category {before} → {after}',
  },
  // Classification (issue 4). Params named axis, lifecycle and volumeTier hold codes, shown as labels.
  entryCreated: { zh: '{axis}：新增 {code}（{label}）', en: '{axis}: {code} added ({label})' },
  entryChanged: { zh: '{axis}：修改 {code}', en: '{axis}: {code} changed' },
  entryLabel: { zh: '名称 {before} → {after}', en: 'label {before} → {after}' },
  entryLabelEn: { zh: '英文名称 {before} → {after}', en: 'English label {before} → {after}' },
  entryParent: { zh: '上级 {before} → {after}', en: 'parent {before} → {after}' },
  entryDeactivated: {
    zh: '停用（已有的卡保留此值，不再供新选）',
    en: 'deactivated (kept on cards, no longer offered)',
  },
  entryReactivated: { zh: '重新启用', en: 'reactivated' },
  entryDeleted: { zh: '{axis}：删除 {code}（{label}）', en: '{axis}: {code} deleted ({label})' },
  entriesReordered: { zh: '{axis}：{count} 项重新排序', en: '{axis}: {count} entries reordered' },
  entriesReorderedUnder: {
    zh: '{axis}：{parent} 下 {count} 项重新排序',
    en: '{axis}: {count} entries under {parent} reordered',
  },
  newMonthsChanged: { zh: '新客户期限 {from} → {to} 个月', en: 'new-customer period {from} → {to} months' },
  lapsedMonthsChanged: { zh: '中断期限 {from} → {to} 个月', en: 'lapsed after {from} → {to} months' },
  keyPercentChanged: { zh: '主力客户比例 {from}% → {to}%', en: 'key share {from}% → {to}%' },
  generalPercentChanged: { zh: '一般客户比例 {from}% → {to}%', en: 'general share {from}% → {to}%' },
  creditTermsChanged: {
    zh: '信用等级交易条件表已修改（{from} 行 → {to} 行）',
    en: 'credit terms table changed ({from} → {to} rows)',
  },
  derivedRecomputed: { zh: '派生分类已重新计算（截至 {asOf}）', en: 'derived classes recomputed (as of {asOf})' },
  lifecycleOverridden: {
    zh: '生命周期手工设为 {lifecycle}：{note}',
    en: 'lifecycle set by hand to {lifecycle}: {note}',
  },
  lifecycleOverrideRemoved: { zh: '取消生命周期的手工设定：{note}', en: 'lifecycle override removed: {note}' },
  volumeTierOverridden: {
    zh: '客户层级手工设为 {volumeTier}：{note}',
    en: 'volume tier set by hand to {volumeTier}: {note}',
  },
  volumeTierOverrideRemoved: { zh: '取消客户层级的手工设定：{note}', en: 'volume tier override removed: {note}' },
  cardsReclassified: {
    zh: '{axis} 改为 {value}：{changed} 张卡已改，{unchanged} 张原已如此',
    en: '{axis} set to {value}: {changed} cards changed, {unchanged} already so',
  },
  cardsUnclassified: {
    zh: '清空 {axis}：{changed} 张卡已改，{unchanged} 张原已为空',
    en: '{axis} cleared: {changed} cards changed, {unchanged} already empty',
  },
  routeReordered: {
    zh: '路线 {route} 重排路序：{stops} 个客户，{changed} 张卡位置改变',
    en: 'route {route} reordered: {stops} stops, {changed} cards moved',
  },
  routePrinted: { zh: '路线单 {route}：{stops} 个客户', en: 'route sheet {route}: {stops} stops' },
  // Composition analyses (issue 4): which analysis, its period and parameters; never a figure.
  analysisGrade: { zh: '销售构成分析 {start} 至 {end}', en: 'sales composition by grade, {start} to {end}' },
  analysisTrend: { zh: '分等级月度销售 {start} 至 {end}', en: 'monthly sales by grade, {start} to {end}' },
  analysisProductByGrade: {
    zh: '商品构成分析 {start} 至 {end}，按客户等级交叉',
    en: 'product composition, {start} to {end}, by grade',
  },
  analysisProductByRegion: {
    zh: '商品构成分析 {start} 至 {end}，按地区交叉',
    en: 'product composition, {start} to {end}, by region',
  },
  analysisRegion: { zh: '地区构成分析 {start} 至 {end}', en: 'regional composition, {start} to {end}' },
  analysisRegionParent: { zh: '上级地区 {region}', en: 'within region {region}' },
  analysisCredit: { zh: '客户信用分析，截至 {asOf}', en: 'credit analysis as of {asOf}' },
  analysisCustomers: {
    zh: '分析图表的客户名单 {start} 至 {end}：{segment}',
    en: 'customers behind a chart segment, {start} to {end}: {segment}',
  },
  analysisTableExported: { zh: '导出数据表 {rows} 行', en: '{rows} table rows exported' },
  analysisChartExported: { zh: '导出图表（PNG，{bytes} 字节）', en: 'chart exported (PNG, {bytes} bytes)' },
  // Visit reports and report schedules (src-main/visits/).
  reportNumber: { zh: '拜访报告 {number}', en: 'visit report {number}' },
  reportChanges: { zh: '建议修改 {count} 项', en: '{count} proposed changes' },
  reportDecided: {
    zh: '采纳 {accepted} 项，修改后采纳 {edited} 项，不采纳 {rejected} 项',
    en: '{accepted} accepted, {edited} edited, {rejected} rejected',
  },
  reportSchedule: {
    zh: '报告要求：{previous} → {period}，自 {since} 起',
    en: 'report schedule: {previous} → {period}, from {since}',
  },
  // Upkeep and prospects (src-main/upkeep/, src-main/prospects/).
  cardReviewed: { zh: '复核日期 {on}', en: 'reviewed on {on}' },
  demoVisits: {
    zh: '载入演示拜访记录：报告 {reports} 份，复核 {reviews} 次，潜在客户 {prospects} 个',
    en: 'demo visit history loaded: {reports} reports, {reviews} reviews, {prospects} prospects',
  },
  prospectConverted: { zh: '潜在客户转为客户', en: 'prospect converted to customer' },
  upkeepRulesChanged: {
    zh: '复核周期：{cycles}；其他等级 {default} 个月；{days} 天未拜访需关注',
    en: 'review cycles: {cycles}; other grades {default} months; attention after {days} days without a visit',
  },
  prospectCreated: { zh: '新建潜在客户', en: 'prospect created' },
  prospectMarked: { zh: '标为潜在客户', en: 'marked as a prospect' },
  prospectUpdated: { zh: '潜在客户的来源和下一步已修改', en: "prospect's origin and next step changed" },
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

const LIFECYCLE_LABELS: Record<Lifecycle, Record<Language, string>> = {
  potential: { zh: '潜在客户', en: 'potential' },
  new: { zh: '新客户', en: 'new' },
  active: { zh: '老客户', en: 'active' },
  lapsed: { zh: '中断客户', en: 'lapsed' },
};
const VOLUME_TIER_LABELS: Record<VolumeTier, Record<Language, string>> = {
  key: { zh: '主力客户', en: 'key' },
  general: { zh: '一般客户', en: 'general' },
  scattered: { zh: '零散客户', en: 'scattered' },
};

const SCHEDULE_LABELS: Record<'daily' | 'monthly' | 'none', Record<Language, string>> = {
  daily: { zh: '日报', en: 'daily' },
  monthly: { zh: '月报', en: 'monthly' },
  none: { zh: '无', en: 'none' },
};

/** Parameters that hold a code shown by its label: a classification axis (or the rep) and the derived classes. */
const CODE_PARAMS = new Map<string, (code: string, language: Language) => string | undefined>([
  ['axis', (code, language) => CARD_FIELDS.find((f) => f.path === `classification.${code}`)?.[language]],
  ['lifecycle', (code, language) => new Map(Object.entries(LIFECYCLE_LABELS)).get(code)?.[language]],
  ['volumeTier', (code, language) => new Map(Object.entries(VOLUME_TIER_LABELS)).get(code)?.[language]],
  // A rep's report schedule (visits.saveSchedule).
  ['previous', (code, language) => new Map(Object.entries(SCHEDULE_LABELS)).get(code)?.[language]],
  ['period', (code, language) => new Map(Object.entries(SCHEDULE_LABELS)).get(code)?.[language]],
]);

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
        const label = typeof value === 'string' ? CODE_PARAMS.get(name)?.(value, language) : undefined;
        if (label !== undefined) return label;
        return ROLE_PARAMS.has(name) && typeof value === 'string' ? roleNames(value, language) : String(value);
      }),
    )
    .join(language === 'zh' ? '；' : '; ');
}
