/**
 * The five roles of the archive office (DESIGN.md, "Who uses it").
 * Admin, custodian and auditor are the three separate duties (三员分立).
 */
export const ROLES = ['admin', 'custodian', 'manager', 'rep', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that are separate duties: one user holding two of them needs an explicit, logged admin decision. */
export const SEPARATE_DUTIES: readonly Role[] = ['admin', 'custodian', 'auditor'];

/** The separate duties a set of roles combines, empty when there is no conflict. */
export function dutyConflicts(roles: readonly Role[]): Role[] {
  const duties = SEPARATE_DUTIES.filter((duty) => roles.includes(duty));
  return duties.length > 1 ? duties : [];
}
