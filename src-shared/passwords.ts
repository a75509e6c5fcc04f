/**
 * The password rule, shared by the forms and the main process so the form
 * can say exactly what the main process will refuse.
 */
export const PASSWORD_MIN_LENGTH = 10;

export function isStrongPassword(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && /\p{L}/u.test(password) && /\d/.test(password);
}
