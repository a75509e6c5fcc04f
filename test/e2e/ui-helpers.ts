/**
 * Shared steps for the UI end-to-end tests: they drive the screens the way
 * a user does (labels and button names, in Chinese), never the bridge directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/** A form field by its exact label; Mantine appends " *" to required labels. */
export function field(page: Page, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

/** Cheap scrypt for tests; the product uses N=2^17. */
export const TEST_KDF = { N: 1024, r: 8, p: 1 };

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin12345pass' };

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kedang-e2e-'));
}

/** Fills the setup wizard and returns the recovery code shown afterwards (the page stays on that screen). */
export async function completeSetup(page: Page, archiveName = '华东客户档案室'): Promise<string> {
  await field(page, '档案库名称').fill(archiveName);
  await field(page, '用户名').fill(ADMIN.username);
  await field(page, '姓名').fill(ADMIN.displayName);
  await field(page, '新密码').fill(ADMIN.password);
  await field(page, '再次输入新密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建档案库' }).click();
  const code = page.getByTestId('recovery-code');
  await code.waitFor();
  return (await code.textContent())?.trim() ?? '';
}

/** Confirms the recovery code is stored and continues to the login screen. */
export async function leaveRecoveryCode(page: Page): Promise<void> {
  await page.getByLabel('我已妥善保存恢复码').check();
  await page.getByRole('button', { name: '继续登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await field(page, '用户名').fill(username);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** The labels of the navbar entries, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.waitFor();
  return (await nav.locator('a, button').allTextContents()).map((text) => text.trim());
}

/** An account the administrator creates: first the temporary password, then the one the user sets. */
export interface TestUser {
  username: string;
  displayName: string;
  temporary: string;
  password: string;
}

/** The custodian most screens are driven as: created by the admin with a temporary password, then changed. */
export const CUSTODIAN: TestUser = {
  username: 'lihua',
  displayName: '李华',
  temporary: 'Temp12345abc',
  password: 'Lihua2024secure',
};

/** Clicks each role in the open dialog's role picker: an unpicked role is added, a picked one removed. */
export async function pickRoles(page: Page, roles: string[]): Promise<void> {
  // The visible box wraps the hidden combobox input and takes the click.
  await page.getByRole('dialog').locator('.mantine-MultiSelect-input').click();
  for (const role of roles) await page.getByRole('option', { name: role }).click();
  await page.keyboard.press('Escape');
}

/** 新建用户 with one role, from the users tab; waits for the new row. */
export async function createUser(page: Page, user: TestUser, role: string, ui: HarnessBrowser, shot?: string) {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await field(page, '用户名').fill(user.username);
  await field(page, '姓名').fill(user.displayName);
  await pickRoles(page, [role]);
  await field(page, '临时密码').fill(user.temporary);
  if (shot) await ui.screenshot(shot);
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await page.getByText(`已创建用户 ${user.username}。`).waitFor();
  await page.locator(`[data-username="${user.username}"]`).waitFor();
}

/** First login with a temporary password: the forced change screen, then the shell. */
export async function firstLogin(page: Page, user: TestUser, ui: HarnessBrowser, shot?: string) {
  await login(page, user.username, user.temporary);
  await page.getByRole('heading', { name: '请修改临时密码' }).waitFor();
  if (shot) await ui.screenshot(shot);
  await field(page, '当前密码').fill(user.temporary);
  await field(page, '新密码').fill(user.password);
  await field(page, '再次输入新密码').fill(user.password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('heading', { name: `您好，${user.displayName}` }).waitFor();
}

/** Opens a navbar section by its label. */
/** Picks an option of a Mantine Select found by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText(label, { exact: true }).click();
}

export interface TestUi {
  dataDir: string;
  harness: Harness;
  ui: HarnessBrowser;
  close(): Promise<void>;
}

/** A fresh data folder, the harness on it, and Chromium showing the app, set up for steady screenshots. */
export async function openTestUi(options: { clock?: () => Date } = {}): Promise<TestUi> {
  const dataDir = freshDataDir();
  const harness = await startHarness({ dataDir, kdf: TEST_KDF, ...(options.clock ? { clock: options.clock } : {}) });
  const ui = await openBrowser(harness);
  // Fail fast: every step here answers in well under a second.
  ui.page.setDefaultTimeout(10_000);
  // No modal fade-ins half-way through a screenshot.
  await ui.page.emulateMedia({ reducedMotion: 'reduce' });
  return {
    dataDir,
    harness,
    ui,
    async close() {
      await ui.close();
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
