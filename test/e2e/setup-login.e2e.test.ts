/**
 * First start and logging in, through the real UI against the real store:
 * the setup wizard, the one-time recovery code, the login errors (the same
 * text for a wrong user name and a wrong password) and the lockout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOT_DIR, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { ADMIN, completeSetup, field, leaveRecoveryCode, login, TEST_KDF, openTestUi, type TestUi } from './ui-helpers';

/**
 * Prints the page as Chromium would on A4 and reads the result back with
 * poppler: the page count, the text on paper (whitespace collapsed, since
 * pdftotext breaks lines where the layout does), and page 1 as
 * test-results/<name>-pdf-1.png for review.
 */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdf = join(SCREENSHOT_DIR, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const prefix = `${name}-pdf`;
  for (const old of readdirSync(SCREENSHOT_DIR)) if (old.startsWith(`${prefix}-`)) rmSync(join(SCREENSHOT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(SCREENSHOT_DIR, prefix)]);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pages, text };
}

describe('setup wizard and login', () => {
  let testUi: TestUi;
  let ui: HarnessBrowser;

  beforeAll(async () => {
    testUi = await openTestUi();
    ({ ui } = testUi);
  });

  afterAll(async () => testUi?.close());

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
    // What "打印恢复码" puts on paper, judged on the printed page itself: one
    // A4 sheet with the code and the archive, none of the screen around it.
    const sheet = await printToPdf(page, 'recovery-code-print');
    expect(sheet.pages).toBe(1);
    expect(sheet.text).toContain(code);
    expect(sheet.text).toContain('华东客户档案室');
    expect(sheet.text).toContain('客档 档案库恢复码');
    for (const screenOnly of ['打印恢复码', '继续登录', '我已妥善保存恢复码'])
      expect(sheet.text).not.toContain(screenOnly);

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

describe('recovery code and a damaged data folder', () => {
  let testUi: TestUi;
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;
  let firstCode: string;

  beforeAll(async () => {
    testUi = await openTestUi();
    ({ dataDir, harness, ui } = testUi);
    firstCode = await completeSetup(ui.page);
    await leaveRecoveryCode(ui.page);
  });

  afterAll(async () => testUi?.close());

  it('resets the administrator password with the recovery code and shows a new code once', async () => {
    const { page } = ui;
    await page.getByRole('button', { name: '忘记管理员密码？使用恢复码' }).click();
    await page.getByRole('heading', { name: '使用恢复码' }).waitFor();
    await field(page, '恢复码').fill(firstCode);
    await field(page, '系统管理员用户名').fill(ADMIN.username);
    await field(page, '新密码').fill('Recovered2024pass');
    await field(page, '再次输入新密码').fill('Recovered2024pass');
    await ui.screenshot('recover-form');
    await page.getByRole('button', { name: '重设管理员密码' }).click();
    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    const secondCode = (await code.textContent())?.trim() ?? '';
    expect(secondCode).not.toBe(firstCode);
    expect(secondCode.length).toBeGreaterThanOrEqual(10);
    await ui.screenshot('recovery-code-new');
    await leaveRecoveryCode(page);
    await login(page, ADMIN.username, 'Recovered2024pass');
    await page.getByRole('heading', { name: `您好，${ADMIN.displayName}` }).waitFor();
  });

  it('reports a missing keyring clearly and offers no way to set up over the archive', async () => {
    await ui.close();
    await harness.close();
    rmSync(join(dataDir, 'archive.keyring'));
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    const { page } = ui;
    await page.getByRole('heading', { name: '档案库无法打开' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('找不到密钥环文件');
    expect(await page.getByText(dataDir, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '创建档案库' }).count()).toBe(0);
    await ui.screenshot('archive-problem');
  });
});
