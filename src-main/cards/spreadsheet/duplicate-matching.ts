import type { Kysely } from 'kysely';
import type { CardContent } from '../../../src-shared/cards/card';
import { normalizeCreditCode } from '../../../src-shared/cards/credit-code';
import { nameKey } from '../../../src-shared/cards/normalize';
import type { ArchiveSchema } from '../../store/schema';
import { codeKey } from './people-sheet';

/** The card a row is matched to: one in the archive, or one that an earlier row of the file creates. */
export type MatchTarget =
  | { kind: 'existing'; id: number; code: string; merged: boolean }
  /** A card created by the row `row` of this file; `id` once it is written (null in a dry run). */
  | { kind: 'file'; row: number; code: string; id: number | null };

export interface Match {
  target: MatchTarget;
  by: 'code' | 'creditCode' | 'name';
}

/**
 * Recognises the customer a row is about, in the order the office trusts:
 * the customer code, then the unified social credit code, then the name
 * without its legal-form words (nameKey). Cards of the archive and cards
 * that earlier rows of the same file create or update are both known. A
 * merged card is found only by its code (which stays taken).
 */
export class DuplicateMatcher {
  private readonly byCode = new Map<string, MatchTarget>();
  private readonly byCredit = new Map<string, MatchTarget>();
  private readonly byName = new Map<string, MatchTarget>();

  /** The highest card id, from which the ids (and generated codes) of new cards follow. */
  maxId = 0;

  static async load(db: Kysely<ArchiveSchema>): Promise<DuplicateMatcher> {
    const matcher = new DuplicateMatcher();
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'code', 'credit_code', 'name_key', 'status'])
      .orderBy('id')
      .execute();
    for (const r of rows) {
      matcher.maxId = Math.max(matcher.maxId, r.id);
      const merged = r.status === 'merged';
      const target: MatchTarget = { kind: 'existing', id: r.id, code: r.code, merged };
      matcher.byCode.set(codeKey(r.code), target);
      if (merged) continue;
      if (r.credit_code && !matcher.byCredit.has(r.credit_code)) matcher.byCredit.set(r.credit_code, target);
      if (r.name_key && !matcher.byName.has(r.name_key)) matcher.byName.set(r.name_key, target);
    }
    return matcher;
  }

  find(keys: { code: string; creditCode: string; nameKey: string }): Match | null {
    const byCode = keys.code ? this.byCode.get(codeKey(keys.code)) : undefined;
    if (byCode) return { target: byCode, by: 'code' };
    const byCredit = keys.creditCode ? this.byCredit.get(keys.creditCode) : undefined;
    if (byCredit) return { target: byCredit, by: 'creditCode' };
    const byName = keys.nameKey ? this.byName.get(keys.nameKey) : undefined;
    if (byName) return { target: byName, by: 'name' };
    return null;
  }

  isCodeTaken(code: string): boolean {
    return this.byCode.has(codeKey(code));
  }

  /** Makes a card accepted from the file findable by later rows; earlier claims on a key stay. */
  remember(content: CardContent, target: MatchTarget): void {
    const code = content.basic.code;
    const credit = normalizeCreditCode(content.basic.creditCode);
    const name = nameKey(content.basic.name);
    if (code && !this.byCode.has(codeKey(code))) this.byCode.set(codeKey(code), target);
    if (credit && !this.byCredit.has(credit)) this.byCredit.set(credit, target);
    if (name && !this.byName.has(name)) this.byName.set(name, target);
  }
}
