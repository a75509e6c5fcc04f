import { isStrongPassword, PASSWORD_MIN_LENGTH } from '../../src-shared/passwords';
import type { Translate } from '../i18n/I18nProvider';

/** The rule as forms show it under every new-password field; main enforces the same rule. */
export function passwordRuleText(t: Translate): string {
  return t('password.rule', { n: PASSWORD_MIN_LENGTH });
}

/** Client-side checks for a new password typed twice; undefined entries mean "fine". */
export function checkNewPassword(
  t: Translate,
  password: string,
  repeat: string | null,
): { password?: string; repeat?: string } {
  const problems: { password?: string; repeat?: string } = {};
  if (!isStrongPassword(password)) problems.password = passwordRuleText(t);
  if (repeat !== null && repeat !== password) problems.repeat = t('password.mismatch');
  return problems;
}
