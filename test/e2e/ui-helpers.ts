/**
 * Shared steps for the UI end-to-end tests: they drive the screens the way
 * a user does (labels and button names, in Chinese), never the bridge directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

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
