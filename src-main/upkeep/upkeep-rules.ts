import type { Kysely } from 'kysely';
import { DEFAULT_UPKEEP_RULES, UpkeepRulesSchema, type UpkeepRules } from '../../src-shared/upkeep/upkeep';
import type { ArchiveSchema } from '../store/schema';

/** The settings row holding the upkeep rules as JSON. */
export const UPKEEP_RULES_KEY = 'upkeep_rules';

/**
 * The review cycles and the no-visit limit. The defaults (method 四.1's own example) apply until the
 * custodian saves rules; a stored value that no longer parses (e.g. written by a newer version) also
 * falls back to them rather than failing every list and start page.
 */
export async function loadUpkeepRules(db: Kysely<ArchiveSchema>): Promise<UpkeepRules> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', UPKEEP_RULES_KEY).executeTakeFirst();
  if (!row) return DEFAULT_UPKEEP_RULES;
  try {
    const parsed = UpkeepRulesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_UPKEEP_RULES;
  } catch {
    return DEFAULT_UPKEEP_RULES;
  }
}
