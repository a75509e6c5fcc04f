/**
 * The administrator's account work and what each role then sees, through
 * the real UI against the real store: creating a custodian and an auditor,
 * role-based navigation, the forced password change, backups, and the
 * auditor verifying and exporting the access log.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessBrowser } from './harness/browser';
import type { Harness } from './harness/server';
import {
  ADMIN,
  completeSetup,
  createUser,
  firstLogin,
  field,
  leaveRecoveryCode,
  login,
  logout,
  navLabels,
  openSection,
  pickRoles,
  type TestUser,
  openTestUi,
  type TestUi,
  CUSTODIAN,
} from './ui-helpers';

const AUDITOR: TestUser = {
  username: 'zhaomin',
  displayName: '赵敏',
  temporary: 'Temp67890xyz',
  password: 'Zhaomin2024audit',
};

describe('administration and roles', () => {
  let testUi: TestUi;
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;

  beforeAll(async () => {
    testUi = await openTestUi();
    ({ dataDir, harness, ui } = testUi);
    await completeSetup(ui.page);
    await leaveRecoveryCode(ui.page);
  });

  afterAll(async () => testUi?.close());

  it('lets the administrator create a custodian and an auditor', async () => {
    const { page } = ui;
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: `您好，${ADMIN.displayName}` }).waitFor();
    expect(await navLabels(page)).toEqual(['首页', '分类', '系统']);

    await openSection(page, '系统');
    await page.getByTestId('users-table').waitFor();
    await ui.screenshot('admin-users-empty');

    await createUser(page, CUSTODIAN, '档案管理员', ui, 'create-user-modal');

    // Combining separate duties asks for the explicit confirmation before main accepts it.
    await page.getByRole('button', { name: '新建用户' }).click();
    await pickRoles(page, ['档案管理员', '审计员']);
    await page.getByTestId('duty-overlap').waitFor();
    await ui.screenshot('create-user-duty-conflict');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await createUser(page, AUDITOR, '审计员', ui);
    const rows = page.getByTestId('users-table').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const custodianRow = page.locator(`[data-username="${CUSTODIAN.username}"]`);
    expect(await custodianRow.textContent()).toContain('档案管理员');
    expect(await custodianRow.textContent()).toContain('须改密码');
    await ui.screenshot('admin-users');
  });

  it('shows settings and makes a backup to the chosen file', async () => {
    const { page } = ui;
    await page.getByRole('tab', { name: '设置' }).click();
    await field(page, '无操作自动锁定').waitFor();
    await ui.screenshot('admin-settings');

    await page.getByRole('tab', { name: '备份' }).click();
    await page.getByText('尚未备份过').waitFor();
    const backupFile = join(dataDir, 'manual-backup.kedang');
    harness.chooseFileAnswers.push(backupFile);
    await page.getByRole('button', { name: '选择…' }).first().click();
    await page.waitForFunction(
      (path) => (document.querySelector('[data-testid="backup-path"]') as HTMLInputElement | null)?.value === path,
      backupFile,
    );
    await page.getByRole('button', { name: '备份到文件…' }).click();
    await page.getByTestId('last-backup').waitFor();
    expect(existsSync(backupFile)).toBe(true);
    await ui.screenshot('admin-backup');

    await field(page, '备份文件路径').last().fill(backupFile);
    await page.getByRole('button', { name: '从备份恢复…' }).click();
    await page.getByRole('dialog').waitFor();
    await ui.screenshot('admin-restore-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // The administrator keeps the classification dictionaries (no card content).
    await openSection(page, '分类');
    await page.getByTestId('dictionary-admin').waitFor();
    await ui.screenshot('admin-classification');
    await logout(page);
  });

  it('shows the custodian the card domains but not administration or the access log', async () => {
    const { page } = ui;
    await firstLogin(page, CUSTODIAN, ui, 'forced-password-change');
    const labels = await navLabels(page);
    expect(labels).toContain('档案卡');
    expect(labels).not.toContain('系统');
    expect(labels).not.toContain('访问日志');
    await ui.screenshot('custodian-home');
    // The card list is built (cards.e2e.test.ts covers it); an empty archive says how to start.
    await openSection(page, '档案卡');
    await page.getByTestId('card-empty').waitFor();
    await ui.screenshot('empty-cards');
    // Analyses need sales: an empty archive says where they come from and leads the custodian there.
    await openSection(page, '分析');
    await page.getByTestId('analysis-no-sales').waitFor();
    expect(await page.getByRole('button', { name: '去导入销售数据' }).count()).toBe(1);
    await ui.screenshot('empty-analysis');
    // Visit reports: the custodian's inbox says when nothing waits.
    await openSection(page, '拜访');
    await page.getByRole('heading', { name: '拜访', exact: true }).waitFor();
    expect(await page.getByTestId('inbox-empty').textContent()).toBe('收件箱是空的：没有待处理的报告。');
    await ui.screenshot('empty-visits');
    await logout(page);
  });

  it('shows the auditor only the access log, which verifies intact and exports', async () => {
    const { page } = ui;
    await firstLogin(page, AUDITOR, ui);
    expect(await navLabels(page)).toEqual(['首页', '访问日志']);

    await openSection(page, '访问日志');
    await page.getByTestId('log-table').waitFor();
    const rowCount = await page.getByTestId('log-table').locator('tbody tr').count();
    expect(rowCount).toBeGreaterThan(5);
    await ui.screenshot('access-log');

    await page.getByRole('button', { name: '校验日志' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toMatch(/日志完整：已校验 \d+ 条/);
    await ui.screenshot('access-log-verified');
    // Every outcome reads in full (成功, not "成…"), and the table fits a 1280 px window without scrolling sideways.
    const clipped = await page
      .getByTestId('log-table')
      .locator('tbody .mantine-Badge-label')
      .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).length);
    expect(clipped).toBe(0);
    expect(await page.getByTestId('log-table').locator('tbody tr').first().textContent()).toContain('成功');
    const fits = await page
      .getByTestId('log-table')
      .evaluate((table) => table.getBoundingClientRect().right <= document.documentElement.clientWidth);
    expect(fits).toBe(true);

    // Filtering by action narrows the table to matching rows.
    await page.getByRole('combobox', { name: '操作' }).click();
    await page.getByRole('option', { name: '新建用户' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('log-total').filter({ hasText: '共 2 条记录' }).waitFor();
    await ui.screenshot('access-log-filtered');

    const exportFile = join(dataDir, 'log-export.xlsx');
    harness.chooseFileAnswers.push(exportFile);
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await page.getByText(`已导出 2 条记录到 ${exportFile}。`).waitFor();
    expect(existsSync(exportFile)).toBe(true);
  });
});
