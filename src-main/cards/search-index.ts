import { sql, type Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { CardContent } from '../../src-shared/cards/card';
import { indexDocument } from '../../src-shared/cards/search-terms';
import type { ArchiveSchema } from '../store/schema';

/** Pinyin initials of the Chinese characters in a name: 北京华信科技 → bjhxkj. */
export function pinyinInitials(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return '';
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
}

/**
 * What the search box finds a card by: name, short name, code, credit code,
 * phone, fax, address, every person's name and phone, and the pinyin
 * initials of the names. Each is a separate field of the index document.
 */
export function searchFields(content: CardContent): string[] {
  const b = content.basic;
  return [
    b.code,
    b.name,
    b.shortName,
    b.creditCode,
    b.phone,
    b.fax,
    b.address,
    ...content.people.flatMap((p) => [p.name, p.phone]),
    pinyinInitials(b.name),
    pinyinInitials(b.shortName),
  ];
}

/** Replaces a card's entry in the bigram index (SQLite FTS5; src-shared/cards/search-terms.ts). */
export async function indexCard(db: Kysely<ArchiveSchema>, id: number, content: CardContent): Promise<void> {
  await sql`DELETE FROM card_search WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO card_search (rowid, terms) VALUES (${id}, ${indexDocument(searchFields(content))})`.execute(db);
}
