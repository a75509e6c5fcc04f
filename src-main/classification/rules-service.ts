import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import {
  ClassificationRulesSchema,
  DEFAULT_CLASSIFICATION_RULES,
  type ClassificationRules,
} from '../../src-shared/classification/derived';
import { KedangError } from '../errors';
import type { Call } from '../router/call';
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

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function getRules(
  _call: Call,
  _input: ParsedInputOf<'classification.rules'>,
): Promise<OutputOf<'classification.rules'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function saveRules(
  _call: Call,
  _input: ParsedInputOf<'classification.saveRules'>,
): Promise<OutputOf<'classification.saveRules'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
