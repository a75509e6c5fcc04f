import type { Kysely } from 'kysely';
import {
  ClassificationRulesSchema,
  DEFAULT_CLASSIFICATION_RULES,
  type ClassificationRules,
} from '../../src-shared/classification/derived';
import type { ArchiveSchema } from '../store/schema';

/** The settings row holding the rules as JSON. */
export const RULES_SETTING_KEY = 'classification_rules';

/**
 * The thresholds of the derived classes and the credit terms table. The defaults apply until an
 * administrator saves rules; a stored value that no longer parses (e.g. written by a newer
 * version) also falls back to the defaults rather than failing every analysis.
 */
export async function loadRules(db: Kysely<ArchiveSchema>): Promise<ClassificationRules> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', RULES_SETTING_KEY).executeTakeFirst();
  if (!row) return DEFAULT_CLASSIFICATION_RULES;
  try {
    const parsed = ClassificationRulesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_CLASSIFICATION_RULES;
  } catch {
    return DEFAULT_CLASSIFICATION_RULES;
  }
}
