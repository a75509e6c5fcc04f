import type { Language } from '../../src-shared/errors';

/** The CLI's own wording; router errors come translated from errorMessage(). */
const TEXT = {
  usage: {
    zh: `用法: kedang <命令> [选项]

命令:
  init                     创建档案库（管理员账户和恢复码）
  backup --out 文件        备份档案库（仍加密）
  restore 文件 --yes       用备份替换档案库（需 --yes 确认）
  verify-log               校验访问日志哈希链（审计员）
  users list               列出用户（系统管理员）
  import cards 文件        导入客户档案（xlsx 或 CSV；档案管理员）
  import sales 文件        导入 ERP 销售明细（xlsx 或 CSV；档案管理员）
  import receipts 文件     导入 ERP 回款（收款）明细（xlsx 或 CSV；档案管理员）
  export cards --out 文件  导出全部客户档案到 xlsx（档案管理员）
  analysis grade|product|region|credit --from 日期 --to 日期
                           客户构成分析（经理、档案管理员）：销售构成、商品构成、地区构成、
                           信用分析（credit 以 --to 为截止日，--from 可省略）

选项:
  --data-dir 目录          数据目录（默认 KEDANG_DATA_DIR 或用户数据目录）
  --user 用户名            以该用户登录
  --password-stdin         从标准输入第一行读取密码
  --json                   机器可读输出
  --lang zh|en             语言（默认 zh）
  --archive-name 名称      init：档案库名称
  --display-name 名称      init：管理员显示名称
  --dry-run                import：只检查并报告，不写入
  --duplicates 方式        import cards：重复客户 skip（跳过，默认）| update（更新）| new（新建）
  --mapping 文件.json      import：列对应关系，如 {"单位名称":"basic.name","备注":""}；
                           销售与回款的字段：customerCode customerCreditCode customerName productCode
                           productName productCategory date quantity amount docRef docLine
  --from / --to 日期       analysis：期间首尾两天（含），YYYY-MM-DD
  --by grade|region        analysis product：类别与客户等级或地区交叉（默认 grade）
  --parent 地区编码        analysis region：下钻到该地区的下级地区
  -h, --help               显示帮助
`,
    en: `Usage: kedang <command> [options]

Commands:
  init                     create the archive (administrator and recovery code)
  backup --out FILE        back the archive up (still encrypted)
  restore FILE --yes       replace the archive with a backup (needs --yes)
  verify-log               verify the access log's hash chain (auditor)
  users list               list user accounts (administrator)
  import cards FILE        import archive cards from xlsx or CSV (custodian)
  import sales FILE        import ERP sales lines from xlsx or CSV (custodian)
  import receipts FILE     import ERP receipts from xlsx or CSV (custodian)
  export cards --out FILE  export every archive card to xlsx (custodian)
  analysis grade|product|region|credit --from DATE --to DATE
                           composition analyses (manager, custodian): sales by grade, products,
                           regions, credit (credit: --to is the as-of date, --from optional)

Options:
  --data-dir DIR           data folder (default KEDANG_DATA_DIR or the user data folder)
  --user NAME              log in as this user
  --password-stdin         read the password from the first line of stdin
  --json                   machine-readable output
  --lang zh|en             language (default zh)
  --archive-name NAME      init: archive name
  --display-name NAME      init: administrator display name
  --dry-run                import: check and report only, write nothing
  --duplicates MODE        import cards: duplicates skip (default) | update | new
  --mapping FILE.json      import: column mapping, e.g. {"单位名称":"basic.name","备注":""};
                           sales and receipts fields: customerCode customerCreditCode customerName productCode
                           productName productCategory date quantity amount docRef docLine
  --from / --to DATE       analysis: first and last day of the period (both included), YYYY-MM-DD
  --by grade|region        analysis product: cross-tab of categories by grade or region (default grade)
  --parent CODE            analysis region: the child regions of this region
  -h, --help               show this help
`,
  },
  error: { zh: '错误：', en: 'Error: ' },
  promptArchiveName: { zh: '档案库名称：', en: 'Archive name: ' },
  promptAdminUser: { zh: '管理员用户名：', en: 'Administrator user name: ' },
  promptDisplayName: { zh: '管理员显示名称：', en: 'Administrator display name: ' },
  promptUser: { zh: '用户名：', en: 'User name: ' },
  promptPassword: { zh: '密码：', en: 'Password: ' },
  promptPasswordAgain: { zh: '再次输入密码：', en: 'Password again: ' },
  passwordMismatch: { zh: '两次输入的密码不一致。', en: 'The two passwords differ.' },
  emptyPassword: { zh: '标准输入中没有密码。', en: 'No password on standard input.' },
  notATerminal: {
    zh: '标准输入不是终端，无法提示输入；请使用 --password-stdin 并用选项给出其余信息。',
    en: 'Standard input is not a terminal, so nothing can be prompted; use --password-stdin and give the rest as options.',
  },
  cancelled: { zh: '已取消。', en: 'Cancelled.' },
  restoreNeedsYes: {
    zh: 'restore 会用备份替换当前档案库；确认请加 --yes。',
    en: 'restore replaces the current archive with the backup; add --yes to confirm.',
  },
  archiveCreated: { zh: '档案库「{name}」已创建于 {dir}。', en: 'Archive "{name}" created in {dir}.' },
  recoveryCode: {
    zh: '恢复码（只显示这一次，请立即抄写或打印并妥善保管）：',
    en: 'Recovery code (shown only this once; write it down or print it and keep it safe):',
  },
  backupWritten: { zh: '备份已写入 {path}（{bytes} 字节）。', en: 'Backup written to {path} ({bytes} bytes).' },
  restored: {
    zh: '已从 {path} 恢复；保留了其后的 {rows} 条访问日志。所有会话已结束。',
    en: 'Restored from {path}; {rows} later access-log rows carried over. All sessions have ended.',
  },
  logOk: {
    zh: '访问日志校验通过：共 {rows} 行，最后序号 {last}。',
    en: 'Access log verified: {rows} rows, last seq {last}.',
  },
  logBad: {
    zh: '访问日志校验失败：从序号 {seq} 起不一致（{problem}）。',
    en: 'Access log verification FAILED from seq {seq} ({problem}).',
  },
  usersHeader: { zh: '编号\t用户名\t显示名称\t角色\t状态', en: 'id\tuser\tdisplay name\troles\tstate' },
  active: { zh: '有效', en: 'active' },
  inactive: { zh: '停用', en: 'inactive' },
  lockedUntil: { zh: '锁定至 {until}', en: 'locked until {until}' },
  mappingUnreadable: {
    zh: '列对应文件应为 JSON 对象：{"列名": "字段", …}，字段为空字符串表示忽略该列。',
    en: 'The mapping file must be a JSON object: {"column": "field", …}; an empty field ignores the column.',
  },
  importFile: {
    zh: '文件 {file}（{format}{encoding}），表头在第 {row} 行。',
    en: 'File {file} ({format}{encoding}), header in row {row}.',
  },
  importColumn: { zh: '  {header} → {target}', en: '  {header} → {target}' },
  importIgnored: { zh: '（忽略）', en: '(ignored)' },
  importCounts: {
    zh: '共 {total} 行：新建 {create}，更新 {update}，无变化 {unchanged}，跳过 {skip}，未通过 {rejected}。',
    en: '{total} rows: {create} to create, {update} to update, {unchanged} unchanged, {skip} skipped, {rejected} rejected.',
  },
  importRejectedRow: { zh: '第 {row} 行：{reasons}', en: 'Row {row}: {reasons}' },
  importRejectedPerson: { zh: '人员表第 {row} 行：{reasons}', en: 'People sheet row {row}: {reasons}' },
  importMoreRejected: { zh: '……另有 {count} 行未列出。', en: '… and {count} more rows not listed.' },
  importNewValues: { zh: '将新增分类值：{values}', en: 'New classification values: {values}' },
  importDryRun: { zh: '这是检查，未写入任何数据。', en: 'Dry run: nothing was written.' },
  importDone: {
    zh: '已导入：新建 {created}，更新 {updated}，跳过 {skipped}，未通过 {rejected}。',
    en: 'Imported: {created} created, {updated} updated, {skipped} skipped, {rejected} rejected.',
  },
  salesCounts: {
    zh: '共 {total} 行：可导入 {accepted} 行，金额 {amount} 元，{customers} 位客户，新商品 {products} 种，日期 {from} 至 {to}；未通过 {rejected} 行。',
    en: '{total} rows: {accepted} to import, {amount} yuan, {customers} customers, {products} new products, dates {from} to {to}; {rejected} rejected.',
  },
  salesAlreadyImported: {
    zh: '注意：这个文件已于 {at} 由 {by} 导入过（第 {id} 次导入），再次导入会被拒绝。',
    en: 'Note: this file was imported on {at} by {by} (import {id}); importing it again is refused.',
  },
  salesDone: {
    zh: '已导入{kind} {lines} 行，金额 {amount} 元；未通过 {rejected} 行；新商品 {products} 种（导入编号 {id}）。',
    en: 'Imported {lines} {kind}, {amount} yuan; {rejected} rejected; {products} new products (import {id}).',
  },
  kindSales: { zh: '销售明细', en: 'sales lines' },
  kindReceipts: { zh: '回款', en: 'receipts' },
  analysisNeedsTo: {
    zh: 'analysis 需要 --to 日期（credit 为截止日）。',
    en: 'analysis needs --to DATE (for credit: the as-of date).',
  },
  analysisNeedsFrom: { zh: '此分析需要 --from 日期。', en: 'This analysis needs --from DATE.' },
  analysisDate: { zh: '日期应为 YYYY-MM-DD：{date}', en: 'A date must be YYYY-MM-DD: {date}' },
  analysisTitle: {
    zh: '{title}  {from} 至 {to}（内部资料，严禁外传）',
    en: '{title}, {from} to {to} (confidential)',
  },
  analysisCreditTitle: {
    zh: '客户信用分析  截至 {asOf}（内部资料，严禁外传）',
    en: 'Credit analysis as of {asOf} (confidential)',
  },
  analysisGradeTitle: { zh: '销售构成分析', en: 'Sales composition by grade' },
  analysisProductTitle: { zh: '商品构成分析', en: 'Product composition' },
  analysisRegionTitle: { zh: '地区构成分析', en: 'Regional composition' },
  analysisGradeHeader: {
    zh: '客户等级\t客户数\t销售额（元）\t占比\t上期（元）\t去年同期（元）',
    en: 'grade\tcustomers\tsales (yuan)\tshare\tprevious (yuan)\tlast year (yuan)',
  },
  analysisCompared: {
    zh: '上期 {previous}；去年同期 {lastYear}',
    en: 'previous period {previous}; same period last year {lastYear}',
  },
  analysisPareto: {
    zh: '帕累托：销售额大于零的 {n} 个客户中，前 {k} 个（{share}）构成 80% 的销售额。',
    en: 'Pareto: {k} of the {n} customers with sales ({share}) make 80 % of sales.',
  },
  analysisCategoryHeader: {
    zh: '商品类别\t客户数\t数量\t销售额（元）\t占比',
    en: 'category\tcustomers\tquantity\tsales (yuan)\tshare',
  },
  analysisProductHeader: {
    zh: '商品（前 {n} 种）\t类别\t客户数\t数量\t销售额（元）\t占比',
    en: 'product (top {n})\tcategory\tcustomers\tquantity\tsales (yuan)\tshare',
  },
  analysisCrossHeader: { zh: '类别 × {by}', en: 'category × {by}' },
  analysisByGrade: { zh: '客户等级', en: 'grade' },
  analysisByRegion: { zh: '地区', en: 'region' },
  analysisRegionHeader: {
    zh: '地区\t客户数\t销售额（元）\t占比\t可下钻',
    en: 'region\tcustomers\tsales (yuan)\tshare\tdrills down',
  },
  analysisRegionPath: { zh: '上级地区：{path}', en: 'Within: {path}' },
  analysisTotal: { zh: '合计', en: 'total' },
  analysisNone: { zh: '（未分类）', en: '(none)' },
  analysisYes: { zh: '是', en: 'yes' },
  analysisCreditTotals: {
    zh: '客户 {customers} 个，应收余额 {outstanding} 元（{withBalance} 个客户），授信额度合计 {limit} 元；超限 {over} 个，超出 {overCents} 元；多付（预收）{credit} 个，共 {creditCents} 元。',
    en: '{customers} customers, {outstanding} yuan outstanding ({withBalance} customers), limits {limit} yuan; {over} over their limit by {overCents} yuan; {credit} paid ahead, {creditCents} yuan.',
  },
  analysisCreditHeader: {
    zh: '信用等级\t客户数\t授信额度（元）\t应收余额（元）\t占比\t超限客户\t建议账期（天）\t处理方式',
    en: 'credit grade\tcustomers\tlimits (yuan)\toutstanding (yuan)\tshare\tover limit\tterms (days)\thandling',
  },
  analysisAgeingHeader: {
    zh: '账龄（先进先出）\t应收金额（元）\t客户数\t占比',
    en: 'age (oldest paid first)\tamount (yuan)\tcustomers\tshare',
  },
  analysisOverLimitHeader: {
    zh: '超限客户（前 {n} 个，共 {count} 个）\n客户编码\t名称\t授信额度（元）\t应收余额（元）\t超出（元）',
    en: 'over limit (top {n} of {count})\ncode\tname\tlimit (yuan)\toutstanding (yuan)\tover by (yuan)',
  },
  exportDone: {
    zh: '已导出 {rows} 张卡到 {path}（内部资料，严禁外传）。',
    en: 'Exported {rows} cards to {path} (confidential).',
  },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof TEXT;

/** A CLI message in the chosen language with `{name}` placeholders filled. */
export function cliText(key: MessageKey, language: Language, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));
}
