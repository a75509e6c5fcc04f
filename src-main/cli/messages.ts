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
  export cards --out 文件  导出全部客户档案到 xlsx（档案管理员）

选项:
  --data-dir 目录          数据目录（默认 KEDANG_DATA_DIR 或用户数据目录）
  --user 用户名            以该用户登录
  --password-stdin         从标准输入第一行读取密码
  --json                   机器可读输出
  --lang zh|en             语言（默认 zh）
  --archive-name 名称      init：档案库名称
  --display-name 名称      init：管理员显示名称
  --dry-run                import：只检查并报告，不写入
  --duplicates 方式        import：重复客户 skip（跳过，默认）| update（更新）| new（新建）
  --mapping 文件.json      import：列对应关系，如 {"单位名称":"basic.name","备注":""}
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
  export cards --out FILE  export every archive card to xlsx (custodian)

Options:
  --data-dir DIR           data folder (default KEDANG_DATA_DIR or the user data folder)
  --user NAME              log in as this user
  --password-stdin         read the password from the first line of stdin
  --json                   machine-readable output
  --lang zh|en             language (default zh)
  --archive-name NAME      init: archive name
  --display-name NAME      init: administrator display name
  --dry-run                import: check and report only, write nothing
  --duplicates MODE        import: duplicates skip (default) | update | new
  --mapping FILE.json      import: column mapping, e.g. {"单位名称":"basic.name","备注":""}
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
