/**
 * First start and logging in, through the real UI against the real store:
 * the setup wizard, the one-time recovery code, the login errors (the same
 * text for a wrong user name and a wrong password) and the lockout.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { ADMIN, completeSetup, field, freshDataDir, leaveRecoveryCode, login, TEST_KDF } from './ui-helpers';

describe('setup wizard and login', () => {
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;

  beforeAll(async () => {
    dataDir = freshDataDir();
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the archive, shows the recovery code once, then reaches the login', async () => {
    const { page } = ui;
    await page.getByRole('heading', { name: '创建档案库' }).waitFor();
    // The password rule is visible before the user types anything.
    await expect(page.getByText('密码至少 10 位，且须同时包含字母和数字。').first().isVisible()).resolves.toBe(true);
    await ui.screenshot('setup');

    // A weak password is refused in the form, nothing is created.
    await field(page, '档案库名称').fill('华东客户档案室');
    await field(page, '新密码').fill('short');
    await page.getByRole('button', { name: '创建档案库' }).click();
    await page.getByText('此项必填。').first().waitFor();
    await ui.screenshot('setup-validation');

    const code = await completeSetup(page);
    expect(code.length).toBeGreaterThanOrEqual(10);
    await expect(page.getByRole('button', { name: '继续登录' }).isDisabled()).resolves.toBe(true);
    await ui.screenshot('recovery-code');

    await leaveRecoveryCode(page);
    await expect(page.getByText('华东客户档案室').first().isVisible()).resolves.toBe(true);
    await ui.screenshot('login');

    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: `您好，${ADMIN.displayName}` }).waitFor();
    await ui.screenshot('admin-home');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  });

  it('gives the same message for a wrong password and an unknown user name', async () => {
    const { page } = ui;
    await login(page, ADMIN.username, 'Wrong1234567');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    await ui.screenshot('login-error');

    await login(page, 'nobody', 'Wrong1234567');
    await page.waitForFunction(() => document.querySelector('[data-error-code]') !== null);
    expect(await page.getByRole('alert').textContent()).toContain('用户名或密码错误');
  });

  it('locks the account after 5 failed logins, even for the right password', async () => {
    const { page } = ui;
    // The previous test already failed once for this user.
    for (let attempt = 2; attempt <= 5; attempt++) {
      await login(page, ADMIN.username, `Wrong${attempt}234567`);
      await page.locator('[data-error-code="INVALID_CREDENTIALS"]').waitFor();
    }
    await login(page, ADMIN.username, ADMIN.password);
    const locked = page.locator('[data-error-code="ACCOUNT_LOCKED"]');
    await locked.waitFor();
    expect(await locked.textContent()).toContain('该账户已锁定 15 分钟');
    await page.getByTestId('locked-until').waitFor();
    await ui.screenshot('login-locked');
  });

  it('switches the language before login', async () => {
    const { page } = ui;
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    await ui.screenshot('login-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  });
});
