import { sql, type Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import {
  CLASSIFICATION_AXES,
  unverifiedSections,
  type CardContent,
  type CardStatus,
} from '../../src-shared/cards/card';
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

/**
 * Filter tokens: the card's status, classifications, rep and verification
 * state as index terms, so that a search with filters is answered by the
 * index alone (counting 25,000 matches by looking up each card's row took
 * 50 ms; the index does it in 3). They start with a private-use character,
 * which FTS5's unicode61 tokenizer keeps inside a token and which no typed
 * query can contain (typed text is folded to letters and digits).
 */
const FILTER_MARK = '\uE000';
const FILTER_KEYS = {
  status: 's',
  nature: 'n',
  ownership: 'o',
  businessType: 'b',
  locationType: 'l',
  grade: 'g',
  creditGrade: 'c',
  industry: 'i',
  region: 'r',
  route: 'u',
  assignedRep: 'a',
  unverified: 'v',
} as const;
export type FilterKey = keyof typeof FILTER_KEYS;

/** The index term for one filter value; values are hex-encoded so that any code stays one token. */
export function filterToken(key: FilterKey, value: string): string {
  const normalized = key === 'assignedRep' ? value.toLowerCase() : value;
  return `${FILTER_MARK}${FILTER_KEYS[key]}${Buffer.from(normalized, 'utf8').toString('hex')}`;
}

function filterTokens(content: CardContent, status: CardStatus): string[] {
  const c = content.classification;
  return [
    filterToken('status', status),
    ...CLASSIFICATION_AXES.map((axis) => filterToken(axis, c[axis])),
    filterToken('assignedRep', c.assignedRep),
    filterToken('unverified', unverifiedSections(content).length > 0 ? '1' : '0'),
  ];
}

/** The FTS5 document of a card: its searchable fields as bigrams, then its filter tokens. */
export function indexTerms(content: CardContent, status: CardStatus): string {
  return `${indexDocument(searchFields(content))} ${filterTokens(content, status).join(' ')}`;
}

/** Replaces a card's entry in the search index (SQLite FTS5; src-shared/cards/search-terms.ts). */
export async function indexCard(
  db: Kysely<ArchiveSchema>,
  id: number,
  content: CardContent,
  status: CardStatus,
): Promise<void> {
  await sql`DELETE FROM card_search WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO card_search (rowid, terms) VALUES (${id}, ${indexTerms(content, status)})`.execute(db);
}
